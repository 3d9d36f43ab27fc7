#include "analysis/findingspanel.h"

#include "analysis/ruletext.h"
#include "shell/theme.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

#include <map>

namespace tassel::ui {

namespace {
/// Accepts rows whose severity is at least the chosen one and whose text matches; groups stay
/// when a child matches (recursive filtering).
class FindingsFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setMinimumSeverity(int severity)
    {
        m_minimum = severity;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        if (index.data(FindingsPanel::SeverityRole).toInt() < m_minimum)
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }

private:
    int m_minimum = 0;
};

/// Row heights for wrapped text: QTreeView asks the delegate with no width to wrap at, so the
/// style lays the text out on one line; this wraps it at the width the row really has.
class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *tree)
        : QStyledItemDelegate(tree)
        , m_tree(tree)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt(option);
        initStyleOption(&opt, index);
        int depth = m_tree->rootIsDecorated() ? 1 : 0;
        for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
            ++depth;
        const int margin = 2 * (m_tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, &opt, m_tree) + 1);
        const int width = std::max(40, m_tree->viewport()->width() - m_tree->indentation() * depth - margin);
        const QRect text
            = QFontMetrics(opt.font).boundingRect(QRect(0, 0, width, 1 << 20), Qt::TextWordWrap, opt.text);
        return QSize(
            width, std::max(text.height() + 4, QStyledItemDelegate::sizeHint(option, index).height()));
    }

private:
    QTreeView *m_tree;
};
} // namespace

FindingsPanel::FindingsPanel(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_verdict(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_severity(new QComboBox(this))
    , m_tree(new QTreeView(this))
    , m_model(new QStandardItemModel(this))
    , m_proxy(new FindingsFilter(this))
{
    setObjectName(QStringLiteral("findingsPanel"));
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::PlainText);
    m_filter->setPlaceholderText(tr("Filter findings"));
    m_filter->setClearButtonEnabled(true);
    m_severity->addItem(tr("All severities"), int(Severity::Info));
    m_severity->addItem(tr("Warnings and errors"), int(Severity::Warning));
    m_severity->addItem(tr("Errors only"), int(Severity::Error));

    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_tree->setModel(m_proxy);
    m_tree->setHeaderHidden(true);
    // Whole messages, wrapped to the panel's width: an ellipsis hid most of them.
    m_tree->setUniformRowHeights(false);
    m_tree->setWordWrap(true);
    m_tree->setTextElideMode(Qt::ElideNone);
    m_tree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setItemDelegate(new WrappingDelegate(m_tree));
    // Heights depend on the width: lay the rows out again when it changes.
    connect(m_tree->header(), &QHeaderView::sectionResized, m_tree,
        [this] { QMetaObject::invokeMethod(m_tree, &QTreeView::doItemsLayout, Qt::QueuedConnection); });
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_severity);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_status);
    layout->addWidget(m_verdict);
    layout->addLayout(filters);
    layout->addWidget(m_tree, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &FindingsPanel::setFilterText);
    connect(m_severity, &QComboBox::currentIndexChanged, this, &FindingsPanel::applySeverityFilter);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &current) {
            const QVariant finding = current.data(FindingIndexRole);
            if (!m_selecting && finding.isValid())
                emit findingActivated(finding.toInt());
        });
    clear();
}

void FindingsPanel::clear()
{
    m_model->clear();
    m_status->clear();
    m_statusBase.clear();
    m_statusKind.reset();
    colourStatus();
    m_verdict->setText(tr("No analysis yet."));
}

void FindingsPanel::setAnalysis(const NotebookAnalysis &analysis)
{
    m_model->clear();
    m_status->clear();
    m_statusBase.clear();
    m_statusKind.reset();
    colourStatus();
    if (analysis.error) {
        m_verdict->setText(tr("Analysis failed: %1").arg(QString::fromStdString(*analysis.error)));
        return;
    }
    showStatus(analysis.verdict);
    if (!analysis.pythonAnalysed) {
        m_verdict->setText(tr("Only secrets were checked: the kernel is %1, and Tassel analyses Python "
                              "code only, so the dependency, import and order panels stay empty.")
                               .arg(QString::fromStdString(analysis.language)));
        m_verdict->setStyleSheet(QString());
        addFindings(analysis);
        return;
    }
    QString summary = QString::fromStdString(analysis.verdict.summary);
    // The core's summary may carry its own English lead-in; the panel words that part itself.
    const QString leadIn = QStringLiteral("Reproducible top to bottom: no — ");
    if (summary.startsWith(leadIn))
        summary.remove(0, leadIn.size());
    if (analysis.verdict.reproducibleTopToBottom)
        m_verdict->setText(tr("Reproducible top to bottom: yes"));
    else if (summary.isEmpty())
        m_verdict->setText(tr("Reproducible top to bottom: no"));
    else
        m_verdict->setText(tr("Reproducible top to bottom: no — %1").arg(summary));
    m_verdict->setStyleSheet(analysis.verdict.reproducibleTopToBottom
            ? QString()
            : QStringLiteral("color: %1; font-weight: bold;")
                  .arg(Theme::ink(RuleText::severityColor(Severity::Error), palette()).name()));
    addFindings(analysis);
}

