#pragma once

#include "python/cellsymbols.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tassel {

class SourceMap;

/// A name effect IPython syntax has that the Python placeholder cannot show: `$x` or `{x}` in
/// a shell command reads x, `%store -r x` binds x, `%xdel x` deletes x, `%%capture v` binds v,
/// `%pylab` star-imports (StarImport, `name` is the module key "%pylab").
struct PrePassEvent
{
    enum class Kind { Read, Bind, Delete, StarImport };
    Kind kind = Kind::Read;
    std::string name;
    std::uint32_t begin = 0; ///< byte range of the name in the cell text
    std::uint32_t end = 0;
};

/// The pre-pass output: Python text of the same byte length and line structure as the input.
struct PrePassResult
{
    std::string python;
    bool isPython = true;
    /// The cell is a %%timeit body: IPython runs it inside a function, so its bindings stay local.
    bool localBody = false;
    std::vector<MagicRef> magics;
    std::vector<OpaqueConstruct> opaque;
    std::vector<PrePassEvent> events; ///< sorted by position
};

/// Turns IPython syntax (magics, shell escapes, help, automagics) into Python placeholders of the
/// same length, so byte offsets, lines and columns of the Python that remains are unchanged,
/// and reports what the syntax did. Stateless; safe from any thread.
class IPythonPrePass
{
public:
    static PrePassResult run(std::string_view source, const SourceMap &map);
};

} // namespace tassel
