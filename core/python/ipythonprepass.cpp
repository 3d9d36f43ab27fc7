#include "python/ipythonprepass.h"

#include "python/linescanner.h"
#include "python/pythonnames.h"
#include "python/sourcemap.h"

#include <algorithm>

namespace tassel {
namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\f';
}

bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
        || static_cast<unsigned char>(c) >= 0x80;
}

bool isWordStart(char c)
{
    return isWordChar(c) && !(c >= '0' && c <= '9');
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (isSpace(s.front()) || s.front() == '\r' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (isSpace(s.back()) || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

class PrePass
{
public:
    PrePass(std::string_view source, const SourceMap &map)
        : m_source(source)
        , m_map(map)
    {
        m_result.python.assign(source);
    }

    PrePassResult run()
    {
        std::size_t lineStart = 0;
        bool first = true;
        while (lineStart < m_source.size()) {
            std::size_t lineEnd = m_source.find('\n', lineStart);
            if (lineEnd == std::string_view::npos)
                lineEnd = m_source.size();
            std::size_t p = lineStart;
            while (p < lineEnd && isSpace(m_source[p]))
                ++p;
            const bool blank = p >= lineEnd || m_source[p] == '\r';
            if (first && !blank) {
                first = false;
                if (m_source.compare(p, 2, "%%") == 0) {
                    if (!cellMagic(p, lineEnd))
                        return finish();
                    lineStart = lineEnd + 1;
                    continue;
                }
            }
            if (!blank && m_scanner.atLogicalStart()) {
                const std::size_t next = magicLine(p, lineEnd);
                if (next != std::string_view::npos) {
                    lineStart = next;
                    continue;
                }
            }
            m_scanner.scan(m_source, lineStart, lineEnd);
            lineStart = lineEnd + 1;
        }
        return finish();
    }

private:
    PrePassResult finish()
    {
        std::stable_sort(m_result.events.begin(), m_result.events.end(),
            [](const PrePassEvent &a, const PrePassEvent &b) { return a.begin < b.begin; });
        return std::move(m_result);
    }

    /// The end of the logical line starting on the physical line that ends at `lineEnd`,
    /// following backslash continuations (IPython joins them for magics).
    std::size_t logicalEnd(std::size_t lineEnd) const
    {
        for (;;) {
            std::size_t e = lineEnd;
            while (e > 0 && (m_source[e - 1] == '\r' || isSpace(m_source[e - 1])))
                --e;
            if (lineEnd >= m_source.size() || e == 0 || m_source[e - 1] != '\\')
                return lineEnd;
            const std::size_t next = m_source.find('\n', lineEnd + 1);
            lineEnd = next == std::string_view::npos ? m_source.size() : next;
        }
    }

    std::string joined(std::size_t begin, std::size_t end) const
    {
        std::string text;
        text.reserve(end - begin);
        for (std::size_t i = begin; i < end; ++i) {
            const char c = m_source[i];
            if (c == '\\' && i + 1 < end && (m_source[i + 1] == '\n' || m_source[i + 1] == '\r')) {
                if (!text.empty() && text.back() != ' ')
                    text += ' ';
                while (i + 1 < end
                    && (m_source[i + 1] == '\n' || m_source[i + 1] == '\r' || isSpace(m_source[i + 1])))
                    ++i;
                continue;
            }
            if (c == '\n' || c == '\r')
                continue;
            text += c;
        }
        return std::string(trim(text));
    }

    void blank(std::size_t begin, std::size_t end)
    {
        for (std::size_t i = begin; i < end && i < m_result.python.size(); ++i) {
            if (m_result.python[i] != '\n' && m_result.python[i] != '\r')
                m_result.python[i] = ' ';
        }
    }

    /// A one-character expression statement in place of the magic keeps indentation valid.
    void placeholder(std::size_t begin, std::size_t end)
    {
        blank(begin, end);
        if (begin < end)
            m_result.python[begin] = '0';
    }

    std::uint32_t trimmedEnd(std::size_t begin, std::size_t end) const
    {
        while (end > begin && (m_source[end - 1] == '\r' || isSpace(m_source[end - 1])))
            --end;
        return std::uint32_t(end);
    }

    void addMagic(MagicRef::Kind kind, std::string name, std::string arguments, std::string assignedTo,
        std::size_t begin, std::size_t end)
    {
        MagicRef magic;
        magic.kind = kind;
        magic.name = std::move(name);
        magic.arguments = std::move(arguments);
        magic.assignedTo = std::move(assignedTo);
        magic.range = m_map.range(std::uint32_t(begin), trimmedEnd(begin, end));
        m_result.magics.push_back(std::move(magic));
    }

    void addOpaque(OpaqueConstruct::Kind kind, std::size_t begin, std::size_t end)
    {
        OpaqueConstruct opaque;
        opaque.kind = kind;
        opaque.text = joined(begin, end);
        opaque.range = m_map.range(std::uint32_t(begin), trimmedEnd(begin, end));
        m_result.opaque.push_back(std::move(opaque));
    }

    void addEvent(PrePassEvent::Kind kind, std::size_t begin, std::size_t end)
    {
        m_result.events.push_back(PrePassEvent {kind, std::string(m_source.substr(begin, end - begin)),
            std::uint32_t(begin), std::uint32_t(end)});
    }

    /// `$name` and `{name...}` in shell commands and magic arguments are expanded from the user
    /// namespace by IPython: they read those names.
    void expansions(std::size_t begin, std::size_t end)
    {
        for (std::size_t i = begin; i < end; ++i) {
            const char c = m_source[i];
            if (c == '$' && i + 1 < end && m_source[i + 1] == '$') {
                ++i;
                continue;
            }
            if ((c == '$' || c == '{') && i + 1 < end && isWordStart(m_source[i + 1])) {
                std::size_t j = i + 1;
                while (j < end && isWordChar(m_source[j]))
                    ++j;
                addEvent(PrePassEvent::Kind::Read, i + 1, j);
                i = j - 1;
            }
        }
    }

    /// Words of a magic's arguments with their byte ranges.
    std::vector<std::pair<std::size_t, std::size_t>> words(std::size_t begin, std::size_t end) const
    {
        std::vector<std::pair<std::size_t, std::size_t>> result;
        std::size_t i = begin;
        while (i < end) {
            while (i < end
                && (isSpace(m_source[i]) || m_source[i] == '\r' || m_source[i] == '\n'
                    || m_source[i] == '\\'))
                ++i;
            const std::size_t start = i;
            while (i < end && !isSpace(m_source[i]) && m_source[i] != '\r' && m_source[i] != '\n')
                ++i;
            if (i > start)
                result.emplace_back(start, i);
        }
        return result;
    }

    bool isIdentifier(std::size_t begin, std::size_t end) const
    {
        if (begin >= end || !isWordStart(m_source[begin]))
            return false;
        for (std::size_t i = begin; i < end; ++i) {
            if (!isWordChar(m_source[i]))
                return false;
        }
        return true;
    }

    /// Handles `%%name args` on the first line; returns whether the body is Python.
    bool cellMagic(std::size_t p, std::size_t lineEnd)
    {
        std::size_t n = p + 2;
        while (n < lineEnd && !isSpace(m_source[n]) && m_source[n] != '\r')
            ++n;
        const std::string name(m_source.substr(p + 2, n - p - 2));
        const std::string arguments = joined(n, lineEnd);
        addMagic(MagicRef::Kind::CellMagic, name, arguments, {}, p, lineEnd);
        if (!PythonNames::isTransparentCellMagic(name)) {
            m_result.isPython = false;
            blank(0, m_result.python.size());
            return false;
        }
        blank(p, lineEnd);
        if (name == "timeit")
            m_result.localBody = true;
        if (name == "capture") {
            // %%capture [--no-stderr] [--no-stdout] [--no-display] [name]: the name is bound to
            // the captured output once the body has run.
            for (const auto &[b, e] : words(n, lineEnd)) {
                if (isIdentifier(b, e))
                    addEvent(PrePassEvent::Kind::Bind, b, e);
            }
        }
        return true;
    }

    /// If the logical line starting at `p` is IPython syntax, replaces it and returns where the
    /// next physical line starts; npos when the line is Python.
    std::size_t magicLine(std::size_t p, std::size_t lineEnd)
    {
        const char c = m_source[p];
        if (c == '!' || c == '%')
            return escaped(p, p, lineEnd, {});
        if (c == '?')
            return prefixHelp(p, lineEnd);

        // v = !cmd, v = %magic, a, b = !cmd
        std::size_t i = p;
        while (i < lineEnd
            && (isWordChar(m_source[i]) || m_source[i] == '.' || m_source[i] == ',' || isSpace(m_source[i])))
            ++i;
        if (i > p && i + 1 < lineEnd && m_source[i] == '=' && m_source[i + 1] != '=') {
            std::size_t j = i + 1;
            while (j < lineEnd && isSpace(m_source[j]))
                ++j;
            if (j < lineEnd && (m_source[j] == '!' || m_source[j] == '%'))
                return escaped(p, j, lineEnd, std::string(trim(m_source.substr(p, i - p))));
        }

        if (const std::size_t next = postfixHelp(p, lineEnd); next != std::string_view::npos)
            return next;
        return automagic(p, lineEnd);
    }

    std::size_t nextLine(std::size_t end) const { return end >= m_source.size() ? end : end + 1; }

    std::size_t prefixHelp(std::size_t p, std::size_t lineEnd)
    {
        std::size_t q = p;
        while (q < lineEnd && m_source[q] == '?')
            ++q;
        const std::string name = q - p > 1 ? "pinfo2" : "pinfo";
        addMagic(MagicRef::Kind::Help, name, joined(q, lineEnd), {}, p, lineEnd);
        placeholder(p, lineEnd);
        return nextLine(lineEnd);
    }

    std::size_t postfixHelp(std::size_t p, std::size_t lineEnd)
    {
        const std::size_t e = trimmedEnd(p, lineEnd);
        if (e <= p || m_source[e - 1] != '?')
            return std::string_view::npos;
        std::size_t q = e;
        while (q > p && m_source[q - 1] == '?')
            --q;
        if (e - q > 2)
            return std::string_view::npos;
        // The object: %{0,2}name(.name)* with * wildcards (psearch).
        std::size_t s = p;
        while (s < q && s < p + 2 && m_source[s] == '%')
            ++s;
        if (s >= q || !(isWordStart(m_source[s]) || m_source[s] == '*'))
            return std::string_view::npos;
        bool wildcard = false;
        for (std::size_t i = s; i < q; ++i) {
            const char ch = m_source[i];
            if (ch == '*')
                wildcard = true;
            else if (!isWordChar(ch) && ch != '.')
                return std::string_view::npos;
        }
        addMagic(MagicRef::Kind::Help, wildcard ? "psearch" : (e - q == 2 ? "pinfo2" : "pinfo"),
            std::string(m_source.substr(p, q - p)), {}, p, lineEnd);
        if (wildcard || s != p)
            placeholder(p, lineEnd);
        else
            blank(q, e); // `obj?` still reads obj: keep it as an expression statement
        return nextLine(lineEnd);
    }

    std::size_t automagic(std::size_t p, std::size_t lineEnd)
    {
        std::size_t w = p;
        while (w < lineEnd && isWordChar(m_source[w]))
            ++w;
        if (w == p || !PythonNames::isAutomagic(m_source.substr(p, w - p)))
            return std::string_view::npos;
        const std::string_view word = m_source.substr(p, w - p);
        std::size_t r = w;
        while (r < lineEnd && isSpace(m_source[r]))
            ++r;
        const bool alone = r >= lineEnd || m_source[r] == '\r' || m_source[r] == '#';
        if (alone) {
            // A bare name is usually a variable being displayed; only names nobody uses for
            // variables count as magics on their own.
            static constexpr std::string_view kAlone[] = {
                "dhist", "dirs", "ll", "ls", "lsmagic", "popd", "pwd", "quickref", "who", "who_ls", "whos"};
            if (std::find(std::begin(kAlone), std::end(kAlone), word) == std::end(kAlone))
                return std::string_view::npos;
        } else {
            if (r == w)
                return std::string_view::npos; // `time.sleep`, `ls(`: Python
            const std::string_view rest = m_source.substr(r, lineEnd - r);
            const char c = rest.front();
            // Python continues the expression or assigns (ruff's rule plus binary operators).
            if (std::string_view("=([{.,:)]};").find(c) != std::string_view::npos)
                return std::string_view::npos;
            static constexpr std::string_view kOperators[]
                = {"+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "|=", "^=", "@=", ":=",
                    "==", "!=", "<", ">", "+ ", "- ", "* ", "/ ", "% ", "& ", "| ", "^ ", "@ ", "**", "//",
                    "and ", "or ", "in ", "is ", "not ", "if ", "for ", "else "};
            for (const std::string_view op : kOperators) {
                if (rest.substr(0, op.size()) == op)
                    return std::string_view::npos;
            }
        }
        return lineMagic(p, p, w, lineEnd, {});
    }

    /// `!cmd`, `!!cmd`, `%magic args` at `m`; `p` is where the statement starts (the target of
    /// an assignment form, or `m`).
    std::size_t escaped(std::size_t p, std::size_t m, std::size_t lineEnd, std::string assignedTo)
    {
        if (m_source[m] == '!') {
            const std::size_t end = logicalEnd(lineEnd);
            std::size_t a = m + 1;
            std::string name = "!";
            if (a < end && m_source[a] == '!') {
                name = "!!";
                ++a;
            }
            addMagic(MagicRef::Kind::Shell, name, joined(a, end), assignedTo, p, end);
            expansions(a, end);
            placeholder(m, end);
            return nextLine(end);
        }
        std::size_t n = m + 1;
        if (n < lineEnd && m_source[n] == '%')
            ++n; // %%magic after the first line: IPython would fail; record it like a line magic
        std::size_t w = n;
        while (w < lineEnd && !isSpace(m_source[w]) && m_source[w] != '\r' && m_source[w] != '?')
            ++w;
        if (w < lineEnd && m_source[w] == '?') {
            if (const std::size_t next = postfixHelp(m, lineEnd); next != std::string_view::npos)
                return next;
        }
        return lineMagic(p, m, w, lineEnd, std::move(assignedTo), n);
    }

    /// A line magic whose name ends at `w`; `m` is the % (or the name for automagics).
    std::size_t lineMagic(std::size_t p, std::size_t m, std::size_t w, std::size_t lineEnd,
        std::string assignedTo, std::size_t n = 0)
    {
        if (n == 0)
            n = m_source[m] == '%' ? m + 1 : m;
        const std::string name(m_source.substr(n, w - n));
        if (name == "time" || name == "timeit")
            return timedStatement(p, m, w, lineEnd, name, std::move(assignedTo));
        const std::size_t end = logicalEnd(lineEnd);
        addMagic(MagicRef::Kind::LineMagic, name, joined(w, end), assignedTo, p, end);
        expansions(w, end);
        placeholder(m, end);

        const auto args = words(w, end);
        if (name == "run") {
            addOpaque(OpaqueConstruct::Kind::RunMagic, m, end);
        } else if (name == "pylab") {
            // IPython star-imports numpy and matplotlib.pylab into the user namespace.
            addOpaque(OpaqueConstruct::Kind::StarImport, m, end);
            m_result.opaque.back().module = "%pylab";
            m_result.events.push_back(PrePassEvent {
                PrePassEvent::Kind::StarImport, "%pylab", std::uint32_t(m), std::uint32_t(end)});
        } else if (name == "load" || name == "loadpy" || name == "reset" || name == "reset_selective"
            || name == "rerun" || name == "recall" || name == "macro") {
            addOpaque(OpaqueConstruct::Kind::OtherMagic, m, end);
        } else if (name == "store") {
            bool restore = false;
            bool named = false;
            for (const auto &[b, e] : args) {
                if (m_source.substr(b, e - b) == "-r") {
                    restore = true;
                } else if (m_source[b] != '-' && isIdentifier(b, e)) {
                    named = true;
                    addEvent(restore ? PrePassEvent::Kind::Bind : PrePassEvent::Kind::Read, b, e);
                }
            }
            if (restore && !named)
                addOpaque(OpaqueConstruct::Kind::OtherMagic, m, end); // restores every stored name
        } else if (name == "xdel") {
            for (const auto &[b, e] : args) {
                if (isIdentifier(b, e)) {
                    addEvent(PrePassEvent::Kind::Read, b, e);
                    addEvent(PrePassEvent::Kind::Delete, b, e);
                }
            }
        }
        return nextLine(end);
    }

    /// `%time stmt` / `%timeit [options] stmt`: the statement is Python and is analysed; the
    /// magic becomes `0;` so the statement keeps its place (`0;    x = f()`).
    std::size_t timedStatement(std::size_t p, std::size_t m, std::size_t w, std::size_t lineEnd,
        const std::string &name, std::string assignedTo)
    {
        std::size_t s = w;
        const auto skipSpace = [&] {
            while (s < lineEnd && isSpace(m_source[s]))
                ++s;
        };
        skipSpace();
        while (s < lineEnd && m_source[s] == '-') {
            const std::size_t optionStart = s;
            while (s < lineEnd && !isSpace(m_source[s]))
                ++s;
            const std::string_view option = m_source.substr(optionStart, s - optionStart);
            skipSpace();
            if (option == "-n" || option == "-r" || option == "-p") {
                while (s < lineEnd && !isSpace(m_source[s]))
                    ++s;
                skipSpace();
            }
        }
        const std::size_t end = trimmedEnd(s, lineEnd);
        addMagic(MagicRef::Kind::LineMagic, name, joined(w, lineEnd), std::move(assignedTo), p, lineEnd);
        if (s >= end || s - m < 2) {
            placeholder(m, lineEnd);
            return nextLine(lineEnd);
        }
        blank(m, s);
        m_result.python[m] = '0';
        m_result.python[m + 1] = ';';
        // Let the scanner see the statement, which may open brackets spanning lines.
        m_scanner.scan(m_source, s, lineEnd);
        return nextLine(lineEnd);
    }

    std::string_view m_source;
    const SourceMap &m_map;
    LineScanner m_scanner;
    PrePassResult m_result;
};

} // namespace

PrePassResult IPythonPrePass::run(std::string_view source, const SourceMap &map)
{
    return PrePass(source, map).run();
}

} // namespace tassel
