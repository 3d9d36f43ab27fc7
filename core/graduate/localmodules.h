#pragma once

#include "analysis/notebookanalysis.h"
#include "graduate/graduationplan.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tassel {

/// The notebook's own modules and packages (imports of kind "local"), read so the package can
/// carry them in `src/<pkg>/`, and the import rewriting that points the notebook's code at those
/// copies (`from logparse import parse` -> `from pkg.logparse import parse`). Reads files in
/// collect() only; thread-safe.
class LocalModules
{
public:
    struct Collected
    {
        std::vector<LocalModule> modules;
        std::vector<std::string> problems; ///< modules that cannot be copied, and why
    };

    /// Finds and reads every local module `analysis` lists, searched as the dependency check
    /// does from `notebookDir`; their own imports of each other are rewritten for `packageName`.
    static Collected collect(
        const NotebookAnalysis &analysis, const std::string &notebookDir, const std::string &packageName);
    /// One import statement with imports of `names` made package-relative; unchanged when it
    /// imports none of them. Several lines when an `import a, b` mixes local and other modules.
    static std::string rewriteImport(
        std::string_view statement, const std::set<std::string> &names, const std::string &packageName);
    /// Python source with every import statement (at any indentation) rewritten as above.
    static std::string rewriteSource(
        std::string_view source, const std::set<std::string> &names, const std::string &packageName);
};

} // namespace tassel
