#include "graduationwizard.h"

#include "syntaxrepository.h"

#include "analysis/notebookanalyzer.h"
#include "analysis/stdlibmodules.h"
#include "graduate/graduationplanner.h"
#include "graduate/packagewriter.h"
#include "graduate/pythonidentifiers.h"
#include "util/bytesize.h"
#include "util/outputguard.h"
#include "verify/verifier.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextDocument>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

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

/// Package name, split mode and whether hidden state is tolerated; accepting it makes the plan.
class OptionsPage : public QWizardPage
{
public:
    explicit OptionsPage(GraduationWizard *wizard)
        : QWizardPage(wizard)
        , m_wizard(wizard)
    {
    }
    bool validatePage() override
    {
        QString error;
        if (const auto limit = parseSize(m_wizard->m_copyLimitEdit->text().toStdString()))
            m_wizard->m_copyDataLimit = *limit;
        else
            error = GraduationWizard::tr("Copy data files up to: type a size such as 20M, 500K or 0.");
        if (error.isEmpty()) {
            m_wizard->m_analysis = m_wizard->m_baseAnalysis;
            error = m_wizard->makePlan();
        }
        m_wizard->m_optionsError->setText(error);
        m_wizard->m_optionsError->setVisible(!error.isEmpty());
        return error.isEmpty();
    }
    int nextId() const override
    {
        return m_wizard->needsRerun() ? GraduationWizard::RerunPageId : GraduationWizard::PlanPageId;
    }

private:
    GraduationWizard *m_wizard;
};

/// Asks the chosen interpreter for installed versions and re-runs the notebook, off the GUI
/// thread; complete once both are done and the plan is made again from what they found.
class RerunPage : public QWizardPage
{
public:
    explicit RerunPage(GraduationWizard *wizard)
        : QWizardPage(wizard)
        , m_wizard(wizard)
    {
    }
    void initializePage() override { m_wizard->startRerun(); }
    bool isComplete() const override
    {
        return !m_wizard->m_rerunWatcher.isRunning() && m_wizard->m_rerunWatcher.future().isValid()
            && m_wizard->m_rerunWatcher.result().error.isEmpty();
    }
    void refresh() { emit completeChanged(); }

private:
    GraduationWizard *m_wizard;
};

/// The steps as a table whose titles and function names can be edited.
class PlanPage : public QWizardPage
{
public:
    explicit PlanPage(GraduationWizard *wizard)
        : QWizardPage(wizard)
        , m_wizard(wizard)
    {
    }
    void initializePage() override { m_wizard->fillPlanTable(); }

private:
    GraduationWizard *m_wizard;
};

/// The generated files, each shown highlighted; complete once generation has finished.
class PreviewPage : public QWizardPage
{
public:
    explicit PreviewPage(GraduationWizard *wizard)
        : QWizardPage(wizard)
        , m_wizard(wizard)
    {
    }
    void initializePage() override { m_wizard->startGeneration(); }
    bool isComplete() const override
    {
        return !m_wizard->m_generateWatcher.isRunning() && !m_wizard->m_files.empty();
    }
    int nextId() const override
    {
        return m_wizard->warnings().isEmpty() ? GraduationWizard::TargetPageId
                                              : GraduationWizard::WarningsPageId;
    }
    void refresh() { emit completeChanged(); }

private:
    GraduationWizard *m_wizard;
};

/// What the package will not pin down (shown only when there is something to say).
class WarningsPage : public QWizardPage
{
public:
    explicit WarningsPage(GraduationWizard *wizard)
        : QWizardPage(wizard)
        , m_wizard(wizard)
    {
    }
    void initializePage() override { m_wizard->fillWarnings(); }

private:
    GraduationWizard *m_wizard;
};

/// The target folder; the commit point (no way back once writing starts).
class TargetPage : public QWizardPage
{
public:
    explicit TargetPage(GraduationWizard *wizard)
        : QWizardPage(wizard)
        , m_wizard(wizard)
    {
        setCommitPage(true);
    }
    void initializePage() override { m_wizard->suggestTarget(); }
    bool isComplete() const override { return !m_wizard->m_targetEdit->text().trimmed().isEmpty(); }
    bool validatePage() override
    {
        const QString error = m_wizard->checkTarget();
        m_wizard->m_targetError->setText(error);
        m_wizard->m_targetError->setVisible(!error.isEmpty());
        return error.isEmpty();
    }
    void refresh() { emit completeChanged(); }

private:
    GraduationWizard *m_wizard;
};

