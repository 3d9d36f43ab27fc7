#pragma once

#include "analysis/finding.h"
#include "analysis/notebookanalysis.h"
#include "notebook/notebook.h"
#include "python/cellsymbols.h"

#include <vector>

namespace tassel {

/// The cell-to-cell dataflow of a notebook and the findings that follow from it:
/// use-before-definition, undefined-name, stale-output, unexecuted-cell, non-idempotent-cell
/// and opaque-code, plus the verdict and a suggested execution order.
///
/// Works from the per-cell symbols alone. Uses inside functions are deferred: when a cell calls
/// a notebook-defined function, the function's free names flow into that cell at the call.
/// Pure value computation; thread-safe.
class Dataflow
{
public:
    struct Result
    {
        std::vector<Dependency> dependencies;
        std::vector<Finding> findings;
        Verdict verdict;
    };

    /// `symbols` has one entry per cell of `notebook` (ignored for non-code cells).
    static Result analyze(const Notebook &notebook, const std::vector<CellSymbols> &symbols);
};

} // namespace tassel
