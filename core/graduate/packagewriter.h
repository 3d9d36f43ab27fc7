#pragma once

#include "graduate/packagegenerator.h"
#include "util/result.h"

#include <string>
#include <vector>

namespace tassel {

/// Writes generated files below a target folder and nowhere else: paths must be relative,
/// without `..`, `.` or empty parts, and no existing symlink below the target (or the target
/// itself) is followed, nor is a target whose path goes through one (outputguard). A non-empty
/// target is refused unless `force`; no file may replace one of the `inputs` (the notebook),
/// `force` or not. Every path is checked before the first write; each file is written atomically
/// (QSaveFile). Thread-safe for distinct targets.
class PackageWriter
{
public:
    /// The relative paths written, in order.
    static Result<std::vector<std::string>> write(const std::vector<GeneratedFile> &files,
        const std::string &targetDir, bool force, const std::vector<std::string> &inputs = {});
    /// Empty when `path` may be written below a target, else why not.
    static std::string checkRelativePath(const std::string &path);
    /// Empty when every `.py` file parses as Python 3 (tree-sitter), else which file does not and
    /// where: a generation bug must become an error, never a broken package. write() checks it
    /// before writing anything.
    static std::string checkGeneratedPython(const std::vector<GeneratedFile> &files);
};

} // namespace tassel
