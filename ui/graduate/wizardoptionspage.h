#pragma once

#include "graduate/graduationwizard.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace tassel::ui {

/// The wizard's first page: package name, split mode, what to tolerate, the interpreter to pin
/// from, the data copy limit and whether to re-run first. Every change of an option that the
/// plan depends on makes the plan again off the GUI thread (one run at a time; a result for
/// options changed meanwhile is dropped and the plan made again); the page is complete when the
/// plan for the options as they are has been made, and says why when it cannot be.
class WizardOptionsPage : public QWizardPage
{
public:
    explicit WizardOptionsPage(GraduationWizard *wizard);
    ~WizardOptionsPage() override;

    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;
    void retranslate();

    /// The options the current plan was made from.
    const GraduationOptions &options() const { return m_options; }
    /// Whether the plan for the options as they are is still being made.
    bool isPlanning() const { return m_plannedFor != m_changes; }
    /// Waits for a running planner.
    void stop();
    /// Whether the options ask for the re-run page (an interpreter to pin from, or a re-run).
    bool needsRerun() const;
    std::string interpreter() const;
    bool verifyFirst() const;

    QLineEdit *nameEdit() const { return m_nameEdit; }
    QComboBox *splitCombo() const { return m_splitCombo; }
    QLabel *splitHelp() const { return m_splitHelp; }
    QLineEdit *interpreterEdit() const { return m_interpreterEdit; }
    QLineEdit *copyLimitEdit() const { return m_copyLimitEdit; }
    QCheckBox *verifyBox() const { return m_verifyBox; }

private:
    void explainSplit();
    void optionsChanged();
    void startPlanning();
    void planned();
    void finishPlanning(PlanOutcome outcome);

    GraduationWizard *m_wizard;
    QFutureWatcher<PlanOutcome> m_watcher;
    int m_changes = 0; ///< counts the changes of the options
    int m_runningFor = -1; ///< the change the running planner works for
    int m_plannedFor = -1; ///< the change m_outcome belongs to
    GraduationOptions m_options; ///< as the running or last planner got them
    PlanOutcome m_outcome;
    QTimer m_busyDelay; ///< the busy bar shows only when planning takes a while
    QProgressBar *m_busy = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_splitLabel = nullptr;
    QComboBox *m_splitCombo = nullptr;
    QLabel *m_splitHelp = nullptr;
    QCheckBox *m_hiddenState = nullptr;
    QCheckBox *m_brokenCells = nullptr;
    QLabel *m_interpreterLabel = nullptr;
    QLineEdit *m_interpreterEdit = nullptr;
    QLabel *m_copyLimitLabel = nullptr;
    QLineEdit *m_copyLimitEdit = nullptr;
    QCheckBox *m_verifyBox = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace tassel::ui
