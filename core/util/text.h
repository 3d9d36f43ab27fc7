#pragma once

#include <QCryptographicHash>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <cctype>
#include <cstddef>
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

/// ASCII letters in lower case, every other byte (UTF-8 included) as it is, whatever the locale.
inline char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

inline std::string asciiLower(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = asciiLower(c);
    return out;
}

/// Whether `c` belongs to base64 text: an ASCII letter or digit, '+', '/' or '='.
inline bool isBase64Char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
        || c == '=';
}

/// The offset of the first byte at or after `from` that is no base64 character (isBase64Char), or
/// the text's size. Reads 16 bytes at a time with SSE2 where the CPU has it (every x86-64 does), a
/// byte at a time elsewhere and for the last bytes: inline images run to a megabyte.
inline std::size_t base64RunEnd(std::string_view text, std::size_t from)
{
    std::size_t at = from;
#if defined(__SSE2__)
    const __m128i lowA = _mm_set1_epi8('a');
    const __m128i zero = _mm_set1_epi8('0');
    for (; at + 16 <= text.size(); at += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(text.data() + at));
        // Unsigned "in [lo, lo + span]": (byte - lo) is at most span.
        const __m128i letter = _mm_sub_epi8(_mm_or_si128(bytes, _mm_set1_epi8(0x20)), lowA);
        const __m128i digit = _mm_sub_epi8(bytes, zero);
        const __m128i isLetter = _mm_cmpeq_epi8(_mm_min_epu8(letter, _mm_set1_epi8(25)), letter);
        const __m128i isDigit = _mm_cmpeq_epi8(_mm_min_epu8(digit, _mm_set1_epi8(9)), digit);
        const __m128i isSign = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('+')),
                                                _mm_cmpeq_epi8(bytes, _mm_set1_epi8('/'))),
            _mm_cmpeq_epi8(bytes, _mm_set1_epi8('=')));
        const int base64 = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(isLetter, isDigit), isSign));
        if (base64 != 0xFFFF)
            return at + std::size_t(__builtin_ctz(unsigned(~base64)));
    }
#endif
    while (at < text.size() && isBase64Char(text[at]))
        ++at;
    return at;
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