/// Writes the package with a progress bar and a cancel button, then offers to open the folder.
class WritePage : public QWizardPage
{
public:
    explicit WritePage(GraduationWizard *wizard)
        : QWizardPage(wizard)
        , m_wizard(wizard)
    {
        setFinalPage(true);
    }
    void initializePage() override { m_wizard->startWrite(); }
    bool isComplete() const override { return !m_wizard->m_writeWatcher.isRunning(); }
    void refresh() { emit completeChanged(); }

private:
    GraduationWizard *m_wizard;
};

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

    // 1. Options.
    auto *options = new OptionsPage(this);
    m_nameLabel = new QLabel(options);
    m_nameEdit = new QLineEdit(options);
    m_nameEdit->setObjectName(QStringLiteral("packageName"));
    m_nameLabel->setBuddy(m_nameEdit);
    const std::string stem
        = QFileInfo(QString::fromStdString(notebook.path)).completeBaseName().toStdString();
    m_nameEdit->setPlaceholderText(QString::fromStdString(PythonIdentifiers::identifier(stem, "notebook")));
    m_splitLabel = new QLabel(options);
    m_splitCombo = new QComboBox(options);
    m_splitCombo->setObjectName(QStringLiteral("splitMode"));
    m_splitLabel->setBuddy(m_splitCombo);
    m_splitHelp = new QLabel(options);
    m_splitHelp->setObjectName(QStringLiteral("splitHelp"));
    m_splitHelp->setWordWrap(true);
    connect(m_splitCombo, &QComboBox::currentIndexChanged, this, &GraduationWizard::explainSplit);
    m_hiddenState = new QCheckBox(options);
    m_brokenCells = new QCheckBox(options);
    m_brokenCells->setObjectName(QStringLiteral("allowBrokenCells"));
    m_interpreterLabel = new QLabel(options);
    m_interpreterEdit = new QLineEdit(options);
    m_interpreterEdit->setObjectName(QStringLiteral("pythonInterpreter"));
    m_interpreterLabel->setBuddy(m_interpreterEdit);
    m_copyLimitLabel = new QLabel(options);
    m_copyLimitEdit = new QLineEdit(QStringLiteral("20M"), options);
    m_copyLimitEdit->setObjectName(QStringLiteral("copyDataLimit"));
    m_copyLimitLabel->setBuddy(m_copyLimitEdit);
    m_verifyBox = new QCheckBox(options);
    m_verifyBox->setObjectName(QStringLiteral("verifyFirst"));
    m_verifyBox->setChecked(true);
    m_optionsError = new QLabel(options);
    m_optionsError->setWordWrap(true);
    m_optionsError->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_optionsError->hide();
    auto *optionsLayout = new QFormLayout(options);
    optionsLayout->addRow(m_nameLabel, m_nameEdit);
    optionsLayout->addRow(m_splitLabel, m_splitCombo);
    optionsLayout->addRow(QString(), m_splitHelp);
    optionsLayout->addRow(QString(), m_hiddenState);
    optionsLayout->addRow(QString(), m_brokenCells);
    optionsLayout->addRow(m_interpreterLabel, m_interpreterEdit);
    optionsLayout->addRow(m_copyLimitLabel, m_copyLimitEdit);
    optionsLayout->addRow(QString(), m_verifyBox);
    optionsLayout->addRow(m_optionsError);
    setPage(OptionsPageId, options);

    // 1b. Re-run (only when the options ask for it).
    auto *rerun = new RerunPage(this);
    m_rerunProgress = new QProgressBar(rerun);
    m_rerunStatus = new QLabel(rerun);
    m_rerunStatus->setObjectName(QStringLiteral("rerunStatus"));
    m_rerunStatus->setWordWrap(true);
    m_rerunStatus->setTextFormat(Qt::PlainText);
    auto *rerunLayout = new QVBoxLayout(rerun);
    rerunLayout->addWidget(m_rerunProgress);
    rerunLayout->addWidget(m_rerunStatus);
    rerunLayout->addStretch();
    connect(&m_rerunWatcher, &QFutureWatcher<RerunOutcome>::progressRangeChanged, m_rerunProgress,
        &QProgressBar::setRange);
    connect(&m_rerunWatcher, &QFutureWatcher<RerunOutcome>::progressValueChanged, m_rerunProgress,
        &QProgressBar::setValue);
    connect(&m_rerunWatcher, &QFutureWatcher<RerunOutcome>::finished, this, [this, rerun] {
        rerunDone();
        rerun->refresh();
    });
    setPage(RerunPageId, rerun);

    // 2. Plan.
    auto *planPage = new PlanPage(this);
    m_planTable = new QTableWidget(0, 5, planPage);
    m_planTable->setObjectName(QStringLiteral("planTable"));
    m_planTable->horizontalHeader()->setStretchLastSection(true);
    m_planTable->setWordWrap(false);
    m_planTable->setTextElideMode(Qt::ElideRight);
    m_planTable->verticalHeader()->hide();
    m_planStatus = new QLabel(planPage);
    m_planStatus->setWordWrap(true);
    m_notes = new QPlainTextEdit(planPage);
    m_notes->setReadOnly(true);
    m_notes->setMaximumHeight(140);
    auto *planLayout = new QVBoxLayout(planPage);
    planLayout->addWidget(m_planTable, 1);
    planLayout->addWidget(m_planStatus);
    planLayout->addWidget(m_notes);
    connect(m_planTable, &QTableWidget::cellChanged, this, &GraduationWizard::planItemChanged);
    setPage(PlanPageId, planPage);

    // 3. Preview.
    auto *preview = new PreviewPage(this);
    auto *splitter = new QSplitter(preview);
    m_fileTree = new QTreeWidget(splitter);
    m_fileTree->setObjectName(QStringLiteral("fileTree"));
    m_fileTree->setHeaderHidden(true);
    m_preview = new QPlainTextEdit(splitter);
    m_preview->setObjectName(QStringLiteral("filePreview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter = new KSyntaxHighlighting::SyntaxHighlighter(m_preview->document());
    const bool dark = QApplication::palette().color(QPalette::Base).lightness() < 128;
    m_highlighter->setTheme(SyntaxRepository::instance().defaultTheme(
        dark ? KSyntaxHighlighting::Repository::DarkTheme : KSyntaxHighlighting::Repository::LightTheme));
    splitter->setStretchFactor(1, 3);
    m_previewStatus = new QLabel(preview);
    auto *previewLayout = new QVBoxLayout(preview);
    previewLayout->addWidget(splitter, 1);
    previewLayout->addWidget(m_previewStatus);
    connect(m_fileTree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            showFile(item->data(0, Qt::UserRole).toString());
    });
    connect(&m_generateWatcher, &QFutureWatcher<std::vector<GeneratedFile>>::finished, this, [this, preview] {
        m_files = m_generateWatcher.result();
        m_fileTree->clear();
        QHash<QString, QTreeWidgetItem *> folders;
        QTreeWidgetItem *first = nullptr;
        for (const GeneratedFile &file : m_files) {
            const QString path = QString::fromStdString(file.path);
            QStringList parts = path.split(QLatin1Char('/'));
            const QString name = parts.takeLast();
            QTreeWidgetItem *parent = nullptr;
            QString folder;
            for (const QString &part : std::as_const(parts)) {
                folder += part + QLatin1Char('/');
                QTreeWidgetItem *&item = folders[folder];
                if (!item) {
                    item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_fileTree);
                    item->setText(0, part);
                    item->setExpanded(true);
                }
                parent = item;
            }
            auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_fileTree);
            item->setText(0, name);
            item->setData(0, Qt::UserRole, path);
            item->setToolTip(0, path);
            if (!first || path.endsWith(QStringLiteral("/pipeline.py")))
                first = item;
        }
        m_fileTree->expandAll();
        if (first)
            m_fileTree->setCurrentItem(first);
        m_previewStatus->setText(tr("%n file(s) will be written.", nullptr, int(m_files.size())));
        preview->refresh();
        emit filesGenerated();
    });
    setPage(PreviewPageId, preview);

    // 4. Warnings.
    auto *warningsPage = new WarningsPage(this);
    m_warnings = new QLabel(warningsPage);
    m_warnings->setObjectName(QStringLiteral("warnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *warningsLayout = new QVBoxLayout(warningsPage);
    warningsLayout->addWidget(m_warnings);
    warningsLayout->addStretch();
    setPage(WarningsPageId, warningsPage);

    // 5. Target folder.
    auto *target = new TargetPage(this);
    m_targetLabel = new QLabel(target);
    m_targetEdit = new QLineEdit(target);
    m_targetEdit->setObjectName(QStringLiteral("targetFolder"));
    m_targetLabel->setBuddy(m_targetEdit);
    m_browse = new QPushButton(target);
    m_force = new QCheckBox(target);
    m_targetError = new QLabel(target);
    m_targetError->setWordWrap(true);
    m_targetError->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_targetError->hide();
    auto *row = new QHBoxLayout;
    row->addWidget(m_targetEdit, 1);
    row->addWidget(m_browse);
    auto *targetLayout = new QFormLayout(target);
    targetLayout->addRow(m_targetLabel, row);
    targetLayout->addRow(QString(), m_force);
    targetLayout->addRow(m_targetError);
    connect(m_targetEdit, &QLineEdit::textChanged, target, &TargetPage::refresh);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString folder
            = QFileDialog::getExistingDirectory(this, tr("Target Folder"), m_targetEdit->text());
        if (!folder.isEmpty())
            m_targetEdit->setText(QDir(folder).filePath(QString::fromStdString(m_plan.packageName)));
    });
    setPage(TargetPageId, target);

    // 6. Write.
    auto *write = new WritePage(this);
    m_progress = new QProgressBar(write);
    m_writeStatus = new QLabel(write);
    m_writeStatus->setObjectName(QStringLiteral("writeStatus"));
    m_writeStatus->setWordWrap(true);
    m_cancelWrite = new QPushButton(write);
    m_openFolder = new QPushButton(write);
    m_openFolder->setObjectName(QStringLiteral("openFolder"));
    m_openFolder->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancelWrite);
    buttons->addStretch();
    buttons->addWidget(m_openFolder);
    m_commands = new QWidget(write);
    m_commands->setObjectName(QStringLiteral("nextCommands"));
    m_commandsLabel = new QLabel(m_commands);
    auto *commandsLayout = new QFormLayout(m_commands);
    commandsLayout->setContentsMargins(0, 0, 0, 0);
    commandsLayout->addRow(m_commandsLabel);
    for (const QString &command : nextCommands()) {
        auto *line = new QLineEdit(command, m_commands);
        line->setReadOnly(true);
        line->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        auto *copy = new QPushButton(m_commands);
        copy->setObjectName(QStringLiteral("copy:") + command);
        connect(
            copy, &QPushButton::clicked, this, [command] { QGuiApplication::clipboard()->setText(command); });
        m_copyButtons.append(copy);
        auto *commandRow = new QHBoxLayout;
        commandRow->addWidget(line, 1);
        commandRow->addWidget(copy);
        commandsLayout->addRow(commandRow);
    }
    m_commands->hide();
    auto *writeLayout = new QVBoxLayout(write);
    writeLayout->addWidget(m_progress);
    writeLayout->addWidget(m_writeStatus);
    writeLayout->addLayout(buttons);
    writeLayout->addWidget(m_commands);
    writeLayout->addStretch();
    connect(m_cancelWrite, &QPushButton::clicked, this, &GraduationWizard::cancelWrite);
    connect(m_openFolder, &QPushButton::clicked, this,
        [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_targetEdit->text().trimmed())); });
    connect(&m_writeWatcher, &QFutureWatcher<PackageWriteOutcome>::progressValueChanged, m_progress,
        &QProgressBar::setValue);
    connect(
        &m_writeWatcher, &QFutureWatcher<PackageWriteOutcome>::finished, this, &GraduationWizard::writeDone);
    setPage(WritePageId, write);

    retranslate();
}

