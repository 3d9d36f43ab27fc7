#!/usr/bin/env bash
# Copies gitleaks' rule file and licence from a gitleaks git checkout (newest tag, or the tag
# given) next to this script, records the release in README.md, and writes the rules' documented
# false positives for tst_secretscanner.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 GITLEAKS_CHECKOUT [TAG]" >&2; exit 2; }
repo=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tag=${2:-$(git -C "$repo" tag --list 'v*' --sort=-v:refname | head -n 1)}
[ -n "$tag" ] || { echo "no tag in $repo" >&2; exit 1; }
commit=$(git -C "$repo" rev-parse "$tag^{commit}")
git -C "$repo" show "$tag:config/gitleaks.toml" > "$here/gitleaks.toml"
git -C "$repo" show "$tag:LICENSE" > "$here/LICENSE"
"$here/false_positives.py" "$repo" "$tag" > "$here/../../../tests/data/gitleaks/false-positives.json"
sed -i -E "s/\*\*gitleaks v[^*]+\*\*/**gitleaks ${tag}**/; s/tag commit [0-9a-f]{40}/tag commit ${commit}/" "$here/README.md"
echo "gitleaks $tag ($commit): $(grep -c '^\[\[rules\]\]' "$here/gitleaks.toml") rules"
