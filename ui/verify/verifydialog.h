#pragma once

#include "verify/verifier.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPushButton;

namespace tassel::ui {

/// Asks how to re-run the notebook (`tassel verify`): interpreter, limits, order, where to run,
/// runner and the environment variables to pass through. Starts from the choices remembered in
/// QSettings and remembers them again when accepted. GUI thread only.
class VerifyDialog : public QDialog
{
    Q_OBJECT
public:
    explicit VerifyDialog(QWidget *parent = nullptr);

    /// The options as chosen; `suggestedOrder` is left empty for the caller to fill.
    VerifyOptions options() const;
    void setOptions(const VerifyOptions &options);

    /// The options remembered from the last accepted dialog (defaults of VerifyOptions, with
    /// `python3` and a run in a copy, when there are none).
    static VerifyOptions rememberedOptions();
    static void rememberOptions(const VerifyOptions &options);

    void accept() override;

private:
    void browsePython();

    QLineEdit *m_python;
    QPushButton *m_browse;
    QDoubleSpinBox *m_timeout;
    QDoubleSpinBox *m_cellTimeout;
    QComboBox *m_order;
    QCheckBox *m_runInCopy;
    QComboBox *m_runner;
    QLineEdit *m_environment;
};

} // namespace tassel::ui
