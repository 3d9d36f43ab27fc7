#pragma once

#include "analysis/dependencyenvironment.h"
#include "analysis/finding.h"
#include "analysis/notebookanalysis.h"
#include "analysis/requirement.h"
#include "notebook/notebook.h"
#include "python/cellsymbols.h"
#include "util/result.h"

#include <optional>
#include <string>
#include <vector>

namespace tassel {

/// What DependencyChecker found: one ImportInfo per top-level module (first place it is
/// imported), the findings, every declaration it read, and problems met on the way (unreadable
/// declaration files, an interpreter that did not answer) which do not stop the check.
struct DependencyReport
{
    std::vector<ImportInfo> imports;
    std::vector<Finding> findings;
    std::vector<Requirement> declarations;
    std::vector<Error> problems;
    /// With an environment: the installed distributions the imports need, transitively.
    std::vector<RequiredDistribution> required;
    int pythonMinor = 0; ///< the 3.minor whose standard library was used

    bool operator==(const DependencyReport &) const = default;
};

/// Classifies a notebook's imports (standard library per Python version, local module, third
/// party), maps them to distributions (the user's environment, then the built-in table, then
/// the import name as a guess), reads declarations (install lines, PEP 723 blocks, project files
/// beside the notebook) and reports unpinned-dependency, undeclared-dependency,
/// unused-declaration and shell-install. Reads files and may run the interpreter given in the
/// options: call it off the GUI thread. Holds only its options; safe to share between threads.
class DependencyChecker
{
public:
    struct Options
    {
        /// 3.minor to take the standard library from; 0: the interpreter's, else the notebook's
        /// language_info.version, else StdlibModules::kDefaultMinor.
        int pythonMinor = 0;
        /// Interpreter to ask for installed distributions (--python PATH); empty: none.
        std::string pythonExecutable;
        int timeoutMs = 15000;
        /// An environment already queried (tests, or a caller that caches it); wins over
        /// pythonExecutable.
        std::optional<DependencyEnvironment> environment;
    };

    DependencyChecker() = default;
    explicit DependencyChecker(Options options)
        : m_options(std::move(options))
    {
    }

    /// `cells` holds one CellSymbols per notebook cell (empty ones for markdown and raw cells);
    /// `notebookDir` is the folder the notebook lives in (empty: no local modules, no files).
    DependencyReport check(const Notebook &notebook, const std::vector<CellSymbols> &cells,
        const std::string &notebookDir) const;

    /// The file (`top.py`) or package folder a local import resolves to, searched as check()
    /// does (the notebook's folder, its `src/`, parents up to the project root); empty if none.
    static std::string localModulePath(const std::string &top, const std::string &notebookDir);

private:
    Options m_options;
};

} // namespace tassel
