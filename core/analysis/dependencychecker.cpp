#include "analysis/dependencychecker.h"

#include "analysis/importmap.h"
#include "analysis/requirementreader.h"
#include "analysis/stdlibmodules.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <map>
#include <set>

namespace tassel {

namespace {

// Tools and kernels people install next to their code without importing them.
const std::set<std::string> kToolDistributions
    = {"pip", "setuptools", "wheel", "ipykernel", "jupyter", "jupyterlab", "notebook", "ipython", "python",
        "uv", "build", "twine", "pytest", "black", "ruff", "flake8", "mypy", "pre-commit", "nbconvert",
        "nbformat", "papermill", "jupytext", "ipywidgets", "widgetsnbextension", "jupyter-server"};

// Namespace packages whose distributions follow the dotted path (google.cloud.storage ->
// google-cloud-storage): keep the dotted name so two of them are not merged into one "google".
bool isNamespaceRoot(std::string_view top)
{
    return top == "google" || top == "azure" || top == "azureml";
}

std::string topLevel(std::string_view module)
{
    return std::string(module.substr(0, module.find('.')));
}

std::vector<QString> searchFolders(const std::string &notebookDir)
{
    std::vector<QString> folders;
    if (notebookDir.empty())
        return folders;
    QDir dir(QString::fromStdString(notebookDir));
    folders.push_back(dir.absolutePath());
    if (dir.exists(QStringLiteral("src")))
        folders.push_back(dir.absoluteFilePath(QStringLiteral("src")));
    // Up to the project root (a folder with pyproject.toml, setup.py or .git), at most 3 levels.
    for (int level = 0; level < 3; ++level) {
        const bool root = dir.exists(QStringLiteral("pyproject.toml"))
            || dir.exists(QStringLiteral("setup.py")) || dir.exists(QStringLiteral(".git"));
        if (root || !dir.cdUp())
            break;
        folders.push_back(dir.absolutePath());
        if (dir.exists(QStringLiteral("src")))
            folders.push_back(dir.absoluteFilePath(QStringLiteral("src")));
    }
    return folders;
}

QString localModuleFile(const std::string &top, const std::vector<QString> &folders)
{
    const QString name = QString::fromStdString(top);
    for (const QString &folder : folders) {
        const QDir dir(folder);
        if (QFileInfo(dir.filePath(name + QStringLiteral(".py"))).isFile())
            return dir.filePath(name + QStringLiteral(".py"));
        const QFileInfo package(dir.filePath(name));
        if (package.isDir()
            && !QDir(package.filePath()).entryList({QStringLiteral("*.py")}, QDir::Files).isEmpty())
            return package.filePath();
    }
    return {};
}

bool isLocalModule(const std::string &top, const std::vector<QString> &folders)
{
    return !localModuleFile(top, folders).isEmpty();
}

struct Installer
{
    RequirementReader::Tool tool;
    std::string command;
    bool shell;
    std::string spelling; ///< "%pip", "!pip", "%conda"
};

std::optional<Installer> installerOf(const MagicRef &magic)
{
    Installer installer;
    installer.shell = magic.kind == MagicRef::Kind::Shell;
    std::string line;
    if (installer.shell)
        line = magic.arguments;
    else if (magic.kind == MagicRef::Kind::LineMagic)
        line = magic.name + " " + magic.arguments;
    else
        return std::nullopt;
    if (!RequirementReader::splitInstaller(line, &installer.tool, &installer.command))
        return std::nullopt;
    const std::string program = line.substr(0, line.find(' '));
    installer.spelling = (installer.shell ? "!" : "%") + program;
    return installer;
}

/// The imported distributions whose version is the one installed in `environment`: their
/// requirements there are the ones the notebook ran with (a notebook pin to another version is not).
std::vector<std::string> installedImports(
    const std::vector<ImportInfo> &imports, const DependencyEnvironment &environment)
{
    std::vector<std::string> installed;
    for (const ImportInfo &info : imports) {
        const auto it = environment.versionByDistribution.find(Requirement::normalize(info.distribution));
        if (info.kind == "third-party" && it != environment.versionByDistribution.end()
            && info.version == it->second)
            installed.push_back(info.distribution);
    }
    return installed;
}

} // namespace

std::string DependencyChecker::localModulePath(const std::string &top, const std::string &notebookDir)
{
    return localModuleFile(top, searchFolders(notebookDir)).toStdString();
}

DependencyReport DependencyChecker::check(
    const Notebook &notebook, const std::vector<CellSymbols> &cells, const std::string &notebookDir) const
{
    DependencyReport report;

    std::optional<DependencyEnvironment> environment = m_options.environment;
    if (!environment && !m_options.pythonExecutable.empty()) {
        auto queried = DependencyEnvironment::query(m_options.pythonExecutable, m_options.timeoutMs);
        if (queried.ok())
            environment = std::move(queried).value();
        else
            report.problems.push_back(queried.error());
    }
    int minor = m_options.pythonMinor;
    if (minor == 0 && environment)
        minor = environment->minor;
    if (minor == 0)
        minor = StdlibModules::minorFromVersion(notebook.languageVersion());
    if (minor == 0)
        minor = StdlibModules::kDefaultMinor;
    report.pythonMinor = minor;

    // Declarations: install lines and PEP 723 blocks in the cells, then files beside the notebook.
    const std::size_t cellCount = std::min(cells.size(), notebook.cells.size());
    for (std::size_t c = 0; c < cellCount; ++c) {
        const int cell = int(c);
        for (const MagicRef &magic : cells[c].magics) {
            const auto installer = installerOf(magic);
            if (!installer)
                continue;
            auto requirements = RequirementReader::fromInstallCommand(
                installer->command, installer->tool, notebookDir, &report.problems);
            for (auto &requirement : requirements) {
                if (requirement.file.empty()) {
                    requirement.cell = cell;
                    requirement.line = magic.range.line;
                    requirement.setSource(Message("declaration.install")
                                              .arg("installer", installer->spelling)
                                              .cell("source_cell", cell));
                } else {
                    requirement.setSource(Message("declaration.via-install")
                                              .nest("file_source", requirement.sourceKey)
                                              .arg("installer", installer->spelling)
                                              .cell("source_cell", cell));
                }
                report.declarations.push_back(std::move(requirement));
            }
            if (installer->shell && installer->command.starts_with("install")) {
                Finding finding;
                finding.rule = "shell-install";
                finding.severity = Severity::Warning;
                finding.cell = cell;
                finding.cellId = notebook.cells[c].id;
                finding.line = magic.range.line;
                finding.column = magic.range.column;
                finding.endLine = magic.range.endLine;
                finding.endColumn = magic.range.endColumn;
                finding.names.push_back(installer->spelling);
                const std::string magicForm
                    = installer->tool == RequirementReader::Tool::Pip ? "%pip" : "%conda";
                finding.setMessage(Message("shell-install")
                                       .arg("installer", installer->spelling)
                                       .cell("cell", cell)
                                       .arg("magic", magicForm));
                report.findings.push_back(std::move(finding));
            }
        }
        if (notebook.cells[c].isCode()) {
            auto requirements
                = RequirementReader::fromScriptBlock(notebook.cells[c].source, &report.problems);
            for (auto &requirement : requirements) {
                requirement.cell = cell;
                requirement.setSource(Message("declaration.pep723").cell("source_cell", cell));
                report.declarations.push_back(std::move(requirement));
            }
        }
    }
    if (!notebookDir.empty()) {
        auto files = RequirementReader::readProjectFiles(notebookDir, &report.problems);
        report.declarations.insert(report.declarations.end(), files.begin(), files.end());
    }

    // Imports: one entry per module (first place it is imported); optional only if every import
    // of it is guarded by try/except ImportError.
    const auto folders = searchFolders(notebookDir);
    std::map<std::string, std::size_t> indexByKey;
    std::vector<bool> tableMapped;
    for (std::size_t c = 0; c < cellCount; ++c) {
        for (const ImportRef &ref : cells[c].imports) {
            if (ref.module.empty())
                continue;
            ImportInfo info;
            info.cell = int(c);
            info.line = ref.range.line;
            info.optional = ref.optional;
            bool fromTable = false;
            const std::string top = topLevel(ref.module);
            if (ref.module.starts_with('.') || isLocalModule(top, folders)) {
                info.kind = "local";
                info.module = ref.module.starts_with('.') ? ref.module : top;
            } else if (StdlibModules::contains(top, minor)) {
                info.kind = "stdlib";
                info.module = top;
            } else {
                info.kind = "third-party";
                info.module = isNamespaceRoot(top) ? ref.module : top;
                const auto mapped = ImportMap::lookup(ref.module);
                std::vector<std::string> installed;
                if (environment) {
                    if (const auto it = environment->distributionsByImport.find(top);
                        it != environment->distributionsByImport.end())
                        installed = it->second;
                }
                if (installed.size() == 1) {
                    info.distribution = installed.front();
                } else if (!installed.empty()) {
                    const auto match
                        = std::find_if(installed.begin(), installed.end(), [&](const std::string &d) {
                              return mapped && Requirement::normalize(d) == Requirement::normalize(*mapped);
                          });
                    info.distribution = match != installed.end() ? *match : installed.front();
                    info.distributionGuessed = match == installed.end();
                } else if (mapped) {
                    info.distribution = *mapped;
                    info.distributionGuessed = true;
                    fromTable = true;
                } else {
                    info.distribution = top;
                    info.distributionGuessed = true;
                }
            }
            const std::string key = info.kind + ":"
                + (info.kind == "third-party" ? Requirement::normalize(info.distribution) : info.module);
            if (const auto it = indexByKey.find(key); it != indexByKey.end()) {
                ImportInfo &existing = report.imports[it->second];
                existing.optional = existing.optional && info.optional;
                continue;
            }
            indexByKey.emplace(key, report.imports.size());
            report.imports.push_back(std::move(info));
            tableMapped.push_back(fromTable);
        }
    }

    // Match declarations to imports by PEP 503 name (distribution or import name).
    std::vector<bool> declarationUsed(report.declarations.size(), false);
    for (std::size_t i = 0; i < report.imports.size(); ++i) {
        ImportInfo &info = report.imports[i];
        if (info.kind != "third-party")
            continue;
        const std::string distribution = Requirement::normalize(info.distribution);
        const std::string importName = Requirement::normalize(topLevel(info.module));
        const Requirement *chosen = nullptr;
        for (std::size_t r = 0; r < report.declarations.size(); ++r) {
            const Requirement &requirement = report.declarations[r];
            const std::string name = requirement.normalizedName();
            // opencv-python-headless also provides cv2, psycopg2 also provides psycopg2.
            const bool matches = name == distribution || name == importName
                || (tableMapped[i] && name.starts_with(distribution + "-"));
            if (!matches)
                continue;
            declarationUsed[r] = true;
            if (!chosen || (!chosen->pinnedVersion && requirement.pinnedVersion))
                chosen = &requirement;
        }
        if (chosen) {
            info.declared = true;
            info.pinned = chosen->pinnedVersion.has_value();
            info.version = chosen->pinnedVersion;
            info.source = chosen->source;
        }
        if (!info.version && environment) {
            if (const auto it = environment->versionByDistribution.find(distribution);
                it != environment->versionByDistribution.end()) {
                info.version = it->second;
                if (info.source.empty())
                    info.source = "installed in " + environment->interpreter;
            }
        }

        Finding finding;
        finding.severity = info.optional ? Severity::Info : Severity::Warning;
        finding.cell = info.cell;
        if (info.cell >= 0 && std::size_t(info.cell) < notebook.cells.size())
            finding.cellId = notebook.cells[std::size_t(info.cell)].id;
        finding.line = info.line;
        finding.names = {info.module, info.distribution};
        if (!chosen) {
            finding.rule = "undeclared-dependency";
            finding.setMessage(
                Message(info.distributionGuessed ? "undeclared-dependency.guessed" : "undeclared-dependency")
                    .arg("module", info.module)
                    .cell("cell", info.cell)
                    .arg("distribution", info.distribution));
            report.findings.push_back(std::move(finding));
        } else if (!info.pinned) {
            finding.rule = "unpinned-dependency";
            Message message(
                chosen->specifier.empty() ? "unpinned-dependency" : "unpinned-dependency.constraint");
            finding.setMessage(std::move(message.arg("distribution", info.distribution)
                                             .arg("module", info.module)
                                             .cell("cell", info.cell)
                                             .arg("source", chosen->source)
                                             .nest("source_id", chosen->sourceKey)
                                             .arg("specifier", chosen->specifier)));
            report.findings.push_back(std::move(finding));
        }
    }

    std::set<std::string> reported;
    for (std::size_t r = 0; r < report.declarations.size(); ++r) {
        const Requirement &requirement = report.declarations[r];
        const std::string name = requirement.normalizedName();
        if (declarationUsed[r] || kToolDistributions.contains(name) || !reported.insert(name).second)
            continue;
        // Declared under an import name of the standard library or a local module counts as used.
        const bool importedOtherwise = std::any_of(report.imports.begin(), report.imports.end(),
            [&](const ImportInfo &info) { return Requirement::normalize(topLevel(info.module)) == name; });
        if (importedOtherwise)
            continue;
        Finding finding;
        finding.rule = "unused-declaration";
        finding.severity = Severity::Info;
        finding.cell = requirement.cell;
        if (requirement.cell >= 0 && std::size_t(requirement.cell) < notebook.cells.size())
            finding.cellId = notebook.cells[std::size_t(requirement.cell)].id;
        finding.line = requirement.cell >= 0 ? requirement.line : 0;
        finding.names = {requirement.name};
        finding.setMessage(Message("unused-declaration")
                               .arg("distribution", requirement.name)
                               .arg("source", requirement.source)
                               .nest("source_id", requirement.sourceKey));
        report.findings.push_back(std::move(finding));
    }
    if (environment)
        report.required = environment->requiredBy(installedImports(report.imports, *environment));
    return report;
}

} // namespace tassel
