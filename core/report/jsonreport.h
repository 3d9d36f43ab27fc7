#pragma once

#include "analysis/notebookanalysis.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace tassel {

/// The JSON report: the documented contract between core, CLI, GUI and tests (README.md,
/// "The JSON report"). Keys keep the documented order. Secret values never appear: findings
/// carry only masked previews and fingerprints.
class JsonReport
{
public:
    /// One finding with the documented keys (`related_cells`, `cell_id`, …): the one writer that
    /// the check report, the verify report and SARIF's result properties share.
    static nlohmann::ordered_json findingToJson(const Finding &finding);
    static nlohmann::ordered_json notebookToJson(const NotebookAnalysis &analysis);
    static nlohmann::ordered_json toJson(const std::vector<NotebookAnalysis> &analyses);
    /// Pretty-printed with two-space indentation and a final newline.
    static std::string render(const std::vector<NotebookAnalysis> &analyses);
};

} // namespace tassel
