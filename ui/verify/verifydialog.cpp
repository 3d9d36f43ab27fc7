#include "verify/verifydialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace tassel::ui {

namespace {
const QString kPythonKey = QStringLiteral("verify/python");
const QString kTimeoutKey = QStringLiteral("verify/timeout");
const QString kCellTimeoutKey = QStringLiteral("verify/cellTimeout");
const QString kOrderKey = QStringLiteral("verify/order");
const QString kRunInCopyKey = QStringLiteral("verify/runInCopy");
const QString kRunnerKey = QStringLiteral("verify/runner");
const QString kEnvironmentKey = QStringLiteral("verify/environment");
const QString kDefaultPython = QStringLiteral("python3");

QDoubleSpinBox *secondsBox(QWidget *parent, const QString &name)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setObjectName(name);
    box->setDecimals(0);
    box->setRange(1, 24 * 3600);
    box->setSingleStep(10);
    return box;
}

void selectData(QComboBox *combo, const QString &value)
{
    const int index = combo->findData(value);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}
} // namespace

VerifyDialog::VerifyDialog(QWidget *parent)
    : QDialog(parent)
    , m_python(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Browse…"), this))
    , m_timeout(secondsBox(this, QStringLiteral("timeout")))
    , m_cellTimeout(secondsBox(this, QStringLiteral("cellTimeout")))
    , m_order(new QComboBox(this))
    , m_runInCopy(new QCheckBox(tr("Run in a copy of the notebook's folder"), this))
    , m_runner(new QComboBox(this))
    , m_environment(new QLineEdit(this))
{
    setObjectName(QStringLiteral("verifyDialog"));
    setWindowTitle(tr("Verify by Re-running"));
    m_python->setObjectName(QStringLiteral("python"));
    m_python->setPlaceholderText(kDefaultPython);
    m_browse->setObjectName(QStringLiteral("browsePython"));
    m_timeout->setSuffix(tr(" s"));
    m_cellTimeout->setSuffix(tr(" s"));
    m_order->setObjectName(QStringLiteral("order"));
    m_order->addItem(tr("Document order (top to bottom)"), QStringLiteral("document"));
    m_order->addItem(tr("Execution order (stored execution counts)"), QStringLiteral("execution"));
    m_order->addItem(tr("Suggested order (from the analysis)"), QStringLiteral("suggested"));
    m_runInCopy->setObjectName(QStringLiteral("runInCopy"));
    m_runInCopy->setToolTip(
        tr("Cells run in a temporary copy of the folder, so files they write do not "
           "change yours. Unchecked, cells may read and write files next to the notebook."));
    m_runner->setObjectName(QStringLiteral("runner"));
    m_runner->addItem(tr("Tassel's driver"), QStringLiteral("driver"));
    m_runner->addItem(tr("Automatic (a Jupyter kernel when nbclient is installed)"), QStringLiteral("auto"));
    m_runner->addItem(tr("Jupyter kernel (nbclient)"), QStringLiteral("nbclient"));
    m_environment->setObjectName(QStringLiteral("environment"));
    m_environment->setPlaceholderText(tr("e.g. DATA_DIR, MPLBACKEND"));
    m_environment->setToolTip(tr("Names of environment variables to pass to Python, separated by commas. "
                                 "Others are withheld, except what an interpreter needs to start."));

    auto *python = new QHBoxLayout;
    python->addWidget(m_python, 1);
    python->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Python interpreter:"), python);
    form->addRow(tr("Run &time limit:"), m_timeout);
    form->addRow(tr("&Cell time limit:"), m_cellTimeout);
    form->addRow(tr("&Order:"), m_order);
    form->addRow(tr("R&unner:"), m_runner);
    form->addRow(tr("&Environment variables:"), m_environment);
    form->addRow(QString(), m_runInCopy);
    // QFormLayout's labels are buddies of the first widget in the row; the python row is a layout.
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(python)))
        label->setBuddy(m_python);

    auto *note = new QLabel(tr("The notebook's code cells run in a separate Python process; the notebook "
                               "file itself is never changed."),
        this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Run"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);

    connect(m_browse, &QPushButton::clicked, this, &VerifyDialog::browsePython);
    connect(buttons, &QDialogButtonBox::accepted, this, &VerifyDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &VerifyDialog::reject);
    setOptions(rememberedOptions());
}

