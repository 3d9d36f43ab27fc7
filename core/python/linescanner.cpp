#include "python/linescanner.h"

namespace tassel {

void LineScanner::scan(std::string_view text, std::size_t from, std::size_t to)
{
    continuation = false;
    std::size_t i = from;
    while (i < to) {
        const char c = text[i];
        if (quote) {
            if (c == '\\') {
                if (i + 1 >= to || text[i + 1] == '\r') {
                    continuation = true; // a backslash-newline inside a one-line string
                    return;
                }
                i += 2;
                continue;
            }
            if (c == quote) {
                if (!triple) {
                    quote = 0;
                } else if (i + 2 < to && text[i + 1] == quote && text[i + 2] == quote) {
                    quote = 0;
                    i += 3;
                    continue;
                }
            }
            ++i;
            continue;
        }
        if (c == '#')
            break;
        if (c == '\'' || c == '"') {
            quote = c;
            triple = i + 2 < to && text[i + 1] == c && text[i + 2] == c;
            i += triple ? 3 : 1;
            continue;
        }
        if (c == '(' || c == '[' || c == '{')
            ++depth;
        else if ((c == ')' || c == ']' || c == '}') && depth > 0)
            --depth;
        else if (c == '\\' && (i + 1 >= to || text[i + 1] == '\r'))
            continuation = true;
        ++i;
    }
    if (quote && !triple)
        quote = 0; // unterminated one-line string: tree-sitter reports it
}

std::string LineScanner::blankCommentLines(std::string_view text)
{
    std::string result(text);
    LineScanner scanner;
    for (std::size_t lineStart = 0; lineStart < text.size();) {
        std::size_t lineEnd = text.find('\n', lineStart);
        if (lineEnd == std::string_view::npos)
            lineEnd = text.size();
        const std::size_t first = text.find_first_not_of(" \t\f", lineStart);
        if (scanner.quote == 0 && !scanner.continuation && first < lineEnd && text[first] == '#') {
            for (std::size_t i = first; i < lineEnd && text[i] != '\r'; ++i)
                result[i] = ' ';
        } else {
            scanner.scan(text, lineStart, lineEnd);
        }
        lineStart = lineEnd + 1;
    }
    return result;
}

bool LineScanner::hasCode(std::string_view text)
{
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::size_t first = text.find_first_not_of(" \t\r\f", start);
        if (first < end && text[first] != '#')
            return true;
        start = end + 1;
    }
    return false;
}

} // namespace tassel
