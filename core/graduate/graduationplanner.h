#pragma once

#include "analysis/notebookanalysis.h"
#include "graduate/graduationplan.h"
#include "notebook/notebook.h"
#include "util/result.h"
#include "verify/verifyreport.h"

namespace tassel {

/// Computes a GraduationPlan from a notebook and its analysis: sections and their functions
/// (parameters = names read from earlier sections, returns = names later sections read),
/// helpers, configuration, dependencies and secrets. Fails with code "hidden-state" when cells
/// read names defined later or nowhere, unless the options allow it. Stateless, thread-safe.
class GraduationPlanner
{
public:
    static Result<GraduationPlan> plan(
        const Notebook &notebook, const NotebookAnalysis &analysis, const GraduationOptions &options);
    /// `tassel graduate --verify`: every step with a cell whose re-run (`report`, explained) did
    /// not reproduce its stored output gets a reason as `xfailReason`, so its regression tests are
    /// expected to fail: the static finding that explains it, else verify's own sentence. Replaces
    /// the reasons plan() gave from the analysis alone: a step that reproduced is not xfail.
    static void markUnreproduced(GraduationPlan &plan, const Notebook &notebook, const VerifyReport &report,
        const NotebookAnalysis &analysis);
    /// The notebook's folder as the package at `packageDir` finds it (relative), for inputs
    /// read beside the notebook rather than copied into data/ (`plan.notebookFolder`).
    static std::string notebookFolderFrom(const std::string &packageDir, const std::string &notebookPath);
};

} // namespace tassel
