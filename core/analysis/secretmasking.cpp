#include "analysis/secretmasking.h"

#include "analysis/secretscanner.h"
#include "python/sourcemap.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace tassel {

namespace {

/// Shorter values are not secrets the scanner reports, and replacing them would garble text.
constexpr std::size_t kShortestValue = 4;
/// A line of a multi-line value shorter than this (a blank line, a PEM's last `==`) is left.
constexpr std::size_t kShortestLine = 8;

void replaceAll(std::string &text, const std::string &from, const std::string &to)
{
    if (from.empty() || from == to)
        return;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

std::string jsonEscaped(const std::string &value, bool asciiOnly)
{
    const std::string dumped
        = nlohmann::json(value).dump(-1, ' ', asciiOnly, nlohmann::json::error_handler_t::replace);
    return dumped.substr(1, dumped.size() - 2);
}

/// The forms a value takes in text Tassel writes: itself, escaped in a JSON string, and, for a
/// value of several lines, each line (notebooks store text as lists of lines).
std::vector<std::string> formsOf(const std::string &value)
{
    std::vector<std::string> forms;
    auto addEscaped = [&forms](const std::string &form) {
        forms.push_back(form);
        forms.push_back(jsonEscaped(form, false));
        forms.push_back(jsonEscaped(form, true));
    };
    addEscaped(value);
    if (value.find('\n') != std::string::npos) {
        for (std::string_view line : splitLines(value)) {
            while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
                line.remove_suffix(1);
            if (line.size() >= kShortestLine)
                addEscaped(std::string(line));
        }
    }
    std::sort(forms.begin(), forms.end(),
        [](const std::string &a, const std::string &b) { return a.size() > b.size(); });
    forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
    return forms;
}

bool tokenChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '+' || c == '/'
        || c == '=';
}

} // namespace

SecretMask::SecretMask(const std::vector<std::string> &values)
{
    for (const std::string &value : values)
        add(value);
}

SecretMask SecretMask::of(const Notebook &notebook)
{
    SecretMask mask;
    mask.addFoundIn(notebook);
    return mask;
}

void SecretMask::add(const std::string &value)
{
    if (value.size() < kShortestValue || std::find(m_values.begin(), m_values.end(), value) != m_values.end())
        return;
    const auto at = std::find_if(m_values.begin(), m_values.end(),
        [&](const std::string &other) { return other.size() < value.size(); });
    m_values.insert(at, value);
}

void SecretMask::addFoundIn(std::string_view text)
{
    for (const SecretSpan &span : SecretScanner::shared().scanText(text, TextKind::Prose))
        add(span.value);
}

void SecretMask::addFoundIn(const Notebook &notebook)
{
    for (const SecretSpan &span : SecretScanner::shared().locate(notebook))
        add(span.value);
}

std::string SecretMask::replaced(std::string text, bool withPreview) const
{
    for (const std::string &value : m_values) {
        for (const std::string &form : formsOf(value)) {
            if (text.find(form) != std::string::npos)
                replaceAll(text, form, withPreview ? SecretScanner::mask(form) : std::string("***"));
        }
    }
    return text;
}

std::string SecretMask::hide(std::string text) const
{
    return replaced(std::move(text), false);
}

std::string SecretMask::preview(std::string text) const
{
    return replaced(std::move(text), true);
}

MaskedRange rangeOf(std::string_view text, const Finding &finding)
{
    const SourceMap map(text);
    MaskedRange range;
    range.begin = map.offset(finding.line, finding.column);
    if (finding.endColumn > 0) {
        range.end = map.offset(finding.endLine > 0 ? finding.endLine : finding.line, finding.endColumn);
    } else {
        range.end = std::min(text.find('\n', range.begin), text.size());
    }
    range.end = std::max(range.begin, range.end);
    return range;
}

std::string bullets(std::string_view value)
{
    std::string out;
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == '\n')
            out += '\n';
        else if ((byte & 0xC0) != 0x80) // one bullet per character, not per byte
            out += "\u2022";
    }
    return out;
}

std::string maskRanges(std::string text, std::vector<MaskedRange> ranges)
{
    // Right to left, so earlier offsets stay valid whatever length replaces a range.
    std::sort(ranges.begin(), ranges.end(),
        [](const MaskedRange &a, const MaskedRange &b) { return a.begin > b.begin; });
    std::size_t limit = text.size();
    for (const MaskedRange &range : ranges) {
        const std::size_t end = std::min(range.end, limit);
        if (end <= range.begin)
            continue;
        text.replace(range.begin, end - range.begin, range.replacement);
        limit = range.begin;
    }
    return text;
}

std::string maskLikelyTokens(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (!tokenChar(text[i])) {
            out += text[i++];
            continue;
        }
        std::size_t end = i;
        bool letters = false;
        bool digits = false;
        while (end < text.size() && tokenChar(text[end])) {
            letters = letters || std::isalpha(static_cast<unsigned char>(text[end]));
            digits = digits || std::isdigit(static_cast<unsigned char>(text[end]));
            ++end;
        }
        const std::string_view token = text.substr(i, end - i);
        if (token.size() >= 20 && letters && digits)
            out += std::string(token.substr(0, 4)) + "…(" + std::to_string(token.size()) + " chars)";
        else
            out += token;
        i = end;
    }
    return out;
}

} // namespace tassel
