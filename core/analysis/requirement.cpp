#include "analysis/requirement.h"

#include "util/text.h"

#include <algorithm>
#include <cctype>

namespace tassel {

namespace {

std::string_view trim(std::string_view text)
{
    return trimmed(text);
}

bool isNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
}

std::string withoutSpaces(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (!std::isspace(static_cast<unsigned char>(c)))
            out += c;
    }
    return out;
}

/// "==1.2.3" or "===1.2.3" alone pins; "==1.*" and ranges do not.
std::optional<std::string> exactPin(std::string_view specifier)
{
    if (specifier.find(',') != std::string_view::npos)
        return std::nullopt;
    std::string_view version;
    if (specifier.starts_with("==="))
        version = specifier.substr(3);
    else if (specifier.starts_with("=="))
        version = specifier.substr(2);
    else
        return std::nullopt;
    if (version.empty() || version.find('*') != std::string_view::npos)
        return std::nullopt;
    return std::string(version);
}

} // namespace

std::string Requirement::normalizedName() const
{
    return normalize(name);
}

std::string Requirement::normalize(std::string_view name)
{
    std::string out;
    bool separator = false;
    for (char c : name) {
        if (c == '-' || c == '_' || c == '.') {
            separator = true;
            continue;
        }
        if (separator && !out.empty())
            out += '-';
        separator = false;
        out += char(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::optional<Requirement> Requirement::parse(std::string_view text)
{
    text = trim(text);
    if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front())
        text = trim(text.substr(1, text.size() - 2));
    if (text.empty())
        return std::nullopt;
    std::size_t end = 0;
    while (end < text.size() && isNameChar(text[end]))
        ++end;
    // VCS and archive URLs (git+https://..., https://...) name the project in #egg=.
    if (text.substr(end).starts_with("://") || text.substr(end).starts_with("+")) {
        const std::size_t egg = text.find("#egg=");
        if (egg == std::string_view::npos)
            return std::nullopt;
        std::string_view name = text.substr(egg + 5);
        name = name.substr(0, name.find('&'));
        Requirement requirement;
        requirement.name = std::string(name);
        requirement.specifier = "@ " + std::string(text.substr(0, egg));
        return requirement.name.empty() ? std::nullopt : std::optional(requirement);
    }
    if (!std::isalnum(static_cast<unsigned char>(text.front())))
        return std::nullopt; // paths (., ./pkg, /abs) and options
    Requirement requirement;
    requirement.name = std::string(text.substr(0, end));
    std::string_view rest = trim(text.substr(end));
    if (rest.starts_with('[')) {
        const std::size_t close = rest.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        rest = trim(rest.substr(close + 1));
    }
    rest = trim(rest.substr(0, rest.find(';'))); // environment markers
    if (rest.starts_with('@')) {
        requirement.specifier = "@ " + std::string(trim(rest.substr(1)));
        return requirement;
    }
    if (rest.starts_with('(') && rest.ends_with(')'))
        rest = rest.substr(1, rest.size() - 2);
    if (!rest.empty() && std::string_view("=<>!~").find(rest.front()) == std::string_view::npos)
        return std::nullopt; // "numpy scipy" glued, or a file name with a dot and path
    requirement.specifier = withoutSpaces(rest);
    requirement.pinnedVersion = exactPin(requirement.specifier);
    // A dotted word ending in a known file suffix is a path, not a project.
    for (std::string_view suffix : {".whl", ".tar.gz", ".zip", ".txt", ".py"}) {
        if (requirement.name.ends_with(suffix))
            return std::nullopt;
    }
    return requirement;
}

std::optional<Requirement> Requirement::parseConda(std::string_view text)
{
    text = trim(text);
    if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') && text.back() == text.front())
        text = trim(text.substr(1, text.size() - 2));
    if (const std::size_t channel = text.find("::"); channel != std::string_view::npos)
        text = text.substr(channel + 2);
    if (text.empty() || !std::isalnum(static_cast<unsigned char>(text.front())))
        return std::nullopt;
    std::size_t end = 0;
    while (end < text.size() && isNameChar(text[end]))
        ++end;
    Requirement requirement;
    requirement.name = std::string(text.substr(0, end));
    std::string spec = withoutSpaces(text.substr(end));
    // conda's "name 1.2" and "name=1.2" both mean 1.2 (conda treats =1.2 as 1.2.*, but a full
    // version there is how environment files pin).
    if (!spec.empty() && std::isdigit(static_cast<unsigned char>(spec.front())))
        spec = "=" + spec;
    if (spec.starts_with('=') && !spec.starts_with("==")) {
        std::string version = spec.substr(1);
        version = version.substr(0, version.find('='));
        requirement.specifier = spec;
        if (!version.empty() && version.find('*') == std::string::npos
            && version.find(',') == std::string::npos && version.find_first_of("<>|") == std::string::npos)
            requirement.pinnedVersion = version;
        return requirement;
    }
    requirement.specifier = spec;
    requirement.pinnedVersion = exactPin(spec);
    return requirement;
}

} // namespace tassel
