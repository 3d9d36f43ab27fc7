#!/usr/bin/env bash
# Refreshes translations/*.ts from the sources: ui/ plus core's catalogues of words the GUI
# translates (core/util/messagecatalog.cpp, the rule fixes in core/analysis/rulecatalog.cpp).
# New texts arrive unfinished; translate them in the .ts (or Qt Linguist), and tst_translations
# fails until every core message has a German translation.
# Usage: translations/update.sh [BUILD_DIR]   (default build/dev; in the build environment:
# packaging/dev exec translations/update.sh)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build/dev}
cmake --build "$build" --target update_translations
git -C "$src" diff --stat -- translations
