#include "notebook/ansitext.h"

#include <QColor>
#include <QTextCharFormat>
#include <QTextCursor>

namespace tassel::ui {

namespace {

QColor basicColor(int code, bool bright)
{
    // The xterm palette, which IPython's tracebacks were designed against.
    static const QColor normal[8]
        = {QColor(0, 0, 0), QColor(205, 49, 49), QColor(13, 148, 80), QColor(188, 137, 0),
            QColor(36, 114, 200), QColor(188, 63, 188), QColor(17, 140, 160), QColor(160, 160, 160)};
    static const QColor light[8]
        = {QColor(102, 102, 102), QColor(241, 76, 76), QColor(35, 180, 110), QColor(205, 165, 20),
            QColor(59, 142, 234), QColor(214, 112, 214), QColor(41, 184, 219), QColor(229, 229, 229)};
    return bright ? light[code & 7] : normal[code & 7];
}

QColor color256(int n)
{
    if (n < 8)
        return basicColor(n, false);
    if (n < 16)
        return basicColor(n - 8, true);
    if (n < 232) {
        const int v = n - 16;
        const auto level = [](int c) { return c == 0 ? 0 : 55 + c * 40; };
        return QColor(level(v / 36), level((v / 6) % 6), level(v % 6));
    }
    const int grey = 8 + (n - 232) * 10;
    return QColor(grey, grey, grey);
}

void applySgr(const QList<int> &codes, QTextCharFormat &format, const QTextCharFormat &base)
{
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const int code = codes[i];
        if (code == 0) {
            format = base;
        } else if (code == 1) {
            format.setFontWeight(QFont::Bold);
        } else if (code == 22) {
            format.setFontWeight(base.fontWeight());
        } else if (code == 3) {
            format.setFontItalic(true);
        } else if (code == 4) {
            format.setFontUnderline(true);
        } else if (code == 23 || code == 24) {
            format.setFontItalic(false);
            format.setFontUnderline(false);
        } else if (code >= 30 && code <= 37) {
            format.setForeground(basicColor(code - 30, false));
        } else if (code >= 90 && code <= 97) {
            format.setForeground(basicColor(code - 90, true));
        } else if (code == 39) {
            format.setForeground(base.foreground());
        } else if (code >= 40 && code <= 47) {
            format.setBackground(basicColor(code - 40, false));
        } else if (code >= 100 && code <= 107) {
            format.setBackground(basicColor(code - 100, true));
        } else if (code == 49) {
            format.setBackground(base.background());
        } else if ((code == 38 || code == 48) && i + 1 < codes.size()) {
            QColor color;
            if (codes[i + 1] == 5 && i + 2 < codes.size()) {
                color = color256(codes[i + 2]);
                i += 2;
            } else if (codes[i + 1] == 2 && i + 4 < codes.size()) {
                color = QColor(codes[i + 2] & 0xff, codes[i + 3] & 0xff, codes[i + 4] & 0xff);
                i += 4;
            } else {
                continue;
            }
            if (code == 38)
                format.setForeground(color);
            else
                format.setBackground(color);
        }
    }
}

/// Calls `text(from, to)` for each stretch of plain text and `escape(params, final)` for each
/// CSI sequence; other ESC sequences are skipped.
template <typename TextFn, typename EscapeFn>
void scan(const QString &text, TextFn onText, EscapeFn onEscape)
{
    qsizetype plainStart = 0;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (text[i] != QChar(0x1b)) {
            ++i;
            continue;
        }
        if (i > plainStart)
            onText(plainStart, i);
        qsizetype j = i + 1;
        if (j < n && text[j] == QLatin1Char('[')) {
            ++j;
            const qsizetype paramsStart = j;
            while (j < n && (text[j].unicode() < 0x40 || text[j].unicode() > 0x7e))
                ++j;
            if (j < n) {
                onEscape(QStringView(text).mid(paramsStart, j - paramsStart), text[j]);
                ++j;
            }
        } else if (j < n) {
            ++j; // two-character escape
        }
        i = j;
        plainStart = j;
    }
    if (plainStart < n)
        onText(plainStart, n);
}

} // namespace

void AnsiText::insert(QTextCursor &cursor, const QString &text, const QTextCharFormat &base)
{
    QTextCharFormat format = base;
    scan(
        text, [&](qsizetype from, qsizetype to) { cursor.insertText(text.mid(from, to - from), format); },
        [&](QStringView params, QChar final) {
            if (final != QLatin1Char('m'))
                return;
            QList<int> codes;
            for (const auto part : params.split(QLatin1Char(';')))
                codes.append(part.isEmpty() ? 0 : part.toInt());
            if (codes.isEmpty())
                codes.append(0);
            applySgr(codes, format, base);
        });
}

QString AnsiText::stripped(const QString &text)
{
    QString plain;
    plain.reserve(text.size());
    scan(
        text, [&](qsizetype from, qsizetype to) { plain += QStringView(text).mid(from, to - from); },
        [](QStringView, QChar) {});
    return plain;
}

} // namespace tassel::ui
