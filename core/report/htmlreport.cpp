#include "report/htmlreport.h"

#include "analysis/rulecatalog.h"
#include "analysis/verdictbuilder.h"
#include "report/excerpt.h"
#include "util/escaping.h"
#include "version.h"

#include <array>

namespace tassel {

namespace {

struct Counts
{
    int errors = 0;
    int warnings = 0;
    int infos = 0;
};

Counts countOf(const NotebookAnalysis &analysis)
{
    Counts counts;
    for (const Finding &finding : analysis.findings) {
        switch (finding.severity) {
        case Severity::Error:
            ++counts.errors;
            break;
        case Severity::Warning:
            ++counts.warnings;
            break;
        case Severity::Info:
            ++counts.infos;
            break;
        }
    }
    return counts;
}

std::string verdictWord(const NotebookAnalysis &analysis)
{
    if (analysis.error)
        return "unreadable";
    return analysis.verdict.reproducibleTopToBottom ? "yes" : "no";
}

std::string statusWord(const NotebookAnalysis &analysis)
{
    return analysis.error ? std::string("unreadable")
                          : std::string(VerdictBuilder::statusName(analysis.verdict.status));
}

constexpr const char *kStyle = R"(
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f4f4f4}.error{color:#b00020;font-weight:bold}.warning{color:#a15c00;font-weight:bold}.info{color:#00639b}
.yes,.ok{color:#1b7f2a;font-weight:bold}.no,.unreadable,.broken{color:#b00020;font-weight:bold}
.risky{color:#a15c00;font-weight:bold}
pre{background:#f7f7f7;padding:6px;margin:4px 0;overflow-x:auto}mark{background:#ffe08a}
.names code{background:#eef;padding:0 3px}
.fix{color:#555;font-style:italic}
)";

} // namespace

std::string HtmlReport::escape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string HtmlReport::render(const std::vector<NotebookAnalysis> &analyses)
{
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                       "'unsafe-inline'\">"
                       "<title>Tassel report</title><style>";
    html += kStyle;
    html += "</style></head><body>\n<h1>Tassel report</h1>\n<p>" + std::to_string(analyses.size())
        + " notebook(s), tassel " + kVersion + ".</p>\n";

    html += "<table><tr><th>Notebook</th><th>Reproducible top to "
            "bottom</th><th>Status</th><th>Errors</th><th>Warnings</th><th>Info</th></tr>\n";
    for (std::size_t i = 0; i < analyses.size(); ++i) {
        const NotebookAnalysis &analysis = analyses[i];
        const Counts counts = countOf(analysis);
        const std::string verdict = verdictWord(analysis);
        const std::string status = statusWord(analysis);
        html += "<tr><td><a href=\"#nb" + std::to_string(i) + "\">" + escape(analysis.path)
            + "</a></td><td class=\"" + verdict + "\">" + verdict + "</td><td class=\"" + status + "\">"
            + status + "</td><td>" + std::to_string(counts.errors) + "</td><td>"
            + std::to_string(counts.warnings) + "</td><td>" + std::to_string(counts.infos) + "</td></tr>\n";
    }
    html += "</table>\n";

    for (std::size_t i = 0; i < analyses.size(); ++i) {
        const NotebookAnalysis &analysis = analyses[i];
        html += "<h2 id=\"nb" + std::to_string(i) + "\">" + escape(analysis.path) + "</h2>\n";
        if (analysis.error) {
            html += "<p class=\"error\">" + escape(*analysis.error) + "</p>\n";
            continue;
        }
        html += "<p class=\"" + statusWord(analysis) + "\">"
            + escape(VerdictBuilder::statusLine(analysis.verdict)) + "</p>\n";
        html += "<p class=\"" + verdictWord(analysis) + "\">" + escape(analysis.verdict.summary) + "</p>\n";
        if (!analysis.verdict.suggestedOrder.empty()) {
            std::string order;
            for (int cell : analysis.verdict.suggestedOrder)
                order += (order.empty() ? "" : ", ") + std::to_string(cell + 1);
            html += "<p>Suggested order of cells: " + order + "</p>\n";
        }
        if (analysis.findings.empty())
            continue;
        html += "<table><tr><th>Cell</th><th>Severity</th><th>Rule</th><th>Finding</th></tr>\n";
        for (const Finding &finding : analysis.findings) {
            const std::string severity(severityName(finding.severity));
            html += "<tr><td>" + (finding.cell >= 0 ? std::to_string(finding.cell + 1) : std::string("–"))
                + (finding.line > 0 ? ":" + std::to_string(finding.line) : std::string())
                + "</td><td class=\"" + severity + "\">" + severity + "</td><td>";
            const RuleInfo *rule = RuleCatalog::find(finding.rule);
            html += "<span title=\"" + escape(rule ? rule->description : std::string()) + "\">"
                + escape(finding.rule) + "</span></td><td>" + escape(finding.message);
            if (rule && !rule->fix.empty())
                html += "<div class=\"fix\">Fix: " + escape(rule->fix) + "</div>";
            if (!finding.names.empty()) {
                html += "<div class=\"names\">";
                for (const auto &name : finding.names)
                    html += "<code>" + escape(name) + "</code> ";
                html += "</div>";
            }
            const auto lines = Excerpt::around(analysis, finding);
            if (!lines.empty()) {
                html += "<pre>";
                for (const auto &line : lines) {
                    const std::string number = std::to_string(line.number);
                    const std::string text = std::string(4 - std::min<std::size_t>(4, number.size()), ' ')
                        + number + "  " + escape(line.text);
                    html += line.highlighted ? "<mark>" + text + "</mark>\n" : text + "\n";
                }
                html += "</pre>";
            }
            html += "</td></tr>\n";
        }
        html += "</table>\n";
    }
    html += "</body></html>\n";
    return html;
}

std::string MarkdownReport::render(const std::vector<NotebookAnalysis> &analyses)
{
    auto cellText = [](std::string_view text) {
        // One line; pipes must not end the table cell, markup must stay text (in a code span
        // only the pipe needs it: GitHub splits table rows before reading code spans).
        std::string out;
        for (const char c : escaping::oneLine(text)) {
            if (c == '|')
                out += "\\|";
            else if (c == '<')
                out += "&lt;";
            else if (c == '>')
                out += "&gt;";
            else if (c == '&')
                out += "&amp;";
            else
                out += c;
        }
        return out;
    };
    auto codeInCell = [](std::string_view text) {
        std::string out;
        for (const char c : escaping::markdownCode(text))
            out += c == '|' ? std::string("\\|") : std::string(1, c);
        return out;
    };
    std::string md = "## Tassel report\n\n| Notebook | Reproducible top to bottom | Status | Errors "
                     "| Warnings | Info |\n|---|---|---|---|---|---|\n";
    for (const NotebookAnalysis &analysis : analyses) {
        const Counts counts = countOf(analysis);
        md += "| " + codeInCell(analysis.path) + " | " + verdictWord(analysis) + " | " + statusWord(analysis)
            + " | " + std::to_string(counts.errors) + " | " + std::to_string(counts.warnings) + " | "
            + std::to_string(counts.infos) + " |\n";
    }
    for (const NotebookAnalysis &analysis : analyses) {
        if (analysis.findings.empty() && !analysis.error)
            continue;
        md += "\n### " + escaping::markdownCode(analysis.path) + "\n\n";
        if (analysis.error) {
            md += "Could not be read: " + cellText(*analysis.error) + "\n";
            continue;
        }
        md += VerdictBuilder::statusLine(analysis.verdict) + "\n\n" + cellText(analysis.verdict.summary)
            + "\n\n| Cell | Line | Severity | Rule | Finding |\n|---|---|---|---|---|\n";
        for (const Finding &finding : analysis.findings)
            md += "| " + (finding.cell >= 0 ? std::to_string(finding.cell + 1) : std::string("–")) + " | "
                + (finding.line > 0 ? std::to_string(finding.line) : std::string()) + " | "
                + std::string(severityName(finding.severity)) + " | " + codeInCell(finding.rule) + " | "
                + cellText(finding.message) + " |\n";
    }
    return md;
}

} // namespace tassel
