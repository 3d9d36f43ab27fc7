#pragma once

#include "python/linescanner.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tassel {

/// Light lexical helpers over plain Python text for graduation: where logical lines start,
/// how a cell splits into top-level statements, what an import statement binds. Brackets,
/// strings (triple-quoted included) and comments are understood; nothing else is parsed, so the
/// results are only as good as the text is valid Python. Stateless, thread-safe.
class PythonSource
{
public:
    /// Tracks brackets, strings and continuations across lines (feed it the lines in order).
    using LineState = LineScanner;

    struct Statement
    {
        enum class Kind { Import, Function, Class, Expression, Other, Trivia };
        Kind kind = Kind::Other;
        std::string leading; ///< comment and blank lines before the code
        std::string code; ///< the statement's own lines, newline-terminated
        int firstLine = 0; ///< 1-based line of `code` in the source
        std::string name; ///< def/class name
        bool topLevelComma = false; ///< an expression such as `a, b` (a tuple)
        bool endsWithSemicolon = false; ///< IPython's "do not display" marker
    };

    /// One `import a.b as c, d` or `from .m import (x as y, z)` statement, comments dropped.
    struct Import
    {
        struct Clause
        {
            std::string name; ///< dotted module (`import`) or member (`from`); `*` for a star
            std::string alias; ///< empty without `as`
            /// The name the clause binds: the alias, the member, or a module's first part.
            std::string bound() const;
        };
        bool isFrom = false;
        std::string module; ///< for `from`: the module, leading dots kept; else empty
        std::vector<Clause> clauses;
    };

    static std::vector<std::string> splitLines(std::string_view text);
    static std::vector<Statement> statements(std::string_view source);
    /// The parts of an import statement; no clauses when `statement` is not one.
    static Import parseImport(std::string_view statement);
    /// Names an `import`/`from ... import` statement binds (`import a.b` binds `a`).
    static std::vector<std::string> importBindings(std::string_view statement);
    /// Identifier-like words outside strings and comments (attribute names after `.` excluded).
    static std::vector<std::string> names(std::string_view code);
    static bool isKeyword(std::string_view word);
    static bool isIdentifier(std::string_view word);
    /// `code` without a semicolon that ends it (IPython's "do not display"; a useless semicolon,
    /// ruff E703, in a module); comments after it stay.
    static std::string withoutTrailingSemicolon(std::string_view code);
    /// The statement's code without its trailing comment and whitespace (single-line only).
    static std::string withoutComment(std::string_view line);
    /// What follows the bracketed group `code` starts with, as `f(...)` in `(...).x`; nullopt when
    /// the group does not close.
    static std::optional<std::string_view> afterBrackets(std::string_view code);
};

} // namespace tassel
