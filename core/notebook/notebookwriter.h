#pragma once

#include "notebook/notebook.h"
#include "util/result.h"

#include <string>

namespace tassel {

/// Writes Notebook values as .ipynb the way Jupyter does (Python's
/// `json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"`, multi-line strings as
/// lists of lines), so that saving a notebook Jupyter wrote gives back the same bytes. Keys the
/// model does not know (`extra`) are written back; nbformat 3 notebooks are written as the
/// nbformat 4.0 they were upgraded to. Stateless and thread-safe.
///
/// Error codes of saveFile: `would-overwrite-source` (the target is the file the notebook was
/// loaded from: Tassel never writes over its input), `io-error`.
class NotebookWriter
{
public:
    /// The file contents, UTF-8, ending with a newline.
    static std::string toBytes(const Notebook &notebook);

    /// Writes atomically: to a temporary file next to `path`, renamed over it once complete,
    /// so a crash or a full disk never leaves half a notebook. Returns the bytes written.
    Result<std::size_t> saveFile(const Notebook &notebook, const std::string &path) const;
};

} // namespace tassel
