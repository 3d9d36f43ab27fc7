#pragma once

#include "analysis/datacontract.h"
#include "util/message.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tassel {

/// How `tassel graduate` is asked to cut the notebook and what it may tolerate.
struct GraduationOptions
{
    enum class Split { Headings, Cells, Single };
    Split split = Split::Headings;
    std::string name; ///< package name override (sanitised like any other name)
    std::string version = "0.1.0";
    /// Generate even when cells read names defined later or nowhere; the code marks the spot.
    bool allowHiddenState = false;
    /// Generate even when cells do not parse as Python 3: each is kept as a commented block with
    /// a TODO, and its step raises NotImplementedError naming the cell.
    bool allowBrokenCells = false;
    /// Bytes of input files copied into the package's `data/` in all (`--copy-data-limit`);
    /// inputs past it, and every input when 0, are read beside the notebook.
    std::int64_t copyDataLimit = 20 * 1000 * 1000;

    bool operator==(const GraduationOptions &) const = default;
};

/// A configuration value: a name bound by the `parameters` cell or by a cell of plain constants.
struct ConfigParameter
{
    std::string name;
    std::string pythonValue; ///< the right-hand side as written in the notebook
    std::string tomlValue; ///< the same value in TOML; empty when TOML cannot say it
    std::string cellId;
    int cell = -1;

    bool operator==(const ConfigParameter &) const = default;
};

/// A function or class the notebook defines that does not read notebook data, moved to the
/// package's helpers module (`functions.py`).
struct HelperDefinition
{
    std::string name;
    std::string source; ///< the def/class statement, decorators and comments included
    std::vector<std::string> imports; ///< import statements its body needs
    std::string cellId;
    int cell = -1;

    bool operator==(const HelperDefinition &) const = default;
};

/// One section of the notebook turned into a function `name` in module `module`.
struct GraduationStep
{
    std::string name; ///< function name (a valid, non-reserved identifier)
    std::string module; ///< module name inside the package
    std::string title; ///< the heading the section starts with, or a description
    std::vector<int> cells; ///< code cell indexes (0-based over all cells)
    std::vector<std::string> cellIds;
    std::vector<std::string> parameters; ///< names read from earlier steps (in first-use order)
    std::vector<std::string> configParameters; ///< names read from the configuration
    /// Names defined later or nowhere (only with --allow-hidden-state): never parameters, the
    /// step reads them as globals.
    std::vector<std::string> hiddenState;
    std::vector<std::string> returns; ///< names later steps read
    std::vector<std::string> imports; ///< import statements for the module top
    std::vector<std::string> helpers; ///< helper names imported from functions.py
    std::vector<std::string> runtime; ///< names imported from the package's _runtime module
    std::string body; ///< plain Python at indentation 0 (the generator indents it)
    /// What the notebook showed for these cells (stdout streams and text/plain results), with
    /// secrets masked: the step's regression fixture.
    std::string storedOutput;
    /// Why a cell of the step cannot reproduce its stored output (its tests are marked xfail): a
    /// nondeterministic-output or stale-output finding, or with --verify the re-run's divergence;
    /// empty when nothing says so.
    std::string xfailReason;

    bool operator==(const GraduationStep &) const = default;
};

/// Cells of nothing but imports and session set-up (display options, plot style, warning
/// filters): run once by the package's `session.set_up()` before the steps, never a step.
struct SetUpCode
{
    std::vector<std::string> imports; ///< import statements the set-up needs
    std::string body; ///< plain Python at indentation 0; empty when there is no set-up
    std::vector<int> cells;
    std::vector<std::string> cellIds;

    bool operator==(const SetUpCode &) const = default;
};

/// A module or package beside the notebook that it imports, carried in `src/<pkg>/`.
struct LocalModule
{
    std::string name; ///< top-level import name
    std::string origin; ///< where it was found, relative to the notebook's folder
    /// (path below `src/<pkg>/`, content with imports of the other local modules rewritten)
    std::vector<std::pair<std::string, std::string>> files;

    bool operator==(const LocalModule &) const = default;
};

