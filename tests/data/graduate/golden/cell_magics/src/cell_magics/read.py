"""Read: notebook cells 6, 7 (ids cell0005, cell0006) as a function."""

import os

from cell_magics._runtime import run_shell


# Source: notebook cells 6, 7 (ids cell0005, cell0006).
def read():
    """Read"""
    # notebook cell cell0005 (cell 6)
    with open('settings.yaml') as handle:
        lines = handle.read().splitlines()
    if len(lines) > 1:
        run_shell("echo indented")
    os.remove('settings.yaml')
    print(len(lines))

    # notebook cell cell0006 (cell 7)
    run_shell("echo one two")
