#include "analysis/dependencygraphview.h"

#include "shell/theme.h"

#include <QAction>
#include <QCheckBox>
#include <QEvent>
#include <QGraphicsItemGroup>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QSpinBox>
#include <QToolButton>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

namespace tassel::ui {

namespace {
constexpr int kCellKey = 0;
constexpr qreal kMaxFitScale = 1.5;
const QColor kUpstream(0x1e, 0x6f, 0xd9); // for a light background: see Theme::ink
const QColor kDownstream(0x8e, 0x24, 0xaa);
const QColor kBadge(0x0b, 0x5c, 0xad);
const QColor kOutline(0x55, 0x55, 0x55);

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

QString swatch(const QColor &colour, const QString &text, bool outline = false)
{
    const QString mark = outline ? QStringLiteral("▢") : QStringLiteral("■");
    return QStringLiteral("<span style=\"color: %1\">%2</span>&nbsp;%3")
        .arg(colour.name(), mark, text.toHtmlEscaped());
}
} // namespace

DependencyGraphView::DependencyGraphView(QWidget *parent)
    : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("dependencyGraph"));
    setScene(new QGraphicsScene(this));
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setAlignment(Qt::AlignCenter);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    buildControls();
    connect(&m_watcher, &QFutureWatcher<GraphLayout::Result>::finished, this, [this] {
        if (m_watcher.property("generation").toInt() == m_generation)
            showLayout(m_watcher.result());
    });
}

DependencyGraphView::~DependencyGraphView()
{
    m_watcher.waitForFinished();
}

void DependencyGraphView::buildControls()
{
    m_bar = new QWidget(this);
    auto *row = new QHBoxLayout(m_bar);
    row->setContentsMargins(4, 2, 4, 2);
    m_focusBox = new QCheckBox(m_bar);
    m_hopsLabel = new QLabel(m_bar);
    m_hopsBox = new QSpinBox(m_bar);
    m_hopsBox->setRange(1, 9);
    m_hopsBox->setValue(m_options.hops);
    m_hopsLabel->setBuddy(m_hopsBox);
    m_badgesBox = new QCheckBox(m_bar);
    m_badgesBox->setChecked(m_options.importBadges);
    auto *fit = new QToolButton(m_bar);
    m_fitAction = new QAction(this);
    fit->setDefaultAction(m_fitAction);
    for (QWidget *w : std::initializer_list<QWidget *> {m_focusBox, m_hopsLabel, m_hopsBox, m_badgesBox, fit})
        row->addWidget(w);
    row->addStretch();
    m_legend = new QLabel(this);
    m_legend->setWordWrap(true);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setContentsMargins(6, 2, 6, 2);
    connect(m_focusBox, &QCheckBox::toggled, this, &DependencyGraphView::setFocusMode);
    connect(m_hopsBox, &QSpinBox::valueChanged, this, &DependencyGraphView::setHops);
    connect(m_badgesBox, &QCheckBox::toggled, this, &DependencyGraphView::setImportBadges);
    connect(m_fitAction, &QAction::triggered, this, &DependencyGraphView::fitGraph);
    retranslate();
}

void DependencyGraphView::retranslate()
{
    m_focusBox->setText(tr("Focus"));
    m_focusBox->setToolTip(
        tr("Show only the selected cell and the cells a few steps upstream and downstream"));
    m_hopsLabel->setText(tr("&Steps:"));
    m_badgesBox->setText(tr("Imports as badges"));
    m_badgesBox->setToolTip(
        tr("Show the imported names a cell uses as a badge on it instead of edges from the import cell"));
    m_fitAction->setText(tr("Fit"));
    m_fitAction->setToolTip(tr("Fit the graph to the window"));
    const QPalette pal = palette();
    QStringList fills;
    for (const auto state : {GraphLayout::State::Fine, GraphLayout::State::Stale,
             GraphLayout::State::Unexecuted, GraphLayout::State::OutOfOrder})
        fills << swatch(Theme::fill(stateColor(state), pal), stateText(state));
    const QString outlines = swatch(palette().color(QPalette::Highlight), tr("selected"), true)
        + QStringLiteral("&nbsp; ") + swatch(Theme::ink(kUpstream, pal), tr("upstream (it reads from)"), true)
        + QStringLiteral("&nbsp; ")
        + swatch(Theme::ink(kDownstream, pal), tr("downstream (reads from it)"), true);
    const QString edges
        = tr("arrow a → b: b uses names a defines; the label shows the first name and +N more "
             "(hover for all); <span style=\"color: %1\"><i>np, pd</i></span>: imported names used")
              .arg(Theme::ink(kBadge, pal).name());
    m_legend->setText(QStringLiteral("<small>%1<br>%2<br>%3</small>")
                          .arg(fills.join(QStringLiteral("&nbsp; ")), outlines, edges));
}

