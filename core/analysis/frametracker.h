#pragma once

#include "analysis/datacontract.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tassel {

class SourceMap;
class SyntaxTree;

/// Follows the variables that tabular reads (`df = pd.read_csv(...)`) are bound to through the
/// cells after them, for data contracts: the reader's arguments (usecols, dtype, parse_dates,
/// sep), the columns the code reads (`df['x']`, `df.x`, `df[['a', 'b']]`; not the ones it
/// assigns) and the cells that show the frame. Driven by IoInventory's walk, cell by cell in
/// document order; it stops following a variable rebound to a value that does not use it.
class FrameTracker
{
public:
    /// The literal text of an expression (string constants resolved), or nothing.
    using Evaluate = std::function<std::optional<std::string>(std::uint32_t)>;
    /// The argument of a call at a position or keyword (comma-separated names), or kNone.
    using Argument = std::function<std::uint32_t(std::uint32_t, int, std::string_view)>;

    /// pandas readers of tables and numpy loaders of arrays.
    static bool isTabular(std::string_view call);

    void startCell(
        const SyntaxTree &tree, std::string_view text, const SourceMap &map, int cell, Evaluate evaluate);
    /// io[`ioIndex`] is a tabular read made by `call`, which calls `callName` (pandas.read_csv).
    void noteRead(
        std::size_t ioIndex, std::uint32_t call, std::string_view callName, const Argument &argument);
    /// Any node of the cell, in document order: subscripts and attributes of followed variables.
    void noteNode(std::uint32_t n);
    /// A top-level statement, after its nodes: rebinding and displays.
    void noteStatement(std::uint32_t statement, bool last);

    std::map<std::size_t, FrameCode> frames; ///< by io[] index

private:
    struct Followed
    {
        std::size_t ioIndex = 0;
        int cell = -1;
        std::uint32_t statement = 0; ///< the statement binding it (not a rebinding)
        std::set<std::string, std::less<>> assigned; ///< columns the notebook made itself
        bool array = false; ///< a numpy load: subscripts and attributes are not columns
        bool renamed = false; ///< `df.columns = ...`: later names are the notebook's own
    };

    std::string_view textOf(std::uint32_t n) const;
    ContractSource sourceAt(std::uint32_t n) const;
    Followed *followed(std::uint32_t n);
    std::vector<FrameCode::Use> names(std::uint32_t n) const;
    void noteArguments(FrameCode &frame, std::uint32_t call, const Argument &argument) const;
    void noteSubscript(std::uint32_t n);
    void noteAttribute(std::uint32_t n);
    void noteColumn(Followed &frame, const FrameCode::Use &use, bool assigned);
    void noteDisplay(std::uint32_t expression, bool last);
    bool isAssigned(std::uint32_t n) const;

    const SyntaxTree *m_tree = nullptr;
    std::string_view m_text;
    const SourceMap *m_map = nullptr;
    int m_cell = -1;
    Evaluate m_evaluate;
    std::map<std::string, Followed, std::less<>> m_followed; ///< by variable name
    /// Columns assigned by the current statement (std::map keeps the pointers valid).
    std::vector<std::pair<Followed *, std::string>> m_pendingAssigned;
};

} // namespace tassel
