#!/usr/bin/env python3
"""Writes reviewer.ipynb: the markdown and HTML a reviewer meets in real notebooks.

Written for Tassel's tests (same licence as the project). The markdown follows patterns of
public teaching notebooks (a Colab/Kaggle badge table, a Bootstrap alert, LaTeX with
subscripts, Jupyter heading anchors); the DataFrame HTML is pandas' own `_repr_html_()` of a
40-row frame, so the test sees what Jupyter stores. Run: python3 make_reviewer.py
"""
import base64
import json
import struct
import zlib

import pandas as pd


def png_1x1():
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    raw = b"\x00\xff\x00\x00"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def md(source, **extra):
    return {"cell_type": "markdown", "id": f"md{len(cells)}", "metadata": {}, "source": source, **extra}


frame = pd.DataFrame({"x_1": range(40), "y": [i * 0.5 for i in range(40)], "label": [f"row {i}" for i in range(40)]})
dot = base64.b64encode(png_1x1()).decode()
cells = []
cells.append(md(
    '<table align="left">\n  <td>\n    <a href="https://colab.research.google.com/github/example/book/blob/main/'
    'ch04.ipynb" target="_parent"><img src="https://colab.research.google.com/assets/colab-badge.svg" '
    'alt="Open In Colab"/></a>\n  </td>\n  <td>\n    <a target="_blank" href="https://kaggle.com/kernels/'
    'welcome?src=ch04.ipynb"><img src="https://kaggle.com/static/images/open-in-kaggle.svg" /></a>\n  </td>\n'
    '</table>'))
cells.append(md('<div class="alert alert-block alert-info">\n<b>Tip:</b> the alert keeps <i>its</i> text.\n'
                '</div>\n\nfirst line<br>second line\n\n<hr>\n\nafter the rule'))
cells.append(md('_This notebook_ fits $\\theta_0 + \\theta_1 x_1$ by minimising\n\n'
                '$$J(\\theta) = \\frac{1}{m}\\sum_{i=1}^{m} (x_i - y_i)^2$$\n\n- [x] done\n- [ ] open'))
cells.append(md('See [the model](#Modeling-with-Linear-Regression) and '
                '[the end](#The-%C3%A9nd), or [home](https://example.org/).'))
cells.append({"cell_type": "code", "id": "frame", "metadata": {}, "execution_count": 1, "source": "frame",
              "outputs": [{"output_type": "execute_result", "execution_count": 1, "metadata": {},
                           "data": {"text/plain": repr(frame), "text/html": frame._repr_html_()}}]})
cells.append(md('## Modeling with Linear Regression\n\n![a dot](attachment:dot.png)',
                attachments={"dot.png": {"image/png": dot}}))
cells.append(md('# The énd'))
notebook = {"nbformat": 4, "nbformat_minor": 5, "cells": cells,
            "metadata": {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}}}
with open("reviewer.ipynb", "w", encoding="utf-8") as out:
    json.dump(notebook, out, indent=1, ensure_ascii=False)
    out.write("\n")
