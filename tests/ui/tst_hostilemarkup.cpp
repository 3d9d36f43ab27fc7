// Markup in a stranger's notebook never acts in the GUI: raw HTML in markdown and HTML outputs go
// through the allowlist (scripts and event attributes dropped, links other than web, mail and
// in-notebook anchors become their text), and text printed to a stream stays text.
#include "notebook/celldelegate.h"
#include "notebook/notebookview.h"
#include "shell/mainwindow.h"

#include <QStandardPaths>
#include <QTest>

using namespace tassel;
using namespace tassel::ui;

namespace {
const QString kMarkup = QStringLiteral(TASSEL_TEST_DATA_DIR "/hostile/markup.ipynb");
} // namespace

class TestHostileMarkup : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void markupIsShownAsText_data();
    void markupIsShownAsText();
    void onlyWebLinksStayLinks();
};

void TestHostileMarkup::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("TasselTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_hostilemarkup"));
    QStandardPaths::setTestModeEnabled(true);
}

void TestHostileMarkup::markupIsShownAsText_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("block"); // -1: the cell's source
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("absent");
    QTest::addRow("script tag in markdown dropped")
        << 0 << -1 << QStringLiteral("Report bold") << QStringLiteral("alert('md')");
    QTest::addRow("img onerror in markdown dropped")
        << 0 << -1 << QStringLiteral("click me") << QStringLiteral("onerror");
    QTest::addRow("javascript link becomes its text")
        << 0 << -1 << QStringLiteral("click me and docs") << QStringLiteral("javascript");
    QTest::addRow("text/html output rendered without its script")
        << 1 << 0 << QStringLiteral("bold") << QStringLiteral("alert");
    QTest::addRow("script printed to stdout stays text")
        << 2 << 0 << QStringLiteral("<script>alert(3)</script>") << QStringLiteral("&lt;");
}

void TestHostileMarkup::markupIsShownAsText()
{
    QFETCH(int, row);
    QFETCH(int, block);
    QFETCH(QString, shown);
    QFETCH(QString, absent);
    MainWindow window;
    QVERIFY2(window.openFile(kMarkup), qPrintable(window.lastError()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    CellDelegate *delegate = window.notebookView()->cellDelegate();
    const QString text = block < 0 ? delegate->renderedSource(row) : delegate->renderedOutput(row, block);
    QVERIFY2(text.contains(shown), qPrintable(QStringLiteral("shown: ") + text));
    QVERIFY2(!text.contains(absent), qPrintable(QStringLiteral("shown: ") + text));
}

void TestHostileMarkup::onlyWebLinksStayLinks()
{
    MainWindow window;
    QVERIFY2(window.openFile(kMarkup), qPrintable(window.lastError()));
    CellDelegate *delegate = window.notebookView()->cellDelegate();
    QCOMPARE(delegate->renderedLinks(0), QStringList {QStringLiteral("https://example.org/docs")});
    // The window never takes a title from the notebook's metadata.
    QVERIFY(!window.windowTitle().contains(QStringLiteral("<")));
}

QTEST_MAIN(TestHostileMarkup)
#include "tst_hostilemarkup.moc"
