#pragma once

#include <string>
#include <string_view>

namespace tassel {

/// The dtype kinds of a data contract ("int", "float", "bool", "datetime", "string") and how
/// pandas's spellings and text values map to them: the one place that knows. Stateless.
class DtypeKinds
{
public:
    /// The kind of one field of a text file as pandas.read_csv would read it; empty for a
    /// missing value (an empty field or one of pandas's default NA strings).
    static std::string ofValue(std::string_view value);
    /// The kind of a pandas or numpy dtype name ("int64", "Float64", "object",
    /// "datetime64[ns, UTC]", "<f8"); empty when unknown.
    static std::string ofPandas(std::string_view dtype);
    /// The kind of a column holding values of kinds `a` and `b` (int and float make float;
    /// anything else mixed makes string); an empty kind adds nothing.
    static std::string widen(const std::string &a, const std::string &b);
    /// Whether a pandas text cell is a missing value ("NaN", "NaT", "None", "<NA>").
    static bool isMissing(std::string_view value);
};

} // namespace tassel
