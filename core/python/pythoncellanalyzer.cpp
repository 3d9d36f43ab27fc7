#include "python/pythoncellanalyzer.h"

#include "python/ipythonprepass.h"
#include "python/sourcemap.h"
#include "python/symbolpass.h"
#include "python/syntaxtree.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <tuple>

namespace tassel {

namespace {

/// `reason` and `arguments` make a sentence of the message catalogue (core/util, which this layer
/// does not link): analysis-limit.*.
OpaqueConstruct notAnalysed(std::string reason, std::vector<std::pair<std::string, std::string>> arguments)
{
    return OpaqueConstruct {OpaqueConstruct::Kind::NotAnalysed, std::move(reason), SourceRange {1, 1, 1, 1},
        {}, std::move(arguments)};
}

std::string formatSeconds(double seconds)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g s", seconds);
    return text;
}

/// Keeps the syntax errors. Python runs nothing of a cell that does not parse, and tree-sitter
/// reads the words of a shell command or of Python 2 code as names no cell defines: the cell
/// reads nothing. What it binds still counts, so later cells are not flooded with findings.
void applySyntaxErrors(const SyntaxTree &tree, const SourceMap &map, CellSymbols &symbols)
{
    for (const auto &[begin, end] : tree.errorRanges())
        symbols.syntaxErrors.push_back(map.range(begin, end));
    for (const Python2Construct &construct : tree.python2Constructs())
        symbols.python2Syntax.push_back(
            {std::string(construct.what), map.range(construct.start, construct.end)});
    if (symbols.syntaxErrors.empty())
        return;
    symbols.uses.clear();
    symbols.calls.clear();
    symbols.modifies.clear();
    for (DeferredScope &scope : symbols.deferred) {
        scope.freeNames.clear();
        scope.calls.clear();
    }
}

} // namespace

CellSymbols PythonCellAnalyzer::analyze(std::string_view source) const
{
    CellSymbols symbols;
    // tree-sitter measures in 32-bit offsets; the limit keeps far below that.
    if (source.size() > m_limits.maxSourceBytes || source.size() >= 0xFFFFFFF0u) {
        symbols.opaque.push_back(notAnalysed("analysis-limit.source-bytes",
            {{"bytes", std::to_string(source.size())}, {"limit", std::to_string(m_limits.maxSourceBytes)}}));
        return symbols;
    }
    const SourceMap map(source);
    PrePassResult prepass = IPythonPrePass::run(source, map);
    symbols.magics = std::move(prepass.magics);
    symbols.opaque = std::move(prepass.opaque);
    symbols.isPython = prepass.isPython;
    if (!prepass.isPython)
        return symbols;

    // The flat node buffer is reused by each thread's next cell: no allocation per cell.
    thread_local SyntaxTree tree;
    if (!tree.parse(prepass.python, m_limits.maxParseSeconds)) {
        symbols = CellSymbols {};
        symbols.opaque.push_back(notAnalysed(
            "analysis-limit.parse-seconds", {{"limit", formatSeconds(m_limits.maxParseSeconds)}}));
        return symbols;
    }
    SymbolPass::run(tree, prepass.python, map, prepass.events, symbols);
    applySyntaxErrors(tree, map, symbols);

    if (prepass.localBody) {
        // %%timeit runs its body inside a function: nothing it binds survives.
        symbols.defines.clear();
        symbols.deferred.clear();
    }
    std::stable_sort(symbols.opaque.begin(), symbols.opaque.end(), [](const auto &a, const auto &b) {
        return std::tie(a.range.line, a.range.column) < std::tie(b.range.line, b.range.column);
    });
    return symbols;
}

} // namespace tassel
