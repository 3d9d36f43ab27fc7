#pragma once

#include "graduate/packagegenerator.h"

#include <string>
#include <vector>

namespace tassel {

/// What a generated package does to trust its inputs and to account for its runs: the contract
/// of each tabular input (`contracts/<input>.toml`), the modules that check reads against them
/// and log and record runs (`_contracts.py`, `_observe.py`, carried as resources), the
/// failure-path tests (`tests/test_contracts.py`) and the README's words on them. Pure, like
/// PackageGenerator; stateless, thread-safe.
class PackageChecks
{
public:
    /// The contracts, the two modules and the failure-path tests.
    static std::vector<GeneratedFile> files(const GraduationPlan &plan);
    /// The part of `_runtime.py` the step code calls: `check_input(name, value)`,
    /// `set_validation(on)`, the contracts by input and the libraries whose versions a run records.
    static std::string runtimeCode(const GraduationPlan &plan);
    /// The README section on contracts, validation, logging, run.json and diff.
    static std::string readmeSection(const GraduationPlan &plan);
    /// `contracts/<name>.toml`.
    static std::string contractPath(const DataInput &input);
};

} // namespace tassel
