#pragma once

#include "notebook/notebook.h"
#include "util/result.h"

#include <string>
#include <string_view>

namespace tassel {

/// Reads .ipynb files into Notebook values. Stateless and thread-safe: load many notebooks
/// from many threads at once. Never throws; bad input gives an Error naming the file, line,
/// column and, where it helps, the JSON path.
///
/// nbformat 4.0-4.5 is read natively (a newer 4.x minor loads with a warning); nbformat 3 is
/// upgraded to 4.0 on load; anything else is refused. The JSON is read by a streaming pull
/// reader (JsonReader), never recursively, and big outputs are copied once, undecoded.
///
/// Error codes (Error::code):
/// - `io-error`            the file cannot be opened or read
/// - `empty-file`          zero bytes, or only white space
/// - `too-large`           the file, a string or the cell count exceeds Limits
/// - `too-deep`            JSON nesting deeper than Limits::maxDepth
/// - `invalid-json`        a syntax error, including truncated files
/// - `invalid-utf8`        a byte sequence that is not UTF-8 (position of its first byte)
/// - `not-a-notebook`      valid JSON, but not an object with an `nbformat` key
/// - `unsupported-version` nbformat 1, 2 or >= 5
/// - `wrong-type`          a structural value of the wrong type: `cells`/`outputs` not a
///                         list, a cell or output not an object, `source`/`text` not a string
///                         or list of strings, a non-integer `nbformat`
/// - `missing-cells`       an nbformat 4 notebook without `cells`
///
/// Warning codes (LoadWarning::code), for schema breaks that still let the notebook open:
/// `upgraded`, `newer-minor-version`, `missing-key`, `missing-id`, `duplicate-id`, `invalid-id`,
/// `wrong-type` (metadata fields, execution counts, ...), `unknown-key`, `unknown-cell-type`,
/// `unknown-output-type`, `byte-order-mark`.
class NotebookLoader
{
public:
    struct Limits
    {
        std::size_t maxFileBytes = std::size_t(1) << 30; ///< 1 GiB
        int maxDepth = 512;
        std::size_t maxCells = 100000;
        std::size_t maxStringBytes = std::size_t(256) << 20; ///< one output of 256 MiB
    };

    NotebookLoader() = default;
    explicit NotebookLoader(Limits limits)
        : m_limits(limits)
    {
    }

    /// Memory-maps the file and gives pages back as it reads, so that peak memory stays close
    /// to the size of the resulting model.
    Result<Notebook> loadFile(const std::string &path) const;
    /// `path` is only used in messages.
    Result<Notebook> loadBytes(std::string_view bytes, const std::string &path) const;

private:
    Limits m_limits;
};

} // namespace tassel
