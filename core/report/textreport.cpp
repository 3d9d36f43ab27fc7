#include "report/textreport.h"

#include "analysis/verdictbuilder.h"
#include "util/escaping.h"

namespace tassel {

namespace {
const char *colourOf(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return "\033[1;31m";
    case Severity::Warning:
        return "\033[1;33m";
    case Severity::Info:
        return "\033[1;36m";
    }
    return "";
}
} // namespace

std::string TextReport::render(const std::vector<NotebookAnalysis> &analyses, bool colour)
{
    std::string text;
    for (const NotebookAnalysis &analysis : analyses) {
        // File names and messages carry notebook text: escaped, so only the colour codes below
        // reach the terminal as control sequences.
        const std::string path = escaping::oneLine(analysis.path);
        if (analysis.error) {
            text += escaping::oneLine(*analysis.error) + '\n';
            continue;
        }
        for (const Finding &finding : analysis.findings) {
            text += path + ':' + std::to_string(finding.cell + 1) + ':' + std::to_string(finding.line) + ':'
                + std::to_string(finding.column) + ": ";
            if (colour)
                text += colourOf(finding.severity);
            text += severityName(finding.severity);
            if (colour)
                text += "\033[0m";
            text += ' ' + finding.rule + ' ' + escaping::oneLine(finding.message) + '\n';
        }
        text += path + ": " + escaping::oneLine(analysis.verdict.summary) + '\n';
        text += path + ": " + escaping::oneLine(VerdictBuilder::statusLine(analysis.verdict)) + '\n';
    }
    return text;
}

} // namespace tassel
