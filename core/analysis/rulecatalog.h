#pragma once

#include "analysis/finding.h"

#include <string>
#include <vector>

namespace tassel {

/// Describes one rule for reports (SARIF rule metadata, HTML legends, --select/--ignore).
struct RuleInfo
{
    std::string id;
    std::string title; ///< short, e.g. "Use before definition"
    std::string description; ///< one or two sentences: what it finds and why it matters
    Severity defaultSeverity = Severity::Warning;
    std::string fix; ///< one line: what to do about a finding of this rule
};

/// The catalogue of every rule Tassel reports, in a stable order.
class RuleCatalog
{
public:
    static const std::vector<RuleInfo> &all();
    /// nullptr for an unknown id.
    static const RuleInfo *find(const std::string &id);
    /// Index in all(), or -1.
    static int indexOf(const std::string &id);
};

} // namespace tassel