/// A file or folder the notebook reads by a path relative to its folder: an entry of the
/// configuration's `[inputs]` table that the step code reads (`input_path("name")`) instead of
/// the literal. Copied into `data/` when it is a file beside the notebook within the copy limit.
struct DataInput
{
    std::string name; ///< entry of `[inputs]` (identifier)
    std::string target; ///< the path as the notebook resolved it, relative to its folder
    std::string dataPath; ///< below `data/` when copied; empty when read beside the notebook
    std::string content; ///< the copied bytes (when copied)
    std::string cellId;
    int cell = -1;
    /// What the notebook expects of it (a tabular read): written to `contracts/<name>.toml`, and
    /// every read of it is checked against that file when it runs.
    std::optional<DataContract> contract;
    /// Every read of it is guarded (IoAccess::optional): a run without it takes the notebook's
    /// own fallback instead of stopping.
    bool optional = false;

    bool operator==(const DataInput &) const = default;
};

/// A third-party distribution the package needs.
struct PackageDependency
{
    std::string distribution;
    std::string version; ///< empty when unknown
    std::string source; ///< where the version came from, e.g. "%pip in cell 2"
    std::string module; ///< the import that needs it (empty for a declared-only install)
    /// Set for a requirement of another dependency (`--python` only): pinned in
    /// requirements.lock, not listed in pyproject.toml's dependencies.
    std::string requiredBy;

    bool operator==(const PackageDependency &) const = default;
};

/// A secret found in the notebook, replaced by an environment variable lookup.
struct SecretVariable
{
    std::string environmentName;
    std::string kind;
    std::string cellId;
    int cell = -1;

    bool operator==(const SecretVariable &) const = default;
};

/// A file the package carries for a step: the body of a %%bash/%%script cell (`scripts/…`) or of
/// a %%writefile cell (`resources/…`), which the step runs or writes out when it runs.
struct PackageResource
{
    std::string path; ///< relative to the package folder, '/'-separated
    std::string content;
    bool executable = false;

    bool operator==(const PackageResource &) const = default;
};

/// Something the transformation changed, dropped or could not translate, for the user to read.
struct TransformNote
{
    std::string kind; ///< "removed", "rewritten", "kept-as-comment", "dependency", "hidden-state"
    std::string cellId;
    int cell = -1;
    int line = 0; ///< 1-based within the cell
    std::string message; ///< in English (the package README, the command line)
    Message messageKey; ///< the template id and arguments `message` was rendered from (the GUI)

    /// Sets `messageKey` and its English rendering `message`.
    void setMessage(Message key)
    {
        message = key.english();
        messageKey = std::move(key);
    }
    /// A note saying `key`.
    static TransformNote of(std::string kind, std::string cellId, int cell, int line, Message key)
    {
        std::string english = key.english();
        return {std::move(kind), std::move(cellId), cell, line, std::move(english), std::move(key)};
    }

    bool operator==(const TransformNote &) const = default;
};

/// Everything needed to write a package from a notebook, as an editable value: change names,
/// parameters or steps, then hand it to PackageGenerator. Holds the notebook's secret values
/// (`secretValues`) only so the generator can mask them everywhere; never show them.
struct GraduationPlan
{
    std::string packageName; ///< import name (identifier)
    std::string distributionName; ///< project name in pyproject.toml
    std::string version = "0.1.0";
    std::string description;
    std::string pythonVersion; ///< "3.13": .python-version and requires-python
    std::string notebookFileName; ///< base name of the source notebook
    std::string notebookSha256;
    std::string notebookCopy; ///< the notebook's JSON with secrets masked; empty when unreadable
    std::vector<ConfigParameter> config;
    std::vector<HelperDefinition> helpers;
    std::vector<std::string> helperImports; ///< import statements functions.py needs
    SetUpCode setUp;
    std::vector<LocalModule> localModules;
    std::vector<GraduationStep> steps; ///< in dependency (= document) order
    std::vector<PackageDependency> dependencies;
    std::vector<SecretVariable> secrets;
    std::vector<std::string> secretValues;
    std::vector<TransformNote> notes;
    /// The notebook's swallowed exceptions (kind "swallowed-exception"), kept as written and listed
    /// in the package README as failure paths to review.
    std::vector<TransformNote> failurePaths;
    std::vector<PackageResource> resources; ///< scripts and files of cell magics
    std::vector<DataInput> inputs; ///< files and folders the notebook reads
    /// The notebook's folder relative to the package folder, where inputs that were not copied
    /// are read; empty when unknown (then only `data/` and absolute paths are tried).
    std::string notebookFolder;
    bool usesMatplotlib = false;

    bool operator==(const GraduationPlan &) const = default;
};

} // namespace tassel
