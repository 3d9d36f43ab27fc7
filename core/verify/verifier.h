#pragma once

#include "analysis/notebookanalysis.h"
#include "notebook/notebook.h"
#include "util/result.h"
#include "verify/outputcomparer.h"
#include "verify/verifyreport.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace tassel {

struct VerifyOptions
{
    /// The interpreter to run the cells with; empty: `python3` from PATH.
    std::string python;
    double timeoutSeconds = 600; ///< wall-clock limit for the whole run
    double cellTimeoutSeconds = 120; ///< wall-clock limit for one cell
    /// "document" (top to bottom), "execution" (stored execution counts; never-run cells are
    /// left out) or "suggested" (`suggestedOrder`, from the analysis' verdict).
    std::string order = "document";
    std::vector<int> suggestedOrder;
    /// Names of environment variables to pass through; everything else is withheld except what
    /// an interpreter needs to start (PATH, HOME, locale, TMPDIR).
    std::vector<std::string> environment;
    /// Run on after a cell raises. By default the run stops there, as Jupyter's "Run All" does,
    /// unless the stored outputs show the same cell raising.
    bool keepGoing = false;
    /// Where the cells run; empty: the notebook's folder.
    std::string workingDirectory;
    /// Run in a temporary copy of the working directory (removed afterwards), so cells that
    /// write files cannot change the user's folder.
    bool runInCopy = false;
    /// "driver" (Tassel's own driver script), "nbclient" (a Jupyter kernel through nbclient, which
    /// must be importable in `python`) or "auto" (nbclient when importable, else the driver).
    std::string runner = "driver";
    /// How the run's processes are contained, through the tassel-contain helper: "auto" (a PID
    /// namespace where one can be made, else a subreaper that kills every descendant) or
    /// "subreaper" (never a namespace). Without the helper, process groups only.
    std::string containment = "auto";
    OutputComparer::Options comparison;
};

/// Re-executes a notebook's code cells in a fresh Python process (the driver script shipped in
/// the library, which runs them itself or in a Jupyter kernel through nbclient) and compares what
/// comes back with the stored outputs. Never writes the notebook. Blocking: call it off the GUI
/// thread; `cancel` may be set from any thread and ends the run within about 50 ms. The driver
/// starts through the tassel-contain helper with a clean environment; at the end of every run,
/// on a timeout and on cancel the helper kills every process of the run (a PID namespace, or as
/// their subreaper), then Tassel kills the driver's process group and the kernel's (which
/// jupyter_client puts in a session of its own) as well.
class Verifier
{
public:
    /// Called from the calling thread as each cell starts: cell index, 1-based position, total.
    using Progress = std::function<void(int cell, int position, int total)>;

    static Result<VerifyReport> run(const Notebook &notebook, const VerifyOptions &options,
        const std::atomic_bool *cancel = nullptr, const Progress &progress = {});

    /// Attaches the static findings that explain each divergence (NameError at a
    /// use-before-definition, differing output at a stale-output, ...).
    static void explain(VerifyReport &report, const NotebookAnalysis &analysis);

    /// Replaces, in every excerpt, reason, note and re-run output of `report`, each secret value
    /// the scanner finds in `notebook` (anywhere) or in the re-run's own outputs (a cell may print
    /// a secret it built) by its preview. `run` does this before it returns.
    static void maskSecrets(VerifyReport &report, const Notebook &notebook);

    /// The code cells of `notebook` in the order `options` asks for.
    static std::vector<int> runOrder(const Notebook &notebook, const VerifyOptions &options);

    /// Writes a copy of the notebook at `originalPath` with the re-run's outputs and execution
    /// counts to `target` (atomically), every secret SecretScanner finds in it (sources, old and
    /// new outputs, metadata) masked. Refuses to overwrite the original.
    static Result<bool> saveExecuted(
        const std::string &originalPath, const VerifyReport &report, const std::string &target);

    /// The Python driver's source, as embedded in the library.
    static std::string driverScript();
};

} // namespace tassel
