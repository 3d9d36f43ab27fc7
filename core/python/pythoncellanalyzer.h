#pragma once

#include "python/cellsymbols.h"

#include <cstddef>
#include <string_view>

namespace tassel {

/// Runs the IPython pre-pass and the tree-sitter symbol pass over one code cell.
/// Stateless from the caller's view and safe to use from many threads at once (each thread
/// gets its own tree-sitter parser).
class PythonCellAnalyzer
{
public:
    /// What one cell may cost. A cell beyond a limit is not analysed: its symbols hold one
    /// OpaqueConstruct of kind NotAnalysed saying why, so one hostile cell cannot hang a batch.
    struct Limits
    {
        /// The largest real cell in the corpus is about 1 MB (a DNA sequence literal).
        std::size_t maxSourceBytes = std::size_t(8) << 20;
        /// Wall-clock time tree-sitter may spend parsing one cell; real cells take milliseconds.
        double maxParseSeconds = 2.0;
    };

    PythonCellAnalyzer() = default;
    explicit PythonCellAnalyzer(Limits limits)
        : m_limits(limits)
    {
    }

    /// `source` is the cell's UTF-8 text, IPython syntax and all.
    CellSymbols analyze(std::string_view source) const;

private:
    Limits m_limits;
};

} // namespace tassel
