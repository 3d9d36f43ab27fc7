#pragma once

#include <QFutureWatcher>
#include <QStringList>
#include <QWizardPage>

#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace tassel::ui {

class GraduationWizard;

/// The outcome of writing a package: the files written before an error or a cancel, and why
/// it stopped (empty when every file was written).
struct PackageWriteOutcome
{
    QStringList written;
    QString error;
    bool cancelled = false;
};

/// Writes the package off the GUI thread with a progress bar and a cancel button (it stops
/// between files), then offers to open the folder and the commands to run next.
class WizardWritePage : public QWizardPage
{
public:
    explicit WizardWritePage(GraduationWizard *wizard);
    ~WizardWritePage() override;

    void initializePage() override;
    bool isComplete() const override;
    void retranslate();

    bool isRunning() const { return m_watcher.isRunning(); }
    /// Asks a running write to stop after the file it is writing.
    void cancel();
    /// Cancels a running write and waits for it.
    void stop();
    const PackageWriteOutcome &outcome() const { return m_outcome; }
    QPushButton *openFolderButton() const { return m_openFolder; }
    QLabel *status() const { return m_status; }

private:
    void addCommands();
    void start();
    void done();

    GraduationWizard *m_wizard;
    PackageWriteOutcome m_outcome;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<PackageWriteOutcome> m_watcher;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_cancelWrite = nullptr;
    QPushButton *m_openFolder = nullptr;
    QWidget *m_commands = nullptr;
    QLabel *m_commandsLabel = nullptr;
    QList<QPushButton *> m_copyButtons;
};

} // namespace tassel::ui
