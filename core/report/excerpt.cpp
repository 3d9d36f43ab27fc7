#include "report/excerpt.h"

#include "analysis/secretmasking.h"

#include <algorithm>

namespace tassel {

std::string Excerpt::maskedSource(const NotebookAnalysis &analysis, int cell)
{
    if (cell < 0 || std::size_t(cell) >= analysis.cellInfo.size())
        return {};
    const std::string &source = analysis.cellInfo[std::size_t(cell)].source;
    std::vector<MaskedRange> ranges;
    for (const Finding &finding : analysis.findings) {
        if (finding.rule != "hardcoded-secret" || finding.cell != cell || finding.line <= 0
            || !(finding.location.empty() || finding.location == "source"))
            continue;
        MaskedRange range = rangeOf(source, finding);
        range.replacement = finding.maskedPreview.empty() ? "****" : finding.maskedPreview;
        ranges.push_back(std::move(range));
    }
    return maskRanges(source, std::move(ranges));
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
