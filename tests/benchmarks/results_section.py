"""One section of tests/benchmarks/RESULTS.md that a benchmark script owns and rewrites whole,
between the markers `<!-- NAME: begin -->` and `<!-- NAME: end -->` (appended when absent)."""
import pathlib

RESULTS = pathlib.Path(__file__).resolve().parent / "RESULTS.md"


def markers(name):
    return f"<!-- {name}: begin -->", f"<!-- {name}: end -->"


def write(name, lines):
    """Replaces the section `name` with `lines` (Markdown, without the markers); returns its text."""
    begin, end = markers(name)
    section = "\n".join([begin, *lines, end]) + "\n"
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    if begin in text and end in text:
        text = text[: text.index(begin)] + section + text[text.index(end) + len(end) + 1 :]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text)
    return section
