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

/// DependencyChecker::check's stages over one notebook: the environment and Python version, the
/// declarations, the imports, then the findings that compare them.
class DependencyCheck
{
public:
    DependencyCheck(const DependencyChecker::Options &options, const Notebook &notebook,
        const std::vector<CellSymbols> &cells, const std::string &notebookDir)
        : m_options(options)
        , m_notebook(notebook)
        , m_cells(cells)
        , m_notebookDir(notebookDir)
        , m_cellCount(std::min(cells.size(), notebook.cells.size()))
        , m_folders(searchFolders(notebookDir))
    {
    }

    DependencyReport run();

private:
    void findEnvironment();
    void choosePythonMinor();
    void readDeclarations();
    void readInstallMagic(int cell, const MagicRef &magic);
    void reportShellInstall(int cell, const MagicRef &magic, const Installer &installer);
    void readImports();
    void addImport(int cell, const ImportRef &ref);
    bool chooseDistribution(ImportInfo &info, const ImportRef &ref, const std::string &top) const;
    void matchDeclarations();
    const Requirement *declarationOf(std::size_t import, std::vector<bool> &declarationUsed) const;
    void reportImport(const ImportInfo &info, const Requirement *chosen);
    void reportUnusedDeclarations(const std::vector<bool> &declarationUsed);
    Finding findingIn(int cell, std::string rule, Severity severity, int line) const;

    const DependencyChecker::Options &m_options;
    const Notebook &m_notebook;
    const std::vector<CellSymbols> &m_cells;
    const std::string &m_notebookDir;
    const std::size_t m_cellCount;
    DependencyReport m_report;
    std::optional<DependencyEnvironment> m_environment;
    std::vector<QString> m_folders; ///< where local modules are searched
    std::map<std::string, std::size_t> m_indexByKey; ///< "kind:module or distribution" -> import
    std::vector<bool> m_tableMapped; ///< per import: its distribution came from ImportMap's table
};

DependencyReport DependencyCheck::run()
{
    findEnvironment();
    choosePythonMinor();
    readDeclarations();
    readImports();
    matchDeclarations();
    if (m_environment)
        m_report.required = m_environment->requiredBy(installedImports(m_report.imports, *m_environment));
    return std::move(m_report);
}

void DependencyCheck::findEnvironment()
{
    m_environment = m_options.environment;
    if (m_environment || m_options.pythonExecutable.empty())
        return;
    auto queried = DependencyEnvironment::query(m_options.pythonExecutable, m_options.timeoutMs);
    if (queried.ok())
        m_environment = std::move(queried).value();
    else
        m_report.problems.push_back(queried.error());
}

void DependencyCheck::choosePythonMinor()
{
    int minor = m_options.pythonMinor;
    if (minor == 0 && m_environment)
        minor = m_environment->minor;
    if (minor == 0)
        minor = StdlibModules::minorFromVersion(m_notebook.languageVersion());
    if (minor == 0)
        minor = StdlibModules::kDefaultMinor;
    m_report.pythonMinor = minor;
}

/// Install lines and PEP 723 blocks in the cells, then files beside the notebook.
void DependencyCheck::readDeclarations()
{
    for (std::size_t c = 0; c < m_cellCount; ++c) {
        const int cell = int(c);
        for (const MagicRef &magic : m_cells[c].magics)
            readInstallMagic(cell, magic);
        if (m_notebook.cells[c].isCode()) {
            auto requirements
                = RequirementReader::fromScriptBlock(m_notebook.cells[c].source, &m_report.problems);
            for (auto &requirement : requirements) {
                requirement.cell = cell;
                requirement.setSource(Message("declaration.pep723").cell("source_cell", cell));
                m_report.declarations.push_back(std::move(requirement));
            }
        }
    }
    if (!m_notebookDir.empty()) {
        auto files = RequirementReader::readProjectFiles(m_notebookDir, &m_report.problems);
        m_report.declarations.insert(m_report.declarations.end(), files.begin(), files.end());
    }
}

void DependencyCheck::readInstallMagic(int cell, const MagicRef &magic)
{
    const auto installer = installerOf(magic);
    if (!installer)
        return;
    auto requirements = RequirementReader::fromInstallCommand(
        installer->command, installer->tool, m_notebookDir, &m_report.problems);
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
        m_report.declarations.push_back(std::move(requirement));
    }
    if (installer->shell && installer->command.starts_with("install"))
        reportShellInstall(cell, magic, *installer);
}

