#pragma once

#include "notebook/notebook.h"

#include <QPointF>
#include <QWidget>

namespace tassel::ui {

/// Execution count against document position for the code cells of a notebook: a notebook run
/// top to bottom is a rising staircase; runs back up the document (red) and gaps in the counts
/// (dashed) stand out. Unexecuted cells sit as hollow marks on the axis. Clicking a mark emits
/// cellClicked.
class ExecutionTimeline : public QWidget
{
    Q_OBJECT
public:
    struct Point
    {
        int cell = -1; ///< document position (0-based over all cells)
        int count = 0; ///< execution count; 0 when never run
    };

    explicit ExecutionTimeline(QWidget *parent = nullptr);

    void setNotebook(const Notebook &notebook);
    void setSelectedCell(int cell);
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

private:
    QRectF plotRect() const;
    QPointF position(const Point &point) const;

    std::vector<Point> m_points;
    int m_cellCount = 0;
    int m_maxCount = 0;
    int m_selected = -1;
};

} // namespace tassel::ui
