#pragma once

#include "analysis/notebookanalysis.h"
#include "notebook/notebook.h"
#include "verify/verifyreport.h"

#include <QColor>
#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QTreeView;

namespace tassel::ui {

/// The outcome of re-running the notebook (`tassel verify`): the repeatability score and counts
/// on top, one row per code cell with its status (worded and coloured), why, the first
/// divergence and the findings that explain it, and the selected row's details below. While a
/// run goes on it shows its progress and a Cancel button. Every excerpt is masked: the secrets
/// the scanner finds in the notebook or in the re-run's outputs (Verifier::maskSecrets) and any
/// other token that looks like a key. GUI thread only.
class VerifyPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column { CellColumn, StatusColumn, ReasonColumn, ExpectedColumn, ActualColumn, ExplanationColumn };
    enum Role {
        CellRole = Qt::UserRole + 1, ///< int, 0-based cell index over all cells
        StatusRole, ///< QString: verifyStatusName, e.g. "not-run"
        RulesRole, ///< QStringList: rule ids of the explaining findings
    };

    explicit VerifyPanel(QWidget *parent = nullptr);

    /// Back to "not verified yet" (a new notebook was loaded).
    void clear();
    void setRunning();
    /// Cell `cell` (0-based over all cells) started, as `position` of `total`.
    void setProgress(int cell, int position, int total);
    void setFailed(const QString &message);
    /// Shows a finished (or cancelled) run; `notebook` is the one it ran on, whose secrets are
    /// masked wherever they show.
    void setReport(const VerifyReport &report, const Notebook &notebook);

    bool isRunning() const { return m_running; }
    bool hasReport() const { return m_hasReport; }
    const VerifyReport &report() const { return m_report; }
    /// Selects the row of `cell` without emitting; false when the cell has no row.
    bool selectCell(int cell);
    /// The row of `cell`, or -1.
    int rowOfCell(int cell) const;

    QString summaryText() const;
    QString progressText() const;
    QString detailsText() const;
    QTreeView *view() const { return m_view; }
    QAbstractItemModel *model() const;
    QPushButton *cancelButton() const { return m_cancel; }

    /// The words and colour for a cell's status (a killed cell of a cancelled run says so).
    static QString statusText(const CellVerification &cell, const VerifyReport &report);
    static QColor statusColor(VerifyStatus status);

signals:
    void cellActivated(int cell);
    void cancelRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void rebuild();
    void showDetails(int row);
    QString masked(const std::string &text) const;

    QLabel *m_summary;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QTreeView *m_view;
    QStandardItemModel *m_model;
    QPlainTextEdit *m_details;
    VerifyReport m_report;
    bool m_running = false;
    bool m_hasReport = false;
    bool m_selecting = false;
    QString m_failure;
};

} // namespace tassel::ui
