#pragma once

#include "analysis/notebookanalysis.h"
#include "notebook/notebook.h"

#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <vector>

namespace tassel::ui {

/// Lays out a notebook's dependency graph with Graphviz's dot (left to right): a value with node
/// boxes and edge curves in scene coordinates (y down). Pure function of its inputs and safe to
/// call off the GUI thread; calls are serialised because Graphviz keeps global state.
class GraphLayout
{
public:
    enum class State { Fine, Stale, Unexecuted, OutOfOrder };

    struct Node
    {
        int cell = -1;
        QString label;
        State state = State::Fine;
        QRectF box;
    };
    struct Edge
    {
        int from = -1;
        int to = -1;
        QString label;
        QPainterPath path;
        QPolygonF arrow; ///< arrow head at the target; empty when Graphviz gave none
        QPointF labelPos;
    };
    struct Result
    {
        std::vector<Node> nodes;
        std::vector<Edge> edges;
        QRectF bounds;
        QString error; ///< set when Graphviz failed; nodes and edges are then empty
        int omittedCells = 0; ///< code cells left out to keep big graphs readable
    };

    /// At most this many code cells become nodes; the rest are counted in omittedCells.
    static constexpr int kMaxNodes = 300;

    static Result compute(const Notebook &notebook, const NotebookAnalysis &analysis);
    static State stateOf(const Cell &cell, const std::vector<const Finding *> &findings);
};

} // namespace tassel::ui
