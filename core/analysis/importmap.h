#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tassel {

/// The built-in table of import names whose distribution has another name (sklearn ->
/// scikit-learn, yaml -> PyYAML, google.cloud.storage -> google-cloud-storage, ...). Consulted
/// only after the standard library and local modules were ruled out, and after an environment
/// the user pointed at. Stateless.
class ImportMap
{
public:
    /// The distribution for a dotted module name (the longest known prefix wins), or nothing
    /// when the table has no entry.
    static std::optional<std::string> lookup(std::string_view module);
    /// Number of fixed entries (namespace rules such as google.cloud.* not counted).
    static std::size_t size();
};

} // namespace tassel
