#include "verify/verifypanel.h"

#include "analysis/ruletext.h"
#include "shell/theme.h"

#include "analysis/secretmasking.h"
#include "verify/verifier.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace tassel::ui {

namespace {
constexpr int kExcerptLength = 80;

/// One line for a table cell: line breaks shown as ⏎, long text cut with an ellipsis.
QString oneLine(QString text)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text = text.trimmed();
    text.replace(QLatin1Char('\n'), QStringLiteral(" \u23ce "));
    if (text.size() > kExcerptLength)
        text = text.left(kExcerptLength - 1) + QStringLiteral("\u2026");
    return text;
}

QStandardItem *textItem(const QString &text, const QString &toolTip = {})
{
    auto *item = new QStandardItem(text);
    item->setEditable(false);
    item->setToolTip(toolTip.isEmpty() ? text : toolTip);
    return item;
}
} // namespace

VerifyPanel::VerifyPanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(this))
    , m_view(new QTreeView(this))
    , m_model(new QStandardItemModel(this))
    , m_details(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("verifyPanel"));
    m_summary->setObjectName(QStringLiteral("verifySummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_progress->setObjectName(QStringLiteral("verifyProgress"));
    m_cancel->setObjectName(QStringLiteral("verifyCancel"));
    m_view->setObjectName(QStringLiteral("verifyCells"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_details->setObjectName(QStringLiteral("verifyDetails"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    auto *progress = new QHBoxLayout;
    progress->addWidget(m_progress, 1);
    progress->addWidget(m_cancel);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addLayout(progress);
    layout->addWidget(splitter, 1);

    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        emit cancelRequested();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            showDetails(current.row());
            const QVariant cell = current.siblingAtColumn(CellColumn).data(CellRole);
            if (!m_selecting && cell.isValid())
                emit cellActivated(cell.toInt());
        });
    clear();
}

QAbstractItemModel *VerifyPanel::model() const
{
    return m_model;
}

void VerifyPanel::clear()
{
    m_running = false;
    m_hasReport = false;
    m_failure.clear();
    m_report = {};
    retranslate();
}

void VerifyPanel::setRunning()
{
    m_running = true;
    m_hasReport = false;
    m_failure.clear();
    m_report = {};
    m_progress->setRange(0, 0); // busy until the first cell starts
    m_cancel->setEnabled(true);
    retranslate();
}

void VerifyPanel::setProgress(int cell, int position, int total)
{
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(std::max(position - 1, 0));
    m_progress->setFormat(tr("Cell %1 (%2 of %3)").arg(cell + 1).arg(position).arg(total));
}

void VerifyPanel::setFailed(const QString &message)
{
    m_running = false;
    m_hasReport = false;
    m_failure = message;
    retranslate();
}

void VerifyPanel::setReport(const VerifyReport &report, const Notebook &notebook)
{
    m_running = false;
    m_hasReport = true;
    m_failure.clear();
    m_report = report;
    Verifier::maskSecrets(m_report, notebook);
    retranslate();
}

void VerifyPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void VerifyPanel::retranslate()
{
    m_cancel->setText(tr("Cancel"));
    m_progress->setVisible(m_running);
    m_cancel->setVisible(m_running);
    if (m_running) {
        m_summary->setText(tr("Re-running the notebook in a separate Python process…"));
        m_summary->setStyleSheet(QString());
    } else if (!m_failure.isEmpty()) {
        m_summary->setText(tr("Verification failed: %1").arg(m_failure));
        m_summary->setStyleSheet(
            QStringLiteral("color: %1;")
                .arg(Theme::ink(RuleText::severityColor(Severity::Error), palette()).name()));
    } else if (!m_hasReport) {
        m_summary->setText(tr("Not verified yet. Use File ▸ Verify (Re-run)… to re-run the notebook's code "
                              "cells and compare their outputs."));
        m_summary->setStyleSheet(QString());
    } else {
        const int total = int(m_report.cells.size());
        const int reproduced = m_report.count(VerifyStatus::Reproduced);
        QString text = tr("Repeatability: %1 % — %2 of %3 code cells reproduced")
                           .arg(qRound(m_report.repeatability() * 100))
                           .arg(reproduced)
                           .arg(total);
        text += QLatin1Char('\n')
            + tr("Differ: %1 · Errors: %2 · Not run: %3")
                  .arg(m_report.count(VerifyStatus::Differs))
                  .arg(m_report.count(VerifyStatus::Error))
                  .arg(m_report.count(VerifyStatus::NotRun));
        if (m_report.cancelled)
            text += QLatin1Char('\n') + tr("The run was cancelled.");
        else if (m_report.timedOut)
            text += QLatin1Char('\n') + tr("The run time limit ended the run.");
        if (!m_report.pythonVersion.empty())
            text += QLatin1Char('\n')
                + tr("Python %1 · %2 s")
                      .arg(QString::fromStdString(m_report.pythonVersion))
                      .arg(m_report.seconds, 0, 'f', 1);
        m_summary->setText(text);
        m_summary->setStyleSheet(reproduced == total
                ? QString()
                : QStringLiteral("color: %1; font-weight: bold;")
                      .arg(Theme::ink(RuleText::severityColor(Severity::Error), palette()).name()));
    }
    rebuild();
}

QString VerifyPanel::masked(const std::string &text) const
{
    return QString::fromStdString(maskLikelyTokens(text));
}

QString VerifyPanel::statusText(const CellVerification &cell, const VerifyReport &report)
{
    switch (cell.status) {
    case VerifyStatus::Reproduced:
        return tr("Reproduced");
    case VerifyStatus::Differs:
        return tr("Differs");
    case VerifyStatus::Error:
        if (report.cancelled && cell.errorName == "Cancelled")
            return tr("Cancelled");
        if (cell.timedOut)
            return tr("Timed out");
        return tr("Error");
    case VerifyStatus::NotRun:
        return tr("Not run");
    }
    return tr("Not run");
}

QColor VerifyPanel::statusColor(VerifyStatus status)
{
    switch (status) {
    case VerifyStatus::Reproduced:
        return QColor(0x2e, 0x7d, 0x32);
    case VerifyStatus::Differs:
        return RuleText::severityColor(Severity::Warning);
    case VerifyStatus::Error:
        return RuleText::severityColor(Severity::Error);
    case VerifyStatus::NotRun:
        return QColor(0x75, 0x75, 0x75);
    }
    return QColor(0x75, 0x75, 0x75);
}

void VerifyPanel::rebuild()
{
    const int selected = m_view->currentIndex().isValid()
        ? m_view->currentIndex().siblingAtColumn(CellColumn).data(CellRole).toInt()
        : -1;
    m_model->clear();
    m_model->setHorizontalHeaderLabels(
        {tr("Cell"), tr("Status"), tr("Why"), tr("Stored"), tr("Re-run"), tr("Explained by")});
    if (m_hasReport) {
        for (const CellVerification &cell : m_report.cells) {
            auto *number = textItem(QString::number(cell.cell + 1));
            number->setData(cell.cell, CellRole);
            const std::string_view name = verifyStatusName(cell.status);
            const QString statusName = QString::fromUtf8(name.data(), qsizetype(name.size()));
            number->setData(statusName, StatusRole);
            auto *status = textItem(statusText(cell, m_report));
            status->setForeground(Theme::ink(statusColor(cell.status), palette()));
            QFont bold = status->font();
            bold.setBold(cell.status != VerifyStatus::Reproduced);
            status->setFont(bold);
            status->setData(statusName, StatusRole);
            const QString reason = masked(RuleText::message(cell.reasonKey, cell.reason).toStdString());
            const QString expected = masked(cell.expected);
            const QString actual = masked(cell.actual);
            QStringList explanations;
            QStringList rules;
            for (const Finding &finding : cell.explanations) {
                explanations << tr("%1: %2").arg(
                    RuleText::title(finding.rule), masked(RuleText::message(finding).toStdString()));
                rules << QString::fromStdString(finding.rule);
            }
            auto *explained = textItem(
                oneLine(explanations.join(QStringLiteral("; "))), explanations.join(QLatin1Char('\n')));
            explained->setData(rules, RulesRole);
            m_model->appendRow({number, status, textItem(oneLine(reason), reason),
                textItem(oneLine(expected), expected), textItem(oneLine(actual), actual), explained});
        }
    }
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->resizeColumnToContents(CellColumn);
    m_view->resizeColumnToContents(StatusColumn);
    const int row = rowOfCell(selected);
    if (row >= 0) {
        m_selecting = true;
        m_view->setCurrentIndex(m_model->index(row, 0));
        m_selecting = false;
    }
    showDetails(row);
}

int VerifyPanel::rowOfCell(int cell) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->index(row, CellColumn).data(CellRole).toInt() == cell)
            return row;
    }
    return -1;
}

