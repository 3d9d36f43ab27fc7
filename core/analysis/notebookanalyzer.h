#pragma once

#include "analysis/notebookanalysis.h"
#include "notebook/notebook.h"
#include "python/pythoncellanalyzer.h"

#include <string>

namespace tassel {

struct AnalysisOptions
{
    bool secrets = true;
    bool dependencies = true;
    /// Python version to judge imports against ("3.12"); empty: the notebook's
    /// language_info.version, else the newest Tassel knows.
    std::string pythonVersion;
    /// An interpreter to ask for installed distributions (`--python`); empty: none.
    std::string pythonInterpreter;
    /// What one code cell may cost before it is skipped with an analysis-limit finding.
    PythonCellAnalyzer::Limits cellLimits;
};

/// Runs every analysis over one notebook and returns the value the GUI, CLI and reports share.
/// Thread-safe: analyse many notebooks in parallel.
NotebookAnalysis analyzeNotebook(const Notebook &notebook, const AnalysisOptions &options = {});

/// Loads `path` and analyses it; a notebook that cannot be loaded gives an analysis whose
/// `error` says why (file, line, column) and nothing else.
NotebookAnalysis analyzeFile(const std::string &path, const AnalysisOptions &options = {});

} // namespace tassel
