#pragma once

#include <string_view>

namespace tassel {

/// Names a notebook may read without defining them: Python 3 builtins and the names IPython puts
/// in the user namespace (display, get_ipython, In, Out, _, __, ___, _i, _ii, _iii, _N, _iN,
/// exit, quit). Python 2 names (xrange, raw_input, unicode) are deliberately absent.
/// Stateless; safe from any thread.
class PythonNames
{
public:
    static bool isBuiltin(std::string_view name);
    static bool isIPythonName(std::string_view name);
    /// Either of the above: a read of such a name is not a dependency on another cell.
    static bool isPredefined(std::string_view name) { return isBuiltin(name) || isIPythonName(name); }
    /// Line magics IPython also accepts without the % (automagic), e.g. `pip install x`, `cd dir`.
    static bool isAutomagic(std::string_view name);
    /// Cell magics whose body is Python run in the user namespace (%%time, %%capture, ...).
    static bool isTransparentCellMagic(std::string_view name);
};

} // namespace tassel
