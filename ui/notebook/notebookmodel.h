#pragma once

#include "analysis/notebookanalysis.h"
#include "notebook/notebook.h"

#include <QAbstractListModel>
#include <QSet>

#include <memory>

namespace tassel::ui {

/// One row per cell of a notebook, with the findings of its analysis attached to the cells they
/// concern. Holds copies of both values; the GUI thread owns it. Sources are served with
/// hard-coded secrets masked unless the user revealed that cell.
class NotebookModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        CellTypeRole = Qt::UserRole + 1, ///< int (CellType)
        ExecutionCountRole, ///< int, or invalid when the cell was never run
        SourceRole, ///< QString, secrets masked
        BadgesRole, ///< QStringList of the rule ids of the cell's findings, sorted, unique
        FindingCountRole, ///< int
    };

    explicit NotebookModel(QObject *parent = nullptr);

    void setNotebook(const Notebook &notebook);
    /// Shares the caller's copy instead of making one.
    void setNotebook(std::shared_ptr<const Notebook> notebook);
    /// Attaches findings to cells; an analysis of another notebook is ignored.
    void setAnalysis(const NotebookAnalysis &analysis);
    const Notebook &notebook() const { return *m_notebook; }
    const NotebookAnalysis &analysis() const { return m_analysis; }
    bool hasAnalysis() const { return m_hasAnalysis; }

    /// Indexes into analysis().findings of the findings that concern cell `row`.
    const std::vector<int> &findingsOfCell(int row) const;
    /// The source as shown: secrets replaced by bullets unless revealed.
    QString displaySource(int row) const;
    /// The text of one output as shown (secrets in outputs masked the same way).
    std::string displayOutputText(int row, int outputIndex, const std::string &text) const;
    bool isRevealed(int row) const { return m_revealed.contains(row); }
    void setRevealed(int row, bool revealed);
    bool hasSecrets(int row) const;
    /// Whether output `outputIndex` of `row` shows a masked secret now.
    bool outputHasSecrets(int row, int outputIndex) const
    {
        return !isRevealed(row) && !secretsOf(row, outputIndex).empty();
    }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// Replaces the ranges the findings point at (1-based line, 1-based column in code points,
    /// end exclusive) by one bullet per character. Public for tests.
    static std::string maskRanges(const std::string &text, const std::vector<const Finding *> &secrets);

private:
    std::vector<const Finding *> secretsOf(int row, int outputIndex) const;

    std::shared_ptr<const Notebook> m_notebook = std::make_shared<const Notebook>();
    NotebookAnalysis m_analysis;
    bool m_hasAnalysis = false;
    std::vector<std::vector<int>> m_findingsByCell;
    QSet<int> m_revealed;
};

} // namespace tassel::ui
