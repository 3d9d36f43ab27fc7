#pragma once

#include <QString>

class QTextCursor;
class QTextCharFormat;

namespace tassel::ui {

/// Inserts terminal text (tracebacks, coloured logs) into a QTextDocument, turning ANSI SGR
/// escapes (bold, 8/16/256 and true colours, reset) into character formats and dropping the
/// other escape sequences, so that IPython's coloured tracebacks read as they did in Jupyter.
class AnsiText
{
public:
    static void insert(QTextCursor &cursor, const QString &text, const QTextCharFormat &base);
    /// The text without any escape sequence.
    static QString stripped(const QString &text);
};

} // namespace tassel::ui
