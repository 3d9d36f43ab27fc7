#pragma once

#include "notebook/notebook.h"

#include <QFrame>

class QLabel;
class QPlainTextEdit;
class QTextBrowser;
class QVBoxLayout;

namespace tassel::ui {

/// Shows one cell: a gutter with its execution count and position, the source (highlighted
/// code or rendered markdown) and its outputs. Owns copies of what it shows.
class CellWidget : public QFrame
{
    Q_OBJECT
public:
    CellWidget(const Cell &cell, int index, QWidget *parent = nullptr);

    int index() const { return m_index; }
    /// The source as shown (code text, or the markdown source for markdown cells).
    QString sourceText() const;
    CellType cellType() const { return m_type; }

private:
    void addOutput(const Output &output, QVBoxLayout *layout);

    int m_index;
    CellType m_type;
    QString m_source;
    QPlainTextEdit *m_code = nullptr;
    QTextBrowser *m_markdown = nullptr;
};

} // namespace tassel::ui
