#pragma once

#include "graduate/graduationplan.h"

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace tassel::ui {

class GraduationWizard;

/// The wizard's first page: package name, split mode, what to tolerate, the interpreter to pin
/// from, the data copy limit and whether to re-run first. Accepting it makes the plan.
class WizardOptionsPage : public QWizardPage
{
public:
    explicit WizardOptionsPage(GraduationWizard *wizard);

    bool validatePage() override;
    int nextId() const override;
    void retranslate();

    /// The options as set (the copy limit as last accepted).
    GraduationOptions options() const;
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

    GraduationWizard *m_wizard;
    std::int64_t m_copyDataLimit = GraduationOptions().copyDataLimit;
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
