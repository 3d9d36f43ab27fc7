#pragma once

#include "python/cellsymbols.h"

#include <string_view>

namespace tassel {

/// Runs the IPython pre-pass and the tree-sitter symbol pass over one code cell.
/// Stateless from the caller's view and safe to use from many threads at once (each thread
/// gets its own tree-sitter parser).
class PythonCellAnalyzer
{
public:
    /// `source` is the cell's UTF-8 text, IPython syntax and all.
    CellSymbols analyze(std::string_view source) const;
};

} // namespace tassel
