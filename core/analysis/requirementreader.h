#pragma once

#include "analysis/requirement.h"
#include "util/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace tassel {

/// Reads declared requirements from the places notebooks keep them: install commands
/// (`%pip install`, `!pip install`, `%conda install`, `%uv pip install`), PEP 723 `# /// script`
/// blocks, and the project files beside a notebook (requirements*.txt, pyproject.toml,
/// environment.yml, Pipfile). Stateless; problems in a file are reported as Errors naming the
/// file and line, and reading carries on with the rest.
class RequirementReader
{
public:
    enum class Tool { Pip, Conda };

    /// Requirements named by an install command line. `command` is what follows the tool, e.g.
    /// "install -q numpy==1.26 -r requirements.txt"; `-r FILE` is read relative to `baseDir`.
    /// Returns nothing for commands other than install/add.
    static std::vector<Requirement> fromInstallCommand(std::string_view command, Tool tool,
        const std::string &baseDir, std::vector<Error> *problems = nullptr);
    /// Splits a shell command into its tool and command: "python -m pip install x" -> (Pip,
    /// "install x"). False when the line runs no package installer.
    static bool splitInstaller(std::string_view line, Tool *tool, std::string *command);

    /// PEP 723 inline script metadata in a cell's source; lines are 1-based in the cell.
    static std::vector<Requirement> fromScriptBlock(
        std::string_view source, std::vector<Error> *problems = nullptr);

    static Result<std::vector<Requirement>> readRequirementsFile(
        const std::string &path, const std::string &displayName);
    static Result<std::vector<Requirement>> readPyproject(
        const std::string &path, const std::string &displayName);
    static Result<std::vector<Requirement>> readEnvironmentYml(
        const std::string &path, const std::string &displayName);
    static Result<std::vector<Requirement>> readPipfile(
        const std::string &path, const std::string &displayName);

    /// Every declaration file directly in `dir`, in a stable order.
    static std::vector<Requirement> readProjectFiles(
        const std::string &dir, std::vector<Error> *problems = nullptr);
};

} // namespace tassel
