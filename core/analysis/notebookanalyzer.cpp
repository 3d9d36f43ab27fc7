#include "analysis/notebookanalyzer.h"

#include "analysis/dataflow.h"
#include "analysis/executionorder.h"
#include "notebook/notebookloader.h"
#include "python/pythoncellanalyzer.h"

#include <algorithm>

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
} // namespace

NotebookAnalysis analyzeNotebook(const Notebook &notebook, const AnalysisOptions &options)
{
    (void)options;
    NotebookAnalysis analysis;
    analysis.path = notebook.path;

    const PythonCellAnalyzer analyzer;
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
