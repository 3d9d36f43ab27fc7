#include "cellwidget.h"

#include "syntaxrepository.h"

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QApplication>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tassel::ui {

namespace {

QString fromUtf8(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

int lineCountOf(const QString &text)
{
    return int(text.count(QLatin1Char('\n'))) + 1;
}

/// A read-only text box exactly as tall as its content, so the notebook scrolls as a whole.
QPlainTextEdit *makeFixedHeightText(const QString &text, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setPlainText(text);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    edit->setFrameShape(QFrame::NoFrame);
    const int lines = std::min(lineCountOf(text), 60);
    const QFontMetrics metrics(edit->font());
    edit->setFixedHeight(lines * metrics.lineSpacing() + 2 * int(edit->document()->documentMargin()) + 4);
    return edit;
}

} // namespace

CellWidget::CellWidget(const Cell &cell, int index, QWidget *parent)
    : QFrame(parent)
    , m_index(index)
    , m_type(cell.type)
    , m_source(fromUtf8(cell.source))
{
    setObjectName(QStringLiteral("cell%1").arg(index));
    setFrameShape(QFrame::StyledPanel);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(4, 4, 4, 4);

    auto *gutter = new QLabel(this);
    gutter->setObjectName(QStringLiteral("gutter"));
    gutter->setAlignment(Qt::AlignRight | Qt::AlignTop);
    gutter->setMinimumWidth(QFontMetrics(font()).horizontalAdvance(QStringLiteral("[888] #888")));
    gutter->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    if (cell.isCode()) {
        const QString count
            = cell.executionCount ? QString::number(*cell.executionCount) : QStringLiteral(" ");
        gutter->setText(tr("[%1]").arg(count) + QStringLiteral("\n#%1").arg(index + 1));
        gutter->setToolTip(tr("Execution count %1, cell %2 in the document").arg(count).arg(index + 1));
    } else {
        gutter->setText(QStringLiteral("\n#%1").arg(index + 1));
    }
    row->addWidget(gutter, 0, Qt::AlignTop);

    auto *column = new QVBoxLayout;
    row->addLayout(column, 1);

    if (cell.type == CellType::Markdown) {
        m_markdown = new QTextBrowser(this);
        m_markdown->setObjectName(QStringLiteral("markdown"));
        m_markdown->setOpenExternalLinks(false);
        m_markdown->setOpenLinks(false);
        // Markdown is rendered without HTML so that a notebook's <script> stays text.
        m_markdown->document()->setMarkdown(m_source, QTextDocument::MarkdownDialectGitHub);
        m_markdown->setFrameShape(QFrame::NoFrame);
        m_markdown->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_markdown->document()->setTextWidth(700);
        m_markdown->setFixedHeight(int(m_markdown->document()->size().height()) + 8);
        column->addWidget(m_markdown);
    } else {
        m_code = makeFixedHeightText(m_source, this);
        m_code->setObjectName(QStringLiteral("code"));
        auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(m_code->document());
        const bool dark = palette().color(QPalette::Base).lightness() < 128;
        highlighter->setTheme(SyntaxRepository::instance().defaultTheme(
            dark ? KSyntaxHighlighting::Repository::DarkTheme : KSyntaxHighlighting::Repository::LightTheme));
        highlighter->setDefinition(cell.type == CellType::Code ? SyntaxRepository::definitionForCell(m_source)
                                                               : KSyntaxHighlighting::Definition());
        column->addWidget(m_code);
    }

    for (const auto &output : cell.outputs)
        addOutput(output, column);
}

QString CellWidget::sourceText() const
{
    return m_source;
}

void CellWidget::addOutput(const Output &output, QVBoxLayout *layout)
{
    for (const char *imageType : {"image/png", "image/jpeg"}) {
        if (const auto *item = output.find(imageType)) {
            const std::string bytes = item->decodedBytes();
            QPixmap pixmap;
            if (pixmap.loadFromData(reinterpret_cast<const uchar *>(bytes.data()), uint(bytes.size()))) {
                auto *image = new QLabel(this);
                image->setObjectName(QStringLiteral("image"));
                if (pixmap.width() > 800)
                    pixmap = pixmap.scaledToWidth(800, Qt::SmoothTransformation);
                image->setPixmap(pixmap);
                layout->addWidget(image);
                return;
            }
        }
    }
    const QString text = fromUtf8(output.plainText());
    if (text.isEmpty())
        return;
    auto *box = makeFixedHeightText(text, this);
    box->setObjectName(QStringLiteral("output"));
    if (output.type == OutputType::Error || output.streamName == "stderr") {
        QPalette warning = box->palette();
        warning.setColor(QPalette::Base, QColor(0xfd, 0xec, 0xea));
        warning.setColor(QPalette::Text, QColor(0x60, 0x10, 0x10));
        box->setPalette(warning);
    }
    layout->addWidget(box);
}

} // namespace tassel::ui
