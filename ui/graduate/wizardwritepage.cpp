#include "graduate/wizardwritepage.h"

#include "graduate/graduationwizard.h"
#include "graduate/wizardtargetpage.h"

#include "graduate/graduationplanner.h"
#include "graduate/packagewriter.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tassel::ui {

namespace {

/// Writes file by file so the GUI can show progress and stop between files. The first call
/// checks the target (empty unless `force`); later calls add to the folder it created.
PackageWriteOutcome writeFiles(const std::vector<GeneratedFile> &files, const QString &target, bool force,
    const std::string &notebookPath, const std::shared_ptr<std::atomic<bool>> &cancel,
    QPromise<PackageWriteOutcome> &promise)
{
    PackageWriteOutcome outcome;
    promise.setProgressRange(0, int(files.size()));
    // Every path is checked before the first write, as PackageWriter does for a whole package.
    for (const GeneratedFile &file : files) {
        const std::string problem = PackageWriter::checkRelativePath(file.path);
        if (!problem.empty()) {
            outcome.error = QString::fromStdString(file.path + ": " + problem);
            return outcome;
        }
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (cancel->load()) {
            outcome.cancelled = true;
            return outcome;
        }
        auto written = PackageWriter::write({files[i]}, target.toStdString(), force || i > 0, {notebookPath});
        if (!written) {
            outcome.error = QString::fromStdString(written.error().toString());
            return outcome;
        }
        outcome.written.append(QString::fromStdString(files[i].path));
        promise.setProgressValue(int(i + 1));
    }
    return outcome;
}

} // namespace

WizardWritePage::WizardWritePage(GraduationWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setFinalPage(true);
    m_progress = new QProgressBar(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("writeStatus"));
    m_status->setWordWrap(true);
    m_cancelWrite = new QPushButton(this);
    m_openFolder = new QPushButton(this);
    m_openFolder->setObjectName(QStringLiteral("openFolder"));
    m_openFolder->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancelWrite);
    buttons->addStretch();
    buttons->addWidget(m_openFolder);
    addCommands();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    layout->addWidget(m_commands);
    layout->addStretch();
    connect(m_cancelWrite, &QPushButton::clicked, this, &WizardWritePage::cancel);
    connect(m_openFolder, &QPushButton::clicked, this,
        [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_wizard->m_targetPage->target())); });
    connect(&m_watcher, &QFutureWatcher<PackageWriteOutcome>::progressValueChanged, m_progress,
        &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<PackageWriteOutcome>::finished, this, &WizardWritePage::done);
}

WizardWritePage::~WizardWritePage()
{
    stop();
}

/// The commands to run next, each with a button that copies it; shown once the package is written.
void WizardWritePage::addCommands()
{
    m_commands = new QWidget(this);
    m_commands->setObjectName(QStringLiteral("nextCommands"));
    m_commandsLabel = new QLabel(m_commands);
    auto *layout = new QFormLayout(m_commands);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(m_commandsLabel);
    for (const QString &command : GraduationWizard::nextCommands()) {
        auto *line = new QLineEdit(command, m_commands);
        line->setReadOnly(true);
        line->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        auto *copy = new QPushButton(m_commands);
        copy->setObjectName(QStringLiteral("copy:") + command);
        connect(
            copy, &QPushButton::clicked, this, [command] { QGuiApplication::clipboard()->setText(command); });
        m_copyButtons.append(copy);
        auto *row = new QHBoxLayout;
        row->addWidget(line, 1);
        row->addWidget(copy);
        layout->addRow(row);
    }
    m_commands->hide();
}

void WizardWritePage::initializePage()
{
    start();
}

bool WizardWritePage::isComplete() const
{
    return !m_watcher.isRunning();
}

void WizardWritePage::retranslate()
{
    setTitle(GraduationWizard::tr("Writing"));
    m_cancelWrite->setText(GraduationWizard::tr("&Cancel Writing"));
    m_openFolder->setText(GraduationWizard::tr("&Open Folder"));
    m_commandsLabel->setText(
        GraduationWizard::tr("Next, in the package folder: run the pipeline, then its tests."));
    for (QPushButton *copy : std::as_const(m_copyButtons))
        copy->setText(GraduationWizard::tr("Copy"));
}

void WizardWritePage::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void WizardWritePage::stop()
{
    cancel();
    m_watcher.waitForFinished();
}

void WizardWritePage::start()
{
    m_outcome = {};
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    std::vector<GeneratedFile> &files = m_wizard->m_files;
    m_progress->setRange(0, int(files.size()));
    m_progress->setValue(0);
    m_cancelWrite->setEnabled(true);
    m_openFolder->setEnabled(false);
    const QString target = m_wizard->m_targetPage->target();
    // Inputs not copied into data/ are read beside the notebook, by a path from the target.
    GraduationPlan &plan = m_wizard->m_plan;
    const std::string notebookFolder
        = GraduationPlanner::notebookFolderFrom(target.toStdString(), m_wizard->m_notebook.path);
    if (plan.notebookFolder != notebookFolder) {
        plan.notebookFolder = notebookFolder;
        files = PackageGenerator::generate(plan);
    }
    m_status->setText(GraduationWizard::tr("Writing to %1…").arg(WizardTargetPage::shownPath(target)));
    emit completeChanged();
    m_watcher.setFuture(QtConcurrent::run(
        [files, target, force = m_wizard->m_targetPage->force(), notebookPath = m_wizard->m_notebook.path,
            cancel = m_cancel](QPromise<PackageWriteOutcome> &promise) {
            promise.addResult(writeFiles(files, target, force, notebookPath, cancel, promise));
        }));
}

void WizardWritePage::done()
{
    m_outcome = m_watcher.result();
    m_cancelWrite->setEnabled(false);
    const QString folder = WizardTargetPage::shownPath(m_wizard->m_targetPage->target());
    const int count = int(m_outcome.written.size());
    if (!m_outcome.error.isEmpty())
        m_status->setText(
            GraduationWizard::tr("Writing failed after %n file(s): %1", nullptr, count).arg(m_outcome.error));
    else if (m_outcome.cancelled)
        m_status->setText(GraduationWizard::tr(
            "Cancelled after %n file(s); %1 holds an incomplete package.", nullptr, count)
                              .arg(folder));
    else
        m_status->setText(GraduationWizard::tr("%n file(s) written to %1.", nullptr, count).arg(folder));
    const bool ok = m_outcome.error.isEmpty() && !m_outcome.cancelled;
    m_openFolder->setEnabled(!m_outcome.written.isEmpty());
    m_commands->setVisible(ok);
    // Nothing is left to cancel or go back to: Finish is the only way on.
    if (QAbstractButton *cancel = m_wizard->button(QWizard::CancelButton))
        cancel->setEnabled(false);
    emit completeChanged();
    emit m_wizard->writeFinished(ok);
}

} // namespace tassel::ui
