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
    plan.notes.push_back(TransformNote::of("set-up", w.id, w.index, 0, Message("plan.set-up")));
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
            if (allowHiddenState) {
                plan.notes.push_back(
                    TransformNote::of("hidden-state", id.empty() ? "cell-" + std::to_string(cell + 1) : id,
                        cell, 0, Message("plan.hidden-state").arg("name", name).arg("step", step.name)));
                continue;
            }
            error.message += "\n  cell " + std::to_string(cell + 1) + (id.empty() ? "" : " (id " + id + ")")
                + ": '" + name + "' is not defined before step " + step.name;
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

/// Replaces the secret `finding` points at in `source` (a cell's text) by an environment lookup;
/// the same value always gets the same variable.
void rewriteSecret(GraduationPlan &plan, std::string &source, const Finding &finding,
    std::map<std::string, std::string> &nameOfValue, std::set<std::string> &takenNames)
{
    std::size_t begin = offsetOf(source, finding.line, finding.column);
    std::size_t end
        = offsetOf(source, finding.endLine > 0 ? finding.endLine : finding.line, finding.endColumn);
    if (begin == std::string::npos || end == std::string::npos || end <= begin)
        return;
    std::string inner = source.substr(begin, end - begin);
    // The scanner may report the literal with or without its quotes.
    if (inner.size() >= 2 && (inner.front() == '"' || inner.front() == '\'') && inner.back() == inner.front())
        inner = inner.substr(1, inner.size() - 2);
    else if (begin > 0 && end < source.size() && (source[begin - 1] == '"' || source[begin - 1] == '\'')
        && source[end] == source[begin - 1]) {
        --begin;
        ++end;
    }
    std::string &envName = nameOfValue[inner];
    if (envName.empty()) {
        std::string base = PythonIdentifiers::identifier(finding.secretKind, "secret");
        std::transform(
            base.begin(), base.end(), base.begin(), [](unsigned char c) { return std::toupper(c); });
        envName = PythonIdentifiers::unique(base, takenNames);
        SecretVariable variable;
        variable.environmentName = envName;
        variable.kind = finding.secretKind;
        variable.cell = finding.cell;
        variable.cellId = finding.cellId;
        plan.secrets.push_back(variable);
        plan.secretValues.push_back(inner);
    }
    source.replace(begin, end - begin, "os.environ[\"" + envName + "\"]");
}

