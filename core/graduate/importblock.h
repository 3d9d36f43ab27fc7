#pragma once

#include "graduate/pythonsource.h"

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tassel {

/// The import block at the top of a generated module, written the way ruff's isort rules (I001)
/// and its unused-import rule (F401) want it: sections future, standard library, third party,
/// the package itself (first party) and relative imports, one blank line apart; in each,
/// `import x` lines before `from x import ...` lines, modules and members sorted as isort does
/// (constants, classes, then the rest), imports of one module merged, long lines wrapped one
/// member a line. A value type; add statements, then render once.
class ImportBlock
{
public:
    /// `firstParty`: the generated package's import name; `pythonMinor` picks the stdlib list.
    ImportBlock(std::string firstParty, int pythonMinor);

    /// Adds an import statement as the notebook wrote it (comments are dropped).
    void add(std::string_view statement);
    /// Adds `from module import name`.
    void addFrom(const std::string &module, const std::string &name);
    /// Keeps only clauses whose bound name is in `used` (star imports always stay).
    void keepOnly(const std::set<std::string> &used);

    bool empty() const { return m_imports.empty(); }
    /// The block, each line newline-terminated; empty when there are no imports.
    std::string render() const;

private:
    struct Entry
    {
        bool isFrom = false;
        std::string module; ///< dotted, leading dots kept for relative imports
        PythonSource::Import::Clause clause;
    };
    int sectionOf(const Entry &entry) const;

    std::string m_firstParty;
    int m_pythonMinor;
    std::vector<Entry> m_imports;
};

} // namespace tassel
