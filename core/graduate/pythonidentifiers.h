#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tassel {

/// Turns headings and file names into Python names that are safe as identifiers, module and
/// file names: ASCII letters, digits and underscores, no leading digit or underscore, never a
/// keyword, never empty, never a path. Stateless, thread-safe.
class PythonIdentifiers
{
public:
    /// `text` sanitised; `fallback` when nothing usable is left. Unicode letters are reduced to
    /// their ASCII base where one exists (é -> e), other characters become underscores.
    static std::string identifier(std::string_view text, std::string_view fallback);
    /// `name`, or `name_2`, `name_3`, ... so that the result is not in `taken`; adds it there.
    static std::string unique(const std::string &name, std::set<std::string> &taken);
    /// The first of `candidates` not in `taken` (then taken); when all are, the first one with a
    /// numeric suffix. Candidates go from the best name to the least good.
    static std::string firstFree(const std::vector<std::string> &candidates, std::set<std::string> &taken);
};

} // namespace tassel
