#include "notebookmodel.h"

#include <algorithm>

namespace tassel::ui {

namespace {
const std::vector<int> kNoFindings;

/// Byte offset of the start of 1-based `line` in `text`, or npos.
std::size_t lineStart(const std::string &text, int line)
{
    std::size_t offset = 0;
    for (int current = 1; current < line; ++current) {
        offset = text.find('\n', offset);
        if (offset == std::string::npos)
            return offset;
        ++offset;
    }
    return offset;
}

/// Byte offset of 1-based `column` (counted in code points, as CellSymbols ranges are) on `line`,
/// clamped to the end of that line.
std::size_t clampedOffset(const std::string &text, int line, int column)
{
    const std::size_t start = lineStart(text, line);
    if (start == std::string::npos)
        return text.size();
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::size_t offset = start;
    for (int skip = std::max(column, 1) - 1; skip > 0 && offset < end; --skip) {
        ++offset;
        while (offset < end && (static_cast<unsigned char>(text[offset]) & 0xc0) == 0x80)
            ++offset;
    }
    return offset;
}
} // namespace

NotebookModel::NotebookModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void NotebookModel::setNotebook(const Notebook &notebook)
{
    beginResetModel();
    m_notebook = notebook;
    m_analysis = {};
    m_hasAnalysis = false;
    m_findingsByCell.assign(m_notebook.cells.size(), {});
    m_revealed.clear();
    endResetModel();
}

void NotebookModel::setAnalysis(const NotebookAnalysis &analysis)
{
    if (!analysis.path.empty() && !m_notebook.path.empty() && analysis.path != m_notebook.path)
        return;
    beginResetModel();
    m_analysis = analysis;
    m_hasAnalysis = true;
    m_findingsByCell.assign(m_notebook.cells.size(), {});
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
    std::string masked = text;
    // Right to left, so that earlier offsets stay valid while bullets (3 bytes) replace bytes.
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    for (const Finding *secret : secrets) {
        const std::size_t begin = clampedOffset(text, secret->line, secret->column);
        const int endLine = secret->endLine > 0 ? secret->endLine : secret->line;
        std::size_t end = secret->endColumn > 0 ? clampedOffset(text, endLine, secret->endColumn)
                                                : std::min(text.find('\n', begin), text.size());
        if (end > begin)
            ranges.emplace_back(begin, end);
    }
    std::sort(ranges.begin(), ranges.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    std::size_t limit = std::string::npos;
    for (auto [begin, end] : ranges) {
        end = std::min(end, limit);
        if (end <= begin)
            continue;
        std::string bullets;
        for (std::size_t i = begin; i < end; ++i) {
            const auto byte = static_cast<unsigned char>(text[i]);
            if (byte == '\n')
                bullets += '\n';
            else if ((byte & 0xc0) != 0x80) // one bullet per character, not per byte
                bullets += "\u2022";
        }
        masked.replace(begin, end - begin, bullets);
        limit = begin;
    }
    return masked;
}

QString NotebookModel::displaySource(int row) const
{
    if (row < 0 || std::size_t(row) >= m_notebook.cells.size())
        return {};
    const std::string &source = m_notebook.cells[std::size_t(row)].source;
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
    return parent.isValid() ? 0 : int(m_notebook.cells.size());
}

QVariant NotebookModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Cell &cell = m_notebook.cells[std::size_t(row)];
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
