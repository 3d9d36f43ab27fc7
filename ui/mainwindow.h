#pragma once

#include "notebook/notebook.h"

#include <QMainWindow>

class QMenu;

namespace tassel::ui {

class NotebookView;

/// The main window: one notebook at a time, with File menu, recent files and drag and drop.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    /// Loads and shows a notebook; on failure shows the error and returns false.
    bool openFile(const QString &path);
    NotebookView *notebookView() const { return m_view; }
    const Notebook &notebook() const { return m_notebook; }
    QString lastError() const { return m_lastError; }

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void openDialog();
    void rememberRecent(const QString &path);
    void rebuildRecentMenu();

    NotebookView *m_view = nullptr;
    QMenu *m_recentMenu = nullptr;
    Notebook m_notebook;
    QString m_lastError;
};

} // namespace tassel::ui
