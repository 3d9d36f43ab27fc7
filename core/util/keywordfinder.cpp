#include "util/keywordfinder.h"

#include "util/text.h"

#include <algorithm>

namespace tassel {

namespace {

/// How common a byte is in notebook text, roughly: letters by their frequency in English (which
/// code and prose in notebooks follow well enough), other bytes as rare.
int commonness(char c)
{
    static constexpr std::string_view byFrequency = "zqjxkvbpygfwmucldrhsnioate";
    const std::size_t rank = byFrequency.find(c);
    return rank == std::string_view::npos ? 4 : int(rank);
}

/// Of a keyword of five bytes or more, the first of the two neighbouring four-byte windows whose
/// commoner window is the rarest (the last such pair on a tie: "deco"/"ecov" of "codecov"):
/// "tado"/"adog" of "datadog" wake fewer offsets than "data". Of a four-byte keyword, -1 (its
/// window with any byte before it, "?fre" of "fred") or 0 (any byte after it, "red?"), whichever
/// three letters are rarer: such a window wakes wherever its three bytes occur.
int rarestWindows(const std::string &keyword)
{
    const auto score = [&](std::size_t from, std::size_t length) {
        int sum = 0;
        for (std::size_t i = from; i < from + length; ++i)
            sum += commonness(keyword[i]);
        return sum;
    };
    if (keyword.size() == 4)
        return score(0, 3) < score(1, 3) ? -1 : 0;
    int best = 0;
    int bestScore = std::max(score(0, 4), score(1, 4));
    for (std::size_t j = 1; j + 5 <= keyword.size(); ++j) {
        const int pairScore = std::max(score(j, 4), score(j + 1, 4));
        if (pairScore <= bestScore) {
            best = int(j);
            bestScore = pairScore;
        }
    }
    return best;
}

} // namespace

KeywordFinder::KeywordFinder(const std::vector<std::string> &keywords)
    : m_bitmap((std::size_t(1) << kHashBits) / 64, 0)
{
    for (std::size_t k = 0; k < keywords.size(); ++k) {
        const std::string keyword = asciiLower(keywords[k]);
        m_keywords.push_back(keyword);
        // Every occurrence shows one of these at an even offset of the text: four bytes of the
        // keyword, or as many as it has with any byte around.
        if (keyword.size() >= 4) {
            const int first = rarestWindows(keyword);
            addWindow(k, first);
            addWindow(k, first + 1);
        } else if (keyword.size() == 3) {
            addWindow(k, -1);
            addWindow(k, 0);
        } else if (keyword.size() == 2) {
            m_pairs.push_back(k);
        } else if (keyword.size() == 1) {
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
    // The window's four bytes: the keyword's from `offset` on, any byte (one with bit 5 set, as
    // keyOf makes it) where the keyword has none.
    const std::string &word = m_keywords[keyword];
    std::vector<std::uint32_t> keys {0};
    for (int i = 0; i < 4; ++i) {
        const int in = offset + i;
        std::vector<std::uint32_t> next;
        for (const std::uint32_t key : keys) {
            if (in >= 0 && std::size_t(in) < word.size()) {
                next.push_back(
                    key | std::uint32_t(static_cast<unsigned char>(word[std::size_t(in)])) << (8 * i));
                continue;
            }
            for (unsigned any = 0x20; any < 256; any = (any + 1) | 0x20)
                next.push_back(key | any << (8 * i));
        }
        keys = std::move(next);
    }
    for (const std::uint32_t key : keys)
        m_windows.push_back({key | 0x20202020u, std::uint32_t(keyword), std::int32_t(offset)});
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
