#pragma once

#include "graphlayout.h"

#include <QFutureWatcher>
#include <QGraphicsView>
#include <QHash>
#include <QSet>

class QGraphicsItem;
class QGraphicsPathItem;

namespace tassel::ui {

/// The dependency graph of a notebook: code cells as boxes coloured by state, edges labelled
/// with the names that flow. Layout runs off the GUI thread (GraphLayout); clicking a node emits
/// cellClicked; selectCell highlights what the cell depends on and what depends on it.
class DependencyGraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit DependencyGraphView(QWidget *parent = nullptr);
    ~DependencyGraphView() override;

    /// Starts laying out the graph; layoutReady follows.
    void setAnalysis(const Notebook &notebook, const NotebookAnalysis &analysis);
    void clear();
    void selectCell(int cell);

    const GraphLayout::Result &layoutResult() const { return m_layout; }
    /// Cells upstream (it reads from) and downstream (they read from it) of the selected cell.
    QSet<int> upstreamCells() const { return m_upstream; }
    QSet<int> downstreamCells() const { return m_downstream; }
    int selectedCell() const { return m_selected; }
    /// Whether a layout is still running.
    bool isBusy() const;

signals:
    void cellClicked(int cell);
    void layoutReady();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void showLayout(const GraphLayout::Result &layout);
    void applyHighlight();

    QFutureWatcher<GraphLayout::Result> m_watcher;
    GraphLayout::Result m_layout;
    QHash<int, QGraphicsPathItem *> m_nodeItems;
    std::vector<QGraphicsItem *> m_edgeItems; ///< parallel to m_layout.edges (a group per edge)
    QSet<int> m_upstream;
    QSet<int> m_downstream;
    int m_selected = -1;
    int m_generation = 0;
};

} // namespace tassel::ui
