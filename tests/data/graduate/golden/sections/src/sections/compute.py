"""Compute: notebook cells 7 (ids sect0006) as a function."""

from sections._runtime import show
from sections.functions import revenue


# Source: notebook cells 7 (ids sect0006).
def compute(prices, quantities):
    """Compute"""
    # notebook cell sect0006 (cell 7)
    lines = [revenue(p, q) for p, q in zip(prices, quantities)]
    total = sum(lines)
    print("total:", total)
    show(lines)
    return lines, total
