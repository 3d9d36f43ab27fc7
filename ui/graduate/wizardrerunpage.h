#pragma once

#include "graduate/graduationwizard.h"

#include "analysis/notebookanalysis.h"
#include "verify/verifyreport.h"

#include <QFutureWatcher>
#include <QWizardPage>

#include <atomic>
#include <memory>
#include <optional>

class QLabel;
class QProgressBar;

namespace tassel::ui {

class GraduationWizard;

/// What the re-run page found: the analysis with the chosen interpreter's versions (for pins),
/// the notebook's re-run when asked for and the plan made again from them (its steps marked
/// where the re-run did not reproduce), or why it could not be done.
struct RerunOutcome
{
    NotebookAnalysis analysis;
    std::optional<VerifyReport> report;
    PlanOutcome plan;
    QString error;
};

/// Asks the chosen interpreter for installed versions and re-runs the notebook, then makes the
/// plan again from what they found, all off the GUI thread; complete once that succeeded. Going
/// back cancels a run; coming back starts one with the options as they are then.
class WizardRerunPage : public QWizardPage
{
public:
    explicit WizardRerunPage(GraduationWizard *wizard);
    ~WizardRerunPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    void retranslate();

    bool isRunning() const { return m_watcher.isRunning(); }
    /// Stops a running re-run (and those left behind) and waits for them.
    void stop();
    QLabel *status() const { return m_status; }

private:
    void start();
    void done();
    /// The status lines after a successful run: problems, reproduction, marks, pins.
    QStringList summary(const std::optional<VerifyReport> &report) const;

    GraduationWizard *m_wizard;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QFutureWatcher<RerunOutcome> m_watcher;
    QList<QFuture<RerunOutcome>> m_left; ///< cancelled runs not finished yet
    bool m_wanted = false; ///< whether the watched run is for the page as shown
    bool m_ok = false; ///< whether the last run and its plan succeeded
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace tassel::ui
