#include "analysis/notebookanalyzer.h"

#include "analysis/contractinference.h"
#include "analysis/dataflow.h"
#include "analysis/dependencychecker.h"
#include "analysis/dependencyenvironment.h"
#include "analysis/erroroutputs.h"
#include "analysis/executionorder.h"
#include "analysis/ioinventory.h"
#include "analysis/nondeterminism.h"
#include "analysis/secretscanner.h"
#include "analysis/swallowedexceptions.h"
#include "analysis/syntaxcheck.h"
#include "analysis/verdictbuilder.h"
#include "notebook/notebookloader.h"
#include "python/pythoncellanalyzer.h"

#include <QFileInfo>

#include <algorithm>
#include <map>
#include <mutex>

namespace tassel {

namespace {
std::string cellTypeName(const Cell &cell)
{
    switch (cell.type) {
    case CellType::Code:
        return "code";
    case CellType::Markdown:
        return "markdown";
    case CellType::Raw:
        return "raw";
    case CellType::Unknown:
        break;
    }
    return cell.cellTypeName;
}
/// Asking an interpreter for its distributions starts a process: once per interpreter.
std::optional<DependencyEnvironment> environmentOf(
    const std::string &interpreter, std::vector<Error> &problems)
{
    static std::mutex mutex;
    static std::map<std::string, Result<DependencyEnvironment>> cache;
    const std::lock_guard lock(mutex);
    auto it = cache.find(interpreter);
    if (it == cache.end())
        it = cache.emplace(interpreter, DependencyEnvironment::query(interpreter)).first;
    if (!it->second) {
        problems.push_back(it->second.error());
        return std::nullopt;
    }
    return it->second.value();
}

int minorOf(const std::string &version)
{
    // "3.12" or "3.12.1" -> 12; anything else -> 0 (let the checker decide).
    if (version.size() < 3 || version[0] != '3' || version[1] != '.')
        return 0;
    try {
        return std::stoi(version.substr(2));
    } catch (...) {
        return 0;
    }
}

/// A notebook in another language: secrets matter in every language, nothing else applies.
void analyzeForeign(const Notebook &notebook, const AnalysisOptions &options, NotebookAnalysis &analysis)
{
    analysis.pythonAnalysed = false;
    analysis.cells.resize(notebook.cells.size());
    for (CellSymbols &symbols : analysis.cells)
        symbols.isPython = false;
    if (options.secrets)
        analysis.findings = SecretScanner::shared().scan(notebook);
    analysis.problems.push_back(
        "not-python: the kernel is " + analysis.language + ": only secrets were checked");
    // Nothing was proved either way; CI gating on the verdict must not pass it silently.
    analysis.verdict.reproducibleTopToBottom = false;
    analysis.verdict.summary
        = "Not analysed: the kernel is " + analysis.language + ", only secrets were checked.";
}

/// The folder the notebook's relative paths and local modules are looked up in; empty when unsaved.
std::string folderOf(const Notebook &notebook)
{
    return notebook.path.empty()
        ? std::string()
        : QFileInfo(QString::fromStdString(notebook.path)).absolutePath().toStdString();
}

void analyzeDependencies(const Notebook &notebook, const AnalysisOptions &options, NotebookAnalysis &analysis)
{
    DependencyChecker::Options dependencyOptions;
    dependencyOptions.pythonMinor = minorOf(options.pythonVersion);
    std::vector<Error> problems;
    if (!options.pythonInterpreter.empty())
        dependencyOptions.environment = environmentOf(options.pythonInterpreter, problems);
    DependencyReport dependencies
        = DependencyChecker(dependencyOptions).check(notebook, analysis.cells, folderOf(notebook));
    analysis.imports = std::move(dependencies.imports);
    analysis.requiredDistributions = std::move(dependencies.required);
    for (Finding &finding : dependencies.findings)
        analysis.findings.push_back(std::move(finding));
    for (const Error &problem : problems)
        analysis.problems.push_back(problem.toString());
    for (const Error &problem : dependencies.problems)
        analysis.problems.push_back(problem.toString());
}

/// A cell that does not parse fails when run: the notebook cannot be reproducible.
void addBrokenCells(Verdict &verdict, const std::vector<CellSymbols> &cells)
{
    const auto broken = std::count_if(
        cells.begin(), cells.end(), [](const CellSymbols &symbols) { return !symbols.syntaxErrors.empty(); });
    if (broken == 0)
        return;
    const std::string reason = std::to_string(broken)
        + (broken == 1 ? " cell that does not parse as Python 3" : " cells that do not parse as Python 3");
    if (verdict.reproducibleTopToBottom)
        verdict.summary = "Reproducible top to bottom: no — " + reason + '.';
    else if (!verdict.summary.empty() && verdict.summary.back() == '.')
        verdict.summary.insert(verdict.summary.size() - 1, ", " + reason);
    verdict.reproducibleTopToBottom = false;
}

void analyzePython(const Notebook &notebook, const AnalysisOptions &options, NotebookAnalysis &analysis)
{
    const PythonCellAnalyzer analyzer(options.cellLimits);
    analysis.cells.reserve(notebook.cells.size());
    for (const Cell &cell : notebook.cells) {
        CellSymbols symbols;
        if (cell.isCode())
            symbols = analyzer.analyze(cell.source);
        else
            symbols.isPython = false;
        analysis.cells.push_back(std::move(symbols));
    }

    Dataflow::Result dataflow = Dataflow::analyze(notebook, analysis.cells);
    analysis.dependencies = std::move(dataflow.dependencies);
    analysis.verdict = std::move(dataflow.verdict);
    analysis.findings = std::move(dataflow.findings);
    for (Finding &finding : SyntaxCheck::findings(notebook, analysis.cells))
        analysis.findings.push_back(std::move(finding));
    addBrokenCells(analysis.verdict, analysis.cells);
    for (Finding &finding : ExecutionOrder::findings(notebook))
        analysis.findings.push_back(std::move(finding));
    for (Finding &finding : ErrorOutputs::findings(notebook))
        analysis.findings.push_back(std::move(finding));
    for (Finding &finding : Nondeterminism::findings(notebook, analysis.cells))
        analysis.findings.push_back(std::move(finding));
    for (Finding &finding : SwallowedExceptions::findings(notebook, analysis.cells))
        analysis.findings.push_back(std::move(finding));

    if (options.secrets) {
        for (Finding &finding : SecretScanner::shared().scan(notebook))
            analysis.findings.push_back(std::move(finding));
    }
    if (options.dependencies)
        analyzeDependencies(notebook, options, analysis);
    IoInventory::Result io = IoInventory::analyze(notebook, analysis.cells, folderOf(notebook));
    ContractInference::attach(notebook, io.io, io.frames, folderOf(notebook));
    analysis.io = std::move(io.io);
    for (Finding &finding : io.findings)
        analysis.findings.push_back(std::move(finding));
}

} // namespace

NotebookAnalysis analyzeNotebook(const Notebook &notebook, const AnalysisOptions &options)
{
    NotebookAnalysis analysis;
    analysis.path = notebook.path;
    analysis.language = notebook.languageDisplayName();
    for (const Cell &cell : notebook.cells) {
        analysis.cellInfo.push_back({cell.id, cellTypeName(cell), cell.executionCount,
            int(cell.outputs.size()), cell.fileLine, cell.source});
    }
    if (notebook.isPython())
        analyzePython(notebook, options, analysis);
    else
        analyzeForeign(notebook, options, analysis);

    // One shape for every finding, whichever check made it: a line has a column, names once.
    for (Finding &finding : analysis.findings) {
        if (finding.line > 0 && finding.column <= 0)
            finding.column = 1;
        std::vector<std::string> names;
        for (auto &name : finding.names) {
            if (std::find(names.begin(), names.end(), name) == names.end())
                names.push_back(std::move(name));
        }
        finding.names = std::move(names);
    }

    std::stable_sort(
        analysis.findings.begin(), analysis.findings.end(), [](const Finding &a, const Finding &b) {
            return std::tie(a.cell, a.line, a.column, a.rule) < std::tie(b.cell, b.line, b.column, b.rule);
        });
    VerdictBuilder::complete(analysis.verdict, analysis.findings);
    if (!analysis.pythonAnalysed) {
        // Only secrets were checked: nothing was proved to run, so it is never "ok".
        analysis.verdict.runs.yes = false;
        if (analysis.verdict.status == VerdictStatus::Ok)
            analysis.verdict.status = VerdictStatus::Risky;
    }
    return analysis;
}

NotebookAnalysis analyzeFile(const std::string &path, const AnalysisOptions &options)
{
    auto loaded = NotebookLoader().loadFile(path);
    if (!loaded) {
        NotebookAnalysis failed;
        failed.path = path;
        failed.error = loaded.error().toString();
        // Nothing was read, so nothing was proved: CI gating on the status must not pass it.
        failed.verdict.reproducibleTopToBottom = false;
        failed.verdict.runs.yes = false;
        failed.verdict.status = VerdictStatus::Broken;
        failed.verdict.summary = "Not analysed: the notebook could not be read.";
        return failed;
    }
    NotebookAnalysis analysis = analyzeNotebook(loaded.value(), options);
    analysis.path = path;
    return analysis;
}

} // namespace tassel
