#pragma once

#include "analysis/notebookanalysis.h"

#include <string>
#include <vector>

namespace tassel {

/// SARIF 2.1.0 for code-scanning tools: rule metadata from RuleCatalog, one result per finding,
/// located at the notebook file with a region at the cell's line in the .ipynb (the cell, line
/// and column within the cell source in the result's properties), and a stable fingerprint
/// that survives edits elsewhere in the notebook.
class SarifReport
{
public:
    static std::string render(const std::vector<NotebookAnalysis> &analyses);
    /// The fingerprint of a finding: rule, cell id (or index), names and position in the cell.
    static std::string fingerprint(const Finding &finding);
};

} // namespace tassel
