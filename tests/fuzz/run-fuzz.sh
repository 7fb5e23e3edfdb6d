#!/usr/bin/env bash
# run-fuzz.sh [-t SECONDS] [BUILD_DIR]: build the libFuzzer harnesses and fuzz the loader and the
# export for SECONDS in total (default 60, or $KRINGEL_FUZZ_SECONDS), shared between the targets.
#
# BUILD_DIR (default build-fuzz in the source tree) is set up with CC=clang -Dfuzzing=true when
# it does not exist yet. The corpus each target grows is kept in BUILD_DIR/fuzz/corpus-TARGET
# and reused by the next run; the seeds come from tests/fuzz/make-corpus.sh. Exits 1 when a
# target finds a crash, a sanitizer report, a leak, a timeout or a GLib critical; the input is
# then in BUILD_DIR/fuzz/findings/, reproduce it with `BUILD_DIR/tests/fuzz/TARGET FILE`.
set -euo pipefail
source_root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)

seconds=${KRINGEL_FUZZ_SECONDS:-60}
while getopts "t:" option; do
  case $option in
    t) seconds=$OPTARG ;;
    *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
build_dir=$(readlink -f "${1:-$source_root/build-fuzz}")
targets=(fuzz-load fuzz-export)

if [[ ! -f $build_dir/build.ninja ]]; then
  CC=clang meson setup "$build_dir" "$source_root" -Dfuzzing=true -Dbuildtype=debugoptimized
fi
ninja -C "$build_dir" "${targets[@]/#/tests/fuzz/}"

work=$build_dir/fuzz
rm -rf "$work/seeds"
mkdir -p "$work/findings"
"$source_root/tests/fuzz/make-corpus.sh" "$work/seeds" > /dev/null

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$source_root/tests/lsan.supp:print_suppressions=0
export G_DEBUG=fatal-criticals G_SLICE=always-malloc

status=0
per_target=$(( seconds / ${#targets[@]} ))
(( per_target >= 1 )) || per_target=1

for target in "${targets[@]}"; do
  corpus=$work/corpus-$target
  log=$work/$target.log
  mkdir -p "$corpus"

  echo "== $target for $per_target s"
  if timeout --kill-after=10 $(( per_target + 120 )) \
       "$build_dir/tests/fuzz/$target" "$corpus" "$work/seeds" \
         -max_total_time="$per_target" -timeout=20 -rss_limit_mb=2560 -max_len=131072 \
         -dict="$source_root/tests/fuzz/kringel.dict" -use_value_profile=1 \
         -artifact_prefix="$work/findings/$target-" -print_final_stats=1 \
       > "$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "$target: ${runs:-?} inputs run, no findings (corpus: $(ls "$corpus" | wc -l) files)"
  else
    status=1
    echo "$target: FINDING (log: $log)"
    grep -E "^(==[0-9]+==ERROR|SUMMARY|fuzz check failed|.*CRITICAL|.*WARNING)|Test unit written" "$log" | head -20 || true
    echo "Reproduce with: $build_dir/tests/fuzz/$target FILE (FILE from $work/findings)"
  fi
done

exit $status
