#!/usr/bin/env bash
# Every button, toggle and menu button of the main window has a name a screen reader can
# say: the window is walked through AT-SPI, as Orca would.
#   test-accessibility.sh KRINGEL SOURCE_ROOT     (needs DISPLAY, a session bus, python3-pyatspi)
set -u
kringel=$1 root=$2
app=
trap '[[ -n $app ]] && kill "$app" 2>/dev/null; wait 2>/dev/null' EXIT

if [[ -z ${DISPLAY:-} || -z ${DBUS_SESSION_BUS_ADDRESS:-} ]] || ! /usr/bin/python3 -c 'import pyatspi' 2>/dev/null; then
  echo "1..0 # SKIP needs a display, a session bus and python3-pyatspi"
  exit 0
fi

unset NO_AT_BRIDGE
GDK_DEBUG=gl-disable "$kringel" "$root/data/templates/three-phases.en.kringel" >/dev/null 2>&1 &
app=$!

exec /usr/bin/python3 - "$app" <<'PY'
import sys, time
import pyatspi

pid = int(sys.argv[1])
ROLES = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON}

def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        child = desktop.getChildAtIndex(i)
        try:
            if child is not None and child.get_process_id() == pid:
                return child
        except Exception:
            pass
    return None

app = None
for _ in range(100):
    app = find_app()
    if app is not None and app.childCount > 0:
        break
    time.sleep(0.2)
if app is None:
    print("not ok 1 - the application appeared on the accessibility bus")
    sys.exit(1)
time.sleep(1)

buttons, nameless = [], []
def walk(node, depth=0):
    if node is None or depth > 60:
        return
    try:
        role = node.getRole()
        if role in ROLES:
            buttons.append(node)
            if not (node.name or "").strip():
                nameless.append(node)
        for i in range(node.childCount):
            walk(node.getChildAtIndex(i), depth + 1)
    except Exception:
        pass

walk(app)
ok1 = len(buttons) >= 8
print(("ok" if ok1 else "not ok"), 1, "- the window's buttons are on the accessibility bus (%d found)" % len(buttons))
ok2 = not nameless
print(("ok" if ok2 else "not ok"), 2, "- every button has a name")
for node in nameless:
    parent = node.parent
    print("# nameless %s inside %s %r" % (node.getRoleName(), parent.getRoleName() if parent else "?",
                                        parent.name if parent else ""))
print("1..2")
sys.exit(0 if ok1 and ok2 else 1)
PY
