#!/usr/bin/env python3
"""Graduates corpus notebooks, runs each package's `run.sh --offline` (issue 16, "every corpus
notebook that re-runs clean graduates, and its run.sh --offline exits 0"), then its own generated
tests (`python3 -m pytest -q`) and, when ruff's WebAssembly build is there, lints it with the
package's own [tool.ruff] settings. A benchmark: it prints figures and rewrites the "Graduation"
section of tests/benchmarks/RESULTS.md; it never passes or fails, and it is not part of ctest.

The notebooks are the ones whose re-run with `tassel verify` raised nothing, as listed by
`verify_corpus.py --clean-list FILE`. Each is copied alone into a temporary folder (the corpus
holds no data files), graduated there and run from another working directory.

Usage (in the build environment):
  packaging/dev exec python3 tests/benchmarks/verify_corpus.py --clean-list build/clean.txt
  packaging/dev exec python3 tests/benchmarks/graduate_corpus.py build/clean.txt [--keep build/packages]
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


RUFF = SOURCE / "build" / "deps" / "ruff-wasm-nodejs" / "ruff_wasm.js"
PYTEST_OUTCOMES = {0: "passed", 1: "failed", 5: "no tests"}  # any other exit: "errored"


def last_line(text, folder):
    """The last line of `text`, the temporary folder's path left out (it means nothing later)."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].replace(folder + "/", "")[:240] if lines else "(no output)"


def first_error(text, folder):
    """The first failing test and the first `E ` line of a pytest run; else its last line."""
    lines = text.splitlines()
    failed = next((line.split(" - ")[0] for line in lines if line.startswith(("FAILED ", "ERROR "))), "")
    error = next((line[1:].strip() for line in lines if line.startswith("E ")), "")
    if not failed and not error:
        return last_line(text, folder)
    return f"{failed}: {error}".strip(": ").replace(folder + "/", "")[:240]


def run_tests(package, folder, timeout):
    """('passed' | 'failed' | 'errored' | 'no tests', the first error) of the package's own tests."""
    try:
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rfE", "-p", "no:cacheprovider"],
                              capture_output=True, text=True, timeout=timeout, cwd=package)
    except subprocess.TimeoutExpired:
        return "errored", f"no end within {timeout} s"
    outcome = PYTEST_OUTCOMES.get(done.returncode, "errored")
    return outcome, "" if outcome in ("passed", "no tests") else first_error(done.stdout + done.stderr, folder)


def lint(package):
    """The rule codes of ruff's diagnostics on the package, with its own settings; None without ruff."""
    if not RUFF.exists():
        return None
    done = subprocess.run([sys.executable, str(SOURCE / "tests" / "graduate" / "ruff_check.py"), str(RUFF.parent),
                           str(package)], capture_output=True, text=True, timeout=300)
    # One "file:row:column: CODE message" line per diagnostic, then a summary line.
    return [line.split(": ", 1)[1].split()[0] for line in done.stdout.splitlines() if line.count(":") >= 3
            and not line.startswith("ruff ")]


def graduate_and_run(binary, notebook, folder, timeout):
    """A dict: 'run' ('refused' | 'run failed' | 'ran') and 'why'; for a graduated notebook also
    'tests' and 'tests_why' (run_tests) and 'lint' (lint)."""
    copy = pathlib.Path(folder) / "nb" / pathlib.Path(notebook).name
    copy.parent.mkdir(parents=True)
    shutil.copyfile(notebook, copy)
    package = pathlib.Path(folder) / "package"
    done = subprocess.run([binary, "graduate", str(copy), "--output", str(package)], capture_output=True,
                          text=True, timeout=300)
    if done.returncode != 0:
        return {"run": "refused", "why": last_line(done.stderr, folder)}
    result = {"run": "ran", "why": ""}
    try:
        ran = subprocess.run([str(package / "run.sh"), "--offline"], capture_output=True, text=True,
                             timeout=timeout, cwd=folder)
        if ran.returncode != 0:
            result = {"run": "run failed", "why": last_line(ran.stderr or ran.stdout, folder)}
    except subprocess.TimeoutExpired:
        result = {"run": "run failed", "why": f"no end within {timeout} s"}
    result["tests"], result["tests_why"] = run_tests(package, folder, timeout)
    result["lint"] = lint(package)
    return result


