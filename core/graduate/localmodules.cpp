#include "graduate/localmodules.h"

#include "analysis/dependencychecker.h"
#include "graduate/pythonsource.h"
#include "util/text.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace tassel {

namespace {

// A helper module is source code: more than this is data or a vendored library, not a helper.
constexpr qint64 kMaxModuleBytes = 1024 * 1024;
constexpr int kMaxModuleFiles = 200;

/// The files of a module file or package folder, below the package as `name.py` or `name/...`;
/// empty when they are all Python and small enough, else why they cannot be copied.
std::string readModule(const QString &path, LocalModule &module)
{
    const QString name = QString::fromStdString(module.name);
    std::vector<std::pair<QString, QString>> sources; // file, path below the package
    if (QFileInfo(path).isFile()) {
        sources.emplace_back(path, name + QStringLiteral(".py"));
    } else {
        QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString relative = QDir(path).relativeFilePath(file);
            if (relative.contains(QStringLiteral("__pycache__/")))
                continue;
            if (!relative.endsWith(QStringLiteral(".py")))
                return "it holds " + relative.toStdString()
                    + ", which is not Python; copy the package by hand";
            sources.emplace_back(file, name + QLatin1Char('/') + relative);
        }
    }
    if (int(sources.size()) > kMaxModuleFiles)
        return "more than " + std::to_string(kMaxModuleFiles) + " files";
    qint64 total = 0;
    for (const auto &[file, target] : sources) {
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly))
            return "cannot read " + file.toStdString();
        total += in.size();
        if (total > kMaxModuleBytes)
            return "larger than " + std::to_string(kMaxModuleBytes / 1024) + " KiB";
        const QByteArray bytes = in.readAll();
        module.files.emplace_back(target.toStdString(), bytes.toStdString());
    }
    std::sort(module.files.begin(), module.files.end());
    return {};
}

} // namespace

LocalModules::Collected LocalModules::collect(
    const NotebookAnalysis &analysis, const std::string &notebookDir, const std::string &packageName)
{
    Collected out;
    std::set<std::string> names;
    for (const ImportInfo &info : analysis.imports)
        if (info.kind == "local" && !info.module.empty() && info.module.front() != '.')
            names.insert(info.module);
    for (const std::string &name : names) {
        LocalModule module;
        module.name = name;
        const std::string path = DependencyChecker::localModulePath(name, notebookDir);
        if (path.empty()) {
            out.problems.push_back(name + ": not found beside the notebook");
            continue;
        }
        const QDir folder(QString::fromStdString(notebookDir));
        module.origin = folder.relativeFilePath(QString::fromStdString(path)).toStdString();
        const std::string why = readModule(QString::fromStdString(path), module);
        if (!why.empty()) {
            out.problems.push_back(name + " (" + module.origin + "): " + why);
            continue;
        }
        for (auto &[target, content] : module.files)
            content = rewriteSource(content, names, packageName);
        out.modules.push_back(std::move(module));
    }
    return out;
}

std::string LocalModules::rewriteImport(
    std::string_view statement, const std::set<std::string> &names, const std::string &packageName)
{
    const std::string code = PythonSource::withoutComment(statement);
    const std::string comment(statement.substr(std::min(code.size(), statement.size())));
    auto topOf = [](std::string_view module) { return std::string(module.substr(0, module.find('.'))); };
    if (code.rfind("from ", 0) == 0) {
        const auto import = code.find(" import ");
        const std::string module(trimmed(std::string_view(code).substr(5, import - 5)));
        if (import == std::string::npos || !names.count(topOf(module)))
            return std::string(statement);
        return "from " + packageName + "." + module + code.substr(import) + comment;
    }
    if (code.rfind("import ", 0) != 0)
        return std::string(statement);
    std::vector<std::string> lines;
    bool changed = false;
    std::string_view items = std::string_view(code).substr(7);
    while (!items.empty()) {
        const auto comma = items.find(',');
        const std::string item(trimmed(items.substr(0, comma)));
        items = comma == std::string_view::npos ? std::string_view() : items.substr(comma + 1);
        const auto as = item.find(" as ");
        const std::string path(trimmed(std::string_view(item).substr(0, as)));
        if (!names.count(topOf(path))) {
            lines.push_back("import " + item);
            continue;
        }
        changed = true;
        const auto dot = path.rfind('.');
        if (as != std::string::npos) {
            // import a.b as c -> from pkg.a import b as c
            const std::string parent = dot == std::string::npos ? "" : "." + path.substr(0, dot);
            lines.push_back("from " + packageName + parent + " import "
                + path.substr(dot == std::string::npos ? 0 : dot + 1) + item.substr(as));
        } else {
            // import a.b binds a and loads a.b: both, from the package.
            lines.push_back("from " + packageName + " import " + topOf(path));
            if (dot != std::string::npos)
                lines.push_back(
                    "import " + packageName + "." + path + "  # noqa: F401 (loads the submodule)");
        }
    }
    if (!changed)
        return std::string(statement);
    std::string out;
    for (const std::string &line : lines)
        out += (out.empty() ? "" : "\n") + line;
    return out + comment;
}

std::string LocalModules::rewriteSource(
    std::string_view source, const std::set<std::string> &names, const std::string &packageName)
{
    std::string out;
    bool changed = false;
    PythonSource::LineState state;
    for (const std::string &line : PythonSource::splitLines(source)) {
        const bool logicalStart = state.atLogicalStart();
        state.feed(line);
        const auto indentEnd = line.find_first_not_of(" \t");
        const std::string_view rest
            = indentEnd == std::string::npos ? std::string_view() : std::string_view(line).substr(indentEnd);
        if (!logicalStart || !(rest.starts_with("import ") || rest.starts_with("from "))) {
            out += line + '\n';
            continue;
        }
        const std::string indent = line.substr(0, indentEnd);
        const std::string rewritten = rewriteImport(rest, names, packageName);
        changed = changed || rewritten != rest;
        for (const std::string &part : PythonSource::splitLines(rewritten))
            out += indent + part + '\n';
    }
    if (!changed)
        return std::string(source);
    if (!source.empty() && source.back() != '\n' && !out.empty())
        out.pop_back();
    return out;
}

} // namespace tassel