VerifyOptions VerifyDialog::options() const
{
    VerifyOptions options;
    const QString python = m_python->text().trimmed();
    options.python = (python.isEmpty() ? kDefaultPython : python).toStdString();
    options.timeoutSeconds = m_timeout->value();
    options.cellTimeoutSeconds = m_cellTimeout->value();
    options.order = m_order->currentData().toString().toStdString();
    options.runInCopy = m_runInCopy->isChecked();
    options.runner = m_runner->currentData().toString().toStdString();
    const QStringList names = m_environment->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &name : names) {
        const QString trimmed = name.trimmed();
        if (!trimmed.isEmpty())
            options.environment.push_back(trimmed.toStdString());
    }
    return options;
}

void VerifyDialog::setOptions(const VerifyOptions &options)
{
    m_python->setText(options.python.empty() ? kDefaultPython : QString::fromStdString(options.python));
    m_timeout->setValue(options.timeoutSeconds);
    m_cellTimeout->setValue(options.cellTimeoutSeconds);
    selectData(m_order, QString::fromStdString(options.order));
    m_runInCopy->setChecked(options.runInCopy);
    selectData(m_runner, QString::fromStdString(options.runner));
    QStringList names;
    for (const std::string &name : options.environment)
        names << QString::fromStdString(name);
    m_environment->setText(names.join(QStringLiteral(", ")));
}

VerifyOptions VerifyDialog::rememberedOptions()
{
    const VerifyOptions defaults;
    const QSettings settings;
    VerifyOptions options;
    options.python = settings.value(kPythonKey, kDefaultPython).toString().toStdString();
    options.timeoutSeconds = settings.value(kTimeoutKey, defaults.timeoutSeconds).toDouble();
    options.cellTimeoutSeconds = settings.value(kCellTimeoutKey, defaults.cellTimeoutSeconds).toDouble();
    options.order
        = settings.value(kOrderKey, QString::fromStdString(defaults.order)).toString().toStdString();
    options.runInCopy = settings.value(kRunInCopyKey, true).toBool();
    options.runner
        = settings.value(kRunnerKey, QString::fromStdString(defaults.runner)).toString().toStdString();
    const QStringList names = settings.value(kEnvironmentKey).toStringList();
    for (const QString &name : names)
        options.environment.push_back(name.toStdString());
    // A hand-edited or older settings file must not start a run with a zero limit.
    if (!(options.timeoutSeconds > 0))
        options.timeoutSeconds = defaults.timeoutSeconds;
    if (!(options.cellTimeoutSeconds > 0))
        options.cellTimeoutSeconds = defaults.cellTimeoutSeconds;
    return options;
}

void VerifyDialog::rememberOptions(const VerifyOptions &options)
{
    QSettings settings;
    settings.setValue(kPythonKey, QString::fromStdString(options.python));
    settings.setValue(kTimeoutKey, options.timeoutSeconds);
    settings.setValue(kCellTimeoutKey, options.cellTimeoutSeconds);
    settings.setValue(kOrderKey, QString::fromStdString(options.order));
    settings.setValue(kRunInCopyKey, options.runInCopy);
    settings.setValue(kRunnerKey, QString::fromStdString(options.runner));
    QStringList names;
    for (const std::string &name : options.environment)
        names << QString::fromStdString(name);
    settings.setValue(kEnvironmentKey, names);
}

void VerifyDialog::accept()
{
    rememberOptions(options());
    QDialog::accept();
}

void VerifyDialog::browsePython()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Python Interpreter"), m_python->text());
    if (!path.isEmpty())
        m_python->setText(path);
}

} // namespace tassel::ui