void DependencyGraphView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange)
        retranslate();
    // The scene's items carry their colours: draw them again in the new palette.
    if (event->type() == QEvent::PaletteChange && !m_layout.nodes.empty() && !m_watcher.isRunning())
        showLayout(GraphLayout::Result(m_layout));
    QGraphicsView::changeEvent(event);
}

void DependencyGraphView::resizeEvent(QResizeEvent *event)
{
    const int barHeight = m_bar->sizeHint().height();
    const int legendHeight = m_legend->heightForWidth(width());
    setViewportMargins(0, barHeight, 0, legendHeight);
    m_bar->setGeometry(0, 0, width(), barHeight);
    m_legend->setGeometry(0, height() - legendHeight, width(), legendHeight);
    QGraphicsView::resizeEvent(event);
    if (!m_userZoomed)
        fitGraph();
}

void DependencyGraphView::fitGraph()
{
    m_userZoomed = false;
    if (scene()->items().isEmpty())
        return;
    fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    if (transform().m11() > kMaxFitScale)
        setTransform(QTransform::fromScale(kMaxFitScale, kMaxFitScale));
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
    setAnalysis(std::make_shared<const Notebook>(notebook), analysis);
}

void DependencyGraphView::setAnalysis(
    std::shared_ptr<const Notebook> notebook, const NotebookAnalysis &analysis)
{
    clear();
    m_notebook = std::move(notebook);
    m_analysis = std::make_shared<const NotebookAnalysis>(analysis);
    const auto &cells = m_notebook->cells;
    const auto codeCells
        = std::count_if(cells.begin(), cells.end(), [](const Cell &c) { return c.isCode(); });
    // A big notebook opens focused on its first cell that has an edge.
    m_options.focusCell = -1;
    for (const Dependency &d : GraphLayout::drawnDependencies(analysis, m_options.importBadges)) {
        if (m_options.focusCell < 0 || d.from < m_options.focusCell)
            m_options.focusCell = d.from;
    }
    m_focusMode = codeCells > kFocusThreshold && m_options.focusCell >= 0;
    const QSignalBlocker blocker(m_focusBox);
    m_focusBox->setChecked(m_focusMode);
    m_hopsBox->setEnabled(m_focusMode);
    m_userZoomed = false;
    startLayout();
}

void DependencyGraphView::startLayout()
{
    if (!m_notebook || !m_analysis)
        return;
    ++m_generation;
    m_watcher.waitForFinished();
    m_watcher.setProperty("generation", m_generation);
    GraphLayout::Options options = m_options;
    if (!m_focusMode)
        options.focusCell = -1;
    m_watcher.setFuture(QtConcurrent::run([notebook = m_notebook, analysis = m_analysis, options] {
        return GraphLayout::compute(*notebook, *analysis, options);
    }));
}

void DependencyGraphView::setFocusMode(bool on)
{
    if (on == m_focusMode)
        return;
    m_focusMode = on;
    const QSignalBlocker blocker(m_focusBox);
    m_focusBox->setChecked(on);
    m_hopsBox->setEnabled(on);
    if (on && m_selected >= 0)
        m_options.focusCell = m_selected;
    if (on && m_options.focusCell < 0 && m_notebook) {
        for (std::size_t i = 0; i < m_notebook->cells.size() && m_options.focusCell < 0; ++i) {
            if (m_notebook->cells[i].isCode())
                m_options.focusCell = int(i);
        }
    }
    m_userZoomed = false;
    startLayout();
}

void DependencyGraphView::setHops(int hops)
{
    if (hops == m_options.hops || hops < 1)
        return;
    m_options.hops = hops;
    const QSignalBlocker blocker(m_hopsBox);
    m_hopsBox->setValue(hops);
    if (m_focusMode) {
        m_userZoomed = false;
        startLayout();
    }
}

void DependencyGraphView::setImportBadges(bool on)
{
    if (on == m_options.importBadges)
        return;
    m_options.importBadges = on;
    const QSignalBlocker blocker(m_badgesBox);
    m_badgesBox->setChecked(on);
    m_userZoomed = false;
    startLayout();
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
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    for (const auto &edge : layout.edges)
        addEdge(edge, small);
    for (const auto &node : layout.nodes)
        addNode(node, small);
    if (layout.omittedCells > 0) {
        const QString text = m_focusMode
            ? tr("%n code cell(s) outside the focus not shown", nullptr, layout.omittedCells)
            : tr("%n code cell(s) not shown", nullptr, layout.omittedCells);
        QGraphicsSimpleTextItem *note = scene()->addSimpleText(text);
        note->setBrush(palette().color(QPalette::Text));
        note->setPos(0, layout.bounds.bottom() + 8);
    }
    scene()->setSceneRect(scene()->itemsBoundingRect().adjusted(-8, -8, 8, 8));
    findRelated();
    applyHighlight();
    if (!m_userZoomed)
        fitGraph();
    emit layoutReady();
}

