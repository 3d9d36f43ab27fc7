#!/usr/bin/env python3
"""Times Tassel against the Python tools side by side and writes a Markdown table.

Used by packaging/bench.sh; prints figures, never pass/fail. For each row it runs the Tassel
command and the baseline command once each as a warm-up, then RUNS rounds in which both run
back to back (alternating which goes first), so that a shared machine's load hits both sides of
a round alike. Per side it reports the median, min and max wall time and the peak resident
memory (ru_maxrss of the process and its children, from wait4); the ratio baseline/Tassel is
computed round by round and reported as median [min, max].

  harness.py --runs N --out FILE.md ROWS.tsv

ROWS.tsv: one row per line, tab-separated: label, Tassel command, baseline label, baseline
command (shell commands; an empty baseline times Tassel alone).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time


def run_once(command):
    """Wall seconds and peak RSS (bytes) of one shell command; raises when it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(["/bin/sh", "-c", command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    # tassel check exits 1 when it reports findings and 2 when a notebook cannot be read (the
    # corpus holds a few on purpose; the report still covers the rest), so only 3+ is a failure.
    if process.returncode not in (0, 1, 2):
        raise RuntimeError(f"'{command}' exited {process.returncode}: {stderr.decode(errors='replace')[-500:]}")
    return seconds, usage.ru_maxrss * 1024


def summary(values):
    return statistics.median(values), min(values), max(values)


def seconds_text(values):
    median, low, high = summary(values)
    return f"{median:.3f} s ({low:.3f}–{high:.3f})"


def megabytes(values):
    return f"{max(values) / 1e6:.0f} MB"


def measure(label, tassel, baseline_label, baseline, runs):
    print(f"[bench] {label}", file=sys.stderr, flush=True)
    commands = [tassel] + ([baseline] if baseline else [])
    for command in commands:  # warm-up: page cache, dynamic loader, Python's bytecode cache
        run_once(command)
    times = [[] for _ in commands]
    memory = [[] for _ in commands]
    for round_index in range(runs):
        order = range(len(commands)) if round_index % 2 == 0 else reversed(range(len(commands)))
        for side in order:
            seconds, rss = run_once(commands[side])
            times[side].append(seconds)
            memory[side].append(rss)
    row = [label, seconds_text(times[0]), megabytes(memory[0])]
    if baseline:
        ratios = [b / t for t, b in zip(times[0], times[1])]
        median, low, high = summary(ratios)
        row += [baseline_label, seconds_text(times[1]), megabytes(memory[1]), f"{median:.2f}× ({low:.2f}–{high:.2f})"]
    else:
        row += ["—", "—", "—", "—"]
    print("[bench]   " + " | ".join(row[1:]), file=sys.stderr, flush=True)
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", required=True)
    parser.add_argument("rows")
    options = parser.parse_args()
    if options.runs < 5:
        parser.error("--runs must be at least 5 (the median of fewer is not worth printing)")
    table = [
        "| What | Tassel: median (min–max) | Tassel peak RSS | Baseline | Baseline: median (min–max) "
        "| Baseline peak RSS | Baseline / Tassel, run by run: median (min–max) |",
        "|---|---|---|---|---|---|---|",
    ]
    with open(options.rows, encoding="utf-8") as rows:
        for line in rows:
            if not line.strip() or line.startswith("#"):
                continue
            label, tassel, baseline_label, baseline = (line.rstrip("\n").split("\t") + ["", "", ""])[:4]
            try:
                table.append("| " + " | ".join(measure(label, tassel, baseline_label, baseline, options.runs)) + " |")
            except RuntimeError as error:
                print(f"[bench] {label}: {error}", file=sys.stderr)
                table.append(f"| {label} | failed: see the script's output | | | | | |")
    with open(options.out, "w", encoding="utf-8") as out:
        out.write("\n".join(table) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
