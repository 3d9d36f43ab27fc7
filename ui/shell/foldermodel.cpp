#include "shell/foldermodel.h"

#include "analysis/ruletext.h"
#include "shell/theme.h"

#include "cli/batchcheck.h"

#include <QApplication>
#include <QColor>
#include <QDateTime>
#include <QLocale>
#include <QPalette>

namespace tassel::ui {

namespace {
const std::string kSecretRule = "hardcoded-secret";
} // namespace

FolderEntry FolderEntry::fromAnalysis(
    const NotebookAnalysis &analysis, const QDir &folder, const std::vector<VerificationRecord::Run> &runs)
{
    FolderEntry entry;
    entry.path = QDir::cleanPath(folder.absoluteFilePath(QString::fromStdString(analysis.path)));
    entry.relativePath = folder.relativeFilePath(entry.path);
    if (analysis.error) {
        entry.problem = QString::fromStdString(*analysis.error);
        return entry;
    }
    entry.status = analysis.verdict.status;
    if (!runs.empty())
        entry.verification = VerificationRecord::lookup(
            runs, entry.path.toStdString(), VerificationRecord::contentHash(entry.path.toStdString()));
    for (const Finding &finding : analysis.findings) {
        entry.errors += finding.severity == Severity::Error ? 1 : 0;
        entry.warnings += finding.severity == Severity::Warning ? 1 : 0;
        entry.secrets += finding.rule == kSecretRule ? 1 : 0;
    }
    return entry;
}

FolderModel::FolderModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void FolderModel::setEntries(std::vector<FolderEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

QString FolderModel::statusText(const FolderEntry &entry)
{
    if (entry.status)
        return RuleText::verdict(*entry.status);
    return entry.problem == QLatin1String(cli::kCancelledError) ? tr("not checked") : tr("unreadable");
}

int FolderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int FolderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kColumnCount;
}

QVariant FolderModel::display(const FolderEntry &entry, int column) const
{
    const bool counted = entry.status.has_value();
    switch (column) {
    case NotebookColumn:
        return entry.relativePath;
    case StatusColumn:
        return statusText(entry);
    case ErrorsColumn:
        return counted ? QVariant(entry.errors) : QVariant();
    case WarningsColumn:
        return counted ? QVariant(entry.warnings) : QVariant();
    case SecretsColumn:
        return counted ? QVariant(entry.secrets) : QVariant();
    case VerifiedColumn:
        return verificationText(entry);
    }
    return {};
}

namespace {
QString localTime(const VerificationRecord::Run &run)
{
    const QDateTime time = QDateTime::fromString(QString::fromStdString(run.time), Qt::ISODate);
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}
} // namespace

QString FolderModel::verificationText(const FolderEntry &entry)
{
    using State = VerificationRecord::Lookup::State;
    const auto &run = entry.verification.run;
    if (entry.verification.state == State::Never || !run)
        return tr("never");
    if (entry.verification.state == State::Stale)
        return tr("stale (%1)").arg(localTime(*run));
    return run->verdict == "reproduced"
        ? tr("%1: reproduced").arg(localTime(*run))
        : tr("%1: %2 of %3 reproduced").arg(localTime(*run)).arg(run->reproduced).arg(run->cells);
}

QString FolderModel::verificationToolTip(const FolderEntry &entry)
{
    using State = VerificationRecord::Lookup::State;
    switch (entry.verification.state) {
    case State::Never:
        break;
    case State::Stale:
        return tr("The notebook changed since its last verification: run Verify again");
    case State::Current:
        return tr("%1 of %2 code cells reproduced when this content was last verified")
            .arg(entry.verification.run->reproduced)
            .arg(entry.verification.run->cells);
    }
    return tr("No verification of this notebook is recorded (File ▸ Verify (Re-run)…, or tassel verify)");
}

QVariant FolderModel::sortKey(const FolderEntry &entry, int column) const
{
    switch (column) {
    case StatusColumn:
        // ok < risky < broken < unreadable: the worst sort together at one end.
        return entry.status ? int(*entry.status) : int(VerdictStatus::Broken) + 1;
    case ErrorsColumn:
        return entry.status ? entry.errors : -1;
    case WarningsColumn:
        return entry.status ? entry.warnings : -1;
    case SecretsColumn:
        return entry.status ? entry.secrets : -1;
    case VerifiedColumn:
        // Never, then stale, then verified; by time within each.
        return QString::number(int(entry.verification.state))
            + QString::fromStdString(entry.verification.run ? entry.verification.run->time : std::string());
    default:
        return display(entry, column);
    }
}

QVariant FolderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FolderEntry &entry = m_entries[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(entry, index.column());
    case SortRole:
        return sortKey(entry, index.column());
    case PathRole:
        return entry.path;
    case Qt::TextAlignmentRole:
        return index.column() >= ErrorsColumn && index.column() <= SecretsColumn
            ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
            : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == VerifiedColumn)
            return verificationToolTip(entry);
        return entry.problem.isEmpty() ? QVariant(entry.path)
                                       : QVariant(entry.path + QLatin1Char('\n') + entry.problem);
    case Qt::ForegroundRole:
        if (index.column() != StatusColumn)
            return {};
        return Theme::statusColor(entry.status.value_or(VerdictStatus::Broken), QApplication::palette());
    default:
        return {};
    }
}

QVariant FolderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NotebookColumn:
        return tr("Notebook");
    case StatusColumn:
        return tr("Status");
    case ErrorsColumn:
        return tr("Errors");
    case WarningsColumn:
        return tr("Warnings");
    case SecretsColumn:
        return tr("Secrets");
    case VerifiedColumn:
        return tr("Last verification");
    }
    return {};
}

} // namespace tassel::ui
