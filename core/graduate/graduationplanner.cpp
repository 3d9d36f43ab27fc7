#include "graduate/graduationplanner.h"

#include "analysis/requirement.h"
#include "analysis/secretmasking.h"
#include "analysis/stdlibmodules.h"
#include "graduate/datainputs.h"
#include "graduate/ipythontransformer.h"
#include "graduate/localmodules.h"
#include "graduate/pythonidentifiers.h"
#include "graduate/pythonsource.h"
#include "graduate/sessionsetup.h"
#include "notebook/notebookloader.h"
#include "python/linescanner.h"
#include "util/escaping.h"
#include "util/text.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace tassel {

namespace {

using Statement = PythonSource::Statement;

// Names the generated modules use themselves; a step, helper or package must not take them.
const std::set<std::string> kReservedModules = {"cli", "config", "pipeline", "functions", "runtime", "tests",
    "main", "init", "src", "show", "run", "session", "set_up"};

std::string trim(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

template <typename T>
void addUnique(std::vector<T> &list, const T &value)
{
    if (std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(value);
}

/// Drops repeated names, keeping each one's first place. Lists that may grow with the size
/// of a cell are appended to freely and cleaned once: addUnique on each is quadratic.
void keepFirstOccurrences(std::vector<std::string> &list)
{
    std::unordered_set<std::string_view> seen;
    std::vector<std::string> kept;
    kept.reserve(list.size());
    for (const std::string &name : list) // copies: `seen` views the names in `list`
        if (seen.insert(name).second)
            kept.push_back(name);
    list = std::move(kept);
}

/// The first markdown heading's text in a cell, or empty.
std::string headingOf(const Cell &cell)
{
    for (const std::string &line : PythonSource::splitLines(cell.source)) {
        const std::string t = trim(line);
        std::size_t hashes = 0;
        while (hashes < t.size() && t[hashes] == '#')
            ++hashes;
        if (hashes >= 1 && hashes <= 6 && hashes < t.size() && t[hashes] == ' ') {
            std::string text = trim(std::string_view(t).substr(hashes));
            while (!text.empty() && text.back() == '#')
                text.pop_back();
            return trim(text);
        }
    }
    return {};
}

/// Byte offset of a 1-based line and code-point column in `text`; npos when out of range.
std::size_t offsetOf(const std::string &text, int line, int column)
{
    std::size_t at = 0;
    for (int l = 1; l < line; ++l) {
        at = text.find('\n', at);
        if (at == std::string::npos)
            return std::string::npos;
        ++at;
    }
    for (int c = 1; c < column; ++c) {
        if (at >= text.size() || text[at] == '\n')
            return std::string::npos;
        ++at;
        while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
            ++at;
    }
    return at;
}

// Linear scans instead of std::regex, whose libstdc++ matcher recurses once per character and
// overflows the stack on a long statement or string (issue 19).

bool isWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::size_t digitsAt(std::string_view text, std::size_t at, bool underscores = false)
{
    std::size_t end = at;
    while (end < text.size()
        && ((text[end] >= '0' && text[end] <= '9') || (underscores && end > at && text[end] == '_')))
        ++end;
    return end - at;
}

/// Length of the ASCII identifier at `at` (0 when there is none).
std::size_t identifierAt(std::string_view text, std::size_t at)
{
    if (at >= text.size() || (text[at] >= '0' && text[at] <= '9') || !isWordChar(text[at]))
        return 0;
    std::size_t end = at;
    while (end < text.size() && isWordChar(text[end]))
        ++end;
    return end - at;
}

/// A Python int or float literal as TOML can take it: -?D[D_]*(.D+)?([eE][-+]?D+)?
bool isNumber(std::string_view v)
{
    std::size_t at = !v.empty() && v[0] == '-' ? 1 : 0;
    const std::size_t whole = digitsAt(v, at, true);
    if (whole == 0)
        return false;
    at += whole;
    if (at < v.size() && v[at] == '.') {
        const std::size_t fraction = digitsAt(v, at + 1);
        if (fraction == 0)
            return false;
        at += 1 + fraction;
    }
    if (at < v.size() && (v[at] == 'e' || v[at] == 'E')) {
        ++at;
        if (at < v.size() && (v[at] == '-' || v[at] == '+'))
            ++at;
        const std::size_t exponent = digitsAt(v, at);
        if (exponent == 0)
            return false;
        at += exponent;
    }
    return at == v.size();
}

/// -.D+ or .D+
bool isBareFraction(std::string_view v)
{
    const std::size_t at = !v.empty() && v[0] == '-' ? 1 : 0;
    return at < v.size() && v[at] == '.' && digitsAt(v, at + 1) > 0
        && at + 1 + digitsAt(v, at + 1) == v.size();
}

/// Replaces each call `callee(` that is not an attribute or the end of a longer name; with
/// `noArguments`, only `callee()` (blanks allowed inside). True when something was replaced.
bool replaceCalls(
    std::string &text, const std::string &callee, const std::string &replacement, bool noArguments)
{
    std::string out;
    std::size_t copied = 0;
    for (std::size_t at = text.find(callee); at != std::string::npos; at = text.find(callee, at + 1)) {
        if (at > 0 && (text[at - 1] == '.' || isWordChar(text[at - 1])))
            continue;
        std::size_t end = at + callee.size();
        if (end >= text.size() || text[end] != '(')
            continue;
        ++end;
        if (noArguments) {
            while (end < text.size() && isSpace(text[end]))
                ++end;
            if (end >= text.size() || text[end] != ')')
                continue;
            ++end;
        }
        out.append(text, copied, at - copied);
        out += replacement;
        copied = end;
        at = end - 1;
    }
    if (copied == 0)
        return false;
    out.append(text, copied);
    text = std::move(out);
    return true;
}

/// A Python literal as TOML, or empty when TOML cannot say it (expressions, None, tuples...).
std::string tomlValue(const std::string &python)
{
    const std::string v = trim(python);
    if (v == "True")
        return "true";
    if (v == "False")
        return "false";
    if (isNumber(v))
        return v;
    if (isBareFraction(v))
        return v[0] == '-' ? "-0" + v.substr(1) : "0" + v;
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()
        && v.find('\\') == std::string::npos && v.find('\n') == std::string::npos
        && v.substr(1, v.size() - 2).find(v.front()) == std::string::npos) {
        return escaping::tomlString(v.substr(1, v.size() - 2));
    }
    if (v.size() >= 2 && v.front() == '[' && v.back() == ']') {
        std::string out = "[";
        std::string item;
        const std::string inner = v.substr(1, v.size() - 2);
        std::vector<std::string> items;
        char quote = 0;
        for (const char c : inner) {
            if (quote) {
                if (c == quote)
                    quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ',') {
                items.push_back(item);
                item.clear();
                continue;
            } else if (c == '[' || c == '(' || c == '{') {
                return {};
            }
            item += c;
        }
        if (!trim(item).empty())
            items.push_back(item);
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string t = tomlValue(items[i]);
            if (t.empty())
                return {};
            out += (i ? ", " : "") + t;
        }
        return out + "]";
    }
    return {};
}

/// `NAME = value` on one logical statement: the name and the value text, or empty.
std::pair<std::string, std::string> simpleAssignment(const Statement &statement)
{
    if (statement.kind != Statement::Kind::Other)
        return {};
    // NAME [: annotation] = value, the value not starting with '=' (that is a comparison).
    const std::string code = trim(statement.code);
    const std::size_t nameLength = identifierAt(code, 0);
    if (nameLength == 0)
        return {};
    std::size_t at = nameLength;
    while (at < code.size() && isSpace(code[at]))
        ++at;
    if (at < code.size() && code[at] == ':') {
        const std::size_t equals = code.find('=', at + 1);
        if (equals == std::string::npos || equals == at + 1)
            return {};
        at = equals;
    }
    if (at >= code.size() || code[at] != '=')
        return {};
    ++at;
    while (at < code.size() && isSpace(code[at]))
        ++at;
    if (at >= code.size() || code[at] == '=')
        return {};
    std::string value = code.substr(at);
    // A trailing comment is not part of the value.
    if (value.find('\n') == std::string::npos)
        value = PythonSource::withoutComment(value);
    return {code.substr(0, nameLength), trim(value)};
}

/// Whether a cell's last expression prints nothing IPython would display: a call of print,
/// show, save_figures, run_shell or write_file, or `NAME.show()`.
bool isSilentCall(std::string_view expression)
{
    const std::size_t nameLength = identifierAt(expression, 0);
    const std::string_view name = expression.substr(0, nameLength);
    std::size_t at = nameLength;
    if (name == "print" || name == "show" || name == "save_figures" || name == "run_shell"
        || name == "write_file") {
        while (at < expression.size() && isSpace(expression[at]))
            ++at;
        return at < expression.size() && expression[at] == '(';
    }
    if (nameLength == 0 || expression.substr(at, 6) != ".show(")
        return false;
    at += 6;
    while (at < expression.size() && isSpace(expression[at]))
        ++at;
    return at + 1 == expression.size() && expression[at] == ')';
}

struct CellWork
{
    int index = -1;
    std::string id;
    std::vector<Statement> statements;
    IPythonTransformer::Output transformed;
    std::set<std::string> importBound; ///< names this cell binds by import statements
    std::set<std::string> configNames; ///< names this cell gives the configuration
    bool parametersCell = false;
};

std::string storedOutputOf(const Cell &cell)
{
    std::string text;
    for (const Output &output : cell.outputs) {
        if (output.type == OutputType::Stream && output.streamName == "stdout") {
            text += output.text;
        } else if (output.type == OutputType::ExecuteResult || output.type == OutputType::DisplayData) {
            const bool figure = std::any_of(output.data.begin(), output.data.end(),
                [](const MimeItem &item) { return item.mimeType.rfind("image/", 0) == 0; });
            const MimeItem *plain = output.find("text/plain");
            if (plain && !figure)
                text += plain->data + '\n';
        }
    }
    return text;
}

// Which distribution a module needs when the dependency analysis said nothing.
bool looksThirdParty(const std::string &module)
{
    return !StdlibModules::contains(module);
}

/// Code cells that do not parse as Python 3.
std::vector<int> brokenCells(const Notebook &notebook, const NotebookAnalysis &analysis)
{
    std::vector<int> cells;
    for (std::size_t i = 0; i < notebook.cells.size() && i < analysis.cells.size(); ++i)
        if (notebook.cells[i].isCode() && !analysis.cells[i].syntaxErrors.empty())
            cells.push_back(int(i));
    return cells;
}

/// Why the notebook cannot become Python at all (another language, cells that do not parse),
/// in one line; nullopt when it can.
std::optional<Error> refusal(
    const Notebook &notebook, const NotebookAnalysis &analysis, const GraduationOptions &options)
{
    Error error;
    error.file = notebook.path;
    if (!notebook.isPython()) {
        error.code = "not-python";
        error.message = "cannot graduate: the kernel is " + notebook.languageDisplayName() + ", not Python";
        return error;
    }
    const std::vector<int> broken = brokenCells(notebook, analysis);
    if (broken.empty() || options.allowBrokenCells)
        return std::nullopt;
    std::vector<int> python2;
    std::vector<int> unparsable;
    for (const int cell : broken)
        (analysis.cells[std::size_t(cell)].python2Syntax.empty() ? unparsable : python2).push_back(cell);
    const auto cells = [](const std::vector<int> &list) {
        return (list.size() > 1 ? "cells " : "cell ") + cellNumbers(list);
    };
    error.code = python2.empty() ? "syntax-error" : "python2";
    error.message = "cannot graduate: ";
    if (!python2.empty())
        error.message += "Python 2 code in " + cells(python2) + (unparsable.empty() ? "" : "; ");
    if (!unparsable.empty())
        error.message
            += cells(unparsable) + (unparsable.size() > 1 ? " do" : " does") + " not parse as Python 3";
    error.message += " (port or fix, or use --allow-broken-cells to keep them as commented TODOs)";
    error.line = notebook.cells[std::size_t(broken.front())].fileLine;
    return error;
}

/// A cell that cannot become Python, kept as a commented block; its step stops there.
std::string brokenCellStub(const std::string &source, int index, const std::string &why)
{
    const std::string what = "notebook cell " + std::to_string(index + 1) + " " + why;
    std::string stub = "# TODO: " + what + "; kept as it was, commented out:\n";
    for (const std::string &line : PythonSource::splitLines(source))
        stub += line.empty() ? "#\n" : "# " + line + "\n";
    return stub + "raise NotImplementedError(" + escaping::pythonString(what) + ")\n";
}

/// The cell as plain Python; a refused cell magic is recorded in `refused`, or kept as a stub
/// when broken cells are allowed.
IPythonTransformer::Output transformCell(const std::string &source, int index, bool broken,
    const GraduationOptions &options, std::vector<std::pair<int, std::string>> &refused)
{
    const std::string label = "cell_" + std::to_string(index + 1);
    if (broken)
        return IPythonTransformer::transform(
            brokenCellStub(source, index, "does not parse as Python 3"), label);
    IPythonTransformer::Output out = IPythonTransformer::transform(source, label);
    if (out.refusedMagic.empty())
        return out;
    if (!options.allowBrokenCells) {
        refused.emplace_back(index, out.refusedMagic);
        return out;
    }
    return IPythonTransformer::transform(
        brokenCellStub(source, index, "is a %%" + out.refusedMagic + " cell, which has no Python equivalent"),
        label);
}

Error refusedMagics(const Notebook &notebook, const std::vector<std::pair<int, std::string>> &refused)
{
    Error error;
    error.file = notebook.path;
    error.code = "unsupported-cell-magic";
    error.line = notebook.cells[std::size_t(refused.front().first)].fileLine;
    error.message = "cannot graduate: cell " + std::to_string(refused.front().first + 1) + " is a %%"
        + refused.front().second + " cell, which has no plain-Python equivalent";
    if (refused.size() > 1)
        error.message += " (" + std::to_string(refused.size() - 1) + " more such cells)";
    error.message += "; use --allow-broken-cells to keep such cells as commented TODOs";
    return error;
}

/// Whether a cell holds nothing but imports and session set-up, and showed nothing.
bool isSetUpCell(const CellWork &w, const Cell &cell, const std::map<std::string, std::string> &importOf)
{
    if (!storedOutputOf(cell).empty())
        return false;
    bool setUp = false;
    for (const Statement &statement : w.statements) {
        if (statement.kind == Statement::Kind::Trivia || statement.kind == Statement::Kind::Import)
            continue;
        if (!SessionSetup::isSetUpStatement(statement.code, importOf))
            return false;
        setUp = true;
    }
    return setUp;
}

/// Appends a set-up cell's statements (imports aside) to the package's session set-up.
void addSetUp(GraduationPlan &plan, const CellWork &w, const std::map<std::string, std::string> &importOf)
{
    std::string body;
    for (const Statement &statement : w.statements)
        if (statement.kind != Statement::Kind::Import)
            body += statement.leading + statement.code;
    for (const std::string &word : PythonSource::names(body))
        if (const auto import = importOf.find(word); import != importOf.end())
            addUnique(plan.setUp.imports, import->second);
    while (!body.empty() && body.front() == '\n')
        body.erase(0, 1);
    const std::string header = "# notebook cell " + w.id + " (cell " + std::to_string(w.index + 1) + ")\n";
    plan.setUp.body += (plan.setUp.body.empty() ? "" : "\n") + header + body;
    plan.setUp.cells.push_back(w.index);
    plan.setUp.cellIds.push_back(w.id);
    plan.notes.push_back({"set-up", w.id, w.index, 0,
        "imports and session set-up only: runs once before the steps (session.set_up()), not as a step"});
}

/// Copies the notebook's own modules into the plan; an error names those that cannot travel.
std::optional<Error> carryLocalModules(
    GraduationPlan &plan, const Notebook &notebook, const NotebookAnalysis &analysis)
{
    const std::string folder = QFileInfo(QString::fromStdString(notebook.path)).absolutePath().toStdString();
    LocalModules::Collected local = LocalModules::collect(analysis, folder, plan.packageName);
    for (const LocalModule &module : local.modules)
        if (kReservedModules.count(module.name) || module.name == "_runtime"
            || module.name == plan.packageName)
            local.problems.push_back(module.name + " (" + module.origin
                + "): has the name of a module the package generates; rename it in the notebook");
    plan.localModules = std::move(local.modules);
    if (local.problems.empty())
        return std::nullopt;
    Error error;
    error.code = "local-module";
    error.file = notebook.path;
    error.message = "cannot graduate: modules the notebook imports from its folder cannot be copied:";
    for (const std::string &problem : local.problems)
        error.message += "\n  " + problem;
    return error;
}

/// Names a step reads that nothing before it binds. Without --allow-hidden-state they stop
/// graduation (listed with the cell that reads them); with it they are noted and stay plain
/// global reads, so the step fails with NameError rather than running on a stand-in value.
std::optional<Error> undefinedNames(GraduationPlan &plan,
    const std::map<std::pair<std::size_t, std::string>, int> &readAt, const Notebook &notebook,
    bool allowHiddenState)
{
    Error error;
    error.code = "undefined-before-step";
    error.file = notebook.path;
    error.message = "cannot graduate: steps read names that nothing before them defines:";
    bool any = false;
    for (std::size_t s = 0; s < plan.steps.size(); ++s) {
        const GraduationStep &step = plan.steps[s];
        for (const std::string &name : step.hiddenState) {
            const auto at = readAt.find({s, name});
            const int cell = at == readAt.end() ? step.cells.front() : at->second;
            const std::string &id = notebook.cells[std::size_t(cell)].id;
            const std::string message = "'" + name + "' is not defined before step " + step.name;
            if (allowHiddenState) {
                plan.notes.push_back({"hidden-state", id.empty() ? "cell-" + std::to_string(cell + 1) : id,
                    cell, 0, message + "; the step reads it as a global (NameError if nothing defines it)"});
                continue;
            }
            error.message += "\n  cell " + std::to_string(cell + 1) + (id.empty() ? "" : " (id " + id + ")")
                + ": " + message;
            if (!any)
                error.line = notebook.cells[std::size_t(cell)].fileLine;
            any = true;
        }
    }
    return any ? std::optional<Error>(error) : std::nullopt;
}

/// A function or class that may move to functions.py.
struct HelperCandidate
{
    std::string name;
    const CellWork *cell;
    const Statement *statement;
    std::vector<std::string> freeNames;
};

/// Keeps the candidates whose free names are all imports or kept candidates: drops those that
/// read anything else, then their readers, each visited once (a fixpoint by rescanning every
/// candidate after each drop is quadratic in a cell of many defs).
void dropUnmovableHelpers(
    std::map<std::string, HelperCandidate> &candidates, const std::map<std::string, std::string> &importOf)
{
    std::unordered_map<std::string, std::vector<std::string>> readers;
    std::vector<std::string> unmovable;
    for (const auto &[name, candidate] : candidates) {
        for (const std::string &free : candidate.freeNames) {
            if (importOf.count(free))
                continue;
            if (candidates.count(free))
                readers[free].push_back(name);
            else
                unmovable.push_back(name);
        }
    }
    while (!unmovable.empty()) {
        const std::string name = std::move(unmovable.back());
        unmovable.pop_back();
        if (candidates.erase(name) == 0)
            continue;
        if (const auto read = readers.find(name); read != readers.end())
            unmovable.insert(unmovable.end(), read->second.begin(), read->second.end());
    }
}

/// What a re-run printed for a cell, read as storedOutputOf reads stored outputs (through the
/// notebook loader); nothing when its outputs are unreadable.
std::optional<std::string> rerunOutputOf(const CellVerification &verification)
{
    nlohmann::json outputs = nlohmann::json::parse(verification.outputsJson, nullptr, false);
    if (!outputs.is_array())
        return std::nullopt;
    const nlohmann::json nb = {{"nbformat", 4}, {"nbformat_minor", 5}, {"metadata", nlohmann::json::object()},
        {"cells",
            {{{"cell_type", "code"}, {"id", "rerun"}, {"metadata", nlohmann::json::object()}, {"source", ""},
                {"execution_count", nullptr}, {"outputs", std::move(outputs)}}}}};
    auto loaded = NotebookLoader().loadBytes(nb.dump(), "rerun.ipynb");
    if (!loaded || loaded->cells.empty())
        return std::nullopt;
    return storedOutputOf(loaded->cells.front());
}

/// Why a cell's pinned output would not hold, from its re-run; empty when it would. Verify's
/// comparison forgives what looks like a timestamp, the package's regression test does not: a
/// cell verify calls reproduced whose printed text changed counts as well.
std::string unreproducedReason(
    const CellVerification &verification, const Cell &cell, const NotebookAnalysis &analysis)
{
    if (verification.status != VerifyStatus::Reproduced) {
        if (!verification.explanations.empty())
            return verification.explanations.front().message;
        return verification.reason.empty()
            ? "cell " + std::to_string(verification.cell + 1) + " did not reproduce"
            : verification.reason;
    }
    const std::optional<std::string> rerun = rerunOutputOf(verification);
    if (!rerun || *rerun == storedOutputOf(cell))
        return {};
    for (const Finding &finding : analysis.findings)
        if (finding.rule == "nondeterministic-output" && finding.cell == verification.cell)
            return finding.message;
    return "cell " + std::to_string(verification.cell + 1) + " printed other text when re-run";
}

} // namespace

