#pragma once

#include <QCryptographicHash>

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

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

/// 0-based cell indexes as people count them: {2, 5} -> "3, 6".
inline std::string cellNumbers(const std::vector<int> &cells)
{
    std::string text;
    for (const int cell : cells)
        text += (text.empty() ? "" : ", ") + std::to_string(cell + 1);
    return text;
}

/// Lower-case hex SHA-256 of `bytes` (notebook and data file fingerprints).
inline std::string sha256Hex(std::string_view bytes)
{
    return QCryptographicHash::hash(
        QByteArrayView(bytes.data(), qsizetype(bytes.size())), QCryptographicHash::Sha256)
        .toHex()
        .toStdString();
}

} // namespace tassel
