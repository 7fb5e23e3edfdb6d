#!/usr/bin/env bash
# Real input under Xvfb (xdotool): drag a card into another phase, connect two cards by the
# handle, connect back, undo that, save with Ctrl+S, and check the saved file.
#   test-real-input.sh KRINGEL SOURCE_ROOT          (needs DISPLAY, xdotool, import, python3-pil)
set -u
kringel=$1 root=$2
work=$(mktemp -d)
# a user of its own: no recovery offer or recent file of whoever runs the test gets in the way
export XDG_STATE_HOME=$work/state XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache
app=
cleanup() { [[ -n $app ]] && kill "$app" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

if [[ -z ${DISPLAY:-} ]] || ! command -v xdotool >/dev/null; then
  echo "1..0 # SKIP needs an X display and xdotool"
  exit 0
fi

cp "$root/tests/data/ui/real-input.kringel" "$work/map.kringel"
GDK_DEBUG=gl-disable "$kringel" "$work/map.kringel" >"$work/log" 2>&1 &
app=$!

window=$(timeout 20 xdotool search --sync --name "map.kringel" | head -n 1)
if [[ -z $window ]]; then
  echo "not ok 1 - the window did not appear"; cat "$work/log"; exit 1
fi
# room for both phases whatever side bars the window shows
xdotool windowsize "$window" 1580 960
sleep 1.5

# Where is map point (0, 0) on the screen? The first phase's accent bar (#d81b60) starts at
# map (150, 0): find its top-left pixel.
find_origin() {
  import -window root "$work/screen.png"
  read -r origin_x origin_y < <(/usr/bin/python3 - "$work/screen.png" <<'PY'
import sys
from PIL import Image
image = Image.open(sys.argv[1]).convert("RGB")
width, height = image.size
pixels = image.load()
for y in range(height):
    for x in range(width):
        r, g, b = pixels[x, y]
        if abs(r - 0xd8) < 6 and abs(g - 0x1b) < 6 and abs(b - 0x60) < 6:
            print(x - 150, y)
            sys.exit(0)
print("-1 -1")
PY
)
}
find_origin
if [[ $origin_x -lt 0 ]]; then
  echo "not ok 1 - could not find the map on the screen"; exit 1
fi

at() { echo $((origin_x + $1)) $((origin_y + $2)); }
drag() {   # drag X1 Y1 X2 Y2 (map coordinates)
  read -r sx sy < <(at "$1" "$2"); read -r ex ey < <(at "$3" "$4")
  xdotool mousemove "$sx" "$sy"; sleep 0.5
  xdotool mousedown 1
  for step in 1 2 3 4 5 6 7 8 9 10; do
    xdotool mousemove $((sx + (ex - sx) * step / 10)) $((sy + (ey - sy) * step / 10)); sleep 0.04
  done
  sleep 0.1; xdotool mouseup 1; sleep 0.4
}
hover() { read -r hx hy < <(at "$1" "$2"); xdotool mousemove "$hx" "$hy"; sleep 0.6; }

# t1 (cell p1, offset 24,40 → centre 274,164) into the second phase (phases are 500 wide)
drag 274 164 774 164
# t2 → t3 from t2's handle (right edge middle), t2 centre 274,324; t3 centre 790,324
hover 274 324
drag 374 324 790 324
# t3 → t2, then undo it
hover 790 324
drag 890 324 274 324
[[ -n ${KR_DEBUG_SHOT:-} ]] && import -window root "$KR_DEBUG_SHOT"
xdotool key ctrl+z; sleep 0.3
xdotool key ctrl+s; sleep 1

# Autoscroll: the same map with phases 1400 wide, wider than the window. t1 is carried to
# the window's right edge and held there: the view scrolls on, and the card lands in the
# second phase, which was out of sight when the drag began.
kill "$app" 2>/dev/null; wait "$app" 2>/dev/null
/usr/bin/python3 - "$root/tests/data/ui/real-input.kringel" "$work/wide.kringel" <<'PY'
import json, sys
document = json.load(open(sys.argv[1]))
for phase in document["phases"]:
    phase["width"] = 1400
for touchpoint in document["touchpoints"]:
    if touchpoint["phase"] == "p2":
        touchpoint["x"] = 24
json.dump(document, open(sys.argv[2], "w"), indent=2)
PY
GDK_DEBUG=gl-disable "$kringel" "$work/wide.kringel" >"$work/log-wide" 2>&1 &
app=$!
window=$(timeout 20 xdotool search --sync --name "wide.kringel" | head -n 1)
xdotool windowsize "$window" 1580 960
sleep 1.5
find_origin
eval "$(xdotool getwindowgeometry --shell "$window")"
read -r sx sy < <(at 274 164)
xdotool mousemove "$sx" "$sy"; sleep 0.5
xdotool mousedown 1
for step in 1 2 3 4 5 6 7 8 9 10; do
  xdotool mousemove $((sx + (X + WIDTH - 12 - sx) * step / 10)) "$sy"; sleep 0.04
done
sleep 1.8
xdotool mouseup 1; sleep 0.4
xdotool key ctrl+s; sleep 1

/usr/bin/python3 - "$work/map.kringel" "$work/wide.kringel" <<'PY'
import json, sys
document = json.load(open(sys.argv[1]))
touchpoints = {t["id"]: t for t in document["touchpoints"]}
pairs = [(c["from"], c["to"]) for c in document["connections"]]
wide = {t["id"]: t for t in json.load(open(sys.argv[2]))["touchpoints"]}
checks = [
    ("the dragged card is in the second phase", touchpoints["t1"]["phase"] == "p2"),
    ("the card kept its lane", touchpoints["t1"]["lane"] == "l1"),
    ("the other cards stayed", touchpoints["t2"]["phase"] == "p1" and touchpoints["t3"]["phase"] == "p2"),
    ("the connection t2 → t3 was made", ("t2", "t3") in pairs),
    ("the undone connection t3 → t2 is gone", ("t3", "t2") not in pairs),
    ("one connection in all", len(pairs) == 1),
    ("held at the edge, the view scrolled and the card landed in the second phase", wide["t1"]["phase"] == "p2"),
]
failed = 0
for number, (name, ok) in enumerate(checks, 1):
    print(("ok" if ok else "not ok"), number, "-", name)
    failed |= not ok
print("1..%d" % len(checks))
if failed:
    print("# saved file:", json.dumps(document["touchpoints"], indent=1)[:2000], file=sys.stderr)
sys.exit(failed)
PY
