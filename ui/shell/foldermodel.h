#pragma once

#include "analysis/notebookanalysis.h"
#include "verify/verificationrecord.h"

#include <QAbstractTableModel>
#include <QDir>

#include <optional>
#include <vector>

namespace tassel::ui {

/// One notebook of a folder as the folder view lists it.
struct FolderEntry
{
    QString path; ///< absolute
    QString relativePath; ///< to the folder, as shown
    /// The overall status (as `tassel check` reports it); nothing when the notebook could not be
    /// read or the check was cancelled before it (`problem` says which).
    std::optional<VerdictStatus> status;
    QString problem;
    int errors = 0;
    int warnings = 0;
    int secrets = 0;
    /// The last recorded verification (VerificationRecord) of the notebook's current content.
    VerificationRecord::Lookup verification;

    bool operator==(const FolderEntry &) const = default;

    /// The entry of `analysis`; for a notebook that was read, its verification among `runs`
    /// (which hashes the file: call it off the GUI thread).
    static FolderEntry fromAnalysis(const NotebookAnalysis &analysis, const QDir &folder,
        const std::vector<VerificationRecord::Run> &runs = {});
};

/// The notebooks of a folder and their check results, one row each; sortable through a
/// QSortFilterProxyModel on SortRole (status worst-last, counts as numbers). GUI thread only.
class FolderModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NotebookColumn, StatusColumn, ErrorsColumn, WarningsColumn, SecretsColumn, VerifiedColumn };
    enum Role { SortRole = Qt::UserRole + 1, PathRole };
    static constexpr int kColumnCount = VerifiedColumn + 1;

    explicit FolderModel(QObject *parent = nullptr);

    void setEntries(std::vector<FolderEntry> entries);
    const std::vector<FolderEntry> &entries() const { return m_entries; }
    /// The status word shown for an entry ("ok", "risky", "broken", as in the JSON report).
    static QString statusText(const FolderEntry &entry);
    /// The "Last verification" cell: the time and outcome, "stale (time)" or "never".
    static QString verificationText(const FolderEntry &entry);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const FolderEntry &entry, int column) const;
    QVariant sortKey(const FolderEntry &entry, int column) const;
    static QString verificationToolTip(const FolderEntry &entry);

    std::vector<FolderEntry> m_entries;
};

} // namespace tassel::ui
