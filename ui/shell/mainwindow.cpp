#include "shell/mainwindow.h"

#include "analysis/dependencygraphview.h"
#include "analysis/findingspanel.h"
#include "analysis/importspanel.h"
#include "analysis/ruletext.h"
#include "graduate/graduationwizard.h"
#include "notebook/executiontimeline.h"
#include "notebook/notebookmodel.h"
#include "notebook/notebookview.h"
#include "shell/folderview.h"
#include "shell/language.h"
#include "shell/theme.h"
#include "verify/verifydialog.h"
#include "verify/verifypanel.h"

#include "notebook/notebookloader.h"

#include "analysis/notebookanalyzer.h"
#include "report/reportformat.h"
#include "util/outputguard.h"
#include "verify/verificationrecord.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSaveFile>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

namespace tassel::ui {

namespace {
constexpr int kMaxRecentFiles = 10;
const QString kRecentKey = QStringLiteral("recentFiles");
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_view(new NotebookView(this))
    , m_watcher(new QFileSystemWatcher(this))
{
    setCentralWidget(m_view);
    setAcceptDrops(true);
    resize(1280, 860);
    createDocks();
    createMenus();
    retranslate();

    connect(m_view, &NotebookView::cellSelected, this, [this](int cell) {
        m_graph->selectCell(cell);
        m_timeline->setSelectedCell(cell);
    });
    connect(m_graph, &DependencyGraphView::cellClicked, this, [this](int cell) { m_view->selectCell(cell); });
    connect(
        m_timeline, &ExecutionTimeline::cellClicked, this, [this](int cell) { m_view->selectCell(cell); });
    connect(m_findings, &FindingsPanel::findingActivated, this, &MainWindow::showFinding);
    connect(m_imports, &ImportsPanel::cellActivated, this, [this](int cell) { m_view->selectCell(cell); });
    connect(m_verifyPanel, &VerifyPanel::cellActivated, this, [this](int cell) { m_view->selectCell(cell); });
    connect(m_verifyPanel, &VerifyPanel::cancelRequested, this, &MainWindow::cancelVerify);
    connect(&m_verifyWatcher, &QFutureWatcher<VerifyOutcome>::finished, this, &MainWindow::verifyEnded);
    m_verifyPool.setMaxThreadCount(1);
    connect(&m_loadWatcher, &QFutureWatcher<Result<Notebook>>::finished, this, [this] {
        if (m_loadingPath.isEmpty())
            return; // superseded by a synchronous openFile
        const QString path = std::exchange(m_loadingPath, QString());
        const bool ok = showLoaded(path, m_loadWatcher.result());
        emit notebookLoaded(ok);
    });
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &MainWindow::fileChangedOnDisk);
    connect(&m_analysisWatcher, &QFutureWatcher<NotebookAnalysis>::finished, this, [this] {
        if (m_analysisWatcher.property("generation").toInt() == m_generation)
            setAnalysis(m_analysisWatcher.result());
    });

    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
}

MainWindow::~MainWindow()
{
    // A verification may be blocked in a 300 s cell: cancel it (every process of the run is
    // killed within about 50 ms) before waiting.
    if (m_verifyCancel)
        m_verifyCancel->store(true);
    m_verifyWatcher.waitForFinished();
    m_verifyPool.waitForDone();
    m_loadWatcher.waitForFinished();
    m_analysisWatcher.waitForFinished();
}

void MainWindow::createDocks()
{
    m_findings = new FindingsPanel(this);
    m_findingsDock = new QDockWidget(this);
    m_findingsDock->setObjectName(QStringLiteral("findingsDock"));
    m_findingsDock->setWidget(m_findings);
    addDockWidget(Qt::RightDockWidgetArea, m_findingsDock);

    m_graph = new DependencyGraphView(this);
    m_graphDock = new QDockWidget(this);
    m_graphDock->setObjectName(QStringLiteral("graphDock"));
    m_graphDock->setWidget(m_graph);
    addDockWidget(Qt::RightDockWidgetArea, m_graphDock);

    m_timeline = new ExecutionTimeline(this);
    m_timelineDock = new QDockWidget(this);
    m_timelineDock->setObjectName(QStringLiteral("timelineDock"));
    m_timelineDock->setWidget(m_timeline);
    tabifyDockWidget(m_graphDock, m_timelineDock);

    m_imports = new ImportsPanel(this);
    m_importsDock = new QDockWidget(this);
    m_importsDock->setObjectName(QStringLiteral("importsDock"));
    m_importsDock->setWidget(m_imports);
    addDockWidget(Qt::RightDockWidgetArea, m_importsDock);
    tabifyDockWidget(m_findingsDock, m_importsDock);

    m_verifyPanel = new VerifyPanel(this);
    m_verifyDock = new QDockWidget(this);
    m_verifyDock->setObjectName(QStringLiteral("verifyDock"));
    m_verifyDock->setWidget(m_verifyPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_verifyDock);
    tabifyDockWidget(m_findingsDock, m_verifyDock);
    m_findingsDock->raise();
    m_graphDock->raise();
    resizeDocks({m_findingsDock}, {520}, Qt::Horizontal);

    m_findBar = new QToolBar(this);
    m_findBar->setObjectName(QStringLiteral("findBar"));
    m_findBar->setMovable(false);
    m_findEdit = new QLineEdit(m_findBar);
    m_findEdit->setObjectName(QStringLiteral("findEdit"));
    m_findEdit->setClearButtonEnabled(true);
    m_findBar->addWidget(m_findEdit);
    connect(m_findEdit, &QLineEdit::returnPressed, this, [this] {
        const bool backwards = QApplication::keyboardModifiers() & Qt::ShiftModifier;
        if (!findText(m_findEdit->text(), backwards))
            statusBar()->showMessage(tr("Not found: %1").arg(m_findEdit->text()), 4000);
    });
    addToolBar(Qt::TopToolBarArea, m_findBar);
    m_findBar->hide();
}

void MainWindow::createMenus()
{
    // clear() only takes the menus off the bar: the old ones go too, or every language switch
    // would leave a set behind. Later, as a menu's own action may be what switched the language.
    const QList<QMenu *> old = menuBar()->findChildren<QMenu *>(Qt::FindDirectChildrenOnly);
    menuBar()->clear();
    for (QMenu *menu : old)
        menu->deleteLater();
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    QAction *openFolder = file->addAction(tr("Open &Folder…"), this, &MainWindow::openFolderDialog);
    openFolder->setObjectName(QStringLiteral("openFolderAction"));
    openFolder->setToolTip(tr("Check every notebook under a folder and list their status"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    QAction *reload = file->addAction(tr("Re&load"), this, [this] {
        if (!m_path.isEmpty())
            loadFile(m_path);
    });
    reload->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    m_graduateAction = file->addAction(tr("&Graduate…"), this, [this] {
        if (GraduationWizard *wizard = showGraduationWizard())
            wizard->open();
    });
    m_graduateAction->setObjectName(QStringLiteral("graduateAction"));
    m_graduateAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_G);
    m_graduateAction->setEnabled(m_analysed);
    m_verifyAction = file->addAction(tr("&Verify (Re-run)…"), this, [this] {
        if (VerifyDialog *dialog = showVerifyDialog())
            dialog->open();
    });
    m_verifyAction->setObjectName(QStringLiteral("verifyAction"));
    m_verifyAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    m_verifyAction->setToolTip(
        tr("Re-run the notebook's code cells in a separate Python process and compare the outputs"));
    m_cancelVerifyAction = file->addAction(tr("&Cancel Verification"), this, &MainWindow::cancelVerify);
    m_cancelVerifyAction->setObjectName(QStringLiteral("cancelVerifyAction"));
    updateVerifyActions();
    m_exportAction = file->addAction(tr("&Export Report…"), this, &MainWindow::exportDialog);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setEnabled(m_analysed);
    if (!m_toolBar) {
        m_toolBar = addToolBar(QString());
        m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    }
    m_toolBar->setWindowTitle(tr("Main Toolbar"));
    m_toolBar->clear();
    m_toolBar->addActions({open, openFolder, m_verifyAction, m_graduateAction, m_exportAction});
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->setObjectName(QStringLiteral("goMenu"));
    go->addAction(tr("&Find in Notebook…"), this, &MainWindow::showFindBar)->setShortcut(QKeySequence::Find);
    go->addAction(tr("Find &Next"), this, [this] {
          findText(m_findEdit->text());
      })->setShortcut(QKeySequence::FindNext);
    go->addAction(tr("Find &Previous"), this, [this] {
          findText(m_findEdit->text(), true);
      })->setShortcut(QKeySequence::FindPrevious);
    go->addSeparator();
    go->addAction(tr("Ne&xt Finding"), this, [this] { gotoFinding(+1); })->setShortcut(Qt::Key_F8);
    go->addAction(tr("Pre&vious Finding"), this, [this] {
          gotoFinding(-1);
      })->setShortcut(Qt::SHIFT | Qt::Key_F8);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_findingsDock->toggleViewAction());
    view->addAction(m_graphDock->toggleViewAction());
    view->addAction(m_timelineDock->toggleViewAction());
    view->addAction(m_importsDock->toggleViewAction());
    view->addAction(m_verifyDock->toggleViewAction());

    createSettingsMenu();
}

void MainWindow::createSettingsMenu()
{
    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->setObjectName(QStringLiteral("settingsMenu"));
    QMenu *language = settings->addMenu(tr("&Language"));
    auto *group = new QActionGroup(language);
    const QString configured = Language::configured();
    const auto addLanguage = [&](const QString &code, const QString &title) {
        QAction *action = language->addAction(title, this, [code] {
            Language::setConfigured(code);
            Language::apply(code);
        });
        action->setCheckable(true);
        action->setChecked(code == configured);
        group->addAction(action);
    };
    addLanguage(QString(), tr("System Default"));
    for (const QString &code : Language::available())
        addLanguage(code, Language::nativeName(code));

    QMenu *theme = settings->addMenu(tr("&Theme"));
    theme->setObjectName(QStringLiteral("themeMenu"));
    auto *themes = new QActionGroup(theme);
    const auto addTheme = [&](Theme::Mode mode, const QString &title) {
        QAction *action = theme->addAction(title, this, [mode] {
            Theme::setConfigured(mode);
            Theme::apply(mode);
        });
        action->setObjectName(QStringLiteral("theme_") + Theme::name(mode));
        action->setCheckable(true);
        action->setChecked(mode == Theme::current());
        themes->addAction(action);
    };
    addTheme(Theme::Mode::System, tr("&System"));
    addTheme(Theme::Mode::Light, tr("&Light"));
    addTheme(Theme::Mode::Dark, tr("&Dark"));
}

void MainWindow::retranslate()
{
    m_findingsDock->setWindowTitle(tr("Findings"));
    m_graphDock->setWindowTitle(tr("Dependencies"));
    m_timelineDock->setWindowTitle(tr("Execution Timeline"));
    m_importsDock->setWindowTitle(tr("Imports"));
    m_verifyDock->setWindowTitle(tr("Verification"));
    m_findEdit->setPlaceholderText(tr("Find in notebook (Enter: next, Shift+Enter: previous)"));
    m_findBar->setWindowTitle(tr("Find"));
    if (m_path.isEmpty())
        setWindowTitle(tr("Tassel"));
    else
        setWindowTitle(tr("%1 — Tassel").arg(QFileInfo(m_path).fileName()));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        createMenus();
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::openDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Notebook"), QString(), tr("Jupyter notebooks (*.ipynb);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

void MainWindow::openFolderDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Folder of Notebooks"));
    if (!folder.isEmpty())
        openFolder(folder);
}

FolderView *MainWindow::openFolder(const QString &folder)
{
    if (!m_folderView) {
        m_folderView = new FolderView(this);
        m_folderView->setWindowFlag(Qt::Window);
        m_folderView->resize(900, 560);
        connect(m_folderView, &FolderView::notebookActivated, this, [this](const QString &path) {
            loadFile(path);
            raise();
            activateWindow();
        });
    }
    m_folderView->openFolder(folder);
    m_folderView->show();
    m_folderView->raise();
    return m_folderView;
}

void MainWindow::exportDialog()
{
    // One filter per format, in the order of the menu; the chosen filter decides the format.
    const QStringList formats = {
        QStringLiteral("html"), QStringLiteral("markdown"), QStringLiteral("sarif"), QStringLiteral("json")};
    const QStringList filters = {tr("HTML report (*.html)"), tr("Markdown report (*.md)"),
        tr("SARIF report (*.sarif)"), tr("JSON report (*.json)")};
    const QStringList suffixes
        = {QStringLiteral(".html"), QStringLiteral(".md"), QStringLiteral(".sarif"), QStringLiteral(".json")};
    QString filter = filters.first();
    const QString stem = QFileInfo(m_path).absolutePath() + QLatin1Char('/')
        + QFileInfo(m_path).completeBaseName() + QStringLiteral("-report");
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export Report"), stem + suffixes.first(), filters.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty())
        return;
    const qsizetype which = std::max<qsizetype>(0, filters.indexOf(filter));
    if (QFileInfo(path).suffix().isEmpty())
        path += suffixes[which];
    const QString error = exportReport(path, formats[which]);
    if (error.isEmpty())
        statusBar()->showMessage(tr("Report written to %1").arg(QDir::toNativeSeparators(path)), 5000);
    else
        QMessageBox::warning(this, tr("Export Report"), error);
}

QString MainWindow::exportReport(const QString &path, const QString &format)
{
    if (!m_analysed)
        return tr("The notebook has not been analysed yet.");
    if (const auto refused = outputguard::checkFile(path.toStdString(), {m_path.toStdString()}))
        return tr("%1 is the notebook itself. Choose another file.").arg(QDir::toNativeSeparators(path));
    NotebookAnalysis analysis = m_view->notebookModel()->analysis();
    if (analysis.path.empty())
        analysis.path = m_path.toStdString();
    const auto report = reportformat::render(format.toStdString(), {analysis});
    if (!report)
        return tr("Unknown report format: %1").arg(format);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(report->data(), qint64(report->size())) != qint64(report->size()) || !file.commit())
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

bool MainWindow::openFile(const QString &path)
{
    // A synchronous open wins over a background one still reading.
    m_loadWatcher.cancel();
    m_loadWatcher.waitForFinished();
    m_loadingPath.clear();
    return showLoaded(path, NotebookLoader().loadFile(path.toStdString()));
}

void MainWindow::loadFile(const QString &path)
{
    m_loadingPath = path;
    statusBar()->showMessage(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    // The previous load, if any, keeps running to its end; its result is dropped because the
    // watcher follows the new future only.
    m_loadWatcher.setFuture(
        QtConcurrent::run([file = path.toStdString()] { return NotebookLoader().loadFile(file); }));
}

bool MainWindow::showLoaded(const QString &path, Result<Notebook> result)
{
    if (!result) {
        m_lastError = QString::fromStdString(result.error().toString());
        statusBar()->showMessage(m_lastError);
        if (isVisible())
            QMessageBox::warning(this, tr("Cannot open notebook"), m_lastError);
        return false;
    }
    ++m_generation;
    m_lastError.clear();
    m_notebook = std::make_shared<const Notebook>(std::move(result).value());
    m_analysed = false;
    if (m_graduateAction)
        m_graduateAction->setEnabled(false);
    if (m_exportAction)
        m_exportAction->setEnabled(false);
    if (!m_path.isEmpty())
        m_watcher->removePath(m_path);
    m_path = QFileInfo(path).absoluteFilePath();
    m_watcher->addPath(m_path);
    m_currentFinding = -1;
    m_view->notebookModel()->setNotebook(m_notebook);
    m_findings->clear();
    m_imports->clear();
    // A run of the previous notebook (or of this file before the reload) no longer applies.
    if (isVerifying() && m_verifyCancel)
        m_verifyCancel->store(true);
    m_verifyPanel->clear();
    updateVerifyActions();
    m_graph->clear();
    m_timeline->setNotebook(*m_notebook);
    retranslate();
    statusBar()->showMessage(tr("%n cell(s)", nullptr, int(m_notebook->cells.size())));
    rememberRecent(m_path);
    startAnalysis();
    return true;
}

void MainWindow::startAnalysis()
{
    m_analysisWatcher.setProperty("generation", m_generation);
    statusBar()->showMessage(tr("Analysing…"));
    m_analysisWatcher.setFuture(
        QtConcurrent::run([notebook = m_notebook] { return analyzeNotebook(*notebook); }));
}

bool MainWindow::isBusy() const
{
    // Until setAnalysis has run, the graph has not even started its layout.
    return m_loadWatcher.isRunning() || (!m_path.isEmpty() && !m_analysed) || m_graph->isBusy();
}

void MainWindow::setAnalysis(const NotebookAnalysis &analysis)
{
    m_view->notebookModel()->setAnalysis(analysis);
    m_findings->setAnalysis(analysis);
    m_imports->setAnalysis(analysis);
    m_analysed = true;
    m_graduateAction->setEnabled(true);
    m_exportAction->setEnabled(true);
    m_graph->setAnalysis(m_notebook, analysis);
    m_timeline->setFindings(analysis.findings);
    m_currentFinding = -1;
    statusBar()->showMessage(tr("%n cell(s)", nullptr, int(m_notebook->cells.size())) + QStringLiteral(" · ")
        + tr("%n finding(s)", nullptr, int(analysis.findings.size())));
    emit analysisReady();
}

void MainWindow::showFinding(int index)
{
    const auto &findings = m_view->notebookModel()->analysis().findings;
    if (index < 0 || std::size_t(index) >= findings.size())
        return;
    m_currentFinding = index;
    const Finding &finding = findings[std::size_t(index)];
    if (finding.cell >= 0)
        m_view->selectCell(finding.cell, finding.location == "output" ? 0 : finding.line);
    statusBar()->showMessage(RuleText::message(finding));
}

bool MainWindow::gotoFinding(int direction)
{
    const auto &findings = m_view->notebookModel()->analysis().findings;
    if (findings.empty())
        return false;
    std::vector<int> order(findings.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return std::pair(findings[std::size_t(a)].cell, findings[std::size_t(a)].line)
            < std::pair(findings[std::size_t(b)].cell, findings[std::size_t(b)].line);
    });
    const auto at = std::find(order.begin(), order.end(), m_currentFinding);
    int position = at == order.end() ? (direction > 0 ? -1 : 0) : int(at - order.begin());
    const int count = int(order.size());
    position = ((position + direction) % count + count) % count;
    const int index = order[std::size_t(position)];
    m_findings->selectFinding(index);
    showFinding(index);
    return true;
}

bool MainWindow::findText(const QString &text, bool backwards)
{
    auto *model = m_view->notebookModel();
    const int rows = model->rowCount();
    if (text.isEmpty() || rows == 0)
        return false;
    const int start = m_view->currentCell();
    for (int step = 1; step <= rows; ++step) {
        const int row = ((backwards ? start - step : start + step) % rows + rows) % rows;
        const QString source = model->displaySource(row);
        const qsizetype at = source.indexOf(text, 0, Qt::CaseInsensitive);
        if (at >= 0) {
            const int line = int(QStringView(source).left(at).count(QLatin1Char('\n'))) + 1;
            m_view->selectCell(row, line);
            return true;
        }
    }
    return false;
}

void MainWindow::showFindBar()
{
    m_findBar->show();
    m_findEdit->setFocus();
    m_findEdit->selectAll();
}

void MainWindow::fileChangedOnDisk(const QString &path)
{
    if (path != m_path || m_reloadPending)
        return;
    // Editors save by replacing the file, which drops it from the watcher: wait for the new
    // file, then watch it again.
    m_reloadPending = true;
    QTimer::singleShot(300, this, [this] {
        m_reloadPending = false;
        if (!QFileInfo::exists(m_path)) {
            statusBar()->showMessage(tr("%1 was removed from disk").arg(m_path));
            return;
        }
        if (!m_watcher->files().contains(m_path))
            m_watcher->addPath(m_path);
        if (m_askBeforeReload
            && QMessageBox::question(this, tr("Notebook changed"),
                   tr("%1 has changed on disk. Reload it?").arg(QFileInfo(m_path).fileName()))
                != QMessageBox::Yes)
            return;
        loadFile(m_path);
    });
}

VerifyDialog *MainWindow::showVerifyDialog()
{
    if (m_path.isEmpty() || isVerifying())
        return nullptr;
    auto *dialog = new VerifyDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { startVerify(dialog->options()); });
    return dialog;
}

