#include "report/jsonreport.h"

#include "analysis/rulecatalog.h"
#include "analysis/verdictbuilder.h"
#include "version.h"

#include <optional>
#include <set>

namespace tassel {

namespace {

using Json = nlohmann::ordered_json;

/// The value, or JSON null when there is none: the report's way to say "unknown".
template <typename T>
Json orNull(const std::optional<T> &value)
{
    return value ? Json(*value) : Json(nullptr);
}

Json namesOf(const std::vector<NameRef> &refs)
{
    // Each name once, in order of first appearance.
    Json names = Json::array();
    std::set<std::string> seen;
    for (const NameRef &ref : refs) {
        if (seen.insert(ref.name).second)
            names.push_back(ref.name);
    }
    return names;
}

Json sourceJson(const ContractSource &source)
{
    Json json;
    json["from"] = source.from;
    json["cell"] = source.cell >= 0 ? Json(source.cell) : Json(nullptr);
    json["line"] = source.line > 0 ? Json(source.line) : Json(nullptr);
    return json;
}

Json contractJson(const DataContract &contract)
{
    Json columns = Json::array();
    for (const ContractColumn &column : contract.columns) {
        Json entry;
        entry["name"] = column.name;
        entry["dtype"] = column.dtype.empty() ? Json(nullptr) : Json(column.dtype);
        entry["nullable"] = orNull(column.nullable);
        Json sources;
        sources["name"] = sourceJson(column.nameSource);
        sources["dtype"] = column.dtypeSource ? sourceJson(*column.dtypeSource) : Json(nullptr);
        sources["nullable"] = column.nullableSource ? sourceJson(*column.nullableSource) : Json(nullptr);
        entry["sources"] = std::move(sources);
        columns.push_back(std::move(entry));
    }
    Json json;
    json["columns"] = std::move(columns);
    json["rows"] = nullptr;
    if (contract.rows) {
        json["rows"] = {{"min", contract.rows->min}, {"max", orNull(contract.rows->max)},
            {"observed", contract.rows->observed}, {"source", sourceJson(contract.rows->source)}};
    }
    json["dtype"] = contract.dtype.empty() ? Json(nullptr) : Json(contract.dtype);
    json["shape"] = contract.shape;
    return json;
}

} // namespace

nlohmann::ordered_json JsonReport::findingToJson(const Finding &finding)
{
    Json json;
    json["rule"] = finding.rule;
    json["severity"] = std::string(severityName(finding.severity));
    json["cell"] = finding.cell;
    json["cell_id"] = finding.cellId;
    json["line"] = finding.line;
    json["column"] = finding.column;
    json["end_line"] = finding.endLine;
    json["end_column"] = finding.endColumn;
    json["names"] = finding.names;
    json["related_cells"] = finding.relatedCells;
    json["message"] = finding.message;
    json["message_id"] = finding.messageKey.id;
    Json args = Json::object();
    for (const auto &[name, value] : finding.messageKey.args)
        args[name] = value;
    json["args"] = std::move(args);
    if (const RuleInfo *rule = RuleCatalog::find(finding.rule); rule && !rule->fix.empty())
        json["fix"] = rule->fix;
    if (!finding.secretKind.empty()) {
        json["kind"] = finding.secretKind;
        json["masked"] = finding.maskedPreview;
        json["fingerprint"] = finding.fingerprint;
    }
    if (!finding.location.empty() && finding.location != "source")
        json["location"] = finding.location;
    if (finding.outputIndex >= 0)
        json["output"] = finding.outputIndex;
    if (!finding.changeSource.empty())
        json["source"] = finding.changeSource;
    return json;
}

nlohmann::ordered_json JsonReport::notebookToJson(const NotebookAnalysis &analysis)
{
    Json notebook;
    notebook["path"] = analysis.path;
    notebook["error"] = orNull(analysis.error);

    Json cells = Json::array();
    for (std::size_t i = 0; i < analysis.cellInfo.size(); ++i) {
        const CellInfo &info = analysis.cellInfo[i];
        Json cell;
        cell["index"] = int(i);
        cell["id"] = info.id;
        cell["type"] = info.type;
        cell["execution_count"] = orNull(info.executionCount);
        const bool hasSymbols = i < analysis.cells.size();
        cell["defines"] = hasSymbols ? namesOf(analysis.cells[i].defines) : Json::array();
        cell["uses"] = hasSymbols ? namesOf(analysis.cells[i].uses) : Json::array();
        cells.push_back(std::move(cell));
    }
    notebook["cells"] = std::move(cells);

    Json dependencies = Json::array();
    for (const Dependency &dependency : analysis.dependencies) {
        Json edge;
        edge["from"] = dependency.from;
        edge["to"] = dependency.to;
        edge["names"] = dependency.names;
        edge["order"] = dependency.order;
        dependencies.push_back(std::move(edge));
    }
    notebook["dependencies"] = std::move(dependencies);

    Json findings = Json::array();
    for (const Finding &finding : analysis.findings)
        findings.push_back(findingToJson(finding));
    notebook["findings"] = std::move(findings);

    Json imports = Json::array();
    for (const ImportInfo &info : analysis.imports) {
        Json entry;
        entry["module"] = info.module;
        entry["distribution"] = info.distribution.empty() ? Json(nullptr) : Json(info.distribution);
        entry["kind"] = info.kind;
        entry["cell"] = info.cell;
        entry["line"] = info.line;
        entry["optional"] = info.optional;
        entry["declared"] = info.declared;
        entry["pinned"] = info.pinned;
        entry["version"] = orNull(info.version);
        entry["source"] = info.source;
        entry["guessed"] = info.distributionGuessed;
        imports.push_back(std::move(entry));
    }
    notebook["imports"] = std::move(imports);

    Json io = Json::array();
    for (const IoAccess &access : analysis.io) {
        Json entry;
        entry["cell"] = access.cell;
        entry["cell_id"] = access.cellId;
        entry["line"] = access.line;
        entry["column"] = access.column;
        entry["direction"] = access.direction;
        entry["call"] = access.call;
        entry["target"] = orNull(access.target);
        entry["kind"] = access.kind;
        entry["absolute"] = access.absolute;
        entry["exists"] = orNull(access.exists);
        entry["size"] = orNull(access.size);
        entry["optional"] = access.optional;
        if (access.contract)
            entry["contract"] = contractJson(*access.contract);
        io.push_back(std::move(entry));
    }
    notebook["io"] = std::move(io);

    Json verdict;
    verdict["reproducible_top_to_bottom"] = analysis.verdict.reproducibleTopToBottom;
    verdict["suggested_order"] = analysis.verdict.suggestedOrder;
    verdict["summary"] = analysis.verdict.summary;
    const RunsVerdict &runs = analysis.verdict.runs;
    verdict["runs"] = Json {{"ok", runs.yes}, {"use_before_definition", runs.useBeforeDefinition},
        {"undefined_names", runs.undefinedNames}, {"syntax_errors", runs.syntaxErrors}};
    const SameOutputsVerdict &same = analysis.verdict.sameOutputs;
    verdict["same_outputs"] = Json {{"ok", same.yes}, {"stale_outputs", same.staleOutputs},
        {"unexecuted_cells", same.unexecutedCells}, {"error_outputs", same.errorOutputs},
        {"nondeterministic_outputs", same.nondeterministicOutputs}};
    verdict["error_findings"] = analysis.verdict.errorFindings;
    verdict["status"] = std::string(VerdictBuilder::statusName(analysis.verdict.status));
    notebook["verdict"] = std::move(verdict);
    notebook["problems"] = analysis.problems;
    notebook["language"] = analysis.language;
    notebook["python_analysed"] = analysis.pythonAnalysed;
    return notebook;
}

nlohmann::ordered_json JsonReport::toJson(const std::vector<NotebookAnalysis> &analyses)
{
    Json report;
    report["tool"] = Json {{"name", kToolName}, {"version", kVersion}};
    Json notebooks = Json::array();
    for (const NotebookAnalysis &analysis : analyses)
        notebooks.push_back(notebookToJson(analysis));
    report["notebooks"] = std::move(notebooks);
    return report;
}

std::string JsonReport::render(const std::vector<NotebookAnalysis> &analyses)
{
    // Replace, not throw, on invalid UTF-8 that slipped through from a notebook's text.
    return toJson(analyses).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n';
}

} // namespace tassel
