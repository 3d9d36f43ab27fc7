#pragma once

#include "analysis/datacontract.h"
#include "analysis/dependencyenvironment.h"
#include "analysis/finding.h"
#include "python/cellsymbols.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tassel {

/// Names flowing from one cell to another (cell indexes are 0-based over all cells).
struct Dependency
{
    int from = -1;
    int to = -1;
    std::vector<std::string> names;
    /// "document" (top-to-bottom), "execution" (by execution count) or "both".
    std::string order = "document";

    bool operator==(const Dependency &) const = default;
};

/// One import, classified, with what is declared about it (the report's "imports").
struct ImportInfo
{
    std::string module; ///< top-level module name
    std::string distribution; ///< the distribution that provides it; empty for stdlib/local
    std::string kind; ///< "stdlib", "local" or "third-party"
    int cell = -1;
    int line = 0;
    bool optional = false;
    bool declared = false;
    bool pinned = false;
    std::optional<std::string> version;
    std::string source; ///< where the declaration/pin came from, e.g. "%pip in cell 2"
    bool distributionGuessed = false; ///< mapped by table or by name, not from an environment

    bool operator==(const ImportInfo &) const = default;
};

/// One place a cell reads or writes data (the report's "io"): a file, a folder, a URL or a
/// database, with its target resolved as far as literals and constants prove it.
struct IoAccess
{
    int cell = -1; ///< 0-based index over all cells
    std::string cellId;
    int line = 0; ///< 1-based, of the call in the cell's source
    int column = 0;
    std::string direction; ///< "read" or "write"
    std::string call; ///< dotted, import aliases resolved: "pandas.read_csv", "open"
    /// The resolved path, pattern or URL (a URL without user info and query); nothing when the
    /// value is only known at run time.
    std::optional<std::string> target;
    std::string kind; ///< "file", "directory", "url", "database" or "computed"
    bool absolute = false; ///< an absolute or home path (/..., ~/..., C:\...)
    /// For a relative file or folder: whether it exists beside the notebook; else nothing.
    std::optional<bool> exists;
    std::optional<std::int64_t> size; ///< bytes, for a file that exists
    /// A read the notebook guards: under `if os.path.exists(P)`/`isfile(P)`/`P.exists()` or after `if not
    /// ...: return/raise` on the same target, or in a `try:` catching FileNotFoundError/OSError/Exception.
    bool optional = false;
    /// Where the target expression is in the cell's source: the argument, or the object of a
    /// Path method; line 0 when the call left it out (os.listdir()). Not in the report: it is
    /// for rewriting the target (graduation).
    SourceRange targetRange;
    /// For a read under an existence check: where the checked path expression is (the argument
    /// of os.path.exists/isfile, the object of `.exists()`/`.is_file()`), so graduation rewrites
    /// it with the read; line 0 otherwise (try/except guards included). Not in the report.
    SourceRange guardRange;
    /// For a tabular read (pandas reader, numpy loader): what the notebook expects of it.
    std::optional<DataContract> contract;

    bool operator==(const IoAccess &) const = default;
};

/// Does a fresh run top to bottom get through? Counts of the findings that say it does not.
struct RunsVerdict
{
    bool yes = true;
    int useBeforeDefinition = 0; ///< use-before-definition findings
    int undefinedNames = 0; ///< undefined-name findings
    int syntaxErrors = 0; ///< syntax-error findings: cells that fail when run

    bool operator==(const RunsVerdict &) const = default;
};

/// Would a fresh run show the outputs the notebook holds? Counts of the findings that say no.
struct SameOutputsVerdict
{
    bool yes = true;
    int staleOutputs = 0; ///< stale-output findings
    int unexecutedCells = 0; ///< unexecuted-cell findings
    int errorOutputs = 0; ///< error-output findings
    int nondeterministicOutputs = 0; ///< nondeterministic-output findings

    bool operator==(const SameOutputsVerdict &) const = default;
};

enum class VerdictStatus { Ok, Risky, Broken };

struct Verdict
{
    bool reproducibleTopToBottom = true;
    std::vector<int> suggestedOrder; ///< code-cell indexes; empty when document order works
    std::string summary; ///< e.g. "2 cells use names defined later"
    RunsVerdict runs;
    SameOutputsVerdict sameOutputs;
    int errorFindings = 0; ///< error-level findings of any rule (secrets included)
    /// broken: it does not run or has error-level findings; risky: its outputs may differ.
    VerdictStatus status = VerdictStatus::Ok;

    bool operator==(const Verdict &) const = default;
};

/// What the report says of each cell besides its symbols.
struct CellInfo
{
    std::string id;
    std::string type; ///< "code", "markdown", "raw" or the unknown type as written
    std::optional<int> executionCount;
    int outputCount = 0;
    int fileLine = 0; ///< 1-based line of the cell in the .ipynb file (0 when unknown)
    std::string source; ///< for excerpts in reports; mask secret findings before showing it

    bool operator==(const CellInfo &) const = default;
};

/// Everything Tassel knows about one notebook: the value the GUI, the CLI and the reports share.
struct NotebookAnalysis
{
    std::string path;
    std::optional<std::string> error; ///< set when the notebook could not be loaded
    /// The notebook's language as people write it ("Python", "C++", "R").
    std::string language = "Python";
    /// False for a notebook in another language: only secrets were checked, nothing else.
    bool pythonAnalysed = true;
    std::vector<CellInfo> cellInfo; ///< one per cell, in document order
    std::vector<CellSymbols> cells; ///< one per cell (empty for markdown/raw)
    std::vector<Dependency> dependencies;
    std::vector<Finding> findings;
    std::vector<ImportInfo> imports;
    /// With --python: the installed distributions the imports need, transitively (for pins).
    std::vector<RequiredDistribution> requiredDistributions;
    std::vector<IoAccess> io; ///< every data read and write, in document order
    Verdict verdict;
    /// Things that did not stop the analysis but limit it (an unreadable requirements file, an
    /// interpreter that did not answer), as "file:line: message".
    std::vector<std::string> problems;

    bool operator==(const NotebookAnalysis &) const = default;
};

} // namespace tassel
