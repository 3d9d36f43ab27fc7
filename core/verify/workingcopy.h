#pragma once

#include "util/result.h"

#include <memory>
#include <string>

class QTemporaryDir;

namespace tassel {

/// What `tassel verify --in-copy` agrees to copy.
struct WorkingCopyLimits
{
    long long maxBytes = 1LL << 30; ///< 1 GiB of regular files
    long long maxFiles = 20000; ///< files and links
};

/// A temporary copy of a working folder, for `tassel verify --in-copy`: cells that write files
/// change the copy, never the user's folder. Left out of the copy: `.git`, `.ipynb_checkpoints`,
/// `__pycache__`, `node_modules` and virtual environments (folders holding `pyvenv.cfg`).
/// Symbolic links are recreated as links to their absolute target, so a link into the original
/// folder still points there (and a cell writing through it writes there). Special files
/// (sockets, FIFOs, devices) are left out. The copy is removed by `remove()` or on destruction.
/// Not thread-safe; one owner.
class WorkingCopy
{
public:
    using Limits = WorkingCopyLimits;

    WorkingCopy();
    ~WorkingCopy();
    WorkingCopy(const WorkingCopy &) = delete;
    WorkingCopy &operator=(const WorkingCopy &) = delete;

    /// Copies `source` into a new temporary folder and returns the copy's path. Refuses (error
    /// code "verify-copy") when the folder is over a limit, before copying anything.
    Result<std::string> create(const std::string &source, const Limits &limits = {});
    /// The copy's path; empty before `create` succeeded.
    std::string path() const;
    /// Deletes the copy (making read-only folders writable first); true when it is gone.
    bool remove();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace tassel
