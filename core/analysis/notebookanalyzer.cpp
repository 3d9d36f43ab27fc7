#include "analysis/notebookanalyzer.h"

#include "analysis/dataflow.h"
#include "analysis/dependencychecker.h"
#include "analysis/dependencyenvironment.h"
#include "analysis/executionorder.h"
#include "analysis/secretscanner.h"
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

} // namespace

NotebookAnalysis analyzeNotebook(const Notebook &notebook, const AnalysisOptions &options)
{
    NotebookAnalysis analysis;
    analysis.path = notebook.path;

    const PythonCellAnalyzer analyzer(options.cellLimits);
    const bool isPython = notebook.language() == "python";
    analysis.cells.reserve(notebook.cells.size());
    for (const Cell &cell : notebook.cells) {
        analysis.cellInfo.push_back({cell.id, cellTypeName(cell), cell.executionCount,
            int(cell.outputs.size()), cell.fileLine, cell.source});
        CellSymbols symbols;
        if (cell.isCode() && isPython)
            symbols = analyzer.analyze(cell.source);
        else
            symbols.isPython = false;
        analysis.cells.push_back(std::move(symbols));
    }

    Dataflow::Result dataflow = Dataflow::analyze(notebook, analysis.cells);
    analysis.dependencies = std::move(dataflow.dependencies);
    analysis.verdict = std::move(dataflow.verdict);
    analysis.findings = std::move(dataflow.findings);
    for (Finding &finding : ExecutionOrder::findings(notebook))
        analysis.findings.push_back(std::move(finding));

    if (options.secrets) {
        for (Finding &finding : SecretScanner::shared().scan(notebook))
            analysis.findings.push_back(std::move(finding));
    }
    if (options.dependencies && isPython) {
        DependencyChecker::Options dependencyOptions;
        dependencyOptions.pythonMinor = minorOf(options.pythonVersion);
        std::vector<Error> problems;
        if (!options.pythonInterpreter.empty())
            dependencyOptions.environment = environmentOf(options.pythonInterpreter, problems);
        const std::string folder = notebook.path.empty()
            ? std::string()
            : QFileInfo(QString::fromStdString(notebook.path)).absolutePath().toStdString();
        DependencyReport dependencies
            = DependencyChecker(dependencyOptions).check(notebook, analysis.cells, folder);
        analysis.imports = std::move(dependencies.imports);
        for (Finding &finding : dependencies.findings)
            analysis.findings.push_back(std::move(finding));
        for (const Error &problem : problems)
            analysis.problems.push_back(problem.toString());
        for (const Error &problem : dependencies.problems)
            analysis.problems.push_back(problem.toString());
    }

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
    return analysis;
}

NotebookAnalysis analyzeFile(const std::string &path, const AnalysisOptions &options)
{
    auto loaded = NotebookLoader().loadFile(path);
    if (!loaded) {
        NotebookAnalysis failed;
        failed.path = path;
        failed.error = loaded.error().toString();
        return failed;
    }
    NotebookAnalysis analysis = analyzeNotebook(loaded.value(), options);
    analysis.path = path;
    return analysis;
}

} // namespace tassel
