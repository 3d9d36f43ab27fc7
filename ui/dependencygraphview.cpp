#include "dependencygraphview.h"

#include <QGraphicsItemGroup>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QMouseEvent>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

namespace tassel::ui {

namespace {
constexpr int kCellKey = 0;

QColor stateColor(GraphLayout::State state)
{
    switch (state) {
    case GraphLayout::State::Fine:
        return QColor(0xc8, 0xe6, 0xc9);
    case GraphLayout::State::Stale:
        return QColor(0xff, 0xec, 0xb3);
    case GraphLayout::State::Unexecuted:
        return QColor(0xe0, 0xe0, 0xe0);
    case GraphLayout::State::OutOfOrder:
        return QColor(0xff, 0xcc, 0xbc);
    }
    return Qt::white;
}

QString stateText(GraphLayout::State state)
{
    switch (state) {
    case GraphLayout::State::Fine:
        return DependencyGraphView::tr("fine");
    case GraphLayout::State::Stale:
        return DependencyGraphView::tr("stale output");
    case GraphLayout::State::Unexecuted:
        return DependencyGraphView::tr("not executed");
    case GraphLayout::State::OutOfOrder:
        return DependencyGraphView::tr("out of order");
    }
    return {};
}
} // namespace

DependencyGraphView::DependencyGraphView(QWidget *parent)
    : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("dependencyGraph"));
    setScene(new QGraphicsScene(this));
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    connect(&m_watcher, &QFutureWatcher<GraphLayout::Result>::finished, this, [this] {
        if (m_watcher.property("generation").toInt() == m_generation)
            showLayout(m_watcher.result());
    });
}

DependencyGraphView::~DependencyGraphView()
{
    m_watcher.waitForFinished();
}

bool DependencyGraphView::isBusy() const
{
    return m_watcher.isRunning();
}

void DependencyGraphView::clear()
{
    ++m_generation;
    scene()->clear();
    m_nodeItems.clear();
    m_edgeItems.clear();
    m_layout = {};
    m_selected = -1;
    m_upstream.clear();
    m_downstream.clear();
}

void DependencyGraphView::setAnalysis(const Notebook &notebook, const NotebookAnalysis &analysis)
{
    clear();
    m_watcher.waitForFinished();
    m_watcher.setProperty("generation", m_generation);
    m_watcher.setFuture(QtConcurrent::run(&GraphLayout::compute, notebook, analysis));
}

void DependencyGraphView::showLayout(const GraphLayout::Result &layout)
{
    scene()->clear();
    m_nodeItems.clear();
    m_edgeItems.clear();
    m_layout = layout;
    if (!layout.error.isEmpty()) {
        scene()->addSimpleText(tr("The graph could not be laid out: %1").arg(layout.error));
        emit layoutReady();
        return;
    }
    const QPalette pal = palette();
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    for (const auto &edge : layout.edges) {
        auto *group = new QGraphicsItemGroup;
        auto *path = new QGraphicsPathItem(edge.path);
        path->setPen(QPen(pal.color(QPalette::Text), 1.2));
        group->addToGroup(path);
        if (!edge.arrow.isEmpty()) {
            QPainterPath head;
            head.addPolygon(edge.arrow);
            head.closeSubpath();
            auto *arrow = new QGraphicsPathItem(head);
            arrow->setBrush(pal.color(QPalette::Text));
            arrow->setPen(Qt::NoPen);
            group->addToGroup(arrow);
        }
        auto *label = new QGraphicsSimpleTextItem(edge.label);
        label->setFont(small);
        label->setBrush(pal.color(QPalette::Text));
        label->setPos(
            edge.labelPos - QPointF(label->boundingRect().width() / 2, label->boundingRect().height() / 2));
        group->addToGroup(label);
        scene()->addItem(group);
        m_edgeItems.push_back(group);
    }
    for (const auto &node : layout.nodes) {
        QPainterPath shape;
        shape.addRoundedRect(node.box, 4, 4);
        auto *item = new QGraphicsPathItem(shape);
        item->setBrush(stateColor(node.state));
        item->setPen(QPen(QColor(0x55, 0x55, 0x55), 1));
        item->setData(kCellKey, node.cell);
        item->setToolTip(tr("Cell %1: %2").arg(node.cell + 1).arg(stateText(node.state)));
        item->setZValue(1);
        auto *text = new QGraphicsSimpleTextItem(node.label, item);
        text->setFont(small);
        text->setBrush(Qt::black);
        const QRectF textBox = text->boundingRect();
        text->setPos(node.box.center() - QPointF(textBox.width() / 2, textBox.height() / 2));
        scene()->addItem(item);
        m_nodeItems.insert(node.cell, item);
    }
    if (layout.omittedCells > 0) {
        auto *note = scene()->addSimpleText(
            tr("%n code cell(s) without dependencies not shown", nullptr, layout.omittedCells));
        note->setPos(0, layout.bounds.bottom() + 8);
    }
    scene()->setSceneRect(scene()->itemsBoundingRect().adjusted(-8, -8, 8, 8));
    applyHighlight();
    emit layoutReady();
}

