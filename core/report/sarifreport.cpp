#include "report/sarifreport.h"

#include "analysis/rulecatalog.h"
#include "analysis/verdictbuilder.h"
#include "report/jsonreport.h"
#include "version.h"

#include <nlohmann/json.hpp>

#include <QCryptographicHash>

namespace tassel {

namespace {

using Json = nlohmann::ordered_json;

std::string levelOf(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        return "note";
    }
    return "warning";
}

/// SARIF wants URIs: relative paths with forward slashes, percent-encoding what needs it.
std::string uriOf(const std::string &path)
{
    std::string uri;
    for (unsigned char c : path) {
        if (std::isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_' || c == '~')
            uri += char(c);
        else {
            static const char *hex = "0123456789ABCDEF";
            uri += '%';
            uri += hex[c >> 4];
            uri += hex[c & 15];
        }
    }
    return uri;
}

} // namespace

std::string SarifReport::fingerprint(const Finding &finding)
{
    std::string key = finding.rule + '\x1f'
        + (finding.cellId.empty() ? std::to_string(finding.cell) : finding.cellId) + '\x1f'
        + std::to_string(finding.line) + ':' + std::to_string(finding.column);
    for (const auto &name : finding.names)
        key += '\x1f' + name;
    if (!finding.fingerprint.empty())
        key += '\x1f' + finding.fingerprint;
    const QByteArray hash
        = QCryptographicHash::hash(QByteArray::fromStdString(key), QCryptographicHash::Sha256);
    return hash.toHex().left(32).toStdString();
}

std::string SarifReport::render(const std::vector<NotebookAnalysis> &analyses)
{
    Json rules = Json::array();
    for (const RuleInfo &rule : RuleCatalog::all()) {
        Json entry;
        entry["id"] = rule.id;
        entry["name"] = rule.title;
        entry["shortDescription"] = {{"text", rule.title}};
        entry["fullDescription"] = {{"text", rule.description}};
        entry["defaultConfiguration"] = {{"level", levelOf(rule.defaultSeverity)}};
        entry["help"] = {{"text", rule.fix.empty() ? rule.description : rule.fix}};
        rules.push_back(std::move(entry));
    }

    Json artifacts = Json::array();
    Json results = Json::array();
    Json notifications = Json::array();
    for (const NotebookAnalysis &analysis : analyses) {
        const int artifactIndex = int(artifacts.size());
        artifacts.push_back(
            {{"location", {{"uri", uriOf(analysis.path)}}}, {"mimeType", "application/x-ipynb+json"}});
        if (!analysis.error) {
            const Verdict &verdict = analysis.verdict;
            const std::string status(VerdictBuilder::statusName(verdict.status));
            artifacts.back()["properties"] = {{"status", status}, {"runs", verdict.runs.yes},
                {"sameOutputs", verdict.sameOutputs.yes}, {"summary", VerdictBuilder::statusLine(verdict)}};
        }
        if (analysis.error) {
            notifications.push_back({{"level", "error"}, {"message", {{"text", *analysis.error}}},
                {"locations",
                    Json::array({{{"physicalLocation",
                        {{"artifactLocation",
                            {{"uri", uriOf(analysis.path)}, {"index", artifactIndex}}}}}}})}});
            continue;
        }
        for (const Finding &finding : analysis.findings) {
            Json result;
            result["ruleId"] = finding.rule;
            if (const int index = RuleCatalog::indexOf(finding.rule); index >= 0)
                result["ruleIndex"] = index;
            result["level"] = levelOf(finding.severity);
            result["message"] = {{"text", finding.message}};

            Json physical;
            physical["artifactLocation"] = {{"uri", uriOf(analysis.path)}, {"index", artifactIndex}};
            int fileLine = 1;
            if (finding.cell >= 0 && std::size_t(finding.cell) < analysis.cellInfo.size()
                && analysis.cellInfo[std::size_t(finding.cell)].fileLine > 0)
                fileLine = analysis.cellInfo[std::size_t(finding.cell)].fileLine;
            physical["region"] = {{"startLine", fileLine}};
            Json location;
            location["physicalLocation"] = std::move(physical);
            if (finding.cell >= 0)
                location["logicalLocations"] = Json::array(
                    {{{"name", "cell " + std::to_string(finding.cell + 1)}, {"kind", "module"}}});
            result["locations"] = Json::array({std::move(location)});
            result["partialFingerprints"] = {{"tasselFinding/v1", fingerprint(finding)}};
            // The check report's keys, plus the camelCase ones SARIF properties carried first.
            Json properties = JsonReport::findingToJson(finding);
            properties["cellId"] = finding.cellId;
            properties["cellLine"] = finding.line;
            properties["cellColumn"] = finding.column;
            properties["relatedCells"] = finding.relatedCells;
            if (!finding.secretKind.empty())
                properties["secretKind"] = finding.secretKind;
            result["properties"] = std::move(properties);
            results.push_back(std::move(result));
        }
    }

    Json run;
    run["tool"] = {{"driver",
        {{"name", kToolName}, {"version", kVersion}, {"semanticVersion", kVersion},
            {"informationUri", "https://github.com/tassel-app/tassel"}, {"rules", std::move(rules)}}}};
    run["artifacts"] = std::move(artifacts);
    run["results"] = std::move(results);
    run["invocations"] = Json::array({{{"executionSuccessful", notifications.empty()},
        {"toolExecutionNotifications", std::move(notifications)}}});
    run["columnKind"] = "unicodeCodePoints";

    Json sarif;
    sarif["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    sarif["version"] = "2.1.0";
    sarif["runs"] = Json::array({std::move(run)});
    return sarif.dump(2, ' ', false, Json::error_handler_t::replace) + '\n';
}

} // namespace tassel
