#include "analysis/requirementreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "util/text.h"
#include "util/toml.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace tassel {

namespace {

std::string_view trim(std::string_view text)
{
    return trimmed(text);
}

std::vector<std::string> splitLines(std::string_view text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string line(text.substr(start, end - start));
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

/// Shell-like words: quotes group, backslash-newline already joined by the caller.
std::vector<std::string> shellWords(std::string_view text)
{
    std::vector<std::string> words;
    std::string current;
    bool inWord = false;
    char quote = 0;
    for (char c : text) {
        if (quote) {
            if (c == quote)
                quote = 0;
            else
                current += c;
        } else if (c == '"' || c == '\'') {
            quote = c;
            inWord = true;
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            if (inWord)
                words.push_back(std::move(current));
            current.clear();
            inWord = false;
        } else if (c == '#' && !inWord) {
            break; // shell comment
        } else if (c == ';' || c == '&' || c == '|') {
            if (inWord)
                words.push_back(std::move(current));
            words.push_back(std::string(1, c));
            current.clear();
            inWord = false;
        } else {
            current += c;
            inWord = true;
        }
    }
    if (inWord)
        words.push_back(std::move(current));
    return words;
}

Result<std::string> readText(const std::string &path, const std::string &displayName)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return Error {
            "read-failed", "cannot read: " + file.errorString().toStdString(), displayName, 0, 0, {}};
    if (file.size() > (16 << 20))
        return Error {
            "file-too-large", "declaration file larger than 16 MiB, not read", displayName, 0, 0, {}};
    return file.readAll().toStdString();
}

/// Strings of a TOML array (other items, like PEP 735 `{include-group = ...}`, are skipped),
/// each with its line.
std::vector<std::pair<std::string, int>> stringsOf(const toml::node *node, const TomlOrigin &origin)
{
    std::vector<std::pair<std::string, int>> out;
    if (const toml::array *array = node ? node->as_array() : nullptr) {
        for (const toml::node &item : *array) {
            if (const auto text = item.value<std::string>(); text && item.is_string())
                out.emplace_back(*text, tomlLine(item.source(), origin));
        }
    }
    return out;
}

/// Poetry and Pipfile give a version string or a table holding one: `rich = "^13"`,
/// `sqlalchemy = {version = ">=2.0"}`.
std::string versionOf(const toml::node &value)
{
    if (const toml::table *table = value.as_table())
        return table->contains("version") ? (*table)["version"].value_or(std::string()) : std::string();
    return value.is_string() ? value.value_or(std::string()) : std::string();
}

/// Poetry and Pipfile write "^1.2", "~1.2", "1.2", "*": turn them into a specifier.
Requirement fromNameAndVersion(const std::string &name, const std::string &version)
{
    Requirement requirement;
    requirement.name = name;
    std::string spec = version == "*" ? std::string() : version;
    if (!spec.empty() && std::isdigit(static_cast<unsigned char>(spec.front())))
        spec = "==" + spec;
    requirement.specifier = spec;
    if (spec.starts_with("==") && spec.find_first_of("*,") == std::string::npos)
        requirement.pinnedVersion = spec.substr(2);
    return requirement;
}

/// Requirements of a Poetry or Pipfile table that maps names to versions.
void addNamedTable(std::vector<Requirement> &out, const toml::node *node, const std::string &tableName,
    const std::string &displayName, const TomlOrigin &origin)
{
    const toml::table *table = node ? node->as_table() : nullptr;
    if (!table)
        return;
    for (const auto &[key, value] : *table) {
        if (key.str() == "python")
            continue; // the interpreter, not a distribution
        Requirement requirement = fromNameAndVersion(std::string(key.str()), versionOf(value));
        requirement.line = tomlLine(key.source(), origin);
        requirement.file = displayName;
        requirement.setSource(Message("declaration.file-table-line")
                                  .arg("file", displayName)
                                  .arg("table", "[" + tableName + "]")
                                  .arg("source_line", requirement.line));
        out.push_back(std::move(requirement));
    }
}

/// TOML tables are kept sorted by key: give requirements back in the order of the file.
void sortByLine(std::vector<Requirement> &requirements)
{
    std::stable_sort(requirements.begin(), requirements.end(),
        [](const Requirement &a, const Requirement &b) { return a.line < b.line; });
}

void addParsed(std::vector<Requirement> &out, const std::string &text, int line, const std::string &file,
    std::vector<Error> *problems, const std::string &where)
{
    if (auto requirement = Requirement::parse(text)) {
        requirement->setSource(Message("declaration.file-line").arg("file", file).arg("source_line", line));
        requirement->line = line;
        requirement->file = file;
        out.push_back(std::move(*requirement));
    } else if (problems) {
        problems->push_back(
            {"bad-requirement", "cannot read requirement '" + text + "'", where, line, 0, {}});
    }
}

std::vector<Requirement> readRequirementsRecursive(const std::string &path, const std::string &displayName,
    std::set<std::string> &seen, std::vector<Error> *problems, Error *fatal)
{
    std::vector<Requirement> out;
    const std::string canonical = QFileInfo(QString::fromStdString(path)).absoluteFilePath().toStdString();
    if (!seen.insert(canonical).second)
        return out; // -r loops
    const auto text = readText(path, displayName);
    if (!text.ok()) {
        if (fatal)
            *fatal = text.error();
        else if (problems)
            problems->push_back(text.error());
        return out;
    }
    const auto lines = splitLines(*text);
    const QString folder = QFileInfo(QString::fromStdString(path)).absolutePath();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const int lineNumber = int(i) + 1;
        std::string line = lines[i];
        while (!line.empty() && line.back() == '\\' && i + 1 < lines.size())
            line = line.substr(0, line.size() - 1) + lines[++i];
        if (const std::size_t hash = line.find(" #"); hash != std::string::npos)
            line.resize(hash);
        const std::string_view content = trim(line);
        if (content.empty() || content.front() == '#')
            continue;
        if (content.starts_with("-r ") || content.starts_with("--requirement")) {
            const auto words = shellWords(content);
            if (words.size() >= 2) {
                const std::string nested
                    = QDir(folder).filePath(QString::fromStdString(words[1])).toStdString();
                auto more = readRequirementsRecursive(nested, words[1], seen, problems, nullptr);
                out.insert(out.end(), more.begin(), more.end());
            }
            continue;
        }
        if (content.starts_with("-e ") || content.starts_with("--editable")) {
            const auto words = shellWords(content);
            if (words.size() >= 2)
                addParsed(out, words[1], lineNumber, displayName, nullptr, displayName);
            continue;
        }
        if (content.front() == '-')
            continue; // --index-url, -c constraints, --hash lines
        std::string requirement(content);
        if (const std::size_t hashOption = requirement.find(" --hash"); hashOption != std::string::npos)
            requirement.resize(hashOption);
        addParsed(out, requirement, lineNumber, displayName, problems, displayName);
    }
    return out;
}

