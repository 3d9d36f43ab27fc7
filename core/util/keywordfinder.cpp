#include "util/keywordfinder.h"

#include <algorithm>

namespace tassel {

namespace {

char folded(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

} // namespace

KeywordFinder::KeywordFinder(const std::vector<std::string> &keywords)
    : m_bitmap((std::size_t(1) << kHashBits) / 64, 0)
{
    for (std::size_t k = 0; k < keywords.size(); ++k) {
        std::string keyword = keywords[k];
        std::transform(keyword.begin(), keyword.end(), keyword.begin(), folded);
        const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(keyword[i]); };
        if (keyword.size() >= 3) {
            m_prefixes.push_back({keyOf(byte(0), byte(1), byte(2)), std::uint32_t(k)});
        } else if (!keyword.empty()) {
            m_short.push_back(k);
            // Whatever follows a short keyword; a one-byte keyword makes every offset a candidate.
            const unsigned seconds = keyword.size() == 1 ? 256 : 1;
            for (unsigned second = 0; second < seconds; ++second) {
                const unsigned char b = keyword.size() == 1 ? static_cast<unsigned char>(second) : byte(1);
                for (unsigned third = 0; third < 256; ++third)
                    m_prefixes.push_back(
                        {keyOf(byte(0), b, static_cast<unsigned char>(third)), std::uint32_t(k)});
            }
        }
        m_keywords.push_back(std::move(keyword));
    }
    std::sort(m_prefixes.begin(), m_prefixes.end(), [](const Prefix &a, const Prefix &b) {
        return a.key != b.key ? a.key < b.key : a.keyword < b.keyword;
    });
    m_prefixes.erase(
        std::unique(m_prefixes.begin(), m_prefixes.end(),
            [](const Prefix &a, const Prefix &b) { return a.key == b.key && a.keyword == b.keyword; }),
        m_prefixes.end());
    for (const Prefix &prefix : m_prefixes) {
        const std::uint32_t bit = hash(prefix.key);
        m_bitmap[bit >> 6] |= std::uint64_t(1) << (bit & 63);
    }
}

bool KeywordFinder::matchesAt(std::string_view text, std::size_t at, std::size_t keyword) const
{
    const std::string &word = m_keywords[keyword];
    if (at + word.size() > text.size())
        return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (folded(text[at + i]) != word[i])
            return false;
    }
    return true;
}

std::size_t KeywordFinder::firstPrefix(std::uint32_t key) const
{
    return std::size_t(std::lower_bound(m_prefixes.begin(), m_prefixes.end(), key,
                           [](const Prefix &prefix, std::uint32_t k) { return prefix.key < k; })
        - m_prefixes.begin());
}

std::vector<KeywordFinder::Hit> KeywordFinder::find(std::string_view text) const
{
    std::vector<Hit> hits;
    forEach(text, [&](std::size_t keyword, std::size_t begin) { hits.push_back({keyword, begin}); });
    return hits;
}

} // namespace tassel
