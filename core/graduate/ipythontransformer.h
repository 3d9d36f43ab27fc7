#pragma once

#include "graduate/graduationplan.h"

#include <string>
#include <string_view>
#include <vector>

namespace tassel {

/// Rewrites IPython syntax in one cell into plain Python, or removes it with a comment saying
/// why: `%matplotlib` and friends dropped, `%%time`/`%time` bodies kept, `!cmd` and `v = !cmd`
/// through the package's `_runtime` helpers, `!pip install`/`%pip install` turned into declared
/// requirements, unknown magics kept as comments and reported. Stateless, thread-safe.
class IPythonTransformer
{
public:
    struct Output
    {
        std::string code; ///< plain Python
        std::vector<TransformNote> notes; ///< cell/cellId left for the caller to fill in
        std::vector<std::string> requirements; ///< "pandas==2.2.3", "numpy", ... from pip installs
        std::vector<std::string> runtime; ///< _runtime helpers the code calls
        bool needsOs = false;
    };

    static Output transform(std::string_view source);
};

} // namespace tassel
