#include "python/pythoncellanalyzer.h"

#include "python/ipythonprepass.h"
#include "python/sourcemap.h"
#include "python/symbolpass.h"
#include "python/syntaxtree.h"

#include <algorithm>
#include <tuple>

namespace tassel {

CellSymbols PythonCellAnalyzer::analyze(std::string_view source) const
{
    CellSymbols symbols;
    // tree-sitter measures in 32-bit offsets; a larger cell is not Python anybody wrote.
    if (source.size() >= 0xFFFFFFF0u) {
        symbols.syntaxErrors.push_back(SourceRange {1, 1, 1, 1});
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
    tree.parse(prepass.python);
    SymbolPass::run(tree, prepass.python, map, prepass.events, symbols);
    for (const auto &[begin, end] : tree.errorRanges())
        symbols.syntaxErrors.push_back(map.range(begin, end));

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
