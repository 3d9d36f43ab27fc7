#include "verify/verifyreport.h"

#include <algorithm>

namespace tassel {

std::string_view verifyStatusName(VerifyStatus status)
{
    switch (status) {
    case VerifyStatus::Reproduced:
        return "reproduced";
    case VerifyStatus::Differs:
        return "differs";
    case VerifyStatus::Error:
        return "error";
    case VerifyStatus::NotRun:
        return "not-run";
    }
    return "not-run";
}

int VerifyReport::count(VerifyStatus status) const
{
    return int(std::count_if(
        cells.begin(), cells.end(), [&](const CellVerification &c) { return c.status == status; }));
}

double VerifyReport::repeatability() const
{
    if (cells.empty())
        return 1.0;
    return double(count(VerifyStatus::Reproduced)) / double(cells.size());
}

int VerifyReport::unexplainedDivergences() const
{
    return int(std::count_if(cells.begin(), cells.end(), [](const CellVerification &c) {
        return (c.status == VerifyStatus::Differs || c.status == VerifyStatus::Error)
            && c.explanations.empty();
    }));
}

const CellVerification *VerifyReport::firstDivergence() const
{
    const CellVerification *first = nullptr;
    for (const CellVerification &cell : cells) {
        if (cell.status == VerifyStatus::Reproduced)
            continue;
        // Cells that never ran come after every cell that did.
        const int position = cell.runPosition > 0 ? cell.runPosition : 1 << 30;
        const int best = first ? (first->runPosition > 0 ? first->runPosition : 1 << 30) : 1 << 30;
        if (!first || position < best)
            first = &cell;
    }
    return first;
}

const CellVerification *VerifyReport::find(int cell) const
{
    const auto it
        = std::find_if(cells.begin(), cells.end(), [&](const CellVerification &c) { return c.cell == cell; });
    return it == cells.end() ? nullptr : &*it;
}

std::string VerifyReport::containmentDescription() const
{
    if (containment == "pid-namespace") {
        std::string text
            = containmentUserNamespace ? "a PID namespace (in a user namespace)" : "a PID namespace";
        return text + (containmentPrivateProc ? " with its own /proc" : " sharing the system's /proc");
    }
    if (containment == "subreaper")
        return "a subreaper helper that kills every descendant (no PID namespace could be made)";
    return "process groups only (the tassel-contain helper was not found)";
}

} // namespace tassel
