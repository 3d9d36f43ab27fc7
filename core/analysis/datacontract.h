#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tassel {

/// Where one fact of a contract came from: the input file beside the notebook ("file"), a
/// stored output ("output", with its cell) or the notebook's code ("code", with cell and line).
struct ContractSource
{
    std::string from; ///< "file", "output" or "code"
    int cell = -1; ///< 0-based cell index; -1 for the file
    int line = 0; ///< 1-based line in the cell; 0 when not about one line

    bool operator==(const ContractSource &) const = default;
};

/// One column a tabular input is expected to have. `dtype` is a kind, not a pandas spelling:
/// "int", "float", "bool", "datetime" (datetime64, or text that parses as dates) or "string";
/// empty when no source tells.
struct ContractColumn
{
    std::string name;
    std::string dtype;
    std::optional<bool> nullable; ///< nothing when no source tells
    ContractSource nameSource;
    std::optional<ContractSource> dtypeSource;
    std::optional<ContractSource> nullableSource;

    bool operator==(const ContractColumn &) const = default;
};

/// A plausible number of rows: a tenth to ten times the rows seen (at least one), and the rows
/// seen with their source.
struct ContractRows
{
    std::int64_t min = 1;
    std::optional<std::int64_t> max;
    std::int64_t observed = 0;
    ContractSource source;

    bool operator==(const ContractRows &) const = default;
};

/// What a notebook expects of one tabular input (a DataFrame read with pandas, or a numpy
/// array loaded from a file), inferred from the file, the stored outputs and the code. A value
/// type: serialised by ContractToml and by the JSON report.
struct DataContract
{
    std::string input; ///< the io[] target, e.g. "data/sales.csv"
    std::string reader; ///< the io[] call, e.g. "pandas.read_csv"
    std::vector<ContractColumn> columns; ///< in the order of the file, else of the outputs
    std::optional<ContractRows> rows;
    std::vector<std::int64_t> shape; ///< a numpy array's shape (.npy header, `.shape` output)
    std::string dtype; ///< a numpy array's element kind (a DtypeKinds kind); empty for tables

    bool operator==(const DataContract &) const = default;
};

/// What the code says about one tabular read (collected by IoInventory as it walks the cells):
/// the variable it is bound to, the reader's arguments, the columns later cells read from the
/// variable and the cells whose stored outputs show it.
struct FrameCode
{
    struct Use
    {
        std::string name;
        ContractSource source;
        bool operator==(const Use &) const = default;
    };
    /// A cell whose last expression shows the frame: "head" (also tail, sample, the bare name),
    /// "dtypes", "info", "shape" or "describe".
    struct Display
    {
        int cell = -1;
        std::string what;
        bool operator==(const Display &) const = default;
    };

    std::string variable; ///< empty when the read is not bound to a name
    std::string separator; ///< sep= / delimiter= as a literal, "<computed>" when not one
    std::vector<Use> usecols; ///< usecols=[...] (names only)
    std::vector<Use> parseDates; ///< parse_dates=[...]
    std::vector<std::pair<Use, std::string>> dtypes; ///< dtype={'a': 'float64'}: pandas spelling
    std::vector<Use> reads; ///< df['x'], df.x, df[['a', 'b']] before any assignment to them
    std::vector<std::string> assigned; ///< columns the notebook makes itself (df['y'] = ...)
    std::vector<Display> displays;

    bool operator==(const FrameCode &) const = default;
};

} // namespace tassel
