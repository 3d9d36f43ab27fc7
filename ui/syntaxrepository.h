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
    /// The definition for a code cell: Python, or the language of its cell magic
    /// (%%bash → Bash, %%sql → SQL, %%html → HTML, ...).
    static KSyntaxHighlighting::Definition definitionForCell(const QString &source);
};

} // namespace tassel::ui
