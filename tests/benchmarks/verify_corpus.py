#!/usr/bin/env python3
"""Re-runs corpus notebooks with `tassel verify` and measures how many divergences a static
finding explains (issue 18, "Measure it"). A benchmark: it prints figures and rewrites the
"Repeatability" section of tests/benchmarks/RESULTS.md; it never passes or fails, and it is not
part of ctest.

Only notebooks whose third-party imports all import in this interpreter are run (in the build
environment: numpy, pandas, matplotlib, ...), each from a copy of the notebook alone in a
temporary folder, so nothing is written beside the corpus.

Usage (in the build environment):
  packaging/dev exec python3 tests/benchmarks/verify_corpus.py [--corpus DIR] [--limit N]
"""
import argparse
import collections
import importlib.util
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

import results_section

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE.parent.parent


def tassel(args, timeout):
    return subprocess.run([str(args[0]), *args[1:]], capture_output=True, text=True, timeout=timeout)


def runnable(binary, notebooks):
    """The notebooks whose third-party imports all import here."""
    report = json.loads(tassel([binary, "check", "--format", "json", "--no-secrets", *map(str, notebooks)], 600).stdout)
    found = {}
    for entry in report["notebooks"]:
        if entry.get("error") or not entry.get("python_analysed", True):
            continue
        modules = {i["module"].split(".")[0] for i in entry["imports"] if i["kind"] == "third-party"}
        if all(importlib.util.find_spec(m) is not None for m in modules):
            found[entry["path"]] = entry
    return found


def spread(paths, limit):
    """At most `limit` paths (0: all), taken round-robin over their repositories (first folder)."""
    if not limit or limit >= len(paths):
        return paths
    groups = collections.defaultdict(list)
    for path in paths:
        groups[pathlib.Path(path).parent.name].append(path)
    chosen = []
    while len(chosen) < limit:
        for name in sorted(groups):
            if groups[name] and len(chosen) < limit:
                chosen.append(groups[name].pop(0))
    return sorted(chosen)


NAME_RULES = ("undefined-name", "use-before-definition")


def name_finding_cells(entry):
    """The cells where `check` predicts a NameError."""
    return {finding["cell"] for finding in entry.get("findings", []) if finding["rule"] in NAME_RULES}


