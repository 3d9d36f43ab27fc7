#pragma once

#include "util/result.h"

#include <optional>
#include <string>
#include <vector>

namespace tassel {

/// The one rule for every place Tassel writes (`check --output`, `verify --save-executed`,
/// `graduate --output`, the graduation wizard): nothing is written onto an input notebook, and a
/// target folder is not reached through a symbolic link. Paths are compared after resolving
/// symbolic links, `..` and trailing slashes, of the parent folders as well, and by file
/// identity (device and inode) when both exist, so hard links count too. Stateless, thread-safe.
namespace outputguard {

/// `path` made absolute and resolved like realpath(3), also when its last parts do not exist
/// yet: the deepest existing folder is resolved and the rest appended. Trailing slashes go.
std::string resolved(const std::string &path);

/// An error (code `output-is-input`) naming the input when writing the file `output` would
/// replace one of `inputs`; nothing when it is safe.
std::optional<Error> checkFile(const std::string &output, const std::vector<std::string> &inputs);

/// An error when files are to be written below `target`: code `bad-target` when the folder's
/// path goes through a symbolic link (`link`, `link/`, `link/sub`), `output-is-input` when one
/// of the `relativePaths` below it would replace one of `inputs`.
std::optional<Error> checkFolder(const std::string &target, const std::vector<std::string> &relativePaths,
    const std::vector<std::string> &inputs);

} // namespace outputguard

} // namespace tassel
