#include "graduate/wizardoptionspage.h"

#include "graduate/graduationwizard.h"

#include "graduate/pythonidentifiers.h"
#include "util/bytesize.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace tassel::ui {

WizardOptionsPage::WizardOptionsPage(GraduationWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    m_nameLabel = new QLabel(this);
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("packageName"));
    m_nameLabel->setBuddy(m_nameEdit);
    const std::string stem
        = QFileInfo(QString::fromStdString(wizard->m_notebook.path)).completeBaseName().toStdString();
    m_nameEdit->setPlaceholderText(QString::fromStdString(PythonIdentifiers::identifier(stem, "notebook")));
    m_splitLabel = new QLabel(this);
    m_splitCombo = new QComboBox(this);
    m_splitCombo->setObjectName(QStringLiteral("splitMode"));
    m_splitLabel->setBuddy(m_splitCombo);
    m_splitHelp = new QLabel(this);
    m_splitHelp->setObjectName(QStringLiteral("splitHelp"));
    m_splitHelp->setWordWrap(true);
    connect(m_splitCombo, &QComboBox::currentIndexChanged, this, &WizardOptionsPage::explainSplit);
    m_hiddenState = new QCheckBox(this);
    m_brokenCells = new QCheckBox(this);
    m_brokenCells->setObjectName(QStringLiteral("allowBrokenCells"));
    m_interpreterLabel = new QLabel(this);
    m_interpreterEdit = new QLineEdit(this);
    m_interpreterEdit->setObjectName(QStringLiteral("pythonInterpreter"));
    m_interpreterLabel->setBuddy(m_interpreterEdit);
    m_copyLimitLabel = new QLabel(this);
    m_copyLimitEdit = new QLineEdit(QStringLiteral("20M"), this);
    m_copyLimitEdit->setObjectName(QStringLiteral("copyDataLimit"));
    m_copyLimitLabel->setBuddy(m_copyLimitEdit);
    m_verifyBox = new QCheckBox(this);
    m_verifyBox->setObjectName(QStringLiteral("verifyFirst"));
    m_verifyBox->setChecked(true);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_error->hide();
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("planning"));
    m_busy->setRange(0, 0);
    m_busy->hide();
    m_busyDelay.setSingleShot(true);
    m_busyDelay.setInterval(150);
    connect(&m_busyDelay, &QTimer::timeout, m_busy, &QWidget::show);
    connect(&m_watcher, &QFutureWatcher<PlanOutcome>::finished, this, &WizardOptionsPage::planned);
    // The options the plan depends on; the interpreter and the re-run only matter after it.
    connect(m_nameEdit, &QLineEdit::textChanged, this, &WizardOptionsPage::optionsChanged);
    connect(m_splitCombo, &QComboBox::currentIndexChanged, this, &WizardOptionsPage::optionsChanged);
    connect(m_hiddenState, &QCheckBox::toggled, this, &WizardOptionsPage::optionsChanged);
    connect(m_brokenCells, &QCheckBox::toggled, this, &WizardOptionsPage::optionsChanged);
    connect(m_copyLimitEdit, &QLineEdit::textChanged, this, &WizardOptionsPage::optionsChanged);
    auto *layout = new QFormLayout(this);
    layout->addRow(m_nameLabel, m_nameEdit);
    layout->addRow(m_splitLabel, m_splitCombo);
    layout->addRow(QString(), m_splitHelp);
    layout->addRow(QString(), m_hiddenState);
    layout->addRow(QString(), m_brokenCells);
    layout->addRow(m_interpreterLabel, m_interpreterEdit);
    layout->addRow(m_copyLimitLabel, m_copyLimitEdit);
    layout->addRow(QString(), m_verifyBox);
    layout->addRow(m_error);
    layout->addRow(m_busy);
    optionsChanged();
}

WizardOptionsPage::~WizardOptionsPage()
{
    stop();
}

void WizardOptionsPage::stop()
{
    m_watcher.waitForFinished();
}

bool WizardOptionsPage::isComplete() const
{
    return !isPlanning() && m_outcome.plan.has_value();
}

bool WizardOptionsPage::validatePage()
{
    // Next is disabled until the plan is there; a caller that goes on anyway stays here.
    if (!isComplete())
        return false;
    m_wizard->m_analysis = m_wizard->m_baseAnalysis;
    m_wizard->setPlan(*m_outcome.plan);
    return true;
}

void WizardOptionsPage::optionsChanged()
{
    ++m_changes;
    if (!m_watcher.isRunning())
        startPlanning();
    emit completeChanged();
}

