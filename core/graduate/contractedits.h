#pragma once

#include "graduate/graduationplan.h"

#include <optional>
#include <string>
#include <vector>

namespace tassel {

/// A person's decision about one inferred column of an input's contract (the wizard's Contracts
/// page): leave it out of the contract, or say whether it may hold missing values.
struct ContractEdit
{
    std::string input; ///< DataInput::name
    std::string column;
    bool include = true;
    std::optional<bool> nullable; ///< nothing: as inferred

    bool operator==(const ContractEdit &) const = default;
};

/// Applies `edits` to the contracts of `plan.inputs`, so the package's contracts/*.toml, its
/// validation and its failure-path tests follow them. A left-out column is removed; a
/// nullability that differs from the inferred one is set and loses its source (a person, not
/// the notebook, said so). Edits of unknown inputs or columns are ignored.
void applyContractEdits(GraduationPlan &plan, const std::vector<ContractEdit> &edits);

} // namespace tassel
