#pragma once

#include "analysis/finding.h"
#include "notebook/notebook.h"
#include "python/cellsymbols.h"

#include <vector>

namespace tassel {

/// swallowed-exception: an `except:`, `except Exception:` or `except BaseException:` handler
/// (in a cell or in a function a cell defines) whose body only passes, continues or prints/logs
/// and goes on: every error, a renamed column or a missing file included, disappears. A named,
/// narrower exception (`except ImportError: pass`) is a deliberate choice and is not reported.
/// Pure function of the notebook; thread-safe.
class SwallowedExceptions
{
public:
    /// `symbols` has one entry per cell (cells that are not Python or were not analysed are
    /// skipped).
    static std::vector<Finding> findings(const Notebook &notebook, const std::vector<CellSymbols> &symbols);
};

} // namespace tassel