// pip options that take a value (the next word, unless written --opt=value).
const std::set<std::string_view> kPipValueOptions = {"-c", "--constraint", "-i", "--index-url",
    "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--trusted-host",
    "--upgrade-strategy", "--platform", "--python-version", "--implementation", "--abi", "--only-binary",
    "--no-binary", "--timeout", "--proxy", "--src", "--cache-dir", "--progress-bar", "--python", "--log",
    "--retries", "--config-settings", "-C", "--report", "--group", "--extra", "--index", "--default-index"};
const std::set<std::string_view> kCondaValueOptions
    = {"-c", "--channel", "-n", "--name", "-p", "--prefix", "--file", "--override-channels", "--solver"};

} // namespace

bool RequirementReader::splitInstaller(std::string_view line, Tool *tool, std::string *command)
{
    const auto words = shellWords(line);
    std::size_t i = 0;
    // sudo, env, python -m pip, python3.11 -m pip, uv pip, micromamba.
    while (i < words.size() && (words[i] == "sudo" || words[i].find('=') != std::string::npos))
        ++i;
    if (i >= words.size())
        return false;
    std::string program = words[i];
    if (const std::size_t slash = program.rfind('/'); slash != std::string::npos)
        program = program.substr(slash + 1);
    if (program.starts_with("python") && i + 2 < words.size() && words[i + 1] == "-m") {
        i += 2;
        program = words[i];
    }
    if (program == "uv" && i + 1 < words.size() && words[i + 1] == "pip") {
        ++i;
        program = "pip";
    } else if (program == "uv") {
        program = "pip"; // uv add pkg
    }
    if (program == "pip" || program == "pip3" || program.starts_with("pip3."))
        *tool = Tool::Pip;
    else if (program == "conda" || program == "mamba" || program == "micromamba")
        *tool = Tool::Conda;
    else
        return false;
    std::string rest;
    for (std::size_t j = i + 1; j < words.size(); ++j) {
        if (words[j] == ";" || words[j] == "&" || words[j] == "|")
            break;
        rest += (rest.empty() ? "" : " ")
            + (words[j].find(' ') != std::string::npos ? "'" + words[j] + "'" : words[j]);
    }
    *command = rest;
    return true;
}

