#pragma once

#include "analysis/finding.h"
#include "analysis/notebookanalysis.h"

#include <string>
#include <string_view>
#include <vector>

namespace tassel {

/// Fills a verdict's two questions (runs top to bottom, same outputs) and its overall status
/// from a notebook's complete list of findings, and words them for the text reports.
/// Pure functions; thread-safe.
class VerdictBuilder
{
public:
    static void complete(Verdict &verdict, const std::vector<Finding> &findings);
    /// "ok", "risky" or "broken" (the JSON report's verdict.status).
    static std::string_view statusName(VerdictStatus status);
    /// One line for reports, e.g. "Status: risky — runs top to bottom: yes; same outputs: no
    /// (1 stored error)."
    static std::string statusLine(const Verdict &verdict);
};

} // namespace tassel
