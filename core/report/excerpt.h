#pragma once

#include "analysis/notebookanalysis.h"

#include <string>

namespace tassel {

/// Lines of a cell's source around a finding, for reports, with every secret the analysis
/// found in that cell replaced by its masked preview, so no report shows a value in clear.
class Excerpt
{
public:
    struct Line
    {
        int number = 0; ///< 1-based within the cell
        std::string text;
        bool highlighted = false; ///< part of the finding's range
    };

    /// Up to `context` lines before and after the finding's lines; empty when the finding has
    /// no line or the cell no source.
    static std::vector<Line> around(
        const NotebookAnalysis &analysis, const Finding &finding, int context = 1);
    /// The whole source of `cell` with its secrets masked.
    static std::string maskedSource(const NotebookAnalysis &analysis, int cell);
};

} // namespace tassel
