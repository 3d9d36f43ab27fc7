#include "analysis/gitleaksrulestail.h"

#include "util/text.h"

#include <algorithm>
#include <array>
#include <optional>

namespace tassel {

namespace {

constexpr std::size_t kUnbounded = std::size_t(-1);

/// One item of a regex, as far as the tail analysis needs it.
struct Node
{
    enum class Type {
        Byte, ///< one literal byte (`literal`, lower case)
        Class, ///< one byte of `bytes`
        Group, ///< (...) with its branches
        Empty, ///< zero-width: \b, ^, $, (?i)
    };
    Type type = Type::Empty;
    std::bitset<256> bytes; ///< Byte and Class: the bytes matched, ASCII letters in both cases
    char literal = 0;
    std::vector<std::vector<Node>> branches;
    std::size_t minimum = 1; ///< of the quantifier
    std::size_t maximum = 1; ///< of the quantifier; kUnbounded for *, + and {n,}
    bool once = true; ///< no quantifier
};

using Sequence = std::vector<Node>;

/// A literal byte, ASCII letters in both cases.
Node byte(char c)
{
    Node node;
    node.type = Node::Type::Byte;
    node.literal = asciiLower(c);
    node.bytes.set(static_cast<unsigned char>(c));
    node.bytes.set(static_cast<unsigned char>(node.literal));
    if (c >= 'a' && c <= 'z')
        node.bytes.set(static_cast<unsigned char>(c - 'a' + 'A'));
    return node;
}

/// Reads the RE2 syntax gitleaks' regexes use; anything else (back-references, \p{...}, POSIX
/// classes, \x{...}) makes it fail, and the rule keeps running around every keyword.
class Reader
{
public:
    explicit Reader(std::string_view regex)
        : m_re(regex)
    {
    }

    std::optional<std::vector<Sequence>> read()
    {
        std::vector<Sequence> branches = alternation();
        if (!m_ok || m_at != m_re.size())
            return std::nullopt;
        return branches;
    }

private:
    bool more() const { return m_at < m_re.size(); }
    char peek() const { return more() ? m_re[m_at] : '\0'; }

    std::vector<Sequence> alternation()
    {
        std::vector<Sequence> branches {sequence()};
        while (m_ok && peek() == '|') {
            ++m_at;
            branches.push_back(sequence());
        }
        return branches;
    }

    Sequence sequence()
    {
        Sequence items;
        while (m_ok && more() && peek() != '|' && peek() != ')') {
            Node node = item();
            quantifier(node);
            items.push_back(std::move(node));
        }
        return items;
    }

    Node item()
    {
        Node node;
        const char c = m_re[m_at++];
        if (c == '(')
            return group();
        if (c == '[')
            return byteClass();
        if (c == '\\')
            return escape();
        if (c == '.') {
            node.type = Node::Type::Class;
            node.bytes.set();
        } else if (c == '^' || c == '$') {
            node.type = Node::Type::Empty;
        } else if (c == '*' || c == '+' || c == '?') {
            m_ok = false;
        } else {
            node = byte(c);
        }
        return node;
    }

    Node group()
    {
        Node node;
        node.type = Node::Type::Group;
        if (peek() == '?') {
            ++m_at;
            if (peek() == 'P' || peek() == '<') {
                const std::size_t close = m_re.find('>', m_at);
                m_ok = m_ok && close != std::string_view::npos;
                m_at = close == std::string_view::npos ? m_re.size() : close + 1;
            } else {
                // Flags: (?i) alone is zero-width, (?i:...) a group.
                while (more() && peek() != ':' && peek() != ')')
                    ++m_at;
                if (peek() == ')') {
                    ++m_at;
                    return Node {};
                }
                ++m_at;
            }
        }
        node.branches = alternation();
        if (peek() != ')')
            m_ok = false;
        ++m_at;
        return node;
    }

    /// \d, \w, \s and their complements; nothing for other escapes.
    static std::optional<std::bitset<256>> classEscape(char c)
    {
        const char lower = asciiLower(c);
        if (lower != 'd' && lower != 'w' && lower != 's')
            return std::nullopt;
        // \d, \w, \s in that order, built once.
        static const std::array<std::bitset<256>, 3> sets = [] {
            std::array<std::bitset<256>, 3> out;
            for (std::size_t b = 0; b < 256; ++b) {
                const bool digit = b >= '0' && b <= '9';
                out[0].set(b, digit);
                out[1].set(b, digit || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '_');
                out[2].set(b, b == ' ' || (b >= '\t' && b <= '\r'));
            }
            return out;
        }();
        const std::bitset<256> &bytes = sets[lower == 'd' ? 0 : lower == 'w' ? 1 : 2];
        return c == lower ? bytes : ~bytes;
    }

