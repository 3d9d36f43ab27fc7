#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tassel {

/// Finds every occurrence of many keywords in a text in one pass over its bytes, ASCII letters
/// matched in either case, other bytes (UTF-8 included) as they are, without a lower-cased copy of
/// the text. At each offset the three bytes there, folded, are hashed into a bitmap of the
/// keywords' first three bytes (8 KiB, so it stays in the CPU's first-level cache, and no offset
/// waits for the one before it, as an automaton's state does); only offsets whose bits are set are
/// compared with the keywords starting that way. Keywords shorter than three bytes enter the
/// bitmap once for each byte that can follow them. Overlapping occurrences and keywords inside
/// other keywords are all reported; empty keywords are never found.
/// Immutable after construction; one finder can be used from several threads at once.
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
    bool empty() const { return m_prefixes.empty(); }

    /// Calls `found(keyword, begin)` for each occurrence, by increasing `begin` (at one offset,
    /// in the order of the constructor's list).
    template <typename Found>
    void forEach(std::string_view text, Found found) const
    {
        if (empty())
            return;
        const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
        const std::size_t size = text.size();
        std::size_t at = 0;
        for (; at + 3 <= size; ++at) {
            const std::uint32_t key = keyOf(bytes[at], bytes[at + 1], bytes[at + 2]);
            const std::uint32_t bit = hash(key);
            if ((m_bitmap[bit >> 6] >> (bit & 63)) & 1) [[unlikely]]
                compare(text, at, key, found);
        }
        // The last one or two offsets: only keywords that short can start there.
        for (; at < size; ++at) {
            for (std::size_t k : m_short) {
                if (matchesAt(text, at, k))
                    found(k, at);
            }
        }
    }

    /// Every occurrence, as forEach() reports them.
    std::vector<Hit> find(std::string_view text) const;

private:
    static constexpr int kHashBits = 16;

    /// Three bytes as one number, each with bit 5 set: ASCII letters in either case give the
    /// same key (other bytes may collide too; compare() sorts those out).
    static std::uint32_t keyOf(unsigned char a, unsigned char b, unsigned char c)
    {
        return (std::uint32_t(a) | std::uint32_t(b) << 8 | std::uint32_t(c) << 16) | 0x202020u;
    }
    static std::uint32_t hash(std::uint32_t key) { return (key * 0x9E3779B1u) >> (32 - kHashBits); }

    bool matchesAt(std::string_view text, std::size_t at, std::size_t keyword) const;

    template <typename Found>
    void compare(std::string_view text, std::size_t at, std::uint32_t key, Found &found) const
    {
        for (std::size_t p = firstPrefix(key); p < m_prefixes.size() && m_prefixes[p].key == key; ++p) {
            if (matchesAt(text, at, m_prefixes[p].keyword))
                found(std::size_t(m_prefixes[p].keyword), at);
        }
    }
    std::size_t firstPrefix(std::uint32_t key) const;

    struct Prefix
    {
        std::uint32_t key;
        std::uint32_t keyword;
    };
    std::vector<std::uint64_t> m_bitmap; ///< by hash of a key: whether a keyword may start so
    std::vector<Prefix> m_prefixes; ///< by key, then keyword index
    std::vector<std::string> m_keywords; ///< lower case
    std::vector<std::size_t> m_short; ///< keywords of one or two bytes
};

} // namespace tassel
