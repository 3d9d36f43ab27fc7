#include "graduate/importblock.h"

#include "analysis/stdlibmodules.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

namespace tassel {

namespace {

constexpr std::size_t kLineLength = 100; // the generated pyproject.toml's ruff line-length

enum Section { Future, Standard, ThirdParty, FirstParty, Relative };

std::string lowered(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// isort's order-by-type: CONSTANTS, then Classes, then everything else.
int memberType(std::string_view name)
{
    const bool hasLower = std::any_of(
        name.begin(), name.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
    if (name.size() > 1 && !hasLower)
        return 0;
    if (!name.empty() && std::isupper(static_cast<unsigned char>(name.front())))
        return 1;
    return 2;
}

auto memberKey(const PythonSource::Import::Clause &clause)
{
    return std::make_tuple(memberType(clause.name), lowered(clause.name), clause.name, lowered(clause.alias));
}

std::string clauseText(const PythonSource::Import::Clause &clause)
{
    return clause.alias.empty() ? clause.name : clause.name + " as " + clause.alias;
}

} // namespace

ImportBlock::ImportBlock(std::string firstParty, int pythonMinor)
    : m_firstParty(std::move(firstParty))
    , m_pythonMinor(pythonMinor)
{
}

void ImportBlock::add(std::string_view statement)
{
    const PythonSource::Import import = PythonSource::parseImport(statement);
    for (const PythonSource::Import::Clause &clause : import.clauses)
        m_imports.push_back({import.isFrom, import.module, clause});
}

void ImportBlock::addFrom(const std::string &module, const std::string &name)
{
    m_imports.push_back({true, module, {name, {}}});
}

void ImportBlock::keepOnly(const std::set<std::string> &used)
{
    std::erase_if(m_imports,
        [&](const Entry &entry) { return entry.clause.name != "*" && !used.count(entry.clause.bound()); });
}

int ImportBlock::sectionOf(const Entry &entry) const
{
    const std::string &dotted = entry.isFrom ? entry.module : entry.clause.name;
    if (dotted.starts_with('.'))
        return Relative;
    const std::string top = dotted.substr(0, dotted.find('.'));
    if (top == "__future__")
        return Future;
    if (top == m_firstParty)
        return FirstParty;
    return StdlibModules::contains(top, m_pythonMinor) ? Standard : ThirdParty;
}

std::string ImportBlock::render() const
{
    // section -> (module key, module) -> clauses; `import` lines and `from` lines apart.
    using ModuleKey = std::pair<std::string, std::string>;
    std::map<int, std::map<ModuleKey, std::vector<PythonSource::Import::Clause>>> plain;
    std::map<int, std::map<ModuleKey, std::vector<PythonSource::Import::Clause>>> from;
    std::set<int> sections;
    for (const Entry &entry : m_imports) {
        const int section = sectionOf(entry);
        sections.insert(section);
        if (entry.isFrom) {
            auto &clauses = from[section][{lowered(entry.module), entry.module}];
            if (std::none_of(clauses.begin(), clauses.end(), [&](const auto &c) {
                    return c.name == entry.clause.name && c.alias == entry.clause.alias;
                }))
                clauses.push_back(entry.clause);
        } else {
            plain[section][{lowered(entry.clause.name), clauseText(entry.clause)}].push_back(entry.clause);
        }
    }
    std::string out;
    for (int section : sections) {
        if (!out.empty())
            out += '\n';
        for (const auto &[key, clauses] : plain[section])
            out += "import " + key.second + "\n";
        for (auto [key, clauses] : from[section]) {
            const bool star
                = std::any_of(clauses.begin(), clauses.end(), [](const auto &c) { return c.name == "*"; });
            if (star)
                std::erase_if(clauses, [](const auto &c) { return c.name != "*"; });
            std::sort(clauses.begin(), clauses.end(),
                [](const auto &a, const auto &b) { return memberKey(a) < memberKey(b); });
            std::vector<std::string> members;
            for (const auto &clause : clauses)
                members.push_back(clauseText(clause));
            std::string line = "from " + key.second + " import ";
            for (std::size_t i = 0; i < members.size(); ++i)
                line += (i ? ", " : "") + members[i];
            if (line.size() <= kLineLength) {
                out += line + "\n";
                continue;
            }
            out += "from " + key.second + " import (\n";
            for (const std::string &member : members)
                out += "    " + member + ",\n";
            out += ")\n";
        }
    }
    return out;
}

} // namespace tassel
