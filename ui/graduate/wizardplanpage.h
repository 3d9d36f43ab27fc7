#pragma once

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace tassel::ui {

class GraduationWizard;

/// The steps as a table whose titles and function names can be edited, the plan's size and the
/// notes of what the transformation changed.
class WizardPlanPage : public QWizardPage
{
public:
    explicit WizardPlanPage(GraduationWizard *wizard);

    void initializePage() override;
    int nextId() const override;
    void retranslate();

    QTableWidget *table() const { return m_table; }

private:
    void fillTable();
    void showNotes();
    void itemChanged(int row, int column);

    GraduationWizard *m_wizard;
    bool m_filling = false;
    QTableWidget *m_table = nullptr;
    QLabel *m_status = nullptr;
    QPlainTextEdit *m_notes = nullptr;
};

} // namespace tassel::ui
