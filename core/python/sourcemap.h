#pragma once

#include "python/cellsymbols.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace tassel {

/// Maps byte offsets of a cell's text to 1-based lines and code-point columns. Built once per
/// cell so every range is converted the same way. Borrows `text`: it must outlive the map.
class SourceMap
{
public:
    explicit SourceMap(std::string_view text);

    /// 1-based line and column (in code points) of a byte offset; offsets past the end clamp.
    void position(std::uint32_t offset, int &line, int &column) const;
    SourceRange range(std::uint32_t begin, std::uint32_t end) const;
    /// Byte offset of a 1-based line and code-point column; a line past the end gives the
    /// text's size, a column past its line's end gives that end (so ranges clamp, never wrap).
    std::size_t offset(int line, int column) const;
    std::size_t size() const { return m_text.size(); }

private:
    /// Code points that start before `offset`: O(1), so columns on a line of 100k names cost
    /// the same as on a short one.
    std::uint32_t codePointsBefore(std::uint32_t offset) const;

    static constexpr std::uint32_t kBlock = 64;
    std::string_view m_text;
    std::vector<std::uint32_t> m_lineStarts;
    std::vector<std::uint32_t> m_blockCounts; ///< code points before each kBlock-byte block
};

} // namespace tassel
