#!/usr/bin/env python3
"""Reference baseline for Tassel's benchmarks: what a user would write in Python instead.

This is a *baseline to time against*, not a second implementation of Tassel's analysis and not
a test oracle. It does the same kind of work as `bench_corpus` (tests/benchmarks) with the
standard Python tools, single-threaded, in one process:

  baseline_defuse.py load   PATH...   nbformat.read() every notebook (as_version=4)
  baseline_defuse.py defuse PATH...   nbformat.read(), IPython's own input transformer on each
                                      code cell (magics, shell escapes, help syntax), ast.parse,
                                      an ast walk collecting the names each cell defines and
                                      uses, and cross-cell def-use edges in document order

The walker covers the cases the benchmark scope needs and no more: loads, stores and deletes
(`x += 1` is both), imports, function and class definitions (their bodies' free names are
counted as uses of the defining cell, i.e. not deferred to call time), comprehension and lambda
scopes (their own targets are local), `global` statements. It does not model execution counts,
`del` making a name unbound, `except ... as` clean-up, star imports or `%run`: Tassel does, so
the comparison flatters the baseline, never Tassel.

Prints one line of counts, like bench_corpus, so the two sides can be checked to have done
comparable work.
"""

import ast
import os
import sys
import warnings

import nbformat

try:  # The transformer IPython itself applies before running a cell.
    from IPython.core.inputtransformer2 import TransformerManager

    _transform = TransformerManager().transform_cell
except ImportError:  # pragma: no cover - fallback without IPython: drop IPython-only lines

    def _transform(source):
        return "\n".join(
            "" if line.lstrip().startswith(("%", "!", "?")) else line for line in source.splitlines()
        )


class _Names(ast.NodeVisitor):
    """Module-level names a cell defines and uses (uses: read before any definition in the cell)."""

    def __init__(self):
        self.defined = set()
        self.used = set()
        self._scopes = []  # local names of enclosing functions/comprehensions

    def _is_local(self, name):
        return any(name in scope for scope in self._scopes)

    def _define(self, name):
        if self._scopes:
            self._scopes[-1].add(name)
        else:
            self.defined.add(name)

    def _use(self, name):
        if not self._is_local(name) and name not in self.defined:
            self.used.add(name)

    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Load):
            self._use(node.id)
        elif isinstance(node.ctx, ast.Del):
            self._use(node.id)
        else:
            self._define(node.id)

    def visit_AugAssign(self, node):
        self.visit(node.value)
        if isinstance(node.target, ast.Name):
            self._use(node.target.id)
            self._define(node.target.id)
        else:
            self.visit(node.target)

    def visit_Import(self, node):
        for alias in node.names:
            self._define(alias.asname or alias.name.split(".")[0])

    def visit_ImportFrom(self, node):
        for alias in node.names:
            if alias.name != "*":
                self._define(alias.asname or alias.name)

    def visit_Global(self, node):
        for name in node.names:
            self.defined.add(name)

    def _function(self, node, arguments, body):
        # Decorators, defaults and annotations run when the definition runs.
        for decorator in getattr(node, "decorator_list", []):
            self.visit(decorator)
        for default in arguments.defaults + [d for d in arguments.kw_defaults if d is not None]:
            self.visit(default)
        local = {a.arg for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs}
        if arguments.vararg:
            local.add(arguments.vararg.arg)
        if arguments.kwarg:
            local.add(arguments.kwarg.arg)
        self._scopes.append(local)
        for statement in body if isinstance(body, list) else [body]:
            self.visit(statement)
        self._scopes.pop()

    def visit_FunctionDef(self, node):
        self._define(node.name)
        self._function(node, node.args, node.body)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        self._function(node, node.args, node.body)

    def visit_ClassDef(self, node):
        for expression in node.decorator_list + node.bases + [k.value for k in node.keywords]:
            self.visit(expression)
        self._define(node.name)
        self._scopes.append(set())
        for statement in node.body:
            self.visit(statement)
        self._scopes.pop()

    def _comprehension(self, node, elements):
        self._scopes.append(set())
        for generator in node.generators:
            self.visit(generator.iter)
            self.visit(generator.target)
            for condition in generator.ifs:
                self.visit(condition)
        for element in elements:
            self.visit(element)
        self._scopes.pop()

    def visit_ListComp(self, node):
        self._comprehension(node, [node.elt])

    visit_SetComp = visit_ListComp
    visit_GeneratorExp = visit_ListComp

    def visit_DictComp(self, node):
        self._comprehension(node, [node.key, node.value])


def notebooks_under(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            for folder, _, names in os.walk(path):
                files.extend(os.path.join(folder, n) for n in names if n.endswith(".ipynb"))
        else:
            files.append(path)
    return sorted(files)


def def_use_edges(notebook):
    """(from cell, to cell) pairs: a cell uses a name last defined by an earlier cell."""
    last_definer = {}
    edges = set()
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(_transform(cell.source))
        except (SyntaxError, ValueError):
            continue
        names = _Names()
        names.visit(tree)
        for name in names.used:
            if name in last_definer:
                edges.add((last_definer[name], index))
        for name in names.defined:
            last_definer[name] = index
    return edges


def main(argv):
    if len(argv) < 3 or argv[1] not in ("load", "defuse"):
        print("usage: baseline_defuse.py load|defuse PATH...", file=sys.stderr)
        return 2
    mode = argv[1]
    warnings.simplefilter("ignore")  # nbformat and ast warn about corpus quirks; not timed work
    notebooks = failed = cells = dependencies = 0
    for path in notebooks_under(argv[2:]):
        try:
            notebook = nbformat.read(path, as_version=4)
        except Exception:  # noqa: BLE001 - count, as bench_corpus does, and go on
            failed += 1
            continue
        notebooks += 1
        cells += len(notebook.cells)
        if mode == "defuse":
            dependencies += len(def_use_edges(notebook))
    print(f"{mode}: {notebooks} notebooks, {failed} failed, {cells} cells, {dependencies} cross-cell dependencies")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
