#include "python/starimportnames.h"

#include <QFile>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

namespace tassel {
namespace {

using Table = std::map<std::string, std::vector<std::string>, std::less<>>;

/// Each [module] section's own names and the modules it includes with @module.
struct Section
{
    std::vector<std::string> names;
    std::vector<std::string> includes;
};

std::map<std::string, Section> readSections()
{
    QFile file(QStringLiteral(":/tassel/python/star_import_names.txt"));
    std::map<std::string, Section> sections;
    if (!file.open(QIODevice::ReadOnly))
        return sections;
    std::istringstream lines(file.readAll().toStdString());
    Section *current = nullptr;
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line.front() == '#')
            continue;
        if (line.front() == '[' && line.back() == ']') {
            current = &sections[line.substr(1, line.size() - 2)];
        } else if (current && line.front() == '@') {
            current->includes.push_back(line.substr(1));
        } else if (current) {
            std::istringstream words(line);
            for (std::string word; words >> word;)
                current->names.push_back(word);
        }
    }
    return sections;
}

void collect(const std::map<std::string, Section> &sections, const std::string &module,
    std::set<std::string> &out, int depth = 0)
{
    const auto section = sections.find(module);
    if (section == sections.end() || depth > 8)
        return;
    out.insert(section->second.names.begin(), section->second.names.end());
    for (const std::string &included : section->second.includes)
        collect(sections, included, out, depth + 1);
}

const Table &table()
{
    static const Table names = [] {
        const auto sections = readSections();
        Table result;
        for (const auto &[module, section] : sections) {
            std::set<std::string> all;
            collect(sections, module, all);
            result.emplace(module, std::vector<std::string>(all.begin(), all.end()));
        }
        return result;
    }();
    return names;
}

} // namespace

const std::vector<std::string> *StarImportNames::namesOf(std::string_view module)
{
    const Table &names = table();
    const auto it = names.find(module);
    return it == names.end() ? nullptr : &it->second;
}

} // namespace tassel
