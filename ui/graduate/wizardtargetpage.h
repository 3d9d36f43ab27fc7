#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace tassel::ui {

class GraduationWizard;

/// The target folder, suggested beside the notebook; the commit point (no way back once
/// writing starts).
class WizardTargetPage : public QWizardPage
{
public:
    explicit WizardTargetPage(GraduationWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    void retranslate();

    /// The folder as typed (trimmed), a leading `~` standing for the home folder.
    QString target() const;
    /// Whether the user consented to writing into a non-empty folder.
    bool force() const;
    QLineEdit *targetEdit() const { return m_targetEdit; }

    /// How the wizard shows a folder: native separators, the user's home folder as `~`, so a
    /// path reads the same whoever's machine it is on (and in the README's screenshots).
    static QString shownPath(const QString &path);
    /// The folder `text` names: a leading `~` (alone or before a separator) is the home folder.
    static QString expandedPath(const QString &text);

private:
    void suggestTarget();
    QString checkTarget() const;

    GraduationWizard *m_wizard;
    QString m_suggestedTarget; ///< the default folder last put in the edit (replaced while unedited)
    QLabel *m_targetLabel = nullptr;
    QLineEdit *m_targetEdit = nullptr;
    QPushButton *m_browse = nullptr;
    QCheckBox *m_force = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace tassel::ui
