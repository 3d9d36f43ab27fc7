"""Regenerates the notebooks `tassel verify` is tested on, with real outputs from a real kernel.

Run inside the build environment (it has nbclient and ipykernel):
    packaging/dev exec python3 tests/data/verify/generate.py

Each notebook is executed with nbclient, cell by cell in the order a user ran them, then edited
the way a user would (a changed constant re-run on its own, a sleep lengthened) to create the
situation the test expects. Execution timestamps are removed so a regeneration diffs cleanly. With file names as
arguments, only those notebooks are written.
"""

import os
import sys

import nbformat
from nbclient import NotebookClient

HERE = os.path.dirname(os.path.abspath(__file__))


def notebook(*sources):
    cells = []
    for source in sources:
        if source.startswith("# "):
            cells.append(nbformat.v4.new_markdown_cell(source))
        else:
            cells.append(nbformat.v4.new_code_cell(source))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for number, cell in enumerate(nb.cells):
        cell["id"] = "cell-%d" % number
    return nb


def run(nb, order, edits=()):
    """Runs the cells at `order` in one kernel, then applies (index, new_source, rerun) edits."""
    client = NotebookClient(nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": HERE}})
    with client.setup_kernel():
        for index in order:
            client.execute_cell(nb.cells[index], index)
        for index, source, rerun in edits:
            nb.cells[index].source = source
            if rerun:
                client.execute_cell(nb.cells[index], index)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    return nb


def save(nb, name):
    if sys.argv[1:] and name not in sys.argv[1:]:
        return
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8") as handle:
        nbformat.write(nb, handle)
    print("wrote", path)


def main():
    # Everything comes back: numbers, a repr with a memory address, shell output, a figure.
    clean = notebook(
        "# A notebook that reproduces",
        "import math\nvalues = [1.5, 2.25, 3.0]",
        "total = sum(values)\nprint(total)",
        "{'mean': total / len(values), 'sqrt': round(math.sqrt(total), 6)}",
        "class Box:\n    pass\n\nBox()",
        "!echo from the shell",
        "import matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(4, 3))\nax.plot(values, marker='o')\nplt.show()",
    )
    save(run(clean, [1, 2, 3, 4, 5, 6]), "clean.ipynb")

    # Cell 1 uses `total` that cell 2 defines: the user ran cell 2 first.
    later = notebook(
        "# Uses a name defined further down",
        "print(total)",
        "total = 41 + 1",
        "print(total * 2)",
    )
    save(run(later, [2, 1, 3]), "use_before_definition.ipynb")

    # Cell 2's stored output was printed before cell 1 changed `threshold` and ran again.
    stale = notebook(
        "# A stale output",
        "threshold = 0.5",
        "scores = [0.2, 0.6, 0.9]\nabove = [s for s in scores if s > threshold]\nprint(above)",
        "len(scores)",
    )
    save(run(stale, [1, 2, 3], edits=[(1, "threshold = 0.7", True)]), "stale_output.ipynb")

    # Cell 2 starts a child process; cell 3 was lengthened from a short nap to five minutes.
    sleepy = notebook(
        "# Sleeps past any sensible timeout",
        "import subprocess\nchild = subprocess.Popen(['sleep', '300'])\nprint('child', child.pid)\nchild.kill()",
        "import time\ntime.sleep(0.1)\nprint('awake')",
        "print('after the nap')",
    )
    save(run(sleepy, [1, 2, 3], edits=[(1, "import subprocess\nchild = subprocess.Popen(['sleep', '300'])\n"
                                           "print('child', child.pid)", False),
                                        (2, "import time\ntime.sleep(300)\nprint('awake')", False)]),
         "timeout.ipynb")

    # %timeit prints machine-dependent figures and run/loop counts; names bound in its body stay
    # local to the timing.
    timing = notebook(
        "# Timings",
        "values = list(range(1000))",
        "%timeit sum(values)",
        "%%timeit\nsquares = [v * v for v in values]",
        "%timeit -n 3 -r 2 leaked = 1",
        "print('leaked' in globals(), sum(values))",
    )
    save(run(timing, [1, 2, 3, 4, 5]), "timeit.ipynb")

    # %pylab puts numpy's and pylab's names in the namespace (deprecated, still common in old
    # notebooks): hist, linspace and sqrt come from it.
    pylab = notebook(
        "# Pylab",
        "%pylab inline",
        "xs = linspace(0, 1, 5)\nprint(xs.sum(), sqrt(16.0))",
        "counts, edges, patches = hist([1, 2, 2, 3], bins=3)\nprint(counts)",
    )
    save(run(pylab, [1, 2, 3]), "pylab.ipynb")


if __name__ == "__main__":
    main()
