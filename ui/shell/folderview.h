#pragma once

#include "shell/foldermodel.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>
#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace tassel::ui {

/// A folder's notebooks for a team lead: status, error, warning and secret counts of each,
/// sortable; double-click opens one. The check runs off the GUI thread through the batch checker
/// of `tassel check` (with the folder's tassel.toml, as `tassel check` run there uses), shows
/// progress and can be cancelled. Lists at most kMaxNotebooks notebooks.
class FolderView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kMaxNotebooks = 2000;

    explicit FolderView(QWidget *parent = nullptr);
    ~FolderView() override;

    /// Finds the notebooks under `folder` (recursively, as `tassel check FOLDER` does) and starts
    /// checking them; a check still running is cancelled.
    void openFolder(const QString &folder);
    /// Asks the running check to stop; the notebooks not yet checked are listed as such.
    void cancel();
    /// Whether a check is running or its results are not shown yet.
    bool isBusy() const { return m_busy; }
    QString folder() const { return m_folder; }
    FolderModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *summaryLabel() const { return m_summary; }

signals:
    /// The user double-clicked a notebook (its absolute path).
    void notebookActivated(const QString &path);
    /// A check ended (finished or cancelled) and the table shows it.
    void checkFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showResults();
    void showProgress(int done, int total);
    void retranslate();

    FolderModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QFutureWatcher<std::vector<FolderEntry>> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancelFlag;
    QString m_folder;
    int m_found = 0; ///< notebooks under the folder, before the cap
    int m_generation = 0;
    bool m_busy = false;
};

} // namespace tassel::ui
