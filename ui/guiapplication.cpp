#include "guiapplication.h"

#include "language.h"
#include "mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QScreen>
#include <QTimer>

#include <iostream>

namespace tassel::ui {

namespace {
constexpr int kExitUsage = 2;

QString fromLocal(const std::string &text)
{
    return QString::fromLocal8Bit(text.data(), qsizetype(text.size()));
}
} // namespace

int GuiApplication::run(const std::vector<std::string> &rawArgs)
{
    std::vector<std::string> args = rawArgs;
    if (!args.empty() && args.front() == "gui")
        args.erase(args.begin());

    QString screenshotPath;
    QString notebookPath;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--screenshot") {
            if (i + 1 >= args.size()) {
                std::cerr << "tassel gui: --screenshot needs a file name\n";
                return kExitUsage;
            }
            screenshotPath = fromLocal(args[++i]);
        } else if (!args[i].empty() && args[i][0] == '-') {
            std::cerr << "tassel gui: unknown option '" << args[i] << "'\n";
            return kExitUsage;
        } else if (notebookPath.isEmpty()) {
            notebookPath = fromLocal(args[i]);
        } else {
            std::cerr << "tassel gui: one notebook at a time\n";
            return kExitUsage;
        }
    }

    Language::apply(Language::configured());
    MainWindow window;
    // The screenshot needs the notebook before the grab; an interactive start shows the window
    // first and loads in the background.
    if (!screenshotPath.isEmpty() && !notebookPath.isEmpty() && !window.openFile(notebookPath)) {
        std::cerr << "tassel: " << window.lastError().toStdString() << '\n';
        return kExitUsage;
    }

    if (!screenshotPath.isEmpty()) {
        window.resize(1280, 900);
        window.show();
        // Let the analysis and the graph layout finish and the layouts settle before grabbing.
        QElapsedTimer waited;
        waited.start();
        while (window.isBusy() && waited.elapsed() < 20000)
            QApplication::processEvents(QEventLoop::AllEvents, 50);
        for (int i = 0; i < 5; ++i)
            QApplication::processEvents();
        const QPixmap shot = window.grab();
        if (!shot.save(screenshotPath, "PNG")) {
            std::cerr << "tassel: cannot write screenshot to " << screenshotPath.toStdString() << '\n';
            return kExitUsage;
        }
        std::cout << "wrote " << QFileInfo(screenshotPath).absoluteFilePath().toStdString() << '\n';
        return 0;
    }

    window.show();
    if (!notebookPath.isEmpty())
        window.loadFile(notebookPath);
    return QApplication::exec();
}

} // namespace tassel::ui
