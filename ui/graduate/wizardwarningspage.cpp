#include "graduate/wizardwarningspage.h"

#include "graduate/graduationwizard.h"

#include <QLabel>
#include <QVBoxLayout>

namespace tassel::ui {

WizardWarningsPage::WizardWarningsPage(GraduationWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("warnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_warnings);
    layout->addStretch();
}

void WizardWarningsPage::initializePage()
{
    m_warnings->setText(m_wizard->warnings().join(QLatin1Char('\n')));
}

void WizardWarningsPage::retranslate()
{
    setTitle(GraduationWizard::tr("Before Writing"));
    setSubTitle(GraduationWizard::tr("The package will run, but these points make it less repeatable."));
    if (m_wizard->currentPage() == this)
        initializePage();
}

} // namespace tassel::ui
