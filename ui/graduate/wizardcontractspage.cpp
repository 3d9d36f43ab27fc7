#include "graduate/wizardcontractspage.h"

#include "graduate/graduationwizard.h"

#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tassel::ui {

namespace {

constexpr int kInputRole = Qt::UserRole;
constexpr int kInferredNullableRole = Qt::UserRole + 1;

/// Nullable, not nullable, or not said (then missing values are not checked).
Qt::CheckState nullableState(std::optional<bool> nullable)
{
    return !nullable ? Qt::PartiallyChecked : *nullable ? Qt::Checked : Qt::Unchecked;
}

} // namespace

WizardContractsPage::WizardContractsPage(GraduationWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("contractsTree"));
    m_tree->setColumnCount(4);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree);
}

void WizardContractsPage::initializePage()
{
    // Going back and forth keeps the ticks; a new plan (other options, a re-run) starts afresh.
    if (m_filledFrom != m_wizard->m_inferredContracts || m_tree->topLevelItemCount() == 0)
        fill();
}

bool WizardContractsPage::validatePage()
{
    GraduationPlan &plan = m_wizard->m_plan;
    for (std::size_t i = 0; i < plan.inputs.size() && i < m_wizard->m_inferredContracts.size(); ++i)
        plan.inputs[i].contract = m_wizard->m_inferredContracts[i];
    applyContractEdits(plan, edits());
    m_wizard->m_files.clear();
    return true;
}

void WizardContractsPage::retranslate()
{
    setTitle(GraduationWizard::tr("Contracts"));
    setSubTitle(GraduationWizard::tr("What the package checks of each input right after reading it. Untick a "
                                     "column to leave it out; tick Nullable where values may be missing."));
    m_tree->setHeaderLabels({GraduationWizard::tr("Column"), GraduationWizard::tr("Kind"),
        GraduationWizard::tr("Nullable"), GraduationWizard::tr("Source")});
    m_tree->headerItem()->setToolTip(NullableColumn,
        GraduationWizard::tr("Ticked: values may be missing. Unticked: none may be missing. Half-ticked: "
                             "nothing tells, so missing values are not checked."));
    if (m_tree->topLevelItemCount() == 0)
        return;
    // The words are the tree's, so it is filled again in the new language, with the ticks kept.
    const std::vector<ContractEdit> ticked = edits();
    fill();
    restoreTicks(ticked);
}

void WizardContractsPage::restoreTicks(const std::vector<ContractEdit> &ticked)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *input = m_tree->topLevelItem(i);
        const std::string inputName = input->data(NameColumn, kInputRole).toString().toStdString();
        for (int j = 0; j < input->childCount(); ++j) {
            QTreeWidgetItem *column = input->child(j);
            const std::string columnName = column->text(NameColumn).toStdString();
            for (const ContractEdit &edit : ticked) {
                if (edit.input != inputName || edit.column != columnName)
                    continue;
                if (!edit.include)
                    column->setCheckState(NameColumn, Qt::Unchecked);
                if (edit.nullable)
                    column->setCheckState(NullableColumn, *edit.nullable ? Qt::Checked : Qt::Unchecked);
            }
        }
    }
}

void WizardContractsPage::fill()
{
    m_filledFrom = m_wizard->m_inferredContracts;
    m_tree->clear();
    const std::vector<DataInput> &inputs = m_wizard->m_plan.inputs;
    for (std::size_t i = 0; i < inputs.size() && i < m_filledFrom.size(); ++i)
        if (m_filledFrom[i])
            m_tree->addTopLevelItem(inputItem(inputs[i], *m_filledFrom[i]));
    m_tree->expandAll();
    for (int column = NameColumn; column < SourceColumn; ++column)
        m_tree->resizeColumnToContents(column);
}

QTreeWidgetItem *WizardContractsPage::inputItem(const DataInput &input, const DataContract &contract)
{
    auto *item = new QTreeWidgetItem;
    item->setText(NameColumn, QString::fromStdString(input.name));
    item->setData(NameColumn, kInputRole, QString::fromStdString(input.name));
    QString what = QString::fromStdString(input.target + " (" + contract.reader + ")");
    if (!contract.shape.empty()) {
        QStringList sizes;
        for (std::int64_t size : contract.shape)
            sizes.append(QString::number(size));
        what += QLatin1Char(' ')
            + GraduationWizard::tr("array %1 of %2")
                  .arg(sizes.join(QStringLiteral("×")), QString::fromStdString(contract.dtype));
    }
    item->setText(SourceColumn, what);
    item->setToolTip(SourceColumn, what);
    for (const ContractColumn &column : contract.columns) {
        auto *child = new QTreeWidgetItem(item);
        child->setText(NameColumn, QString::fromStdString(column.name));
        child->setFlags(child->flags() | Qt::ItemIsUserCheckable);
        child->setCheckState(NameColumn, Qt::Checked);
        child->setText(KindColumn,
            column.dtype.empty() ? GraduationWizard::tr("unknown") : QString::fromStdString(column.dtype));
        child->setCheckState(NullableColumn, nullableState(column.nullable));
        child->setData(NullableColumn, kInferredNullableRole, int(nullableState(column.nullable)));
        QStringList sources {GraduationWizard::tr("name: %1").arg(sourceText(column.nameSource))};
        if (column.dtypeSource)
            sources.append(GraduationWizard::tr("kind: %1").arg(sourceText(*column.dtypeSource)));
        if (column.nullableSource)
            sources.append(GraduationWizard::tr("nullable: %1").arg(sourceText(*column.nullableSource)));
        child->setText(SourceColumn, sources.join(QStringLiteral("; ")));
        child->setToolTip(SourceColumn, child->text(SourceColumn));
    }
    return item;
}

QString WizardContractsPage::sourceText(const ContractSource &source)
{
    if (source.from == "output")
        return GraduationWizard::tr("output of cell %1").arg(source.cell + 1);
    if (source.from == "code")
        return source.line > 0
            ? GraduationWizard::tr("code, cell %1, line %2").arg(source.cell + 1).arg(source.line)
            : GraduationWizard::tr("code, cell %1").arg(source.cell + 1);
    return GraduationWizard::tr("the file");
}

std::vector<ContractEdit> WizardContractsPage::edits() const
{
    std::vector<ContractEdit> edits;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *input = m_tree->topLevelItem(i);
        for (int j = 0; j < input->childCount(); ++j) {
            const QTreeWidgetItem *column = input->child(j);
            ContractEdit edit {input->data(NameColumn, kInputRole).toString().toStdString(),
                column->text(NameColumn).toStdString(), column->checkState(NameColumn) == Qt::Checked,
                std::nullopt};
            const Qt::CheckState nullable = column->checkState(NullableColumn);
            if (nullable != Qt::PartiallyChecked
                && nullable != column->data(NullableColumn, kInferredNullableRole).toInt())
                edit.nullable = nullable == Qt::Checked;
            if (!edit.include || edit.nullable)
                edits.push_back(std::move(edit));
        }
    }
    return edits;
}

} // namespace tassel::ui
