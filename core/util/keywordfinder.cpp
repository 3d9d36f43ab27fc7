#include "util/keywordfinder.h"

#include "util/text.h"

#include <algorithm>

namespace tassel {

KeywordFinder::KeywordFinder(const std::vector<std::string> &keywords)
    : m_bitmap((std::size_t(1) << kHashBits) / 64, 0)
{
    for (std::size_t k = 0; k < keywords.size(); ++k) {
        const std::string keyword = asciiLower(keywords[k]);
        m_keywords.push_back(keyword);
        // Every occurrence shows one of these at an even offset of the text.
        if (keyword.size() >= 2) {
            addWindow(k, 0);
            addWindow(k, keyword.size() >= 3 ? 1 : -1);
        } else if (!keyword.empty()) {
            m_single.push_back(k);
        }
    }
    std::sort(m_windows.begin(), m_windows.end(), [](const Window &a, const Window &b) {
        return hash(a.key) != hash(b.key) ? hash(a.key) < hash(b.key)
            : a.key != b.key              ? a.key < b.key
            : a.keyword != b.keyword      ? a.keyword < b.keyword
                                          : a.offset < b.offset;
    });
    m_windowsOfWord.assign(m_bitmap.size() + 1, std::uint32_t(m_windows.size()));
    for (std::size_t w = m_windows.size(); w-- > 0;) {
        const std::uint32_t bit = hash(m_windows[w].key);
        m_bitmap[bit >> 6] |= std::uint64_t(1) << (bit & 63);
        m_windowsOfWord[bit >> 6] = std::uint32_t(w);
    }
    // A word without windows starts where the next word's windows start.
    for (std::size_t word = m_bitmap.size(); word-- > 0;) {
        if (m_bitmap[word] == 0)
            m_windowsOfWord[word] = m_windowsOfWord[word + 1];
    }
}

void KeywordFinder::addWindow(std::size_t keyword, int offset)
{
    // The window's three bytes: the keyword's from `offset` on, any byte (one with bit 5 set, as
    // keyOf makes it) where the keyword has none.
    std::vector<int> bytes(3, -1);
    const std::string &word = m_keywords[keyword];
    for (int i = 0; i < 3; ++i) {
        const int in = offset + i;
        if (in >= 0 && std::size_t(in) < word.size())
            bytes[std::size_t(i)] = static_cast<unsigned char>(word[std::size_t(in)]);
    }
    std::vector<std::uint32_t> keys {0};
    for (int i = 0; i < 3; ++i) {
        std::vector<std::uint32_t> next;
        for (const std::uint32_t key : keys) {
            if (bytes[std::size_t(i)] >= 0) {
                next.push_back(key | std::uint32_t(bytes[std::size_t(i)]) << (8 * i));
                continue;
            }
            for (unsigned any = 0x20; any < 256; any = (any + 1) | 0x20)
                next.push_back(key | any << (8 * i));
        }
        keys = std::move(next);
    }
    for (const std::uint32_t key : keys)
        m_windows.push_back({key | 0x202020u, std::uint32_t(keyword), std::int32_t(offset)});
}

bool KeywordFinder::matchesAt(std::string_view text, std::size_t at, std::size_t keyword) const
{
    const std::string &word = m_keywords[keyword];
    if (at + word.size() > text.size())
        return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (asciiLower(text[at + i]) != word[i])
            return false;
    }
    return true;
}

std::vector<KeywordFinder::Hit> KeywordFinder::find(std::string_view text) const
{
    std::vector<Hit> hits;
    forEach(text, [&](std::size_t keyword, std::size_t begin) { hits.push_back({keyword, begin}); });
    return hits;
}

} // namespace tassel
