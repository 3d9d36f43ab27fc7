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
/// the text. Only every second offset is looked at: the three bytes there, folded, are hashed into
/// a bitmap (16 KiB, so it stays in the CPU's first-level cache; no offset waits for the one
/// before it, as an automaton's state would) of what every occurrence shows at an even offset: the
/// keyword's first three bytes or the three from its second (fewer for shorter keywords, with any
/// byte around), and only offsets whose bit is set are compared with those keywords. One-byte
/// keywords are found with memchr.
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
    bool empty() const { return m_windows.empty() && m_single.empty(); }

    /// Calls `found(keyword, begin)` once for each occurrence, in no particular order.
    template <typename Found>
    void forEach(std::string_view text, Found found) const
    {
        const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
        const std::size_t size = text.size();
        const std::uint64_t *bitmap = m_bitmap.data();
        std::size_t at = 0;
        if (m_windows.empty())
            at = size;
        // One unaligned four-byte load per offset where the text has a fourth byte (little-endian:
        // the first byte is the lowest), three byte loads near the end.
        for (; std::endian::native == std::endian::little && at + 4 <= size; at += 2) {
            std::uint32_t four;
            std::memcpy(&four, bytes + at, 4);
            const std::uint32_t key = (four & 0xFFFFFFu) | 0x202020u;
            const std::uint32_t bit = hash(key);
            if ((bitmap[bit >> 6] >> (bit & 63)) & 1) [[unlikely]]
                compare(text, at, key, bit, found);
        }
        for (; at + 3 <= size; at += 2) {
            const std::uint32_t key = keyOf(bytes[at], bytes[at + 1], bytes[at + 2]);
            const std::uint32_t bit = hash(key);
            if ((bitmap[bit >> 6] >> (bit & 63)) & 1)
                compare(text, at, key, bit, found);
        }
        // The last offset, if any, reads zero bytes past the end: whatever follows a short window.
        if (at < size) {
            const std::uint32_t key = keyOf(bytes[at], at + 1 < size ? bytes[at + 1] : 0, 0);
            compare(text, at, key, hash(key), found);
        }
        for (std::size_t k : m_single)
            findSingle(text, k, found);
    }

    /// Every occurrence, as forEach() reports them.
    std::vector<Hit> find(std::string_view text) const;

private:
    static constexpr int kHashBits = 17;

    /// Three bytes as one number, each with bit 5 set: ASCII letters in either case give the
    /// same key (other bytes may collide too; compare() sorts those out).
    static std::uint32_t keyOf(unsigned char a, unsigned char b, unsigned char c)
    {
        return (std::uint32_t(a) | std::uint32_t(b) << 8 | std::uint32_t(c) << 16) | 0x202020u;
    }
    static std::uint32_t hash(std::uint32_t key) { return (key * 0x9E3779B1u) >> (32 - kHashBits); }

    bool matchesAt(std::string_view text, std::size_t at, std::size_t keyword) const;
    void addWindow(std::size_t keyword, int offset);

    /// Compares the keywords whose window has `key` (hashed to `bit`) at offset `at`.
    template <typename Found>
    void compare(
        std::string_view text, std::size_t at, std::uint32_t key, std::uint32_t bit, Found &found) const
    {
        for (std::size_t w = m_windowsOfWord[bit >> 6]; w < m_windowsOfWord[(bit >> 6) + 1]; ++w) {
            const Window &window = m_windows[w];
            if (window.key != key)
                continue;
            // The keyword starts `offset` bytes before the window (-1: the window starts a byte before it).
            if (window.offset > 0 && at < std::size_t(window.offset))
                continue;
            const std::size_t begin
                = window.offset > 0 ? at - std::size_t(window.offset) : at + std::size_t(-window.offset);
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

    struct Window
    {
        std::uint32_t key;
        std::uint32_t keyword;
        std::int32_t offset; ///< of the window in the keyword: 0 or 1, or -1 for a byte before it
    };
    std::vector<std::uint64_t> m_bitmap; ///< by hash of a key: whether a keyword's window has it
    std::vector<Window> m_windows; ///< by hash of the key, key, keyword index
    /// By bitmap word: the first window whose key's hash falls in it (one past the last word: the
    /// end), so a set bit costs a look at the few windows of its word, not a binary search.
    std::vector<std::uint32_t> m_windowsOfWord;
    std::vector<std::string> m_keywords; ///< lower case
    std::vector<std::size_t> m_single; ///< keywords of one byte
};

} // namespace tassel
