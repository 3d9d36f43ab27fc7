#pragma once

#include "analysis/notebookanalysis.h"

#include <string>
#include <vector>

namespace tassel {

/// One line per finding, the way compilers report: `path:cell:line:column: severity rule message`
/// (cell 1-based, as in the messages), then the verdict per notebook. Optional ANSI colour.
class TextReport
{
public:
    static std::string render(const std::vector<NotebookAnalysis> &analyses, bool colour = false);
};

} // namespace tassel