    /// The byte an escape stands for (\n, \x60, \.), or nothing when it is no single byte.
    std::optional<char> escapedByte(char c)
    {
        switch (c) {
        case 'n':
            return '\n';
        case 'r':
            return '\r';
        case 't':
            return '\t';
        case 'f':
            return '\f';
        case 'v':
            return '\v';
        case 'x': {
            if (m_at + 2 > m_re.size())
                return std::nullopt;
            const std::string hex(m_re.substr(m_at, 2));
            if (hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
                return std::nullopt;
            m_at += 2;
            return char(std::stoi(hex, nullptr, 16));
        }
        default:
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
                return std::nullopt;
            return c;
        }
    }

    Node escape()
    {
        Node node;
        if (!more()) {
            m_ok = false;
            return node;
        }
        const char c = m_re[m_at++];
        if (c == 'b' || c == 'B' || c == 'A' || c == 'z')
            return node;
        if (const auto bytes = classEscape(c)) {
            node.type = Node::Type::Class;
            node.bytes = *bytes;
            return node;
        }
        if (const auto b = escapedByte(c))
            return byte(*b);
        m_ok = false;
        return node;
    }

    Node byteClass()
    {
        Node node;
        node.type = Node::Type::Class;
        const bool negated = peek() == '^';
        m_at += negated ? 1 : 0;
        bool first = true;
        while (m_ok && more() && (first || peek() != ']')) {
            first = false;
            std::optional<char> from = m_re[m_at++];
            if (*from == '[' && peek() == ':') {
                m_ok = false;
            } else if (*from == '\\' && more()) {
                const char c = m_re[m_at++];
                if (const auto bytes = classEscape(c)) {
                    node.bytes |= *bytes;
                    continue;
                }
                from = escapedByte(c);
                m_ok = m_ok && from.has_value();
            }
            if (!m_ok)
                break;
            char to = *from;
            if (peek() == '-' && m_at + 1 < m_re.size() && m_re[m_at + 1] != ']') {
                ++m_at;
                to = m_re[m_at++];
                if (to == '\\') {
                    const auto escaped = more() ? escapedByte(m_re[m_at++]) : std::nullopt;
                    m_ok = m_ok && escaped.has_value();
                    to = escaped.value_or(*from);
                }
            }
            for (int b = static_cast<unsigned char>(*from); b <= static_cast<unsigned char>(to); ++b)
                node.bytes.set(std::size_t(b));
        }
        if (peek() != ']')
            m_ok = false;
        ++m_at;
        for (int b = 'a'; b <= 'z'; ++b) {
            if (node.bytes[std::size_t(b)] || node.bytes[std::size_t(b - 'a' + 'A')]) {
                node.bytes.set(std::size_t(b));
                node.bytes.set(std::size_t(b - 'a' + 'A'));
            }
        }
        if (negated)
            node.bytes.flip();
        return node;
    }

    void quantifier(Node &node)
    {
        const char c = peek();
        if (c == '?' || c == '*' || c == '+') {
            ++m_at;
            node.minimum = c == '+' ? 1 : 0;
            node.maximum = c == '?' ? 1 : kUnbounded;
            node.once = false;
        } else if (c == '{' && m_at + 1 < m_re.size() && m_re[m_at + 1] >= '0' && m_re[m_at + 1] <= '9') {
            const std::size_t close = m_re.find('}', m_at);
            if (close == std::string_view::npos) {
                m_ok = false;
                return;
            }
            const std::string body(m_re.substr(m_at + 1, close - m_at - 1));
            // RE2 allows at most 1000 repeats; a larger count (or an overflow) ends the reading.
            node.minimum = 0;
            for (std::size_t i = 0; i < body.size() && body[i] >= '0' && body[i] <= '9' && m_ok; ++i) {
                node.minimum = node.minimum * 10 + std::size_t(body[i] - '0');
                m_ok = node.minimum <= 1000;
            }
            node.once = body == "1";
            node.maximum = node.minimum;
            if (const std::size_t comma = body.find(','); comma != std::string::npos) {
                node.maximum = comma + 1 == body.size() ? kUnbounded : 0;
                for (std::size_t i = comma + 1; i < body.size() && m_ok; ++i) {
                    m_ok = body[i] >= '0' && body[i] <= '9';
                    node.maximum = node.maximum * 10 + std::size_t(body[i] - '0');
                    m_ok = m_ok && node.maximum <= 1000;
                }
            }
            m_at = close + 1;
        } else {
            return;
        }
        if (peek() == '?') // lazy
            ++m_at;
    }

    std::string_view m_re;
    std::size_t m_at = 0;
    bool m_ok = true;
};

/// A group matched once whose branches are plain text: (live|test), (?:lob).
bool isLiteralGroup(const Node &node)
{
    if (node.type != Node::Type::Group || !node.once)
        return false;
    for (const Sequence &branch : node.branches) {
        for (const Node &item : branch) {
            if (item.type != Node::Type::Byte || !item.once)
                return false;
        }
    }
    return true;
}

bool isLiteral(const Node &node)
{
    return (node.type == Node::Type::Byte && node.once) || node.type == Node::Type::Empty
        || isLiteralGroup(node);
}

constexpr std::size_t kMaxSpellings = 64;

/// The texts the literal nodes [begin, end) of `items` can match, lower case; nothing when there
/// are too many.
std::optional<std::vector<std::string>> spellings(const Sequence &items, std::size_t begin, std::size_t end)
{
    std::vector<std::string> out {std::string()};
    for (std::size_t i = begin; i < end; ++i) {
        const Node &node = items[i];
        if (node.type == Node::Type::Byte) {
            for (std::string &text : out)
                text += node.literal;
            continue;
        }
        if (node.type == Node::Type::Empty)
            continue;
        std::vector<std::string> next;
        for (const std::string &text : out) {
            for (const Sequence &branch : node.branches) {
                std::string longer = text;
                for (const Node &item : branch)
                    longer += item.literal;
                next.push_back(std::move(longer));
            }
        }
        if (next.size() > kMaxSpellings)
            return std::nullopt;
        out = std::move(next);
    }
    return out;
}

/// Whether `node` can match no byte at all.
bool canBeEmpty(const Node &node)
{
    if (node.type == Node::Type::Empty || node.minimum == 0)
        return true;
    if (node.type != Node::Type::Group)
        return false;
    return std::any_of(node.branches.begin(), node.branches.end(),
        [](const Sequence &branch) { return std::all_of(branch.begin(), branch.end(), canBeEmpty); });
}

std::size_t saturatingAdd(std::size_t a, std::size_t b)
{
    return a > kUnbounded - b ? kUnbounded : a + b;
}

/// Every byte `node` can match, and how many at most.
std::pair<std::bitset<256>, std::size_t> reach(const Node &node)
{
    if (node.type == Node::Type::Empty)
        return {{}, 0};
    std::bitset<256> bytes = node.bytes;
    std::size_t longest = 1;
    if (node.type == Node::Type::Group) {
        longest = 0;
        for (const Sequence &branch : node.branches) {
            std::size_t length = 0;
            for (const Node &item : branch) {
                const auto [itemBytes, itemLength] = reach(item);
                bytes |= itemBytes;
                length = saturatingAdd(length, itemLength);
            }
            longest = std::max(longest, length);
        }
    }
    if (node.maximum == kUnbounded)
        return {bytes, longest == 0 ? 0 : kUnbounded};
    return {bytes, longest > kUnbounded / node.maximum ? kUnbounded : longest * node.maximum};
}

/// The tails a match has where `items[from]` starts (zero-width items skipped), or nothing when
/// the analysis cannot say (the sequence ends there: what follows is its parent's). Items that
/// can match nothing ([ \t\w.-]{0,20}) become a tail's scope, and the first bytes of the item
/// after them what it must reach.
std::optional<std::vector<KeywordTail>> tailsAt(const Sequence &items, std::size_t from)
{
    while (from < items.size() && items[from].type == Node::Type::Empty)
        ++from;
    if (from == items.size())
        return std::nullopt;
    if (canBeEmpty(items[from])) {
        KeywordTail tail;
        tail.within = 0;
        std::size_t next = from;
        for (; next < items.size() && canBeEmpty(items[next]); ++next) {
            const auto [bytes, longest] = reach(items[next]);
            tail.scope |= bytes;
            tail.within = saturatingAdd(tail.within, longest);
        }
        const auto after = tailsAt(items, next);
        if (!after)
            return std::nullopt;
        for (const KeywordTail &first : *after) {
            if (first.minimum == 0)
                return std::nullopt;
            tail.reaches |= first.bytes;
        }
        return std::vector<KeywordTail> {tail};
    }
    const Node &node = items[from];
    if (node.type != Node::Type::Group)
        return std::vector<KeywordTail> {{node.bytes, node.minimum, {}, {}, kUnbounded}};
    std::vector<KeywordTail> out;
    for (const Sequence &branch : node.branches) {
        const auto tails = tailsAt(branch, 0);
        if (!tails)
            return std::nullopt;
        out.insert(out.end(), tails->begin(), tails->end());
    }
    return out;
}

/// Collects the tails of every keyword standing as literal text in `items` and the groups below
/// them; returns whether every match of `items` contains one of the keywords as such text.
/// `understood[k]` turns false where a keyword stands but its tail is not known.
class Analysis
{
public:
    explicit Analysis(const std::vector<std::string> &keywords)
        : keywords(keywords)
        , tails(keywords.size())
        , understood(keywords.size(), true)
    {
    }

