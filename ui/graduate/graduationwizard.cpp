#include "graduate/graduationwizard.h"

#include "analysis/ruletext.h"
#include "graduate/wizardcontractspage.h"
#include "graduate/wizardoptionspage.h"
#include "graduate/wizardplanpage.h"
#include "graduate/wizardpreviewpage.h"
#include "graduate/wizardrerunpage.h"
#include "graduate/wizardtargetpage.h"
#include "graduate/wizardwarningspage.h"
#include "graduate/wizardwritepage.h"
#include "notebook/syntaxrepository.h"

#include "analysis/stdlibmodules.h"
#include "graduate/graduationplanner.h"
#include "graduate/pythonidentifiers.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>

#include <QAbstractButton>
#include <QEvent>
#include <QTextDocument>

namespace tassel::ui {

GraduationWizard::GraduationWizard(
    const Notebook &notebook, const NotebookAnalysis &analysis, QWidget *parent)
    : QWizard(parent)
    , m_notebook(notebook)
    , m_baseAnalysis(analysis)
    , m_analysis(analysis)
{
    setObjectName(QStringLiteral("graduationWizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    resize(960, 680);

    // Step functions are called from pipeline.py next to the notebook's own variables.
    for (const CellSymbols &symbols : m_analysis.cells) {
        for (const NameRef &ref : symbols.defines)
            m_notebookNames.insert(ref.name);
        for (const NameRef &ref : symbols.uses)
            m_notebookNames.insert(ref.name);
    }

    m_optionsPage = new WizardOptionsPage(this);
    m_rerunPage = new WizardRerunPage(this);
    m_planPage = new WizardPlanPage(this);
    m_contractsPage = new WizardContractsPage(this);
    m_previewPage = new WizardPreviewPage(this);
    m_warningsPage = new WizardWarningsPage(this);
    m_targetPage = new WizardTargetPage(this);
    m_writePage = new WizardWritePage(this);
    setPage(OptionsPageId, m_optionsPage);
    setPage(RerunPageId, m_rerunPage); // only when the options ask for it
    setPage(PlanPageId, m_planPage);
    setPage(ContractsPageId, m_contractsPage); // only when an input has a contract
    setPage(PreviewPageId, m_previewPage);
    setPage(WarningsPageId, m_warningsPage); // only when there is something to warn about
    setPage(TargetPageId, m_targetPage);
    setPage(WritePageId, m_writePage);
    retranslate();
}

GraduationWizard::~GraduationWizard()
{
    // Stop the threads before the pages (and what they read here) go.
    m_optionsPage->stop();
    m_writePage->stop();
    m_rerunPage->stop();
}

void GraduationWizard::retranslate()
{
    setWindowTitle(tr("Graduate Notebook"));
    setButtonText(QWizard::CommitButton, tr("&Generate"));
    m_optionsPage->retranslate();
    m_rerunPage->retranslate();
    m_planPage->retranslate();
    m_contractsPage->retranslate();
    m_previewPage->retranslate();
    m_warningsPage->retranslate();
    m_targetPage->retranslate();
    m_writePage->retranslate();
}

void GraduationWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

QString GraduationWizard::plainTitle(const std::string &markdown)
{
    QTextDocument document;
    document.setMarkdown(QString::fromStdString(markdown));
    return document.toPlainText().simplified();
}

QStringList GraduationWizard::warnings() const
{
    QStringList list;
    for (const PackageDependency &dependency : m_plan.dependencies)
        if (dependency.version.empty())
            list.append(tr("%1: version unknown, so requirements.lock does not pin it. Install the version "
                           "the notebook used and pin it.")
                            .arg(QString::fromStdString(dependency.distribution)));
    return list;
}

QStringList GraduationWizard::nextCommands()
{
    return {QStringLiteral("./run.sh"), QStringLiteral("python -m pytest")};
}

QString GraduationWizard::definitionNameFor(const QString &path)
{
    const auto definition = SyntaxRepository::instance().definitionForFileName(path);
    return definition.isValid() ? definition.name() : QString();
}

PlanOutcome GraduationWizard::makePlan(
    const Notebook &notebook, const NotebookAnalysis &analysis, const GraduationOptions &options)
{
    auto plan = GraduationPlanner::plan(notebook, analysis, options);
    if (plan)
        return {std::move(plan).value(), {}};
    if (plan.error().code != "hidden-state")
        return {std::nullopt, QString::fromStdString(plan.error().toString())};
    // The planner's message speaks to CLI users; list the findings in the window's words.
    QStringList where;
    for (const Finding &finding : analysis.findings)
        if (finding.rule == "use-before-definition" || finding.rule == "undefined-name")
            where.append(tr("cell %1: %2").arg(finding.cell + 1).arg(RuleText::message(finding)));
    return {std::nullopt,
        tr("Some cells read names defined later or nowhere, so the package would not run top to "
           "bottom. Fix the notebook, or tick the box to generate anyway.")
            + QLatin1Char('\n') + where.join(QLatin1Char('\n'))};
}

void GraduationWizard::setPlan(GraduationPlan plan)
{
    m_plan = std::move(plan);
    m_inferredContracts.clear();
    for (const DataInput &input : m_plan.inputs)
        m_inferredContracts.push_back(input.contract);
    m_files.clear();
}

QString GraduationWizard::renameStep(int index, const QString &name)
{
    if (index < 0 || std::size_t(index) >= m_plan.steps.size())
        return tr("There is no step %1.").arg(index + 1);
    const std::string wanted = name.trimmed().toStdString();
    GraduationStep &step = m_plan.steps[std::size_t(index)];
    if (wanted == step.name)
        return {};
    if (PythonIdentifiers::identifier(wanted, "") != wanted)
        return tr("“%1” is not a valid Python function name.").arg(name);
    if (StdlibModules::contains(wanted) || wanted == m_plan.packageName)
        return tr("“%1” would hide a module of the same name.").arg(name);
    static const std::set<std::string> reserved = {
        "cli", "config", "pipeline", "functions", "runtime", "tests", "main", "init", "src", "show", "run"};
    if (reserved.count(wanted))
        return tr("“%1” is a file the package already has.").arg(name);
    if (m_notebookNames.count(wanted))
        return tr("“%1” is a name the notebook already uses.").arg(name);
    for (const GraduationStep &other : m_plan.steps)
        if (&other != &step && other.name == wanted)
            return tr("Another step is already called “%1”.").arg(name);
    for (const HelperDefinition &helper : m_plan.helpers)
        if (helper.name == wanted)
            return tr("A helper function is already called “%1”.").arg(name);
    for (const ConfigParameter &parameter : m_plan.config)
        if (parameter.name == wanted)
            return tr("A configuration value is already called “%1”.").arg(name);
    // The module is named after the function, so both change together.
    step.name = wanted;
    step.module = wanted;
    m_files.clear();
    return {};
}

bool GraduationWizard::isBusy() const
{
    return m_writePage->isRunning() || m_previewPage->isRunning() || m_rerunPage->isRunning();
}

bool GraduationWizard::isPlanning() const
{
    return m_optionsPage->isPlanning();
}

bool GraduationWizard::needsRerun() const
{
    return m_optionsPage->needsRerun();
}

const PackageWriteOutcome &GraduationWizard::writeOutcome() const
{
    return m_writePage->outcome();
}

QLineEdit *GraduationWizard::packageNameEdit() const
{
    return m_optionsPage->nameEdit();
}

QComboBox *GraduationWizard::splitCombo() const
{
    return m_optionsPage->splitCombo();
}

QLabel *GraduationWizard::splitHelp() const
{
    return m_optionsPage->splitHelp();
}

QLineEdit *GraduationWizard::interpreterEdit() const
{
    return m_optionsPage->interpreterEdit();
}

QLineEdit *GraduationWizard::copyLimitEdit() const
{
    return m_optionsPage->copyLimitEdit();
}

QCheckBox *GraduationWizard::verifyBox() const
{
    return m_optionsPage->verifyBox();
}

QLabel *GraduationWizard::rerunStatus() const
{
    return m_rerunPage->status();
}

QTableWidget *GraduationWizard::planTable() const
{
    return m_planPage->table();
}

QTreeWidget *GraduationWizard::contractsTree() const
{
    return m_contractsPage->tree();
}

QTreeWidget *GraduationWizard::fileTree() const
{
    return m_previewPage->fileTree();
}

QPlainTextEdit *GraduationWizard::previewEdit() const
{
    return m_previewPage->previewEdit();
}

QLabel *GraduationWizard::warningsLabel() const
{
    return m_warningsPage->label();
}

QLineEdit *GraduationWizard::targetEdit() const
{
    return m_targetPage->targetEdit();
}

QPushButton *GraduationWizard::openFolderButton() const
{
    return m_writePage->openFolderButton();
}

QLabel *GraduationWizard::writeStatus() const
{
    return m_writePage->status();
}

void GraduationWizard::reject()
{
    // Stop between two files rather than leaving a thread writing behind a closed dialog.
    m_writePage->stop();
    m_rerunPage->stop();
    QWizard::reject();
}

} // namespace tassel::ui
