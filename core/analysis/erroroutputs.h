#pragma once

#include "analysis/finding.h"
#include "notebook/notebook.h"

#include <vector>

namespace tassel {

/// error-output: the notebook as saved holds a traceback in a cell's outputs, an `error` output
/// or a stream that prints one (e.g. `traceback.print_exc()`, logging). Pure function of the
/// notebook; thread-safe.
class ErrorOutputs
{
public:
    static std::vector<Finding> findings(const Notebook &notebook);
};

} // namespace tassel
