#include "python/sourcemap.h"

#include <algorithm>

namespace tassel {

SourceMap::SourceMap(std::string_view text)
    : m_text(text)
{
    m_lineStarts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n')
            m_lineStarts.push_back(std::uint32_t(i + 1));
    }
}

void SourceMap::position(std::uint32_t offset, int &line, int &column) const
{
    offset = std::min<std::uint32_t>(offset, std::uint32_t(m_text.size()));
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const std::size_t index = std::size_t(it - m_lineStarts.begin()) - 1;
    line = int(index) + 1;
    int codePoints = 0;
    // Continuation bytes (10xxxxxx) do not start a code point.
    for (std::uint32_t i = m_lineStarts[index]; i < offset; ++i) {
        if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80)
            ++codePoints;
    }
    column = codePoints + 1;
}

SourceRange SourceMap::range(std::uint32_t begin, std::uint32_t end) const
{
    SourceRange r;
    position(begin, r.line, r.column);
    position(std::max(begin, end), r.endLine, r.endColumn);
    return r;
}

std::size_t SourceMap::offset(int line, int column) const
{
    if (line < 1 || std::size_t(line) > m_lineStarts.size())
        return line < 1 ? 0 : m_text.size();
    const std::size_t lineEnd
        = std::size_t(line) < m_lineStarts.size() ? m_lineStarts[std::size_t(line)] - 1 : m_text.size();
    std::size_t at = m_lineStarts[std::size_t(line) - 1];
    for (int skip = std::max(column, 1) - 1; skip > 0 && at < lineEnd; --skip) {
        ++at;
        while (at < lineEnd && (static_cast<unsigned char>(m_text[at]) & 0xC0) == 0x80)
            ++at;
    }
    return at;
}

} // namespace tassel
