#include "report/excerpt.h"

#include <algorithm>

namespace tassel {

namespace {

/// Byte offset of a 1-based (line, column in code points) position in `text`, or npos.
std::size_t offsetOf(const std::string &text, int line, int column)
{
    std::size_t offset = 0;
    for (int l = 1; l < line; ++l) {
        offset = text.find('\n', offset);
        if (offset == std::string::npos)
            return std::string::npos;
        ++offset;
    }
    for (int c = 1; c < column && offset < text.size() && text[offset] != '\n'; ++c) {
        ++offset;
        while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80)
            ++offset;
    }
    return offset;
}

} // namespace

std::string Excerpt::maskedSource(const NotebookAnalysis &analysis, int cell)
{
    if (cell < 0 || std::size_t(cell) >= analysis.cellInfo.size())
        return {};
    std::string source = analysis.cellInfo[std::size_t(cell)].source;
    // Replace from the end so earlier offsets stay valid.
    std::vector<const Finding *> secrets;
    for (const Finding &finding : analysis.findings) {
        if (finding.rule == "hardcoded-secret" && finding.cell == cell && finding.line > 0
            && (finding.location.empty() || finding.location == "source"))
            secrets.push_back(&finding);
    }
    std::sort(secrets.begin(), secrets.end(), [](const Finding *a, const Finding *b) {
        return std::tie(a->line, a->column) > std::tie(b->line, b->column);
    });
    for (const Finding *secret : secrets) {
        const std::size_t begin = offsetOf(source, secret->line, secret->column);
        const std::size_t end = offsetOf(source, secret->endLine > 0 ? secret->endLine : secret->line,
            secret->endColumn > 0 ? secret->endColumn : secret->column);
        if (begin == std::string::npos || end == std::string::npos || end <= begin)
            continue;
        source.replace(begin, end - begin, secret->maskedPreview.empty() ? "****" : secret->maskedPreview);
    }
    return source;
}

std::vector<Excerpt::Line> Excerpt::around(
    const NotebookAnalysis &analysis, const Finding &finding, int context)
{
    std::vector<Line> lines;
    if (finding.cell < 0 || finding.line <= 0)
        return lines;
    const std::string source = maskedSource(analysis, finding.cell);
    const int first = std::max(1, finding.line - context);
    const int last = std::max(finding.line, finding.endLine) + context;
    int number = 1;
    std::size_t start = 0;
    while (start <= source.size() && number <= last) {
        std::size_t end = source.find('\n', start);
        if (end == std::string::npos)
            end = source.size();
        if (number >= first)
            lines.push_back({number, source.substr(start, end - start),
                number >= finding.line && number <= std::max(finding.line, finding.endLine)});
        if (end == source.size())
            break;
        start = end + 1;
        ++number;
    }
    return lines;
}

} // namespace tassel
