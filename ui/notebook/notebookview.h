#pragma once

#include <QHash>
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
    /// Follows a link clicked in rendered markdown or HTML: `#anchor` selects the markdown cell
    /// that defines it (Jupyter's heading ids, or an `id`/`name`), a web or mail link opens in
    /// the desktop's handler. False when nothing was done (unknown anchor, unsafe link).
    bool openLink(const QString &href);
    /// The cell that defines in-notebook anchor `anchor` (without '#', percent-encoded or not),
    /// or -1.
    int cellOfAnchor(const QString &anchor) const;

signals:
    void cellSelected(int cell);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;

private:
    NotebookModel *m_model;
    CellDelegate *m_delegate;
    mutable QHash<QString, int> m_anchors; // built on the first anchor followed
};

} // namespace tassel::ui
