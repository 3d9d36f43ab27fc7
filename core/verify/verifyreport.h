#pragma once

#include "analysis/finding.h"

#include <optional>
#include <string>
#include <vector>

namespace tassel {

/// What re-running a code cell showed, compared with the outputs stored in the notebook.
enum class VerifyStatus {
    Reproduced, ///< the new outputs match the stored ones after normalisation
    Differs, ///< the cell ran, but its outputs do not match
    Error, ///< the cell raised (and the stored outputs show no such error) or was killed
    NotRun, ///< the run stopped before this cell (earlier error, timeout, cancel, crash)
};

std::string_view verifyStatusName(VerifyStatus status); ///< "reproduced", "differs", "error", "not-run"

/// One code cell's re-execution. Cell indexes are 0-based over all cells, as in Finding.
struct CellVerification
{
    int cell = -1;
    std::string cellId;
    std::optional<int> storedExecutionCount;
    int runPosition = 0; ///< 1-based position in the re-run order; 0 when not run
    VerifyStatus status = VerifyStatus::NotRun;
    /// One sentence in English saying why the status is not "reproduced" (empty when it is).
    std::string reason;
    Message reasonKey; ///< the template id and arguments `reason` was rendered from

    /// Sets `reasonKey` and its English rendering `reason`.
    void setReason(Message key)
    {
        reason = key.english();
        reasonKey = std::move(key);
    }
    /// For differs/error: the first differing output, as stored and as produced (excerpts,
    /// normalised, secrets masked by the renderers).
    std::string expected;
    std::string actual;
    int outputIndex = -1; ///< index of the first differing comparable output, -1 when none
    std::string errorName; ///< exception class when the re-run raised
    std::string errorValue;
    bool timedOut = false;
    double seconds = 0;
    std::vector<std::string> notes; ///< from the driver: skipped magics, install lines, ...
    /// Static findings that explain a divergence, most specific first.
    std::vector<Finding> explanations;
    /// The outputs of the re-run in nbformat 4 JSON (kept as text to keep this a plain value).
    std::string outputsJson;
    int newExecutionCount = 0;

    bool operator==(const CellVerification &) const = default;
};

/// The outcome of `tassel verify` for one notebook: a plain value, safe to copy across threads.
struct VerifyReport
{
    std::string path;
    std::string order; ///< "document", "execution" or "suggested"
    std::string runner = "driver"; ///< the runner that ran: "driver" or "nbclient" (never "auto")
    std::string pythonExecutable;
    std::string pythonVersion;
    std::string ipythonVersion; ///< empty when IPython was not importable
    /// Process id of what Tassel started: the containment helper (`tassel-contain`, leader of
    /// the run's process group), or the driver itself when the helper is missing.
    long long driverPid = 0;
    /// Process id of the Jupyter kernel (leader of its own process group) for the nbclient
    /// runner; 0 when no kernel was started.
    long long kernelPid = 0;
    /// How the run's processes were contained: "pid-namespace" (every process of the run in a
    /// PID namespace, killed with it), "subreaper" (orphans re-parented to the helper, which kills
    /// every descendant) or "process-group" (no helper found: only the process groups are killed).
    std::string containment = "process-group";
    bool containmentUserNamespace = false; ///< the PID namespace needed a user namespace
    bool containmentPrivateProc = false; ///< the cells saw a /proc of their namespace only
    std::string workingDirectory; ///< the folder the cells ran in (the user's, even with a copy)
    bool ranInCopy = false; ///< the cells ran in a temporary copy of `workingDirectory`
    std::string copyDirectory; ///< where that copy was; removed when the run returns
    std::vector<CellVerification> cells; ///< code cells in document order
    bool timedOut = false; ///< the per-run limit ended the run
    bool cancelled = false;
    std::string driverDiagnostics; ///< the driver's stderr (tail), for a crash or a warning
    double seconds = 0;

    int count(VerifyStatus status) const;
    /// Reproduced cells over all code cells (1.0 for a notebook without code cells).
    double repeatability() const;
    /// The first cell in run order whose status is not "reproduced"; nullptr when none.
    const CellVerification *firstDivergence() const;
    const CellVerification *find(int cell) const;
    /// One phrase for `containment`, e.g. "a PID namespace with its own /proc".
    std::string containmentDescription() const;
    bool allReproduced() const { return firstDivergence() == nullptr; }
    /// Cells that differ or raised and that no static finding explains.
    int unexplainedDivergences() const;

    bool operator==(const VerifyReport &) const = default;
};

} // namespace tassel
