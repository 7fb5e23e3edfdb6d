#!/usr/bin/env bash
# The German catalogue.
#   test-po.sh SOURCE_ROOT catalogue   po/de.po compiles with msgfmt --check, nothing untranslated
#                                      or fuzzy
#   test-po.sh SOURCE_ROOT sources     po/POTFILES.in lists every file with strings and po/de.po
#                                      translates every string the sources have now, so a new
#                                      _("…") without its German fails here
set -u
root=$1 mode=$2
po=$root/po
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

complete() {   # complete PO: msgfmt --check passes and every message is translated, none fuzzy
  local statistics
  msgfmt --check --statistics -o "$work/messages.mo" "$1" 2>"$work/statistics" || { cat "$work/statistics"; return 1; }
  statistics=$(tail -n 1 "$work/statistics")
  echo "$statistics"
  [[ $statistics =~ ^[0-9]+\ translated\ messages?\.$ ]]
}

listed_files_exist() {
  local file missing=0
  while read -r file; do
    [[ -f $root/$file ]] || { echo "listed but missing: $file"; missing=1; }
  done < <(grep -v '^\s*\(#\|$\)' "$po/POTFILES.in")
  return $missing
}

potfiles_complete() {
  # every source that marks strings for translation is listed
  local file missing=0
  while read -r file; do
    grep -qx "$file" "$po/POTFILES.in" || { echo "not in po/POTFILES.in: $file"; missing=1; }
  done < <(cd "$root" && {
    grep -rlE '\b(N?C?_|g_dngettext|g_dpgettext2|ngettext)\s*\(\s*("|GETTEXT_PACKAGE)' src --include='*.c'
    grep -rl 'translatable="yes"' ui --include='*.ui'
    ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml data/*.mime.xml.in 2>/dev/null
  } | sort -u)
  return $missing
}

extract_strings() {
  # the same extraction as the kringel-pot target (i18n.gettext preset glib)
  (cd "$root" && xgettext --package-name=kringel -f po/POTFILES.in -o "$work/kringel.pot" \
     --from-code=UTF-8 --add-comments \
     --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
     --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
     --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
     --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
     --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
     --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
     --flag=g_markup_printf_escaped:1:c-format --flag=g_printerr:1:c-format)
}

covers_sources() {
  # merges the freshly extracted strings into a copy of de.po and lists what is left to translate
  extract_strings &&
  msgmerge --quiet --no-fuzzy-matching -o "$work/merged.po" "$po/de.po" "$work/kringel.pot" &&
  msgattrib --untranslated --no-obsolete -o "$work/missing.po" "$work/merged.po" || return 1
  [[ ! -s $work/missing.po ]] && return 0
  echo "po/de.po lacks these strings; run: ninja -C BUILD kringel-pot kringel-update-po, then translate"
  grep -E '^(#:|msgid)' "$work/missing.po" | grep -v '^msgid ""$'
  return 1
}

case $mode in
  catalogue)
    check "msgfmt --check accepts po/de.po; nothing untranslated or fuzzy" complete "$po/de.po"
    check "po/LINGUAS names de" grep -qx de "$po/LINGUAS"
    ;;
  sources)
    check "every file in po/POTFILES.in exists" listed_files_exist
    check "po/POTFILES.in lists every file with translatable strings" potfiles_complete
    check "po/de.po translates every string the sources have now" covers_sources
    ;;
  *)
    echo "usage: test-po.sh SOURCE_ROOT catalogue|sources" >&2
    exit 2
    ;;
esac

echo "1..$n"
exit $failed
