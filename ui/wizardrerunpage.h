#pragma once

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
/// the notebook's re-run when asked for, or why it could not be done.
struct RerunOutcome
{
    NotebookAnalysis analysis;
    std::optional<VerifyReport> report;
    QString error;
};

/// Asks the chosen interpreter for installed versions and re-runs the notebook, off the GUI
/// thread; complete once both are done and the plan is made again from what they found.
class WizardRerunPage : public QWizardPage
{
public:
    explicit WizardRerunPage(GraduationWizard *wizard);
    ~WizardRerunPage() override;

    void initializePage() override;
    bool isComplete() const override;
    void retranslate();

    bool isRunning() const { return m_watcher.isRunning(); }
    /// Stops a running re-run and waits for it.
    void stop();
    QLabel *status() const { return m_status; }

private:
    void start();
    void done();

    GraduationWizard *m_wizard;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QFutureWatcher<RerunOutcome> m_watcher;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace tassel::ui
