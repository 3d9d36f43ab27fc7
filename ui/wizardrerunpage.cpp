#include "wizardrerunpage.h"

#include "graduationwizard.h"
#include "wizardoptionspage.h"

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
}

void WizardRerunPage::initializePage()
{
    start();
}

bool WizardRerunPage::isComplete() const
{
    return !m_watcher.isRunning() && m_watcher.future().isValid() && m_watcher.result().error.isEmpty();
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
        return;
    const std::string interpreter = m_wizard->m_optionsPage->interpreter();
    const bool verify = m_wizard->m_optionsPage->verifyFirst();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_progress->setRange(0, 0);
    m_status->setText(verify ? GraduationWizard::tr("Re-running the notebook…")
                             : GraduationWizard::tr("Asking the interpreter for versions…"));
    m_watcher.setFuture(
        QtConcurrent::run([notebook = m_wizard->m_notebook, base = m_wizard->m_baseAnalysis, interpreter,
                              verify, cancel = m_cancel](QPromise<RerunOutcome> &promise) {
            promise.addResult(rerun(notebook, base, interpreter, verify, cancel.get(), promise));
        }));
}

void WizardRerunPage::done()
{
    const RerunOutcome outcome = m_watcher.result();
    m_progress->setRange(0, 1);
    m_progress->setValue(outcome.error.isEmpty() ? 1 : 0);
    QString error = outcome.error;
    if (error.isEmpty()) {
        m_wizard->m_analysis = outcome.analysis;
        error = m_wizard->makePlan();
    }
    if (!error.isEmpty()) {
        m_status->setText(GraduationWizard::tr("The re-run could not be done: %1").arg(error));
        emit m_wizard->rerunFinished(false);
        return;
    }
    GraduationPlan &plan = m_wizard->m_plan;
    QStringList lines;
    for (const std::string &problem : m_wizard->m_analysis.problems)
        lines.append(QString::fromStdString(problem));
    if (outcome.report) {
        GraduationPlanner::markUnreproduced(
            plan, m_wizard->m_notebook, *outcome.report, m_wizard->m_analysis);
        lines.append(GraduationWizard::tr("%1 of %2 code cells reproduced their stored outputs.")
                         .arg(outcome.report->count(VerifyStatus::Reproduced))
                         .arg(outcome.report->cells.size()));
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
    m_status->setText(lines.join(QLatin1Char('\n')));
    emit m_wizard->rerunFinished(true);
}

} // namespace tassel::ui