bool MainWindow::startVerify(VerifyOptions options)
{
    if (m_path.isEmpty() || isVerifying())
        return false;
    std::optional<NotebookAnalysis> analysis;
    if (m_analysed)
        analysis = m_view->notebookModel()->analysis();
    m_verifyCancel = std::make_shared<std::atomic_bool>(false);
    m_verifyGeneration = m_generation;
    m_verifyPanel->setRunning();
    m_verifyDock->show();
    m_verifyDock->raise();
    statusBar()->showMessage(tr("Verifying %1…").arg(QFileInfo(m_path).fileName()));
    const int generation = m_generation;
    // Called on the worker thread. The window outlives the worker (its destructor cancels and
    // waits), and events still queued to it when it goes are discarded with it.
    const auto progress = [this, generation](int cell, int position, int total) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, cell, position, total] {
                if (m_generation != generation || !isVerifying())
                    return;
                m_verifyPanel->setProgress(cell, position, total);
                statusBar()->showMessage(tr("Verifying: cell %1 of %2 (notebook cell %3)…")
                                             .arg(position)
                                             .arg(total)
                                             .arg(cell + 1));
            },
            Qt::QueuedConnection);
    };
    m_verifyWatcher.setFuture(QtConcurrent::run(&m_verifyPool,
        [notebook = m_notebook, analysis = std::move(analysis), options = std::move(options),
            cancel = m_verifyCancel, progress]() mutable {
            // An exception must not reach the GUI thread through the future: word it as an error.
            try {
                const NotebookAnalysis used = analysis ? *analysis : analyzeNotebook(*notebook);
                options.suggestedOrder = used.verdict.suggestedOrder;
                const std::string sha256 = VerificationRecord::contentHash(notebook->path);
                Result<VerifyReport> report = Verifier::run(*notebook, options, cancel.get(), progress);
                if (report) {
                    Verifier::explain(report.value(), used);
                    // The folder view's "Last verification" reads it back.
                    if (const std::string why = VerificationRecord::record(*report, notebook->path, sha256);
                        !why.empty())
                        qWarning("the verification is not recorded: %s", why.c_str());
                }
                return VerifyOutcome {std::move(report), std::move(notebook), used};
            } catch (const std::exception &error) {
                Error failure;
                failure.code = "verify-internal";
                failure.message = error.what();
                failure.file = notebook->path;
                return VerifyOutcome {std::move(failure), notebook, {}};
            }
        }));
    updateVerifyActions();
    return true;
}

