#include "regexsample.h"

#include <optional>
#include <random>
#include <stdexcept>
#include <vector>

namespace {

struct Node
{
    enum class Kind { Chars, Group, Anchor };
    Kind kind = Kind::Chars;
    std::string chars; ///< Chars: the members to draw from
    std::vector<std::vector<Node>> alternatives; ///< Group
    int minimum = 1;
};

std::string printable()
{
    std::string all;
    for (char c = ' '; c <= '~'; ++c)
        all += c;
    return all;
}

std::string classOf(char escape)
{
    switch (escape) {
    case 'd':
        return "0123456789";
    case 'w':
        return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
    case 's':
        return " ";
    case 'S': {
        std::string all = printable();
        all.erase(0, 1);
        return all;
    }
    default:
        return {};
    }
}

/// [[:alnum:]] and the other POSIX classes gitleaks' rules use.
std::string posixClass(std::string_view name)
{
    const std::string lower = "abcdefghijklmnopqrstuvwxyz";
    const std::string upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const std::string digits = "0123456789";
    if (name == "alnum")
        return lower + upper + digits;
    if (name == "alpha")
        return lower + upper;
    if (name == "digit")
        return digits;
    if (name == "lower")
        return lower;
    if (name == "upper")
        return upper;
    if (name == "xdigit")
        return digits + "abcdef";
    throw std::runtime_error("unknown class [:" + std::string(name) + ":]");
}

char escaped(char c)
{
    return c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
}

class Parser
{
public:
    explicit Parser(std::string_view pattern)
        : m_p(pattern)
    {
    }

    std::vector<std::vector<Node>> alternation()
    {
        std::vector<std::vector<Node>> alternatives {{}};
        while (m_i < m_p.size() && m_p[m_i] != ')') {
            if (m_p[m_i] == '|') {
                ++m_i;
                alternatives.emplace_back();
                continue;
            }
            if (auto node = atom()) {
                quantifier(*node);
                alternatives.back().push_back(std::move(*node));
            }
        }
        return alternatives;
    }

    bool done() const { return m_i >= m_p.size(); }

private:
    std::optional<Node> atom()
    {
        const char c = m_p[m_i++];
        Node node;
        if (c == '(')
            return group();
        if (c == '[')
            return characterClass();
        if (c == '^' || c == '$') {
            node.kind = Node::Kind::Anchor;
        } else if (c == '.') {
            node.chars = "."; // any character: a dot keeps host names (gems.contribsys.com) intact
        } else if (c == '\\') {
            const char e = m_p[m_i++];
            if (e == 'b' || e == 'B' || e == 'A' || e == 'z')
                node.kind = Node::Kind::Anchor;
            else if (e == 'x')
                node.chars = std::string(1, hexByte());
            else if (!classOf(e).empty())
                node.chars = classOf(e);
            else
                node.chars = std::string(1, escaped(e));
        } else {
            node.chars = std::string(1, c);
        }
        return node;
    }

    char hexByte()
    {
        const int value = std::stoi(std::string(m_p.substr(m_i, 2)), nullptr, 16);
        m_i += 2;
        return char(value);
    }

    std::optional<Node> group()
    {
        if (m_p.substr(m_i, 3) == "?P<") {
            m_i = m_p.find('>', m_i) + 1; // a named group: a group like any other
        } else if (m_p.substr(m_i, 1) == "?") {
            std::size_t j = m_i + 1;
            while (j < m_p.size() && m_p[j] != ':' && m_p[j] != ')')
                ++j;
            const bool flagsOnly = m_p[j] == ')';
            m_i = j + 1;
            if (flagsOnly)
                return std::nullopt; // (?i): the sample is written as the pattern spells it
        }
        Node node;
        node.kind = Node::Kind::Group;
        node.alternatives = alternation();
        ++m_i; // ')'
        return node;
    }

