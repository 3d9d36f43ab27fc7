#include "notebook/htmlsanitizer.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <vector>

namespace tassel::ui {

namespace {

struct Attribute
{
    QString name;
    QString value; // entities decoded
};

struct Tag
{
    QString name; // lower case
    bool closing = false;
    std::vector<Attribute> attributes;

    QString attribute(const QString &key) const
    {
        for (const Attribute &a : attributes) {
            if (a.name == key)
                return a.value;
        }
        return {};
    }
    bool has(const QString &key) const
    {
        return std::any_of(
            attributes.begin(), attributes.end(), [&](const Attribute &a) { return a.name == key; });
    }
};

// Elements whose content is code, a frame, a form or a foreign document: dropped with it.
const QSet<QString> &droppedWithContent()
{
    static const QSet<QString> tags {QStringLiteral("script"), QStringLiteral("style"),
        QStringLiteral("iframe"), QStringLiteral("frameset"), QStringLiteral("object"),
        QStringLiteral("applet"), QStringLiteral("template"), QStringLiteral("noscript"),
        QStringLiteral("textarea"), QStringLiteral("select"), QStringLiteral("form"),
        QStringLiteral("button"), QStringLiteral("svg"), QStringLiteral("math"), QStringLiteral("title"),
        QStringLiteral("head"), QStringLiteral("audio"), QStringLiteral("video"), QStringLiteral("canvas"),
        QStringLiteral("noembed"), QStringLiteral("noframes"), QStringLiteral("xmp"),
        QStringLiteral("plaintext")};
    return tags;
}

// The allowed tags and their attributes besides `style` (filtered) and `title`.
const QHash<QString, QStringList> &allowedTags()
{
    static const QHash<QString, QStringList> tags = [] {
        QHash<QString, QStringList> t;
        const QStringList cell {QStringLiteral("colspan"), QStringLiteral("rowspan"), QStringLiteral("align"),
            QStringLiteral("valign"), QStringLiteral("width")};
        t.insert(QStringLiteral("a"), {QStringLiteral("href"), QStringLiteral("name"), QStringLiteral("id")});
        t.insert(QStringLiteral("table"),
            {QStringLiteral("border"), QStringLiteral("cellpadding"), QStringLiteral("cellspacing"),
                QStringLiteral("width"), QStringLiteral("align")});
        t.insert(QStringLiteral("td"), cell);
        t.insert(QStringLiteral("th"), cell);
        t.insert(QStringLiteral("tr"), {QStringLiteral("align"), QStringLiteral("valign")});
        t.insert(QStringLiteral("ol"), {QStringLiteral("start"), QStringLiteral("type")});
        t.insert(QStringLiteral("li"), {QStringLiteral("value")});
        for (const char *name : {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6"})
            t.insert(QLatin1String(name), {QStringLiteral("align"), QStringLiteral("id")});
        for (const char *name : {"span", "br", "hr", "b", "i", "em", "strong", "code", "pre", "u", "s", "del",
                 "strike", "ins", "sub", "sup", "small", "big", "kbd", "samp", "tt", "var", "cite", "q",
                 "blockquote", "dl", "dt", "dd", "abbr", "ul", "thead", "tbody", "tfoot", "caption"})
            t.insert(QLatin1String(name), {});
        return t;
    }();
    return tags;
}

bool isVoid(const QString &name)
{
    return name == QLatin1String("br") || name == QLatin1String("hr") || name == QLatin1String("img")
        || name == QLatin1String("input") || name == QLatin1String("wbr") || name == QLatin1String("col");
}

QString decodeEntities(const QString &text)
{
    if (!text.contains(QLatin1Char('&')))
        return text;
    static const QHash<QString, QChar> named {{QStringLiteral("amp"), QLatin1Char('&')},
        {QStringLiteral("lt"), QLatin1Char('<')}, {QStringLiteral("gt"), QLatin1Char('>')},
        {QStringLiteral("quot"), QLatin1Char('"')}, {QStringLiteral("apos"), QLatin1Char('\'')},
        {QStringLiteral("colon"), QLatin1Char(':')}, {QStringLiteral("tab"), QLatin1Char('\t')},
        {QStringLiteral("newline"), QLatin1Char('\n')}, {QStringLiteral("sol"), QLatin1Char('/')},
        {QStringLiteral("lpar"), QLatin1Char('(')}, {QStringLiteral("rpar"), QLatin1Char(')')},
        {QStringLiteral("period"), QLatin1Char('.')}, {QStringLiteral("nbsp"), QChar(0xa0)}};
    static const QRegularExpression entity(QStringLiteral("&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);?"));
    QString out;
    qsizetype last = 0;
    for (auto it = entity.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        const QString body = match.captured(1);
        QString replacement = match.captured(0);
        if (body.startsWith(QLatin1Char('#'))) {
            bool ok = false;
            const uint code = body.startsWith(QLatin1String("#x"), Qt::CaseInsensitive)
                ? body.mid(2).toUInt(&ok, 16)
                : body.mid(1).toUInt(&ok, 10);
            replacement = ok && code > 0 && code < 0x110000
                ? QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1)
                : QString(QChar(0xfffd));
        } else if (const auto found = named.find(body.toLower()); found != named.end()) {
            replacement = *found;
        }
        out += QStringView(text).mid(last, match.capturedStart() - last);
        out += replacement;
        last = match.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QString escaped(const QString &value)
{
    return value.toHtmlEscaped();
}

// Browsers ignore whitespace and control characters in a URL's scheme (`java\tscript:`).
QString withoutControls(const QString &url)
{
    QString out;
    out.reserve(url.size());
    for (const QChar c : url) {
        if (c.unicode() > 0x20 && c.unicode() != 0x7f)
            out += c;
    }
    return out;
}

bool validValue(const QString &name, const QString &value)
{
    static const QRegularExpression number(QStringLiteral("^\\d{1,4}%?$"));
    static const QRegularExpression alignment(
        QStringLiteral("^(left|right|center|justify|top|middle|bottom|baseline)$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression listType(QStringLiteral("^[1aAiI]$"));
    if (name == QLatin1String("align") || name == QLatin1String("valign"))
        return alignment.match(value).hasMatch();
    if (name == QLatin1String("type"))
        return listType.match(value).hasMatch();
    if (name == QLatin1String("name") || name == QLatin1String("id") || name == QLatin1String("title")
        || name == QLatin1String("alt"))
        return true;
    return number.match(value.trimmed()).hasMatch();
}

/// Keeps declarations that only colour, align or weigh text; nothing that loads or positions.
QString filteredStyle(const QString &style)
{
    static const QSet<QString> properties {QStringLiteral("color"), QStringLiteral("background-color"),
        QStringLiteral("text-align"), QStringLiteral("font-weight"), QStringLiteral("font-style"),
        QStringLiteral("text-decoration"), QStringLiteral("vertical-align"), QStringLiteral("white-space")};
    static const QRegularExpression safe(QStringLiteral("^[#a-zA-Z0-9%., ()-]+$"));
    QStringList kept;
    for (const QString &declaration : style.split(QLatin1Char(';'))) {
        const qsizetype colon = declaration.indexOf(QLatin1Char(':'));
        if (colon < 0)
            continue;
        const QString property = declaration.left(colon).trimmed().toLower();
        const QString value = declaration.mid(colon + 1).trimmed();
        if (!properties.contains(property) || !safe.match(value).hasMatch()
            || value.contains(QLatin1String("url"), Qt::CaseInsensitive)
            || value.contains(QLatin1String("expression"), Qt::CaseInsensitive))
            continue;
        kept << property + QStringLiteral(": ") + value;
    }
    return kept.join(QStringLiteral("; "));
}

/// One pass over the input: tags are parsed, judged and re-emitted; text is copied escaped.
class Pass
{
public:
    Pass(const QString &in, const HtmlSanitizer::Options &options)
        : m_in(in)
        , m_options(options)
    {
    }

    HtmlSanitizer::Result run()
    {
        const qsizetype n = m_in.size();
        while (m_pos < n) {
            const qsizetype lt = m_in.indexOf(QLatin1Char('<'), m_pos);
            text(QStringView(m_in).mid(m_pos, (lt < 0 ? n : lt) - m_pos));
            if (lt < 0)
                break;
            m_pos = lt;
            markup();
        }
        while (!m_open.empty())
            closeTop();
        m_result.html = m_out;
        return m_result;
    }

private:
    struct Open
    {
        QString name;
        QString close;
        bool table = false;
    };
    struct Table
    {
        int rows = 0;
        int dropped = 0;
        bool inHead = false;
    };

    void text(QStringView chunk)
    {
        if (m_skippingRow || chunk.isEmpty())
            return;
        for (const QChar c : chunk) {
            if (c == QLatin1Char('<'))
                m_out += QStringLiteral("&lt;");
            else if (c == QLatin1Char('>'))
                m_out += QStringLiteral("&gt;");
            else
                m_out += c;
        }
    }

    void skipTo(const QString &end)
    {
        const qsizetype at = m_in.indexOf(end, m_pos, Qt::CaseInsensitive);
        m_pos = at < 0 ? m_in.size() : at + end.size();
    }

    void markup()
    {
        const QChar next = m_pos + 1 < m_in.size() ? m_in.at(m_pos + 1) : QChar();
        if (QStringView(m_in).mid(m_pos, 4) == QLatin1String("<!--")) {
            m_pos += 4;
            skipTo(QStringLiteral("-->"));
        } else if (next == QLatin1Char('!') || next == QLatin1Char('?')) {
            skipTo(QStringLiteral(">"));
        } else if (next.isLetter()
            || (next == QLatin1Char('/') && m_pos + 2 < m_in.size() && m_in.at(m_pos + 2).isLetter())) {
            const Tag tag = parseTag();
            if (tag.closing)
                close(tag.name);
            else
                open(tag);
        } else {
            text(QStringView(m_in).mid(m_pos, 1));
            ++m_pos;
        }
    }

    Tag parseTag()
    {
        Tag tag;
        const qsizetype n = m_in.size();
        qsizetype p = m_pos + 1;
        if (m_in.at(p) == QLatin1Char('/')) {
            tag.closing = true;
            ++p;
        }
        const qsizetype nameStart = p;
        while (p < n
            && (m_in.at(p).isLetterOrNumber() || m_in.at(p) == QLatin1Char('-')
                || m_in.at(p) == QLatin1Char(':')))
            ++p;
        tag.name = m_in.mid(nameStart, p - nameStart).toLower();
        while (p < n && m_in.at(p) != QLatin1Char('>')) {
            const QChar c = m_in.at(p);
            if (c.isSpace() || c == QLatin1Char('/')) {
                ++p;
                continue;
            }
            const qsizetype attrStart = p;
            while (p < n && !m_in.at(p).isSpace() && m_in.at(p) != QLatin1Char('=')
                && m_in.at(p) != QLatin1Char('>') && m_in.at(p) != QLatin1Char('/'))
                ++p;
            Attribute attribute {m_in.mid(attrStart, p - attrStart).toLower(), QString()};
            while (p < n && m_in.at(p).isSpace())
                ++p;
            if (p < n && m_in.at(p) == QLatin1Char('=')) {
                ++p;
                while (p < n && m_in.at(p).isSpace())
                    ++p;
                attribute.value = decodeEntities(attributeValue(p));
            }
            tag.attributes.push_back(std::move(attribute));
        }
        m_pos = std::min(n, p + 1);
        return tag;
    }

    QString attributeValue(qsizetype &p) const
    {
        const qsizetype n = m_in.size();
        if (p < n && (m_in.at(p) == QLatin1Char('"') || m_in.at(p) == QLatin1Char('\''))) {
            const qsizetype end = m_in.indexOf(m_in.at(p), p + 1);
            const qsizetype stop = end < 0 ? n : end;
            QString value = m_in.mid(p + 1, stop - p - 1);
            p = std::min(n, stop + 1);
            return value;
        }
        const qsizetype start = p;
        while (p < n && !m_in.at(p).isSpace() && m_in.at(p) != QLatin1Char('>'))
            ++p;
        return m_in.mid(start, p - start);
    }

    void open(const Tag &tag)
    {
        if (tag.name == QLatin1String("embed") || tag.name == QLatin1String("frame"))
            return; // void: no content to skip
        if (droppedWithContent().contains(tag.name)) {
            skipTo(QStringLiteral("</") + tag.name);
            skipTo(QStringLiteral(">"));
            return;
        }
        if (m_skippingRow) {
            if (tag.name == QLatin1String("tr"))
                ++m_tables.back().dropped;
            return;
        }
        if (tag.name == QLatin1String("tr") && !m_tables.empty() && !countRow())
            return;
        if (tag.name == QLatin1String("thead") && !m_tables.empty())
            m_tables.back().inHead = true;
        if (tag.name == QLatin1String("img"))
            image(tag);
        else if (tag.name == QLatin1String("input"))
            checkbox(tag);
        else if (tag.name == QLatin1String("x-equation"))
            math(tag);
        else if (tag.name == QLatin1String("center"))
            push(tag.name, QStringLiteral("<div align=\"center\">"), QStringLiteral("</div>"));
        else if (tag.name == QLatin1String("div")
            && tag.attribute(QStringLiteral("class")).contains(QLatin1String("alert")))
            alert(tag);
        else if (allowedTags().contains(tag.name))
            allowed(tag);
    }

    // False when the row is past the cap and is skipped.
    bool countRow()
    {
        Table &table = m_tables.back();
        if (table.inHead)
            return true;
        if (m_options.maxTableRows > 0 && table.rows >= m_options.maxTableRows) {
            ++table.dropped;
            m_skippingRow = true;
            return false;
        }
        ++table.rows;
        return true;
    }

    void push(const QString &name, const QString &openTag, const QString &closeTag, bool table = false)
    {
        m_out += openTag;
        m_open.push_back({name, closeTag, table});
        if (table)
            m_tables.emplace_back();
    }

    void allowed(const Tag &tag)
    {
        const QStringList &keys = allowedTags().value(tag.name);
        QString attributes;
        for (const Attribute &a : tag.attributes) {
            if (a.name == QLatin1String("href")) {
                // A link whose target is dropped stays its text.
                if (!HtmlSanitizer::isSafeLink(a.value))
                    continue;
            } else if (a.name == QLatin1String("style")) {
                const QString style = filteredStyle(a.value);
                if (!style.isEmpty())
                    attributes += QStringLiteral(" style=\"%1\"").arg(escaped(style));
                continue;
            } else if (a.name != QLatin1String("title")
                && (!keys.contains(a.name) || !validValue(a.name, a.value))) {
                continue;
            }
            if (a.name == QLatin1String("id") || a.name == QLatin1String("name"))
                m_result.anchors << a.value.trimmed();
            attributes += QStringLiteral(" %1=\"%2\"").arg(a.name, escaped(a.value.trimmed()));
        }
        const bool table = tag.name == QLatin1String("table");
        if (table && !tag.has(QStringLiteral("cellpadding")))
            attributes += QStringLiteral(" cellpadding=\"4\" cellspacing=\"0\"");
        if (table && tag.has(QStringLiteral("border")))
            attributes += QStringLiteral(" style=\"border-collapse: collapse\"");
        const QString openTag = QLatin1Char('<') + tag.name + attributes + QLatin1Char('>');
        if (isVoid(tag.name)) {
            m_out += openTag;
            return;
        }
        push(tag.name, openTag, QStringLiteral("</%1>").arg(tag.name), table);
    }

    void image(const Tag &tag)
    {
        const QString src = tag.attribute(QStringLiteral("src")).trimmed();
        if (!HtmlSanitizer::isSafeImageSource(src)) {
            const QString alt = tag.attribute(QStringLiteral("alt")).trimmed();
            if (!alt.isEmpty())
                m_out += escaped(alt);
            return;
        }
        QString attributes;
        for (const char *key : {"alt", "title", "width", "height"}) {
            const QString name = QLatin1String(key);
            const QString value = tag.attribute(name);
            if (tag.has(name) && validValue(name, value))
                attributes += QStringLiteral(" %1=\"%2\"").arg(name, escaped(value.trimmed()));
        }
        m_out += QStringLiteral("<img src=\"%1:%2\"%3>")
                     .arg(HtmlSanitizer::imageScheme())
                     .arg(m_result.images.size())
                     .arg(attributes);
        m_result.images << src;
    }

    void checkbox(const Tag &tag)
    {
        if (tag.attribute(QStringLiteral("type")).compare(QLatin1String("checkbox"), Qt::CaseInsensitive)
            == 0)
            m_out += tag.has(QStringLiteral("checked")) ? QStringLiteral("☑ ") : QStringLiteral("☐ ");
    }

    // md4c's LaTeX spans: the source in a math style with its delimiters, never interpreted.
    void math(const Tag &tag)
    {
        static const QString style
            = QStringLiteral("<span style=\"font-family: monospace; font-style: italic; color: #a0379f\">");
        if (tag.attribute(QStringLiteral("type")) == QLatin1String("display"))
            push(tag.name, QStringLiteral("<div align=\"center\">") + style + QStringLiteral("$$"),
                QStringLiteral("$$</span></div>"));
        else
            push(tag.name, style + QLatin1Char('$'), QStringLiteral("$</span>"));
    }

    // Jupyter's Bootstrap alerts: a tinted box, readable in light and dark palettes alike.
    void alert(const Tag &tag)
    {
        const QString kind = tag.attribute(QStringLiteral("class"));
        QString colours = QStringLiteral("background-color: #d9edf7; color: #31708f");
        if (kind.contains(QLatin1String("warning")))
            colours = QStringLiteral("background-color: #fcf8e3; color: #8a6d3b");
        else if (kind.contains(QLatin1String("danger")))
            colours = QStringLiteral("background-color: #f2dede; color: #a94442");
        else if (kind.contains(QLatin1String("success")))
            colours = QStringLiteral("background-color: #dff0d8; color: #3c763d");
        push(tag.name,
            QStringLiteral("<table width=\"100%\" cellpadding=\"8\" cellspacing=\"0\"><tr><td style=\"%1\">")
                .arg(colours),
            QStringLiteral("</td></tr></table>"));
    }

    void close(const QString &name)
    {
        if (m_skippingRow) {
            if (name == QLatin1String("tr")) {
                m_skippingRow = false;
                return;
            }
            if (name != QLatin1String("tbody") && name != QLatin1String("tfoot")
                && name != QLatin1String("table"))
                return;
            m_skippingRow = false;
        }
        if (name == QLatin1String("thead") && !m_tables.empty())
            m_tables.back().inHead = false;
        const auto match
            = std::find_if(m_open.rbegin(), m_open.rend(), [&](const Open &o) { return o.name == name; });
        if (match == m_open.rend())
            return;
        const auto depth = std::distance(match, m_open.rend());
        while (qsizetype(m_open.size()) >= depth)
            closeTop();
    }

    void closeTop()
    {
        const Open top = m_open.back();
        m_open.pop_back();
        m_out += top.close;
        if (!top.table)
            return;
        const int dropped = m_tables.back().dropped;
        m_tables.pop_back();
        m_skippingRow = false;
        if (dropped > 0) {
            m_result.droppedRows += dropped;
            const QString more = dropped == 1 ? HtmlSanitizer::tr("… 1 more row")
                                              : HtmlSanitizer::tr("… %1 more rows").arg(dropped);
            m_out += QStringLiteral("<p><i>%1</i></p>").arg(more);
        }
    }

    const QString &m_in;
    const HtmlSanitizer::Options &m_options;
    qsizetype m_pos = 0;
    QString m_out;
    HtmlSanitizer::Result m_result;
    std::vector<Open> m_open;
    std::vector<Table> m_tables;
    bool m_skippingRow = false;
};

} // namespace

HtmlSanitizer::Result HtmlSanitizer::sanitize(const QString &html, const Options &options)
{
    return Pass(html, options).run();
}

bool HtmlSanitizer::isSafeLink(const QString &href)
{
    const QString url = withoutControls(decodeEntities(href));
    if (url.startsWith(QLatin1Char('#')))
        return url.size() > 1;
    const qsizetype colon = url.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    const QString scheme = url.left(colon).toLower();
    return scheme == QLatin1String("http") || scheme == QLatin1String("https")
        || scheme == QLatin1String("mailto");
}

bool HtmlSanitizer::isSafeImageSource(const QString &src)
{
    static const QRegularExpression dataImage(QStringLiteral("^data:image/(png|jpeg|jpg|gif|bmp|webp)[;,]"),
        QRegularExpression::CaseInsensitiveOption);
    const QString url = withoutControls(decodeEntities(src));
    if (url.startsWith(QLatin1String("attachment:"), Qt::CaseInsensitive))
        return url.size() > int(qstrlen("attachment:"));
    if (url.startsWith(QLatin1String("data:"), Qt::CaseInsensitive))
        return dataImage.match(url).hasMatch();
    // A file beside the notebook: relative, no scheme, never climbing out of its folder.
    if (url.isEmpty() || url.contains(QLatin1Char(':')) || url.startsWith(QLatin1Char('/'))
        || url.startsWith(QLatin1Char('\\')))
        return false;
    static const QRegularExpression separators(QStringLiteral("[/\\\\]"));
    const QStringList parts = url.split(separators);
    return !parts.contains(QStringLiteral(".."));
}

} // namespace tassel::ui