void MainWindow::cancelVerify()
{
    if (!isVerifying() || !m_verifyCancel)
        return;
    m_verifyCancel->store(true);
    statusBar()->showMessage(tr("Cancelling the verification…"));
}

void MainWindow::verifyEnded()
{
    updateVerifyActions();
    if (m_verifyGeneration != m_generation)
        return; // another notebook (or a reload) replaced the one that ran; the panel was cleared
    const VerifyOutcome outcome = m_verifyWatcher.result();
    if (!outcome.report) {
        const QString message = QString::fromStdString(outcome.report.error().toString());
        m_verifyPanel->setFailed(message);
        statusBar()->showMessage(tr("Verification failed: %1").arg(message));
        emit verifyFinished(false);
        return;
    }
    const VerifyReport &report = outcome.report.value();
    m_verifyPanel->setReport(report, *outcome.notebook);
    m_findings->showVerification(report);
    if (report.cancelled)
        statusBar()->showMessage(tr("Verification cancelled"));
    else
        statusBar()->showMessage(tr("Verified: %1 of %2 code cells reproduced")
                                     .arg(report.count(VerifyStatus::Reproduced))
                                     .arg(report.cells.size()));
    emit verifyFinished(true);
}

void MainWindow::updateVerifyActions()
{
    if (m_verifyAction)
        m_verifyAction->setEnabled(!m_path.isEmpty() && !isVerifying());
    if (m_cancelVerifyAction)
        m_cancelVerifyAction->setEnabled(isVerifying());
}

GraduationWizard *MainWindow::showGraduationWizard()
{
    if (m_path.isEmpty() || !m_analysed)
        return nullptr;
    auto *wizard = new GraduationWizard(*m_notebook, m_view->notebookModel()->analysis(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    return wizard;
}

void MainWindow::rememberRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecentFiles)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString &path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { loadFile(path); })
            ->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (isVerifying()) {
        cancelVerify();
        m_verifyWatcher.waitForFinished();
    }
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const auto urls = event->mimeData()->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile() && url.toLocalFile().endsWith(QStringLiteral(".ipynb"), Qt::CaseInsensitive)) {
            event->acceptProposedAction();
            return;
        }
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const auto urls = event->mimeData()->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile() && url.toLocalFile().endsWith(QStringLiteral(".ipynb"), Qt::CaseInsensitive)) {
            loadFile(url.toLocalFile());
            event->acceptProposedAction();
            return;
        }
    }
}

} // namespace tassel::ui
