#include "graduate/pythonsource.h"

#include <algorithm>
#include <array>

namespace tassel {

namespace {

constexpr std::array kKeywords
    = {"False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"};

// Statement openers that make a line something other than an expression.
constexpr std::array kStatementWords = {"assert", "async", "break", "class", "continue", "def", "del", "for",
    "from", "global", "if", "import", "nonlocal", "pass", "raise", "return", "try", "while", "with"};

bool isIdentStart(unsigned char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

bool isIdentChar(unsigned char c)
{
    return isIdentStart(c) || (c >= '0' && c <= '9');
}

std::string_view trimLeft(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    return s;
}

std::string_view trim(std::string_view s)
{
    s = trimLeft(s);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

std::string firstWord(std::string_view s)
{
    s = trimLeft(s);
    std::size_t i = 0;
    while (i < s.size() && isIdentChar(static_cast<unsigned char>(s[i])))
        ++i;
    return std::string(s.substr(0, i));
}

bool startsWithWord(std::string_view s, std::string_view word)
{
    return s.substr(0, word.size()) == word
        && (s.size() == word.size() || !isIdentChar(static_cast<unsigned char>(s[word.size()])));
}

// Calls `visit(index, char, depth)` for each character of `code` outside strings, with the bracket
// depth outside it for a bracket; a comment is visited as its `#` alone. Stops when `visit`
// returns false.
template <typename Visit>
void forEachCode(std::string_view code, Visit visit)
{
    int depth = 0;
    char quote = 0;
    bool triple = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (quote) {
            if (c == '\\') {
                ++i;
            } else if (c == quote) {
                if (!triple)
                    quote = 0;
                else if (code.substr(i, 3) == std::string(3, quote)) {
                    quote = 0;
                    i += 2;
                }
            } else if (c == '\n' && !triple) {
                quote = 0;
            }
            continue;
        }
        if (c == '"' || c == '\'') {
            quote = c;
            triple = code.substr(i, 3) == std::string(3, c);
            if (triple)
                i += 2;
            continue;
        }
        if (c == ')' || c == ']' || c == '}')
            depth = std::max(0, depth - 1);
        if (!visit(i, c, depth))
            return;
        if (c == '(' || c == '[' || c == '{') {
            ++depth;
        } else if (c == '#') {
            while (i < code.size() && code[i] != '\n')
                ++i;
        }
    }
}

bool isBracket(char c)
{
    return c == '(' || c == '[' || c == '{' || c == ')' || c == ']' || c == '}';
}

// Calls `visit(index, char)` for each character of `code` at bracket depth 0 outside strings and
// comments.
template <typename Visit>
void forEachTopLevel(std::string_view code, Visit visit)
{
    forEachCode(code, [&](std::size_t i, char c, int depth) {
        if (depth == 0 && c != '#' && !isBracket(c))
            visit(i, c);
        return true;
    });
}

bool isExpression(std::string_view code)
{
    const std::string word = firstWord(code);
    // `match x:` and `type X = ...` (soft keywords) are caught by the ':' and '=' checks below.
    if (std::find(kStatementWords.begin(), kStatementWords.end(), word) != kStatementWords.end())
        return false;
    if (trimLeft(code).substr(0, 1) == "@")
        return false;
    bool expression = true;
    bool lambda = code.find("lambda") != std::string_view::npos;
    forEachTopLevel(code, [&](std::size_t i, char c) {
        if (c == '=') {
            const char before = i > 0 ? code[i - 1] : ' ';
            const char after = i + 1 < code.size() ? code[i + 1] : ' ';
            if (after == '=' || before == '=' || before == '!' || before == '<' || before == '>')
                return; // comparison
            if (before == ':')
                return; // walrus at top level is only valid in parentheses, leave it be
            expression = false; // assignment or augmented assignment
        } else if (c == ':' && !lambda) {
            const char after = i + 1 < code.size() ? code[i + 1] : ' ';
            if (after != '=')
                expression = false; // annotation or compound statement
        }
    });
    return expression;
}

constexpr std::array kCompoundWords = {"async", "class", "def", "elif", "else", "except", "finally", "for",
    "if", "match", "try", "while", "with"};

/// True when only blanks and a comment follow `from`.
bool onlyTriviaFrom(std::string_view code, std::size_t from)
{
    const std::size_t next = code.find_first_not_of(" \t\r\n", from);
    return next == std::string_view::npos || code[next] == '#';
}

/// `a = 1; b; c` as separate statements, each on its own line (what IPython runs as three nodes,
/// and what ruff's E702 asks of a module). A semicolon that only ends the line stays: it is
/// IPython's "do not display". Compound statements (`if x: a; b`) stay whole.
std::vector<PythonSource::Statement> splitAtSemicolons(PythonSource::Statement statement)
{
    const std::string word = firstWord(statement.code);
    if (std::find(kCompoundWords.begin(), kCompoundWords.end(), word) != kCompoundWords.end()
        || trimLeft(statement.code).substr(0, 1) == "@")
        return {std::move(statement)};
    std::vector<std::size_t> cuts;
    forEachTopLevel(statement.code, [&](std::size_t i, char c) {
        if (c == ';' && !onlyTriviaFrom(statement.code, i + 1))
            cuts.push_back(i);
    });
    if (cuts.empty())
        return {std::move(statement)};
    std::vector<PythonSource::Statement> parts;
    std::size_t start = 0;
    cuts.push_back(statement.code.size());
    for (const std::size_t cut : cuts) {
        const std::string_view text = statement.code;
        PythonSource::Statement part;
        part.leading = parts.empty() ? statement.leading : std::string();
        part.firstLine = statement.firstLine + int(std::count(text.begin(), text.begin() + start, '\n'));
        const std::string_view piece = text.substr(start, cut - start);
        part.code = std::string(cut == text.size() ? trimLeft(piece) : trim(piece));
        if (part.code.empty() || part.code.back() != '\n')
            part.code += '\n';
        parts.push_back(std::move(part));
        start = cut + 1;
    }
    return parts;
}

std::string nameAfter(std::string_view code, std::string_view keyword)
{
    const std::size_t at = code.find(keyword);
    if (at == std::string_view::npos)
        return {};
    return firstWord(code.substr(at + keyword.size()));
}

} // namespace

std::vector<std::string> PythonSource::splitLines(std::string_view text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            lines.emplace_back(text.substr(start));
            break;
        }
        lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    for (auto &line : lines)
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
    return lines;
}

std::vector<PythonSource::Statement> PythonSource::statements(std::string_view source)
{
    std::vector<Statement> result;
    std::string pending; // comments and blank lines not yet attached
    LineState state;
    bool decoratorOpen = false;
    const auto lines = splitLines(source);
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const std::string &line = lines[n];
        const bool logicalStart = state.atLogicalStart();
        state.feed(line);
        const std::string_view stripped = trim(line);
        const bool indented = !line.empty() && (line.front() == ' ' || line.front() == '\t');
        if (logicalStart && (stripped.empty() || stripped.front() == '#')) {
            pending += line + '\n';
            continue;
        }
        const bool continues = !logicalStart || indented || decoratorOpen || startsWithWord(stripped, "else")
            || startsWithWord(stripped, "elif") || startsWithWord(stripped, "except")
            || startsWithWord(stripped, "finally");
        if (continues && !result.empty()) {
            result.back().code += pending + line + '\n';
            pending.clear();
        } else {
            Statement statement;
            statement.leading = std::move(pending);
            pending.clear();
            statement.code = line + '\n';
            statement.firstLine = int(n) + 1;
            result.push_back(std::move(statement));
        }
        if (logicalStart && !indented) {
            if (stripped.front() == '@')
                decoratorOpen = true;
            else if (startsWithWord(stripped, "def") || startsWithWord(stripped, "class")
                || startsWithWord(stripped, "async"))
                decoratorOpen = false;
        }
    }
    std::vector<Statement> split;
    for (Statement &statement : result)
        for (Statement &part : splitAtSemicolons(std::move(statement)))
            split.push_back(std::move(part));
    result = std::move(split);
    if (!pending.empty()) {
        Statement trivia;
        trivia.kind = Statement::Kind::Trivia;
        trivia.leading = pending;
        trivia.firstLine = int(lines.size());
        result.push_back(std::move(trivia));
    }
    for (Statement &statement : result) {
        if (statement.kind == Statement::Kind::Trivia)
            continue;
        // The first line that is not a decorator decides the kind.
        std::string_view head = statement.code;
        while (trimLeft(head).substr(0, 1) == "@") {
            const std::size_t eol = head.find('\n');
            head = eol == std::string_view::npos ? std::string_view() : head.substr(eol + 1);
        }
        const std::string_view first = trimLeft(head);
        if (startsWithWord(first, "import")
            || (startsWithWord(first, "from") && first.find(" import") != first.npos)) {
            statement.kind = Statement::Kind::Import;
        } else if (startsWithWord(first, "def")
            || (startsWithWord(first, "async") && first.find("def") != first.npos)) {
            statement.kind = Statement::Kind::Function;
            statement.name = nameAfter(first, "def ");
        } else if (startsWithWord(first, "class")) {
            statement.kind = Statement::Kind::Class;
            statement.name = nameAfter(first, "class ");
        } else if (isExpression(statement.code)) {
            statement.kind = Statement::Kind::Expression;
            forEachTopLevel(statement.code, [&](std::size_t, char c) {
                if (c == ',')
                    statement.topLevelComma = true;
            });
            std::string_view code = statement.code;
            bool semicolon = false;
            forEachTopLevel(code, [&](std::size_t, char c) {
                if (c == ';')
                    semicolon = true;
                else if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                    semicolon = false;
            });
            statement.endsWithSemicolon = semicolon;
        }
    }
    return result;
}

