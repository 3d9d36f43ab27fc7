#include "analysis/graphlayout.h"

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

QStringList toStringList(const std::vector<std::string> &names)
{
    QStringList list;
    for (const std::string &name : names)
        list.append(QString::fromStdString(name));
    return list;
}

/// The first of `names` and how many more: long name lists made labels cover the graph.
QString elided(const QStringList &names)
{
    if (names.isEmpty())
        return {};
    return names.size() == 1 ? names.first()
                             : QStringLiteral("%1 +%2").arg(names.first()).arg(names.size() - 1);
}

std::set<std::string> importedNames(const CellSymbols &symbols)
{
    std::set<std::string> names;
    for (const ImportRef &import : symbols.imports) {
        if (!import.boundAs.empty())
            names.insert(import.boundAs);
        names.insert(import.names.begin(), import.names.end());
    }
    return names;
}

std::string nodeLabel(const Cell &cell, int index)
{
    return "#" + std::to_string(index + 1)
        + (cell.executionCount ? " [" + std::to_string(*cell.executionCount) + "]" : std::string(" [ ]"));
}

/// The code cells that become nodes: those in `only` (when given), linked ones first so a
/// truncated graph keeps them, in document order; the rest are counted in `omitted`.
std::vector<int> nodeCells(
    const Notebook &notebook, const std::set<int> &linked, const std::set<int> *only, int &omitted)
{
    std::vector<int> cells;
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i = 0; i < notebook.cells.size(); ++i) {
            if (!notebook.cells[i].isCode() || (linked.count(int(i)) > 0) != (pass == 0))
                continue;
            if (only && !only->count(int(i)))
                continue;
            if (int(cells.size()) < GraphLayout::kMaxNodes)
                cells.push_back(int(i));
            else
                ++omitted;
        }
    }
    std::sort(cells.begin(), cells.end());
    return cells;
}

