#pragma once

#include <map>
#include <string>
#include <string_view>

namespace tassel {

/// Recognises statements that only configure the interactive session (display options, plot
/// style, warning filters, the matplotlib backend): `pd.set_option(...)`, `plt.rc(...)`,
/// `matplotlib.use(...)`, `plt.rcParams[...] = ...`, `pd.options.display.x = ...`. A cell of
/// nothing but imports and such statements is set-up, not a step of the pipeline. The call is
/// resolved through the notebook's imports, so `pd` only counts when it is pandas. Stateless,
/// thread-safe.
class SessionSetup
{
public:
    /// `importOf` maps each name the notebook's imports bind to its import statement.
    static bool isSetUpStatement(std::string_view code, const std::map<std::string, std::string> &importOf);
    /// The dotted path `name` stands for in an import statement (`plt` in
    /// `import matplotlib.pyplot as plt` is `matplotlib.pyplot`); empty when it binds no such name.
    static std::string importedPath(std::string_view statement, std::string_view name);
};

} // namespace tassel
