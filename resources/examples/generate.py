"""Regenerates the bundled example notebooks with real outputs.

Run inside the build environment: packaging/dev exec python3 resources/examples/generate.py
It writes the notebook, then executes it with nbclient (a real IPython kernel) so every stored
output is genuine.
"""
import nbformat, sys
from nbformat.v4 import new_notebook, new_markdown_cell, new_code_cell
csv = '''species,island,bill_length_mm,bill_depth_mm,body_mass_g
Adelie,Torgersen,39.1,18.7,3750
Adelie,Torgersen,39.5,17.4,3800
Adelie,Torgersen,40.3,18.0,3250
Adelie,Dream,37.2,18.1,3900
Adelie,Biscoe,,,
Chinstrap,Dream,46.5,17.9,3500
Chinstrap,Dream,50.0,19.5,3900
Chinstrap,Dream,51.3,19.2,3650
Gentoo,Biscoe,46.1,13.2,4500
Gentoo,Biscoe,50.0,16.3,5700
Gentoo,Biscoe,48.7,14.1,4450
Gentoo,Biscoe,50.2,14.3,5700'''
cells = [
 new_markdown_cell("# Penguins\n\nBill shapes of three penguin species (a sample of the Palmer Station data, CC0).\nThe notebook loads the measurements, cleans them, and compares the **bill ratio** (length / depth)."),
 new_code_cell("import io\n\nimport matplotlib.pyplot as plt\nimport pandas as pd\n\n%matplotlib inline"),
 new_markdown_cell("## Load the data"),
 new_code_cell('CSV = """' + csv + '"""\n\nraw = pd.read_csv(io.StringIO(CSV))\nraw.shape'),
 new_markdown_cell("## Clean\n\nDrop the rows without measurements and add the ratio."),
 new_code_cell('penguins = raw.dropna().copy()\npenguins["bill_ratio"] = penguins["bill_length_mm"] / penguins["bill_depth_mm"]\nprint(f"{len(penguins)} of {len(raw)} rows kept")'),
 new_markdown_cell("## Summarise"),
 new_code_cell('def mean_by_species(frame, column):\n    """Mean of `column` per species, rounded for display."""\n    return frame.groupby("species")[column].mean().round(2)\n\n\nsummary = mean_by_species(penguins, "bill_ratio")\nsummary'),
 new_code_cell('fig, ax = plt.subplots(figsize=(5, 3))\nsummary.plot.bar(ax=ax, color=["#4c72b0", "#dd8452", "#55a868"])\nax.set_ylabel("bill length / depth")\nax.set_title("Bill ratio by species")\nplt.tight_layout()\nplt.show()'),
 new_code_cell('widest = summary.idxmax()\nprint(f"Longest, narrowest bills: {widest} ({summary[widest]})")'),
]
nb = new_notebook(cells=cells, metadata={"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}})
from nbclient import NotebookClient
import os
here = os.path.dirname(os.path.abspath(__file__))
NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": here}}).execute()
nbformat.write(nb, os.path.join(here, "penguins.ipynb"))