std::vector<Requirement> RequirementReader::fromInstallCommand(
    std::string_view command, Tool tool, const std::string &baseDir, std::vector<Error> *problems)
{
    std::vector<Requirement> out;
    const auto words = shellWords(command);
    if (words.empty() || (words[0] != "install" && words[0] != "add"))
        return out;
    const auto &valueOptions = tool == Tool::Pip ? kPipValueOptions : kCondaValueOptions;
    for (std::size_t i = 1; i < words.size(); ++i) {
        const std::string &word = words[i];
        if (word == ";" || word == "&" || word == "|")
            break;
        if (word == "-r" || word == "--requirement" || (tool == Tool::Conda && word == "--file")) {
            if (i + 1 < words.size()) {
                const std::string file = words[++i];
                const std::string path = QDir(QString::fromStdString(baseDir))
                                             .filePath(QString::fromStdString(file))
                                             .toStdString();
                std::set<std::string> seen;
                Error fatal;
                auto more = readRequirementsRecursive(path, file, seen, problems, &fatal);
                if (!fatal.code.empty() && problems)
                    problems->push_back(fatal);
                out.insert(out.end(), more.begin(), more.end());
            }
            continue;
        }
        if (word.starts_with("-r") && word.size() > 2 && tool == Tool::Pip)
            continue;
        if (word == "-e" || word == "--editable")
            continue; // the next word is a path or VCS URL, handled below
        if (word.starts_with('-')) {
            if (word.find('=') == std::string::npos && valueOptions.contains(word))
                ++i;
            continue;
        }
        auto requirement = tool == Tool::Pip ? Requirement::parse(word) : Requirement::parseConda(word);
        if (requirement)
            out.push_back(std::move(*requirement));
    }
    return out;
}

std::vector<Requirement> RequirementReader::fromScriptBlock(
    std::string_view source, std::vector<Error> *problems)
{
    std::vector<Requirement> out;
    const auto lines = splitLines(source);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (trim(lines[i]) != "# /// script")
            continue;
        std::string blockText;
        const int first = int(i) + 2;
        std::size_t j = i + 1;
        bool closed = false;
        for (; j < lines.size(); ++j) {
            const std::string_view line = lines[j];
            if (trim(line) == "# ///") {
                closed = true;
                break;
            }
            std::string_view content = line;
            if (content.starts_with("# "))
                content.remove_prefix(2);
            else if (content.starts_with('#'))
                content.remove_prefix(1);
            blockText += std::string(content) + '\n';
        }
        if (!closed) {
            if (problems)
                problems->push_back({"unclosed-script-block", "'# /// script' block has no closing '# ///'",
                    {}, int(i) + 1, 0, {}});
            break;
        }
        const TomlOrigin origin {{}, first};
        const auto document = parseToml(blockText, origin);
        if (!document.ok()) {
            if (problems)
                problems->push_back(document.error());
        } else {
            for (const auto &[text, line] : stringsOf(document->get("dependencies"), origin)) {
                if (auto requirement = Requirement::parse(text)) {
                    requirement->line = line;
                    out.push_back(std::move(*requirement));
                }
            }
        }
        i = j;
    }
    return out;
}

Result<std::vector<Requirement>> RequirementReader::readRequirementsFile(
    const std::string &path, const std::string &displayName)
{
    std::set<std::string> seen;
    Error fatal;
    auto out = readRequirementsRecursive(path, displayName, seen, nullptr, &fatal);
    if (!fatal.code.empty())
        return fatal;
    return out;
}

Result<std::vector<Requirement>> RequirementReader::readPyproject(
    const std::string &path, const std::string &displayName)
{
    const auto text = readText(path, displayName);
    if (!text.ok())
        return text.error();
    const TomlOrigin origin {displayName, 1};
    const auto document = parseToml(*text, origin);
    if (!document.ok())
        return document.error();
    std::vector<Requirement> out;
    auto add = [&](const toml::node *array, const std::string &where) {
        for (const auto &[requirementText, line] : stringsOf(array, origin)) {
            if (auto requirement = Requirement::parse(requirementText)) {
                requirement->line = line;
                requirement->file = displayName;
                requirement->setSource(Message("declaration.file-table-line")
                                           .arg("file", displayName)
                                           .arg("table", where)
                                           .arg("source_line", line));
                out.push_back(std::move(*requirement));
            }
        }
    };
    add(document->at_path("project.dependencies").node(), "[project.dependencies]");
    for (const std::string table : {"project.optional-dependencies", "dependency-groups"}) {
        if (const toml::table *groups = document->at_path(table).as_table()) {
            for (const auto &[group, array] : *groups)
                add(&array, "[" + table + "." + std::string(group.str()) + "]");
        }
    }
    addNamedTable(out, document->at_path("tool.poetry.dependencies").node(), "tool.poetry.dependencies",
        displayName, origin);
    if (const toml::table *groups = document->at_path("tool.poetry.group").as_table()) {
        for (const auto &[group, settings] : *groups) {
            const std::string name = "tool.poetry.group." + std::string(group.str()) + ".dependencies";
            addNamedTable(out, document->at_path(name).node(), name, displayName, origin);
        }
    }
    sortByLine(out);
    return out;
}

