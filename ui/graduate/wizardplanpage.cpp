#include "graduate/wizardplanpage.h"

#include "analysis/ruletext.h"
#include "graduate/graduationwizard.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace tassel::ui {

namespace {

QString joined(const std::vector<std::string> &names)
{
    QStringList list;
    for (const std::string &name : names)
        list.append(QString::fromStdString(name));
    return list.join(QStringLiteral(", "));
}

QString cellList(const std::vector<int> &cells)
{
    QStringList list;
    for (int cell : cells)
        list.append(QString::number(cell + 1));
    return list.join(QStringLiteral(", "));
}

QTableWidgetItem *readOnly(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

} // namespace

WizardPlanPage::WizardPlanPage(GraduationWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("planTable"));
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("planNotes"));
    m_notes->setReadOnly(true);
    m_notes->setMaximumHeight(140);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_notes);
    connect(m_table, &QTableWidget::cellChanged, this, &WizardPlanPage::itemChanged);
}

void WizardPlanPage::initializePage()
{
    fillTable();
    showNotes();
}

int WizardPlanPage::nextId() const
{
    const std::vector<DataInput> &inputs = m_wizard->m_plan.inputs;
    const bool contracts = std::any_of(
        inputs.begin(), inputs.end(), [](const DataInput &input) { return input.contract.has_value(); });
    return contracts ? GraduationWizard::ContractsPageId : GraduationWizard::PreviewPageId;
}

void WizardPlanPage::retranslate()
{
    setTitle(GraduationWizard::tr("Plan"));
    setSubTitle(GraduationWizard::tr(
        "Each step becomes a function. Double-click a title or function name to change it."));
    m_table->setHorizontalHeaderLabels({GraduationWizard::tr("Section"), GraduationWizard::tr("Function"),
        GraduationWizard::tr("Cells"), GraduationWizard::tr("Parameters"), GraduationWizard::tr("Returns")});
}

void WizardPlanPage::fillTable()
{
    const GraduationPlan &plan = m_wizard->m_plan;
    m_filling = true;
    m_table->setRowCount(int(plan.steps.size()));
    for (std::size_t i = 0; i < plan.steps.size(); ++i) {
        const GraduationStep &step = plan.steps[i];
        const int row = int(i);
        m_table->setItem(row, GraduationWizard::TitleColumn,
            new QTableWidgetItem(GraduationWizard::plainTitle(step.title)));
        m_table->setItem(
            row, GraduationWizard::FunctionColumn, new QTableWidgetItem(QString::fromStdString(step.name)));
        m_table->setItem(row, GraduationWizard::CellsColumn, readOnly(cellList(step.cells)));
        m_table->setItem(row, GraduationWizard::ParametersColumn, readOnly(joined(step.parameters)));
        m_table->setItem(row, GraduationWizard::ReturnsColumn, readOnly(joined(step.returns)));
        // Long texts are elided in the table; the full text is one hover away.
        for (int column = GraduationWizard::TitleColumn; column <= GraduationWizard::ReturnsColumn; ++column)
            m_table->item(row, column)->setToolTip(m_table->item(row, column)->text());
        m_table->item(row, GraduationWizard::CellsColumn)
            ->setToolTip(
                GraduationWizard::tr("Cells %1 (ids %2)").arg(cellList(step.cells), joined(step.cellIds)));
    }
    m_table->resizeColumnsToContents();
    // No column may push the others out of sight: each gets at most a third of the view.
    // (The page is not laid out yet when it is filled: measure the wizard.)
    const int widest = std::max(160, m_wizard->width() / 3);
    for (int column = GraduationWizard::TitleColumn; column < GraduationWizard::ReturnsColumn; ++column)
        m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), widest));
    m_filling = false;
}

void WizardPlanPage::showNotes()
{
    const GraduationPlan &plan = m_wizard->m_plan;
    QStringList notes;
    for (const TransformNote &note : plan.notes)
        notes.append(GraduationWizard::tr("Cell %1: %2")
                         .arg(note.cell + 1)
                         .arg(RuleText::message(note.messageKey, note.message)));
    m_notes->setPlainText(notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!notes.isEmpty());
    m_status->setText(GraduationWizard::tr(
        "Package %1: %n step(s), %2 helper(s), %3 dependencies.", nullptr, int(plan.steps.size()))
                          .arg(QString::fromStdString(plan.packageName))
                          .arg(plan.helpers.size())
                          .arg(plan.dependencies.size()));
}

void WizardPlanPage::itemChanged(int row, int column)
{
    GraduationPlan &plan = m_wizard->m_plan;
    if (m_filling || row < 0 || std::size_t(row) >= plan.steps.size())
        return;
    QTableWidgetItem *item = m_table->item(row, column);
    GraduationStep &step = plan.steps[std::size_t(row)];
    if (column == GraduationWizard::TitleColumn) {
        if (item->text() == GraduationWizard::plainTitle(step.title))
            return; // unchanged: keep the heading's own markup
        step.title = item->text().trimmed().toStdString();
        item->setToolTip(item->text());
        m_wizard->m_files.clear();
        return;
    }
    if (column != GraduationWizard::FunctionColumn)
        return;
    const QString error = m_wizard->renameStep(row, item->text());
    m_status->setText(error);
    if (!error.isEmpty()) {
        m_filling = true;
        item->setText(QString::fromStdString(step.name));
        m_filling = false;
    }
}

} // namespace tassel::ui
