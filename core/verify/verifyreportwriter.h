#pragma once

#include "verify/verifyreport.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace tassel {

/// Renders a VerifyReport as text, JSON or one self-contained HTML page. The Verifier already
/// replaced the secrets it knew by their previews; as a last resort every excerpt also goes
/// through maskLikelyTokens (any long token that mixes letters and digits). Stateless.
class VerifyReportWriter
{
public:
    static nlohmann::ordered_json toJson(const VerifyReport &report);
    static std::string json(const VerifyReport &report); ///< pretty, final newline
    static std::string text(const VerifyReport &report, bool colour = false);
    static std::string html(const VerifyReport &report);
};

} // namespace tassel