    Node characterClass()
    {
        Node node;
        const bool negated = m_p[m_i] == '^';
        if (negated)
            ++m_i;
        std::string members;
        bool first = true;
        while (m_i < m_p.size() && (m_p[m_i] != ']' || first)) {
            first = false;
            if (m_p.substr(m_i, 2) == "[:") {
                const std::size_t close = m_p.find(":]", m_i);
                members += posixClass(m_p.substr(m_i + 2, close - m_i - 2));
                m_i = close + 2;
                continue;
            }
            char c = m_p[m_i++];
            if (c == '\\') {
                const char e = m_p[m_i++];
                if (!classOf(e).empty()) {
                    members += e == 's' ? std::string(" \t\n\r") : classOf(e);
                    continue;
                }
                c = e == 'x' ? hexByte() : escaped(e);
            }
            if (m_p[m_i] == '-' && m_i + 1 < m_p.size() && m_p[m_i + 1] != ']') {
                char last = m_p[m_i + 1];
                m_i += 2;
                if (last == '\\')
                    last = escaped(m_p[m_i++]);
                for (char x = c; x <= last; ++x)
                    members += x;
            } else {
                members += c;
            }
        }
        ++m_i; // ']'
        if (negated) {
            // Letters and digits outside the class: anything else could end the token early.
            std::string rest;
            for (char x : classOf('w')) {
                if (x != '_' && members.find(x) == std::string::npos)
                    rest += x;
            }
            for (char x : classOf('S')) {
                if (rest.empty() && members.find(x) == std::string::npos)
                    rest += x; // no letter or digit left: the first visible character outside
            }
            members = rest;
        }
        node.chars = members;
        return node;
    }

    void quantifier(Node &node)
    {
        if (m_i >= m_p.size())
            return;
        const char c = m_p[m_i];
        if (c == '*' || c == '?') {
            node.minimum = 0;
            ++m_i;
        } else if (c == '+') {
            node.minimum = 1;
            ++m_i;
        } else if (c == '{') {
            const std::size_t close = m_p.find('}', m_i);
            node.minimum = std::stoi(std::string(m_p.substr(m_i + 1, close - m_i - 1)));
            m_i = close + 1;
        } else {
            return;
        }
        if (m_i < m_p.size() && m_p[m_i] == '?')
            ++m_i; // lazy
    }

    std::string_view m_p;
    std::size_t m_i = 0;
};

class Writer
{
public:
    Writer(unsigned seed, RegexSample::Alternatives alternatives)
        : m_random(seed)
        , m_alternatives(alternatives)
    {
    }

    std::string sequence(const std::vector<Node> &nodes)
    {
        std::string out;
        for (const Node &node : nodes) {
            for (int n = 0; n < node.minimum; ++n)
                out += one(node);
        }
        return out;
    }

private:
    std::string one(const Node &node)
    {
        switch (node.kind) {
        case Node::Kind::Anchor:
            return {};
        case Node::Kind::Chars: {
            if (node.chars.empty())
                throw std::runtime_error("empty character class");
            std::uniform_int_distribution<std::size_t> pick(0, node.chars.size() - 1);
            return std::string(1, node.chars[pick(m_random)]);
        }
        case Node::Kind::Group: {
            // The first alternative that writes something, counting from a random one for Any.
            std::size_t start = 0;
            if (m_alternatives == RegexSample::Alternatives::Any && !node.alternatives.empty())
                start = std::uniform_int_distribution<std::size_t>(0, node.alternatives.size() - 1)(m_random);
            for (std::size_t i = 0; i < node.alternatives.size(); ++i) {
                std::string text = sequence(node.alternatives[(start + i) % node.alternatives.size()]);
                if (!text.empty())
                    return text;
            }
            return {};
        }
        }
        return {};
    }

    std::mt19937 m_random;
    RegexSample::Alternatives m_alternatives;
};

} // namespace

std::string RegexSample::generate(std::string_view pattern, unsigned seed, Alternatives alternatives)
{
    Parser parser(pattern);
    Node root;
    root.kind = Node::Kind::Group;
    root.alternatives = parser.alternation();
    if (!parser.done())
        throw std::runtime_error("unbalanced ')' in " + std::string(pattern));
    return Writer(seed, alternatives).sequence({root});
}
