#include "graduate/datainputs.h"

#include "graduate/ipythontransformer.h"
#include "graduate/packagewriter.h"
#include "graduate/pythonidentifiers.h"
#include "python/sourcemap.h"
#include "python/syntaxtree.h"
#include "util/escaping.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <optional>

namespace tassel {

namespace {

struct Edit
{
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string text;
};

/// `./data/x.csv` and `data/x.csv` are one input.
std::string withoutDotSlash(std::string path)
{
    while (path.rfind("./", 0) == 0)
        path.erase(0, 2);
    return path;
}

/// A configuration name for an input: its file's stem, else (a pattern) its folder's name.
std::string inputName(const std::string &target, std::set<std::string> &taken)
{
    const QFileInfo info(QString::fromStdString(target));
    const bool pattern = target.find_first_of("*?[") != std::string::npos;
    std::string base
        = pattern ? std::string() : PythonIdentifiers::identifier(info.completeBaseName().toStdString(), "");
    if (base.find_first_not_of('_') == std::string::npos)
        base = PythonIdentifiers::identifier(info.dir().dirName().toStdString(), "input");
    return PythonIdentifiers::unique(base, taken);
}

/// Edits from the end backwards so earlier offsets stay valid; an edit inside another is dropped.
void apply(std::string &source, std::vector<Edit> edits)
{
    std::sort(edits.begin(), edits.end(), [](const Edit &a, const Edit &b) { return a.begin > b.begin; });
    std::size_t limit = source.size();
    for (const Edit &edit : edits) {
        if (edit.end > limit)
            continue;
        source.replace(edit.begin, edit.end - edit.begin, edit.text);
        limit = edit.begin;
    }
}

/// The byte range of the call that starts at `callStart` and holds the edited target: the
/// smallest such call (`pd.read_csv(...)` in `pd.read_csv(...).dropna()`). Empty when the cell
/// does not parse that way.
std::optional<std::pair<std::size_t, std::size_t>> callAround(
    const std::string &source, std::size_t callStart, const Edit &target)
{
    SyntaxTree tree;
    if (!tree.parse(source, 1.0))
        return std::nullopt;
    std::optional<std::pair<std::size_t, std::size_t>> found;
    for (const SyntaxNode &node : tree.nodes())
        if (node.kind == SyntaxKind::Call && node.start == callStart && node.start <= target.begin
            && target.end <= node.end && (!found || node.end < found->second))
            found = std::pair<std::size_t, std::size_t>(node.start, node.end);
    return found;
}

/// A tabular read with a contract, `call(... target ...)`, becomes
/// `check_input("name", call(... input_path("name") ...))`: checked right after it is read.
/// False (and nothing changed) when the call is not found around the target.
bool wrapInCheck(const std::string &source, const IoAccess &access, const std::string &name, Edit &edit)
{
    const auto call = callAround(source, SourceMap(source).offset(access.line, access.column), edit);
    if (!call)
        return false;
    const auto [begin, end] = *call;
    edit.text = "check_input(" + escaping::pythonString(name) + ", "
        + source.substr(begin, edit.begin - begin) + edit.text + source.substr(edit.end, end - edit.end)
        + ")";
    edit.begin = begin;
    edit.end = end;
    return true;
}

/// The existence check guarding an input's read (`os.path.exists("x.csv")`) checks where the
/// read now reads: `os.path.exists(input_path("x"))`. Nothing when no check guards it.
std::optional<Edit> guardEdit(const std::string &source, const IoAccess &access, const std::string &text)
{
    const SourceRange &range = access.guardRange;
    if (range.line == 0)
        return std::nullopt;
    const SourceMap map(source);
    const std::size_t begin = map.offset(range.line, range.column);
    const std::size_t end = map.offset(range.endLine, range.endColumn);
    if (end <= begin || end > source.size())
        return std::nullopt;
    return Edit {begin, end, text};
}

} // namespace

std::string DataInputs::pathInData(const std::string &target)
{
    const std::string path = withoutDotSlash(target);
    return path.rfind("data/", 0) == 0 && path.size() > 5 ? path.substr(5) : path;
}

std::map<int, std::set<std::string>> DataInputs::rewrite(GraduationPlan &plan,
    std::map<int, std::string> &sources, const std::vector<IoAccess> &io, const std::set<int> &untouched)
{
    std::map<int, std::set<std::string>> used;
    std::map<int, std::vector<Edit>> edits;
    // What %%writefile cells write stays where they write it, and so do reads of it.
    std::set<std::string> magicWritten;
    for (const auto &[cell, source] : sources)
        if (source.find("%%") != std::string::npos)
            for (const std::string &path : IPythonTransformer::transform(source).writtenFiles)
                magicWritten.insert(withoutDotSlash(path));
    std::set<std::string> written;
    std::map<std::string, std::string> nameOf; // target -> input name
    std::set<std::string> taken;
    for (const IoAccess &access : io) {
        if (!access.target || access.absolute || (access.kind != "file" && access.kind != "directory"))
            continue;
        const std::string target = withoutDotSlash(*access.target);
        const bool write = access.direction == "write";
        const bool own = write || written.count(target); // what the notebook wrote itself
        if (write)
            written.insert(target);
        if (target.empty() || target == "." || magicWritten.count(target) || access.targetRange.line == 0
            || untouched.count(access.cell) || !sources.count(access.cell) || (own && access.kind != "file"))
            continue;
        std::string &source = sources[access.cell];
        const SourceMap map(source);
        const SourceRange &range = access.targetRange;
        const std::size_t begin = map.offset(range.line, range.column);
        const std::size_t end = map.offset(range.endLine, range.endColumn);
        if (end <= begin || end > source.size())
            continue;
        Edit edit {begin, end, {}};
        if (own) {
            edit.text = "output_path(" + source.substr(begin, end - begin) + ")";
            used[access.cell].insert("output_path");
        } else {
            std::string &name = nameOf[target];
            if (name.empty()) {
                name = inputName(target, taken);
                plan.inputs.push_back(
                    {name, target, {}, {}, access.cellId, access.cell, {}, access.optional});
            }
            for (DataInput &input : plan.inputs)
                if (input.name == name)
                    input.optional = input.optional && access.optional;
            edit.text = "input_path(" + escaping::pythonString(name) + ")";
            if (const std::optional<Edit> guard = guardEdit(source, access, edit.text))
                edits[access.cell].push_back(*guard);
            // glob patterns must stay strings; everything else takes a Path.
            if (access.call.rfind("glob.", 0) == 0)
                edit.text = "str(" + edit.text + ")";
            used[access.cell].insert("input_path");
            if (access.contract && wrapInCheck(source, access, name, edit)) {
                used[access.cell].insert("check_input");
                for (DataInput &input : plan.inputs)
                    if (input.name == name && !input.contract)
                        input.contract = access.contract;
            }
        }
        edits[access.cell].push_back(std::move(edit));
    }
    for (auto &[cell, cellEdits] : edits)
        apply(sources[cell], std::move(cellEdits));
    return used;
}

void DataInputs::copy(GraduationPlan &plan, const std::string &notebookDir, std::int64_t limit)
{
    const QDir folder(QString::fromStdString(notebookDir));
    const QString root = folder.canonicalPath();
    if (root.isEmpty())
        return;
    std::set<std::string> takenPaths;
    for (DataInput &input : plan.inputs) {
        if (!PackageWriter::checkRelativePath(input.target).empty())
            continue;
        const QFileInfo info(folder.filePath(QString::fromStdString(input.target)));
        const QString canonical = info.canonicalFilePath();
        // Folders, patterns and missing files are read beside the notebook, and so is anything a
        // symlink leads to outside its folder.
        if (!info.isFile() || canonical.isEmpty() || !canonical.startsWith(root + QLatin1Char('/'))
            || info.size() > limit)
            continue;
        QFile file(canonical);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        if (bytes.size() != info.size())
            continue;
        std::string path = pathInData(input.target);
        if (path == "MANIFEST.tsv" || takenPaths.count(path))
            path = input.target; // distinct: targets are
        takenPaths.insert(path);
        limit -= bytes.size();
        input.dataPath = path;
        input.content = bytes.toStdString();
    }
}

} // namespace tassel
