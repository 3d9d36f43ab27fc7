#pragma once

#include "analysis/graphlayout.h"

#include <QFutureWatcher>
#include <QGraphicsView>
#include <QHash>
#include <QSet>

#include <memory>

class QCheckBox;
class QGraphicsItem;
class QGraphicsPathItem;
class QLabel;
class QSpinBox;

namespace tassel::ui {

/// The dependency graph of a notebook: code cells as boxes coloured by state, edges labelled
/// with the names that flow. Layout runs off the GUI thread (GraphLayout); clicking a node emits
/// cellClicked; selectCell highlights what the cell depends on and what depends on it. A bar
/// above the graph switches focus mode (the selected cell and its k-hop neighbourhood, the
/// default above kFocusThreshold code cells) and import badges; a legend below explains the
/// colours. The graph fits the window until the user zooms (Ctrl+wheel, around the cursor).
class DependencyGraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit DependencyGraphView(QWidget *parent = nullptr);
    ~DependencyGraphView() override;

    /// Starts laying out the graph; layoutReady follows.
    void setAnalysis(const Notebook &notebook, const NotebookAnalysis &analysis);
    /// Shares the caller's notebook instead of copying it.
    void setAnalysis(std::shared_ptr<const Notebook> notebook, const NotebookAnalysis &analysis);
    void clear();
    void selectCell(int cell);

    const GraphLayout::Result &layoutResult() const { return m_layout; }
    /// The notebook of the last setAnalysis, shared with the caller; null before it.
    const Notebook *notebook() const { return m_notebook.get(); }
    /// Cells upstream (it reads from) and downstream (they read from it) of the selected cell.
    QSet<int> upstreamCells() const { return m_upstream; }
    QSet<int> downstreamCells() const { return m_downstream; }
    int selectedCell() const { return m_selected; }
    /// Whether a layout is still running.
    bool isBusy() const;

    /// Above this many code cells the graph opens in focus mode.
    static constexpr int kFocusThreshold = 40;
    bool focusMode() const { return m_focusMode; }
    void setFocusMode(bool on);
    int hops() const { return m_options.hops; }
    void setHops(int hops);
    bool importBadges() const { return m_options.importBadges; }
    void setImportBadges(bool on);
    /// Scales the whole graph into the viewport (never above 1.5×) and keeps fitting on resize.
    void fitGraph();

signals:
    void cellClicked(int cell);
    void layoutReady();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildControls();
    void retranslate();
    void startLayout();
    void showLayout(const GraphLayout::Result &layout);
    void addEdge(const GraphLayout::Edge &edge, const QFont &font);
    void addNode(const GraphLayout::Node &node, const QFont &font);
    void findRelated();
    void applyHighlight();

    QFutureWatcher<GraphLayout::Result> m_watcher;
    GraphLayout::Result m_layout;
    QHash<int, QGraphicsPathItem *> m_nodeItems;
    std::vector<QGraphicsItem *> m_edgeItems; ///< parallel to m_layout.edges (a group per edge)
    QSet<int> m_upstream;
    QSet<int> m_downstream;
    int m_selected = -1;
    int m_generation = 0;
    std::shared_ptr<const Notebook> m_notebook;
    std::shared_ptr<const NotebookAnalysis> m_analysis;
    GraphLayout::Options m_options;
    bool m_focusMode = false;
    bool m_userZoomed = false;
    QWidget *m_bar = nullptr;
    QCheckBox *m_focusBox = nullptr;
    QLabel *m_hopsLabel = nullptr;
    QSpinBox *m_hopsBox = nullptr;
    QCheckBox *m_badgesBox = nullptr;
    QAction *m_fitAction = nullptr;
    QLabel *m_legend = nullptr;
};

} // namespace tassel::ui
