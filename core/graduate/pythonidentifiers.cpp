#include "graduate/pythonidentifiers.h"

#include "graduate/pythonsource.h"

#include <QString>

#include <algorithm>
#include <array>

namespace tassel {

namespace {

} // namespace

std::string PythonIdentifiers::identifier(std::string_view text, std::string_view fallback)
{
    const QString decomposed
        = QString::fromUtf8(text.data(), qsizetype(text.size())).normalized(QString::NormalizationForm_KD);
    std::string out;
    for (const QChar c : decomposed) {
        const char16_t u = c.unicode();
        if (c.category() == QChar::Mark_NonSpacing)
            continue; // the accent of a decomposed letter
        const bool alnum = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
        if (alnum)
            out += char(u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u);
        else if (out.empty() || out.back() != '_')
            out += '_';
    }
    // No leading underscores (dunders and private names), no trailing ones.
    const auto first = out.find_first_not_of('_');
    out = first == std::string::npos ? std::string() : out.substr(first);
    while (!out.empty() && out.back() == '_')
        out.pop_back();
    if (out.size() > 40) {
        // Whole words: cut at the last word boundary that fits, mid-word only for one long word.
        const auto boundary = out.rfind('_', 40);
        out.resize(boundary != std::string::npos && boundary > 0 ? boundary : 40);
        while (!out.empty() && out.back() == '_')
            out.pop_back();
    }
    if (out.empty())
        out = std::string(fallback);
    if (!out.empty() && out.front() >= '0' && out.front() <= '9')
        out = std::string(fallback) + '_' + out;
    if (!PythonSource::isIdentifier(out) || out == "match" || out == "case" || out == "type")
        out += '_';
    return out;
}

std::string PythonIdentifiers::unique(const std::string &name, std::set<std::string> &taken)
{
    std::string candidate = name;
    for (int n = 2; taken.count(candidate); ++n)
        candidate = name + '_' + std::to_string(n);
    taken.insert(candidate);
    return candidate;
}

std::string PythonIdentifiers::firstFree(
    const std::vector<std::string> &candidates, std::set<std::string> &taken)
{
    for (const std::string &candidate : candidates)
        if (!candidate.empty() && taken.insert(candidate).second)
            return candidate;
    return unique(candidates.empty() ? std::string("step") : candidates.front(), taken);
}

} // namespace tassel
