#pragma once

#include "python/cellsymbols.h"
#include "python/ipythonprepass.h"

#include <string_view>
#include <vector>

namespace tassel {

class SourceMap;
class SyntaxTree;

/// Walks a parsed cell with Python's scoping rules and fills CellSymbols: module-level
/// bindings, reads that must come from earlier cells, mutations, deletions, deferred function
/// and class bodies, calls, imports and opaque constructs. `text` is the pre-passed Python the
/// tree was parsed from; `events` are the name effects of IPython syntax, applied in place.
/// Stateless between calls; safe from any thread.
class SymbolPass
{
public:
    static void run(const SyntaxTree &tree, std::string_view text, const SourceMap &map,
        const std::vector<PrePassEvent> &events, CellSymbols &out);
};

} // namespace tassel
