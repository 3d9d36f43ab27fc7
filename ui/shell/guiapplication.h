#pragma once

#include <string>
#include <vector>

namespace tassel::ui {

/// The GUI entry point: `tassel [NOTEBOOK|FOLDER]` and `tassel gui [--screenshot FILE
/// [--screenshot-part PART]] [--theme MODE] [--language CODE] [NOTEBOOK|FOLDER]`. Needs a
/// QApplication to exist.
class GuiApplication
{
public:
    static int run(const std::vector<std::string> &args);
};

} // namespace tassel::ui
