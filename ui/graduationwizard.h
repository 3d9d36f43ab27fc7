#pragma once

#include "analysis/notebookanalysis.h"
#include "graduate/graduationplan.h"
#include "graduate/packagegenerator.h"
#include "notebook/notebook.h"
#include "verify/verifyreport.h"

#include <QFutureWatcher>
#include <QWizard>

#include <atomic>
#include <memory>
#include <optional>
#include <set>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace tassel::ui {

/// What the re-run page found: the analysis with the chosen interpreter's versions (for pins),
/// the notebook's re-run when asked for, or why it could not be done.
struct RerunOutcome
{
    NotebookAnalysis analysis;
    std::optional<VerifyReport> report;
    QString error;
};

/// The outcome of writing a package: the files written before an error or a cancel, and why
/// it stopped (empty when every file was written).
struct PackageWriteOutcome
{
    QStringList written;
    QString error;
    bool cancelled = false;
};

/// Turns the open notebook into a Python package, step by step: package name and split mode,
/// an editable plan (section titles and function names), a highlighted preview of every file,
/// the target folder, then the write. Generation and writing run off the GUI thread; the
/// write reports progress and can be cancelled between files. Holds copies of the notebook and
/// its analysis, so the main window may load another notebook meanwhile.
class GraduationWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId {
        OptionsPageId,
        RerunPageId,
        PlanPageId,
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
    /// Whether writing or generating is still running.
    bool isBusy() const;
    const PackageWriteOutcome &writeOutcome() const { return m_outcome; }

    QLineEdit *packageNameEdit() const { return m_nameEdit; }
    QComboBox *splitCombo() const { return m_splitCombo; }
    QTableWidget *planTable() const { return m_planTable; }
    QTreeWidget *fileTree() const { return m_fileTree; }
    QPlainTextEdit *previewEdit() const { return m_preview; }
    QLineEdit *targetEdit() const { return m_targetEdit; }
    QPushButton *openFolderButton() const { return m_openFolder; }
    QLabel *splitHelp() const { return m_splitHelp; }
    QLineEdit *interpreterEdit() const { return m_interpreterEdit; }
    QLineEdit *copyLimitEdit() const { return m_copyLimitEdit; }
    QCheckBox *verifyBox() const { return m_verifyBox; }
    QLabel *rerunStatus() const { return m_rerunStatus; }
    /// Whether the options ask for the re-run page (an interpreter to pin from, or a re-run).
    bool needsRerun() const;
    QLabel *warningsLabel() const { return m_warnings; }
    /// The commands the last page offers to copy ("./run.sh", "python -m pytest").
    static QStringList nextCommands();
    /// What the user should look at before writing (unpinned dependencies); empty when nothing.
    QStringList warnings() const;
    /// Step titles are markdown headings; the table shows them as the reader sees them.
    static QString plainTitle(const std::string &markdown);
    QLabel *writeStatus() const { return m_writeStatus; }

signals:
    void filesGenerated();
    void rerunFinished(bool ok);
    void writeFinished(bool ok);

protected:
    void reject() override;
    void changeEvent(QEvent *event) override;

private:
    friend class OptionsPage;
    friend class RerunPage;
    friend class PlanPage;
    friend class PreviewPage;
    friend class WarningsPage;
    friend class TargetPage;
    friend class WritePage;

    QString makePlan();
    void fillPlanTable();
    void planItemChanged(int row, int column);
    void startRerun();
    void rerunDone();
    void startGeneration();
    void showFile(const QString &path);
    void explainSplit();
    void fillWarnings();
    void suggestTarget();
    void writeDone();
    QString checkTarget() const;
    void startWrite();
    void cancelWrite();
    void retranslate();

    Notebook m_notebook;
    NotebookAnalysis m_baseAnalysis; ///< as the main window made it
    NotebookAnalysis m_analysis; ///< the one the plan uses (with the interpreter's versions)
    std::int64_t m_copyDataLimit = GraduationOptions().copyDataLimit;
    GraduationPlan m_plan;
    std::vector<GeneratedFile> m_files;
    std::set<std::string> m_notebookNames; ///< names the notebook binds or reads: no step may take one
    PackageWriteOutcome m_outcome;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic_bool> m_rerunCancel;
    QFutureWatcher<RerunOutcome> m_rerunWatcher;
    QFutureWatcher<std::vector<GeneratedFile>> m_generateWatcher;
    QFutureWatcher<PackageWriteOutcome> m_writeWatcher;
    bool m_filling = false;
    bool m_written = false;

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
    QLabel *m_optionsError = nullptr;
    QProgressBar *m_rerunProgress = nullptr;
    QLabel *m_rerunStatus = nullptr;
    QTableWidget *m_planTable = nullptr;
    QLabel *m_planStatus = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QTreeWidget *m_fileTree = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter = nullptr;
    QLabel *m_previewStatus = nullptr;
    QLabel *m_warnings = nullptr;
    QLabel *m_targetLabel = nullptr;
    QString m_suggestedTarget; ///< the default folder last put in the edit (replaced while unedited)
    QLineEdit *m_targetEdit = nullptr;
    QPushButton *m_browse = nullptr;
    QCheckBox *m_force = nullptr;
    QLabel *m_targetError = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_writeStatus = nullptr;
    QPushButton *m_cancelWrite = nullptr;
    QPushButton *m_openFolder = nullptr;
    QWidget *m_commands = nullptr;
    QLabel *m_commandsLabel = nullptr;
    QList<QPushButton *> m_copyButtons;
};

} // namespace tassel::ui
