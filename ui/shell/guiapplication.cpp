#include "shell/guiapplication.h"

#include "analysis/dependencygraphview.h"
#include "graduate/graduationwizard.h"
#include "notebook/notebookview.h"
#include "shell/folderview.h"
#include "shell/language.h"
#include "shell/mainwindow.h"
#include "shell/theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QScopeGuard>
#include <QScreen>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>
#include <iostream>
#include <optional>

namespace tassel::ui {

namespace {
constexpr int kExitUsage = 2;
constexpr int kWaitMs = 60000;

QString fromLocal(const std::string &text)
{
    return QString::fromLocal8Bit(text.data(), qsizetype(text.size()));
}

const QStringList &screenshotParts()
{
    static const QStringList parts = {QStringLiteral("window"), QStringLiteral("graph"),
        QStringLiteral("wizard-plan"), QStringLiteral("wizard-last"), QStringLiteral("folder")};
    return parts;
}

struct GuiOptions
{
    QString screenshot;
    QString part = QStringLiteral("window");
    std::optional<Theme::Mode> theme;
    std::optional<QString> language;
    int cell = 0; ///< 1-based cell to select (and focus the graph on) before the grab; 0: none
    QString path; ///< a notebook; a folder for the folder part
};

/// Parses `gui` arguments; an error message on misuse.
std::optional<std::string> parse(const std::vector<std::string> &args, GuiOptions &options)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        const bool takesValue = arg == "--screenshot" || arg == "--screenshot-part" || arg == "--theme"
            || arg == "--language" || arg == "--cell";
        if (takesValue && i + 1 >= args.size())
            return arg + " needs a value";
        if (arg == "--screenshot") {
            options.screenshot = fromLocal(args[++i]);
        } else if (arg == "--screenshot-part") {
            options.part = fromLocal(args[++i]);
            if (!screenshotParts().contains(options.part))
                return "--screenshot-part takes "
                    + screenshotParts().join(QStringLiteral(", ")).toStdString();
        } else if (arg == "--theme") {
            options.theme = Theme::fromName(fromLocal(args[++i]));
            if (!options.theme)
                return "--theme takes system, light or dark";
        } else if (arg == "--language") {
            options.language = fromLocal(args[++i]);
            if (!Language::available().contains(*options.language))
                return "--language takes " + Language::available().join(QStringLiteral(", ")).toStdString();
        } else if (arg == "--cell") {
            options.cell = fromLocal(args[++i]).toInt();
            if (options.cell < 1)
                return "--cell takes a cell number (1 or more)";
        } else if (!arg.empty() && arg[0] == '-') {
            return "unknown option '" + arg + "'";
        } else if (options.path.isEmpty()) {
            options.path = fromLocal(arg);
        } else {
            return "one notebook at a time";
        }
    }
    if (options.part != QStringLiteral("window") && options.screenshot.isEmpty())
        return "--screenshot-part needs --screenshot";
    if (options.part == QStringLiteral("folder") && !QFileInfo(options.path).isDir())
        return "--screenshot-part folder needs a folder";
    return std::nullopt;
}

/// Processes events until `done` or the time runs out, then lets the layouts settle.
bool settle(const std::function<bool()> &done)
{
    QElapsedTimer waited;
    waited.start();
    while (!done() && waited.elapsed() < kWaitMs)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    for (int i = 0; i < 5; ++i)
        QApplication::processEvents();
    return done();
}