std::string PythonSource::Import::Clause::bound() const
{
    if (!alias.empty())
        return alias;
    return name.substr(0, name.find('.')); // `import a.b` binds `a`
}

PythonSource::Import PythonSource::parseImport(std::string_view statement)
{
    Import import;
    // Join continuation lines and drop brackets and comments: the clause list is all that matters.
    std::string cleaned;
    for (std::size_t i = 0; i < statement.size(); ++i) {
        const char c = statement[i];
        if (c == '#') {
            while (i < statement.size() && statement[i] != '\n')
                ++i;
            continue;
        }
        cleaned += (c == '(' || c == ')' || c == '\\' || c == '\n') ? ' ' : c;
    }
    std::string_view s = trim(cleaned);
    s = s.substr(0, s.find(';'));
    std::string_view clauses;
    import.isFrom = startsWithWord(s, "from");
    if (import.isFrom) {
        const std::size_t at = s.find(" import ");
        if (at == std::string_view::npos)
            return import;
        import.module = std::string(trim(s.substr(4, at - 4)));
        clauses = s.substr(at + 8);
    } else if (startsWithWord(s, "import")) {
        clauses = s.substr(6);
    }
    std::size_t start = 0;
    while (start < clauses.size()) {
        std::size_t end = clauses.find(',', start);
        if (end == std::string_view::npos)
            end = clauses.size();
        const std::string_view clause = trim(clauses.substr(start, end - start));
        const std::size_t as = clause.find(" as ");
        Import::Clause parsed;
        parsed.name = std::string(trim(clause.substr(0, as)));
        if (as != std::string_view::npos)
            parsed.alias = firstWord(clause.substr(as + 4));
        if (!parsed.name.empty())
            import.clauses.push_back(std::move(parsed));
        start = end + 1;
    }
    return import;
}