Result<std::vector<Requirement>> RequirementReader::readPipfile(
    const std::string &path, const std::string &displayName)
{
    const auto text = readText(path, displayName);
    if (!text.ok())
        return text.error();
    const TomlOrigin origin {displayName, 1};
    const auto document = parseToml(*text, origin);
    if (!document.ok())
        return document.error();
    std::vector<Requirement> out;
    for (const std::string table : {"packages", "dev-packages"})
        addNamedTable(out, document->get(table), table, displayName, origin);
    sortByLine(out);
    return out;
}

Result<std::vector<Requirement>> RequirementReader::readEnvironmentYml(
    const std::string &path, const std::string &displayName)
{
    const auto text = readText(path, displayName);
    if (!text.ok())
        return text.error();
    std::vector<Requirement> out;
    const auto lines = splitLines(*text);
    bool inDependencies = false;
    int pipIndent = -1;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string line = lines[i];
        if (const std::size_t hash = line.find(" #"); hash != std::string::npos)
            line.resize(hash);
        const std::string_view content = trim(line);
        if (content.empty() || content.front() == '#')
            continue;
        const int indent = int(line.find_first_not_of(' '));
        if (indent == 0 && content.front() != '-') {
            inDependencies = content.starts_with("dependencies:");
            pipIndent = -1;
            continue;
        }
        if (!inDependencies || content.front() != '-')
            continue;
        const std::string item(trim(content.substr(1)));
        if (pipIndent >= 0 && indent <= pipIndent)
            pipIndent = -1;
        if (item == "pip:") {
            pipIndent = indent;
            continue;
        }
        const int lineNumber = int(i) + 1;
        auto requirement = pipIndent >= 0 ? Requirement::parse(item) : Requirement::parseConda(item);
        if (!requirement) {
            if (pipIndent < 0 && item.find("::") == std::string::npos)
                return Error {"bad-requirement", "cannot read dependency '" + item + "'", displayName,
                    lineNumber, indent + 1, {}};
            continue;
        }
        if (pipIndent < 0 && (requirement->name == "python" || requirement->name == "pip"))
            continue;
        requirement->line = lineNumber;
        requirement->file = displayName;
        requirement->setSource(
            Message("declaration.file-line").arg("file", displayName).arg("source_line", lineNumber));
        out.push_back(std::move(*requirement));
    }
    return out;
}

std::vector<Requirement> RequirementReader::readProjectFiles(
    const std::string &dir, std::vector<Error> *problems)
{
    std::vector<Requirement> out;
    const QDir folder(QString::fromStdString(dir));
    auto take = [&](const Result<std::vector<Requirement>> &result) {
        if (result.ok())
            out.insert(out.end(), result->begin(), result->end());
        else if (problems)
            problems->push_back(result.error());
    };
    const QStringList requirementFiles
        = folder.entryList({QStringLiteral("requirements*.txt")}, QDir::Files | QDir::Readable, QDir::Name);
    // One set for all files: a file already pulled in by another's -r is not read twice.
    std::set<std::string> seen;
    for (const QString &name : requirementFiles) {
        auto more = readRequirementsRecursive(
            folder.filePath(name).toStdString(), name.toStdString(), seen, problems, nullptr);
        out.insert(out.end(), more.begin(), more.end());
    }
    if (folder.exists(QStringLiteral("pyproject.toml")))
        take(
            readPyproject(folder.filePath(QStringLiteral("pyproject.toml")).toStdString(), "pyproject.toml"));
    for (const QString &name : {QStringLiteral("environment.yml"), QStringLiteral("environment.yaml")}) {
        if (folder.exists(name))
            take(readEnvironmentYml(folder.filePath(name).toStdString(), name.toStdString()));
    }
    if (folder.exists(QStringLiteral("Pipfile")))
        take(readPipfile(folder.filePath(QStringLiteral("Pipfile")).toStdString(), "Pipfile"));
    return out;
}

} // namespace tassel
