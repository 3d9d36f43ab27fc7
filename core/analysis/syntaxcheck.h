#pragma once

#include "analysis/finding.h"
#include "notebook/notebook.h"
#include "python/cellsymbols.h"

#include <string>
#include <string_view>
#include <vector>

namespace tassel {

/// Findings for code that is not Python 3: one `syntax-error` per code cell at its first error,
/// with a hint at the usual cause, and one notebook-level `python2` finding when the kernel is
/// Python 2 or cells use Python 2 syntax (those cells get no `syntax-error` of their own).
/// Stateless, thread-safe.
class SyntaxCheck
{
public:
    /// `cells` are the symbols of `notebook`'s cells, one per cell.
    static std::vector<Finding> findings(const Notebook &notebook, const std::vector<CellSymbols> &cells);
    /// Why line `line` (1-based) of `source` likely does not parse, as a short phrase ("a shell
    /// command without `!`", id syntax-hint.*); an empty id when no usual cause is recognised.
    static Message hint(std::string_view source, int line);
};

} // namespace tassel
