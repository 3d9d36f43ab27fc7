#pragma once

#include "analysis/finding.h"
#include "notebook/notebook.h"

#include <vector>

namespace tassel {

/// Findings that come from execution counts alone: out-of-order-execution and execution-gap.
/// Pure function of the notebook; thread-safe.
class ExecutionOrder
{
public:
    static std::vector<Finding> findings(const Notebook &notebook);
    /// Indexes of executed code cells sorted by execution count (ties keep document order).
    static std::vector<int> executedCellsByCount(const Notebook &notebook);
};

} // namespace tassel
