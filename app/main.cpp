#include "cli/cli.h"

#ifdef TASSEL_WITH_GUI
#include "shell/guiapplication.h"
#include <QApplication>
#endif

#include <QCoreApplication>

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char **argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    QCoreApplication::setOrganizationName(QStringLiteral("Tassel"));
    QCoreApplication::setApplicationName(QStringLiteral("tassel"));
    // Headless commands never touch a display, so they run in CI and over ssh.
    if (tassel::cli::isHeadless(args)) {
        QCoreApplication app(argc, argv);
        return tassel::cli::run(args, std::cout, std::cerr);
    }
#ifdef TASSEL_WITH_GUI
    // A screenshot needs no screen: render offscreen when there is no display to use.
    const bool wantsScreenshot = std::find(args.begin(), args.end(), "--screenshot") != args.end();
    if (wantsScreenshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")
        && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    return tassel::ui::GuiApplication::run(args);
#else
    std::cerr << "tassel: built without the GUI; try 'tassel --help'\n";
    return tassel::cli::ExitUsage;
#endif
}
