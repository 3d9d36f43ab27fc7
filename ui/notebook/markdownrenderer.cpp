#include "notebook/markdownrenderer.h"

#include "notebook/htmlsanitizer.h"

#include <md4c-html.h>
#include <md4c.h>

namespace tassel::ui {

namespace {

constexpr unsigned kParserFlags = MD_DIALECT_GITHUB | MD_FLAG_LATEXMATHSPANS;

/// Collects the text of headings while md4c walks the document.
struct HeadingCollector
{
    QStringList headings;
    QByteArray current;
    bool inHeading = false;
};

int enterBlock(MD_BLOCKTYPE type, void *, void *userdata)
{
    auto *collector = static_cast<HeadingCollector *>(userdata);
    if (type == MD_BLOCK_H) {
        collector->inHeading = true;
        collector->current.clear();
    }
    return 0;
}

int leaveBlock(MD_BLOCKTYPE type, void *, void *userdata)
{
    auto *collector = static_cast<HeadingCollector *>(userdata);
    if (type == MD_BLOCK_H && collector->inHeading) {
        collector->inHeading = false;
        collector->headings << QString::fromUtf8(collector->current);
    }
    return 0;
}

int span(MD_SPANTYPE, void *, void *)
{
    return 0;
}

int text(MD_TEXTTYPE type, const MD_CHAR *data, MD_SIZE size, void *userdata)
{
    auto *collector = static_cast<HeadingCollector *>(userdata);
    if (!collector->inHeading || type == MD_TEXT_HTML)
        return 0;
    if (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR)
        collector->current += ' ';
    else if (type == MD_TEXT_NULLCHAR)
        collector->current += "\xef\xbf\xbd";
    else
        collector->current.append(data, qsizetype(size));
    return 0;
}

} // namespace

QString MarkdownRenderer::toHtml(const QString &markdown)
{
    const QByteArray input = markdown.toUtf8();
    QByteArray output;
    output.reserve(input.size() * 3 / 2);
    md_html(
        input.constData(), MD_SIZE(input.size()),
        [](const MD_CHAR *chunk, MD_SIZE size, void *userdata) {
            static_cast<QByteArray *>(userdata)->append(chunk, qsizetype(size));
        },
        &output, kParserFlags, MD_HTML_FLAG_SKIP_UTF8_BOM);
    return QString::fromUtf8(output);
}

QStringList MarkdownRenderer::anchors(const QString &markdown)
{
    const QByteArray input = markdown.toUtf8();
    HeadingCollector collector;
    MD_PARSER parser {};
    parser.flags = kParserFlags;
    parser.enter_block = enterBlock;
    parser.leave_block = leaveBlock;
    parser.enter_span = span;
    parser.leave_span = span;
    parser.text = text;
    md_parse(input.constData(), MD_SIZE(input.size()), &parser, &collector);
    QStringList result;
    for (const QString &heading : std::as_const(collector.headings))
        result << headingAnchor(heading);
    // Explicit ids from the sanitiser's own tag parser: linear, and only ids that survive.
    result << HtmlSanitizer::sanitize(toHtml(markdown)).anchors;
    return result;
}

QString MarkdownRenderer::headingAnchor(const QString &headingText)
{
    QString id = headingText.trimmed();
    id.replace(QLatin1Char(' '), QLatin1Char('-'));
    return id;
}

} // namespace tassel::ui
