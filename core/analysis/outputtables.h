#pragma once

#include "notebook/notebook.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tassel {

/// What a stored output says about a DataFrame or array: reads what pandas prints for
/// `df.head()` (text/html table, else text/plain header), `df.dtypes`, `df.info()`, `df.shape`
/// and `df.describe()` as pandas 1.x/2.x print them. Stateless; safe from any thread.
class OutputTables
{
public:
    struct Column
    {
        std::string name;
        std::string dtype; ///< a DtypeKinds kind; empty when the output does not tell
        std::optional<bool> nullable;
        bool operator==(const Column &) const = default;
    };
    struct Facts
    {
        std::vector<Column> columns;
        std::optional<std::int64_t> rows;
        std::vector<std::int64_t> shape; ///< from `.shape`
        bool operator==(const Facts &) const = default;
    };

    /// The facts in `cell`'s outputs, read as the display `what` ("head", "dtypes", "info",
    /// "shape" or "describe").
    static Facts read(const Cell &cell, const std::string &what);
    /// One output text read as `what`; `html` when it is the text/html item.
    static Facts readText(const std::string &text, const std::string &what, bool html);
};

} // namespace tassel
