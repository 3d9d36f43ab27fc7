#include "analysis/executionorder.h"

#include <algorithm>

namespace tassel {

namespace {

Finding wholeCellFinding(const Notebook &notebook, int cell, std::string rule, Severity severity)
{
    Finding finding;
    finding.rule = std::move(rule);
    finding.severity = severity;
    finding.cell = cell;
    finding.cellId = notebook.cells[std::size_t(cell)].id;
    finding.location = "source";
    return finding;
}

} // namespace

std::vector<int> ExecutionOrder::executedCellsByCount(const Notebook &notebook)
{
    std::vector<int> executed;
    for (std::size_t i = 0; i < notebook.cells.size(); ++i) {
        const Cell &cell = notebook.cells[i];
        if (cell.isCode() && cell.executionCount)
            executed.push_back(int(i));
    }
    std::stable_sort(executed.begin(), executed.end(), [&](int a, int b) {
        return *notebook.cells[std::size_t(a)].executionCount
            < *notebook.cells[std::size_t(b)].executionCount;
    });
    return executed;
}

std::vector<Finding> ExecutionOrder::findings(const Notebook &notebook)
{
    std::vector<Finding> result;

    // Out of order: a cell whose count is lower than that of a cell above it ran before it.
    int highestIndex = -1;
    int highestCount = 0;
    for (std::size_t i = 0; i < notebook.cells.size(); ++i) {
        const Cell &cell = notebook.cells[i];
        if (!cell.isCode() || !cell.executionCount)
            continue;
        const int count = *cell.executionCount;
        if (highestIndex >= 0 && count < highestCount) {
            Finding finding = wholeCellFinding(notebook, int(i), "out-of-order-execution", Severity::Warning);
            finding.relatedCells = {highestIndex};
            finding.setMessage(Message("out-of-order-execution")
                                   .cell("cell", int(i))
                                   .arg("count", count)
                                   .cell("above", highestIndex)
                                   .arg("above_count", highestCount));
            result.push_back(std::move(finding));
        }
        if (count > highestCount || highestIndex < 0) {
            highestCount = count;
            highestIndex = int(i);
        }
    }

    // Gaps: executions that left no trace in the notebook (re-run or deleted cells).
    const std::vector<int> executed = executedCellsByCount(notebook);
    int previousCount = 0;
    int previousCell = -1;
    for (int index : executed) {
        const int count = *notebook.cells[std::size_t(index)].executionCount;
        const int missing = count - previousCount - 1;
        if (missing > 0) {
            Finding finding = wholeCellFinding(notebook, index, "execution-gap", Severity::Info);
            if (previousCell >= 0) {
                finding.relatedCells = {previousCell};
                finding.setMessage(Message("execution-gap")
                                       .arg("previous_count", previousCount)
                                       .cell("previous", previousCell)
                                       .arg("count", count)
                                       .cell("cell", index)
                                       .arg("missing", missing));
            } else {
                finding.setMessage(Message("execution-gap.first")
                                       .arg("count", count)
                                       .cell("cell", index)
                                       .arg("missing", missing));
            }
            result.push_back(std::move(finding));
        }
        previousCount = count;
        previousCell = index;
    }
    return result;
}

} // namespace tassel
