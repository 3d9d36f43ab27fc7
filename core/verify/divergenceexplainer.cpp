#include "verify/divergenceexplainer.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

namespace tassel {

namespace {

// How well a rule explains each kind of divergence; lower is better, absent means never. The
// library rules come last: an unpinned library explains a changed repr or number, but only when
// nothing closer to the cell does.
const std::map<std::string, int> kForError = {{"use-before-definition", 0}, {"undefined-name", 1},
    {"syntax-error", 2}, {"missing-input", 3}, {"hardcoded-path", 4}, {"network-input", 5},
    {"undeclared-dependency", 6}, {"unexecuted-cell", 7}, {"out-of-order-execution", 8}, {"opaque-code", 9},
    {"shell-install", 10}, {"nondeterministic-output", 11}, {"unpinned-dependency", 12}};
const std::map<std::string, int> kForDiffers = {{"nondeterministic-output", 0}, {"error-output", 1},
    {"stale-output", 2}, {"out-of-order-execution", 3}, {"unexecuted-cell", 4}, {"non-idempotent-cell", 5},
    {"use-before-definition", 6}, {"execution-gap", 7}, {"opaque-code", 8}, {"unpinned-dependency", 9},
    {"undeclared-dependency", 10}};

/// Exception classes (the last dotted part) and the rules that name their cause.
struct ErrorFamily
{
    std::array<std::string_view, 9> exceptions;
    std::array<std::string_view, 3> rules;
};
constexpr std::array kErrorFamilies = {
    ErrorFamily {{"URLError", "HTTPError", "ConnectionError", "ConnectionRefusedError", "gaierror",
                     "SSLError", "MaxRetryError", "ReadTimeout", "RemoteDisconnected"},
        {"network-input"}},
    ErrorFamily {{"FileNotFoundError", "NotADirectoryError", "IsADirectoryError", "PermissionError",
                     "OSError", "IOError", "EmptyDataError"},
        {"missing-input", "hardcoded-path"}},
    ErrorFamily {{"SyntaxError", "IndentationError", "TabError"}, {"syntax-error"}},
};

/// The family of an exception class (its last dotted part), or nullptr.
const ErrorFamily *familyOf(const std::string &errorName)
{
    const std::string_view name = std::string_view(errorName).substr(errorName.rfind('.') + 1);
    const auto found
        = std::find_if(kErrorFamilies.begin(), kErrorFamilies.end(), [&](const ErrorFamily &family) {
              return std::find(family.exceptions.begin(), family.exceptions.end(), name)
                  != family.exceptions.end();
          });
    return found == kErrorFamilies.end() ? nullptr : &*found;
}

bool errorFamilyNames(const std::string &errorName, const std::string &rule)
{
    const ErrorFamily *family = familyOf(errorName);
    return family && std::find(family->rules.begin(), family->rules.end(), rule) != family->rules.end();
}

std::string nameInQuotes(const std::string &value)
{
    // "name 'x' is not defined", "free variable 'x' referenced before assignment", ...
    const std::size_t open = value.find('\'');
    if (open == std::string::npos)
        return {};
    const std::size_t close = value.find('\'', open + 1);
    if (close == std::string::npos)
        return {};
    return value.substr(open + 1, close - open - 1);
}

/// `cell` and every cell whose names flow into it, directly or through other cells.
std::set<int> upstreamOf(int cell, const std::vector<Dependency> &dependencies)
{
    std::set<int> found {cell};
    std::vector<int> pending {cell};
    while (!pending.empty()) {
        const int current = pending.back();
        pending.pop_back();
        for (const Dependency &dependency : dependencies)
            if (dependency.to == current && found.insert(dependency.from).second)
                pending.push_back(dependency.from);
    }
    return found;
}

/// Names that imports of `module` bind in `cell`.
std::set<std::string> boundByImports(const NotebookAnalysis &analysis, int cell, const std::string &module)
{
    std::set<std::string> bound;
    if (cell < 0 || std::size_t(cell) >= analysis.cells.size())
        return bound;
    for (const ImportRef &ref : analysis.cells[std::size_t(cell)].imports) {
        if (ref.module.substr(0, ref.module.find('.')) != module)
            continue;
        bound.insert(ref.boundAs);
        bound.insert(ref.names.begin(), ref.names.end());
    }
    bound.erase(std::string());
    return bound;
}

/// Whether a value of the module a dependency finding is about reaches one of `cells`: one of them
/// imports it, or a name some cell's import of it binds flows into one of them. The finding is
/// reported once, at the first import; later cells often import the module again.
bool moduleReaches(const Finding &finding, const NotebookAnalysis &analysis, const std::set<int> &cells)
{
    if (finding.names.empty())
        return false;
    const std::string &module = finding.names.front();
    for (const int cell : cells)
        if (!boundByImports(analysis, cell, module).empty())
            return true;
    return std::any_of(analysis.dependencies.begin(), analysis.dependencies.end(), [&](const Dependency &d) {
        if (!cells.count(d.to))
            return false;
        const std::set<std::string> bound = boundByImports(analysis, d.from, module);
        return std::any_of(
            d.names.begin(), d.names.end(), [&](const std::string &n) { return bound.count(n); });
    });
}

/// An error whose cause is not a library's version: a missing name, file or network, bad syntax.
/// Only the rules about that cause explain it, not every library whose values reach the cell.
bool causeKnownElsewhere(const CellVerification &cell)
{
    return cell.status == VerifyStatus::Error
        && (cell.errorName == "NameError" || cell.errorName == "UnboundLocalError"
            || familyOf(cell.errorName));
}

bool isLibraryRule(const std::string &rule)
{
    return rule == "unpinned-dependency" || rule == "undeclared-dependency";
}

/// The finding's score for this cell (lower explains better), or nothing when it does not apply.
std::optional<int> score(const Finding &finding, int rank, const CellVerification &cell,
    const NotebookAnalysis &analysis, const std::set<int> &upstream)
{
    const bool here = finding.cell == cell.cell;
    const bool related = std::find(finding.relatedCells.begin(), finding.relatedCells.end(), cell.cell)
        != finding.relatedCells.end();
    // A never-run cell explains the cells that depend on it; a library explains the cells its values
    // reach; other rules explain the cell they are reported at.
    const bool applies = here || (related && finding.rule == "unexecuted-cell")
        || (isLibraryRule(finding.rule) && !causeKnownElsewhere(cell)
            && moduleReaches(finding, analysis, upstream));
    if (!applies)
        return std::nullopt;
    int value = rank * 10;
    const bool nameError = cell.errorName == "NameError" || cell.errorName == "UnboundLocalError";
    const bool importError = cell.errorName == "ModuleNotFoundError" || cell.errorName == "ImportError";
    const std::string quoted = nameError || importError ? nameInQuotes(cell.errorValue) : std::string();
    const auto &names = finding.names;
    if (nameError && !quoted.empty()) {
        if (std::find(names.begin(), names.end(), quoted) != names.end())
            value -= 100;
        else if (finding.rule == "use-before-definition" || finding.rule == "undefined-name")
            value += 50; // about another name
    }
    if (importError && !quoted.empty()) {
        const std::string top = quoted.substr(0, quoted.find('.'));
        if (std::find(names.begin(), names.end(), top) != names.end()
            || finding.message.find(top) != std::string::npos)
            value -= 100;
        else if (finding.rule == "undeclared-dependency")
            value += 50;
    }
    if (errorFamilyNames(cell.errorName, finding.rule))
        value -= 100;
    return value;
}

} // namespace

void DivergenceExplainer::explain(VerifyReport &report, const NotebookAnalysis &analysis)
{
    for (CellVerification &cell : report.cells) {
        cell.explanations.clear();
        if (cell.status == VerifyStatus::Reproduced || cell.status == VerifyStatus::NotRun || cell.timedOut)
            continue;
        const auto &ranks = cell.status == VerifyStatus::Error ? kForError : kForDiffers;
        const std::set<int> upstream = upstreamOf(cell.cell, analysis.dependencies);
        std::vector<std::pair<int, const Finding *>> ranked;
        for (const Finding &finding : analysis.findings) {
            const auto rank = ranks.find(finding.rule);
            if (rank == ranks.end())
                continue;
            if (const auto value = score(finding, rank->second, cell, analysis, upstream))
                ranked.emplace_back(*value, &finding);
        }
        std::stable_sort(
            ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &[value, finding] : ranked)
            cell.explanations.push_back(*finding);
    }
}

} // namespace tassel