void WizardOptionsPage::startPlanning()
{
    m_runningFor = m_changes;
    const auto limit = parseSize(m_copyLimitEdit->text().toStdString());
    if (!limit) {
        finishPlanning({std::nullopt,
            GraduationWizard::tr("Copy data files up to: type a size such as 20M, 500K or 0.")});
        return;
    }
    m_options.name = m_nameEdit->text().trimmed().toStdString();
    m_options.split = GraduationOptions::Split(m_splitCombo->currentData().toInt());
    m_options.allowHiddenState = m_hiddenState->isChecked();
    m_options.allowBrokenCells = m_brokenCells->isChecked();
    m_options.copyDataLimit = *limit;
    m_busyDelay.start();
    // The wizard keeps the notebook and its first analysis unchanged and waits for this run
    // before it goes, so the planner may read them where they are.
    m_watcher.setFuture(QtConcurrent::run(
        [notebook = &m_wizard->m_notebook, analysis = &m_wizard->m_baseAnalysis, options = m_options] {
            return GraduationWizard::makePlan(*notebook, *analysis, options);
        }));
}

void WizardOptionsPage::planned()
{
    if (m_runningFor != m_changes) {
        startPlanning(); // made for options changed since: make it again
        return;
    }
    finishPlanning(m_watcher.future().takeResult());
}

void WizardOptionsPage::finishPlanning(PlanOutcome outcome)
{
    m_busyDelay.stop();
    m_busy->hide();
    m_outcome = std::move(outcome);
    m_plannedFor = m_runningFor;
    m_error->setText(m_outcome.error);
    m_error->setVisible(!m_outcome.error.isEmpty());
    emit completeChanged();
    emit m_wizard->planned(m_outcome.plan.has_value());
}

int WizardOptionsPage::nextId() const
{
    return needsRerun() ? GraduationWizard::RerunPageId : GraduationWizard::PlanPageId;
}

bool WizardOptionsPage::needsRerun() const
{
    return verifyFirst() || !interpreter().empty();
}

std::string WizardOptionsPage::interpreter() const
{
    return m_interpreterEdit->text().trimmed().toStdString();
}

bool WizardOptionsPage::verifyFirst() const
{
    return m_verifyBox->isChecked();
}

void WizardOptionsPage::retranslate()
{
    setTitle(GraduationWizard::tr("Package"));
    setSubTitle(GraduationWizard::tr("Name the package and choose how the notebook is cut into functions."));
    m_nameLabel->setText(GraduationWizard::tr("Package &name:"));
    m_splitLabel->setText(GraduationWizard::tr("&Split into:"));
    const int split = std::max(0, m_splitCombo->currentIndex());
    m_splitCombo->clear();
    m_splitCombo->addItem(
        GraduationWizard::tr("One function per heading section"), int(GraduationOptions::Split::Headings));
    m_splitCombo->addItem(
        GraduationWizard::tr("One function per code cell"), int(GraduationOptions::Split::Cells));
    m_splitCombo->addItem(GraduationWizard::tr("A single function"), int(GraduationOptions::Split::Single));
    m_splitCombo->setCurrentIndex(split);
    explainSplit();
    m_hiddenState->setText(
        GraduationWizard::tr("Generate even when cells read names defined later or nowhere"));
    m_brokenCells->setText(GraduationWizard::tr("Keep cells that are not Python 3 as commented TODOs"));
    m_interpreterLabel->setText(GraduationWizard::tr("&Interpreter:"));
    m_interpreterEdit->setPlaceholderText(GraduationWizard::tr(
        "Python the notebook ran with, to pin installed versions (empty: the notebook's own pins)"));
    m_copyLimitLabel->setText(GraduationWizard::tr("&Copy data files up to:"));
    m_copyLimitEdit->setToolTip(
        GraduationWizard::tr("Files the notebook reads beside it are copied into the package's data/ "
                             "while they add up to at most this size (K, M, G; 0 copies none)."));
    m_verifyBox->setText(
        GraduationWizard::tr("Re-run the notebook first and mark the tests of outputs that do not reproduce "
                             "as expected failures"));
}

void WizardOptionsPage::explainSplit()
{
    switch (GraduationOptions::Split(m_splitCombo->currentData().toInt())) {
    case GraduationOptions::Split::Headings:
        m_splitHelp->setText(GraduationWizard::tr(
            "Each markdown heading starts a new function holding the code cells below it. "
            "Best for notebooks organised in sections."));
        break;
    case GraduationOptions::Split::Cells:
        m_splitHelp->setText(
            GraduationWizard::tr("Every code cell becomes its own function. Fine-grained; best when cells "
                                 "are already self-contained steps."));
        break;
    case GraduationOptions::Split::Single:
        m_splitHelp->setText(
            GraduationWizard::tr("All code goes into one function. Simplest; best for short notebooks."));
        break;
    }
}

} // namespace tassel::ui
