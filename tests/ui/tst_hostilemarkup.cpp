// Markup in a stranger's notebook stays text in the GUI: markdown is rendered without HTML,
// links other than web and mail links become text, and HTML outputs are shown as their source.
#include "celldelegate.h"
#include "mainwindow.h"
#include "notebookview.h"

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
    QTest::addColumn<QString>("literal");
    QTest::addRow("script tag in markdown") << 0 << -1 << QStringLiteral("<script>alert('md')</script>");
    QTest::addRow("img onerror in markdown") << 0 << -1 << QStringLiteral("<img src=x onerror=alert(2)>");
    QTest::addRow("inline tag in a markdown heading") << 0 << -1 << QStringLiteral("Report <b>bold</b>");
    QTest::addRow("javascript link target shown")
        << 0 << -1 << QStringLiteral("click me <javascript:alert(1)>");
    QTest::addRow("text/html output shown as source")
        << 1 << 0 << QStringLiteral("<script>alert('out')</script><b>bold</b>");
    QTest::addRow("script printed to stdout") << 2 << 0 << QStringLiteral("<script>alert(3)</script>");
}

void TestHostileMarkup::markupIsShownAsText()
{
    QFETCH(int, row);
    QFETCH(int, block);
    QFETCH(QString, literal);
    MainWindow window;
    QVERIFY2(window.openFile(kMarkup), qPrintable(window.lastError()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    CellDelegate *delegate = window.notebookView()->cellDelegate();
    const QString shown = block < 0 ? delegate->renderedSource(row) : delegate->renderedOutput(row, block);
    QVERIFY2(shown.contains(literal), qPrintable(QStringLiteral("shown: ") + shown));
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
