#!/usr/bin/env bash
# make-corpus.sh OUTDIR: the fuzzers' seed corpus, from the shipped templates and the good and
# bad test fixtures (so every regression fixture is also a starting point), plus valid-JSON
# variants of them with members of the wrong type or range (make-variants.py).
set -euo pipefail
source_root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
out=${1:?usage: make-corpus.sh OUTDIR}

mkdir -p "$out"
for folder in data/templates tests/data/good tests/data/bad; do
  for file in "$source_root/$folder"/*.kringel; do
    cp "$file" "$out/$(basename "$folder")-$(basename "$file")"
  done
done
/usr/bin/python3 "$source_root/tests/fuzz/make-variants.py" "$out" 300
ls "$out" | wc -l
