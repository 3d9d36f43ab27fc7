#pragma once

#include <string>
#include <utility>
#include <vector>

namespace tassel {

/// A place in a cell's source: 1-based line and column (columns count UTF-8 code points),
/// end exclusive. Lines and columns refer to the cell's original text, IPython syntax included.
struct SourceRange
{
    int line = 0;
    int column = 0;
    int endLine = 0;
    int endColumn = 0;

    bool operator==(const SourceRange &) const = default;
};

/// One occurrence of a name, at its first relevant place in the cell.
struct NameRef
{
    std::string name;
    SourceRange range;

    bool operator==(const NameRef &) const = default;
};

/// A function or class the cell binds at module level, with the module-level names its body
/// reads when it runs (free names, resolved at call time, not when the cell runs).
struct DeferredScope
{
    std::string name;
    bool isClass = false;
    std::vector<NameRef> freeNames;
    /// Module-level names the body calls (a subset of freeNames), so the dataflow can follow
    /// calls from function to function.
    std::vector<NameRef> calls;
    /// Names the body binds at module level through `global` (effective only once called).
    std::vector<NameRef> globalDefines;
    /// Names the body deletes at module level through `global` + `del` (effective once called).
    std::vector<NameRef> globalDeletes;

    bool operator==(const DeferredScope &) const = default;
};

/// Code whose effect on names cannot be proved statically.
struct OpaqueConstruct
{
    /// NotAnalysed: the cell exceeded an analysis limit (PythonCellAnalyzer::Limits) and was
    /// skipped; `text` is the catalogue id of the reason (core/util/messagecatalog.cpp), with its
    /// `arguments`. Nothing else of the cell's symbols is filled in then.
    enum class Kind { RunMagic, StarImport, ExecEval, GlobalsAccess, OtherMagic, NotAnalysed };
    Kind kind = Kind::ExecEval;
    std::string text; ///< what it is, e.g. "%run helpers.py", "from os import *", "exec"
    SourceRange range;
    /// StarImport only: the module whose names it binds ("numpy", "pylab"; "%pylab" for the magic).
    std::string module;
    /// NotAnalysed only: the reason's arguments (name, value), e.g. ("bytes", "9437190").
    std::vector<std::pair<std::string, std::string>> arguments;

    bool operator==(const OpaqueConstruct &) const = default;
};

/// One import statement's module (one entry per imported module).
struct ImportRef
{
    std::string module; ///< dotted module as written, resolved for relative imports ("." kept)
    std::string boundAs; ///< the name it binds ("np" for import numpy as np; empty for importlib);
                         ///< for `from m import a, b` the first of `names`
    std::vector<std::string> names; ///< every name a `from` import binds (["a", "b"]); empty otherwise
    bool isFrom = false; ///< from X import Y
    bool optional = false; ///< inside try: ... except ImportError/ModuleNotFoundError
    bool conditional = false; ///< inside if/function/class, not at module level unconditionally
    bool dynamic = false; ///< importlib.import_module("literal") or __import__("literal")
    SourceRange range;

    bool operator==(const ImportRef &) const = default;
};

/// An IPython line or cell magic, or a shell escape, as found by the pre-pass.
struct MagicRef
{
    enum class Kind { LineMagic, CellMagic, Shell, Help };
    Kind kind = Kind::LineMagic;
    std::string name; ///< magic name without % ("pip", "matplotlib", "time"); "!" for shell
    std::string arguments; ///< the rest of the line (for a cell magic, its first line)
    std::string assignedTo; ///< "v" for v = !cmd or v = %magic
    SourceRange range;

    bool operator==(const MagicRef &) const = default;
};

/// What one code cell binds, reads, changes and imports, from the module's point of view.
/// Produced by PythonCellAnalyzer; consumed by the dataflow, dependency checks and graduation.
struct CellSymbols
{
    /// Names bound at module level (assignments, imports, def/class, for/with/except targets,
    /// walrus, global declarations in functions do not count until called).
    std::vector<NameRef> defines;
    /// Names read whose value must come from before the cell: read before any binding in this
    /// cell, or read where the cell's own binding may not have happened. Includes names read
    /// by augmented assignment (x += 1), del, subscript/attribute stores and in-place calls.
    /// Builtins and IPython's own names are excluded.
    std::vector<NameRef> uses;
    /// Names whose object the cell changes without rebinding: d[k] = v, obj.a = v,
    /// lst.append(x), df.drop(..., inplace=True), x += 1 on a name from before the cell.
    std::vector<NameRef> modifies;
    /// Names removed with del (after any use recorded above).
    std::vector<NameRef> deletes;
    /// Functions and classes the cell defines, with their deferred free names.
    std::vector<DeferredScope> deferred;
    /// Module-level names the cell calls (f(...)), so the dataflow can add the callee's
    /// deferred free names to this cell's uses.
    std::vector<NameRef> calls;
    std::vector<ImportRef> imports;
    std::vector<MagicRef> magics;
    std::vector<OpaqueConstruct> opaque;
    /// False for non-Python cell magics (%%bash, %%sql, %%html, %%writefile, ...): nothing else
    /// here is filled in then.
    bool isPython = true;
    /// Where the cell does not parse as Python 3 (tree-sitter's ERROR/MISSING nodes and the
    /// Python 2 constructs below), in document order. Python runs nothing of such a cell: its
    /// uses, calls, modifies and deferred free names are left empty; its bindings still count.
    std::vector<SourceRange> syntaxErrors;
    /// Python 2 syntax among syntaxErrors: what it is ("print statement") and where.
    std::vector<NameRef> python2Syntax;

    bool operator==(const CellSymbols &) const = default;
};

} // namespace tassel
