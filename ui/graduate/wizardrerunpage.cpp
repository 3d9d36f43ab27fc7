#include "graduate/wizardrerunpage.h"

#include "graduate/graduationwizard.h"
#include "graduate/wizardoptionspage.h"

#include "analysis/notebookanalyzer.h"
#include "graduate/graduationplanner.h"
#include "verify/verifier.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace tassel::ui {

namespace {

/// The interpreter's versions (when one is named) and the notebook's re-run (when asked for).
RerunOutcome rerun(const Notebook &notebook, const NotebookAnalysis &base, const std::string &interpreter,
    bool verify, std::atomic_bool *cancel, QPromise<RerunOutcome> &promise)
{
    RerunOutcome outcome;
    AnalysisOptions analysisOptions;
    analysisOptions.pythonInterpreter = interpreter;
    outcome.analysis = interpreter.empty() ? base : analyzeNotebook(notebook, analysisOptions);
    if (!verify)
        return outcome;
    VerifyOptions options;
    options.python = interpreter;
    options.runInCopy = true; // the notebook's folder stays as it is
    auto report = Verifier::run(notebook, options, cancel, [&](int, int position, int total) {
        promise.setProgressRange(0, total);
        promise.setProgressValue(position - 1);
    });
    if (!report) {
        outcome.error = QString::fromStdString(report.error().toString());
    } else {
        Verifier::explain(report.value(), outcome.analysis);
        outcome.report = std::move(report).value();
    }
    return outcome;
}

/// The re-run, then the plan from what it found.
RerunOutcome rerunAndPlan(const Notebook &notebook, const NotebookAnalysis &base,
    const std::string &interpreter, bool verify, const GraduationOptions &options, std::atomic_bool *cancel,
    QPromise<RerunOutcome> &promise)
{
    RerunOutcome outcome = rerun(notebook, base, interpreter, verify, cancel, promise);
    if (!outcome.error.isEmpty() || cancel->load())
        return outcome;
    outcome.plan = GraduationWizard::makePlan(notebook, outcome.analysis, options);
    if (outcome.plan.plan && outcome.report)
        GraduationPlanner::markUnreproduced(*outcome.plan.plan, notebook, *outcome.report, outcome.analysis);
    return outcome;
}

} // namespace

WizardRerunPage::WizardRerunPage(GraduationWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    m_progress = new QProgressBar(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("rerunStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch();
    connect(
        &m_watcher, &QFutureWatcher<RerunOutcome>::progressRangeChanged, m_progress, &QProgressBar::setRange);
    connect(
        &m_watcher, &QFutureWatcher<RerunOutcome>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<RerunOutcome>::finished, this, [this] {
        done();
        emit completeChanged();
    });
}

WizardRerunPage::~WizardRerunPage()
{
    stop();
}

void WizardRerunPage::stop()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
    for (QFuture<RerunOutcome> &left : m_left)
        left.waitForFinished();
    m_left.clear();
}

void WizardRerunPage::initializePage()
{
    start();
}

void WizardRerunPage::cleanupPage()
{
    // Back to the options: this run's answer is for options that may change now.
    m_wanted = false;
    if (m_cancel)
        m_cancel->store(true);
    QWizardPage::cleanupPage();
}

bool WizardRerunPage::isComplete() const
{
    return !m_watcher.isRunning() && m_ok;
}

void WizardRerunPage::retranslate()
{
    setTitle(GraduationWizard::tr("Re-run"));
    setSubTitle(GraduationWizard::tr(
        "The notebook runs in a fresh process, in a copy of its folder; nothing is changed."));
}

void WizardRerunPage::start()
{
    if (m_watcher.isRunning())
        m_left.append(m_watcher.future()); // cancelled when the page was left; its answer is dropped
    m_left.removeIf([](const QFuture<RerunOutcome> &left) { return left.isFinished(); });
    const std::string interpreter = m_wizard->m_optionsPage->interpreter();
    const bool verify = m_wizard->m_optionsPage->verifyFirst();
    m_wanted = true;
    m_ok = false;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_progress->setRange(0, 0);
    m_status->setText(verify ? GraduationWizard::tr("Re-running the notebook…")
                             : GraduationWizard::tr("Asking the interpreter for versions…"));
    m_watcher.setFuture(QtConcurrent::run([notebook = m_wizard->m_notebook, base = m_wizard->m_baseAnalysis,
                                              interpreter, verify,
                                              options = m_wizard->m_optionsPage->options(),
                                              cancel = m_cancel](QPromise<RerunOutcome> &promise) {
        promise.addResult(rerunAndPlan(notebook, base, interpreter, verify, options, cancel.get(), promise));
    }));
}

void WizardRerunPage::done()
{
    if (!m_wanted)
        return; // the page was left while it ran
    RerunOutcome outcome = m_watcher.future().takeResult();
    const QString error = outcome.error.isEmpty() ? outcome.plan.error : outcome.error;
    m_ok = error.isEmpty();
    m_progress->setRange(0, 1);
    m_progress->setValue(m_ok ? 1 : 0);
    if (!m_ok) {
        m_status->setText(GraduationWizard::tr("The re-run could not be done: %1").arg(error));
        emit m_wizard->rerunFinished(false);
        return;
    }
    m_wizard->m_analysis = std::move(outcome.analysis);
    m_wizard->setPlan(std::move(*outcome.plan.plan));
    m_status->setText(summary(outcome.report).join(QLatin1Char('\n')));
    emit m_wizard->rerunFinished(true);
}

QStringList WizardRerunPage::summary(const std::optional<VerifyReport> &report) const
{
    const GraduationPlan &plan = m_wizard->m_plan;
    QStringList lines;
    for (const std::string &problem : m_wizard->m_analysis.problems)
        lines.append(QString::fromStdString(problem));
    if (report) {
        lines.append(GraduationWizard::tr("%1 of %2 code cells reproduced their stored outputs.")
                         .arg(report->count(VerifyStatus::Reproduced))
                         .arg(report->cells.size()));
        for (const GraduationStep &step : plan.steps)
            if (!step.xfailReason.empty())
                lines.append(
                    GraduationWizard::tr("%1: tests marked as expected failures: %2")
                        .arg(QString::fromStdString(step.name), QString::fromStdString(step.xfailReason)));
    }
    const auto pinned = std::count_if(plan.dependencies.begin(), plan.dependencies.end(),
        [](const PackageDependency &dependency) { return !dependency.version.empty(); });
    lines.append(
        GraduationWizard::tr("%1 of %2 dependencies pinned.").arg(pinned).arg(plan.dependencies.size()));
    return lines;
}

} // namespace tassel::ui
