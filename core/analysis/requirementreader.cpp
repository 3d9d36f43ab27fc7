#include "analysis/requirementreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "util/text.h"

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

// --- A TOML subset: tables, key = "string", key = [arrays of strings], key = {inline table}. ---

struct TomlValue
{
    std::string table;
    std::string key;
    int line = 0;
    std::vector<std::pair<std::string, int>> strings; ///< strings of a string or array value
    std::string inlineTable; ///< raw text of an inline table value
};

/// Strings at the top level of `text` (not inside an inline table), with their line.
void collectStrings(std::string_view text, int firstLine, std::vector<std::pair<std::string, int>> &out)
{
    int line = firstLine;
    int braces = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
        } else if (c == '#') {
            while (i < text.size() && text[i] != '\n')
                ++i;
            --i;
        } else if (c == '{') {
            ++braces;
        } else if (c == '}') {
            --braces;
        } else if (c == '"' || c == '\'') {
            std::string value;
            std::size_t j = i + 1;
            for (; j < text.size() && text[j] != c && text[j] != '\n'; ++j) {
                if (c == '"' && text[j] == '\\' && j + 1 < text.size())
                    ++j;
                value += text[j];
            }
            if (braces == 0)
                out.emplace_back(std::move(value), line);
            i = j;
        }
    }
}

int bracketBalance(std::string_view text)
{
    int balance = 0;
    char quote = 0;
    bool comment = false;
    for (char c : text) {
        if (c == '\n') {
            comment = false;
            quote = 0;
        } else if (comment) {
            continue;
        } else if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#') {
            comment = true;
        } else if (c == '[' || c == '{') {
            ++balance;
        } else if (c == ']' || c == '}') {
            --balance;
        }
    }
    return balance;
}

std::string unquoteKey(std::string_view key)
{
    key = trim(key);
    if (key.size() >= 2 && (key.front() == '"' || key.front() == '\''))
        key = key.substr(1, key.size() - 2);
    return std::string(key);
}

std::vector<TomlValue> parseToml(std::string_view text, int firstLine = 1)
{
    std::vector<TomlValue> values;
    const auto lines = splitLines(text);
    std::string table;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = trim(lines[i]);
        if (line.empty() || line.front() == '#')
            continue;
        if (line.front() == '[') {
            std::string_view header = line.substr(0, line.find(']'));
            header.remove_prefix(header.starts_with("[[") ? 2 : 1);
            table = std::string(trim(header));
            continue;
        }
        const std::size_t equals = line.find('=');
        if (equals == std::string_view::npos)
            continue;
        TomlValue value;
        value.table = table;
        value.key = unquoteKey(line.substr(0, equals));
        value.line = firstLine + int(i);
        std::string body(trim(line.substr(equals + 1)));
        int balance = bracketBalance(body);
        while (balance > 0 && i + 1 < lines.size()) {
            ++i;
            body += '\n' + lines[i];
            balance = bracketBalance(body);
        }
        if (body.starts_with('{'))
            value.inlineTable = body;
        else
            collectStrings(body, value.line, value.strings);
        values.push_back(std::move(value));
    }
    return values;
}

/// `version = "..."` inside an inline table, or nothing.
std::string inlineVersion(std::string_view table)
{
    const std::size_t key = table.find("version");
    if (key == std::string_view::npos)
        return {};
    std::vector<std::pair<std::string, int>> strings;
    const std::size_t equals = table.find('=', key);
    if (equals == std::string_view::npos)
        return {};
    std::string_view rest = table.substr(equals + 1);
    rest = rest.substr(0, rest.find_first_of(",}"));
    collectStrings(rest, 0, strings);
    return strings.empty() ? std::string() : strings.front().first;
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

void addParsed(std::vector<Requirement> &out, const std::string &text, const std::string &source, int line,
    const std::string &file, std::vector<Error> *problems, const std::string &where)
{
    if (auto requirement = Requirement::parse(text)) {
        requirement->source = source;
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
                addParsed(out, words[1], displayName + " line " + std::to_string(lineNumber), lineNumber,
                    displayName, nullptr, displayName);
            continue;
        }
        if (content.front() == '-')
            continue; // --index-url, -c constraints, --hash lines
        std::string requirement(content);
        if (const std::size_t hashOption = requirement.find(" --hash"); hashOption != std::string::npos)
            requirement.resize(hashOption);
        addParsed(out, requirement, displayName + " line " + std::to_string(lineNumber), lineNumber,
            displayName, problems, displayName);
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
        std::string toml;
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
            toml += std::string(content) + '\n';
        }
        if (!closed) {
            if (problems)
                problems->push_back({"unclosed-script-block", "'# /// script' block has no closing '# ///'",
                    {}, int(i) + 1, 0, {}});
            break;
        }
        for (const auto &value : parseToml(toml, first)) {
            if (!value.table.empty() || value.key != "dependencies")
                continue;
            for (const auto &[text, line] : value.strings) {
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
    std::vector<Requirement> out;
    auto add = [&](const std::string &requirementText, int line, const std::string &where) {
        if (auto requirement = Requirement::parse(requirementText)) {
            requirement->line = line;
            requirement->file = displayName;
            requirement->source = displayName + " " + where + " line " + std::to_string(line);
            out.push_back(std::move(*requirement));
        }
    };
    for (const auto &value : parseToml(*text)) {
        if (value.table == "project" && value.key == "dependencies") {
            for (const auto &[requirement, line] : value.strings)
                add(requirement, line, "[project.dependencies]");
        } else if (value.table == "project.optional-dependencies" || value.table == "dependency-groups") {
            for (const auto &[requirement, line] : value.strings)
                add(requirement, line, "[" + value.table + "." + value.key + "]");
        } else if ((value.table == "tool.poetry.dependencies"
                       || value.table.starts_with("tool.poetry.group."))
            && value.key != "python") {
            const std::string version = value.inlineTable.empty()
                ? (value.strings.empty() ? std::string() : value.strings.front().first)
                : inlineVersion(value.inlineTable);
            Requirement requirement = fromNameAndVersion(value.key, version);
            requirement.line = value.line;
            requirement.file = displayName;
            requirement.source = displayName + " [" + value.table + "] line " + std::to_string(value.line);
            out.push_back(std::move(requirement));
        }
    }
    return out;
}

Result<std::vector<Requirement>> RequirementReader::readPipfile(
    const std::string &path, const std::string &displayName)
{
    const auto text = readText(path, displayName);
    if (!text.ok())
        return text.error();
    std::vector<Requirement> out;
    for (const auto &value : parseToml(*text)) {
        if (value.table != "packages" && value.table != "dev-packages")
            continue;
        const std::string version = value.inlineTable.empty()
            ? (value.strings.empty() ? std::string() : value.strings.front().first)
            : inlineVersion(value.inlineTable);
        Requirement requirement = fromNameAndVersion(value.key, version);
        requirement.line = value.line;
        requirement.file = displayName;
        requirement.source = displayName + " [" + value.table + "] line " + std::to_string(value.line);
        out.push_back(std::move(requirement));
    }
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
        requirement->source = displayName + " line " + std::to_string(lineNumber);
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
