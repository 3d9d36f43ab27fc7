#include "python/sourcemap.h"

#include <algorithm>

namespace tassel {

namespace {

// Continuation bytes (10xxxxxx) do not start a code point.
bool startsCodePoint(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

} // namespace

SourceMap::SourceMap(std::string_view text)
    : m_text(text)
{
    m_lineStarts.push_back(0);
    m_blockCounts.reserve(text.size() / kBlock + 1);
    std::uint32_t codePoints = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i % kBlock == 0)
            m_blockCounts.push_back(codePoints);
        if (startsCodePoint(text[i]))
            ++codePoints;
        if (text[i] == '\n')
            m_lineStarts.push_back(std::uint32_t(i + 1));
    }
    if (text.size() % kBlock == 0)
        m_blockCounts.push_back(codePoints);
}

std::uint32_t SourceMap::codePointsBefore(std::uint32_t offset) const
{
    const std::uint32_t block = offset / kBlock;
    std::uint32_t count = m_blockCounts[block];
    for (std::uint32_t i = block * kBlock; i < offset; ++i) {
        if (startsCodePoint(m_text[i]))
            ++count;
    }
    return count;
}

void SourceMap::position(std::uint32_t offset, int &line, int &column) const
{
    offset = std::min<std::uint32_t>(offset, std::uint32_t(m_text.size()));
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const std::size_t index = std::size_t(it - m_lineStarts.begin()) - 1;
    line = int(index) + 1;
    column = int(codePointsBefore(offset) - codePointsBefore(m_lineStarts[index])) + 1;
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
    const std::size_t lineStart = m_lineStarts[std::size_t(line) - 1];
    if (column <= 1 || lineStart >= lineEnd)
        return lineStart;
    // The wanted byte is the code point start with `target` starts before it (the line's first
    // byte counts as one even if it is a stray continuation byte); jump to its block instead of
    // walking a long line from its start.
    const std::uint32_t target = codePointsBefore(std::uint32_t(lineStart + 1)) + std::uint32_t(column) - 2;
    const auto block = std::upper_bound(m_blockCounts.begin(), m_blockCounts.end(), target);
    std::size_t at = std::max(lineStart + 1, std::size_t(block - m_blockCounts.begin() - 1) * kBlock);
    for (std::uint32_t count = codePointsBefore(std::uint32_t(at)); at < lineEnd; ++at) {
        if (startsCodePoint(m_text[at])) {
            if (count == target)
                return at;
            ++count;
        }
    }
    return lineEnd;
}

} // namespace tassel
