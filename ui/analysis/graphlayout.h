#pragma once

#include "analysis/notebookanalysis.h"
#include "notebook/notebook.h"

#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <QStringList>

#include <map>
#include <set>
#include <vector>

namespace tassel::ui {

/// Lays out a notebook's dependency graph with Graphviz's dot (left to right): a value with node
/// boxes and edge curves in scene coordinates (y down). Cells without edges are not given to dot:
/// they follow in document order in rows below the graph. Options narrow the graph to one cell's
/// neighbourhood and turn names that come from imports into badges on the cells that use them.
/// Pure function of its inputs and safe to call off the GUI thread; calls are serialised because
/// Graphviz keeps global state.
class GraphLayout
{
public:
    enum class State { Fine, Stale, Unexecuted, OutOfOrder };

    struct Options
    {
        int focusCell = -1; ///< -1: every code cell; else this cell and its neighbourhood
        int hops = 2; ///< how many edges away from focusCell, upstream and downstream
        bool importBadges = true; ///< imported names as badges instead of edges from the import
    };

    struct Node
    {
        int cell = -1;
        QString label;
        QStringList badges; ///< imported names the cell uses (Options::importBadges)
        bool connected = true; ///< has an edge; unconnected nodes are placed in rows below
        State state = State::Fine;
        QRectF box;
    };
    struct Edge
    {
        int from = -1;
        int to = -1;
        QString label; ///< the first name, "+N" for the others
        QStringList names; ///< every name that flows
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

    static Result compute(const Notebook &notebook, const NotebookAnalysis &analysis, const Options &options);
    static Result compute(const Notebook &notebook, const NotebookAnalysis &analysis)
    {
        return compute(notebook, analysis, Options());
    }
    /// The dependencies the graph draws: names bound by an import in the source cell left out
    /// when `importBadges` (collected per target cell in `badges`), edges left empty dropped.
    static std::vector<Dependency> drawnDependencies(
        const NotebookAnalysis &analysis, bool importBadges, std::map<int, QStringList> *badges = nullptr);
    /// `cell` and the cells at most `hops` edges upstream or downstream of it.
    static std::set<int> neighbourhood(const std::vector<Dependency> &dependencies, int cell, int hops);
    /// The badges as a node shows them: up to three names, "+N" for the rest.
    static QString badgeText(const QStringList &badges);
    static State stateOf(const Cell &cell, const std::vector<const Finding *> &findings);

private:
    static void layOutWithDot(Result &result, const std::vector<Dependency> &dependencies);
};

} // namespace tassel::ui
