#pragma once

#include <QCache>
#include <QImage>
#include <QStyledItemDelegate>

#include <memory>
#include <optional>
#include <vector>

class QTextDocument;

namespace tassel {
struct Cell;
}

namespace tassel::ui {

class NotebookModel;

/// Paints notebook cells for NotebookView: a gutter with execution count and document position,
/// finding badges, the highlighted code or rendered markdown, and the outputs. Heights come from
/// line counts and image headers, so a 2,000-cell notebook lays out without rendering; text
/// documents and decoded images are built when an output block is first painted (only the
/// blocks on screen, so a cell with a million outputs costs its geometry) and kept in a
/// bounded cache.
class CellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit CellDelegate(const NotebookModel *model, QObject *parent = nullptr);
    ~CellDelegate() override;

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    /// Explains the gutter (`[n]` execution count, `#n` position) when hovered.
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;
    /// The gutter's tooltip for `row`.
    QString gutterToolTip(int row) const;
    /// The height the gutter's two lines need below the badges, which every cell reserves.
    int gutterHeight() const;

    /// The width items are laid out for (the view's viewport); clears cached geometry on change.
    void setWidth(int width);
    /// Forgets everything cached (call after the model resets).
    void clear();
    /// The vertical offset of 1-based source `line` inside the item of `row`.
    int lineOffset(int row, int line) const;
    /// Highlights one source line (0: none), e.g. the line a selected finding points at.
    void setHighlightedLine(int row, int line);
    /// The source as displayed: rendered markdown's text, or the code. For tests.
    QString renderedSource(int row) const;
    /// The link targets left in rendered markdown (only http, https, mailto and `#anchor`s
    /// survive). For tests.
    QStringList renderedLinks(int row) const;
    /// The text shown for output block `block` of `row` (empty for images). For tests.
    QString renderedOutput(int row, int block) const;
    /// The document shown for `row`'s source (`block` -1) or output block `block`; null for
    /// images. Owned by the delegate's cache: use it at once. For tests.
    const QTextDocument *renderedDocument(int row, int block) const;
    /// How many outputs of `row` are shown as images and as text. For tests and benchmarks.
    int imageBlockCount(int row) const;
    int textBlockCount(int row) const;
    /// How many output blocks of `row` have a built text document now. For tests.
    int builtOutputBlocks(int row) const;
    /// The link under `pos` (relative to the item's top left) in row `row`'s rendered markdown or
    /// HTML outputs, or an empty string.
    QString linkAt(int row, QPoint pos) const;
    static constexpr int kMaxOutputLines = 40;
    /// Body rows of an HTML table output shown (DataFrames); the rest are counted.
    static constexpr int kMaxTableRows = 30;
    /// Output blocks of one cell kept built at a time (a screen shows a few dozen).
    static constexpr std::size_t kMaxBuiltBlocks = 512;

signals:
    /// A link in rendered markdown or HTML was clicked (already known to be safe).
    void linkActivated(const QString &href);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

private:
    struct Block;
    struct Geometry;
    struct Render;

    const Geometry &geometry(int row) const;
    Render *render(int row) const;
    QTextDocument *outputDocument(Render *render, int row, int block) const;
    QImage outputImage(Render *render, int row, int block) const;
    bool showsHtml(int row, int output) const;
    void setRichText(QTextDocument *document, const QString &html, int row, int maxTableRows) const;
    std::unique_ptr<QTextDocument> htmlOutputDocument(int row, int output) const;
    void paintGutter(
        QPainter *painter, const QPalette &palette, const Cell &cell, int row, const QRect &area) const;
    void paintBadges(QPainter *painter, const QStringList &rules, int row, QPoint topLeft) const;
    void paintSource(QPainter *painter, const QPalette &palette, const Cell &cell, int row,
        const QRect &sourceRect, Render *render) const;
    void paintOutputs(QPainter *painter, const QPalette &palette, int row, Render *render, const QRect &item,
        const QRect &visible) const;
    int contentLeft() const;
    int contentWidth() const;
    int lineSpacing() const;

    const NotebookModel *m_model;
    int m_width = 800;
    int m_highlightRow = -1;
    int m_highlightLine = 0;
    mutable std::vector<std::optional<Geometry>> m_geometry;
    mutable QCache<int, Render> m_render;
};

} // namespace tassel::ui
