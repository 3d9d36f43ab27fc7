#!/usr/bin/env bash
# Copies the notebooks listed in files.txt, and their rows of MANIFEST.tsv (source, commit,
# licence) and STATS.tsv, from a corpus folder (default: ../shared/corpus beside the checkout).
# Run it after changing files.txt and review the diff.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:-$here/../../../../shared/corpus}
[ -f "$corpus/MANIFEST.tsv" ] || { echo "usage: $0 CORPUS_DIR (no MANIFEST.tsv in $corpus)" >&2; exit 2; }
mapfile -t files < <(grep -v '^#' "$here/files.txt" | sed '/^$/d')
for table in MANIFEST.tsv STATS.tsv; do
    head -n 1 "$corpus/$table" >"$here/$table"
    for f in "${files[@]}"; do
        awk -F'\t' -v f="$f" '$1 == f' "$corpus/$table" >>"$here/$table"
    done
done
for f in "${files[@]}"; do
    mkdir -p "$here/$(dirname "$f")"
    cp "$corpus/$f" "$here/$f"
done
echo "vendored ${#files[@]} notebooks from $corpus" >&2