    bool sequence(const Sequence &items)
    {
        bool covered = false;
        for (std::size_t i = 0; i < items.size();) {
            if (!isLiteral(items[i])) {
                if (items[i].type == Node::Type::Group)
                    covered = alternatives(items[i].branches) && items[i].minimum > 0 ? true : covered;
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < items.size() && isLiteral(items[end]))
                ++end;
            covered = run(items, i, end) || covered;
            i = end;
        }
        return covered;
    }

    /// Whether every branch is covered.
    bool alternatives(const std::vector<Sequence> &branches)
    {
        bool all = true;
        for (const Sequence &branch : branches)
            all = sequence(branch) && all;
        return all;
    }

    const std::vector<std::string> &keywords;
    std::vector<std::vector<KeywordTail>> tails;
    std::vector<bool> understood;
    bool failed = false;

private:
    /// The literal run [begin, end): whether every spelling holds a keyword.
    bool run(const Sequence &items, std::size_t begin, std::size_t end)
    {
        const auto texts = spellings(items, begin, end);
        if (!texts) {
            failed = true;
            return false;
        }
        const auto after = tailsAt(items, end);
        bool all = true;
        for (const std::string &text : *texts) {
            bool holds = false;
            for (std::size_t k = 0; k < keywords.size(); ++k) {
                const std::string &keyword = keywords[k];
                for (std::size_t at = keyword.empty() ? std::string::npos : text.find(keyword);
                     at != std::string::npos; at = text.find(keyword, at + 1)) {
                    holds = true;
                    const std::size_t next = at + keyword.size();
                    if (next < text.size())
                        tails[k].push_back({byte(text[next]).bytes, 1, {}, {}, kUnbounded});
                    else if (after)
                        tails[k].insert(tails[k].end(), after->begin(), after->end());
                    else
                        understood[k] = false;
                }
            }
            all = all && holds;
        }
        return all;
    }
};

} // namespace

KeywordTail::Verdict KeywordTail::check(std::string_view text, std::size_t at) const
{
    if (at > text.size())
        return Verdict::Missing;
    const std::size_t fixed = std::min(minimum, text.size() - at);
    for (std::size_t i = 0; i < fixed; ++i) {
        if (!bytes[static_cast<unsigned char>(text[at + i])])
            return Verdict::Missing;
    }
    if (fixed < minimum)
        return Verdict::Cut;
    if (reaches.none())
        return Verdict::Held;
    for (std::size_t i = at + minimum, read = 0; i < text.size(); ++i, ++read) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (reaches[c])
            return Verdict::Held;
        if (read == within || !scope[c])
            return Verdict::Missing;
    }
    return Verdict::Cut;
}

std::vector<std::vector<KeywordTail>> keywordTails(
    std::string_view regex, const std::vector<std::string> &keywords)
{
    std::vector<std::vector<KeywordTail>> none(keywords.size());
    const auto branches = Reader(regex).read();
    if (!branches)
        return none;
    Analysis analysis(keywords);
    if (!analysis.alternatives(*branches) || analysis.failed)
        return none;
    for (std::size_t k = 0; k < keywords.size(); ++k) {
        std::vector<KeywordTail> &tails = analysis.tails[k];
        if (!analysis.understood[k])
            tails.clear();
        std::vector<KeywordTail> distinct;
        for (const KeywordTail &tail : tails) {
            if (std::find(distinct.begin(), distinct.end(), tail) == distinct.end())
                distinct.push_back(tail);
        }
        tails = std::move(distinct);
    }
    return analysis.tails;
}

} // namespace tassel