void DependencyGraphView::selectCell(int cell)
{
    m_selected = cell;
    m_upstream.clear();
    m_downstream.clear();
    // Transitive closure both ways over the dependency edges.
    const auto walk = [this](int start, bool up, QSet<int> &seen) {
        QList<int> queue {start};
        while (!queue.isEmpty()) {
            const int current = queue.takeFirst();
            for (const auto &edge : m_layout.edges) {
                const int next
                    = up ? (edge.to == current ? edge.from : -1) : (edge.from == current ? edge.to : -1);
                if (next >= 0 && next != start && !seen.contains(next)) {
                    seen.insert(next);
                    queue.append(next);
                }
            }
        }
    };
    if (m_nodeItems.contains(cell)) {
        walk(cell, true, m_upstream);
        walk(cell, false, m_downstream);
        ensureVisible(m_nodeItems.value(cell));
    }
    applyHighlight();
}

void DependencyGraphView::applyHighlight()
{
    const bool any = m_selected >= 0 && m_nodeItems.contains(m_selected);
    for (auto it = m_nodeItems.begin(); it != m_nodeItems.end(); ++it) {
        const int cell = it.key();
        QGraphicsPathItem *item = it.value();
        QPen pen(QColor(0x55, 0x55, 0x55), 1);
        if (cell == m_selected)
            pen = QPen(palette().color(QPalette::Highlight), 3);
        else if (m_upstream.contains(cell))
            pen = QPen(QColor(0x1e, 0x6f, 0xd9), 2.5);
        else if (m_downstream.contains(cell))
            pen = QPen(QColor(0x8e, 0x24, 0xaa), 2.5);
        item->setPen(pen);
        const bool related = cell == m_selected || m_upstream.contains(cell) || m_downstream.contains(cell);
        item->setOpacity(!any || related ? 1.0 : 0.35);
    }
    for (std::size_t i = 0; i < m_edgeItems.size() && i < m_layout.edges.size(); ++i) {
        const auto &edge = m_layout.edges[i];
        const auto inSet
            = [&](int c) { return c == m_selected || m_upstream.contains(c) || m_downstream.contains(c); };
        const bool related = inSet(edge.from) && inSet(edge.to);
        m_edgeItems[i]->setOpacity(!any || related ? 1.0 : 0.2);
    }
}

void DependencyGraphView::mousePressEvent(QMouseEvent *event)
{
    for (QGraphicsItem *item = itemAt(event->pos()); item; item = item->parentItem()) {
        const QVariant cell = item->data(kCellKey);
        if (cell.isValid()) {
            selectCell(cell.toInt());
            emit cellClicked(cell.toInt());
            event->accept();
            return;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

void DependencyGraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double factor = event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15;
        scale(factor, factor);
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

} // namespace tassel::ui