void DependencyCheck::reportShellInstall(int cell, const MagicRef &magic, const Installer &installer)
{
    Finding finding = findingIn(cell, "shell-install", Severity::Warning, magic.range.line);
    finding.column = magic.range.column;
    finding.endLine = magic.range.endLine;
    finding.endColumn = magic.range.endColumn;
    finding.names.push_back(installer.spelling);
    const std::string magicForm = installer.tool == RequirementReader::Tool::Pip ? "%pip" : "%conda";
    finding.setMessage(Message("shell-install")
                           .arg("installer", installer.spelling)
                           .cell("cell", cell)
                           .arg("magic", magicForm));
    m_report.findings.push_back(std::move(finding));
}

/// One entry per module (first place it is imported); optional only if every import of it is
/// guarded by try/except ImportError.
void DependencyCheck::readImports()
{
    for (std::size_t c = 0; c < m_cellCount; ++c) {
        for (const ImportRef &ref : m_cells[c].imports) {
            if (!ref.module.empty())
                addImport(int(c), ref);
        }
    }
}

void DependencyCheck::addImport(int cell, const ImportRef &ref)
{
    ImportInfo info;
    info.cell = cell;
    info.line = ref.range.line;
    info.optional = ref.optional;
    bool fromTable = false;
    const std::string top = topLevel(ref.module);
    if (ref.module.starts_with('.') || isLocalModule(top, m_folders)) {
        info.kind = "local";
        info.module = ref.module.starts_with('.') ? ref.module : top;
    } else if (StdlibModules::contains(top, m_report.pythonMinor)) {
        info.kind = "stdlib";
        info.module = top;
    } else {
        info.kind = "third-party";
        info.module = isNamespaceRoot(top) ? ref.module : top;
        fromTable = chooseDistribution(info, ref, top);
    }
    const std::string key = info.kind + ":"
        + (info.kind == "third-party" ? Requirement::normalize(info.distribution) : info.module);
    if (const auto it = m_indexByKey.find(key); it != m_indexByKey.end()) {
        ImportInfo &existing = m_report.imports[it->second];
        existing.optional = existing.optional && info.optional;
        return;
    }
    m_indexByKey.emplace(key, m_report.imports.size());
    m_report.imports.push_back(std::move(info));
    m_tableMapped.push_back(fromTable);
}

/// The distribution of a third-party import: the one installed for it (the table's choice among
/// several), else the built-in table's, else the import name. Returns whether the table chose it.
bool DependencyCheck::chooseDistribution(ImportInfo &info, const ImportRef &ref, const std::string &top) const
{
    const auto mapped = ImportMap::lookup(ref.module);
    std::vector<std::string> installed;
    if (m_environment) {
        if (const auto it = m_environment->distributionsByImport.find(top);
            it != m_environment->distributionsByImport.end())
            installed = it->second;
    }
    if (installed.size() == 1) {
        info.distribution = installed.front();
    } else if (!installed.empty()) {
        const auto match = std::find_if(installed.begin(), installed.end(), [&](const std::string &d) {
            return mapped && Requirement::normalize(d) == Requirement::normalize(*mapped);
        });
        info.distribution = match != installed.end() ? *match : installed.front();
        info.distributionGuessed = match == installed.end();
    } else if (mapped) {
        info.distribution = *mapped;
        info.distributionGuessed = true;
        return true;
    } else {
        info.distribution = top;
        info.distributionGuessed = true;
    }
    return false;
}

/// Matches declarations to imports by PEP 503 name (distribution or import name) and reports
/// undeclared and unpinned imports, then declarations nothing imports.
void DependencyCheck::matchDeclarations()
{
    std::vector<bool> declarationUsed(m_report.declarations.size(), false);
    for (std::size_t i = 0; i < m_report.imports.size(); ++i) {
        ImportInfo &info = m_report.imports[i];
        if (info.kind != "third-party")
            continue;
        const Requirement *chosen = declarationOf(i, declarationUsed);
        if (chosen) {
            info.declared = true;
            info.pinned = chosen->pinnedVersion.has_value();
            info.version = chosen->pinnedVersion;
            info.source = chosen->source;
        }
        if (!info.version && m_environment) {
            const auto &versions = m_environment->versionByDistribution;
            if (const auto it = versions.find(Requirement::normalize(info.distribution));
                it != versions.end()) {
                info.version = it->second;
                if (info.source.empty())
                    info.source = "installed in " + m_environment->interpreter;
            }
        }
        reportImport(info, chosen);
    }
    reportUnusedDeclarations(declarationUsed);
}

