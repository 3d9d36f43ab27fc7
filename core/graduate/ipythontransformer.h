#pragma once

#include "graduate/graduationplan.h"

#include <string>
#include <string_view>
#include <vector>

namespace tassel {

/// Rewrites IPython syntax in one cell into plain Python, or removes it with a comment saying
/// why: `%matplotlib` and friends dropped, `%%time`/`%time` bodies kept, `!cmd` and `v = !cmd`
/// through the package's `_runtime` helpers, `!pip install`/`%pip install` turned into declared
/// requirements, unknown line magics kept as comments and reported. Cell magics: %%bash, %%sh,
/// %%script become scripts under `scripts/` that the step runs, %%writefile/%%file resource files
/// the step writes out, %%html/%%markdown/%%latex/%%javascript are dropped with a comment, and
/// any other (%%sql, ...) is refused (`refusedMagic`). Stateless, thread-safe.
class IPythonTransformer
{
public:
    struct Output
    {
        std::string code; ///< plain Python
        std::vector<TransformNote> notes; ///< cell/cellId left for the caller to fill in
        std::vector<std::string> requirements; ///< "pandas==2.2.3", "numpy", ... from pip installs
        std::vector<std::string> runtime; ///< _runtime helpers the code calls
        std::vector<PackageResource> resources; ///< scripts and files the code runs or writes
        std::vector<std::string> writtenFiles; ///< paths %%writefile cells write, as given
        /// A cell magic with no plain-Python equivalent ("sql"): the cell cannot graduate.
        std::string refusedMagic;
        bool needsOs = false;
    };

    /// `cellLabel` names the cell's resource files ("cell_3" → scripts/cell_3.sh).
    static Output transform(std::string_view source, std::string_view cellLabel = "cell");
};

} // namespace tassel
