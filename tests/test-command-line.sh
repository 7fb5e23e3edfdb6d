#!/usr/bin/env bash
# The command line without a display: --export, --version, --help and bad input.
#   test-command-line.sh KRINGEL SOURCE_ROOT
set -u
kringel=$1 root=$2
unset DISPLAY WAYLAND_DISPLAY
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0 failed=0

check() {   # check DESCRIPTION COMMAND...
  n=$((n + 1))
  if "${@:2}"; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=1; fi
}

template=$root/data/templates/three-phases.en.kringel
bad=$root/tests/data/bad

export_png() { "$kringel" --export "$work/map.png" "$template" && [[ $(head -c 8 "$work/map.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]]; }
export_svg() { "$kringel" --export "$work/map.svg" "$template" && grep -q '<svg' "$work/map.svg"; }
export_pdf() { "$kringel" --export "$work/map.out" --format pdf "$template" && [[ $(head -c 4 "$work/map.out") == %PDF ]]; }
export_twice_same() {
  "$kringel" --export "$work/a.svg" "$template" && "$kringel" --export "$work/b.svg" "$template" &&
  cmp -s "$work/a.svg" "$work/b.svg" &&
  "$kringel" --export "$work/a.png" "$template" && "$kringel" --export "$work/b.png" "$template" &&
  cmp -s "$work/a.png" "$work/b.png"
}
bad_input_fails_cleanly() {
  local fixture=$bad/trailing-comma-object.kringel
  [[ -f $fixture ]] || fixture=$(ls "$bad"/*.kringel | head -n 1)
  "$kringel" --export "$work/bad.png" "$fixture" 2>"$work/stderr"
  local status=$?
  [[ $status -eq 1 ]] && [[ ! -e $work/bad.png ]] &&
  grep -Eq "^kringel: $fixture(:[0-9]+:[0-9]+| \\\$)" "$work/stderr"
}
bad_input_keeps_old_output() {
  echo "precious" >"$work/keep.png"
  ! "$kringel" --export "$work/keep.png" "$bad/trailing-comma-object.kringel" 2>/dev/null &&
  [[ $(cat "$work/keep.png") == precious ]]
}
missing_input() { ! "$kringel" --export "$work/x.png" "$work/none.kringel" 2>"$work/stderr" && grep -q "^kringel: .*none.kringel" "$work/stderr" && [[ ! -e $work/x.png ]]; }
unknown_format() { ! "$kringel" --export "$work/x.gif" "$template" 2>/dev/null && [[ ! -e $work/x.gif ]]; }
version() { "$kringel" --version | grep -Eq '^kringel [0-9]+\.[0-9]+'; }
help() { "$kringel" --help | grep -q -- '--export'; }

check "export PNG without a display" export_png
check "export SVG" export_svg
check "export PDF with --format" export_pdf
check "the same map exports the same bytes twice" export_twice_same
check "bad input: exit 1, message with place, no output file" bad_input_fails_cleanly
check "bad input leaves an existing output alone" bad_input_keeps_old_output
check "missing input file" missing_input
check "unknown format" unknown_format
check "--version" version
check "--help" help
echo "1..$n"
exit $failed
