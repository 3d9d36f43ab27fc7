#pragma once

#include "analysis/notebookanalysis.h"

#include <string>
#include <vector>

namespace tassel {

/// One self-contained HTML page for a run: a summary table, each notebook's verdict, and its
/// findings with code excerpts. Everything from a notebook is escaped; secrets are masked;
/// no scripts, no external resources.
class HtmlReport
{
public:
    static std::string render(const std::vector<NotebookAnalysis> &analyses);
    static std::string escape(std::string_view text);
};

/// The same content as Markdown, for pull-request comments.
class MarkdownReport
{
public:
    static std::string render(const std::vector<NotebookAnalysis> &analyses);
};

} // namespace tassel
