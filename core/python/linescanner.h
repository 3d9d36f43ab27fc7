#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tassel {

/// Scans Python text line by line to know whether a physical line starts a new logical line
/// (not inside brackets, a string or after a backslash): only there can IPython syntax begin.
/// A value type; feed it the physical lines in order.
struct LineScanner
{
    int depth = 0;
    char quote = 0;
    bool triple = false;
    bool continuation = false;

    bool atLogicalStart() const { return depth == 0 && quote == 0 && !continuation; }
    /// Advances over the physical line text[from, to) (without its newline).
    void scan(std::string_view text, std::size_t from, std::size_t to);
    /// Advances over one physical line (without its newline).
    void feed(std::string_view line) { scan(line, 0, line.size()); }

    /// `text` with every line that holds only a comment (outside strings) turned into spaces,
    /// byte for byte, so offsets stay valid. tree-sitter-python's scanner rescans all following
    /// comment lines at each one inside an indented block, which is quadratic in a run of them.
    static std::string blankCommentLines(std::string_view text);
    /// Whether `text` holds anything besides comment lines and blank lines.
    static bool hasCode(std::string_view text);
};

} // namespace tassel
