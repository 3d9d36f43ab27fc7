#pragma once

#include "util/text.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tassel {

/// A size as people type it: "20M" -> 20000000 (K, M, G are powers of 1000; a trailing B is
/// allowed); nothing when it is not a size.
inline std::optional<std::int64_t> parseSize(std::string_view text)
{
    text = trimmed(text);
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])))
        ++digits;
    if (digits == 0 || digits > 15)
        return std::nullopt;
    std::string_view unit = text.substr(digits);
    if (!unit.empty() && (unit.back() == 'B' || unit.back() == 'b'))
        unit.remove_suffix(1);
    std::int64_t factor = 0;
    if (unit.empty())
        factor = 1;
    else if (unit == "K" || unit == "k")
        factor = 1000;
    else if (unit == "M")
        factor = 1000 * 1000;
    else if (unit == "G")
        factor = 1000 * 1000 * 1000;
    if (factor == 0)
        return std::nullopt;
    return std::stoll(std::string(text.substr(0, digits))) * factor;
}

} // namespace tassel
