#!/usr/bin/env python3
"""Reference baseline for Tassel's loader: Python's C JSON reader alone, per byte.

  baseline_json.py PATH...   json.load() every .ipynb file under PATH (no notebook model, no
                             validation, no nbformat import): the floor a Python loader cannot
                             go below, for the "load vs json.load" rows of packaging/bench.sh

Prints one line of counts, like bench_corpus, so both sides can be checked to have read the
same files. A baseline to time against, not a test.
"""

import json
import os
import sys


def notebooks_under(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            for folder, _, names in os.walk(path):
                files += [os.path.join(folder, name) for name in names if name.endswith(".ipynb")]
        else:
            files.append(path)
    return sorted(files)


def main(argv):
    if len(argv) < 2:
        print("usage: baseline_json.py PATH...", file=sys.stderr)
        return 2
    notebooks = failed = cells = 0
    for path in notebooks_under(argv[1:]):
        try:
            with open(path, encoding="utf-8") as handle:
                document = json.load(handle)
        except Exception:  # noqa: BLE001 - count, as bench_corpus does, and go on
            failed += 1
            continue
        notebooks += 1
        if isinstance(document, dict) and isinstance(document.get("cells"), list):
            cells += len(document["cells"])
    print(f"json: {notebooks} notebooks, {failed} failed, {cells} cells")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
