#pragma once

namespace KSyntaxHighlighting {
class Repository;
class Definition;
} // namespace KSyntaxHighlighting

#include <QString>

namespace tassel::ui {

/// The process-wide KSyntaxHighlighting repository. Loading definitions takes tens of
/// milliseconds, so it happens once, on first use, on the GUI thread.
class SyntaxRepository
{
public:
    static KSyntaxHighlighting::Repository &instance();
    /// The definition for a code cell: the notebook's `language` when it is not Python ("C++",
    /// "R", "Julia"), else Python or the language of its cell magic (%%bash → Bash, ...).
    static KSyntaxHighlighting::Definition definitionForCell(
        const QString &source, const QString &language = QString());
    /// The definition for a notebook language as its metadata names it; invalid when unknown.
    static KSyntaxHighlighting::Definition definitionForLanguage(const QString &language);
};

} // namespace tassel::ui
