#include "graduate/sessionsetup.h"

#include "graduate/pythonsource.h"
#include "util/text.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace tassel {

namespace {

// Calls that change how the session displays or warns and nothing the steps compute.
constexpr std::array kSetUpCalls
    = {"pandas.set_option", "matplotlib.use", "matplotlib.rc", "matplotlib.pyplot.rc", "matplotlib.style.use",
        "matplotlib.pyplot.style.use", "matplotlib.rcParams.update", "matplotlib.pyplot.rcParams.update",
        "numpy.set_printoptions", "warnings.filterwarnings", "warnings.simplefilter", "seaborn.set",
        "seaborn.set_theme", "seaborn.set_style", "seaborn.set_context", "seaborn.set_palette"};
// Assignments below these paths set options the same way.
constexpr std::array kSetUpTargets = {"pandas.options.", "matplotlib.rcParams", "matplotlib.pyplot.rcParams"};

bool isNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

/// Whether `rest` (after a dotted name) is `[...] = value` or `= value`, not a comparison.
bool isAssignment(std::string_view rest)
{
    if (!rest.empty() && rest.front() == '[') {
        const auto close = rest.find(']');
        if (close == std::string_view::npos)
            return false;
        rest = trimmed(rest.substr(close + 1));
    }
    return rest.size() >= 2 && rest[0] == '=' && rest[1] != '=';
}

} // namespace

std::string SessionSetup::importedPath(std::string_view statement, std::string_view name)
{
    std::string text(trimmed(statement));
    std::replace_if(
        text.begin(), text.end(), [](char c) { return c == '\n' || c == '(' || c == ')' || c == '\\'; }, ' ');
    std::string module;
    std::string_view items = text;
    if (text.rfind("from ", 0) == 0) {
        const auto import = text.find(" import ");
        if (import == std::string::npos)
            return {};
        module = std::string(trimmed(std::string_view(text).substr(5, import - 5)));
        items = std::string_view(text).substr(import + 8);
    } else if (text.rfind("import ", 0) == 0) {
        items = std::string_view(text).substr(7);
    } else {
        return {};
    }
    while (!items.empty()) {
        const auto comma = items.find(',');
        const std::string_view item = trimmed(items.substr(0, comma));
        items = comma == std::string_view::npos ? std::string_view() : items.substr(comma + 1);
        const auto as = item.find(" as ");
        const std::string_view path = trimmed(item.substr(0, as));
        const std::string_view bound
            = as == std::string_view::npos ? path.substr(0, path.find('.')) : trimmed(item.substr(as + 4));
        if (bound != name)
            continue;
        if (!module.empty())
            return module + '.' + std::string(path);
        return std::string(as == std::string_view::npos ? bound : path);
    }
    return {};
}

bool SessionSetup::isSetUpStatement(std::string_view code, const std::map<std::string, std::string> &importOf)
{
    code = trimmed(code);
    std::size_t end = 0;
    while (end < code.size() && (isNameChar(code[end]) || code[end] == '.'))
        ++end;
    const std::string_view dotted = code.substr(0, end);
    const std::string_view head = dotted.substr(0, dotted.find('.'));
    const auto import = importOf.find(std::string(head));
    if (head.empty() || import == importOf.end())
        return false;
    const std::string path = importedPath(import->second, head) + std::string(dotted.substr(head.size()));
    const std::string_view rest = trimmed(code.substr(end));
    if (!rest.empty() && rest.front() == '(') {
        // One call and nothing after it: `pd.set_option(...).x` or `f(...) + 1` is not set-up.
        const auto after = PythonSource::afterBrackets(rest);
        if (!after || !trimmed(PythonSource::withoutComment(*after)).empty())
            return false;
        return std::find(kSetUpCalls.begin(), kSetUpCalls.end(), path) != kSetUpCalls.end();
    }
    if (!isAssignment(rest))
        return false;
    return std::any_of(kSetUpTargets.begin(), kSetUpTargets.end(),
        [&](std::string_view target) { return path.rfind(target, 0) == 0; });
}

} // namespace tassel
