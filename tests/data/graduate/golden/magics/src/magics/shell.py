"""Shell: notebook cells 7 (ids magi0006) as a function."""

from magics._runtime import run_shell, shell_lines, show


# Source: notebook cells 7 (ids magi0006).
def shell():
    """Shell"""
    # notebook cell magi0006 (cell 7)
    greeting = shell_lines("echo hello")
    run_shell("echo direct")
    show(greeting)
