#!/usr/bin/env python3
"""Writes the seed corpus of one fuzz target: make_seeds.py TARGET SHARED_CORPUS TESTS_DATA OUT."""
import pathlib
import sys

target, corpus, data, out = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3]), pathlib.Path(sys.argv[4])
out.mkdir(parents=True, exist_ok=True)
notebooks = sorted(p for root in (corpus, data) for p in root.rglob("*.ipynb") if p.stat().st_size < 512 * 1024)

if target in ("loader", "graduate", "secrets"):
    for i, path in enumerate(notebooks):
        (out / f"{i}-{path.name}").write_bytes(path.read_bytes())
elif target == "python":
    import json
    for i, path in enumerate(notebooks):
        try:
            cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        except (ValueError, UnicodeDecodeError, AttributeError):
            continue
        for j, cell in enumerate(cells[:40]):
            if isinstance(cell, dict) and cell.get("cell_type") == "code":
                source = cell.get("source", "")
                text = "".join(source) if isinstance(source, list) else str(source)
                (out / f"{i}-{j}.py").write_text(text, encoding="utf-8")
elif target == "requirements":
    # First byte picks the reader (see fuzz_requirements.cpp).
    selector = {"requirements": 3, ".txt": 3, "pyproject.toml": 4, "environment.yml": 5, "Pipfile": 6}
    for i, path in enumerate(sorted(p for p in (data / "dependencies").rglob("*") if p.is_file())):
        kind = next((v for k, v in selector.items() if k in path.name), 3)
        body = path.read_bytes()
        (out / f"{i}-{path.name}").write_bytes(bytes([kind]) + body)
        (out / f"{i}-script-{path.name}").write_bytes(bytes([2]) + b"# /// script\n# dependencies = [\"numpy>=1\"]\n# ///\n")
    for i, line in enumerate([b"pip install -q numpy==1.26 pandas", b"python -m pip install -r requirements.txt x[y]>=2",
                              b"conda install -c conda-forge scipy=1.11", b"uv pip install 'a<3' b"]):
        (out / f"cmd-{i}").write_bytes(bytes([0]) + line)
else:
    sys.exit(f"unknown fuzz target {target}")
