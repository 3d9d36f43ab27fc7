#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace tassel {

/// Finds every occurrence of many keywords in a text in one pass over its bytes, ASCII letters
/// matched in either case, other bytes (UTF-8 included) as they are, without a lower-cased copy of
/// the text. Only every second offset is looked at: the four bytes there, folded, are hashed into
/// a bitmap (no offset waits for the one before it, as an automaton's state would) of what every
/// occurrence shows at an even offset, and only offsets whose bit is set are compared with those
/// keywords. A keyword of five bytes or more shows one of two neighbouring four-byte windows of its
/// own, chosen of rare letters ("tado"/"adog" of "datadog", not "data"); a four-byte one itself
/// and itself shifted by a byte, toward its rarer end ("?fre" of "fred", not "red?"), a three-byte
/// one itself with any byte before or after it. Three-byte windows of longer keywords (the
/// "the" of "etherscan") woke one offset in fourteen in notebooks, each costing a mispredicted
/// branch and a comparison; four-byte ones wake one in sixty. The bitmap has 2^20 bits (128 KiB,
/// in the second-level cache): the expanded windows of short keywords (about 8,800 for gitleaks'
/// keywords) fill a smaller one with collisions, which measured slower. Two-byte keywords are found
/// with memchr on their second byte, one-byte keywords with memchr.
/// Overlapping occurrences and keywords inside other keywords are all reported; empty keywords
/// are never found. Immutable after construction; usable from several threads at once.
class KeywordFinder
{
public:
    struct Hit
    {
        std::size_t keyword = 0; ///< index in the constructor's list
        std::size_t begin = 0; ///< byte offset of the occurrence in the text
        bool operator==(const Hit &) const = default;
    };

    KeywordFinder() = default;
    explicit KeywordFinder(const std::vector<std::string> &keywords);

    /// Whether no keyword can ever be found.
    bool empty() const { return m_windows.empty() && m_pairs.empty() && m_single.empty(); }

    /// Calls `found(keyword, begin)` once for each occurrence, in no particular order.
    template <typename Found>
    void forEach(std::string_view text, Found found) const
    {
        const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
        const std::size_t size = text.size();
        std::size_t at = 0;
        if (m_windows.empty())
            at = size;
        // One unaligned four-byte load per offset where the text has a fourth byte (little-endian:
        // the first byte is the lowest), byte loads near the end.
        for (; std::endian::native == std::endian::little && at + 4 <= size; at += 2) {
            std::uint32_t four;
            std::memcpy(&four, bytes + at, 4);
            const std::uint32_t key = four | 0x20202020u;
            if (bitOf(key)) [[unlikely]]
                compare(text, at, key, found);
        }
        // The last offsets (every offset on a big-endian machine) read their four bytes one by one,
        // those past the end as zero (a space once folded): a window that needs them there belongs
        // to a keyword longer than the rest of the text.
        for (; at + 2 <= size; at += 2) {
            const std::uint32_t key = keyOf(bytes[at], bytes[at + 1], at + 2 < size ? bytes[at + 2] : 0,
                at + 3 < size ? bytes[at + 3] : 0);
            if (bitOf(key))
                compare(text, at, key, found);
        }
        for (std::size_t k : m_single)
            findSingle(text, k, found);
        for (std::size_t k : m_pairs)
            findPair(text, k, found);
    }

    /// Every occurrence, as forEach() reports them.
    std::vector<Hit> find(std::string_view text) const;

private:
    static constexpr int kHashBits = 20;

    /// Four bytes as one number, each with bit 5 set: ASCII letters in either case give the
    /// same key (other bytes may collide too; compare() sorts those out).
    static std::uint32_t keyOf(unsigned char a, unsigned char b, unsigned char c, unsigned char d)
    {
        return (std::uint32_t(a) | std::uint32_t(b) << 8 | std::uint32_t(c) << 16 | std::uint32_t(d) << 24)
            | 0x20202020u;
    }
    static std::uint32_t hash(std::uint32_t key) { return (key * 0x9E3779B1u) >> (32 - kHashBits); }
    bool bitOf(std::uint32_t key) const
    {
        const std::uint32_t bit = hash(key);
        return (m_bitmap[bit >> 6] >> (bit & 63)) & 1;
    }

    bool matchesAt(std::string_view text, std::size_t at, std::size_t keyword) const;
    void addWindow(std::size_t keyword, int offset);

    /// Compares the keywords whose window is `key` at offset `at`.
    template <typename Found>
    void compare(std::string_view text, std::size_t at, std::uint32_t key, Found &found) const
    {
        const std::uint32_t word = hash(key) >> 6;
        for (std::size_t w = m_windowsOfWord[word]; w < m_windowsOfWord[word + 1]; ++w) {
            const Window &window = m_windows[w];
            // The keyword starts `offset` bytes before the window (-1: a byte after its start).
            if (window.key != key || (window.offset > 0 && at < std::size_t(window.offset)))
                continue;
            const std::size_t begin = at - std::size_t(std::ptrdiff_t(window.offset));
            if (matchesAt(text, begin, window.keyword))
                found(std::size_t(window.keyword), begin);
        }
    }

    /// A one-byte keyword is found with memchr, in both cases.
    template <typename Found>
    void findSingle(std::string_view text, std::size_t keyword, Found &found) const
    {
        const char c = m_keywords[keyword].front();
        const bool letter = c >= 'a' && c <= 'z';
        const char cases[2] = {c, letter ? char(c - 'a' + 'A') : c};
        for (int i = 0; i < (letter ? 2 : 1); ++i) {
            for (std::size_t at = text.find(cases[i]); at != std::string_view::npos;
                 at = text.find(cases[i], at + 1))
                found(keyword, at);
        }
    }

    /// A two-byte keyword is found with memchr on its second byte, in both cases (in its window,
    /// two bytes of any value would set 50,176 bits).
    template <typename Found>
    void findPair(std::string_view text, std::size_t keyword, Found &found) const
    {
        const char c = m_keywords[keyword][1];
        const char first = m_keywords[keyword][0];
        const bool letter = c >= 'a' && c <= 'z';
        const char cases[2] = {c, letter ? char(c - 'a' + 'A') : c};
        for (int i = 0; i < (letter ? 2 : 1); ++i) {
            for (std::size_t at = text.find(cases[i], 1); at != std::string_view::npos;
                 at = text.find(cases[i], at + 1)) {
                const char before = text[at - 1];
                if ((before >= 'A' && before <= 'Z' ? char(before - 'A' + 'a') : before) == first)
                    found(keyword, at - 1);
            }
        }
    }

    struct Window
    {
        std::uint32_t key;
        std::uint32_t keyword;
        std::int32_t offset; ///< of the window in the keyword, or -1: a byte before it
    };
    std::vector<std::uint64_t> m_bitmap; ///< by hash of a key: whether a keyword's window has it
    std::vector<Window> m_windows; ///< by hash of the key, key, keyword index
    /// By bitmap word: the first window whose key's hash falls in it (one past the last word: the
    /// end), so a set bit costs a look at the few windows of its word, not a binary search.
    std::vector<std::uint32_t> m_windowsOfWord;
    std::vector<std::string> m_keywords; ///< lower case
    std::vector<std::size_t> m_pairs; ///< keywords of two bytes
    std::vector<std::size_t> m_single; ///< keywords of one byte
};

} // namespace tassel