GraduationWizard::~GraduationWizard()
{
    if (m_cancel)
        m_cancel->store(true);
    if (m_rerunCancel)
        m_rerunCancel->store(true);
    m_writeWatcher.waitForFinished();
    m_generateWatcher.waitForFinished();
    m_rerunWatcher.waitForFinished();
}

void GraduationWizard::retranslate()
{
    setWindowTitle(tr("Graduate Notebook"));
    page(OptionsPageId)->setTitle(tr("Package"));
    page(OptionsPageId)
        ->setSubTitle(tr("Name the package and choose how the notebook is cut into functions."));
    m_nameLabel->setText(tr("Package &name:"));
    m_splitLabel->setText(tr("&Split into:"));
    const int split = std::max(0, m_splitCombo->currentIndex());
    m_splitCombo->clear();
    m_splitCombo->addItem(tr("One function per heading section"), int(GraduationOptions::Split::Headings));
    m_splitCombo->addItem(tr("One function per code cell"), int(GraduationOptions::Split::Cells));
    m_splitCombo->addItem(tr("A single function"), int(GraduationOptions::Split::Single));
    m_splitCombo->setCurrentIndex(split);
    explainSplit();
    m_hiddenState->setText(tr("Generate even when cells read names defined later or nowhere"));
    m_brokenCells->setText(tr("Keep cells that are not Python 3 as commented TODOs"));
    m_interpreterLabel->setText(tr("&Interpreter:"));
    m_interpreterEdit->setPlaceholderText(
        tr("Python the notebook ran with, to pin installed versions (empty: the notebook's own pins)"));
    m_copyLimitLabel->setText(tr("&Copy data files up to:"));
    m_copyLimitEdit->setToolTip(tr("Files the notebook reads beside it are copied into the package's data/ "
                                   "while they add up to at most this size (K, M, G; 0 copies none)."));
    m_verifyBox->setText(tr("Re-run the notebook first and mark the tests of outputs that do not reproduce "
                            "as expected failures"));
    page(RerunPageId)->setTitle(tr("Re-run"));
    page(RerunPageId)
        ->setSubTitle(
            tr("The notebook runs in a fresh process, in a copy of its folder; nothing is changed."));

    page(PlanPageId)->setTitle(tr("Plan"));
    page(PlanPageId)
        ->setSubTitle(
            tr("Each step becomes a function. Double-click a title or function name to change it."));
    m_planTable->setHorizontalHeaderLabels(
        {tr("Section"), tr("Function"), tr("Cells"), tr("Parameters"), tr("Returns")});

    page(PreviewPageId)->setTitle(tr("Preview"));
    page(PreviewPageId)->setSubTitle(tr("The files of the package, as they will be written."));

    page(WarningsPageId)->setTitle(tr("Before Writing"));
    page(WarningsPageId)->setSubTitle(tr("The package will run, but these points make it less repeatable."));
    if (currentId() == WarningsPageId)
        fillWarnings();

    page(TargetPageId)->setTitle(tr("Target Folder"));
    page(TargetPageId)
        ->setSubTitle(tr("The package is written into this folder, which is created if needed."));
    m_targetLabel->setText(tr("&Folder:"));
    m_browse->setText(tr("&Browse…"));
    m_force->setText(tr("Write into a non-empty folder"));
    setButtonText(QWizard::CommitButton, tr("&Generate"));

    page(WritePageId)->setTitle(tr("Writing"));
    m_cancelWrite->setText(tr("&Cancel Writing"));
    m_openFolder->setText(tr("&Open Folder"));
    m_commandsLabel->setText(tr("Next, in the package folder: run the pipeline, then its tests."));
    for (QPushButton *copy : std::as_const(m_copyButtons))
        copy->setText(tr("Copy"));
}