void FindingsPanel::addFindings(const NotebookAnalysis &analysis)
{
    // Worst first, then by rule; findings within a group in document order.
    std::map<std::pair<int, std::string>, std::vector<int>> groups;
    for (std::size_t i = 0; i < analysis.findings.size(); ++i) {
        const Finding &f = analysis.findings[i];
        groups[{-int(f.severity), f.rule}].push_back(int(i));
    }
    for (auto &[key, members] : groups) {
        std::stable_sort(members.begin(), members.end(), [&](int a, int b) {
            const Finding &fa = analysis.findings[std::size_t(a)];
            const Finding &fb = analysis.findings[std::size_t(b)];
            return std::pair(fa.cell, fa.line) < std::pair(fb.cell, fb.line);
        });
        const Severity severity = Severity(-key.first);
        auto *group = new QStandardItem(QStringLiteral("%1 · %2 (%3)")
                                            .arg(RuleText::severity(severity), RuleText::title(key.second))
                                            .arg(members.size()));
        group->setData(int(severity), SeverityRole);
        group->setForeground(Theme::ink(RuleText::severityColor(severity), palette()));
        QFont bold = group->font();
        bold.setBold(true);
        group->setFont(bold);
        group->setSelectable(false);
        addMembers(group, analysis, members, severity);
        m_model->appendRow(group);
    }
    expandGroups();
}

void FindingsPanel::addMembers(QStandardItem *group, const NotebookAnalysis &analysis,
    const std::vector<int> &members, Severity severity)
{
    // Findings of one rule about the same names (18 × "changes `X_train` again") share a row
    // with their count, expandable; the others stay one row each, in document order.
    std::map<std::vector<std::string>, std::vector<int>> byNames;
    for (int i : members) {
        const auto &names = analysis.findings[std::size_t(i)].names;
        if (!names.empty())
            byNames[names].push_back(i);
    }
    std::map<std::vector<std::string>, QStandardItem *> shared;
    for (int i : members) {
        const Finding &f = analysis.findings[std::size_t(i)];
        const auto same = byNames.find(f.names);
        if (same == byNames.end() || same->second.size() < 2) {
            group->appendRow(findingItem(f, i, severity));
            continue;
        }
        QStandardItem *&sameGroup = shared[f.names];
        if (!sameGroup) {
            QStringList names;
            for (const std::string &name : f.names)
                names << QString::fromStdString(name);
            sameGroup = new QStandardItem(
                tr("%1 — %2 findings").arg(names.join(QStringLiteral(", "))).arg(same->second.size()));
            sameGroup->setData(int(severity), SeverityRole);
            sameGroup->setData(true, SameNamesRole);
            group->appendRow(sameGroup);
        }
        sameGroup->appendRow(findingItem(f, i, severity));
    }
}

QStandardItem *FindingsPanel::findingItem(const Finding &f, int index, Severity severity)
{
    QString where;
    if (f.cell < 0)
        where = tr("Notebook");
    else if (f.line > 0)
        where = tr("Cell %1, line %2").arg(f.cell + 1).arg(f.line);
    else
        where = tr("Cell %1").arg(f.cell + 1);
    const QString message = RuleText::message(f);
    QString text = QStringLiteral("%1: %2").arg(where, message);
    if (const RuleInfo *rule = RuleCatalog::find(f.rule); rule && !rule->fix.empty())
        text += QLatin1Char('\n') + tr("How to fix: %1").arg(RuleText::fix(*rule));
    auto *item = new QStandardItem(text);
    item->setToolTip(message);
    item->setData(index, FindingIndexRole);
    item->setData(int(severity), SeverityRole);
    return item;
}

