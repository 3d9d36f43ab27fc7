#include "verify/verifyreportwriter.h"

#include "analysis/secretmasking.h"
#include "report/htmlreport.h"
#include "report/jsonreport.h"
#include "util/escaping.h"

#include "version.h"

#include <cmath>
#include <cstdio>

namespace tassel {

namespace {

std::string percent(double fraction)
{
    char text[16];
    std::snprintf(text, sizeof text, "%.0f%%", std::floor(fraction * 100.0 + 0.5));
    return text;
}

std::string seconds(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.2f s", value);
    return text;
}

std::string cellLabel(const CellVerification &cell)
{
    return "cell " + std::to_string(cell.cell + 1);
}

std::string summaryLine(const VerifyReport &report)
{
    std::string line = std::to_string(report.count(VerifyStatus::Reproduced)) + " of "
        + std::to_string(report.cells.size()) + " code cells reproduced (" + percent(report.repeatability())
        + ")";
    const int differs = report.count(VerifyStatus::Differs);
    const int errors = report.count(VerifyStatus::Error);
    const int notRun = report.count(VerifyStatus::NotRun);
    if (differs)
        line += ", " + std::to_string(differs) + " differ";
    if (errors)
        line += ", " + std::to_string(errors) + (errors == 1 ? " error" : " errors");
    if (notRun)
        line += ", " + std::to_string(notRun) + " not run";
    if (differs + errors > 0)
        line += ", " + std::to_string(report.unexplainedDivergences()) + " not explained by a finding";
    return line + '.';
}

/// A message's arguments as a JSON object, token-shaped values masked as in the sentence.
nlohmann::ordered_json argsJson(const Message &message)
{
    nlohmann::ordered_json args = nlohmann::ordered_json::object();
    for (const auto &[name, value] : message.args)
        args[name] = maskLikelyTokens(value);
    return args;
}

nlohmann::ordered_json findingJson(const Finding &finding)
{
    nlohmann::ordered_json node = JsonReport::findingToJson(finding);
    node["message"] = maskLikelyTokens(finding.message);
    node["args"] = argsJson(finding.messageKey);
    node["relatedCells"] = finding.relatedCells; // the key verify wrote before it shared the writer
    return node;
}

} // namespace

nlohmann::ordered_json VerifyReportWriter::toJson(const VerifyReport &report)
{
    nlohmann::ordered_json root;
    root["tool"] = kToolName;
    root["version"] = kVersion;
    root["command"] = "verify";
    root["notebook"] = report.path;
    root["order"] = report.order;
    root["runner"] = report.runner;
    root["python"] = {{"executable", report.pythonExecutable}, {"version", report.pythonVersion},
        {"ipython",
            report.ipythonVersion.empty() ? nlohmann::ordered_json(nullptr)
                                          : nlohmann::ordered_json(report.ipythonVersion)}};
    nlohmann::ordered_json summary;
    summary["codeCells"] = report.cells.size();
    summary["reproduced"] = report.count(VerifyStatus::Reproduced);
    summary["differs"] = report.count(VerifyStatus::Differs);
    summary["error"] = report.count(VerifyStatus::Error);
    summary["notRun"] = report.count(VerifyStatus::NotRun);
    summary["unexplained_divergences"] = report.unexplainedDivergences();
    summary["repeatability"] = std::round(report.repeatability() * 10000.0) / 10000.0;
    summary["timedOut"] = report.timedOut;
    summary["cancelled"] = report.cancelled;
    summary["seconds"] = std::round(report.seconds * 1000.0) / 1000.0;
    if (const CellVerification *first = report.firstDivergence()) {
        summary["firstDivergence"]
            = {{"cell", first->cell}, {"status", std::string(verifyStatusName(first->status))},
                {"reason", maskLikelyTokens(first->reason)}};
    } else {
        summary["firstDivergence"] = nullptr;
    }
    root["summary"] = summary;
    root["driverPid"] = report.driverPid;
    root["kernelPid"]
        = report.kernelPid > 0 ? nlohmann::ordered_json(report.kernelPid) : nlohmann::ordered_json(nullptr);
    root["containment"] = {{"mode", report.containment}, {"user_namespace", report.containmentUserNamespace},
        {"private_proc", report.containmentPrivateProc}};
    root["workingDirectory"] = report.workingDirectory;
    root["runInCopy"] = report.ranInCopy;
    nlohmann::ordered_json cells = nlohmann::ordered_json::array();
    for (const CellVerification &cell : report.cells) {
        nlohmann::ordered_json node;
        node["cell"] = cell.cell;
        node["id"] = cell.cellId;
        node["storedExecutionCount"] = cell.storedExecutionCount
            ? nlohmann::ordered_json(*cell.storedExecutionCount)
            : nlohmann::ordered_json(nullptr);
        node["runPosition"] = cell.runPosition;
        node["status"] = std::string(verifyStatusName(cell.status));
        node["reason"] = maskLikelyTokens(cell.reason);
        node["reason_id"] = cell.reasonKey.id;
        node["reason_args"] = argsJson(cell.reasonKey);
        node["seconds"] = std::round(cell.seconds * 1000.0) / 1000.0;
        node["timedOut"] = cell.timedOut;
        if (cell.outputIndex >= 0 || !cell.expected.empty() || !cell.actual.empty()) {
            node["outputIndex"] = cell.outputIndex;
            node["expected"] = maskLikelyTokens(cell.expected);
            node["actual"] = maskLikelyTokens(cell.actual);
        }
        if (!cell.errorName.empty())
            node["error"] = {{"ename", cell.errorName}, {"evalue", maskLikelyTokens(cell.errorValue)}};
        node["notes"] = cell.notes;
        nlohmann::ordered_json explained = nlohmann::ordered_json::array();
        for (const Finding &finding : cell.explanations)
            explained.push_back(findingJson(finding));
        node["explainedBy"] = explained;
        cells.push_back(node);
    }
    root["cells"] = cells;
    return root;
}

std::string VerifyReportWriter::json(const VerifyReport &report)
{
    return toJson(report).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n';
}

std::string VerifyReportWriter::text(const VerifyReport &report, bool colour)
{
    auto paint = [&](VerifyStatus status, const std::string &word) {
        if (!colour)
            return word;
        const char *code = status == VerifyStatus::Reproduced ? "32"
            : status == VerifyStatus::Differs                 ? "33"
            : status == VerifyStatus::Error                   ? "31"
                                                              : "2";
        return "\033[" + std::string(code) + "m" + word + "\033[0m";
    };
    // Notebook text may hold ESC sequences and other control characters: shown escaped, so only
    // this writer's own colour codes reach the terminal.
    auto shown = [](std::string_view text) { return escaping::oneLine(maskLikelyTokens(text)); };
    std::string out = escaping::oneLine(report.path) + ": " + summaryLine(report) + '\n';
    out += "  ran in " + report.order + " order with Python " + report.pythonVersion
        + (report.ipythonVersion.empty() ? " (no IPython: magics skipped)"
                                         : " + IPython " + report.ipythonVersion)
        + (report.runner == "nbclient" ? " in a Jupyter kernel (nbclient)" : "")
        + (report.ranInCopy ? " in a temporary copy of the folder" : "") + ", " + seconds(report.seconds)
        + (report.timedOut ? ", run time limit reached" : "") + (report.cancelled ? ", cancelled" : "")
        + '\n';
    out += "  processes: contained in " + report.containmentDescription() + '\n';
    if (const CellVerification *first = report.firstDivergence())
        out += "  first divergence: " + cellLabel(*first) + " ("
            + std::string(verifyStatusName(first->status)) + ")\n";
    for (const CellVerification &cell : report.cells) {
        out += "  " + cellLabel(cell) + ": " + paint(cell.status, std::string(verifyStatusName(cell.status)));
        if (!cell.reason.empty())
            out += " — " + shown(cell.reason);
        out += '\n';
        if (cell.status == VerifyStatus::Differs
            || (cell.status == VerifyStatus::Error && !cell.expected.empty())) {
            out += "      stored:  " + shown(cell.expected) + '\n';
            out += "      re-run:  " + shown(cell.actual) + '\n';
        }
        for (const std::string &note : cell.notes)
            out += "      note: " + shown(note) + '\n';
        for (const Finding &finding : cell.explanations)
            out += "      explained by " + finding.rule + ": " + shown(finding.message) + '\n';
    }
    return out;
}

std::string VerifyReportWriter::html(const VerifyReport &report)
{
    auto e = [](std::string_view text) { return HtmlReport::escape(maskLikelyTokens(text)); };
    std::string out
        = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Tassel verify: "
        + e(report.path)
        + "</title>\n<style>\n"
          "body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}\n"
          "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3em "
          ".5em;text-align:left;"
          "vertical-align:top}\n"
          ".reproduced{background:#e6f4ea}.differs{background:#fff4d6}.error{background:#fde2e1}.not-run{"
          "color:#777}\n"
          "code,pre{font-family:ui-monospace,monospace;white-space:pre-wrap}\n</style></head><body>\n";
    out += "<h1>Re-execution of " + e(report.path) + "</h1>\n";
    out += "<p><strong>" + e(summaryLine(report))
        + "</strong> Repeatability score: " + percent(report.repeatability()) + ".</p>\n";
    out += "<p>Ran in " + e(report.order) + " order with Python " + e(report.pythonVersion)
        + (report.ipythonVersion.empty() ? std::string(" (IPython not importable)")
                                         : " and IPython " + e(report.ipythonVersion))
        + " in " + e(seconds(report.seconds)) + (report.timedOut ? "; the run time limit was reached" : "")
        + (report.cancelled ? "; cancelled" : "") + ".</p>\n";
    if (const CellVerification *first = report.firstDivergence())
        out += "<p>First divergence: <a href=\"#cell-" + std::to_string(first->cell + 1) + "\">"
            + e(cellLabel(*first)) + "</a>.</p>\n";
    out += "<table>\n<tr><th>Cell</th><th>Status</th><th>Details</th><th>Explained by</th></tr>\n";
    for (const CellVerification &cell : report.cells) {
        const std::string status(verifyStatusName(cell.status));
        out += "<tr id=\"cell-" + std::to_string(cell.cell + 1) + "\" class=\"" + status + "\"><td>"
            + std::to_string(cell.cell + 1) + "</td><td>" + status + "</td><td>" + e(cell.reason);
        if (!cell.expected.empty() || !cell.actual.empty())
            out += "<br>stored: <code>" + e(cell.expected) + "</code><br>re-run: <code>" + e(cell.actual)
                + "</code>";
        for (const std::string &note : cell.notes)
            out += "<br><em>note:</em> " + e(note);
        out += "</td><td>";
        for (const Finding &finding : cell.explanations)
            out += "<p><code>" + e(finding.rule) + "</code>: " + e(finding.message) + "</p>";
        out += "</td></tr>\n";
    }
    out += "</table>\n</body></html>\n";
    return out;
}

} // namespace tassel
