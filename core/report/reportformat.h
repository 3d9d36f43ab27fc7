#pragma once

#include "analysis/notebookanalysis.h"

#include <optional>
#include <string>
#include <vector>

namespace tassel {

/// The machine- and reader-facing report formats `tassel check --format` and the GUI's
/// File → Export report share: one place that maps a format name to its writer. Stateless.
namespace reportformat {

/// "json", "sarif", "html", "markdown" (the text report, which depends on a terminal, is the CLI's).
const std::vector<std::string> &names();
/// The report in `format`; nothing when the format is not one of names().
std::optional<std::string> render(const std::string &format, const std::vector<NotebookAnalysis> &analyses);

} // namespace reportformat

} // namespace tassel
