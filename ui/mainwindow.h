#pragma once

#include "analysis/notebookanalysis.h"
#include "notebook/notebook.h"

#include <QFutureWatcher>
#include <QMainWindow>

class QDockWidget;
class QFileSystemWatcher;
class QLineEdit;
class QMenu;
class QToolBar;

namespace tassel::ui {

class DependencyGraphView;
class ExecutionTimeline;
class FindingsPanel;
class NotebookView;

/// The main window: one notebook at a time, its cells in the centre, findings, dependency graph
/// and execution timeline in docks. Loading is synchronous (fast); the analysis runs off the GUI
/// thread and arrives through setAnalysis.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Loads and shows a notebook; on failure shows the error and returns false.
    bool openFile(const QString &path);
    /// Shows an analysis of the current notebook (normally called when the background analysis ends).
    void setAnalysis(const NotebookAnalysis &analysis);

    NotebookView *notebookView() const { return m_view; }
    FindingsPanel *findingsPanel() const { return m_findings; }
    DependencyGraphView *graphView() const { return m_graph; }
    ExecutionTimeline *timeline() const { return m_timeline; }
    const Notebook &notebook() const { return m_notebook; }
    QString lastError() const { return m_lastError; }
    QString currentPath() const { return m_path; }
    /// Whether the analysis or the graph layout is still running.
    bool isBusy() const;
    /// Whether this build runs the analysis (false while the analyser is not linked in).
    static bool hasAnalyzer();
    /// Selects the next (+1) or previous (-1) finding in document order; false when there is none.
    bool gotoFinding(int direction);
    /// Selects the next cell after the current one whose source contains `text`; false if none.
    bool findText(const QString &text, bool backwards = false);
    /// Whether to ask before reloading a notebook changed on disk (tests switch it off).
    void setAskBeforeReload(bool ask) { m_askBeforeReload = ask; }

signals:
    void analysisReady();

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
    void rememberRecent(const QString &path);
    void rebuildRecentMenu();
    void startAnalysis();
    void showFinding(int index);
    void fileChangedOnDisk(const QString &path);
    void showFindBar();

    NotebookView *m_view = nullptr;
    FindingsPanel *m_findings = nullptr;
    DependencyGraphView *m_graph = nullptr;
    ExecutionTimeline *m_timeline = nullptr;
    QDockWidget *m_findingsDock = nullptr;
    QDockWidget *m_graphDock = nullptr;
    QDockWidget *m_timelineDock = nullptr;
    QToolBar *m_findBar = nullptr;
    QLineEdit *m_findEdit = nullptr;
    QMenu *m_recentMenu = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;
    QFutureWatcher<NotebookAnalysis> m_analysisWatcher;
    Notebook m_notebook;
    QString m_path;
    QString m_lastError;
    int m_currentFinding = -1;
    int m_generation = 0;
    bool m_askBeforeReload = true;
    bool m_reloadPending = false;
};

} // namespace tassel::ui
