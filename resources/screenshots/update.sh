#!/usr/bin/env bash
# Regenerates the README's screenshots of the 137-cell corpus chapter (light and dark, English and
# German), its focused dependency graph, the graduation wizard's last page and the folder view,
# offscreen, then shrinks each PNG to a 256-colour palette. Run it in the build environment after
# a build, and review the images before committing them:
#
#   packaging/dev build && packaging/dev exec resources/screenshots/update.sh
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src=$(cd "$here/../.." && pwd)
tassel=${TASSEL:-$src/build/${TASSEL_PRESET:-dev}/app/tassel}
chapter=$src/tests/data/corpus/ageron__handson-ml3/04_training_linear_models.ipynb
folder=$src/tests/data/analysis
# Cell 81 shows `iris.data.head(3)`: a DataFrame rendered as a table, with markdown around it.
table_cell=81
# Cell 17 (`X_b = add_dummy_feature(X)`) feeds much of the chapter: a focus with neighbours.
graph_cell=17

[ -x "$tassel" ] || { echo "update.sh: no tassel at $tassel (build first, or set TASSEL)" >&2; exit 2; }
export QT_QPA_PLATFORM=offscreen
# Screenshots must not depend on the settings of whoever runs the script.
export XDG_CONFIG_HOME
XDG_CONFIG_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT

shot() { # NAME PART THEME LANGUAGE INPUT [EXTRA...]
    local name=$1 part=$2 theme=$3 language=$4 input=$5
    shift 5
    "$tassel" gui --screenshot "$here/$name.png" --screenshot-part "$part" --theme "$theme" \
        --language "$language" "$@" "$input" >/dev/null
}

for language in en de; do
    for theme in light dark; do
        shot "chapter-$theme-$language" window "$theme" "$language" "$chapter" --cell "$table_cell"
    done
done
shot graph-light-en graph light en "$chapter" --cell "$graph_cell"
shot graph-dark-de graph dark de "$chapter" --cell "$graph_cell"
shot wizard-last-light-en wizard-last light en "$chapter"
shot wizard-last-dark-de wizard-last dark de "$chapter"
shot folder-light-en folder light en "$folder"
shot folder-dark-de folder dark de "$folder"

# A 256-colour palette keeps text and UI crisp at a quarter of the size; nothing may reach 500 KB.
python3 - "$here" <<'PY'
import pathlib, sys
from PIL import Image
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.png")):
    image = Image.open(path)
    if image.mode != "P":
        image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    size = path.stat().st_size
    print(f"{path.name}: {size // 1024} KB")
    if size >= 500 * 1024:
        sys.exit(f"{path.name} is {size // 1024} KB: too big for the repository")
PY
