#pragma once

#include "notebook/notebook.h"
#include "util/result.h"

#include <string>
#include <string_view>

namespace tassel {

/// Reads .ipynb files into Notebook values. Stateless and thread-safe: load many notebooks
/// from many threads at once. Never throws; bad input gives an Error naming the file, line,
/// column and, where it helps, the JSON path.
class NotebookLoader
{
public:
    struct Limits
    {
        std::size_t maxFileBytes = std::size_t(1) << 30; ///< 1 GiB
        int maxDepth = 512;
        std::size_t maxCells = 100000;
    };

    NotebookLoader() = default;
    explicit NotebookLoader(Limits limits)
        : m_limits(limits)
    {
    }

    Result<Notebook> loadFile(const std::string &path) const;
    /// `path` is only used in messages.
    Result<Notebook> loadBytes(std::string_view bytes, const std::string &path) const;

private:
    Limits m_limits;
};

} // namespace tassel
