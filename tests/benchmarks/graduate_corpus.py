#!/usr/bin/env python3
"""Graduates corpus notebooks and runs each package's `run.sh --offline` (issue 16, "every
corpus notebook that re-runs clean graduates, and its run.sh --offline exits 0"). A benchmark:
it prints figures and rewrites the "Graduation" section of tests/benchmarks/RESULTS.md; it never
passes or fails, and it is not part of ctest.

The notebooks are the ones whose re-run with `tassel verify` raised nothing, as listed by
`verify_corpus.py --clean-list FILE`. Each is copied alone into a temporary folder (the corpus
holds no data files), graduated there and run from another working directory.

Usage (in the build environment):
  packaging/dev exec python3 tests/benchmarks/verify_corpus.py --clean-list build/clean.txt
  packaging/dev exec python3 tests/benchmarks/graduate_corpus.py build/clean.txt
"""
import argparse
import collections
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

import results_section

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE.parent.parent


def last_line(text, folder):
    """The last line of `text`, the temporary folder's path left out (it means nothing later)."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].replace(folder + "/", "")[:240] if lines else "(no output)"


def graduate_and_run(binary, notebook, timeout):
    """('graduated' | 'refused' | 'run failed' | 'ran', why)."""
    with tempfile.TemporaryDirectory(prefix="tassel-graduate-bench-") as folder:
        copy = pathlib.Path(folder) / "nb" / pathlib.Path(notebook).name
        copy.parent.mkdir()
        shutil.copyfile(notebook, copy)
        package = pathlib.Path(folder) / "package"
        done = subprocess.run([binary, "graduate", str(copy), "--output", str(package)], capture_output=True,
                              text=True, timeout=300)
        if done.returncode != 0:
            return "refused", last_line(done.stderr, folder)
        try:
            ran = subprocess.run([str(package / "run.sh"), "--offline"], capture_output=True, text=True,
                                 timeout=timeout, cwd=folder)
        except subprocess.TimeoutExpired:
            return "run failed", f"no end within {timeout} s"
        if ran.returncode != 0:
            return "run failed", last_line(ran.stderr or ran.stdout, folder)
        return "ran", ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("clean_list", help="notebooks whose re-run raised nothing (verify_corpus.py --clean-list)")
    parser.add_argument("--binary", default=str(SOURCE / "build" / "dev" / "app" / "tassel"))
    parser.add_argument("--timeout", type=int, default=300, help="seconds per run.sh")
    args = parser.parse_args()

    notebooks = [line.strip() for line in open(args.clean_list) if line.strip()]
    started = time.time()
    outcomes = collections.Counter()
    failures = []
    for notebook in notebooks:
        outcome, why = graduate_and_run(args.binary, notebook, args.timeout)
        outcomes[outcome] += 1
        name = notebook.split("/corpus/")[-1]
        print(f"{outcome:10} {name} {why}", flush=True)
        if outcome != "ran":
            failures.append(f"- {outcome}: `{name}`: {why}")

    lines = [
        "## Graduation: `tassel graduate` and `run.sh --offline` over the corpus",
        "",
        f"Written by `tests/benchmarks/graduate_corpus.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
        f" in {time.time() - started:.0f} s, over the {len(notebooks)} corpus notebooks whose `tassel verify`"
        " re-run raised nothing (`verify_corpus.py --clean-list`). Each was graduated alone in a temporary"
        " folder and its `run.sh --offline` run from the folder above the package.",
        "",
        "| What | Count |",
        "|---|---|",
        f"| notebooks | {len(notebooks)} |",
        f"| graduation refused | {outcomes['refused']} |",
        f"| `run.sh --offline` failed | {outcomes['run failed']} |",
        f"| `run.sh --offline` exited 0 | {outcomes['ran']} |",
    ]
    if failures:
        lines += [""] + failures
    lines += [""]
    print(results_section.write("graduate_corpus.py", lines))


if __name__ == "__main__":
    sys.exit(main())
