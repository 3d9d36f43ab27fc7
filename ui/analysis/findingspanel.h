#pragma once

#include "analysis/notebookanalysis.h"
#include "verify/verifyreport.h"

#include <QWidget>

#include <optional>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
class QTreeView;

namespace tassel::ui {

/// The findings of one analysis, grouped by severity and rule, with the notebook's verdict
/// on top and a text and severity filter. Findings of one rule about the same names share an
/// expandable row with their count; rows wrap instead of eliding. Selecting a finding emits
/// findingActivated.
class FindingsPanel : public QWidget
{
    Q_OBJECT
public:
    enum Role {
        FindingIndexRole = Qt::UserRole + 1,
        SeverityRole,
        SameNamesRole, ///< true on a row that groups findings about the same names
    };

    explicit FindingsPanel(QWidget *parent = nullptr);

    void setAnalysis(const NotebookAnalysis &analysis);
    void clear();
    /// Selects the row of finding `index` (into analysis.findings) without emitting.
    void selectFinding(int index);
    void setFilterText(const QString &text);
    QString verdictText() const;
    /// The overall status line (ok / risky / broken with the counts of both questions).
    QString statusText() const;
    /// Adds what the last re-run showed to the status line (cells reproduced, divergences no
    /// finding explains); a new analysis shows the line without it again.
    void showVerification(const VerifyReport &report);
    QTreeView *treeView() const { return m_tree; }
    /// The model behind the tree (after filtering), for tests.
    QAbstractItemModel *filteredModel() const;

signals:
    void findingActivated(int index);

protected:
    void changeEvent(QEvent *event) override;

private:
    void addFindings(const NotebookAnalysis &analysis);
    void addMembers(QStandardItem *group, const NotebookAnalysis &analysis, const std::vector<int> &members,
        Severity severity);
    static QStandardItem *findingItem(const Finding &finding, int index, Severity severity);
    void expandGroups();
    void applySeverityFilter();
    void showStatus(const Verdict &verdict);
    /// Colours the status line for the current palette (again after a theme switch).
    void colourStatus();

    QLabel *m_status;
    QString m_statusBase; ///< the status line from the analysis alone
    std::optional<VerdictStatus> m_statusKind; ///< what the line shows; nothing when empty
    bool m_statusDiverged = false; ///< an "ok" notebook whose re-run changed outputs
    QLabel *m_verdict;
    QLineEdit *m_filter;
    QComboBox *m_severity;
    QTreeView *m_tree;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    bool m_selecting = false;
};

} // namespace tassel::ui
