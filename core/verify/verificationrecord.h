#pragma once

#include "verify/verifyreport.h"

#include <optional>
#include <string>
#include <vector>

namespace tassel {

/// The per-user record of verification runs: `tassel verify` (CLI and GUI) adds each finished
/// run, keyed by the notebook's absolute path and the SHA-256 of its bytes; the folder view reads
/// it back. One JSON file in the user's application data folder (QStandardPaths::AppDataLocation),
/// never beside a notebook, replaced atomically (QSaveFile). Static functions, safe from any
/// thread and process: add() reads, changes and writes the file under a lock file beside it
/// (`verifications.json.lock`), so writers at the same moment keep each other's runs.
class VerificationRecord
{
public:
    /// One finished run of one notebook content.
    struct Run
    {
        std::string path; ///< absolute, cleaned
        std::string sha256; ///< of the notebook's bytes when the run started
        std::string time; ///< ISO 8601, UTC ("2026-12-01T15:30:00Z")
        std::string verdict; ///< "reproduced" or "diverged"
        int reproduced = 0; ///< code cells whose outputs reproduced
        int cells = 0; ///< code cells

        bool operator==(const Run &) const = default;
    };

    /// What the record says about a notebook as it is now.
    struct Lookup
    {
        enum class State {
            Never, ///< no run of this notebook is recorded
            Stale, ///< runs are recorded, but of other contents (`run` is the latest of them)
            Current, ///< `run` verified exactly the current content
        };
        State state = State::Never;
        std::optional<Run> run;

        bool operator==(const Lookup &) const = default;
    };

    /// `<AppDataLocation>/verifications.json`.
    static std::string defaultFile();
    /// The SHA-256 (hex) of the file's bytes; empty when it cannot be read.
    static std::string contentHash(const std::string &notebookPath);
    /// The run `report` describes, of `notebookPath` with content `sha256`, finished now.
    static Run runOf(const VerifyReport &report, const std::string &notebookPath, const std::string &sha256);
    /// Adds `run` (replacing the run of the same path and content); at most kRunsPerNotebook
    /// contents are kept per notebook, the latest. Waits up to kLockTimeoutMs for another writer.
    /// Returns an error message, empty on success.
    static std::string add(const Run &run, const std::string &file = defaultFile());
    /// Adds the run `report` describes unless it was cancelled or `sha256` is empty (the notebook
    /// could not be read); what `tassel verify` and the GUI call. Returns add()'s error.
    static std::string record(const VerifyReport &report, const std::string &notebookPath,
        const std::string &sha256, const std::string &file = defaultFile());
    /// The recorded runs; none when the file is missing or unreadable.
    static std::vector<Run> read(const std::string &file = defaultFile());
    static Lookup lookup(
        const std::vector<Run> &runs, const std::string &notebookPath, const std::string &sha256);

    static constexpr int kRunsPerNotebook = 8;
    static constexpr int kLockTimeoutMs = 10000;
};

} // namespace tassel
