#include "notebook/notebookview.h"

#include "notebook/celldelegate.h"
#include "notebook/htmlsanitizer.h"
#include "notebook/markdownrenderer.h"
#include "notebook/notebookmodel.h"

#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QMenu>
#include <QScrollBar>
#include <QUrl>

namespace tassel::ui {

NotebookView::NotebookView(QWidget *parent)
    : QListView(parent)
    , m_model(new NotebookModel(this))
    , m_delegate(new CellDelegate(m_model, this))
{
    setObjectName(QStringLiteral("notebookView"));
    setModel(m_model);
    setItemDelegate(m_delegate);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setUniformItemSizes(false);
    setResizeMode(QListView::Adjust);
    setSpacing(0);
    setMouseTracking(false);
    verticalScrollBar()->setSingleStep(24);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_delegate->clear();
        m_anchors.clear();
    });
    connect(m_delegate, &CellDelegate::linkActivated, this, &NotebookView::openLink);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        // Revealing a secret changes the text: drop the cached rendering.
        m_delegate->clear();
        viewport()->update();
    });
}

void NotebookView::resizeEvent(QResizeEvent *event)
{
    m_delegate->setWidth(viewport()->width());
    QListView::resizeEvent(event);
}

void NotebookView::selectCell(int cell, int line)
{
    if (cell < 0 || cell >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(cell);
    m_delegate->setHighlightedLine(cell, line);
    setCurrentIndex(index);
    executeDelayedItemsLayout();
    scrollTo(index, QAbstractItemView::PositionAtTop);
    const int offset = m_delegate->lineOffset(cell, line);
    // Keep the cell's top in view unless the line would fall below the fold.
    if (offset > viewport()->height() * 2 / 3)
        verticalScrollBar()->setValue(
            verticalScrollBar()->value() + visualRect(index).top() + offset - viewport()->height() / 3);
    viewport()->update();
}

int NotebookView::currentCell() const
{
    const QModelIndex index = currentIndex();
    return index.isValid() ? index.row() : -1;
}

bool NotebookView::openLink(const QString &href)
{
    if (!HtmlSanitizer::isSafeLink(href))
        return false;
    if (!href.startsWith(QLatin1Char('#')))
        return QDesktopServices::openUrl(QUrl(href));
    const int cell = cellOfAnchor(href.mid(1));
    if (cell < 0)
        return false;
    selectCell(cell);
    return true;
}

int NotebookView::cellOfAnchor(const QString &anchor) const
{
    if (m_anchors.isEmpty()) {
        const auto &cells = m_model->notebook().cells;
        for (int row = 0; row < int(cells.size()); ++row) {
            if (cells[std::size_t(row)].type != CellType::Markdown)
                continue;
            // The first definition wins, as in a browser.
            for (const QString &id : MarkdownRenderer::anchors(m_model->displaySource(row)))
                m_anchors.insert(id, m_anchors.value(id, row));
        }
    }
    const QString id = QUrl::fromPercentEncoding(anchor.toUtf8());
    if (const auto found = m_anchors.constFind(id); found != m_anchors.constEnd())
        return *found;
    for (auto it = m_anchors.constBegin(); it != m_anchors.constEnd(); ++it) {
        if (it.key().compare(id, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return -1;
}

void NotebookView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QListView::currentChanged(current, previous);
    if (current.isValid())
        emit cellSelected(current.row());
}

void NotebookView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (!index.isValid() || !m_model->hasSecrets(index.row()))
        return;
    const int row = index.row();
    QMenu menu(this);
    const bool revealed = m_model->isRevealed(row);
    menu.addAction(revealed ? tr("Hide Secrets in This Cell") : tr("Reveal Secrets in This Cell"), this,
        [this, row, revealed] { m_model->setRevealed(row, !revealed); });
    menu.exec(event->globalPos());
}

} // namespace tassel::ui
