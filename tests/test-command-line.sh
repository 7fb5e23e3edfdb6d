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
help() { "$kringel" --help >"$work/help" && grep -q -- '--export' "$work/help" && grep -q -- '--output-dir' "$work/help" &&
         grep -q -- '--slides' "$work/help" && grep -q 'slide-hd' "$work/help" && grep -q 'a3' "$work/help"; }

# png_size FILE → "WIDTHxHEIGHT" from the IHDR chunk
png_size() {
  local bytes
  bytes=$(od -An -tx1 -j16 -N8 "$1" | tr -d ' \n')
  echo "$((16#${bytes:0:8}))x$((16#${bytes:8:8}))"
}
# png_info FILE → "WIDTHxHEIGHT PIXELS_PER_METRE", from the pHYs chunk Kringel writes after the IHDR
png_info() {
  [[ $(od -An -c -j37 -N4 "$1" | tr -d ' \n') == pHYs ]] || { echo "no pHYs"; return; }
  echo "$(png_size "$1") $((16#$(od -An -tx1 -j41 -N4 "$1" | tr -d ' \n')))"
}
ppm() { echo $(( (2 * 960000 * $1 / (254 * $2) + 1) / 2 )); }   # ppm N D: pixels per metre at 96 dpi × N / D
expect_png() {   # expect_png WIDTH HEIGHT PPM ARGS… : exports the template with ARGS; ±1 for rounding
  local width=$1 height=$2 ppm=$3; shift 3
  rm -f "$work/sized.png"
  "$kringel" --export "$work/sized.png" "$@" "$template" 2>/dev/null || return 1
  local actual w h p; actual=$(png_info "$work/sized.png")
  w=${actual%%x*} h=${actual#*x}; h=${h%% *} p=${actual##* }
  if (( w < width - 1 || w > width + 1 || h < height - 1 || h > height + 1 || p < ppm - 1 || p > ppm + 1 )); then
    echo "# $*: $actual, not ${width}x$height $ppm"; return 1
  fi
}
presets_and_dpi() {
  # (test-export checks the large presets; these are the command line's names for them)
  expect_png 1920 1080 5669 --preset slide-hd && expect_png 1920 1080 5669 --preset 16:9 &&
  expect_png 1024 768 4031 --preset slide-4:3 && expect_png 1024 768 4031 --preset 4:3 || return 1
  # at 1×, 96 dpi; the other sizes follow from it
  "$kringel" --export "$work/natural.png" "$template" || return 1
  local natural w h; natural=$(png_size "$work/natural.png"); w=${natural%x*} h=${natural#*x}
  expect_png "$w" "$h" 3780 && expect_png $((2 * w)) $((2 * h)) 7559 --scale 2 &&
  expect_png $((w / 2)) $((h / 2)) 1890 --scale 0.5x &&
  expect_png 800 $((h * 800 / w)) "$(ppm 800 "$w")" --width 800 &&
  if (( 1000 * h > 500 * w )); then   # fitted into 1000 × 500: the height decides
    expect_png 1000 500 "$(ppm 500 "$h")" --size 1000x500
  else
    expect_png 1000 500 "$(ppm 1000 "$w")" --size 1000x500
  fi
}
pdf_page_sizes() {
  "$kringel" --export "$work/a4.pdf" --preset a4 "$template" && pdfinfo "$work/a4.pdf" | grep -q "Page size: *841.89 x 595.276 pts (A4)" &&
  "$kringel" --export "$work/slide.pdf" --preset slide-hd "$template" && pdfinfo "$work/slide.pdf" | grep -q "Page size: *960 x 540 pts"
}
svg_for_librsvg() {   # librsvg reads points at 96 dpi: the map's size at 1×
  "$kringel" --export "$work/map.svg" --theme projector "$template" && "$kringel" --export "$work/natural.png" "$template" &&
  rsvg-convert --format png --output "$work/from-svg.png" "$work/map.svg" &&
  [[ $(png_size "$work/from-svg.png") == $(png_size "$work/natural.png") ]]
}
pdf_text() {
  "$kringel" --export "$work/text.pdf" --slides "$template" && pdftotext -raw "$work/text.pdf" - | tr -d ' \n' >"$work/text" &&
  grep -q "Instagramad:commutingbye-bike" "$work/text" && [[ $(pdfinfo "$work/text.pdf" | grep Pages: | tr -s ' ' | cut -d' ' -f2) == 3 ]]
}
same_bytes_across_runs() {
  local format
  for format in png svg pdf; do
    "$kringel" --export "$work/one.$format" --preset slide-hd --slides=2 "$template" &&
    "$kringel" --export "$work/two.$format" --preset slide-hd --slides=2 "$template" || return 1
  done
  cmp "$work/one.pdf" "$work/two.pdf" && cmp "$work/one-1.png" "$work/two-1.png" && cmp "$work/one-2.svg" "$work/two-2.svg"
}
slides_numbered() {
  "$kringel" --export "$work/deck.png" --slides "$template" && [[ -f $work/deck-1.png && -f $work/deck-2.png && -f $work/deck-3.png ]] &&
  [[ ! -e $work/deck.png ]] &&
  "$kringel" --export "$work/pairs.svg" --slides=2 "$template" && [[ -f $work/pairs-1.svg && -f $work/pairs-2.svg && ! -e $work/pairs-3.svg ]]
}
batch() {
  local dir=$work/batch
  mkdir -p "$dir" &&
  "$kringel" --output-dir "$dir" --format pdf "$root"/data/templates/*.en.kringel &&
  [[ $(ls "$dir" | wc -l) -eq 4 && -f $dir/three-phases.en.pdf && -f $dir/six-phases-funnel.en.pdf ]] &&
  "$kringel" --output-dir "$dir" "$template" && [[ $(png_info "$dir/three-phases.en.png") == *" 3780" ]]
}
batch_all_or_nothing() {
  local dir=$work/nothing
  mkdir -p "$dir"
  ! "$kringel" --output-dir "$dir" "$template" "$bad/trailing-comma-object.kringel" 2>"$work/stderr" &&
  [[ -z $(ls -A "$dir") ]] && grep -q "trailing-comma-object" "$work/stderr" &&
  ! "$kringel" --output-dir "$dir" "$template" "$template" 2>/dev/null && [[ -z $(ls -A "$dir") ]]
}
bad_option_values() {   # each: exit 1, a "kringel: " message, no file
  local args status
  while IFS= read -r args; do
    rm -f "$work"/bad-option*
    eval "set -- $args"
    "$kringel" --export "$work/bad-option.png" "$@" "$template" 2>"$work/stderr"
    status=$?
    if [[ $status -ne 1 || ! -s $work/stderr ]] || ! grep -q "^kringel: " "$work/stderr" || compgen -G "$work/bad-option*" >/dev/null; then
      echo "# $args: status $status: $(cat "$work/stderr")"; return 1
    fi
  done <<'ARGS'
--scale abc
--scale 0
--scale 1000
--width -5
--width 0
--width 1.5
--size 100
--size 0x100
--size 100x
--preset nope
--theme neon
--background blue
--margin -1
--slides=0
--slides=abc
--format gif
--format pdf
--only p1 --selection t1
--scale 2 --width 100
--only no-such-phase
--selection t1,no-such-card
--selection ,
--slides --only p1
--scale 100
--width 40000
--output-dir /tmp
ARGS
}
too_large_names_largest() {
  ! "$kringel" --export "$work/huge.png" --width 40000 "$template" 2>"$work/stderr" &&
  grep -q "32767" "$work/stderr" && grep -q "largest size that works is 32767 × [0-9]* pixels" "$work/stderr"
}
export_options_need_export() {
  ! "$kringel" --scale 2 "$template" 2>"$work/stderr" && grep -q -- "--scale only applies to --export" "$work/stderr"
}
two_inputs_need_output_dir() {
  ! "$kringel" --export "$work/two.png" "$template" "$template" 2>"$work/stderr" && grep -q -- "--output-dir" "$work/stderr" &&
  [[ ! -e $work/two.png ]]
}

check "export PNG without a display" export_png
check "export SVG" export_svg
check "export PDF with --format" export_pdf
check "the same map exports the same bytes twice" export_twice_same
check "bad input: exit 1, message with place, no output file" bad_input_fails_cleanly
check "bad input leaves an existing output alone" bad_input_keeps_old_output
check "missing input file" missing_input
check "unknown format" unknown_format
check "--version" version
check "--help lists the options and presets" help
check "pixel size and DPI of every preset and scale" presets_and_dpi
check "PDF page sizes in points" pdf_page_sizes
check "SVG read by librsvg at the map's size" svg_for_librsvg
check "PDF slides with searchable text" pdf_text
check "the same bytes in two runs: PNG, SVG and PDF slides" same_bytes_across_runs
check "slides as numbered files" slides_numbered
check "several maps with --output-dir" batch
check "a bad map or clashing names in a batch write nothing" batch_all_or_nothing
check "every bad option value: exit 1, message, no file" bad_option_values
check "too large: says so and names the largest size" too_large_names_largest
check "export options without --export" export_options_need_export
check "several maps need --output-dir" two_inputs_need_output_dir

# A map that shows its notes as sticky notes: the PDF holds persona and note texts.
personas_and_notes_in_pdf() {
  command -v pdftotext >/dev/null || return 0
  sed 's/"notes": false/"notes": true/' "$root/data/templates/three-phases.en.kringel" >"$work/notes.kringel" &&
  "$kringel" --export "$work/notes.pdf" "$work/notes.kringel" &&
  pdftotext "$work/notes.pdf" "$work/notes.txt" &&
  tr -s ' \n' ' ' <"$work/notes.txt" >"$work/notes.flat" &&
  grep -q "Julia Berger" "$work/notes.flat" &&
  grep -q "ride the bike" "$work/notes.flat" &&
  grep -q "38% abandon" "$work/notes.flat"
}
check "persona panels and sticky notes are searchable text in the PDF" personas_and_notes_in_pdf

no_notes_leaves_them_out() {
  command -v pdftotext >/dev/null || return 0
  "$kringel" --export "$work/bare.pdf" --no-notes "$work/notes.kringel" &&
  pdftotext "$work/bare.pdf" "$work/bare.txt" &&
  ! tr -s ' \n' ' ' <"$work/bare.txt" | grep -q "38% abandon"
}
check "--no-notes leaves the sticky notes out" no_notes_leaves_them_out
echo "1..$n"
exit $failed