/// One entry per distribution, sorted; a known version wins over an unknown one.
std::vector<PackageDependency> mergedDependencies(const std::vector<PackageDependency> &dependencies)
{
    std::vector<PackageDependency> merged;
    for (const PackageDependency &dependency : dependencies) {
        auto same = std::find_if(merged.begin(), merged.end(), [&](const PackageDependency &d) {
            return Requirement::normalize(d.distribution) == Requirement::normalize(dependency.distribution);
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
    return merged;
}

/// The planner's stages over one notebook, in the order plan() runs them. Each stage reads what
/// the earlier ones left in the members below and adds to the plan.
class PlanBuilder
{
public:
    PlanBuilder(const Notebook &notebook, const NotebookAnalysis &analysis, const GraduationOptions &options)
        : m_notebook(notebook)
        , m_analysis(analysis)
        , m_options(options)
    {
    }

    Result<GraduationPlan> build();

private:
    struct Section
    {
        std::string title;
        std::vector<const CellWork *> cells;
    };
    /// Who binds a name in a cell: an import, a helper, the configuration or a step.
    enum class Binder { Import, Helper, Config, Step };
    using Binders = std::map<std::string, std::vector<std::pair<int, Binder>>>;
    /// Where a step first reads a name it does not define, for the plan's errors.
    using ReadAt = std::map<std::pair<std::size_t, std::string>, int>;

    std::optional<Error> refuseHiddenState();
    void nameThePackage();
    void rewriteSecretsAndData();
    std::optional<Error> readCells();
    CellWork readCell(int index, const std::string &source, std::vector<std::pair<int, std::string>> &refused,
        std::vector<std::pair<int, std::string>> &starImports);
    void readConfiguration(CellWork &w, const Cell &cell);
    void findHelpers();
    std::vector<Section> sections() const;
    std::set<std::string> takenNames() const;
    void writeSteps(const std::vector<Section> &sections);
    void addCellToStep(GraduationStep &step, const CellWork &w, std::set<std::string> &runtime, bool &needsOs,
        std::string &storedOutput);
    std::string stepBody(const CellWork &w, std::set<std::string> &runtime) const;
    void addPipRequirements(const Section &section);
    std::string stepName(const GraduationStep &step, std::set<std::string> &taken) const;
    Binders binders() const;
    void connectStep(GraduationStep &step, const Binders &binders, ReadAt &readAt);
    void sortImports(std::vector<std::string> &imports) const;
    void orderReturns();
    void listFailurePaths();
    void markKnownUnreproducible();
    void collectDependencies();
    void copyNotebook();

    const CellSymbols *symbolsOf(int cell) const
    {
        return std::size_t(cell) < m_analysis.cells.size() ? &m_analysis.cells[std::size_t(cell)] : nullptr;
    }
    std::string mask(std::string text) const { return m_secretMask.hide(std::move(text)); }

    const Notebook &m_notebook;
    const NotebookAnalysis &m_analysis;
    const GraduationOptions &m_options;
    GraduationPlan m_plan;
    std::string m_stem;
    std::string m_title;
    std::vector<const Finding *> m_hidden; ///< use-before-definition and undefined-name findings
    std::set<std::string> m_localNames;
    std::map<int, std::string> m_sources; ///< code cells' text, rewritten stage by stage
    std::map<int, std::set<std::string>> m_dataCalls; ///< runtime functions each cell's data paths call
    SecretMask m_secretMask;
    std::vector<int> m_broken; ///< cells kept as comments (--allow-broken-cells)
    std::vector<CellWork> m_work; ///< never resized after readCells(): candidates point into it
    std::vector<std::string> m_allImports; ///< statement text, in order of appearance
    std::map<std::string, std::string> m_importOf; ///< bound name -> statement
    std::unordered_map<std::string, std::size_t> m_importRank; ///< statement -> its place in m_allImports
    std::vector<std::pair<int, std::string>> m_starImports; ///< cell, `from m import *`
    std::map<std::string, HelperCandidate> m_candidates;
    std::set<const Statement *> m_moved; ///< statements that went to functions.py
    std::map<int, std::size_t> m_stepOfCell;
};

Result<GraduationPlan> PlanBuilder::build()
{
    m_plan.version = m_options.version;
    m_stem = QFileInfo(QString::fromStdString(m_notebook.path)).completeBaseName().toStdString();
    m_plan.notebookFileName = PythonIdentifiers::identifier(m_stem, "notebook") + ".ipynb";
    if (auto refused = refusal(m_notebook, m_analysis, m_options))
        return *refused;
    if (auto error = refuseHiddenState())
        return *error;
    nameThePackage();
    if (auto error = carryLocalModules(m_plan, m_notebook, m_analysis))
        return *error;
    for (const LocalModule &module : m_plan.localModules)
        m_localNames.insert(module.name);
    rewriteSecretsAndData();
    if (auto error = readCells())
        return *error;
    findHelpers();
    writeSteps(sections());
    const Binders binders = this->binders();
    keepFirstOccurrences(m_allImports);
    for (std::size_t i = 0; i < m_allImports.size(); ++i)
        m_importRank.emplace(m_allImports[i], i);
    ReadAt readAt;
    for (GraduationStep &step : m_plan.steps)
        connectStep(step, binders, readAt);
    orderReturns();
    if (auto undefined = undefinedNames(m_plan, readAt, m_notebook, m_options.allowHiddenState))
        return *undefined;
    listFailurePaths();
    markKnownUnreproducible();
    collectDependencies();
    copyNotebook();
    return std::move(m_plan);
}

/// Cells that read names defined later or nowhere stop graduation: the package would reproduce
/// a state nobody can rebuild.
std::optional<Error> PlanBuilder::refuseHiddenState()
{
    for (const Finding &finding : m_analysis.findings)
        if (finding.rule == "use-before-definition" || finding.rule == "undefined-name")
            m_hidden.push_back(&finding);
    if (m_hidden.empty() || m_options.allowHiddenState)
        return std::nullopt;
    Error error;
    error.code = "hidden-state";
    error.file = m_notebook.path;
    error.message = "cannot graduate: the notebook depends on hidden state (run with --allow-hidden-state "
                    "to generate anyway):";
    for (const Finding *finding : m_hidden)
        error.message += "\n  cell " + std::to_string(finding->cell + 1)
            + (finding->cellId.empty() ? std::string() : " (id " + finding->cellId + ")")
            + (finding->line > 0 ? ", line " + std::to_string(finding->line) : std::string()) + ": "
            + finding->message;
    const int cell = m_hidden.front()->cell;
    error.line = cell >= 0 && std::size_t(cell) < m_notebook.cells.size()
        ? m_notebook.cells[std::size_t(cell)].fileLine
        : 0;
    return error;
}

/// The description, package and distribution names, and the Python the package asks for.
void PlanBuilder::nameThePackage()
{
    for (const Cell &cell : m_notebook.cells)
        if (cell.type == CellType::Markdown && m_title.empty())
            m_title = headingOf(cell);
    m_plan.description = m_title.empty() ? "Pipeline graduated from " + m_plan.notebookFileName : m_title;

    std::string name
        = PythonIdentifiers::identifier(m_options.name.empty() ? m_stem : m_options.name, "notebook");
    if (name == "notebook" && !m_title.empty() && m_options.name.empty())
        name = PythonIdentifiers::identifier(m_title, "notebook");
    if (StdlibModules::contains(name) || kReservedModules.count(name))
        name += "_pipeline";
    m_plan.packageName = name;
    m_plan.distributionName = name;
    std::replace(m_plan.distributionName.begin(), m_plan.distributionName.end(), '_', '-');

    const std::string version = m_notebook.languageVersion();
    int minor = 11;
    const std::size_t minorDigits = version.rfind("3.", 0) == 0 ? digitsAt(version, 2) : 0;
    if (minorDigits > 0 && minorDigits <= 3)
        minor = std::max(11, std::stoi(version.substr(2, minorDigits))); // tomllib needs 3.11
    m_plan.pythonVersion = "3." + std::to_string(minor);
}

/// Secrets: each span becomes an environment lookup before anything else reads the text. Then
/// data paths become configuration and output-folder lookups.
void PlanBuilder::rewriteSecretsAndData()
{
    for (std::size_t i = 0; i < m_notebook.cells.size(); ++i)
        if (m_notebook.cells[i].isCode())
            m_sources[int(i)] = m_notebook.cells[i].source;
    std::map<int, std::vector<const Finding *>> byCell;
    for (const Finding &finding : m_analysis.findings)
        if (finding.rule == "hardcoded-secret" && finding.cell >= 0 && m_sources.count(finding.cell)
            && (finding.location.empty() || finding.location == "source") && finding.line > 0)
            byCell[finding.cell].push_back(&finding);
    std::set<int> secretCells; // cells whose text the secret rewriting moved
    std::map<std::string, std::string> nameOfValue;
    std::set<std::string> takenNames;
    for (auto &[cell, findings] : byCell) {
        secretCells.insert(cell);
        std::sort(findings.begin(), findings.end(), [](const Finding *a, const Finding *b) {
            return std::tie(a->line, a->column) > std::tie(b->line, b->column);
        });
        for (const Finding *finding : findings)
            rewriteSecret(m_plan, m_sources[cell], *finding, nameOfValue, takenNames);
    }
    // Not in cells whose secrets moved the text the inventory's ranges point at.
    m_dataCalls = DataInputs::rewrite(m_plan, m_sources, m_analysis.io, secretCells);
    DataInputs::copy(m_plan, QFileInfo(QString::fromStdString(m_notebook.path)).absolutePath().toStdString(),
        m_options.copyDataLimit);
    // Every value the scanner found anywhere (outputs, metadata, markdown...) is hidden in all
    // the plan holds, not only those of the sources just rewritten.
    m_secretMask = SecretMask(m_plan.secretValues);
    m_secretMask.addFoundIn(m_notebook);
    m_plan.secretValues = m_secretMask.values();
}

/// Per cell: plain Python, statements, imports and configuration.
std::optional<Error> PlanBuilder::readCells()
{
    m_broken = brokenCells(m_notebook, m_analysis);
    std::vector<std::pair<int, std::string>> refused; // cell, magic
    for (auto &[index, source] : m_sources)
        m_work.push_back(readCell(index, source, refused, m_starImports));
    if (!refused.empty())
        return refusedMagics(m_notebook, refused);
    for (const auto &[name, statement] : m_importOf)
        if (statement.find("matplotlib") != std::string::npos)
            m_plan.usesMatplotlib = true;
    return std::nullopt;
}

CellWork PlanBuilder::readCell(int index, const std::string &source,
    std::vector<std::pair<int, std::string>> &refused, std::vector<std::pair<int, std::string>> &starImports)
{
    const Cell &cell = m_notebook.cells[std::size_t(index)];
    CellWork w;
    w.index = index;
    w.id = cell.id.empty() ? "cell-" + std::to_string(index + 1) : cell.id;
    const bool isBroken = std::find(m_broken.begin(), m_broken.end(), index) != m_broken.end();
    w.transformed = transformCell(source, index, isBroken, m_options, refused);
    for (const std::string &name : m_dataCalls[index])
        w.transformed.runtime.push_back(name);
    for (const PackageResource &resource : w.transformed.resources)
        m_plan.resources.push_back(resource);
    // Imports of the notebook's own modules point at their copies in the package.
    w.transformed.code = LocalModules::rewriteSource(w.transformed.code, m_localNames, m_plan.packageName);
    w.statements = PythonSource::statements(w.transformed.code);
    for (TransformNote note : w.transformed.notes) {
        note.cell = index;
        note.cellId = w.id;
        m_plan.notes.push_back(note);
    }
    for (const Statement &statement : w.statements)
        if (statement.kind == Statement::Kind::Import) {
            const std::string text = trim(statement.code);
            m_allImports.push_back(text);
            if (text.size() > 9 && text.compare(text.size() - 9, 9, " import *") == 0)
                starImports.emplace_back(index, text);
            for (const std::string &name : PythonSource::importBindings(text)) {
                w.importBound.insert(name);
                m_importOf[name] = text;
            }
        }
    readConfiguration(w, cell);
    return w;
}

/// A parameters cell, or a cell of nothing but literal constants, gives the configuration.
void PlanBuilder::readConfiguration(CellWork &w, const Cell &cell)
{
    w.parametersCell = cell.hasTag("parameters");
    if (!w.parametersCell && cell.outputs.empty()) {
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
    if (!w.parametersCell)
        return;
    for (const Statement &statement : w.statements) {
        const auto [name, value] = simpleAssignment(statement);
        if (name.empty())
            continue;
        ConfigParameter parameter;
        parameter.name = name;
        parameter.pythonValue = value;
        parameter.tomlValue = tomlValue(value);
        parameter.cell = w.index;
        parameter.cellId = w.id;
        auto existing = std::find_if(m_plan.config.begin(), m_plan.config.end(),
            [&](const ConfigParameter &p) { return p.name == name; });
        if (existing != m_plan.config.end())
            *existing = parameter;
        else
            m_plan.config.push_back(parameter);
        w.configNames.insert(name);
    }
}

/// Helpers: functions and classes whose bodies read only imports and other helpers move to
/// functions.py.
void PlanBuilder::findHelpers()
{
    std::map<std::string, int> definitionCount;
    for (const CellWork &w : m_work)
        if (const CellSymbols *symbols = symbolsOf(w.index))
            for (const NameRef &ref : symbols->defines)
                ++definitionCount[ref.name];
    for (const CellWork &w : m_work) {
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
            m_candidates.emplace(statement.name, candidate);
        }
    }
    dropUnmovableHelpers(m_candidates, m_importOf);
    for (const CellWork &w : m_work)
        for (const Statement &statement : w.statements) {
            const auto candidate = m_candidates.find(statement.name);
            if (candidate == m_candidates.end() || candidate->second.statement != &statement)
                continue;
            HelperDefinition helper;
            helper.name = statement.name;
            helper.source = statement.leading + statement.code;
            helper.cell = w.index;
            helper.cellId = w.id;
            for (const std::string &word : PythonSource::names(statement.code))
                if (m_importOf.count(word))
                    addUnique(helper.imports, m_importOf[word]);
                else if (m_dataCalls[w.index].count(word))
                    addUnique(helper.imports, "from " + m_plan.packageName + "._runtime import " + word);
            for (const std::string &import : helper.imports)
                addUnique(m_plan.helperImports, import);
            m_plan.helpers.push_back(helper);
            m_moved.insert(&statement);
        }
}

/// The code cells grouped as the split option asks: by heading, one per cell, or all in one.
std::vector<PlanBuilder::Section> PlanBuilder::sections() const
{
    using Split = GraduationOptions::Split;
    std::vector<Section> sections;
    std::map<int, const CellWork *> workOf;
    for (const CellWork &w : m_work)
        workOf[w.index] = &w;
    std::string lastHeading;
    for (std::size_t i = 0; i < m_notebook.cells.size(); ++i) {
        const Cell &cell = m_notebook.cells[i];
        if (cell.type == CellType::Markdown) {
            const std::string heading = headingOf(cell);
            if (!heading.empty()) {
                lastHeading = heading;
                if (m_options.split == Split::Headings)
                    sections.push_back({heading, {}});
            }
            continue;
        }
        const auto w = workOf.find(int(i));
        if (w == workOf.end())
            continue;
        if (m_options.split == Split::Cells || sections.empty())
            sections.push_back({m_options.split == Split::Single ? m_plan.description
                    : lastHeading.empty()                        ? "step"
                                                                 : lastHeading,
                {}});
        sections.back().cells.push_back(w->second);
    }
    return sections;
}

/// Every name the notebook binds, so step names cannot shadow a variable in pipeline.py.
std::set<std::string> PlanBuilder::takenNames() const
{
    std::set<std::string> taken(kReservedModules.begin(), kReservedModules.end());
    taken.insert(m_plan.packageName);
    taken.insert(m_localNames.begin(), m_localNames.end());
    for (const CellWork &w : m_work) {
        if (const CellSymbols *symbols = symbolsOf(w.index)) {
            for (const NameRef &ref : symbols->defines)
                taken.insert(ref.name);
            for (const NameRef &ref : symbols->uses)
                taken.insert(ref.name);
        }
        taken.insert(w.importBound.begin(), w.importBound.end());
    }
    return taken;
}

/// One step per section that keeps any code or stored output.
void PlanBuilder::writeSteps(const std::vector<Section> &sections)
{
    std::set<std::string> taken = takenNames();
    for (const Section &section : sections) {
        GraduationStep step;
        step.title = section.title;
        std::set<std::string> runtime;
        bool needsOs = false;
        std::string storedOutput;
        for (const CellWork *w : section.cells) {
            const Cell &cell = m_notebook.cells[std::size_t(w->index)];
            if (isSetUpCell(*w, cell, m_importOf))
                addSetUp(m_plan, *w, m_importOf);
            else
                addCellToStep(step, *w, runtime, needsOs, storedOutput);
        }
        addPipRequirements(section);
        m_plan.setUp.body = mask(m_plan.setUp.body);
        if (step.cells.empty())
            continue;
        step.name = stepName(step, taken);
        step.module = step.name;
        step.runtime.assign(runtime.begin(), runtime.end());
        if (needsOs && m_importOf.count("os") == 0)
            step.imports.push_back("import os");
        step.storedOutput = mask(storedOutput);
        step.body = mask(step.body);
        for (int cell : step.cells)
            m_stepOfCell[cell] = m_plan.steps.size();
        m_plan.steps.push_back(std::move(step));
    }
}

void PlanBuilder::addCellToStep(GraduationStep &step, const CellWork &w, std::set<std::string> &runtime,
    bool &needsOs, std::string &storedOutput)
{
    const std::string body = stepBody(w, runtime);
    const std::string stored = storedOutputOf(m_notebook.cells[std::size_t(w.index)]);
    if (!LineScanner::hasCode(body) && stored.empty())
        return;
    std::string header
        = "# notebook cell " + escaping::oneLine(w.id) + " (cell " + std::to_string(w.index + 1) + ")\n";
    for (const Finding *finding : m_hidden)
        if (finding->cell == w.index) {
            header += "# TASSEL HIDDEN STATE: " + escaping::oneLine(finding->message) + "\n";
            m_plan.notes.push_back(
                {"hidden-state", w.id, w.index, finding->line, finding->message, finding->messageKey});
        }
    const std::size_t start = body.find_first_not_of('\n');
    const std::string trimmed = start == std::string::npos ? std::string() : body.substr(start);
    step.body += (step.body.empty() ? "" : "\n") + header + (trim(trimmed).empty() ? "" : trimmed);
    step.cells.push_back(w.index);
    step.cellIds.push_back(w.id);
    storedOutput += stored;
    runtime.insert(w.transformed.runtime.begin(), w.transformed.runtime.end());
    needsOs = needsOs || w.transformed.needsOs || w.transformed.code.find("os.environ[") != std::string::npos;
}

/// A cell's statements as a step runs them: without imports, helpers and configuration, its last
/// bare expression shown as IPython displays it, figures saved instead of shown.
std::string PlanBuilder::stepBody(const CellWork &w, std::set<std::string> &runtime) const
{
    std::string body;
    const Statement *lastCode = nullptr;
    for (const Statement &statement : w.statements)
        if (statement.kind != Statement::Kind::Trivia)
            lastCode = &statement;
    for (const Statement &statement : w.statements) {
        if (statement.kind == Statement::Kind::Import || m_moved.count(&statement))
            continue;
        if (w.configNames.count(simpleAssignment(statement).first))
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
                if (expression.find('#') != std::string::npos || expression.find('\n') != std::string::npos)
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
    for (const auto &[name, statement] : m_importOf) {
        if (statement.find("pyplot") == std::string::npos)
            continue;
        if (replaceCalls(body, name + ".show", "save_figures()", true))
            runtime.insert("save_figures");
    }
    return body;
}

/// `%pip install` lines of the section's cells become dependencies.
void PlanBuilder::addPipRequirements(const Section &section)
{
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
            m_plan.dependencies.push_back(dependency);
        }
}

/// A heading that names a notebook variable ("## Summary" beside `summary`) falls back on the
/// values the section makes, its last one (usually what it shows) first, then on
/// "<heading>_step", before a numeric suffix.
std::string PlanBuilder::stepName(const GraduationStep &step, std::set<std::string> &taken) const
{
    const std::string base = PythonIdentifiers::identifier(step.title, "step");
    std::vector<std::string> candidates {base};
    for (auto cell = step.cells.rbegin(); cell != step.cells.rend(); ++cell)
        if (const CellSymbols *symbols = symbolsOf(*cell))
            for (auto ref = symbols->defines.rbegin(); ref != symbols->defines.rend(); ++ref)
                if (ref->name.front() != '_')
                    candidates.push_back(PythonIdentifiers::identifier("compute " + ref->name, "step"));
    candidates.push_back(base + "_step");
    return PythonIdentifiers::firstFree(candidates, taken);
}

/// Who binds what, in document order: imports, helpers, configuration or a step.
PlanBuilder::Binders PlanBuilder::binders() const
{
    Binders binders;
    for (const CellWork &w : m_work) {
        const CellSymbols *symbols = symbolsOf(w.index);
        if (!symbols)
            continue;
        for (const NameRef &ref : symbols->defines) {
            Binder binder = Binder::Step;
            const auto candidate = m_candidates.find(ref.name);
            if (w.configNames.count(ref.name))
                binder = Binder::Config;
            else if (candidate != m_candidates.end() && candidate->second.cell == &w)
                binder = Binder::Helper;
            else if (w.importBound.count(ref.name))
                binder = Binder::Import;
            binders[ref.name].emplace_back(w.index, binder);
        }
    }
    return binders;
}

/// What a step reads from outside itself: parameters from earlier steps (which then return
/// them), configuration, helpers, imports, or hidden state when nothing before binds a name.
void PlanBuilder::connectStep(GraduationStep &step, const Binders &binders, ReadAt &readAt)
{
    const std::size_t index = std::size_t(&step - m_plan.steps.data());
    std::vector<std::string> uses;
    std::set<std::string> definedInStep;
    auto use = [&](const std::string &name, int cell) {
        if (definedInStep.count(name))
            return;
        uses.push_back(name);
        readAt.emplace(std::make_pair(index, name), cell);
    };
    for (int cell : step.cells) {
        const CellSymbols *symbols = symbolsOf(cell);
        if (!symbols)
            continue;
        for (const NameRef &ref : symbols->uses)
            use(ref.name, cell);
        // Functions left in the step read module names when called: the step must have them.
        for (const DeferredScope &scope : symbols->deferred)
            if (!m_candidates.count(scope.name))
                for (const NameRef &ref : scope.freeNames)
                    use(ref.name, cell);
        for (const NameRef &ref : symbols->defines)
            definedInStep.insert(ref.name);
    }
    keepFirstOccurrences(uses);
    for (const std::string &name : uses) {
        // A helper lives in functions.py whatever cell defined it (often a cell of this very
        // step that held nothing else and so left no trace in step.cells).
        if (m_candidates.count(name)) {
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
            for (const auto &[cell, statement] : m_starImports)
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
        case Binder::Step: {
            const auto from = m_stepOfCell.find(binder->first);
            if (from == m_stepOfCell.end()) {
                step.hiddenState.push_back(name);
            } else if (from->second != index) { // else bound earlier in this very step
                step.parameters.push_back(name);
                m_plan.steps[from->second].returns.push_back(name);
            }
            break;
        }
        }
    }
    // Helpers called inside the body but bound in the same step's cells are moved as well.
    for (const std::string &word : PythonSource::names(step.body)) {
        if (m_candidates.count(word))
            step.helpers.push_back(word);
        if (const auto import = m_importOf.find(word); import != m_importOf.end())
            step.imports.push_back(import->second);
    }
    for (auto *list :
        {&step.helpers, &step.hiddenState, &step.configParameters, &step.parameters, &step.imports})
        keepFirstOccurrences(*list);
    sortImports(step.imports);
}

/// The notebook's order, `from __future__` first.
void PlanBuilder::sortImports(std::vector<std::string> &imports) const
{
    auto rank = [&](const std::string &statement) {
        const auto at = m_importRank.find(statement);
        return std::make_pair(statement.rfind("from __future__", 0) != 0,
            at == m_importRank.end() ? m_allImports.size() : at->second);
    };
    std::stable_sort(imports.begin(), imports.end(),
        [&](const std::string &a, const std::string &b) { return rank(a) < rank(b); });
}

/// A step returns a name only if a later step reads it; ordered by first definition.
void PlanBuilder::orderReturns()
{
    for (GraduationStep &step : m_plan.steps) {
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
}

/// The notebook's silent failures stay as written; the package README lists them to review.
void PlanBuilder::listFailurePaths()
{
    for (const Finding &finding : m_analysis.findings) {
        if (finding.rule != "swallowed-exception")
            continue;
        const auto step = m_stepOfCell.find(finding.cell);
        TransformNote path {
            finding.rule, finding.cellId, finding.cell, finding.line, finding.message, finding.messageKey};
        if (step != m_stepOfCell.end()) {
            // "step `name`: " and the finding's own sentence, with the finding's arguments.
            path.setMessage(Message("plan.failure-path")
                                .arg("step", m_plan.steps[step->second].name)
                                .nest("finding", finding.messageKey));
        }
        m_plan.failurePaths.push_back(std::move(path));
    }
}

/// A step with a cell whose stored output the analysis already says a re-run cannot show (a
/// nondeterministic value, or a stale output: one made before the code it depends on changed, or
/// left with no code at all) gets that finding as its `xfailReason`, without --verify: its
/// regression tests would compare against text the package cannot print. So does a step with a
/// cell that never ran (no execution count, no output: the last cells of a draft, a notebook
/// saved with its outputs stripped): what it prints is unknown, not nothing.
void PlanBuilder::markKnownUnreproducible()
{
    for (const Finding &finding : m_analysis.findings) {
        if (finding.rule != "nondeterministic-output" && finding.rule != "stale-output")
            continue;
        const auto step = m_stepOfCell.find(finding.cell);
        if (step != m_stepOfCell.end() && m_plan.steps[step->second].xfailReason.empty()
            && !m_plan.steps[step->second].storedOutput.empty())
            m_plan.steps[step->second].xfailReason = finding.message;
    }
    for (GraduationStep &step : m_plan.steps) {
        std::string neverRun;
        std::size_t count = 0;
        for (int cell : step.cells) {
            const Cell &code = m_notebook.cells[std::size_t(cell)];
            if (!code.executionCount && code.outputs.empty()) {
                neverRun += (count++ == 0 ? "" : ", ") + std::to_string(cell + 1);
            }
        }
        if (step.xfailReason.empty() && count > 0)
            step.xfailReason = (count == 1 ? "cell " + neverRun + " was" : "cells " + neverRun + " were")
                + " never run in the notebook: there is no output to compare with";
    }
}

/// What the dependency analysis knows, else a guess from the imports; one entry per distribution.
void PlanBuilder::collectDependencies()
{
    for (const ImportInfo &info : m_analysis.imports) {
        if (info.kind != "third-party")
            continue;
        PackageDependency dependency;
        dependency.distribution = info.distribution.empty() ? info.module : info.distribution;
        dependency.module = info.module;
        if (info.version)
            dependency.version = *info.version;
        dependency.source
            = info.source.empty() ? (info.version ? "the analysed environment" : "") : info.source;
        m_plan.dependencies.push_back(dependency);
    }
    for (const RequiredDistribution &required : m_analysis.requiredDistributions)
        m_plan.dependencies.push_back({required.distribution, required.version,
            "the analysed environment, required by " + required.requiredBy, {}, required.requiredBy});
    if (m_analysis.imports.empty())
        for (const auto &[name, statement] : m_importOf) {
            std::string module = trim(statement.substr(statement.rfind("from ", 0) == 0 ? 5 : 7));
            module = module.substr(0, module.find_first_of(" .,"));
            if (module.empty() || !looksThirdParty(module))
                continue;
            PackageDependency dependency;
            dependency.distribution = module;
            dependency.module = module;
            m_plan.dependencies.push_back(dependency);
        }
    m_plan.dependencies = mergedDependencies(m_plan.dependencies);
}

/// The notebook itself, hashed as it is and copied with secrets masked.
void PlanBuilder::copyNotebook()
{
    QFile file(QString::fromStdString(m_notebook.path));
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QByteArray bytes = file.readAll();
    std::string text(bytes.constData(), std::size_t(bytes.size()));
    m_plan.notebookSha256 = sha256Hex(text);
    m_plan.notebookCopy = m_secretMask.hide(std::move(text));
}

} // namespace

Result<GraduationPlan> GraduationPlanner::plan(
    const Notebook &notebook, const NotebookAnalysis &analysis, const GraduationOptions &options)
{
    return PlanBuilder(notebook, analysis, options).build();
}

void GraduationPlanner::markUnreproduced(GraduationPlan &plan, const Notebook &notebook,
    const VerifyReport &report, const NotebookAnalysis &analysis)
{
    // The re-run is evidence: it overrides what the analysis predicted (markKnownUnreproducible).
    for (GraduationStep &step : plan.steps)
        step.xfailReason.clear();
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