bool VerifyPanel::selectCell(int cell)
{
    const int row = rowOfCell(cell);
    if (row < 0)
        return false;
    m_selecting = true;
    m_view->setCurrentIndex(m_model->index(row, 0));
    m_view->scrollTo(m_model->index(row, 0));
    m_selecting = false;
    return true;
}

void VerifyPanel::showDetails(int row)
{
    if (!m_hasReport || row < 0 || std::size_t(row) >= m_report.cells.size()) {
        m_details->clear();
        return;
    }
    const CellVerification &cell = m_report.cells[std::size_t(row)];
    QStringList lines;
    lines << tr("Cell %1: %2").arg(cell.cell + 1).arg(statusText(cell, m_report));
    if (!cell.reason.empty())
        lines << masked(RuleText::message(cell.reasonKey, cell.reason).toStdString());
    if (!cell.expected.empty() || !cell.actual.empty()) {
        lines << QString() << tr("Stored:") << masked(cell.expected);
        lines << QString() << tr("Re-run:") << masked(cell.actual);
    }
    if (!cell.explanations.empty()) {
        lines << QString() << tr("Explained by:");
        for (const Finding &finding : cell.explanations)
            lines << tr("• %1: %2")
                         .arg(
                             RuleText::title(finding.rule), masked(RuleText::message(finding).toStdString()));
    }
    if (!cell.notes.empty()) {
        lines << QString() << tr("Notes:");
        for (const std::string &note : cell.notes)
            lines << tr("• %1").arg(masked(note));
    }
    m_details->setPlainText(lines.join(QLatin1Char('\n')));
}

QString VerifyPanel::summaryText() const
{
    return m_summary->text();
}

QString VerifyPanel::progressText() const
{
    return m_progress->isVisible() || m_running ? m_progress->text() : QString();
}

QString VerifyPanel::detailsText() const
{
    return m_details->toPlainText();
}

} // namespace tassel::ui
