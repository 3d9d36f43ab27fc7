#pragma once

#include "analysis/notebookanalysis.h"
#include "graduate/graduationplan.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace tassel {

/// The notebook's data in graduation: reads of relative files and folders become entries of the
/// configuration's `[inputs]` table that the step code reads through `input_path("name")`,
/// writes of relative files go below the output folder through `output_path(...)` (both in the
/// package's `_runtime`), and inputs beside the notebook are copied into `data/` up to a limit.
/// Reads files in copy() only; thread-safe.
class DataInputs
{
public:
    /// Rewrites the target expression (IoAccess::targetRange) of every relative file or folder
    /// access in `sources` (cell index -> source, in the notebook's coordinates), except in
    /// `untouched` cells, and adds one DataInput per distinct input to `plan.inputs`. A read of
    /// what the notebook wrote before is read from the output folder. Returns the `_runtime`
    /// names each rewritten cell now calls.
    static std::map<int, std::set<std::string>> rewrite(GraduationPlan &plan,
        std::map<int, std::string> &sources, const std::vector<IoAccess> &io, const std::set<int> &untouched);
    /// Copies the inputs that are regular files below `notebookDir` (by a plain relative path,
    /// no symlink leading out of it) into `data/`, in document order while their sizes add up to
    /// at most `limit` bytes; the others stay read beside the notebook.
    static void copy(GraduationPlan &plan, const std::string &notebookDir, std::int64_t limit);
    /// The path an input is kept at below `data/`: the notebook's path without a leading
    /// `data/` folder (`data/sales.csv` -> `sales.csv`).
    static std::string pathInData(const std::string &target);
};

} // namespace tassel
