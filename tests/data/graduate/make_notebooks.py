"""Writes the graduation test notebooks and executes them, so their outputs are genuine.

Run inside the build environment from this folder:
    packaging/dev exec python3 tests/data/graduate/make_notebooks.py
"""

from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent


def notebook(name, cells):
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for index, cell in enumerate(nb.cells):
        cell.id = f"{name[:4]}{index:04d}"
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(HERE)}}).execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(nb, HERE / f"{name}.ipynb")


notebook("sections", [
    new_markdown_cell("# Sales report\n\nRevenue of a few order lines."),
    new_markdown_cell("## Load"),
    new_code_cell("import statistics\n\nprices = [3.5, 4.25, 10.0, 7.75]\nquantities = [2, 1, 5, 3]\nlen(prices)"),
    new_markdown_cell("## Helpers"),
    new_code_cell('def revenue(price, quantity):\n    """Revenue of one order line."""\n    return round(price * quantity, 2)'),
    new_markdown_cell("## Compute"),
    new_code_cell('lines = [revenue(p, q) for p, q in zip(prices, quantities)]\ntotal = sum(lines)\n'
                  'print("total:", total)\nlines'),
    new_markdown_cell("## Summary"),
    new_code_cell('mean = statistics.mean(lines)\nsummary = {"total": total, "mean": round(mean, 2)}\nsummary'),
])

parameters = new_code_cell('threshold = 0.5\nlabel = "scores"\nrepeat = 3')
parameters.metadata["tags"] = ["parameters"]
notebook("parameters", [
    new_markdown_cell("# Scores above a threshold"),
    parameters,
    new_markdown_cell("## Filter"),
    new_code_cell('scores = [0.1, 0.7, 0.4, 0.9, 0.55]\nkept = [s for s in scores if s > threshold]\n'
                  'print(f"{label}: {len(kept)} of {len(scores)} above {threshold}")'),
    new_markdown_cell("## Repeat"),
    new_code_cell('text = " ".join([label] * repeat)\ntext'),
])

notebook("magics", [
    new_markdown_cell("# Magics"),
    new_code_cell("%matplotlib inline\nimport numpy as np\nimport matplotlib.pyplot as plt"),
    new_markdown_cell("## Compute"),
    new_code_cell("%%time\nvalues = np.arange(10)\ntotal = int(values.sum())\nprint(total)"),
    new_code_cell("%time squares = values ** 2\nsquares.tolist()"),
    new_markdown_cell("## Shell"),
    new_code_cell("greeting = !echo hello\n!echo direct\ngreeting"),
    new_markdown_cell("## Plot"),
    new_code_cell("fig, ax = plt.subplots()\nax.plot(values, squares)\nplt.show()"),
])

# Cell magics that are not Python: a %%bash script, a %%writefile resource (removed at the end so
# every run prints "Writing"), a `!` line inside a block and a shell line continued with `\`.
notebook("cell_magics", [
    new_markdown_cell("# Cell magics"),
    new_markdown_cell("## Setup"),
    new_code_cell('%%bash\necho from bash\nGREETING=hi\necho "$GREETING there"'),
    new_code_cell("%%writefile settings.yaml\nrunners:\n  emr:\n    region: us-west-2\n"),
    new_markdown_cell("## Read"),
    new_code_cell("import os\n\nwith open('settings.yaml') as handle:\n    lines = handle.read().splitlines()\n"
                  "if len(lines) > 1:\n    !echo indented\nos.remove('settings.yaml')\nprint(len(lines))"),
    new_code_cell("!echo one \\\n  two"),
])
