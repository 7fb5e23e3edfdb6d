#!/usr/bin/env bash
# The desktop integration files: validated, translated, installed where a desktop looks for them.
#   test-desktop-data.sh SOURCE_ROOT BUILD_ROOT VERSION
set -u
root=$1 build=$2 version=$3
id=io.github.kringel.Kringel
data=$build/data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0 failed=0

check() {   # check DESCRIPTION COMMAND...
  n=$((n + 1))
  if "${@:2}" >"$work/log" 2>&1; then
    echo "ok $n - $1"
  else
    echo "not ok $n - $1"
    sed 's/^/# /' "$work/log"
    failed=1
  fi
}

needs() {   # needs TOOL: true when TOOL exists, else reports the next check as skipped
  command -v "$1" >/dev/null && return 0
  n=$((n + 1))
  echo "ok $n # SKIP $1 is not installed"
  return 1
}

desktop_translated() {
  grep -qx 'Comment\[de\]=.*' "$data/$id.desktop" && grep -qx 'Keywords\[de\]=.*;' "$data/$id.desktop"
}

desktop_icon_exists() {
  local icon
  icon=$(sed -n 's/^Icon=//p' "$data/$id.desktop")
  [[ $icon == "$id" && -f $root/data/$icon.svg && -f $root/data/$icon-symbolic.svg ]]
}

metainfo_release_is_version() {
  # the newest <release> (the first one) is this version
  local first
  first=$(grep -o '<release [^>]*version="[^"]*"' "$data/$id.metainfo.xml" | head -n 1)
  [[ $first == *"version=\"$version\""* ]]
}

metainfo_complete() {
  local file=$data/$id.metainfo.xml
  grep -q '<launchable type="desktop-id">'"$id"'.desktop</launchable>' "$file" &&
  grep -q '<mediatype>application/x-kringel</mediatype>' "$file" &&
  grep -q '<content_rating type="oars-1.1"' "$file" &&
  grep -q '<image[^>]*>https://.*/docs/screenshot.png</image>' "$file" &&
  grep -q '<p xml:lang="de">' "$file" &&
  [[ -f $root/docs/screenshot.png ]]
}

schema_keys() {
  local keys expected
  keys=$(GSETTINGS_SCHEMA_DIR=$data gsettings list-keys "$id" | sort | tr '\n' ' ')
  for expected in window-width window-height window-maximized autosave-interval default-template \
                  grid-size snap-to-grid default-theme export-format export-scale export-background \
                  export-theme; do
    [[ " $keys" == *" $expected "* ]] || { echo "missing key $expected in: $keys"; return 1; }
  done
}

schema_defaults() {
  local get="gsettings get $id"
  [[ $(GSETTINGS_SCHEMA_DIR=$data $get autosave-interval) == "uint32 5" ]] &&
  [[ $(GSETTINGS_SCHEMA_DIR=$data $get default-theme) == "'system'" ]] &&
  [[ $(GSETTINGS_SCHEMA_DIR=$data $get export-theme) == "'light'" ]] &&
  [[ $(GSETTINGS_SCHEMA_DIR=$data gsettings range "$id" default-theme | tr '\n' ' ') == "enum 'system' 'light' 'dark' " ]]
}

mime_database() {
  mkdir -p "$work/share/mime/packages"
  cp "$data/$id.xml" "$work/share/mime/packages/"
  [[ -f /usr/share/mime/packages/freedesktop.org.xml ]] &&
    cp /usr/share/mime/packages/freedesktop.org.xml "$work/share/mime/packages/"
  update-mime-database "$work/share/mime" && grep -q 'application/x-kringel' "$work/share/mime/globs2"
}

content_type() {   # content_type FILE → the type GIO guesses with only our MIME database
  XDG_DATA_HOME=$work/share XDG_DATA_DIRS=$work/share GIO_USE_VFS=local \
    gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'
}

mime_by_name() {
  cp "$root/data/templates/three-phases.en.kringel" "$work/map.kringel"
  [[ $(content_type "$work/map.kringel") == application/x-kringel ]]
}

mime_by_content() {
  cp "$root/data/templates/three-phases.en.kringel" "$work/map-without-extension"
  [[ $(content_type "$work/map-without-extension") == application/x-kringel ]]
}

mime_icon() {
  local icon
  icon=$(sed -n 's/.*<icon name="\([^"]*\)".*/\1/p' "$data/$id.xml")
  [[ -n $icon && -f $root/data/$icon.svg ]] && grep -q '<comment xml:lang="de">' "$data/$id.xml"
}

icons_valid() {
  local svg
  for svg in "$root"/data/*.svg; do
    xmllint --noout "$svg" || return 1
    if command -v rsvg-convert >/dev/null; then
      rsvg-convert -o "$work/icon.png" "$svg" || return 1
    fi
  done
}

symbolic_icon_fills_only() {
  # GTK recolours symbolic icons by their fill; a stroke would keep its own colour
  ! grep -Eq 'stroke|<text|<image' "$root/data/$id-symbolic.svg" &&
  grep -q 'width="16" height="16"' "$root/data/$id-symbolic.svg"
}

install_layout() {
  local prefix=$work/install share
  meson install -C "$build" --no-rebuild --quiet --destdir "$prefix" >/dev/null || return 1
  share=$(find "$prefix" -type d -path '*/share/applications' | head -n 1)
  share=${share%/applications}
  local file missing=0
  for file in applications/$id.desktop metainfo/$id.metainfo.xml \
              icons/hicolor/scalable/apps/$id.svg icons/hicolor/symbolic/apps/$id-symbolic.svg \
              icons/hicolor/scalable/mimetypes/$id-application-x-kringel.svg \
              mime/packages/$id.xml glib-2.0/schemas/$id.gschema.xml \
              kringel/templates/three-phases.en.kringel kringel/templates/six-phases-funnel.de.kringel \
              locale/de/LC_MESSAGES/kringel.mo; do
    [[ -f $share/$file ]] || { echo "not installed: share/$file"; missing=1; }
  done
  [[ $missing -eq 0 ]] && find "$prefix" -type f -path '*/bin/kringel' | grep -q .
}

if needs desktop-file-validate; then
  check "desktop-file-validate accepts the desktop file" desktop-file-validate "$data/$id.desktop"
fi
check "the desktop file is translated" desktop_translated
check "the desktop file names the application icon" desktop_icon_exists
if needs appstreamcli; then
  check "appstreamcli validates the metainfo" appstreamcli validate --no-net "$data/$id.metainfo.xml"
fi
check "the metainfo has launchable, mediatype, rating, screenshot and German text" metainfo_complete
check "the newest release in the metainfo is $version" metainfo_release_is_version
check "glib-compile-schemas --strict accepts the schema" glib-compile-schemas --strict --dry-run "$root/data"
if needs gsettings; then
  check "the compiled schema in the build folder has every key" schema_keys
  check "the schema's defaults" schema_defaults
fi
if needs update-mime-database && needs gio; then
  check "update-mime-database accepts the MIME type" mime_database
  check "*.kringel is application/x-kringel" mime_by_name
  check "a map without extension is application/x-kringel by its content" mime_by_content
fi
check "the MIME type has an icon and a German comment" mime_icon
if needs xmllint; then
  check "the icons are well-formed SVG" icons_valid
fi
check "the symbolic icon is 16×16 and fill-only" symbolic_icon_fills_only
if needs meson; then
  check "meson install puts every file in its place" install_layout
fi

echo "1..$n"
exit $failed
