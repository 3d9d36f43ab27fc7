#include "notebook/celldelegate.h"

#include "analysis/ruletext.h"
#include "notebook/ansitext.h"
#include "notebook/htmlsanitizer.h"
#include "notebook/markdownrenderer.h"
#include "notebook/notebookmodel.h"
#include "notebook/syntaxrepository.h"
#include "shell/theme.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QImageReader>
#include <QMouseEvent>
#include <QPainter>
#include <QPalette>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolTip>
#include <QUrl>

#include <algorithm>
#include <climits>
#include <cstring>
#include <unordered_map>

namespace tassel::ui {

namespace {
constexpr int kCellGap = 6; // between cells
constexpr int kPad = 6; // inside code and output boxes
constexpr int kBlockGap = 4; // between source and outputs
constexpr int kMaxLineChars = 2000; // longer lines are cut when shown
constexpr int kMaxImageWidth = 800;
constexpr int kBadgeHeightExtra = 4;
constexpr qsizetype kMaxHtmlChars = 1 << 20; // larger HTML outputs show their plain text
constexpr qint64 kMaxImageFileBytes = 32 << 20;

QFont fixedFont()
{
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

/// The first `maxLines` lines of `text`, and how many lines it has in all.
std::string headLines(const std::string &text, int maxLines, qsizetype &totalLines)
{
    totalLines = 0;
    std::size_t cut = std::string::npos;
    const char *data = text.data();
    const char *end = data + text.size();
    const char *p = data;
    while (p < end) {
        const void *nl = std::memchr(p, '\n', std::size_t(end - p));
        ++totalLines;
        if (totalLines == maxLines)
            cut = nl ? std::size_t(static_cast<const char *>(nl) - data) : text.size();
        if (!nl)
            break;
        p = static_cast<const char *>(nl) + 1;
    }
    return cut == std::string::npos ? text : text.substr(0, cut);
}

QString cutLongLines(QString text)
{
    if (text.size() <= kMaxLineChars)
        return text;
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (line.size() > kMaxLineChars)
            line = line.left(kMaxLineChars) + QStringLiteral(" …");
    }
    return lines.join(QLatin1Char('\n'));
}

const MimeItem *imageItem(const Output &output)
{
    if (output.type != OutputType::ExecuteResult && output.type != OutputType::DisplayData)
        return nullptr;
    for (const char *type : {"image/png", "image/jpeg"}) {
        if (const auto *item = output.find(type))
            return item;
    }
    return nullptr;
}

/// Reads an image's size from its header; PNG from the first 24 bytes without decoding the rest.
QSize imageSizeOf(const MimeItem &item)
{
    if (item.mimeType == "image/png") {
        MimeItem head = item;
        head.data = item.data.substr(0, 64);
        const std::string bytes = head.decodedBytes();
        if (bytes.size() >= 24 && bytes.compare(1, 3, "PNG") == 0) {
            const auto be32 = [&](std::size_t at) {
                const auto *b = reinterpret_cast<const unsigned char *>(bytes.data() + at);
                return int((unsigned(b[0]) << 24) | (unsigned(b[1]) << 16) | (unsigned(b[2]) << 8) | b[3]);
            };
            return QSize(be32(16), be32(20));
        }
    }
    const std::string bytes = item.decodedBytes();
    QByteArray array = QByteArray::fromRawData(bytes.data(), qsizetype(bytes.size()));
    QBuffer buffer(&array);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    return reader.size();
}

/// The HTML an output shows as a rendered document (as Jupyter prefers it to plain text), or null.
const MimeItem *htmlItem(const Output &output)
{
    if (output.type != OutputType::ExecuteResult && output.type != OutputType::DisplayData)
        return nullptr;
    const MimeItem *item = output.find("text/html");
    return item && qsizetype(item->data.size()) <= kMaxHtmlChars ? item : nullptr;
}

/// The bytes of an image an `<img>` in markdown or HTML names by an allowed source (see
/// HtmlSanitizer::isSafeImageSource): a cell attachment, a data URI or a file beside the notebook.
QByteArray imageBytes(const QString &src, const Cell &cell, const QString &notebookPath)
{
    if (src.startsWith(QLatin1String("attachment:"), Qt::CaseInsensitive)) {
        const std::string name = QUrl::fromPercentEncoding(src.mid(11).toUtf8()).toStdString();
        if (!cell.attachments.is_object() || !cell.attachments.contains(name)
            || !cell.attachments[name].is_object())
            return {};
        for (const auto &[type, data] : cell.attachments[name].items()) {
            if (type.starts_with("image/") && data.is_string())
                return QByteArray::fromBase64(QByteArray::fromStdString(data.get<std::string>()));
        }
        return {};
    }
    if (src.startsWith(QLatin1String("data:"), Qt::CaseInsensitive)) {
        const qsizetype comma = src.indexOf(QLatin1Char(','));
        const QByteArray payload = src.mid(comma + 1).toUtf8();
        return src.left(comma).endsWith(QLatin1String(";base64"), Qt::CaseInsensitive)
            ? QByteArray::fromBase64(payload)
            : QByteArray::fromPercentEncoding(payload);
    }
    if (notebookPath.isEmpty())
        return {};
    // A file beside the notebook, and still inside its folder once links are resolved.
    const QDir folder = QFileInfo(notebookPath).absoluteDir();
    const QFileInfo file(folder.filePath(QUrl::fromPercentEncoding(src.toUtf8())));
    const QString root = folder.canonicalPath() + QLatin1Char('/');
    if (!file.isFile() || file.size() > kMaxImageFileBytes || !file.canonicalFilePath().startsWith(root))
        return {};
    QFile in(file.canonicalFilePath());
    return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
}

/// The text an output shows and whether it is an error (tinted).
std::string outputText(const Output &output, bool &error)
{
    error = output.type == OutputType::Error || output.streamName == "stderr";
    std::string text = output.plainText();
    if (text.empty()
        && (output.type == OutputType::ExecuteResult || output.type == OutputType::DisplayData)) {
        std::string types;
        for (const auto &item : output.data)
            types += (types.empty() ? "" : ", ") + item.mimeType;
        if (!types.empty())
            return '[' + types + ']';
    }
    while (!text.empty() && text.back() == '\n')
        text.pop_back();
    return text;
}

} // namespace

struct CellDelegate::Block
{
    // 32 bytes: one per output, and a cell can hold a million.
    int output = -1;
    int top = 0; // from the item's top, so painting finds the visible blocks by bisection
    QSize imageSize; // as shown
    int height = 0;
    int shownLines = 0;
    int hiddenLines = 0;
    bool image = false;
    bool error = false;
    bool html = false;
};

struct CellDelegate::Geometry
{
    int badges = 0;
    int source = 0;
    std::vector<Block> blocks;
    int height = 0;
};

struct CellDelegate::Render
{
    std::unique_ptr<QTextDocument> source;
    // Built when a block is first painted, by block index: a cell with a million outputs only
    // ever holds the blocks that were on screen (up to kMaxBuiltBlocks).
    std::unordered_map<int, std::unique_ptr<QTextDocument>> texts;
    std::unordered_map<int, QImage> images;
    bool dark = false;
};

CellDelegate::CellDelegate(const NotebookModel *model, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_model(model)
    , m_render(200)
{
}

CellDelegate::~CellDelegate() = default;

void CellDelegate::setWidth(int width)
{
    if (width == m_width || width <= 0)
        return;
    m_width = width;
    // Only markdown depends on the width, but a resize is rare enough to redo everything.
    m_geometry.clear();
}

void CellDelegate::clear()
{
    m_geometry.clear();
    m_render.clear();
    m_highlightRow = -1;
}

int CellDelegate::lineSpacing() const
{
    return QFontMetrics(fixedFont()).lineSpacing();
}

int CellDelegate::contentLeft() const
{
    return QFontMetrics(fixedFont()).horizontalAdvance(QStringLiteral("[8888]")) + 14;
}

int CellDelegate::contentWidth() const
{
    return std::max(100, m_width - contentLeft() - 10);
}

const CellDelegate::Geometry &CellDelegate::geometry(int row) const
{
    if (m_geometry.size() != m_model->notebook().cells.size())
        m_geometry.assign(m_model->notebook().cells.size(), std::nullopt);
    auto &slot = m_geometry[std::size_t(row)];
    if (slot)
        return *slot;

    const Cell &cell = m_model->notebook().cells[std::size_t(row)];
    const int spacing = lineSpacing();
    Geometry g;
    if (!m_model->findingsOfCell(row).empty())
        g.badges = QFontMetrics(QApplication::font()).height() + kBadgeHeightExtra + kBlockGap;
    if (cell.type == CellType::Markdown) {
        // A one-line heading is shorter than the gutter's count and position: reserve their height.
        g.source = std::max(int(std::ceil(render(row)->source->size().height())), gutterHeight());
    } else {
        qsizetype lines = 0;
        headLines(cell.source, 1, lines);
        g.source = int(std::max<qsizetype>(lines, 1)) * spacing + 2 * kPad;
    }
    g.blocks.reserve(cell.outputs.size());
    for (std::size_t i = 0; i < cell.outputs.size(); ++i) {
        const Output &output = cell.outputs[i];
        Block block;
        block.output = int(i);
        if (const MimeItem *item = imageItem(output)) {
            QSize size = imageSizeOf(*item);
            if (size.isValid()) {
                const int maxWidth = std::min(kMaxImageWidth, contentWidth());
                if (size.width() > maxWidth)
                    size = QSize(maxWidth, int(qint64(size.height()) * maxWidth / std::max(1, size.width())));
                block.image = true;
                block.imageSize = size;
                block.height = size.height();
                g.blocks.push_back(block);
                continue;
            }
        }
        if (showsHtml(row, int(i))) {
            block.html = true;
            Render *r = render(row);
            auto doc = htmlOutputDocument(row, int(i));
            block.height = int(std::ceil(doc->size().height())) + 2 * kPad;
            r->texts[int(g.blocks.size())] = std::move(doc);
            g.blocks.push_back(block);
            continue;
        }
        const std::string text = outputText(output, block.error);
        if (text.empty())
            continue;
        qsizetype total = 0;
        headLines(text, kMaxOutputLines, total);
        block.shownLines = int(std::min<qsizetype>(total, kMaxOutputLines));
        block.hiddenLines = int(std::min<qsizetype>(total - block.shownLines, INT_MAX));
        block.height = (block.shownLines + (block.hiddenLines > 0 ? 1 : 0)) * spacing + 2 * kPad;
        g.blocks.push_back(block);
    }
    int height = kCellGap / 2 + g.badges + g.source;
    for (Block &block : g.blocks) {
        height += kBlockGap;
        block.top = height;
        height += block.height;
    }
    g.height = height + kCellGap / 2 + kCellGap;
    slot = std::move(g);
    return *slot;
}

int CellDelegate::gutterHeight() const
{
    return kPad + 2 * lineSpacing();
}

QString CellDelegate::gutterToolTip(int row) const
{
    const Cell &cell = m_model->notebook().cells[std::size_t(row)];
    const QString position = tr("#%1: position %1 in the notebook.").arg(row + 1);
    if (!cell.isCode())
        return position;
    const QString count = cell.executionCount
        ? tr("[%1]: execution count, the order in which the kernel last ran this cell.")
              .arg(*cell.executionCount)
        : tr("[ ]: never run, so it has no execution count.");
    return count + QLatin1Char('\n') + position;
}

bool CellDelegate::helpEvent(
    QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip && index.isValid()
        && event->pos().x() < option.rect.left() + contentLeft() - 8) {
        QToolTip::showText(event->globalPos(), gutterToolTip(index.row()), view->viewport());
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

CellDelegate::Render *CellDelegate::render(int row) const
{
    const bool dark = Theme::isDark(QApplication::palette());
    if (Render *cached = m_render.object(row); cached && cached->dark == dark) {
        if (cached->source->textWidth() > 0)
            cached->source->setTextWidth(contentWidth());
        for (auto &[block, doc] : cached->texts) {
            if (doc->textWidth() > 0)
                doc->setTextWidth(contentWidth() - 2 * kPad);
        }
        return cached;
    }
    const Cell &cell = m_model->notebook().cells[std::size_t(row)];
    auto render = std::make_unique<Render>();
    render->dark = dark;
    render->source = std::make_unique<QTextDocument>();
    QTextDocument *source = render->source.get();
    source->setDocumentMargin(0);
    const QString text = m_model->displaySource(row);
    if (cell.type == CellType::Markdown) {
        // Markdown without HTML: a notebook's <script> or <img onerror> stays visible text.
        // Markdown as Jupyter renders it, with its raw HTML through the allowlist.
        source->setDefaultFont(QApplication::font());
        setRichText(source, MarkdownRenderer::toHtml(text), row, 0);
        source->setTextWidth(contentWidth());
    } else {
        source->setDefaultFont(fixedFont());
        QTextOption option;
        option.setWrapMode(QTextOption::NoWrap);
        source->setDefaultTextOption(option);
        source->setPlainText(cutLongLines(text));
        if (cell.type == CellType::Code) {
            auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(source);
            highlighter->setTheme(Theme::syntaxTheme(QApplication::palette()));
            const Notebook &notebook = m_model->notebook();
            highlighter->setDefinition(SyntaxRepository::definitionForCell(
                text, notebook.isPython() ? QString() : QString::fromStdString(notebook.language())));
            highlighter->rehighlight();
        }
    }

    Render *result = render.get();
    m_render.insert(row, render.release());
    return result;
}

QTextDocument *CellDelegate::outputDocument(Render *r, int row, int b) const
{
    const Block &block = geometry(row).blocks[std::size_t(b)];
    if (block.image)
        return nullptr;
    if (const auto built = r->texts.find(b); built != r->texts.end())
        return built->second.get();
    if (r->texts.size() >= kMaxBuiltBlocks)
        r->texts.clear();
    if (block.html)
        return r->texts.emplace(b, htmlOutputDocument(row, block.output)).first->second.get();
    const Output &output = m_model->notebook().cells[std::size_t(row)].outputs[std::size_t(block.output)];
    bool error = false;
    qsizetype total = 0;
    const std::string head = headLines(outputText(output, error), kMaxOutputLines, total);
    const std::string shown = m_model->displayOutputText(row, block.output, head);
    auto doc = std::make_unique<QTextDocument>();
    doc->setDocumentMargin(0);
    doc->setDefaultFont(fixedFont());
    QTextOption option;
    option.setWrapMode(QTextOption::NoWrap);
    doc->setDefaultTextOption(option);
    QTextCursor cursor(doc.get());
    QTextCharFormat base;
    base.setForeground(QApplication::palette().color(QPalette::Text));
    AnsiText::insert(cursor, cutLongLines(QString::fromStdString(shown)), base);
    if (block.hiddenLines > 0) {
        QTextCharFormat note = base;
        note.setFontItalic(true);
        note.setForeground(QApplication::palette().color(QPalette::PlaceholderText));
        cursor.insertText(
            QLatin1Char('\n') + tr("… %n more line(s) not shown", nullptr, int(block.hiddenLines)), note);
    }
    return r->texts.emplace(b, std::move(doc)).first->second.get();
}

bool CellDelegate::showsHtml(int row, int output) const
{
    const Output &o = m_model->notebook().cells[std::size_t(row)].outputs[std::size_t(output)];
    // Secrets are masked in the text as found; HTML would reflow around the masks.
    return htmlItem(o) && !m_model->outputHasSecrets(row, output);
}

void CellDelegate::setRichText(QTextDocument *document, const QString &html, int row, int maxTableRows) const
{
    HtmlSanitizer::Options options;
    options.maxTableRows = maxTableRows;
    const HtmlSanitizer::Result safe = HtmlSanitizer::sanitize(html, options);
    document->setHtml(safe.html);
    const Cell &cell = m_model->notebook().cells[std::size_t(row)];
    const QString path = QString::fromStdString(m_model->notebook().path);
    const int maxWidth = std::min(kMaxImageWidth, contentWidth());
    for (qsizetype i = 0; i < safe.images.size(); ++i) {
        QImage image = QImage::fromData(imageBytes(safe.images[i], cell, path));
        if (image.width() > maxWidth)
            image = image.scaledToWidth(maxWidth, Qt::SmoothTransformation);
        const QUrl name(QStringLiteral("%1:%2").arg(HtmlSanitizer::imageScheme()).arg(i));
        document->addResource(QTextDocument::ImageResource, name, image);
    }
}

std::unique_ptr<QTextDocument> CellDelegate::htmlOutputDocument(int row, int output) const
{
    const Output &o = m_model->notebook().cells[std::size_t(row)].outputs[std::size_t(output)];
    auto doc = std::make_unique<QTextDocument>();
    doc->setDocumentMargin(0);
    doc->setDefaultFont(QApplication::font());
    setRichText(doc.get(), QString::fromStdString(htmlItem(o)->data), row, kMaxTableRows);
    doc->setTextWidth(contentWidth() - 2 * kPad);
    return doc;
}

QImage CellDelegate::outputImage(Render *r, int row, int b) const
{
    if (const auto decoded = r->images.find(b); decoded != r->images.end())
        return decoded->second;
    if (r->images.size() >= kMaxBuiltBlocks)
        r->images.clear();
    const Block &block = geometry(row).blocks[std::size_t(b)];
    const Cell &cell = m_model->notebook().cells[std::size_t(row)];
    const MimeItem *item = imageItem(cell.outputs[std::size_t(block.output)]);
    const std::string bytes = item ? item->decodedBytes() : std::string();
    QImage image;
    image.loadFromData(reinterpret_cast<const uchar *>(bytes.data()), qsizetype(bytes.size()));
    if (!image.isNull() && image.size() != block.imageSize)
        image = image.scaled(block.imageSize, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    r->images.emplace(b, image);
    return image;
}

QSize CellDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &index) const
{
    if (!index.isValid() || std::size_t(index.row()) >= m_model->notebook().cells.size())
        return {};
    return QSize(m_width, geometry(index.row()).height);
}

void CellDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int row = index.row();
    if (row < 0 || std::size_t(row) >= m_model->notebook().cells.size())
        return;
    const Cell &cell = m_model->notebook().cells[std::size_t(row)];
    const Geometry &g = geometry(row);
    const QPalette &palette = option.palette;
    const QRect rect = option.rect;
    // Only the part of a tall item inside the paint device (the viewport) is drawn.
    QRect visible = rect.intersected(painter->transform().inverted().mapRect(
        QRect(0, 0, painter->device()->width(), painter->device()->height())));
    if (painter->hasClipping())
        visible = visible.intersected(painter->clipBoundingRect().toAlignedRect());
    painter->save();
    painter->setClipRect(rect);

    if (option.state & QStyle::State_Selected) {
        QColor band = palette.color(QPalette::Highlight);
        band.setAlpha(35);
        painter->fillRect(rect, band);
        painter->fillRect(
            QRect(rect.left(), rect.top(), 4, rect.height()), palette.color(QPalette::Highlight));
    }

    const int sourceTop = rect.top() + kCellGap / 2 + g.badges;
    paintGutter(painter, palette, cell, row, QRect(rect.left(), sourceTop, contentLeft() - 8, 0));
    const int left = rect.left() + contentLeft();
    const int width = std::min(contentWidth(), rect.right() - left - 4);
    if (g.badges > 0)
        paintBadges(painter, index.data(NotebookModel::BadgesRole).toStringList(), row,
            QPoint(left, rect.top() + kCellGap / 2));
    Render *r = render(row);
    paintSource(painter, palette, cell, row, QRect(left, sourceTop, width, g.source), r);
    paintOutputs(painter, palette, row, r, QRect(left, rect.top(), width, rect.height()), visible);
    painter->restore();
}

// Gutter: execution count above document position, as Jupyter shows the former. `area` gives the
// gutter's left edge, width and the top of the source box.
void CellDelegate::paintGutter(
    QPainter *painter, const QPalette &palette, const Cell &cell, int row, const QRect &area) const
{
    const QFont fixed = fixedFont();
    const QFontMetrics fixedMetrics(fixed);
    painter->setFont(fixed);
    const QRect gutterRect(area.left(), area.top() + kPad, area.width(), fixedMetrics.lineSpacing());
    if (cell.isCode()) {
        painter->setPen(palette.color(QPalette::Text));
        const QString count
            = cell.executionCount ? QString::number(*cell.executionCount) : QStringLiteral(" ");
        painter->drawText(gutterRect, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("[%1]").arg(count));
    }
    painter->setPen(palette.color(QPalette::PlaceholderText));
    painter->drawText(gutterRect.translated(0, fixedMetrics.lineSpacing()), Qt::AlignRight | Qt::AlignVCenter,
        QStringLiteral("#%1").arg(row + 1));
}

// Badges: one per rule, coloured by the worst severity, from `topLeft` rightwards.
void CellDelegate::paintBadges(QPainter *painter, const QStringList &rules, int row, QPoint topLeft) const
{
    const QFont font = QApplication::font();
    const QFontMetrics metrics(font);
    painter->setFont(font);
    int x = topLeft.x();
    for (const QString &rule : rules) {
        Severity worst = Severity::Info;
        int count = 0;
        for (int i : m_model->findingsOfCell(row)) {
            const Finding &f = m_model->analysis().findings[std::size_t(i)];
            if (QString::fromStdString(f.rule) == rule) {
                worst = std::max(worst, f.severity);
                ++count;
            }
        }
        QString label = RuleText::badge(rule.toStdString());
        if (count > 1)
            label += QStringLiteral(" ×%1").arg(count);
        const QRect pill(
            x, topLeft.y(), metrics.horizontalAdvance(label) + 12, metrics.height() + kBadgeHeightExtra);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(RuleText::severityColor(worst));
        painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
        painter->setPen(Qt::white);
        painter->drawText(pill, Qt::AlignCenter, label);
        x = pill.right() + 6;
    }
}

// Source: code in a box with the syntax theme's background; markdown as rendered, unboxed.
void CellDelegate::paintSource(QPainter *painter, const QPalette &palette, const Cell &cell, int row,
    const QRect &sourceRect, Render *r) const
{
    if (cell.type != CellType::Markdown) {
        painter->fillRect(sourceRect,
            QColor::fromRgba(Theme::syntaxTheme(QApplication::palette())
                                 .editorColor(KSyntaxHighlighting::Theme::BackgroundColor)));
        // The themes' backgrounds match a plain window: a hairline marks the code box.
        painter->setPen(palette.color(QPalette::Mid));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(sourceRect.adjusted(0, 0, -1, -1));
        if (row == m_highlightRow && m_highlightLine > 0) {
            QColor band = palette.color(QPalette::Highlight);
            band.setAlpha(70);
            painter->fillRect(
                QRect(sourceRect.left(), sourceRect.top() + kPad + (m_highlightLine - 1) * lineSpacing(),
                    sourceRect.width(), lineSpacing()),
                band);
        }
    }
    painter->save();
    const QPoint origin
        = cell.type == CellType::Markdown ? sourceRect.topLeft() : sourceRect.topLeft() + QPoint(kPad, kPad);
    painter->translate(origin);
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = palette;
    context.palette.setColor(QPalette::Text,
        cell.type == CellType::Code ? QColor::fromRgba(
            Theme::syntaxTheme(QApplication::palette()).textColor(KSyntaxHighlighting::Theme::Normal))
                                    : palette.color(QPalette::Text));
    context.clip = QRectF(0, 0, sourceRect.width() - (origin.x() - sourceRect.left()), sourceRect.height());
    painter->setClipRect(context.clip, Qt::IntersectClip);
    r->source->documentLayout()->draw(painter, context);
    painter->restore();
}

// Outputs: only the blocks that overlap the visible part of the item. `item` is the item's
// rectangle narrowed to the content column.
void CellDelegate::paintOutputs(QPainter *painter, const QPalette &palette, int row, Render *r,
    const QRect &item, const QRect &visible) const
{
    const Geometry &g = geometry(row);
    const auto firstVisible = std::partition_point(g.blocks.begin(), g.blocks.end(),
        [&](const Block &block) { return item.top() + block.top + block.height < visible.top(); });
    for (auto it = firstVisible; it != g.blocks.end() && item.top() + it->top <= visible.bottom(); ++it) {
        const Block &block = *it;
        const int b = int(it - g.blocks.begin());
        const QRect blockRect(item.left(), item.top() + block.top, item.width(), block.height);
        if (block.image) {
            const QImage image = outputImage(r, row, b);
            if (!image.isNull())
                painter->drawImage(blockRect.topLeft(), image);
        } else if (QTextDocument *doc = outputDocument(r, row, b)) {
            QColor background = palette.color(QPalette::Base);
            if (block.error)
                background = Theme::isDark(palette) ? QColor(0x4a, 0x1f, 0x1f) : QColor(0xfd, 0xec, 0xea);
            painter->fillRect(blockRect, background);
            painter->setPen(palette.color(QPalette::Mid));
            painter->drawLine(blockRect.topLeft(), blockRect.bottomLeft());
            painter->save();
            painter->translate(blockRect.topLeft() + QPoint(kPad, kPad));
            QAbstractTextDocumentLayout::PaintContext textContext;
            textContext.palette = palette;
            textContext.clip = QRectF(0, 0, blockRect.width() - kPad, blockRect.height() - kPad);
            painter->setClipRect(textContext.clip, Qt::IntersectClip);
            doc->documentLayout()->draw(painter, textContext);
            painter->restore();
        }
    }
}

QString CellDelegate::linkAt(int row, QPoint pos) const
{
    if (row < 0 || std::size_t(row) >= m_model->notebook().cells.size())
        return {};
    const Geometry &g = geometry(row);
    Render *r = render(row);
    const int top = kCellGap / 2 + g.badges;
    const QPoint inContent = pos - QPoint(contentLeft(), 0);
    if (m_model->notebook().cells[std::size_t(row)].type == CellType::Markdown && pos.y() < top + g.source)
        return r->source->documentLayout()->anchorAt(inContent - QPoint(0, top));
    for (std::size_t b = 0; b < g.blocks.size(); ++b) {
        const Block &block = g.blocks[b];
        if (!block.html || pos.y() < block.top || pos.y() >= block.top + block.height)
            continue;
        if (QTextDocument *doc = outputDocument(r, row, int(b)))
            return doc->documentLayout()->anchorAt(inContent - QPoint(kPad, block.top + kPad));
    }
    return {};
}

bool CellDelegate::editorEvent(
    QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    // Links open on a click only, never by themselves.
    if (event->type() == QEvent::MouseButtonRelease && index.isValid()) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const QString href = linkAt(index.row(), mouse->position().toPoint() - option.rect.topLeft());
        if (mouse->button() == Qt::LeftButton && HtmlSanitizer::isSafeLink(href)) {
            emit linkActivated(href);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

int CellDelegate::lineOffset(int row, int line) const
{
    if (row < 0 || std::size_t(row) >= m_model->notebook().cells.size())
        return 0;
    const Geometry &g = geometry(row);
    const int top = kCellGap / 2 + g.badges;
    if (line <= 1)
        return 0;
    return top + kPad + (line - 1) * lineSpacing();
}

void CellDelegate::setHighlightedLine(int row, int line)
{
    m_highlightRow = row;
    m_highlightLine = line;
}

QString CellDelegate::renderedSource(int row) const
{
    if (row < 0 || std::size_t(row) >= m_model->notebook().cells.size())
        return {};
    return render(row)->source->toPlainText();
}

QStringList CellDelegate::renderedLinks(int row) const
{
    QStringList links;
    if (row < 0 || std::size_t(row) >= m_model->notebook().cells.size())
        return links;
    const QTextDocument *document = render(row)->source.get();
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QString href = it.fragment().charFormat().anchorHref();
            if (!href.isEmpty() && !links.contains(href))
                links << href;
        }
    }
    return links;
}

QString CellDelegate::renderedOutput(int row, int block) const
{
    const QTextDocument *doc = block < 0 ? nullptr : renderedDocument(row, block);
    return doc ? doc->toPlainText() : QString();
}

const QTextDocument *CellDelegate::renderedDocument(int row, int block) const
{
    if (row < 0 || std::size_t(row) >= m_model->notebook().cells.size())
        return nullptr;
    if (block < 0)
        return render(row)->source.get();
    if (std::size_t(block) >= geometry(row).blocks.size())
        return nullptr;
    return outputDocument(render(row), row, block);
}

int CellDelegate::imageBlockCount(int row) const
{
    const auto &blocks = geometry(row).blocks;
    return int(std::count_if(blocks.begin(), blocks.end(), [](const Block &b) { return b.image; }));
}

int CellDelegate::textBlockCount(int row) const
{
    return int(geometry(row).blocks.size()) - imageBlockCount(row);
}

int CellDelegate::builtOutputBlocks(int row) const
{
    const Render *r = m_render.object(row);
    return r ? int(r->texts.size()) : 0;
}

} // namespace tassel::ui
