#pragma once

#include "analysis/datacontract.h"
#include "util/result.h"
#include "util/toml.h"

#include <string>
#include <string_view>

namespace tassel {

/// A DataContract as the small TOML file a graduated package keeps per input
/// (`contracts/<input>.toml`), meant to be read and edited by people:
///
///     input = "data/sales.csv"
///     reader = "pandas.read_csv"
///     [rows]
///     min = 1
///     max = 40
///     observed = 4
///     source = "file"
///     [[columns]]
///     name = "amount"
///     dtype = "float"
///     nullable = true
///     source = { name = "file", dtype = "output, cell 3", nullable = "file" }
///
/// Sources read "file", "output, cell N" or "code, cell N, line L" (cells counted from 1).
/// Stateless.
class ContractToml
{
public:
    static std::string write(const DataContract &contract);
    /// Reads what write() wrote (and hand edits of it). A TOML syntax error or a value of the
    /// wrong type is an Error ("invalid-toml", "invalid-contract") with its line.
    static Result<DataContract> read(std::string_view text, const TomlOrigin &origin);

    /// "code, cell 2, line 4" and back.
    static std::string sourceText(const ContractSource &source);
    static std::optional<ContractSource> sourceFrom(std::string_view text);
};

} // namespace tassel