/// The declaration of import `import` (a pinned one first); marks every declaration it matches used.
const Requirement *DependencyCheck::declarationOf(
    std::size_t import, std::vector<bool> &declarationUsed) const
{
    const ImportInfo &info = m_report.imports[import];
    const std::string distribution = Requirement::normalize(info.distribution);
    const std::string importName = Requirement::normalize(topLevel(info.module));
    const Requirement *chosen = nullptr;
    for (std::size_t r = 0; r < m_report.declarations.size(); ++r) {
        const Requirement &requirement = m_report.declarations[r];
        const std::string name = requirement.normalizedName();
        // opencv-python-headless also provides cv2, psycopg2 also provides psycopg2.
        const bool matches = name == distribution || name == importName
            || (m_tableMapped[import] && name.starts_with(distribution + "-"));
        if (!matches)
            continue;
        declarationUsed[r] = true;
        if (!chosen || (!chosen->pinnedVersion && requirement.pinnedVersion))
            chosen = &requirement;
    }
    return chosen;
}

void DependencyCheck::reportImport(const ImportInfo &info, const Requirement *chosen)
{
    if (chosen && info.pinned)
        return;
    Finding finding = findingIn(info.cell, chosen ? "unpinned-dependency" : "undeclared-dependency",
        info.optional ? Severity::Info : Severity::Warning, info.line);
    finding.names = {info.module, info.distribution};
    if (!chosen) {
        finding.setMessage(
            Message(info.distributionGuessed ? "undeclared-dependency.guessed" : "undeclared-dependency")
                .arg("module", info.module)
                .cell("cell", info.cell)
                .arg("distribution", info.distribution));
    } else {
        Message message(chosen->specifier.empty() ? "unpinned-dependency" : "unpinned-dependency.constraint");
        finding.setMessage(std::move(message.arg("distribution", info.distribution)
                                         .arg("module", info.module)
                                         .cell("cell", info.cell)
                                         .arg("source", chosen->source)
                                         .nest("source_id", chosen->sourceKey)
                                         .arg("specifier", chosen->specifier)));
    }
    m_report.findings.push_back(std::move(finding));
}

void DependencyCheck::reportUnusedDeclarations(const std::vector<bool> &declarationUsed)
{
    std::set<std::string> reported;
    for (std::size_t r = 0; r < m_report.declarations.size(); ++r) {
        const Requirement &requirement = m_report.declarations[r];
        const std::string name = requirement.normalizedName();
        if (declarationUsed[r] || kToolDistributions.contains(name) || !reported.insert(name).second)
            continue;
        // Declared under an import name of the standard library or a local module counts as used.
        const bool importedOtherwise = std::any_of(m_report.imports.begin(), m_report.imports.end(),
            [&](const ImportInfo &info) { return Requirement::normalize(topLevel(info.module)) == name; });
        if (importedOtherwise)
            continue;
        Finding finding = findingIn(requirement.cell, "unused-declaration", Severity::Info,
            requirement.cell >= 0 ? requirement.line : 0);
        finding.names = {requirement.name};
        finding.setMessage(Message("unused-declaration")
                               .arg("distribution", requirement.name)
                               .arg("source", requirement.source)
                               .nest("source_id", requirement.sourceKey));
        m_report.findings.push_back(std::move(finding));
    }
}

/// A finding at `line` of cell `cell` (-1: a file beside the notebook), with the cell's id.
Finding DependencyCheck::findingIn(int cell, std::string rule, Severity severity, int line) const
{
    Finding finding;
    finding.rule = std::move(rule);
    finding.severity = severity;
    finding.cell = cell;
    if (cell >= 0 && std::size_t(cell) < m_notebook.cells.size())
        finding.cellId = m_notebook.cells[std::size_t(cell)].id;
    finding.line = line;
    return finding;
}

} // namespace

std::string DependencyChecker::localModulePath(const std::string &top, const std::string &notebookDir)
{
    return localModuleFile(top, searchFolders(notebookDir)).toStdString();
}

DependencyReport DependencyChecker::check(
    const Notebook &notebook, const std::vector<CellSymbols> &cells, const std::string &notebookDir) const
{
    return DependencyCheck(m_options, notebook, cells, notebookDir).run();
}

} // namespace tassel