std::vector<std::string> PythonSource::importBindings(std::string_view statement)
{
    std::vector<std::string> bound;
    for (const Import::Clause &clause : parseImport(statement).clauses) {
        const std::string name = clause.bound();
        if (!name.empty() && name != "*")
            bound.push_back(name);
    }
    return bound;
}

std::string PythonSource::withoutTrailingSemicolon(std::string_view code)
{
    std::size_t semicolon = std::string_view::npos;
    forEachTopLevel(code, [&](std::size_t index, char c) {
        if (c == ';')
            semicolon = index;
        else if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            semicolon = std::string_view::npos;
    });
    if (semicolon == std::string_view::npos)
        return std::string(code);
    return std::string(code.substr(0, semicolon)) + std::string(code.substr(semicolon + 1));
}

std::vector<std::string> PythonSource::names(std::string_view code)
{
    std::vector<std::string> words;
    // Names inside brackets matter too, so this scans everything outside strings and comments: they
    // become blanks, a comment a line break.
    std::string plain(code.size(), ' ');
    forEachCode(code, [&](std::size_t i, char c, int) {
        plain[i] = c == '#' ? '\n' : c;
        return true;
    });
    bool inFromModule = false;
    for (std::size_t i = 0; i < plain.size();) {
        if (isIdentStart(static_cast<unsigned char>(plain[i]))
            && (i == 0 || !isIdentChar(static_cast<unsigned char>(plain[i - 1])))) {
            std::size_t j = i;
            while (j < plain.size() && isIdentChar(static_cast<unsigned char>(plain[j])))
                ++j;
            std::size_t before = i;
            while (before > 0 && (plain[before - 1] == ' ' || plain[before - 1] == '\t'))
                --before;
            const bool attribute = before > 0 && plain[before - 1] == '.';
            const std::string_view word = std::string_view(plain).substr(i, j - i);
            // The module of `from m.n import x` is no use of a name `m`; `raise e from c` is.
            const bool statementStart = before == 0 || plain[before - 1] == '\n' || plain[before - 1] == ';';
            if (inFromModule && word == "import")
                inFromModule = false;
            if (!attribute && !inFromModule)
                words.emplace_back(word);
            if (word == "from" && statementStart)
                inFromModule = true;
            i = j;
        } else {
            ++i;
        }
    }
    return words;
}

bool PythonSource::isKeyword(std::string_view word)
{
    return std::find(kKeywords.begin(), kKeywords.end(), word) != kKeywords.end();
}

bool PythonSource::isIdentifier(std::string_view word)
{
    if (word.empty() || !isIdentStart(static_cast<unsigned char>(word.front())))
        return false;
    return std::all_of(word.begin(), word.end(), [](char c) {
        return isIdentChar(static_cast<unsigned char>(c));
    }) && !isKeyword(word);
}

std::string PythonSource::withoutComment(std::string_view line)
{
    std::size_t cut = line.size();
    forEachCode(line, [&](std::size_t i, char c, int) {
        if (c != '#')
            return true;
        cut = i;
        return false;
    });
    return std::string(trim(line.substr(0, cut)));
}

std::optional<std::string_view> PythonSource::afterBrackets(std::string_view code)
{
    std::optional<std::string_view> after;
    forEachCode(code, [&](std::size_t i, char c, int depth) {
        if (depth > 0 || (c != ')' && c != ']' && c != '}'))
            return true;
        after = code.substr(i + 1);
        return false;
    });
    return after;
}

} // namespace tassel
