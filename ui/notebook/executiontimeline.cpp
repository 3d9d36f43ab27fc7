#include "notebook/executiontimeline.h"

#include "shell/theme.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>

namespace tassel::ui {

namespace {
/// A step that goes back up the document (for a light background: see Theme::ink).
const QColor kBackUp(0xc9, 0x30, 0x2c);
} // namespace

ExecutionTimeline::ExecutionTimeline(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("executionTimeline"));
    setMinimumSize(200, 120);
}

void ExecutionTimeline::setNotebook(const Notebook &notebook)
{
    m_points.clear();
    m_cellCount = int(notebook.cells.size());
    m_maxCount = 0;
    std::vector<Point> unexecuted;
    for (std::size_t i = 0; i < notebook.cells.size(); ++i) {
        const Cell &cell = notebook.cells[i];
        if (!cell.isCode())
            continue;
        // Execution 0 is a run too (papermill and some kernels start there).
        if (cell.executionCount && *cell.executionCount >= 0) {
            m_points.push_back({int(i), *cell.executionCount, true});
            m_maxCount = std::max(m_maxCount, *cell.executionCount);
        } else {
            unexecuted.push_back({int(i), 0, false});
        }
    }
    std::stable_sort(
        m_points.begin(), m_points.end(), [](const Point &a, const Point &b) { return a.count < b.count; });
    m_points.insert(m_points.end(), unexecuted.begin(), unexecuted.end());
    m_selected = -1;
    m_findingCounts.assign(std::size_t(m_cellCount), 0);
    update();
}

void ExecutionTimeline::setFindings(const std::vector<Finding> &findings)
{
    m_findingCounts.assign(std::size_t(m_cellCount), 0);
    for (const Finding &finding : findings)
        if (finding.cell >= 0 && finding.cell < m_cellCount)
            ++m_findingCounts[std::size_t(finding.cell)];
}

void ExecutionTimeline::setSelectedCell(int cell)
{
    m_selected = cell;
    update();
}

int ExecutionTimeline::backwardSteps() const
{
    int steps = 0;
    for (std::size_t i = 1; i < m_points.size(); ++i) {
        if (m_points[i].ran && m_points[i].cell < m_points[i - 1].cell)
            ++steps;
    }
    return steps;
}

QRectF ExecutionTimeline::plotRect() const
{
    const QFontMetrics metrics(font());
    const double left = metrics.horizontalAdvance(QStringLiteral("8888")) + 14;
    const double bottom = metrics.height() * 3 + 12; // axis labels, caption, legend
    return QRectF(left, 10, std::max(10.0, width() - left - 14), std::max(10.0, height() - 10 - bottom));
}

QPointF ExecutionTimeline::position(const Point &point) const
{
    const QRectF plot = plotRect();
    const double x = plot.left() + plot.width() * (point.cell + 0.5) / std::max(1, m_cellCount);
    const double y = plot.bottom() - plot.height() * point.count / std::max(1, m_maxCount);
    return {x, y};
}

void ExecutionTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Base));
    const QRectF plot = plotRect();
    const QColor text = pal.color(QPalette::Text);
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.bottomLeft(), plot.topLeft());
    painter.setPen(text);
    const QFontMetrics metrics(font());
    painter.drawText(QRectF(0, plot.top() - 2, plot.left() - 6, metrics.height()), Qt::AlignRight,
        QString::number(m_maxCount));
    painter.drawText(QRectF(0, plot.bottom() - metrics.height(), plot.left() - 6, metrics.height()),
        Qt::AlignRight, QStringLiteral("0"));
    painter.drawText(
        QRectF(plot.left(), plot.bottom() + 4, plot.width(), metrics.height()), Qt::AlignLeft, tr("cell 1"));
    painter.drawText(QRectF(plot.left(), plot.bottom() + 4, plot.width(), metrics.height()), Qt::AlignRight,
        tr("cell %1").arg(m_cellCount));
    painter.drawText(
        QRectF(plot.left(), plot.bottom() + 4 + metrics.height(), plot.width(), metrics.height()),
        Qt::AlignHCenter, tr("document position → · execution count ↑"));

    paintLegend(painter, plot);
    if (m_points.empty()) {
        painter.setPen(text);
        painter.drawText(plot, Qt::AlignCenter, tr("No code cells"));
        return;
    }
    // The run, step by step: back up the document in red, skipped counts dashed.
    for (std::size_t i = 1; i < m_points.size(); ++i) {
        const Point &a = m_points[i - 1];
        const Point &b = m_points[i];
        if (!b.ran)
            break;
        QPen pen(b.cell < a.cell ? Theme::ink(kBackUp, pal) : pal.color(QPalette::Highlight), 1.5);
        if (b.count > a.count + 1)
            pen.setStyle(Qt::DashLine);
        painter.setPen(pen);
        painter.drawLine(position(a), position(b));
    }
    for (const Point &point : m_points) {
        const QPointF at = position(point);
        const double radius = point.cell == m_selected ? 5.5 : 3.5;
        painter.setPen(QPen(point.cell == m_selected ? pal.color(QPalette::Highlight) : text, 1.2));
        painter.setBrush(point.ran ? QBrush(text) : QBrush(Qt::NoBrush));
        painter.drawEllipse(at, radius, radius);
    }
}

/// One line under the caption: each kind of mark and line, drawn as in the plot, then its name.
void ExecutionTimeline::paintLegend(QPainter &painter, const QRectF &plot) const
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QFontMetrics metrics(font());
    const double y = plot.bottom() + 8 + metrics.height() * 2;
    const double middle = y + metrics.height() / 2.0;
    double x = plot.left();
    const auto label = [&](const QString &words) {
        painter.setPen(text);
        painter.drawText(QPointF(x, y + metrics.ascent()), words);
        x += metrics.horizontalAdvance(words) + 14;
    };
    const auto dot = [&](bool filled, const QString &words) {
        painter.setPen(QPen(text, 1.2));
        painter.setBrush(filled ? QBrush(text) : QBrush(Qt::NoBrush));
        painter.drawEllipse(QPointF(x + 4, middle), 3.5, 3.5);
        x += 12;
        label(words);
    };
    const auto line = [&](const QColor &colour, Qt::PenStyle style, const QString &words) {
        QPen pen(colour, 1.5);
        pen.setStyle(style);
        painter.setPen(pen);
        painter.drawLine(QPointF(x, middle), QPointF(x + 16, middle));
        x += 20;
        label(words);
    };
    dot(true, tr("ran"));
    dot(false, tr("not run"));
    line(pal.color(QPalette::Highlight), Qt::SolidLine, tr("next run"));
    line(Theme::ink(kBackUp, pal), Qt::SolidLine, tr("back up the document"));
    line(pal.color(QPalette::Highlight), Qt::DashLine, tr("counts skipped"));
}

const ExecutionTimeline::Point *ExecutionTimeline::nearestPoint(const QPointF &at) const
{
    const Point *nearest = nullptr;
    double best = 10.0; // pixels
    for (const Point &point : m_points) {
        const QPointF delta = position(point) - at;
        const double distance = std::hypot(delta.x(), delta.y());
        if (distance < best) {
            best = distance;
            nearest = &point;
        }
    }
    return nearest;
}

QString ExecutionTimeline::toolTipAt(const QPointF &at) const
{
    const Point *point = nearestPoint(at);
    if (!point)
        return {};
    const QString run = point->ran ? tr("execution count %1").arg(point->count) : tr("not run");
    const int findings
        = std::size_t(point->cell) < m_findingCounts.size() ? m_findingCounts[std::size_t(point->cell)] : 0;
    return tr("Cell %1: %2, %n finding(s)", nullptr, findings).arg(point->cell + 1).arg(run);
}

bool ExecutionTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = toolTipAt(help->pos());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QWidget::event(event);
}

void ExecutionTimeline::mousePressEvent(QMouseEvent *event)
{
    const Point *nearest = nearestPoint(event->position());
    if (nearest) {
        setSelectedCell(nearest->cell);
        emit cellClicked(nearest->cell);
    }
}

} // namespace tassel::ui
