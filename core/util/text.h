#pragma once

#include <cctype>
#include <string_view>

namespace tassel {

/// `text` without leading and trailing ASCII white space (as Python's str.strip() for ASCII).
inline std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

} // namespace tassel