void DependencyGraphView::addEdge(const GraphLayout::Edge &edge, const QFont &font)
{
    const QPalette pal = palette();
    const QString names = edge.names.join(QStringLiteral(", "));
    auto *group = new QGraphicsItemGroup;
    auto *path = new QGraphicsPathItem(edge.path);
    path->setPen(QPen(pal.color(QPalette::Text), 1.2));
    path->setToolTip(names);
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
    label->setFont(font);
    label->setBrush(pal.color(QPalette::Text));
    label->setToolTip(names);
    label->setPos(
        edge.labelPos - QPointF(label->boundingRect().width() / 2, label->boundingRect().height() / 2));
    group->addToGroup(label);
    scene()->addItem(group);
    m_edgeItems.push_back(group);
}

void DependencyGraphView::addNode(const GraphLayout::Node &node, const QFont &font)
{
    QPainterPath shape;
    shape.addRoundedRect(node.box, 4, 4);
    auto *item = new QGraphicsPathItem(shape);
    const QPalette pal = palette();
    item->setBrush(Theme::fill(stateColor(node.state), pal));
    item->setPen(QPen(Theme::ink(kOutline, pal), 1));
    item->setData(kCellKey, node.cell);
    QString tip = tr("Cell %1: %2").arg(node.cell + 1).arg(stateText(node.state));
    if (!node.badges.isEmpty())
        tip += QLatin1Char('\n') + tr("Uses imported names: %1").arg(node.badges.join(QStringLiteral(", ")));
    item->setToolTip(tip);
    item->setZValue(1);
    auto *text = new QGraphicsSimpleTextItem(node.label, item);
    text->setFont(font);
    text->setBrush(pal.color(QPalette::Text));
    const QRectF textBox = text->boundingRect();
    if (node.badges.isEmpty()) {
        text->setPos(node.box.center() - QPointF(textBox.width() / 2, textBox.height() / 2));
    } else {
        text->setPos(node.box.center().x() - textBox.width() / 2, node.box.center().y() - textBox.height());
        QFont italic = font;
        italic.setItalic(true);
        auto *badges = new QGraphicsSimpleTextItem(GraphLayout::badgeText(node.badges), item);
        badges->setFont(italic);
        badges->setBrush(Theme::ink(kBadge, pal));
        badges->setPos(node.box.center().x() - badges->boundingRect().width() / 2, node.box.center().y());
    }
    scene()->addItem(item);
    m_nodeItems.insert(node.cell, item);
}

void DependencyGraphView::selectCell(int cell)
{
    m_selected = cell;
    const bool code = m_notebook && cell >= 0 && std::size_t(cell) < m_notebook->cells.size()
        && m_notebook->cells[std::size_t(cell)].isCode();
    // In focus mode the graph follows the selection: lay out the new neighbourhood.
    if (m_focusMode && code && cell != m_options.focusCell) {
        m_options.focusCell = cell;
        startLayout();
        return;
    }
    findRelated();
    if (m_nodeItems.contains(cell))
        ensureVisible(m_nodeItems.value(cell));
    applyHighlight();
}

void DependencyGraphView::findRelated()
{
    m_upstream.clear();
    m_downstream.clear();
    if (!m_nodeItems.contains(m_selected))
        return;
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
    walk(m_selected, true, m_upstream);
    walk(m_selected, false, m_downstream);
}

void DependencyGraphView::applyHighlight()
{
    const bool any = m_selected >= 0 && m_nodeItems.contains(m_selected);
    for (auto it = m_nodeItems.begin(); it != m_nodeItems.end(); ++it) {
        const int cell = it.key();
        QGraphicsPathItem *item = it.value();
        const QPalette pal = palette();
        QPen pen(Theme::ink(kOutline, pal), 1);
        if (cell == m_selected)
            pen = QPen(pal.color(QPalette::Highlight), 3);
        else if (m_upstream.contains(cell))
            pen = QPen(Theme::ink(kUpstream, pal), 2.5);
        else if (m_downstream.contains(cell))
            pen = QPen(Theme::ink(kDownstream, pal), 2.5);
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
        scale(factor, factor); // around the cursor (AnchorUnderMouse)
        m_userZoomed = true;
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

} // namespace tassel::ui
