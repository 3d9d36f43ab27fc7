#!/usr/bin/env python3
"""Writes chain.ipynb for the dependency graph's tests (same licence as the project).

60 code cells in a chain (each reads the previous cell's array and `np`, imported in the first),
then three cells that depend on nothing: big enough for focus mode, with an import that fans out
to every cell. Run: python3 make_chain.py
"""
import json

cells = [("import numpy as np", 1), ("x1 = np.zeros(3)", 2)]
cells += [(f"x{i} = x{i - 1} + np.ones(3)", i + 1) for i in range(2, 60)]
cells += [(f"print('standalone {i}')", None) for i in range(3)]
notebook = {
    "nbformat": 4, "nbformat_minor": 5,
    "metadata": {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}},
    "cells": [{"cell_type": "code", "id": f"c{i}", "metadata": {}, "execution_count": count, "source": source,
               "outputs": []} for i, (source, count) in enumerate(cells)],
}
with open("chain.ipynb", "w", encoding="utf-8") as out:
    json.dump(notebook, out, indent=1)
    out.write("\n")
