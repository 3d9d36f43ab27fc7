#pragma once

#include "analysis/finding.h"
#include "notebook/notebook.h"
#include "python/cellsymbols.h"

#include <string_view>
#include <vector>

namespace tassel {

/// nondeterministic-output: a cell shows (last expression, print, display, a plot) or writes a
/// value that comes from a source changing from run to run: unseeded randomness, the clock, a
/// URL, the environment, or an unordered collection. Values are followed from cell to cell
/// through the names they are assigned to, in document order; a seed earlier in document order
/// suppresses its family. Which calls are which source is one table in the .cpp file.
/// Pure function of the notebook; thread-safe.
class Nondeterminism
{
public:
    /// `symbols` has one entry per cell of `notebook` (cells that were not analysed are skipped).
    static std::vector<Finding> findings(const Notebook &notebook, const std::vector<CellSymbols> &symbols);
    /// The `source` values a finding can carry: random, clock, network, environment, order.
    static const std::vector<std::string_view> &sources();
};

} // namespace tassel
