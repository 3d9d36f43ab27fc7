#pragma once

#include "graduate/packagegenerator.h"

#include <QFutureWatcher>
#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace tassel::ui {

class GraduationWizard;

/// The generated files as a folder tree, each shown highlighted; generation runs off the GUI
/// thread and the page is complete once it has finished.
class WizardPreviewPage : public QWizardPage
{
public:
    explicit WizardPreviewPage(GraduationWizard *wizard);
    ~WizardPreviewPage() override;

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;
    void retranslate();

    bool isRunning() const { return m_watcher.isRunning(); }
    QTreeWidget *fileTree() const { return m_fileTree; }
    QPlainTextEdit *previewEdit() const { return m_preview; }

private:
    void start();
    void generated();
    void fillTree();
    void showFile(const QString &path);

    GraduationWizard *m_wizard;
    QFutureWatcher<std::vector<GeneratedFile>> m_watcher;
    QTreeWidget *m_fileTree = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace tassel::ui
