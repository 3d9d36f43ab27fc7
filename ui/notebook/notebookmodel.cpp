#include "notebook/notebookmodel.h"

#include "analysis/secretmasking.h"

#include <algorithm>

namespace tassel::ui {

namespace {
const std::vector<int> kNoFindings;
} // namespace

NotebookModel::NotebookModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void NotebookModel::setNotebook(const Notebook &notebook)
{
    setNotebook(std::make_shared<const Notebook>(notebook));
}

void NotebookModel::setNotebook(std::shared_ptr<const Notebook> notebook)
{
    beginResetModel();
    m_notebook = std::move(notebook);
    m_analysis = {};
    m_hasAnalysis = false;
    m_findingsByCell.assign(m_notebook->cells.size(), {});
    m_revealed.clear();
    endResetModel();
}

void NotebookModel::setAnalysis(const NotebookAnalysis &analysis)
{
    if (!analysis.path.empty() && !m_notebook->path.empty() && analysis.path != m_notebook->path)
        return;
    beginResetModel();
    m_analysis = analysis;
    m_hasAnalysis = true;
    m_findingsByCell.assign(m_notebook->cells.size(), {});
    for (std::size_t i = 0; i < m_analysis.findings.size(); ++i) {
        const int cell = m_analysis.findings[i].cell;
        if (cell >= 0 && std::size_t(cell) < m_findingsByCell.size())
            m_findingsByCell[std::size_t(cell)].push_back(int(i));
    }
    endResetModel();
}

const std::vector<int> &NotebookModel::findingsOfCell(int row) const
{
    if (row < 0 || std::size_t(row) >= m_findingsByCell.size())
        return kNoFindings;
    return m_findingsByCell[std::size_t(row)];
}

std::vector<const Finding *> NotebookModel::secretsOf(int row, int outputIndex) const
{
    std::vector<const Finding *> secrets;
    for (int i : findingsOfCell(row)) {
        const Finding &finding = m_analysis.findings[std::size_t(i)];
        if (finding.rule != "hardcoded-secret" || finding.line <= 0)
            continue;
        const bool inOutput = finding.location == "output" || finding.outputIndex >= 0;
        if (outputIndex < 0 ? !inOutput : (inOutput && finding.outputIndex == outputIndex))
            secrets.push_back(&finding);
    }
    return secrets;
}

bool NotebookModel::hasSecrets(int row) const
{
    const auto &found = findingsOfCell(row);
    return std::any_of(found.begin(), found.end(),
        [this](int i) { return m_analysis.findings[std::size_t(i)].rule == "hardcoded-secret"; });
}

std::string NotebookModel::maskRanges(const std::string &text, const std::vector<const Finding *> &secrets)
{
    std::vector<MaskedRange> ranges;
    for (const Finding *secret : secrets) {
        MaskedRange range = rangeOf(text, *secret);
        range.replacement = bullets(std::string_view(text).substr(range.begin, range.end - range.begin));
        ranges.push_back(std::move(range));
    }
    return tassel::maskRanges(text, std::move(ranges));
}

QString NotebookModel::displaySource(int row) const
{
    if (row < 0 || std::size_t(row) >= m_notebook->cells.size())
        return {};
    const std::string &source = m_notebook->cells[std::size_t(row)].source;
    if (isRevealed(row))
        return QString::fromStdString(source);
    const auto secrets = secretsOf(row, -1);
    return QString::fromStdString(secrets.empty() ? source : maskRanges(source, secrets));
}

std::string NotebookModel::displayOutputText(int row, int outputIndex, const std::string &text) const
{
    if (isRevealed(row))
        return text;
    const auto secrets = secretsOf(row, outputIndex);
    return secrets.empty() ? text : maskRanges(text, secrets);
}

void NotebookModel::setRevealed(int row, bool revealed)
{
    if (revealed == isRevealed(row))
        return;
    if (revealed)
        m_revealed.insert(row);
    else
        m_revealed.remove(row);
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed);
}

int NotebookModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_notebook->cells.size());
}

QVariant NotebookModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Cell &cell = m_notebook->cells[std::size_t(row)];
    switch (role) {
    case Qt::DisplayRole:
    case SourceRole:
        return displaySource(row);
    case CellTypeRole:
        return int(cell.type);
    case ExecutionCountRole:
        return cell.executionCount ? QVariant(*cell.executionCount) : QVariant();
    case BadgesRole: {
        QStringList rules;
        for (int i : findingsOfCell(row)) {
            const QString rule = QString::fromStdString(m_analysis.findings[std::size_t(i)].rule);
            if (!rules.contains(rule))
                rules.append(rule);
        }
        rules.sort();
        return rules;
    }
    case FindingCountRole:
        return int(findingsOfCell(row).size());
    default:
        return {};
    }
}

} // namespace tassel::ui
