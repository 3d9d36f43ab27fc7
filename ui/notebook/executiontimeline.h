#pragma once

#include "analysis/finding.h"
#include "notebook/notebook.h"

#include <QPointF>
#include <QWidget>

namespace tassel::ui {

/// Execution count against document position for the code cells of a notebook: a notebook run
/// top to bottom is a rising staircase; runs back up the document (red) and gaps in the counts
/// (dashed) stand out. Unexecuted cells sit as hollow marks on the axis; a cell run as execution 0
/// counts as run. A legend under the plot names the marks, hovering a mark tells its cell, count
/// and findings, and clicking it emits cellClicked.
class ExecutionTimeline : public QWidget
{
    Q_OBJECT
public:
    struct Point
    {
        int cell = -1; ///< document position (0-based over all cells)
        int count = 0; ///< execution count; 0 when never run (or run as execution 0)
        bool ran = false; ///< the cell has an execution count, 0 included
    };

    explicit ExecutionTimeline(QWidget *parent = nullptr);

    void setNotebook(const Notebook &notebook);
    void setSelectedCell(int cell);
    /// The findings the hover tooltip counts per cell.
    void setFindings(const std::vector<Finding> &findings);
    /// The tooltip for the mark nearest to `at` (empty when none is within reach).
    QString toolTipAt(const QPointF &at) const;
    /// Where `point` is drawn, in widget coordinates.
    QPointF position(const Point &point) const;
    /// Executed code cells in execution order, then unexecuted ones in document order.
    const std::vector<Point> &points() const { return m_points; }
    /// How many times the run went back up the document.
    int backwardSteps() const;

    QSize sizeHint() const override { return {420, 220}; }

signals:
    void cellClicked(int cell);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRectF plotRect() const;
    const Point *nearestPoint(const QPointF &at) const;
    void paintLegend(QPainter &painter, const QRectF &plot) const;

    std::vector<Point> m_points;
    int m_cellCount = 0;
    int m_maxCount = 0;
    int m_selected = -1;
    std::vector<int> m_findingCounts; ///< per cell
};

} // namespace tassel::ui
