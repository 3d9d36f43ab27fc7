"""Setup: notebook cells 3, 4 (ids cell0002, cell0003) as a function."""

from cell_magics._runtime import run_script, show, write_resource


# Source: notebook cells 3, 4 (ids cell0002, cell0003).
def setup():
    """Setup"""
    # notebook cell cell0002 (cell 3)
    # %%bash cell: its body is scripts/cell_3.sh in the package
    show(run_script("scripts/cell_3.sh", "bash"))

    # notebook cell cell0003 (cell 4)
    # %%writefile settings.yaml: its body is resources/cell_4_settings_yaml.txt in the package
    show(write_resource("resources/cell_4_settings_yaml.txt", "settings.yaml"))
