#include "cellwidget.h"
#include "mainwindow.h"
#include "notebookview.h"

#include <QPlainTextEdit>
#include <QTest>
#include <QTextBrowser>

using namespace tassel;
using namespace tassel::ui;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void opensBundledExample();
    void reportsUnreadableFile();
};

void TestMainWindow::opensBundledExample()
{
    MainWindow window;
    QVERIFY(window.openFile(QStringLiteral(TASSEL_SOURCE_DIR "/resources/examples/penguins.ipynb")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const auto cells = window.notebookView()->cellWidgets();
    QCOMPARE(qsizetype(cells.size()), qsizetype(window.notebook().cells.size()));
    QCOMPARE(cells.first()->cellType(), CellType::Markdown);
    QVERIFY(cells.first()->sourceText().startsWith(QStringLiteral("# Penguins")));
    // Markdown is rendered (the heading's '#' is gone from the displayed text).
    auto *markdown = cells.first()->findChild<QTextBrowser *>(QStringLiteral("markdown"));
    QVERIFY(markdown);
    QVERIFY(markdown->toPlainText().startsWith(QStringLiteral("Penguins")));
    // The second cell is code, shown verbatim.
    auto *code = cells.at(1)->findChild<QPlainTextEdit *>(QStringLiteral("code"));
    QVERIFY(code);
    QCOMPARE(code->toPlainText(), QString::fromStdString(window.notebook().cells.at(1).source));
    QVERIFY(window.windowTitle().contains(QStringLiteral("penguins.ipynb")));
}

void TestMainWindow::reportsUnreadableFile()
{
    MainWindow window;
    QVERIFY(!window.openFile(QStringLiteral(TASSEL_SOURCE_DIR "/no/such/notebook.ipynb")));
    QVERIFY(window.lastError().contains(QStringLiteral("notebook.ipynb")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