/// Walks the graduation wizard to `part`'s page (the last one writes the package into a
/// temporary folder that stands in for the home folder) and grabs it.
QPixmap grabWizard(MainWindow &window, const QString &part)
{
    GraduationWizard *wizard = window.showGraduationWizard();
    if (!wizard)
        return {};
    wizard->verifyBox()->setChecked(false); // a screenshot does not re-run the notebook
    wizard->resize(1100, 760);
    wizard->show();
    const int wanted = part == QStringLiteral("wizard-plan") ? GraduationWizard::PlanPageId
                                                             : GraduationWizard::WritePageId;
    // The package goes to `~/<package>` of a stand-in home folder: the last page then reads the
    // same on every machine, with no temporary path of the one that took the screenshot.
    QTemporaryDir home;
    const QByteArray realHome = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(home.path()));
    const auto restoreHome = qScopeGuard([&] { qputenv("HOME", realHome); });
    // The plan is made in the background, again after each option change (the box above).
    const auto idle = [&] { return !wizard->isBusy() && !wizard->isPlanning(); };
    while (wizard->currentId() != wanted) {
        settle(idle);
        if (wizard->currentId() == GraduationWizard::TargetPageId)
            wizard->targetEdit()->setText(
                QStringLiteral("~/") + QFileInfo(wizard->targetEdit()->text()).fileName());
        const int before = wizard->currentId();
        wizard->next();
        if (wizard->currentId() == before)
            return {}; // a page refused to go on
    }
    settle(idle);
    return wizard->grab();
}

QPixmap grab(MainWindow &window, const GuiOptions &options)
{
    window.resize(1280, 900);
    window.show();
    if (options.part == QStringLiteral("folder")) {
        FolderView *view = window.openFolder(options.path);
        view->resize(1000, 520);
        settle([&] { return !view->isBusy(); });
        return view->grab();
    }
    // Let the analysis and the graph layout finish and the layouts settle before grabbing.
    settle([&] { return !window.isBusy(); });
    if (options.cell > 0) {
        window.notebookView()->selectCell(options.cell - 1);
        settle([&] { return !window.isBusy(); });
    }
    if (options.part == QStringLiteral("graph")) {
        auto *dock = qobject_cast<QDockWidget *>(window.graphView()->parentWidget());
        if (!dock)
            return {};
        // Room for the focused neighbourhood: the graph fits itself to the larger dock.
        window.resize(1600, 1000);
        window.resizeDocks({dock}, {760}, Qt::Horizontal);
        window.resizeDocks({dock}, {620}, Qt::Vertical);
        settle([&] { return !window.isBusy(); });
        return dock->grab();
    }
    if (options.part.startsWith(QStringLiteral("wizard")))
        return grabWizard(window, options.part);
    return window.grab();
}

int screenshot(const GuiOptions &options)
{
    MainWindow window;
    // The screenshot needs the notebook before the grab; an interactive start shows the window
    // first and loads in the background.
    const bool folder = options.part == QStringLiteral("folder");
    if (!folder && !options.path.isEmpty() && !window.openFile(options.path)) {
        std::cerr << "tassel: " << window.lastError().toStdString() << '\n';
        return kExitUsage;
    }
    const QPixmap shot = grab(window, options);
    if (shot.isNull()) {
        std::cerr << "tassel: nothing to capture for --screenshot-part " << options.part.toStdString()
                  << '\n';
        return kExitUsage;
    }
    if (!shot.save(options.screenshot, "PNG")) {
        std::cerr << "tassel: cannot write screenshot to " << options.screenshot.toStdString() << '\n';
        return kExitUsage;
    }
    std::cout << "wrote " << QFileInfo(options.screenshot).absoluteFilePath().toStdString() << '\n';
    return 0;
}
} // namespace

int GuiApplication::run(const std::vector<std::string> &rawArgs)
{
    std::vector<std::string> args = rawArgs;
    if (!args.empty() && args.front() == "gui")
        args.erase(args.begin());

    GuiOptions options;
    if (const auto error = parse(args, options)) {
        std::cerr << "tassel gui: " << *error << '\n';
        return kExitUsage;
    }
    // Options of one run (for screenshots) override the settings without changing them.
    Language::apply(options.language.value_or(Language::configured()));
    Theme::apply(options.theme.value_or(Theme::configured()));
    if (!options.screenshot.isEmpty())
        return screenshot(options);

    MainWindow window;
    window.show();
    if (QFileInfo(options.path).isDir())
        window.openFolder(options.path);
    else if (!options.path.isEmpty())
        window.loadFile(options.path);
    return QApplication::exec();
}

} // namespace tassel::ui