Result<GraduationPlan> GraduationPlanner::plan(
    const Notebook &notebook, const NotebookAnalysis &analysis, const GraduationOptions &options)
{
    GraduationPlan plan;
    plan.version = options.version;
    const std::string stem
        = QFileInfo(QString::fromStdString(notebook.path)).completeBaseName().toStdString();
    plan.notebookFileName = PythonIdentifiers::identifier(stem, "notebook") + ".ipynb";

    if (auto refused = refusal(notebook, analysis, options))
        return *refused;

    // 1. Cells that read names defined later or nowhere stop graduation: the package would
    //    reproduce a state nobody can rebuild.
    std::vector<const Finding *> hidden;
    for (const Finding &finding : analysis.findings)
        if (finding.rule == "use-before-definition" || finding.rule == "undefined-name")
            hidden.push_back(&finding);
    if (!hidden.empty() && !options.allowHiddenState) {
        Error error;
        error.code = "hidden-state";
        error.file = notebook.path;
        error.message
            = "cannot graduate: the notebook depends on hidden state (run with --allow-hidden-state "
              "to generate anyway):";
        for (const Finding *finding : hidden)
            error.message += "\n  cell " + std::to_string(finding->cell + 1)
                + (finding->cellId.empty() ? std::string() : " (id " + finding->cellId + ")")
                + (finding->line > 0 ? ", line " + std::to_string(finding->line) : std::string()) + ": "
                + finding->message;
        error.line = hidden.front()->cell >= 0 && std::size_t(hidden.front()->cell) < notebook.cells.size()
            ? notebook.cells[std::size_t(hidden.front()->cell)].fileLine
            : 0;
        return error;
    }

    // 2. Names of the whole thing.
    std::string title;
    for (const Cell &cell : notebook.cells)
        if (cell.type == CellType::Markdown && title.empty())
            title = headingOf(cell);
    plan.description = title.empty() ? "Pipeline graduated from " + plan.notebookFileName : title;
    {
        std::string base = options.name.empty() ? stem : options.name;
        std::string name = PythonIdentifiers::identifier(base, "notebook");
        if (name == "notebook" && !title.empty() && options.name.empty())
            name = PythonIdentifiers::identifier(title, "notebook");
        if (StdlibModules::contains(name) || kReservedModules.count(name))
            name += "_pipeline";
        plan.packageName = name;
        plan.distributionName = name;
        std::replace(plan.distributionName.begin(), plan.distributionName.end(), '_', '-');
    }
    {
        const std::string version = notebook.languageVersion();
        int minor = 11;
        const std::size_t minorDigits = version.rfind("3.", 0) == 0 ? digitsAt(version, 2) : 0;
        if (minorDigits > 0 && minorDigits <= 3)
            minor = std::max(11, std::stoi(version.substr(2, minorDigits))); // tomllib needs 3.11
        plan.pythonVersion = "3." + std::to_string(minor);
    }

    if (auto error = carryLocalModules(plan, notebook, analysis))
        return *error;
    std::set<std::string> localNames;
    for (const LocalModule &module : plan.localModules)
        localNames.insert(module.name);

    // 3. Secrets: each span becomes an environment lookup before anything else reads the text.
    std::map<int, std::string> sources;
    std::set<int> secretCells; // cells whose text the secret rewriting moved
    for (std::size_t i = 0; i < notebook.cells.size(); ++i)
        if (notebook.cells[i].isCode())
            sources[int(i)] = notebook.cells[i].source;
    {
        std::map<int, std::vector<const Finding *>> byCell;
        for (const Finding &finding : analysis.findings)
            if (finding.rule == "hardcoded-secret" && finding.cell >= 0 && sources.count(finding.cell)
                && (finding.location.empty() || finding.location == "source") && finding.line > 0)
                byCell[finding.cell].push_back(&finding);
        std::map<std::string, std::string> nameOfValue;
        std::set<std::string> takenNames;
        for (auto &[cell, findings] : byCell) {
            secretCells.insert(cell);
            std::sort(findings.begin(), findings.end(), [](const Finding *a, const Finding *b) {
                return std::tie(a->line, a->column) > std::tie(b->line, b->column);
            });
            std::string &source = sources[cell];
            for (const Finding *finding : findings) {
                std::size_t begin = offsetOf(source, finding->line, finding->column);
                std::size_t end = offsetOf(
                    source, finding->endLine > 0 ? finding->endLine : finding->line, finding->endColumn);
                if (begin == std::string::npos || end == std::string::npos || end <= begin)
                    continue;
                const std::string value = source.substr(begin, end - begin);
                std::string inner = value;
                // The scanner may report the literal with or without its quotes.
                if (inner.size() >= 2 && (inner.front() == '"' || inner.front() == '\'')
                    && inner.back() == inner.front())
                    inner = inner.substr(1, inner.size() - 2);
                else if (begin > 0 && end < source.size()
                    && (source[begin - 1] == '"' || source[begin - 1] == '\'')
                    && source[end] == source[begin - 1]) {
                    --begin;
                    ++end;
                }
                std::string &envName = nameOfValue[inner];
                if (envName.empty()) {
                    std::string base = PythonIdentifiers::identifier(finding->secretKind, "secret");
                    std::transform(base.begin(), base.end(), base.begin(),
                        [](unsigned char c) { return std::toupper(c); });
                    envName = PythonIdentifiers::unique(base, takenNames);
                    SecretVariable variable;
                    variable.environmentName = envName;
                    variable.kind = finding->secretKind;
                    variable.cell = cell;
                    variable.cellId = finding->cellId;
                    plan.secrets.push_back(variable);
                    plan.secretValues.push_back(inner);
                }
                source.replace(begin, end - begin, "os.environ[\"" + envName + "\"]");
            }
        }
    }
    // Data paths become configuration and output-folder lookups (not in cells whose secrets moved
    // the text the inventory's ranges point at).
    std::map<int, std::set<std::string>> dataCalls
        = DataInputs::rewrite(plan, sources, analysis.io, secretCells);
    DataInputs::copy(plan, QFileInfo(QString::fromStdString(notebook.path)).absolutePath().toStdString(),
        options.copyDataLimit);
    // Every value the scanner found anywhere (outputs, metadata, markdown...) is hidden in all
    // the plan holds, not only those of the sources just rewritten.
    SecretMask secretMask(plan.secretValues);
    secretMask.addFoundIn(notebook);
    plan.secretValues = secretMask.values();
    auto mask = [&](std::string text) { return secretMask.hide(std::move(text)); };

    // 4. Per cell: plain Python, statements, imports and configuration.
    std::vector<CellWork> work;
    std::vector<std::string> allImports; // statement text, in order of appearance
    std::map<std::string, std::string> importOf; // bound name -> statement
    const std::vector<int> broken = brokenCells(notebook, analysis);
    std::vector<std::pair<int, std::string>> refused; // cell, magic
    std::vector<std::pair<int, std::string>> starImports; // cell, `from m import *`
    for (auto &[index, source] : sources) {
        const Cell &cell = notebook.cells[std::size_t(index)];
        CellWork w;
        w.index = index;
        w.id = cell.id.empty() ? "cell-" + std::to_string(index + 1) : cell.id;
        const bool isBroken = std::find(broken.begin(), broken.end(), index) != broken.end();
        w.transformed = transformCell(source, index, isBroken, options, refused);
        for (const std::string &name : dataCalls[index])
            w.transformed.runtime.push_back(name);
        for (const PackageResource &resource : w.transformed.resources)
            plan.resources.push_back(resource);
        // Imports of the notebook's own modules point at their copies in the package.
        w.transformed.code = LocalModules::rewriteSource(w.transformed.code, localNames, plan.packageName);
        w.statements = PythonSource::statements(w.transformed.code);
        for (TransformNote note : w.transformed.notes) {
            note.cell = index;
            note.cellId = w.id;
            plan.notes.push_back(note);
        }
        for (const Statement &statement : w.statements)
            if (statement.kind == Statement::Kind::Import) {
                const std::string text = trim(statement.code);
                allImports.push_back(text);
                if (text.size() > 9 && text.compare(text.size() - 9, 9, " import *") == 0)
                    starImports.emplace_back(index, text);
                for (const std::string &name : PythonSource::importBindings(text)) {
                    w.importBound.insert(name);
                    importOf[name] = text;
                }
            }
        w.parametersCell = cell.hasTag("parameters");
        if (!w.parametersCell && cell.outputs.empty()) {
            // A cell of nothing but literal constants is configuration as well.
            bool constants = false;
            for (const Statement &statement : w.statements) {
                if (statement.kind == Statement::Kind::Trivia || statement.kind == Statement::Kind::Import)
                    continue;
                const auto [name, value] = simpleAssignment(statement);
                if (name.empty() || (tomlValue(value).empty() && value != "None")) {
                    constants = false;
                    break;
                }
                constants = true;
            }
            w.parametersCell = constants;
        }
        if (w.parametersCell)
            for (const Statement &statement : w.statements) {
                const auto [name, value] = simpleAssignment(statement);
                if (name.empty())
                    continue;
                ConfigParameter parameter;
                parameter.name = name;
                parameter.pythonValue = value;
                parameter.tomlValue = tomlValue(value);
                parameter.cell = index;
                parameter.cellId = w.id;
                auto existing = std::find_if(plan.config.begin(), plan.config.end(),
                    [&](const ConfigParameter &p) { return p.name == name; });
                if (existing != plan.config.end())
                    *existing = parameter;
                else
                    plan.config.push_back(parameter);
                w.configNames.insert(name);
            }
        work.push_back(std::move(w));
    }
    if (!refused.empty())
        return refusedMagics(notebook, refused);
    for (const auto &[name, statement] : importOf)
        if (statement.find("matplotlib") != std::string::npos)
            plan.usesMatplotlib = true;

    auto symbolsOf = [&](int cell) -> const CellSymbols * {
        return std::size_t(cell) < analysis.cells.size() ? &analysis.cells[std::size_t(cell)] : nullptr;
    };

    // 5. Helpers: functions and classes whose bodies read only imports and other helpers.
    std::map<std::string, int> definitionCount;
    for (const CellWork &w : work)
        if (const CellSymbols *symbols = symbolsOf(w.index))
            for (const NameRef &ref : symbols->defines)
                ++definitionCount[ref.name];
    std::map<std::string, HelperCandidate> candidates;
    for (const CellWork &w : work) {
        const CellSymbols *symbols = symbolsOf(w.index);
        if (!symbols)
            continue;
        // By name, so a cell of 100k defs is not searched once per def.
        std::unordered_map<std::string_view, std::vector<const DeferredScope *>> scopesByName;
        for (const DeferredScope &scope : symbols->deferred)
            scopesByName[scope.name].push_back(&scope);
        for (const Statement &statement : w.statements) {
            if ((statement.kind != Statement::Kind::Function && statement.kind != Statement::Kind::Class)
                || definitionCount[statement.name] != 1)
                continue;
            HelperCandidate candidate {statement.name, &w, &statement, {}};
            if (const auto scopes = scopesByName.find(statement.name); scopes != scopesByName.end())
                for (const DeferredScope *scope : scopes->second)
                    for (const NameRef &ref : scope->freeNames)
                        candidate.freeNames.push_back(ref.name);
            candidates.emplace(statement.name, candidate);
        }
    }
    dropUnmovableHelpers(candidates, importOf);
    std::set<const Statement *> moved;
    for (const CellWork &w : work)
        for (const Statement &statement : w.statements)
            if (candidates.count(statement.name) && candidates.at(statement.name).statement == &statement) {
                HelperDefinition helper;
                helper.name = statement.name;
                helper.source = statement.leading + statement.code;
                helper.cell = w.index;
                helper.cellId = w.id;
                for (const std::string &word : PythonSource::names(statement.code))
                    if (importOf.count(word))
                        addUnique(helper.imports, importOf[word]);
                    else if (dataCalls[w.index].count(word))
                        addUnique(helper.imports, "from " + plan.packageName + "._runtime import " + word);
                for (const std::string &import : helper.imports)
                    addUnique(plan.helperImports, import);
                plan.helpers.push_back(helper);
                moved.insert(&statement);
            }

    // 6. Sections.
    struct Section
    {
        std::string title;
        std::vector<const CellWork *> cells;
    };
    std::vector<Section> sections;
    {
        std::map<int, const CellWork *> workOf;
        for (const CellWork &w : work)
            workOf[w.index] = &w;
        std::string lastHeading;
        for (std::size_t i = 0; i < notebook.cells.size(); ++i) {
            const Cell &cell = notebook.cells[i];
            if (cell.type == CellType::Markdown) {
                const std::string heading = headingOf(cell);
                if (!heading.empty()) {
                    lastHeading = heading;
                    if (options.split == GraduationOptions::Split::Headings)
                        sections.push_back({heading, {}});
                }
                continue;
            }
            if (!workOf.count(int(i)))
                continue;
            if (options.split == GraduationOptions::Split::Cells || sections.empty())
                sections.push_back({options.split == GraduationOptions::Split::Single ? plan.description
                        : lastHeading.empty()                                         ? "step"
                                                                                      : lastHeading,
                    {}});
            sections.back().cells.push_back(workOf[int(i)]);
        }
    }

    // Every name the notebook binds, so step names cannot shadow a variable in pipeline.py.
    std::set<std::string> taken(kReservedModules.begin(), kReservedModules.end());
    taken.insert(plan.packageName);
    taken.insert(localNames.begin(), localNames.end());
    for (const CellWork &w : work) {
        if (const CellSymbols *symbols = symbolsOf(w.index)) {
            for (const NameRef &ref : symbols->defines)
                taken.insert(ref.name);
            for (const NameRef &ref : symbols->uses)
                taken.insert(ref.name);
        }
        for (const std::string &name : w.importBound)
            taken.insert(name);
    }

    // 7. Bodies, then the dataflow between steps.
    std::map<int, std::size_t> stepOfCell;
    for (const Section &section : sections) {
        GraduationStep step;
        step.title = section.title;
        std::set<std::string> runtime;
        bool needsOs = false;
        std::string storedOutput;
        for (const CellWork *w : section.cells) {
            const Cell &cell = notebook.cells[std::size_t(w->index)];
            if (isSetUpCell(*w, cell, importOf)) {
                addSetUp(plan, *w, importOf);
                continue;
            }
            std::string body;
            const Statement *lastCode = nullptr;
            for (const Statement &statement : w->statements)
                if (statement.kind != Statement::Kind::Trivia)
                    lastCode = &statement;
            for (const Statement &statement : w->statements) {
                if (statement.kind == Statement::Kind::Import || moved.count(&statement))
                    continue;
                if (w->configNames.count(simpleAssignment(statement).first))
                    continue;
                std::string code = statement.endsWithSemicolon
                    ? PythonSource::withoutTrailingSemicolon(statement.code)
                    : statement.code;
                if (&statement == lastCode && statement.kind == Statement::Kind::Expression
                    && !statement.endsWithSemicolon) {
                    const std::string expression = trim(code);
                    if (!isSilentCall(expression)) {
                        // IPython displays the value of a cell's last bare expression.
                        runtime.insert("show");
                        if (expression.find('#') != std::string::npos
                            || expression.find('\n') != std::string::npos)
                            code = "show(\n    " + expression + "\n)\n";
                        else if (statement.topLevelComma)
                            code = "show((" + expression + "))\n";
                        else
                            code = "show(" + expression + ")\n";
                    }
                }
                body += statement.leading + code;
            }
            // display(x) prints what the notebook showed; pyplot's show() saves the figures.
            if (replaceCalls(body, "display", "show(", false))
                runtime.insert("show");
            for (const auto &[name, statement] : importOf) {
                if (statement.find("pyplot") == std::string::npos)
                    continue;
                if (replaceCalls(body, name + ".show", "save_figures()", true))
                    runtime.insert("save_figures");
            }
            const std::string stored = storedOutputOf(cell);
            if (!LineScanner::hasCode(body) && stored.empty())
                continue;
            std::string header = "# notebook cell " + escaping::oneLine(w->id) + " (cell "
                + std::to_string(w->index + 1) + ")\n";
            for (const Finding *finding : hidden)
                if (finding->cell == w->index) {
                    header += "# TASSEL HIDDEN STATE: " + escaping::oneLine(finding->message) + "\n";
                    TransformNote note {"hidden-state", w->id, w->index, finding->line, finding->message};
                    plan.notes.push_back(note);
                }
            while (!body.empty() && body.front() == '\n')
                body.erase(0, 1);
            step.body += (step.body.empty() ? "" : "\n") + header + (trim(body).empty() ? "" : body);
            step.cells.push_back(w->index);
            step.cellIds.push_back(w->id);
            storedOutput += stored;
            for (const std::string &name : w->transformed.runtime)
                runtime.insert(name);
            needsOs = needsOs || w->transformed.needsOs;
            if (w->transformed.code.find("os.environ[") != std::string::npos)
                needsOs = true;
        }
        for (const CellWork *w : section.cells)
            for (const std::string &requirement : w->transformed.requirements) {
                PackageDependency dependency;
                const auto eq = requirement.find("==");
                std::size_t nameEnd = 0;
                while (nameEnd < requirement.size()
                    && (isWordChar(requirement[nameEnd]) || requirement[nameEnd] == '.'
                        || requirement[nameEnd] == '-'))
                    ++nameEnd;
                dependency.distribution = nameEnd > 0 ? requirement.substr(0, nameEnd) : requirement;
                if (eq != std::string::npos)
                    dependency.version = requirement.substr(eq + 2);
                dependency.source = "pip install in cell " + std::to_string(w->index + 1);
                plan.dependencies.push_back(dependency);
            }
        plan.setUp.body = mask(plan.setUp.body);
        if (step.cells.empty())
            continue;
        // A heading that names a notebook variable ("## Summary" beside `summary`) falls back on
        // the values the section makes, its last one (usually what it shows) first, then on
        // "<heading>_step", before a numeric suffix.
        const std::string base = PythonIdentifiers::identifier(step.title, "step");
        std::vector<std::string> candidates {base};
        for (auto cell = step.cells.rbegin(); cell != step.cells.rend(); ++cell)
            if (const CellSymbols *symbols = symbolsOf(*cell))
                for (auto ref = symbols->defines.rbegin(); ref != symbols->defines.rend(); ++ref)
                    if (ref->name.front() != '_')
                        candidates.push_back(PythonIdentifiers::identifier("compute " + ref->name, "step"));
        candidates.push_back(base + "_step");
        step.name = PythonIdentifiers::firstFree(candidates, taken);
        step.module = step.name;
        step.runtime.assign(runtime.begin(), runtime.end());
        if (needsOs && importOf.count("os") == 0)
            step.imports.push_back("import os");
        step.storedOutput = mask(storedOutput);
        step.body = mask(step.body);
        for (int cell : step.cells)
            stepOfCell[cell] = plan.steps.size();
        plan.steps.push_back(std::move(step));
    }

    // Who binds what, in document order: imports, helpers, configuration or a step.
    enum class Binder { Import, Helper, Config, Step };
    std::map<std::string, std::vector<std::pair<int, Binder>>> binders;
    for (const CellWork &w : work) {
        const CellSymbols *symbols = symbolsOf(w.index);
        if (!symbols)
            continue;
        for (const NameRef &ref : symbols->defines) {
            Binder binder = Binder::Step;
            if (w.configNames.count(ref.name))
                binder = Binder::Config;
            else if (candidates.count(ref.name) && candidates.at(ref.name).cell == &w)
                binder = Binder::Helper;
            else if (w.importBound.count(ref.name))
                binder = Binder::Import;
            binders[ref.name].emplace_back(w.index, binder);
        }
    }
    keepFirstOccurrences(allImports);
    std::unordered_map<std::string, std::size_t> importRank;
    for (std::size_t i = 0; i < allImports.size(); ++i)
        importRank.emplace(allImports[i], i);
    // Where a step first reads a name it does not define, for the plan's errors.
    std::map<std::pair<std::size_t, std::string>, int> readAt;
    for (GraduationStep &step : plan.steps) {
        std::vector<std::string> uses;
        std::set<std::string> definedInStep;
        auto use = [&](const std::string &name, int cell) {
            if (definedInStep.count(name))
                return;
            uses.push_back(name);
            readAt.emplace(std::make_pair(std::size_t(&step - plan.steps.data()), name), cell);
        };
        for (int cell : step.cells) {
            const CellSymbols *symbols = symbolsOf(cell);
            if (!symbols)
                continue;
            for (const NameRef &ref : symbols->uses)
                use(ref.name, cell);
            // Functions left in the step read module names when called: the step must have them.
            for (const DeferredScope &scope : symbols->deferred)
                if (!candidates.count(scope.name))
                    for (const NameRef &ref : scope.freeNames)
                        use(ref.name, cell);
            for (const NameRef &ref : symbols->defines)
                definedInStep.insert(ref.name);
        }
        keepFirstOccurrences(uses);
        const std::size_t index = std::size_t(&step - plan.steps.data());
        for (const std::string &name : uses) {
            // A helper lives in functions.py whatever cell defined it (often a cell of this very
            // step that held nothing else and so left no trace in step.cells).
            if (candidates.count(name)) {
                step.helpers.push_back(name);
                continue;
            }
            // The last binding before the cell that reads the name: imports and configuration
            // cells inside the step count too, though they left no trace in step.cells.
            const int readCell = readAt.at({index, name});
            const auto it = binders.find(name);
            const std::pair<int, Binder> *binder = nullptr;
            if (it != binders.end())
                for (const auto &entry : it->second)
                    if (entry.first < readCell)
                        binder = &entry;
            if (!binder) {
                if (definedInStep.count(name))
                    continue; // read before its binding inside the step: reported as hidden state
                // A star import may bind it: the step imports every one made before the read.
                bool star = false;
                for (const auto &[cell, statement] : starImports)
                    if (cell <= readCell) {
                        step.imports.push_back(statement);
                        star = true;
                    }
                if (!star)
                    step.hiddenState.push_back(name);
                continue;
            }
            switch (binder->second) {
            case Binder::Import:
                break; // the module imports it
            case Binder::Helper:
                step.helpers.push_back(name);
                break;
            case Binder::Config:
                step.configParameters.push_back(name);
                break;
            case Binder::Step:
                if (stepOfCell.count(binder->first) && stepOfCell[binder->first] == index)
                    break; // bound earlier in this very step
                if (stepOfCell.count(binder->first)) {
                    step.parameters.push_back(name);
                    plan.steps[stepOfCell[binder->first]].returns.push_back(name);
                } else {
                    step.hiddenState.push_back(name);
                }
                break;
            }
        }
        // Helpers called inside the body but bound in the same step's cells are moved as well.
        for (const std::string &word : PythonSource::names(step.body)) {
            if (candidates.count(word))
                step.helpers.push_back(word);
            if (importOf.count(word))
                step.imports.push_back(importOf[word]);
        }
        for (auto *list :
            {&step.helpers, &step.hiddenState, &step.configParameters, &step.parameters, &step.imports})
            keepFirstOccurrences(*list);
        // The notebook's order, `from __future__` first.
        auto rank = [&](const std::string &statement) {
            const auto at = importRank.find(statement);
            return std::make_pair(statement.rfind("from __future__", 0) != 0,
                at == importRank.end() ? allImports.size() : at->second);
        };
        std::stable_sort(step.imports.begin(), step.imports.end(),
            [&](const std::string &a, const std::string &b) { return rank(a) < rank(b); });
    }
    // A step returns a name only if a later step reads it; order by first definition.
    for (GraduationStep &step : plan.steps) {
        const std::unordered_set<std::string> returned(step.returns.begin(), step.returns.end());
        std::vector<std::string> ordered;
        for (int cell : step.cells)
            if (const CellSymbols *symbols = symbolsOf(cell))
                for (const NameRef &ref : symbols->defines)
                    if (returned.count(ref.name))
                        ordered.push_back(ref.name);
        keepFirstOccurrences(ordered);
        step.returns = ordered;
    }
    if (auto undefined = undefinedNames(plan, readAt, notebook, options.allowHiddenState))
        return *undefined;

    // The notebook's silent failures stay as written; the package README lists them to review.
    for (const Finding &finding : analysis.findings) {
        if (finding.rule != "swallowed-exception")
            continue;
        const auto step = stepOfCell.find(finding.cell);
        const std::string where
            = step == stepOfCell.end() ? std::string() : "step `" + plan.steps[step->second].name + "`: ";
        plan.failurePaths.push_back(
            {finding.rule, finding.cellId, finding.cell, finding.line, where + finding.message});
    }

    // 8. Dependencies: what the dependency analysis knows, else a guess from the imports.
    for (const ImportInfo &info : analysis.imports) {
        if (info.kind != "third-party")
            continue;
        PackageDependency dependency;
        dependency.distribution = info.distribution.empty() ? info.module : info.distribution;
        dependency.module = info.module;
        if (info.version)
            dependency.version = *info.version;
        dependency.source
            = info.source.empty() ? (info.version ? "the analysed environment" : "") : info.source;
        plan.dependencies.push_back(dependency);
    }
    for (const RequiredDistribution &required : analysis.requiredDistributions)
        plan.dependencies.push_back({required.distribution, required.version,
            "the analysed environment, required by " + required.requiredBy, {}, required.requiredBy});
    if (analysis.imports.empty())
        for (const auto &[name, statement] : importOf) {
            std::string module = trim(statement.substr(statement.rfind("from ", 0) == 0 ? 5 : 7));
            module = module.substr(0, module.find_first_of(" .,"));
            if (module.empty() || !looksThirdParty(module))
                continue;
            PackageDependency dependency;
            dependency.distribution = module;
            dependency.module = module;
            plan.dependencies.push_back(dependency);
        }
    {
        // One entry per distribution; a known version wins over an unknown one.
        std::vector<PackageDependency> merged;
        for (const PackageDependency &dependency : plan.dependencies) {
            auto same = std::find_if(merged.begin(), merged.end(), [&](const PackageDependency &d) {
                return Requirement::normalize(d.distribution)
                    == Requirement::normalize(dependency.distribution);
            });
            if (same == merged.end()) {
                merged.push_back(dependency);
            } else if (same->version.empty() && !dependency.version.empty()) {
                // A direct dependency stays direct when a requirement of another one pins it.
                PackageDependency pinned = dependency;
                if (same->requiredBy.empty()) {
                    pinned.requiredBy.clear();
                    pinned.module = same->module;
                }
                *same = pinned;
            }
        }
        std::sort(merged.begin(), merged.end(), [](const PackageDependency &a, const PackageDependency &b) {
            return a.distribution < b.distribution;
        });
        plan.dependencies = merged;
    }

    // 9. The notebook itself, hashed as it is and copied with secrets masked.
    QFile file(QString::fromStdString(notebook.path));
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = file.readAll();
        std::string text(bytes.constData(), std::size_t(bytes.size()));
        plan.notebookSha256 = sha256Hex(text);
        plan.notebookCopy = secretMask.hide(std::move(text));
    }
    return plan;
}

void GraduationPlanner::markUnreproduced(GraduationPlan &plan, const Notebook &notebook,
    const VerifyReport &report, const NotebookAnalysis &analysis)
{
    for (GraduationStep &step : plan.steps)
        for (const int cell : step.cells) {
            const CellVerification *verification = report.find(cell);
            if (!verification || !step.xfailReason.empty() || std::size_t(cell) >= notebook.cells.size())
                continue;
            step.xfailReason = unreproducedReason(*verification, notebook.cells[std::size_t(cell)], analysis);
        }
}

std::string GraduationPlanner::notebookFolderFrom(
    const std::string &packageDir, const std::string &notebookPath)
{
    const QString package = QFileInfo(QString::fromStdString(packageDir)).absoluteFilePath();
    const QString notebookDir = QFileInfo(QString::fromStdString(notebookPath)).absolutePath();
    return QDir(package).relativeFilePath(notebookDir).toStdString();
}

} // namespace tassel
