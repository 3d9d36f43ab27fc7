#pragma once

#include <QWizardPage>

class QLabel;

namespace tassel::ui {

class GraduationWizard;

/// What the package will not pin down; the wizard shows it only when there is something to say.
class WizardWarningsPage : public QWizardPage
{
public:
    explicit WizardWarningsPage(GraduationWizard *wizard);

    void initializePage() override;
    void retranslate();

    QLabel *label() const { return m_warnings; }

private:
    GraduationWizard *m_wizard;
    QLabel *m_warnings = nullptr;
};

} // namespace tassel::ui
