"""Lints a generated package with ruff's WebAssembly build and the [tool.ruff] settings of the
package's own pyproject.toml, so the package is checked by exactly the rules it ships with.

    python3 ruff_check.py RUFF_WASM_DIR PACKAGE_DIR

Prints one line per diagnostic and exits 1 when there is any."""

import json
import pathlib
import subprocess
import sys
import tomllib


def main():
    ruff_dir, package = (pathlib.Path(arg) for arg in sys.argv[1:3])
    settings = tomllib.loads((package / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ruff"]
    # The WebAssembly build lints strings, not a tree: first-party modules are named in the
    # settings (lint.isort.known-first-party), so the source roots are not needed.
    settings.pop("src", None)
    files = sorted(
        str(path.relative_to(package)) for path in package.rglob("*.py") if ".venv" not in path.parts
    )
    runner = pathlib.Path(__file__).with_name("ruff_check.js")
    command = ["node", str(runner), str(ruff_dir), json.dumps(settings), *files]
    return subprocess.run(command, cwd=package, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
