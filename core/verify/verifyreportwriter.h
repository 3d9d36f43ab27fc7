#pragma once

#include "verify/verifyreport.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace tassel {

/// Renders a VerifyReport as text, JSON or one self-contained HTML page. Output excerpts are
/// masked: any long token that mixes letters and digits (keys, tokens) shows only its first
/// four characters and its length, as the check report does for secrets. Stateless.
class VerifyReportWriter
{
public:
    static nlohmann::ordered_json toJson(const VerifyReport &report);
    static std::string json(const VerifyReport &report); ///< pretty, final newline
    static std::string text(const VerifyReport &report, bool colour = false);
    static std::string html(const VerifyReport &report);
    static std::string maskLikelySecrets(std::string_view text);
};

} // namespace tassel