/// Rows of the nodes without edges below the graph, in document order (dot scrambled them).
void placeUnconnected(GraphLayout::Result &result)
{
    constexpr double kGap = 10;
    const double rowWidth = std::max(result.bounds.width(), 480.0);
    const double top = result.bounds.isEmpty() ? 0 : result.bounds.bottom() + 3 * kGap;
    double x = 0;
    double y = top;
    double rowHeight = 0;
    for (GraphLayout::Node &node : result.nodes) {
        if (node.connected)
            continue;
        const double width = std::max(54.0, 7.0 * double(node.label.size()) + 16);
        const double height = node.badges.isEmpty() ? 22.0 : 36.0;
        if (x > 0 && x + width > rowWidth) {
            x = 0;
            y += rowHeight + kGap;
            rowHeight = 0;
        }
        node.box = QRectF(x, y, width, height);
        x += width + kGap;
        rowHeight = std::max(rowHeight, height);
        result.bounds = result.bounds.united(node.box);
    }
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

std::vector<Dependency> GraphLayout::drawnDependencies(
    const NotebookAnalysis &analysis, bool importBadges, std::map<int, QStringList> *badges)
{
    std::vector<Dependency> drawn;
    for (const Dependency &d : analysis.dependencies) {
        if (d.from == d.to)
            continue;
        const bool known = d.from >= 0 && std::size_t(d.from) < analysis.cells.size();
        const std::set<std::string> imported = importBadges && known
            ? importedNames(analysis.cells[std::size_t(d.from)])
            : std::set<std::string>();
        Dependency kept = d;
        kept.names.clear();
        for (const std::string &name : d.names) {
            if (!imported.count(name))
                kept.names.push_back(name);
            else if (badges && !(*badges)[d.to].contains(QString::fromStdString(name)))
                (*badges)[d.to].append(QString::fromStdString(name));
        }
        if (!kept.names.empty())
            drawn.push_back(std::move(kept));
    }
    return drawn;
}

std::set<int> GraphLayout::neighbourhood(const std::vector<Dependency> &dependencies, int cell, int hops)
{
    std::set<int> shown {cell};
    for (const bool up : {true, false}) {
        std::set<int> frontier {cell};
        for (int hop = 0; hop < hops && !frontier.empty(); ++hop) {
            std::set<int> next;
            for (const Dependency &d : dependencies) {
                const int near = up ? d.to : d.from;
                const int far = up ? d.from : d.to;
                if (frontier.count(near) && !shown.count(far))
                    next.insert(far);
            }
            shown.insert(next.begin(), next.end());
            frontier = std::move(next);
        }
    }
    return shown;
}

GraphLayout::Result GraphLayout::compute(
    const Notebook &notebook, const NotebookAnalysis &analysis, const Options &options)
{
    Result result;
    std::map<int, QStringList> badges;
    std::vector<Dependency> dependencies = drawnDependencies(analysis, options.importBadges, &badges);
    std::set<int> focus;
    if (options.focusCell >= 0) {
        focus = neighbourhood(dependencies, options.focusCell, options.hops);
        std::erase_if(
            dependencies, [&](const Dependency &d) { return !focus.count(d.from) || !focus.count(d.to); });
    }
    std::set<int> linked;
    for (const auto &d : dependencies) {
        linked.insert(d.from);
        linked.insert(d.to);
    }
    const std::vector<int> cells
        = nodeCells(notebook, linked, options.focusCell >= 0 ? &focus : nullptr, result.omittedCells);
    if (cells.empty())
        return result;
    std::map<int, std::vector<const Finding *>> findingsByCell;
    for (const auto &f : analysis.findings)
        findingsByCell[f.cell].push_back(&f);
    for (int cell : cells) {
        Node n;
        n.cell = cell;
        n.label = QString::fromStdString(nodeLabel(notebook.cells[std::size_t(cell)], cell));
        n.badges = badges[cell];
        n.connected = linked.count(cell) > 0;
        n.state = stateOf(notebook.cells[std::size_t(cell)], findingsByCell[cell]);
        result.nodes.push_back(n);
    }
    if (!linked.empty())
        layOutWithDot(result, dependencies);
    if (!result.error.isEmpty())
        return result;
    placeUnconnected(result);
    return result;
}

void GraphLayout::layOutWithDot(Result &result, const std::vector<Dependency> &dependencies)
{
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
    for (const Node &n : result.nodes) {
        if (!n.connected)
            continue;
        std::string name = "c" + std::to_string(n.cell);
        Agnode_t *node = agnode(graph.get(), name.data(), 1);
        // A second line reserves the room the view draws the badges in.
        const QString label
            = n.badges.isEmpty() ? n.label : n.label + QLatin1Char('\n') + badgeText(n.badges);
        setAttribute(node, "label", label.toStdString());
        setAttribute(node, "shape", "box");
        setAttribute(node, "fontsize", "10");
        setAttribute(node, "height", "0.3");
        nodes[n.cell] = node;
    }
    std::vector<std::pair<Agedge_t *, std::size_t>> edges;
    for (const auto &d : dependencies) {
        const auto from = nodes.find(d.from);
        const auto to = nodes.find(d.to);
        if (from == nodes.end() || to == nodes.end())
            continue;
        Agedge_t *edge = agedge(graph.get(), from->second, to->second, nullptr, 1);
        Edge e;
        e.from = d.from;
        e.to = d.to;
        e.names = toStringList(d.names);
        e.label = elided(e.names);
        setAttribute(edge, "label", e.label.toStdString());
        setAttribute(edge, "fontsize", "9");
        edges.emplace_back(edge, result.edges.size());
        result.edges.push_back(e);
    }

    if (gvLayout(gvc, graph.get(), "dot") != 0) {
        result.error = QStringLiteral("Graphviz could not lay out the graph");
        result.nodes.clear();
        result.edges.clear();
        return;
    }
    const boxf bb = GD_bb(graph.get());
    const auto toScene = [&](pointf p) { return QPointF(p.x, bb.UR.y - p.y); };
    for (Node &n : result.nodes) {
        if (!n.connected)
            continue;
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
}

QString GraphLayout::badgeText(const QStringList &badges)
{
    if (badges.size() <= 3)
        return badges.join(QStringLiteral(", "));
    return QStringLiteral("%1 +%2").arg(badges.mid(0, 3).join(QStringLiteral(", "))).arg(badges.size() - 3);
}

} // namespace tassel::ui
