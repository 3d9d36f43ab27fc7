#include "graduate/wizardtargetpage.h"

#include "graduate/graduationwizard.h"

#include "util/outputguard.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace tassel::ui {

WizardTargetPage::WizardTargetPage(GraduationWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setCommitPage(true);
    m_targetLabel = new QLabel(this);
    m_targetEdit = new QLineEdit(this);
    m_targetEdit->setObjectName(QStringLiteral("targetFolder"));
    m_targetLabel->setBuddy(m_targetEdit);
    m_browse = new QPushButton(this);
    m_force = new QCheckBox(this);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_error->hide();
    auto *row = new QHBoxLayout;
    row->addWidget(m_targetEdit, 1);
    row->addWidget(m_browse);
    auto *layout = new QFormLayout(this);
    layout->addRow(m_targetLabel, row);
    layout->addRow(QString(), m_force);
    layout->addRow(m_error);
    connect(m_targetEdit, &QLineEdit::textChanged, this, &WizardTargetPage::completeChanged);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString folder
            = QFileDialog::getExistingDirectory(this, GraduationWizard::tr("Target Folder"), target());
        if (!folder.isEmpty())
            m_targetEdit->setText(
                shownPath(QDir(folder).filePath(QString::fromStdString(m_wizard->m_plan.packageName))));
    });
}

void WizardTargetPage::initializePage()
{
    suggestTarget();
}

bool WizardTargetPage::isComplete() const
{
    return !target().isEmpty();
}

bool WizardTargetPage::validatePage()
{
    const QString error = checkTarget();
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    return error.isEmpty();
}

QString WizardTargetPage::target() const
{
    return expandedPath(m_targetEdit->text().trimmed());
}

QString WizardTargetPage::shownPath(const QString &path)
{
    const QString home = QDir::homePath();
    const QString clean = QDir::cleanPath(path);
    if (home != QDir::rootPath() && (clean == home || clean.startsWith(home + QLatin1Char('/'))))
        return QDir::toNativeSeparators(QLatin1Char('~') + clean.mid(home.size()));
    return QDir::toNativeSeparators(path);
}

QString WizardTargetPage::expandedPath(const QString &text)
{
    if (text == QLatin1String("~") || text.startsWith(QLatin1String("~/"))
        || text.startsWith(QLatin1Char('~') + QDir::separator()))
        return QDir::homePath() + QDir::fromNativeSeparators(text.mid(1));
    return text;
}

bool WizardTargetPage::force() const
{
    return m_force->isChecked();
}

void WizardTargetPage::retranslate()
{
    setTitle(GraduationWizard::tr("Target Folder"));
    setSubTitle(GraduationWizard::tr("The package is written into this folder, which is created if needed."));
    m_targetLabel->setText(GraduationWizard::tr("&Folder:"));
    m_browse->setText(GraduationWizard::tr("&Browse…"));
    m_force->setText(GraduationWizard::tr("Write into a non-empty folder"));
}

void WizardTargetPage::suggestTarget()
{
    const QString current = m_targetEdit->text().trimmed();
    if (!current.isEmpty() && current != m_suggestedTarget)
        return; // the user's own choice
    const std::string &notebookPath = m_wizard->m_notebook.path;
    if (notebookPath.empty())
        return; // an unsaved notebook has no folder to suggest
    const QString folder = QFileInfo(QString::fromStdString(notebookPath)).absolutePath();
    m_suggestedTarget
        = shownPath(QDir(folder).filePath(QString::fromStdString(m_wizard->m_plan.packageName)));
    m_targetEdit->setText(m_suggestedTarget);
}

QString WizardTargetPage::checkTarget() const
{
    const QString target = this->target();
    if (target.isEmpty())
        return GraduationWizard::tr("Choose a folder.");
    std::vector<std::string> paths;
    for (const GeneratedFile &file : m_wizard->m_files)
        paths.push_back(file.path);
    if (const auto refused
        = outputguard::checkFolder(target.toStdString(), paths, {m_wizard->m_notebook.path})) {
        if (refused->code == "output-is-input")
            return GraduationWizard::tr(
                "%1 holds the notebook itself, which the package would replace. Choose another folder.")
                .arg(shownPath(target));
        return GraduationWizard::tr(
            "%1 goes through a symbolic link. Choose the folder it points to instead.")
            .arg(shownPath(target));
    }
    const QFileInfo info(target);
    if (info.exists() && !info.isDir())
        return GraduationWizard::tr("%1 exists and is not a folder.").arg(shownPath(target));
    if (info.exists() && !force()
        && !QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return GraduationWizard::tr(
            "%1 is not empty. Choose another folder, or tick the box to write into it.")
            .arg(shownPath(target));
    return {};
}

} // namespace tassel::ui