def stored_errors(path):
    """The exception each cell of the notebook as saved ends with, by cell index."""
    try:
        cells = json.loads(pathlib.Path(path).read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return {}
    errors = {}
    for index, cell in enumerate(cells):
        for output in cell.get("outputs", []) if isinstance(cell, dict) else []:
            if isinstance(output, dict) and output.get("output_type") == "error":
                errors[index] = output.get("ename", "?")
    return errors


def verify(binary, notebook, timeout):
    with tempfile.TemporaryDirectory(prefix="tassel-verify-bench-") as folder:
        copy = pathlib.Path(folder) / pathlib.Path(notebook).name
        shutil.copyfile(notebook, copy)
        try:
            done = tassel([binary, "verify", "--format", "json", "--cell-timeout", "30", "--timeout", str(timeout),
                           str(copy)], timeout + 30)
        except subprocess.TimeoutExpired:
            return None
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError:
        return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(SOURCE.parent / "shared" / "corpus"))
    parser.add_argument("--binary", default=str(SOURCE / "build" / "dev" / "app" / "tassel"))
    parser.add_argument("--limit", type=int, default=0, help="run at most N notebooks (0: all)")
    parser.add_argument("--timeout", type=int, default=120, help="seconds per notebook")
    parser.add_argument("--clean-list", help="also write the notebooks whose re-run raised nothing here, one path per line"
                        " (graduate_corpus.py reads it)")
    parser.add_argument("--details", help="also write every differing or raising cell (reason, excerpts) as JSON lines here")
    args = parser.parse_args()

    notebooks = sorted(pathlib.Path(args.corpus).rglob("*.ipynb"))
    candidates = runnable(args.binary, notebooks)
    chosen = spread(sorted(candidates), args.limit)
    totals = collections.Counter()
    rules = collections.Counter()
    errors = collections.Counter()
    # Issue 18's sweep: a NameError on re-run must have been predicted at its cell by a name
    # finding, and a notebook that re-runs without raising must get none.
    name_errors = {"raised": 0, "predicted": 0, "missed": []}
    false_name_findings = []
    started = time.time()
    details = open(args.details, "w") if args.details else None
    clean_list = open(args.clean_list, "w") if args.clean_list else None
    for path in chosen:
        report = verify(args.binary, path, args.timeout)
        if report is None:
            totals["failed"] += 1
            continue
        totals["notebooks"] += 1
        clean = True
        named = name_finding_cells(candidates[path])
        stored = stored_errors(path)
        for cell in report["cells"]:
            if cell["status"] == "not-run":
                continue
            totals["rerun"] += 1
            if cell["status"] in ("differs", "error"):
                clean = False
                kind = "differ" if cell["status"] == "differs" else "raise"
                # Nothing to compare: the stored notebook never ran the cell, or the driver
                # skipped a magic it cannot run (%%R, %watermark). Counted apart, not in the share.
                if kind == "differ" and cell.get("storedExecutionCount") is None and cell.get("expected") == "(nothing)":
                    totals["never_ran"] += 1
                    continue
                if kind == "differ" and any("not supported by the driver" in n for n in cell.get("notes", [])):
                    totals["skipped_magic"] += 1
                    continue
                totals[kind] += 1
                if kind == "raise":
                    errors[cell.get("error", {}).get("ename", "?")] += 1
                    if cell.get("error", {}).get("ename") == "NameError":
                        name_errors["raised"] += 1
                        if cell["cell"] in named:
                            name_errors["predicted"] += 1
                        else:
                            name_errors["missed"].append(f"{path} cell {cell['cell']}")
                why = cell["explainedBy"]
                if details:
                    details.write(json.dumps({"notebook": str(path), **cell}) + "\n")
                if why:
                    totals[kind + "_explained"] += 1
                    rules[why[0]["rule"]] += 1
        # A cell that raised the very error the notebook stored counts as reproduced: it raised all the same.
        reraised = [cell["cell"] for cell in report["cells"] if cell["status"] == "reproduced" and cell["cell"] in stored]
        for index in reraised:
            if stored[index] == "NameError":
                name_errors["raised"] += 1
                if index in named:
                    name_errors["predicted"] += 1
                else:
                    name_errors["missed"].append(f"{path} cell {index}")
        totals["clean"] += clean
        raised = bool(reraised) or any(cell["status"] == "error" for cell in report["cells"])
        totals["ran_without_raising"] += not raised
        if clean_list and not raised:
            clean_list.write(f"{path}\n")
        if named and not raised:
            false_name_findings.append(f"{path} cells {sorted(named)}")
        print(f"{report['summary']['reproduced']:4}/{report['summary']['codeCells']:<4} {path}", flush=True)

    def share(kind):
        return f"{totals[kind + '_explained'] / totals[kind]:.0%}" if totals[kind] else "-"
    lines = [
        "## Repeatability: `tassel verify` over the corpus",
        "",
        f"Written by `tests/benchmarks/verify_corpus.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
        f" in {time.time() - started:.0f} s. Notebooks whose third-party imports all import in the build"
        f" environment: {len(candidates)} of {len(notebooks)}; run: {len(chosen)}"
        + (f" (limited to {args.limit}, round-robin over the repositories)" if args.limit and args.limit < len(candidates) else "")
        + f"; no report (run time limit or crash): {totals['failed']}. Each ran alone in a temporary folder"
        " (data files beside it are absent, the network may be too), 30 s per cell.",
        "",
        "| What | Count |",
        "|---|---|",
        f"| notebooks verified | {totals['notebooks']} |",
        f"| notebooks whose every re-run cell reproduced | {totals['clean']} |",
        f"| code cells re-run | {totals['rerun']} |",
        f"| cells that differ only because the stored notebook never ran them (nothing to compare) | {totals['never_ran']} |",
        f"| cells that differ only because the driver skipped a magic it cannot run | {totals['skipped_magic']} |",
        f"| other cells whose outputs differ | {totals['differ']} |",
        f"| of those, explained by a static finding | {totals['differ_explained']} ({share('differ')}; goal 80%) |",
        f"| cells that raise (the run stops there) | {totals['raise']} |",
        f"| of those, explained by a static finding | {totals['raise_explained']} ({share('raise')}) |",
        "| exceptions raised | " + ", ".join(f"{name} {n}" for name, n in errors.most_common(6)) + " |",
    ]
    lines += [
        f"| NameErrors raised on re-run (also where the notebook stored the same error) | {name_errors['raised']} |",
        f"| of those, predicted at their cell by `undefined-name` or `use-before-definition` | {name_errors['predicted']} |",
        f"| notebooks whose re-run raised nothing | {totals['ran_without_raising']} |",
        f"| of those, with an `undefined-name` or `use-before-definition` finding | {len(false_name_findings)} |",
    ]
    for rule, count in rules.most_common():
        lines.append(f"| explained first by `{rule}` | {count} |")
    for what, items in (("NameError not predicted", name_errors["missed"]), ("name finding on a clean re-run", false_name_findings)):
        if items:
            lines += [""] + [f"- {what}: `{item.split('/corpus/')[-1]}`" for item in items]
    lines += [""]
    print(results_section.write("verify_corpus.py", lines))


if __name__ == "__main__":
    sys.exit(main())
