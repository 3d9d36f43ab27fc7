#pragma once

#include "graduate/contractedits.h"

#include <QWizardPage>

class QTreeWidget;
class QTreeWidgetItem;

namespace tassel {
struct ContractSource;
}

namespace tassel::ui {

class GraduationWizard;

/// Each input's inferred contract: its columns with their kind, whether they may be missing and
/// where each fact came from. A column can be left out and its nullability changed; the page
/// only collects those edits, which applyContractEdits() puts into the plan when it is accepted.
class WizardContractsPage : public QWizardPage
{
public:
    enum Column { NameColumn, KindColumn, NullableColumn, SourceColumn };

    explicit WizardContractsPage(GraduationWizard *wizard);

    void initializePage() override;
    bool validatePage() override;
    void retranslate();

    /// The columns left out and the nullabilities changed, as ticked.
    std::vector<ContractEdit> edits() const;
    QTreeWidget *tree() const { return m_tree; }

private:
    void fill();
    void restoreTicks(const std::vector<ContractEdit> &ticked);
    static QTreeWidgetItem *inputItem(const DataInput &input, const DataContract &contract);
    static QString sourceText(const ContractSource &source);

    GraduationWizard *m_wizard;
    std::vector<std::optional<DataContract>> m_filledFrom; ///< the inferred contracts the tree shows
    QTreeWidget *m_tree = nullptr;
};

} // namespace tassel::ui
