#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tassel {

/// The top-level module names of CPython's standard library (sys.stdlib_module_names), per
/// minor version 3.8–3.14. Versions outside that range use the nearest one. Stateless.
class StdlibModules
{
public:
    static constexpr int kOldestMinor = 8;
    static constexpr int kNewestMinor = 14;
    /// The minor version used when a notebook does not say which Python it ran on.
    static constexpr int kDefaultMinor = 12;

    /// True when `module` (top-level name, or a dotted name whose first part is used) belongs
    /// to the standard library of Python 3.`minor`.
    static bool contains(std::string_view module, int minor = kDefaultMinor);
    /// Sorted names for Python 3.`minor`.
    static std::vector<std::string> names(int minor = kDefaultMinor);
    /// Minor version from "3.11.4", "3.9", "python3.10"; 0 when it is not a Python 3 version.
    static int minorFromVersion(std::string_view version);
};

} // namespace tassel
