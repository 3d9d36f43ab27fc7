#pragma once

#include "analysis/notebookanalysis.h"
#include "notebook/notebook.h"
#include "util/result.h"
#include "verify/verifier.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>

class QAction;
class QToolBar;
class QDockWidget;
class QFileSystemWatcher;
class QLineEdit;
class QMenu;
class QToolBar;

namespace tassel::ui {

class DependencyGraphView;
class ExecutionTimeline;
class FindingsPanel;
class FolderView;
class GraduationWizard;
class ImportsPanel;
class NotebookView;
class VerifyDialog;
class VerifyPanel;

/// The main window: one notebook at a time, its cells in the centre, findings, dependency graph,
/// execution timeline, imports and the verification (re-run) result in docks. The window loads
/// notebooks (loadFile), analyses and, on request, re-runs them off the GUI thread; the values
/// arrive by signal. openFile loads synchronously, for tests and the screenshot mode.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Loads and shows a notebook; on failure shows the error and returns false.
    bool openFile(const QString &path);
    /// Loads a notebook off the GUI thread and shows it when done (notebookLoaded tells which
    /// way it went); the window stays responsive meanwhile. A later call supersedes an earlier one.
    void loadFile(const QString &path);
    /// Whether a loadFile is still reading.
    bool isLoading() const { return m_loadWatcher.isRunning(); }
    /// Opens the graduation wizard on the current notebook (nullptr when none is open).
    GraduationWizard *showGraduationWizard();
    /// Shows an analysis of the current notebook (normally called when the background analysis ends).
    void setAnalysis(const NotebookAnalysis &analysis);
    /// Opens the options dialog for re-running the current notebook (nullptr when none is open
    /// or a run is going); accepting it starts the run.
    VerifyDialog *showVerifyDialog();
    /// Re-runs the current notebook's code cells in a separate Python process, off the GUI
    /// thread; the Verification panel shows progress and then the report. `suggestedOrder` is
    /// filled from the analysis. False when no notebook is open or a run is already going.
    bool startVerify(VerifyOptions options);
    /// Asks a running verification to stop; its report still arrives, marked cancelled.
    void cancelVerify();
    bool isVerifying() const { return m_verifyWatcher.isRunning(); }
    VerifyPanel *verifyPanel() const { return m_verifyPanel; }
    QAction *verifyAction() const { return m_verifyAction; }
    QAction *exportAction() const { return m_exportAction; }
    QToolBar *mainToolBar() const { return m_toolBar; }
    /// Writes the report of the open notebook in `format` ("html", "markdown", "sarif", "json":
    /// what `tassel check --format` writes) to `path`, atomically and never over the notebook.
    /// Returns why it could not (empty on success).
    QString exportReport(const QString &path, const QString &format);
    /// Shows the folder view (a window of its own) and starts checking the notebooks under
    /// `folder`; double-clicking one opens it here.
    FolderView *openFolder(const QString &folder);
    FolderView *folderView() const { return m_folderView; }

    NotebookView *notebookView() const { return m_view; }
    FindingsPanel *findingsPanel() const { return m_findings; }
    DependencyGraphView *graphView() const { return m_graph; }
    ExecutionTimeline *timeline() const { return m_timeline; }
    ImportsPanel *importsPanel() const { return m_imports; }
    const Notebook &notebook() const { return *m_notebook; }
    QString lastError() const { return m_lastError; }
    QString currentPath() const { return m_path; }
    /// Whether loading, the analysis or the graph layout is still running.
    bool isBusy() const;
    /// Selects the next (+1) or previous (-1) finding in document order; false when there is none.
    bool gotoFinding(int direction);
    /// Selects the next cell after the current one whose source contains `text`; false if none.
    bool findText(const QString &text, bool backwards = false);
    /// Whether to ask before reloading a notebook changed on disk (tests switch it off).
    void setAskBeforeReload(bool ask) { m_askBeforeReload = ask; }

signals:
    void analysisReady();
    void notebookLoaded(bool ok);
    /// A verification ended and the panel shows it (ok: a report, possibly cancelled; false: it
    /// could not run). Not emitted for a run of a notebook that was replaced meanwhile.
    void verifyFinished(bool ok);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createDocks();
    void createMenus();
    void retranslate();
    void openDialog();
    void openFolderDialog();
    void createSettingsMenu();
    void exportDialog();
    void rememberRecent(const QString &path);
    void rebuildRecentMenu();
    void startAnalysis();
    void showFinding(int index);
    void fileChangedOnDisk(const QString &path);
    void showFindBar();
    bool showLoaded(const QString &path, Result<Notebook> result);
    void verifyEnded();
    void updateVerifyActions();

    /// What a verification run hands back to the GUI thread: the report and the values it
    /// explained and masked it with.
    struct VerifyOutcome
    {
        Result<VerifyReport> report;
        std::shared_ptr<const Notebook> notebook;
        NotebookAnalysis analysis;
    };

    NotebookView *m_view = nullptr;
    FindingsPanel *m_findings = nullptr;
    DependencyGraphView *m_graph = nullptr;
    ExecutionTimeline *m_timeline = nullptr;
    ImportsPanel *m_imports = nullptr;
    QDockWidget *m_importsDock = nullptr;
    QAction *m_graduateAction = nullptr;
    QAction *m_verifyAction = nullptr;
    QAction *m_cancelVerifyAction = nullptr;
    QAction *m_exportAction = nullptr;
    QToolBar *m_toolBar = nullptr;
    VerifyPanel *m_verifyPanel = nullptr;
    FolderView *m_folderView = nullptr;
    QDockWidget *m_verifyDock = nullptr;
    QDockWidget *m_findingsDock = nullptr;
    QDockWidget *m_graphDock = nullptr;
    QDockWidget *m_timelineDock = nullptr;
    QToolBar *m_findBar = nullptr;
    QLineEdit *m_findEdit = nullptr;
    QMenu *m_recentMenu = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;
    QFutureWatcher<NotebookAnalysis> m_analysisWatcher;
    QFutureWatcher<Result<Notebook>> m_loadWatcher;
    /// Runs verifications on their own thread, so a long run never holds up loading or analysis.
    QThreadPool m_verifyPool;
    QFutureWatcher<VerifyOutcome> m_verifyWatcher;
    /// Shared with the running worker, which may outlive a superseded watcher's interest.
    std::shared_ptr<std::atomic_bool> m_verifyCancel;
    int m_verifyGeneration = -1;
    QString m_loadingPath;
    bool m_analysed = false;
    /// One immutable copy, shared with the view's model and the analysis and verify workers:
    /// a notebook of a million outputs is not copied three times.
    std::shared_ptr<const Notebook> m_notebook = std::make_shared<const Notebook>();
    QString m_path;
    QString m_lastError;
    int m_currentFinding = -1;
    int m_generation = 0;
    bool m_askBeforeReload = true;
    bool m_reloadPending = false;
};

} // namespace tassel::ui