void FindingsPanel::expandGroups()
{
    // Rule groups open, groups of identical findings closed until asked for.
    m_tree->collapseAll();
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        m_tree->expand(m_proxy->index(row, 0));
}

void FindingsPanel::setFilterText(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_proxy->setFilterFixedString(text);
    expandGroups();
}

void FindingsPanel::applySeverityFilter()
{
    static_cast<FindingsFilter *>(m_proxy)->setMinimumSeverity(m_severity->currentData().toInt());
    expandGroups();
}

void FindingsPanel::selectFinding(int index)
{
    const auto matches = m_model->match(
        m_model->index(0, 0), FindingIndexRole, index, 1, Qt::MatchExactly | Qt::MatchRecursive);
    if (matches.isEmpty())
        return;
    const QModelIndex proxyIndex = m_proxy->mapFromSource(matches.first());
    if (!proxyIndex.isValid())
        return;
    m_selecting = true;
    m_tree->setCurrentIndex(proxyIndex);
    m_tree->scrollTo(proxyIndex);
    m_selecting = false;
}

void FindingsPanel::showStatus(const Verdict &verdict)
{
    QStringList runs;
    if (verdict.runs.useBeforeDefinition > 0)
        runs << tr("%n use(s) of names defined later", nullptr, verdict.runs.useBeforeDefinition);
    if (verdict.runs.undefinedNames > 0)
        runs << tr("%n name(s) defined nowhere", nullptr, verdict.runs.undefinedNames);
    const SameOutputsVerdict &same = verdict.sameOutputs;
    QStringList differ;
    if (same.nondeterministicOutputs > 0)
        differ << tr("%n nondeterministic output(s)", nullptr, same.nondeterministicOutputs);
    if (same.staleOutputs > 0)
        differ << tr("%n stale output(s)", nullptr, same.staleOutputs);
    if (same.unexecutedCells > 0)
        differ << tr("%n never-run cell(s) others depend on", nullptr, same.unexecutedCells);
    if (same.errorOutputs > 0)
        differ << tr("%n stored error(s)", nullptr, same.errorOutputs);
    const auto answer = [this](bool yes, const QStringList &counts) {
        return yes ? tr("yes") : tr("no (%1)").arg(counts.join(QStringLiteral(", ")));
    };
    QString text = tr("%1 — runs top to bottom: %2; same outputs: %3")
                       .arg(RuleText::verdict(verdict.status), answer(verdict.runs.yes, runs),
                           answer(same.yes, differ));
    if (verdict.errorFindings > 0)
        text += tr("; %n error-level finding(s)", nullptr, verdict.errorFindings);
    m_status->setText(text);
    m_statusBase = text;
    m_statusKind = verdict.status;
    m_statusDiverged = false;
    colourStatus();
}

void FindingsPanel::colourStatus()
{
    if (!m_statusKind) {
        m_status->setStyleSheet(QString());
        return;
    }
    // The analysis found nothing, yet the outputs changed: no longer plain "ok".
    const QColor color = m_statusDiverged ? Theme::ink(RuleText::severityColor(Severity::Warning), palette())
                                          : Theme::statusColor(*m_statusKind, palette());
    m_status->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(color.name()));
}

void FindingsPanel::changeEvent(QEvent *event)
{
    // A style sheet colour is fixed: Settings → Theme changes the palette, so colour it again.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        colourStatus();
    QWidget::changeEvent(event);
}

void FindingsPanel::showVerification(const VerifyReport &report)
{
    if (m_statusBase.isEmpty() || report.cancelled)
        return;
    QString text = m_statusBase
        + tr("; re-run: %1 of %2 code cells reproduced")
              .arg(report.count(VerifyStatus::Reproduced))
              .arg(report.cells.size());
    if (const int unexplained = report.unexplainedDivergences(); unexplained > 0)
        text += tr(", %n not explained by a finding", nullptr, unexplained);
    m_status->setText(text);
    m_statusDiverged = m_statusKind == VerdictStatus::Ok && !report.allReproduced();
    colourStatus();
}

QString FindingsPanel::statusText() const
{
    return m_status->text();
}

QString FindingsPanel::verdictText() const
{
    return m_verdict->text();
}

QAbstractItemModel *FindingsPanel::filteredModel() const
{
    return m_proxy;
}

} // namespace tassel::ui
