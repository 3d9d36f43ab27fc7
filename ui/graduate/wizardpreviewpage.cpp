#include "graduate/wizardpreviewpage.h"

#include "graduate/graduationwizard.h"
#include "notebook/syntaxrepository.h"
#include "shell/theme.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QApplication>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace tassel::ui {

WizardPreviewPage::WizardPreviewPage(GraduationWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    auto *splitter = new QSplitter(this);
    m_fileTree = new QTreeWidget(splitter);
    m_fileTree->setObjectName(QStringLiteral("fileTree"));
    m_fileTree->setHeaderHidden(true);
    m_preview = new QPlainTextEdit(splitter);
    m_preview->setObjectName(QStringLiteral("filePreview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter = new KSyntaxHighlighting::SyntaxHighlighter(m_preview->document());
    m_highlighter->setTheme(Theme::syntaxTheme(QApplication::palette()));
    splitter->setStretchFactor(1, 3);
    m_status = new QLabel(this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    connect(m_fileTree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            showFile(item->data(0, Qt::UserRole).toString());
    });
    connect(&m_watcher, &QFutureWatcher<std::vector<GeneratedFile>>::finished, this,
        &WizardPreviewPage::generated);
}

WizardPreviewPage::~WizardPreviewPage()
{
    m_watcher.waitForFinished();
}

void WizardPreviewPage::initializePage()
{
    start();
}

bool WizardPreviewPage::isComplete() const
{
    return !m_watcher.isRunning() && !m_wizard->m_files.empty();
}

int WizardPreviewPage::nextId() const
{
    return m_wizard->warnings().isEmpty() ? GraduationWizard::TargetPageId : GraduationWizard::WarningsPageId;
}

void WizardPreviewPage::retranslate()
{
    setTitle(GraduationWizard::tr("Preview"));
    setSubTitle(GraduationWizard::tr("The files of the package, as they will be written."));
}

void WizardPreviewPage::start()
{
    m_wizard->m_files.clear();
    m_fileTree->clear();
    m_preview->clear();
    m_status->setText(GraduationWizard::tr("Generating…"));
    emit completeChanged();
    m_watcher.setFuture(
        QtConcurrent::run([plan = m_wizard->m_plan] { return PackageGenerator::generate(plan); }));
}

void WizardPreviewPage::generated()
{
    m_wizard->m_files = m_watcher.result();
    fillTree();
    m_status->setText(
        GraduationWizard::tr("%n file(s) will be written.", nullptr, int(m_wizard->m_files.size())));
    emit completeChanged();
    emit m_wizard->filesGenerated();
}

void WizardPreviewPage::fillTree()
{
    m_fileTree->clear();
    QHash<QString, QTreeWidgetItem *> folders;
    QTreeWidgetItem *first = nullptr;
    for (const GeneratedFile &file : m_wizard->m_files) {
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
}

void WizardPreviewPage::showFile(const QString &path)
{
    const std::vector<GeneratedFile> &files = m_wizard->m_files;
    const auto it = std::find_if(files.begin(), files.end(),
        [&](const GeneratedFile &file) { return QString::fromStdString(file.path) == path; });
    if (it == files.end()) {
        m_preview->clear();
        return;
    }
    m_highlighter->setDefinition(SyntaxRepository::instance().definitionForFileName(path));
    m_preview->setPlainText(QString::fromStdString(it->content));
}

} // namespace tassel::ui
