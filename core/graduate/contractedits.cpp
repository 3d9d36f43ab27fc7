#include "graduate/contractedits.h"

#include <algorithm>

namespace tassel {

void applyContractEdits(GraduationPlan &plan, const std::vector<ContractEdit> &edits)
{
    for (const ContractEdit &edit : edits) {
        const auto input = std::find_if(plan.inputs.begin(), plan.inputs.end(),
            [&](const DataInput &candidate) { return candidate.name == edit.input; });
        if (input == plan.inputs.end() || !input->contract)
            continue;
        std::vector<ContractColumn> &columns = input->contract->columns;
        const auto column = std::find_if(columns.begin(), columns.end(),
            [&](const ContractColumn &candidate) { return candidate.name == edit.column; });
        if (column == columns.end())
            continue;
        if (!edit.include) {
            columns.erase(column);
            continue;
        }
        if (edit.nullable && edit.nullable != column->nullable) {
            column->nullable = edit.nullable;
            column->nullableSource.reset();
        }
    }
}

} // namespace tassel
