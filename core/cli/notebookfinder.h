#pragma once

#include <string>
#include <vector>

namespace tassel::cli {

/// Expands the PATH arguments of a command into notebook files: files as given, folders
/// searched recursively for *.ipynb, skipping hidden folders and .ipynb_checkpoints and any
/// path matching one of the exclude globs. The result is sorted so reports are deterministic.
class NotebookFinder
{
public:
    struct Result
    {
        std::vector<std::string> notebooks;
        std::vector<std::string> missing; ///< arguments that do not exist
    };

    static Result find(
        const std::vector<std::string> &paths, const std::vector<std::string> &excludeGlobs = {});
};

} // namespace tassel::cli
