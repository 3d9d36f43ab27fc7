#!/usr/bin/env bash
# Regenerates the golden expectations under tests/data/ from what the golden tests produced:
# runs them (their failures are the point), then copies BUILD_DIR/tests/golden-actual/ over
# tests/data/. Review the result with `git diff tests/data` before committing it.
# Usage: tests/update-reference-data.sh [BUILD_DIR]   (default build/dev; in the build
# environment: packaging/dev exec tests/update-reference-data.sh)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build/dev}" && pwd)
actual="$build/tests/golden-actual"
rm -rf "$actual"
cmake --build "$build" --target tst_golden_analysis tst_graduate_golden >&2
(cd "$build" && QT_QPA_PLATFORM=offscreen ctest -R 'tst_(golden_analysis|graduate_golden)$' >/dev/null 2>&1) || true
[ -d "$actual" ] || { echo "no output in $actual: did the golden tests run?" >&2; exit 1; }
cp -r "$actual/." "$src/tests/data/"
git -C "$src" status --short -- tests/data
