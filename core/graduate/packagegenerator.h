#pragma once

#include "graduate/graduationplan.h"

#include <string>
#include <vector>

namespace tassel {

/// One file of a generated package, in memory: the preview and `--dry-run` show these,
/// PackageWriter writes them.
struct GeneratedFile
{
    std::string path; ///< relative, '/'-separated
    std::string content;
    bool executable = false;

    bool operator==(const GeneratedFile &) const = default;
};

/// Turns a GraduationPlan into the files of a Python package (src layout, tests, run script).
/// Pure: reads nothing, writes nothing. Every known secret value is masked in every file.
/// Stateless, thread-safe.
class PackageGenerator
{
public:
    static std::vector<GeneratedFile> generate(const GraduationPlan &plan);
};

} // namespace tassel
