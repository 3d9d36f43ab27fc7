#pragma once

#include "analysis/notebookanalysis.h"
#include "graduate/graduationplan.h"
#include "graduate/packagegenerator.h"
#include "graduate/wizardwritepage.h"
#include "notebook/notebook.h"

#include <QWizard>

#include <optional>
#include <set>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace tassel::ui {

class WizardOptionsPage;
class WizardRerunPage;
class WizardPlanPage;
class WizardContractsPage;
class WizardPreviewPage;
class WizardWarningsPage;
class WizardTargetPage;

/// A plan, or why it could not be made (in the window's words).
struct PlanOutcome
{
    std::optional<GraduationPlan> plan;
    QString error;
};

/// Turns the open notebook into a Python package, step by step: package name and split mode,
/// an editable plan (section titles and function names), the inputs' contracts (columns left
/// out, nullability), a highlighted preview of every file,
/// the target folder, then the write. The planner runs off the GUI thread whenever the options
/// change (and again after the re-run), like generation and writing. Each page is its own class
/// (ui/graduate/wizard*page); the wizard holds what they share (the notebook, its analysis, the plan and the
/// generated files) and wires them. Generation and writing run off the GUI thread; the write reports progress
/// and can be cancelled between files. Holds copies of the notebook and its analysis, so the main window may
/// load another notebook meanwhile.
class GraduationWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId {
        OptionsPageId,
        RerunPageId,
        PlanPageId,
        ContractsPageId,
        PreviewPageId,
        WarningsPageId,
        TargetPageId,
        WritePageId
    };
    enum PlanColumn { TitleColumn, FunctionColumn, CellsColumn, ParametersColumn, ReturnsColumn };

    GraduationWizard(const Notebook &notebook, const NotebookAnalysis &analysis, QWidget *parent = nullptr);
    ~GraduationWizard() override;

    /// The plan as edited so far (empty before the options page is accepted).
    const GraduationPlan &plan() const { return m_plan; }
    /// The files of the preview (empty until generated).
    const std::vector<GeneratedFile> &files() const { return m_files; }
    /// Renames step `index`'s function; on refusal returns why (and changes nothing).
    QString renameStep(int index, const QString &name);
    /// The syntax definition name the preview uses for a file ("Python", "TOML", ...).
    static QString definitionNameFor(const QString &path);
    /// Whether writing, generating or the re-run is still running.
    bool isBusy() const;
    /// Whether the plan for the options as they are is still being made.
    bool isPlanning() const;
    /// The plan from `options`, or why there is none. Thread-safe.
    static PlanOutcome makePlan(
        const Notebook &notebook, const NotebookAnalysis &analysis, const GraduationOptions &options);
    const PackageWriteOutcome &writeOutcome() const;

    QLineEdit *packageNameEdit() const;
    QComboBox *splitCombo() const;
    QTableWidget *planTable() const;
    QTreeWidget *contractsTree() const;
    QTreeWidget *fileTree() const;
    QPlainTextEdit *previewEdit() const;
    QLineEdit *targetEdit() const;
    QPushButton *openFolderButton() const;
    QLabel *splitHelp() const;
    QLineEdit *interpreterEdit() const;
    QLineEdit *copyLimitEdit() const;
    QCheckBox *verifyBox() const;
    QLabel *rerunStatus() const;
    /// Whether the options ask for the re-run page (an interpreter to pin from, or a re-run).
    bool needsRerun() const;
    QLabel *warningsLabel() const;
    /// The commands the last page offers to copy ("./run.sh", "python -m pytest").
    static QStringList nextCommands();
    /// What the user should look at before writing (unpinned dependencies); empty when nothing.
    QStringList warnings() const;
    /// Step titles are markdown headings; the table shows them as the reader sees them.
    static QString plainTitle(const std::string &markdown);
    QLabel *writeStatus() const;

signals:
    /// The plan for the options as they are has been made (or refused).
    void planned(bool ok);
    void filesGenerated();
    void rerunFinished(bool ok);
    void writeFinished(bool ok);

protected:
    void reject() override;
    void changeEvent(QEvent *event) override;

private:
    // The pages read and change what the wizard holds for them.
    friend class WizardOptionsPage;
    friend class WizardRerunPage;
    friend class WizardPlanPage;
    friend class WizardContractsPage;
    friend class WizardPreviewPage;
    friend class WizardWarningsPage;
    friend class WizardTargetPage;
    friend class WizardWritePage;

    /// Takes `plan` as the one the later pages show and edit.
    void setPlan(GraduationPlan plan);
    void retranslate();

    Notebook m_notebook;
    NotebookAnalysis m_baseAnalysis; ///< as the main window made it
    NotebookAnalysis m_analysis; ///< the one the plan uses (with the interpreter's versions)
    GraduationPlan m_plan;
    /// The contracts of m_plan.inputs as the planner inferred them (the Contracts page edits copies).
    std::vector<std::optional<DataContract>> m_inferredContracts;
    std::vector<GeneratedFile> m_files;
    std::set<std::string> m_notebookNames; ///< names the notebook binds or reads: no step may take one

    WizardOptionsPage *m_optionsPage = nullptr;
    WizardRerunPage *m_rerunPage = nullptr;
    WizardPlanPage *m_planPage = nullptr;
    WizardContractsPage *m_contractsPage = nullptr;
    WizardPreviewPage *m_previewPage = nullptr;
    WizardWarningsPage *m_warningsPage = nullptr;
    WizardTargetPage *m_targetPage = nullptr;
    WizardWritePage *m_writePage = nullptr;
};

} // namespace tassel::ui
