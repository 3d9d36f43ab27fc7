#pragma once

#include <QListView>

namespace tassel::ui {

class CellDelegate;
class NotebookModel;

/// The notebook as a list of painted cells (model/view, so a 2,000-cell notebook scrolls
/// smoothly): owns its NotebookModel and CellDelegate.
class NotebookView : public QListView
{
    Q_OBJECT
public:
    explicit NotebookView(QWidget *parent = nullptr);

    NotebookModel *notebookModel() const { return m_model; }
    CellDelegate *cellDelegate() const { return m_delegate; }

    /// Selects cell `cell` and scrolls so that 1-based source `line` (0: the cell's top) is shown.
    void selectCell(int cell, int line = 0);
    /// The selected cell, or -1.
    int currentCell() const;

signals:
    void cellSelected(int cell);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;

private:
    NotebookModel *m_model;
    CellDelegate *m_delegate;
};

} // namespace tassel::ui
