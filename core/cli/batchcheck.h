#pragma once

#include "analysis/notebookanalysis.h"
#include "analysis/notebookanalyzer.h"

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace tassel::cli {

/// What `tassel check` and the GUI's folder view ask of a batch of notebooks.
struct BatchCheckOptions
{
    AnalysisOptions analysis;
    int jobs = 0; ///< notebooks analysed in parallel; 0: one per core
    std::vector<std::string> select; ///< report only these rules (empty: all)
    std::vector<std::string> ignore; ///< never report these rules
};

/// The error of an analysis the batch checker skipped because it was cancelled.
inline constexpr const char *kCancelledError = "cancelled";

/// The batch checker: analyses `notebooks` on a private thread pool, largest file first, and
/// returns their analyses in the order given whatever the number of threads. `progress` (may be
/// empty) is called from the worker threads, serialised, with (finished, total). Once `cancel`
/// (may be null) is true, notebooks not yet started are skipped: their analysis has the path
/// and the error kCancelledError. Blocks until done; thread-safe.
std::vector<NotebookAnalysis> checkNotebooks(const std::vector<std::string> &notebooks,
    const BatchCheckOptions &options, const std::function<void(std::size_t, std::size_t)> &progress = {},
    const std::atomic_bool *cancel = nullptr);

/// Drops the findings `select`/`ignore` leave out (as `--select` and `--ignore` do).
void filterFindings(NotebookAnalysis &analysis, const std::vector<std::string> &select,
    const std::vector<std::string> &ignore);

} // namespace tassel::cli