def section(notebooks, seconds, outcomes, tests, codes, failures):
    """The Markdown lines of the RESULTS.md section."""
    lines = [
        "## Graduation: `tassel graduate`, `run.sh --offline` and the package's tests over the corpus",
        "",
        f"Written by `tests/benchmarks/graduate_corpus.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
        f" in {seconds:.0f} s, over the {len(notebooks)} corpus notebooks whose `tassel verify`"
        " re-run raised nothing (`verify_corpus.py --clean-list`). Each was graduated alone in a temporary"
        " folder, its `run.sh --offline` run from the folder above the package, then its generated tests"
        " with `python3 -m pytest -q` in the package (offline) and `ruff check` with the package's own"
        " settings (tests/graduate/ruff_check.py).",
        "",
        "| What | Count |",
        "|---|---|",
        f"| notebooks | {len(notebooks)} |",
        f"| graduation refused | {outcomes['refused']} |",
        f"| `run.sh --offline` failed | {outcomes['run failed']} |",
        f"| `run.sh --offline` exited 0 | {outcomes['ran']} |",
        f"| packages whose tests passed | {tests['passed']} |",
        f"| packages with a failed test | {tests['failed']} |",
        f"| packages whose tests errored (collection, usage, time limit) | {tests['errored']} |",
        f"| packages with no test | {tests['no tests']} |",
    ]
    if codes is None:
        lines.append("| ruff diagnostics | not run (no build/deps/ruff-wasm-nodejs) |")
    else:
        by_code = ", ".join(f"{code} {count}" for code, count in codes.most_common()) or "none"
        lines.append(f"| ruff diagnostics | {sum(codes.values())} ({by_code}) |")
    return lines + ([""] + failures if failures else []) + [""]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("clean_list", help="notebooks whose re-run raised nothing (verify_corpus.py --clean-list)")
    parser.add_argument("--binary", default=str(SOURCE / "build" / "dev" / "app" / "tassel"))
    parser.add_argument("--timeout", type=int, default=300, help="seconds per run.sh and per pytest")
    parser.add_argument("--keep", help="graduate into numbered folders here, kept for a look, not in temporary ones")
    args = parser.parse_args()

    notebooks = [line.strip() for line in open(args.clean_list) if line.strip()]
    started = time.time()
    outcomes, tests, codes = collections.Counter(), collections.Counter(), collections.Counter()
    failures = []
    for index, notebook in enumerate(notebooks):
        name = notebook.split("/corpus/")[-1]
        if args.keep:
            folder = pathlib.Path(args.keep).resolve() / f"{index:03}"
            shutil.rmtree(folder, ignore_errors=True)
            result = graduate_and_run(args.binary, notebook, str(folder), args.timeout)
        else:
            with tempfile.TemporaryDirectory(prefix="tassel-graduate-bench-") as folder:
                result = graduate_and_run(args.binary, notebook, folder, args.timeout)
        outcomes[result["run"]] += 1
        if result["run"] != "ran":
            failures.append(f"- {result['run']}: `{name}`: {result['why']}")
        if "tests" in result:
            tests[result["tests"]] += 1
            if result["tests"] in ("failed", "errored"):
                failures.append(f"- tests {result['tests']}: `{name}`: {result['tests_why']}")
        codes.update(result.get("lint") or [])
        print(f"{index:03} {result['run']:10} {result.get('tests', '-'):8} lint {len(result.get('lint') or [])}"
              f" {name} {result['why']} {result.get('tests_why', '')}", flush=True)
    print(results_section.write("graduate_corpus.py", section(notebooks, time.time() - started, outcomes,
                                                              tests, codes if RUFF.exists() else None,
                                                              failures)))


if __name__ == "__main__":
    sys.exit(main())
