#include "graphlayout.h"

#include <graphviz/gvc.h>

#include <map>
#include <memory>
#include <mutex>
#include <set>

namespace tassel::ui {

namespace {

// Graphviz 2.42 takes `char *` for names and values it does not modify.
void setAttribute(void *object, const char *name, const std::string &value)
{
    std::string nameCopy = name;
    std::string valueCopy = value;
    std::string empty;
    agsafeset(object, nameCopy.data(), valueCopy.data(), empty.data());
}

QString edgeLabel(const std::vector<std::string> &names)
{
    QStringList shown;
    for (std::size_t i = 0; i < names.size() && i < 3; ++i)
        shown.append(QString::fromStdString(names[i]));
    QString label = shown.join(QStringLiteral(", "));
    if (names.size() > 3)
        label += QStringLiteral(", …");
    return label;
}

} // namespace

GraphLayout::State GraphLayout::stateOf(const Cell &cell, const std::vector<const Finding *> &findings)
{
    bool stale = false;
    for (const Finding *f : findings) {
        if (f->rule == "out-of-order-execution" || f->rule == "use-before-definition")
            return State::OutOfOrder;
        if (f->rule == "stale-output")
            stale = true;
    }
    if (stale)
        return State::Stale;
    if (!cell.executionCount)
        return State::Unexecuted;
    return State::Fine;
}

GraphLayout::Result GraphLayout::compute(const Notebook &notebook, const NotebookAnalysis &analysis)
{
    Result result;
    std::map<int, std::vector<const Finding *>> findingsByCell;
    for (const auto &f : analysis.findings)
        findingsByCell[f.cell].push_back(&f);

    // Cells that take part in the dataflow come first, so a truncated graph keeps them.
    std::set<int> linked;
    for (const auto &d : analysis.dependencies) {
        linked.insert(d.from);
        linked.insert(d.to);
    }
    std::vector<int> cells;
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i = 0; i < notebook.cells.size(); ++i) {
            if (!notebook.cells[i].isCode() || (linked.count(int(i)) > 0) != (pass == 0))
                continue;
            if (int(cells.size()) < kMaxNodes)
                cells.push_back(int(i));
            else
                ++result.omittedCells;
        }
    }
    std::sort(cells.begin(), cells.end());
    if (cells.empty())
        return result;

    static std::mutex graphvizMutex;
    const std::lock_guard lock(graphvizMutex);
    // One context for the whole process, never freed: Graphviz 2.42's pango plugin keeps a
    // pointer to the last font name in a static, and that name belongs to the context's font
    // table; freeing the context left the next layout reading freed memory (AddressSanitizer
    // caught it in tst_mainwindow). Graphviz is not thread-safe either, hence the mutex.
    static GVC_t *const gvc = gvContext();
    std::string graphName = "notebook";
    std::unique_ptr<Agraph_t, int (*)(Agraph_t *)> graph(
        agopen(graphName.data(), Agdirected, nullptr), agclose);
    setAttribute(graph.get(), "rankdir", "LR");
    setAttribute(graph.get(), "nodesep", "0.25");
    setAttribute(graph.get(), "ranksep", "0.5");

    std::map<int, Agnode_t *> nodes;
    for (int cell : cells) {
        std::string name = "c" + std::to_string(cell);
        Agnode_t *node = agnode(graph.get(), name.data(), 1);
        const Cell &c = notebook.cells[std::size_t(cell)];
        const std::string label = "#" + std::to_string(cell + 1)
            + (c.executionCount ? " [" + std::to_string(*c.executionCount) + "]" : std::string(" [ ]"));
        setAttribute(node, "label", label);
        setAttribute(node, "shape", "box");
        setAttribute(node, "fontsize", "10");
        setAttribute(node, "height", "0.3");
        nodes[cell] = node;
        Node n;
        n.cell = cell;
        n.label = QString::fromStdString(label);
        n.state = stateOf(c, findingsByCell[cell]);
        result.nodes.push_back(n);
    }
    std::vector<std::pair<Agedge_t *, std::size_t>> edges;
    for (const auto &d : analysis.dependencies) {
        const auto from = nodes.find(d.from);
        const auto to = nodes.find(d.to);
        if (from == nodes.end() || to == nodes.end() || d.from == d.to)
            continue;
        Agedge_t *edge = agedge(graph.get(), from->second, to->second, nullptr, 1);
        const QString label = edgeLabel(d.names);
        setAttribute(edge, "label", label.toStdString());
        setAttribute(edge, "fontsize", "9");
        Edge e;
        e.from = d.from;
        e.to = d.to;
        e.label = label;
        edges.emplace_back(edge, result.edges.size());
        result.edges.push_back(e);
    }

    if (gvLayout(gvc, graph.get(), "dot") != 0) {
        result.error = QStringLiteral("Graphviz could not lay out the graph");
        result.nodes.clear();
        result.edges.clear();
        return result;
    }
    const boxf bb = GD_bb(graph.get());
    const auto toScene = [&](pointf p) { return QPointF(p.x, bb.UR.y - p.y); };
    for (Node &n : result.nodes) {
        Agnode_t *node = nodes[n.cell];
        const QPointF center = toScene(ND_coord(node));
        const double w = ND_width(node) * 72.0;
        const double h = ND_height(node) * 72.0;
        n.box = QRectF(center.x() - w / 2, center.y() - h / 2, w, h);
    }
    for (auto [edge, i] : edges) {
        Edge &e = result.edges[i];
        if (const splines *spl = ED_spl(edge); spl && spl->size > 0) {
            const bezier &bz = spl->list[0];
            if (bz.size > 0) {
                e.path.moveTo(toScene(bz.list[0]));
                for (int k = 1; k + 2 < bz.size; k += 3)
                    e.path.cubicTo(toScene(bz.list[k]), toScene(bz.list[k + 1]), toScene(bz.list[k + 2]));
                if (bz.eflag) {
                    const QPointF tip = toScene(bz.ep);
                    const QPointF base = toScene(bz.list[bz.size - 1]);
                    const QPointF along = tip - base;
                    const QPointF across(-along.y() * 0.5, along.x() * 0.5);
                    e.arrow << tip << base + across << base - across;
                }
            }
        }
        if (const textlabel_t *label = ED_label(edge))
            e.labelPos = toScene(label->pos);
    }
    result.bounds = QRectF(0, 0, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
    gvFreeLayout(gvc, graph.get());
    return result;
}

} // namespace tassel::ui
