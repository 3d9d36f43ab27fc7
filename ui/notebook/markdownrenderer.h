#pragma once

#include <QString>
#include <QStringList>

namespace tassel::ui {

/// A notebook's markdown as Jupyter reads it: CommonMark with GitHub's tables, strikethrough,
/// task lists and autolinks, and `$…$`/`$$…$$` LaTeX spans kept whole (so underscores in math are
/// never emphasis), through md4c. The HTML it makes still carries the author's raw HTML: pass it
/// through HtmlSanitizer before showing it. QtCore only; safe from any thread.
class MarkdownRenderer
{
public:
    /// The HTML of `markdown` (LaTeX spans as md4c's `<x-equation>` elements).
    static QString toHtml(const QString &markdown);
    /// The anchors `markdown` defines, as in-notebook links name them: Jupyter's heading ids
    /// (headingAnchor) and the `id`/`name` attributes its raw HTML keeps through HtmlSanitizer.
    static QStringList anchors(const QString &markdown);
    /// Jupyter's id for a heading: its text with each space turned into '-'.
    static QString headingAnchor(const QString &headingText);
};

} // namespace tassel::ui