void GraduationWizard::explainSplit()
{
    switch (GraduationOptions::Split(m_splitCombo->currentData().toInt())) {
    case GraduationOptions::Split::Headings:
        m_splitHelp->setText(
            tr("Each markdown heading starts a new function holding the code cells below it. "
               "Best for notebooks organised in sections."));
        break;
    case GraduationOptions::Split::Cells:
        m_splitHelp->setText(tr("Every code cell becomes its own function. Fine-grained; best when cells "
                                "are already self-contained steps."));
        break;
    case GraduationOptions::Split::Single:
        m_splitHelp->setText(tr("All code goes into one function. Simplest; best for short notebooks."));
        break;
    }
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

void GraduationWizard::fillWarnings()
{
    m_warnings->setText(warnings().join(QLatin1Char('\n')));
}

void GraduationWizard::suggestTarget()
{
    const QString current = m_targetEdit->text().trimmed();
    if (!current.isEmpty() && current != m_suggestedTarget)
        return; // the user's own choice
    if (m_notebook.path.empty())
        return; // an unsaved notebook has no folder to suggest
    const QString folder = QFileInfo(QString::fromStdString(m_notebook.path)).absolutePath();
    m_suggestedTarget
        = QDir::toNativeSeparators(QDir(folder).filePath(QString::fromStdString(m_plan.packageName)));
    m_targetEdit->setText(m_suggestedTarget);
}

QStringList GraduationWizard::nextCommands()
{
    return {QStringLiteral("./run.sh"), QStringLiteral("python -m pytest")};
}

void GraduationWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

QString GraduationWizard::makePlan()
{
    GraduationOptions options;
    options.name = m_nameEdit->text().trimmed().toStdString();
    options.split = GraduationOptions::Split(m_splitCombo->currentData().toInt());
    options.allowHiddenState = m_hiddenState->isChecked();
    options.allowBrokenCells = m_brokenCells->isChecked();
    options.copyDataLimit = m_copyDataLimit;
    auto plan = GraduationPlanner::plan(m_notebook, m_analysis, options);
    if (!plan) {
        if (plan.error().code == "hidden-state") {
            // The planner's message speaks to CLI users; list the findings in the window's words.
            QStringList where;
            for (const Finding &finding : m_analysis.findings)
                if (finding.rule == "use-before-definition" || finding.rule == "undefined-name")
                    where.append(
                        tr("cell %1: %2").arg(finding.cell + 1).arg(QString::fromStdString(finding.message)));
            return tr("Some cells read names defined later or nowhere, so the package would not run top to "
                      "bottom. Fix the notebook, or tick the box to generate anyway.")
                + QLatin1Char('\n') + where.join(QLatin1Char('\n'));
        }
        return QString::fromStdString(plan.error().toString());
    }
    m_plan = std::move(plan).value();
    m_files.clear();
    return {};
}

void GraduationWizard::fillPlanTable()
{
    m_filling = true;
    m_planTable->setRowCount(int(m_plan.steps.size()));
    for (std::size_t i = 0; i < m_plan.steps.size(); ++i) {
        const GraduationStep &step = m_plan.steps[i];
        const int row = int(i);
        const auto readOnly = [](const QString &text) {
            auto *item = new QTableWidgetItem(text);
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            return item;
        };
        m_planTable->setItem(row, TitleColumn, new QTableWidgetItem(plainTitle(step.title)));
        m_planTable->setItem(row, FunctionColumn, new QTableWidgetItem(QString::fromStdString(step.name)));
        m_planTable->setItem(row, CellsColumn, readOnly(cellList(step.cells)));
        m_planTable->setItem(row, ParametersColumn, readOnly(joined(step.parameters)));
        m_planTable->setItem(row, ReturnsColumn, readOnly(joined(step.returns)));
        // Long texts are elided in the table; the full text is one hover away.
        for (int column = TitleColumn; column <= ReturnsColumn; ++column)
            m_planTable->item(row, column)->setToolTip(m_planTable->item(row, column)->text());
        m_planTable->item(row, CellsColumn)
            ->setToolTip(tr("Cells %1 (ids %2)").arg(cellList(step.cells), joined(step.cellIds)));
    }
    m_planTable->resizeColumnsToContents();
    // No column may push the others out of sight: each gets at most a third of the view.
    // (The page is not laid out yet when it is filled: measure the wizard.)
    const int widest = std::max(160, width() / 3);
    for (int column = TitleColumn; column < ReturnsColumn; ++column)
        m_planTable->setColumnWidth(column, std::min(m_planTable->columnWidth(column), widest));
    m_filling = false;

    QStringList notes;
    for (const TransformNote &note : m_plan.notes)
        notes.append(tr("Cell %1: %2").arg(note.cell + 1).arg(QString::fromStdString(note.message)));
    m_notes->setPlainText(notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!notes.isEmpty());
    m_planStatus->setText(
        tr("Package %1: %n step(s), %2 helper(s), %3 dependencies.", nullptr, int(m_plan.steps.size()))
            .arg(QString::fromStdString(m_plan.packageName))
            .arg(m_plan.helpers.size())
            .arg(m_plan.dependencies.size()));
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

void GraduationWizard::planItemChanged(int row, int column)
{
    if (m_filling || row < 0 || std::size_t(row) >= m_plan.steps.size())
        return;
    QTableWidgetItem *item = m_planTable->item(row, column);
    GraduationStep &step = m_plan.steps[std::size_t(row)];
    if (column == TitleColumn) {
        if (item->text() == plainTitle(step.title))
            return; // unchanged: keep the heading's own markup
        step.title = item->text().trimmed().toStdString();
        item->setToolTip(item->text());
        m_files.clear();
        return;
    }
    if (column != FunctionColumn)
        return;
    const QString error = renameStep(row, item->text());
    m_planStatus->setText(error);
    if (!error.isEmpty()) {
        m_filling = true;
        item->setText(QString::fromStdString(step.name));
        m_filling = false;
    }
}

void GraduationWizard::startGeneration()
{
    m_files.clear();
    m_fileTree->clear();
    m_preview->clear();
    m_previewStatus->setText(tr("Generating…"));
    static_cast<PreviewPage *>(page(PreviewPageId))->refresh();
    m_generateWatcher.setFuture(
        QtConcurrent::run([plan = m_plan] { return PackageGenerator::generate(plan); }));
}

QString GraduationWizard::definitionNameFor(const QString &path)
{
    const auto definition = SyntaxRepository::instance().definitionForFileName(path);
    return definition.isValid() ? definition.name() : QString();
}

void GraduationWizard::showFile(const QString &path)
{
    const auto it = std::find_if(m_files.begin(), m_files.end(),
        [&](const GeneratedFile &file) { return QString::fromStdString(file.path) == path; });
    if (it == m_files.end()) {
        m_preview->clear();
        return;
    }
    m_highlighter->setDefinition(SyntaxRepository::instance().definitionForFileName(path));
    m_preview->setPlainText(QString::fromStdString(it->content));
}

QString GraduationWizard::checkTarget() const
{
    const QString target = m_targetEdit->text().trimmed();
    if (target.isEmpty())
        return tr("Choose a folder.");
    std::vector<std::string> paths;
    for (const GeneratedFile &file : m_files)
        paths.push_back(file.path);
    if (const auto refused = outputguard::checkFolder(target.toStdString(), paths, {m_notebook.path})) {
        if (refused->code == "output-is-input")
            return tr("%1 holds the notebook itself, which the package would replace. Choose another folder.")
                .arg(QDir::toNativeSeparators(target));
        return tr("%1 goes through a symbolic link. Choose the folder it points to instead.")
            .arg(QDir::toNativeSeparators(target));
    }
    const QFileInfo info(target);
    if (info.exists() && !info.isDir())
        return tr("%1 exists and is not a folder.").arg(QDir::toNativeSeparators(target));
    if (info.exists() && !m_force->isChecked()
        && !QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return tr("%1 is not empty. Choose another folder, or tick the box to write into it.")
            .arg(QDir::toNativeSeparators(target));
    return {};
}

void GraduationWizard::startWrite()
{
    m_written = false;
    m_outcome = {};
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_progress->setRange(0, int(m_files.size()));
    m_progress->setValue(0);
    m_cancelWrite->setEnabled(true);
    m_openFolder->setEnabled(false);
    const QString target = m_targetEdit->text().trimmed();
    // Inputs not copied into data/ are read beside the notebook, by a path from the target.
    const std::string notebookFolder
        = GraduationPlanner::notebookFolderFrom(target.toStdString(), m_notebook.path);
    if (m_plan.notebookFolder != notebookFolder) {
        m_plan.notebookFolder = notebookFolder;
        m_files = PackageGenerator::generate(m_plan);
    }
    m_writeStatus->setText(tr("Writing to %1…").arg(QDir::toNativeSeparators(target)));
    static_cast<WritePage *>(page(WritePageId))->refresh();
    m_writeWatcher.setFuture(QtConcurrent::run(
        [files = m_files, target, force = m_force->isChecked(), notebookPath = m_notebook.path,
            cancel = m_cancel](QPromise<PackageWriteOutcome> &promise) {
            promise.addResult(writeFiles(files, target, force, notebookPath, cancel, promise));
        }));
}

void GraduationWizard::writeDone()
{
    m_outcome = m_writeWatcher.result();
    m_cancelWrite->setEnabled(false);
    const QString folder = QDir::toNativeSeparators(m_targetEdit->text().trimmed());
    if (!m_outcome.error.isEmpty())
        m_writeStatus->setText(
            tr("Writing failed after %n file(s): %1", nullptr, int(m_outcome.written.size()))
                .arg(m_outcome.error));
    else if (m_outcome.cancelled)
        m_writeStatus->setText(tr("Cancelled after %n file(s); %1 holds an incomplete package.", nullptr,
            int(m_outcome.written.size()))
                                   .arg(folder));
    else
        m_writeStatus->setText(
            tr("%n file(s) written to %1.", nullptr, int(m_outcome.written.size())).arg(folder));
    const bool ok = m_outcome.error.isEmpty() && !m_outcome.cancelled;
    m_written = ok;
    m_openFolder->setEnabled(!m_outcome.written.isEmpty());
    m_commands->setVisible(ok);
    // Nothing is left to cancel or go back to: Finish is the only way on.
    if (QAbstractButton *cancel = button(QWizard::CancelButton))
        cancel->setEnabled(false);
    static_cast<WritePage *>(page(WritePageId))->refresh();
    emit writeFinished(ok);
}

void GraduationWizard::cancelWrite()
{
    if (m_cancel)
        m_cancel->store(true);
}

bool GraduationWizard::isBusy() const
{
    return m_writeWatcher.isRunning() || m_generateWatcher.isRunning() || m_rerunWatcher.isRunning();
}

bool GraduationWizard::needsRerun() const
{
    return m_verifyBox->isChecked() || !m_interpreterEdit->text().trimmed().isEmpty();
}

void GraduationWizard::startRerun()
{
    if (m_rerunWatcher.isRunning())
        return;
    const std::string interpreter = m_interpreterEdit->text().trimmed().toStdString();
    const bool verify = m_verifyBox->isChecked();
    m_rerunCancel = std::make_shared<std::atomic_bool>(false);
    m_rerunProgress->setRange(0, 0);
    m_rerunStatus->setText(
        verify ? tr("Re-running the notebook…") : tr("Asking the interpreter for versions…"));
    m_rerunWatcher.setFuture(QtConcurrent::run([notebook = m_notebook, base = m_baseAnalysis, interpreter,
                                                   verify,
                                                   cancel = m_rerunCancel](QPromise<RerunOutcome> &promise) {
        RerunOutcome outcome;
        AnalysisOptions analysisOptions;
        analysisOptions.pythonInterpreter = interpreter;
        outcome.analysis = interpreter.empty() ? base : analyzeNotebook(notebook, analysisOptions);
        if (verify) {
            VerifyOptions options;
            options.python = interpreter;
            options.runInCopy = true; // the notebook's folder stays as it is
            auto report = Verifier::run(notebook, options, cancel.get(), [&](int, int position, int total) {
                promise.setProgressRange(0, total);
                promise.setProgressValue(position - 1);
            });
            if (!report) {
                outcome.error = QString::fromStdString(report.error().toString());
            } else {
                Verifier::explain(report.value(), outcome.analysis);
                outcome.report = std::move(report).value();
            }
        }
        promise.addResult(std::move(outcome));
    }));
}

void GraduationWizard::rerunDone()
{
    const RerunOutcome outcome = m_rerunWatcher.result();
    m_rerunProgress->setRange(0, 1);
    m_rerunProgress->setValue(outcome.error.isEmpty() ? 1 : 0);
    QString error = outcome.error;
    if (error.isEmpty()) {
        m_analysis = outcome.analysis;
        error = makePlan();
    }
    if (!error.isEmpty()) {
        m_rerunStatus->setText(tr("The re-run could not be done: %1").arg(error));
        emit rerunFinished(false);
        return;
    }
    QStringList lines;
    for (const std::string &problem : m_analysis.problems)
        lines.append(QString::fromStdString(problem));
    if (outcome.report) {
        GraduationPlanner::markUnreproduced(m_plan, m_notebook, *outcome.report, m_analysis);
        lines.append(tr("%1 of %2 code cells reproduced their stored outputs.")
                         .arg(outcome.report->count(VerifyStatus::Reproduced))
                         .arg(outcome.report->cells.size()));
        for (const GraduationStep &step : m_plan.steps)
            if (!step.xfailReason.empty())
                lines.append(
                    tr("%1: tests marked as expected failures: %2")
                        .arg(QString::fromStdString(step.name), QString::fromStdString(step.xfailReason)));
    }
    const auto pinned = std::count_if(m_plan.dependencies.begin(), m_plan.dependencies.end(),
        [](const PackageDependency &dependency) { return !dependency.version.empty(); });
    lines.append(tr("%1 of %2 dependencies pinned.").arg(pinned).arg(m_plan.dependencies.size()));
    m_rerunStatus->setText(lines.join(QLatin1Char('\n')));
    emit rerunFinished(true);
}

void GraduationWizard::reject()
{
    // Stop between two files rather than leaving a thread writing behind a closed dialog.
    cancelWrite();
    m_writeWatcher.waitForFinished();
    if (m_rerunCancel)
        m_rerunCancel->store(true);
    m_rerunWatcher.waitForFinished();
    QWizard::reject();
}

} // namespace tassel::ui
