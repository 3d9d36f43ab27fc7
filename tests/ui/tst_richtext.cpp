// Markdown and HTML outputs rendered as Jupyter shows them (tests/data/render/reviewer.ipynb, made
// by make_reviewer.py with real pandas): raw HTML through the allowlist, LaTeX kept whole,
// DataFrames as capped tables, in-notebook anchors that jump to their heading's cell.
#include "notebook/celldelegate.h"
#include "notebook/markdownrenderer.h"
#include "notebook/notebookview.h"
#include "shell/mainwindow.h"

#include <QAbstractTextDocumentLayout>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextTable>

using namespace tassel;
using namespace tassel::ui;

namespace {
const QString kReviewer = QStringLiteral(TASSEL_TEST_DATA_DIR "/render/reviewer.ipynb");
constexpr int kFrameCell = 4;

QTextCharFormat formatOf(const QTextDocument *document, const QString &text)
{
    const QTextCursor found = document->find(text);
    if (found.isNull())
        return {};
    QTextCursor at(const_cast<QTextDocument *>(document));
    at.setPosition(found.selectionStart() + 1);
    return at.charFormat();
}

int tableCount(const QTextFrame *frame)
{
    int tables = qobject_cast<const QTextTable *>(frame) ? 1 : 0;
    for (const QTextFrame *child : frame->childFrames())
        tables += tableCount(child);
    return tables;
}

const QTextTable *firstTable(const QTextFrame *frame)
{
    if (const auto *table = qobject_cast<const QTextTable *>(frame))
        return table;
    for (const QTextFrame *child : frame->childFrames()) {
        if (const QTextTable *table = firstTable(child))
            return table;
    }
    return nullptr;
}

int tableCount(const QTextDocument *document)
{
    return tableCount(document->rootFrame());
}
} // namespace

class TestRichText : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void shownText_data();
    void shownText();
    void emphasisIsItalicAndMathIsItsOwnStyle_data();
    void emphasisIsItalicAndMathIsItsOwnStyle();
    void rawHtmlBecomesTables();
    void dataFrameIsACappedTable();
    void attachmentImageIsShown();
    void linksStaySafe();
    void anchorsJumpToTheirHeading_data();
    void anchorsJumpToTheirHeading();
    void clickOnAnAnchorSelectsItsCell();
    void anchorsOfMarkdown_data();
    void anchorsOfMarkdown();
    void anchorsTakeLinearTime();

private:
    MainWindow *m_window = nullptr;
    CellDelegate *delegate() const { return m_window->notebookView()->cellDelegate(); }
};

void TestRichText::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("TasselTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_richtext"));
    QStandardPaths::setTestModeEnabled(true);
}

void TestRichText::init()
{
    m_window = new MainWindow;
    m_window->resize(1200, 900);
    QVERIFY2(m_window->openFile(kReviewer), qPrintable(m_window->lastError()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestRichText::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

void TestRichText::shownText_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("absent");
    QTest::addRow("Colab badge: alt text, no markup") << 0 << "Open In Colab"
                                                      << "<";
    QTest::addRow("div.alert keeps its text") << 1 << "Tip: the alert keeps its text."
                                              << "<div";
    QTest::addRow("br breaks the line") << 1 << "first line\nsecond line"
                                        << "<br>";
    QTest::addRow("hr is a rule, not text") << 1 << "after the rule"
                                            << "<hr>";
    QTest::addRow("_italic_ loses its underscores") << 2 << "This notebook fits"
                                                    << "_This";
    QTest::addRow("inline math kept whole") << 2 << "$\\theta_0 + \\theta_1 x_1$"
                                            << "theta0";
    QTest::addRow("display math kept whole")
        << 2 << "$$J(\\theta) = \\frac{1}{m}\\sum_{i=1}^{m} (x_i - y_i)^2$$"
        << "sum{i";
    QTest::addRow("task list") << 2 << QStringLiteral("☑ done\n☐ open") << "[x]";
    QTest::addRow("anchor links are links, not targets") << 3 << "See the model and the end"
                                                         << "<#";
}

void TestRichText::shownText()
{
    QFETCH(int, row);
    QFETCH(QString, shown);
    QFETCH(QString, absent);
    const QString text = delegate()->renderedSource(row);
    QVERIFY2(text.contains(shown), qPrintable(text));
    QVERIFY2(!text.contains(absent), qPrintable(text));
}

void TestRichText::emphasisIsItalicAndMathIsItsOwnStyle_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("math");
    QTest::addRow("_italic_") << "This notebook" << false;
    QTest::addRow("inline math with subscripts") << "theta_0 + " << true;
    QTest::addRow("display math with subscripts") << "sum_{i=1}" << true;
}

void TestRichText::emphasisIsItalicAndMathIsItsOwnStyle()
{
    QFETCH(QString, text);
    QFETCH(bool, math);
    const QTextCharFormat format = formatOf(delegate()->renderedDocument(2, -1), text);
    QVERIFY2(format.isValid(), qPrintable(text));
    QVERIFY(format.fontItalic());
    QVERIFY(!format.fontUnderline());
    QCOMPARE(format.foreground().style() != Qt::NoBrush, math);
    if (math)
        QVERIFY(
            format.fontFamilies().toStringList().join(QLatin1Char(',')).contains(QLatin1String("monospace")));
}

void TestRichText::rawHtmlBecomesTables()
{
    QCOMPARE(tableCount(delegate()->renderedDocument(0, -1)), 1); // the badge table
    QCOMPARE(tableCount(delegate()->renderedDocument(1, -1)), 1); // the alert box
}

void TestRichText::dataFrameIsACappedTable()
{
    const QTextDocument *frame = delegate()->renderedDocument(kFrameCell, 0);
    QVERIFY(frame);
    QCOMPARE(tableCount(frame), 1);
    const QString text = frame->toPlainText();
    QVERIFY2(text.contains(QLatin1String("row 29")), qPrintable(text));
    QVERIFY(!text.contains(QLatin1String("row 30")));
    QVERIFY(!text.contains(QLatin1String("row 39")));
    QVERIFY(!text.contains(QLatin1String("vertical-align"))); // pandas' <style> is dropped
    QVERIFY2(text.contains(QStringLiteral("… 10 more rows")), qPrintable(text));
    // The table has the header row and the capped body.
    const QTextTable *table = firstTable(frame->rootFrame());
    QVERIFY(table);
    QCOMPARE(table->rows(), 1 + CellDelegate::kMaxTableRows);
    QCOMPARE(table->columns(), 4);
}

void TestRichText::attachmentImageIsShown()
{
    const QTextDocument *doc = delegate()->renderedDocument(5, -1);
    const QImage image
        = doc->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("tassel-image:0"))).value<QImage>();
    QCOMPARE(image.size(), QSize(1, 1));
    QCOMPARE(image.pixelColor(0, 0), QColor(0xff, 0, 0));
}

void TestRichText::linksStaySafe()
{
    QCOMPARE(delegate()->renderedLinks(3),
        (QStringList {QStringLiteral("#Modeling-with-Linear-Regression"), QStringLiteral("#The-%C3%A9nd"),
            QStringLiteral("https://example.org/")}));
    QVERIFY(
        delegate()->renderedLinks(0).first().startsWith(QLatin1String("https://colab.research.google.com/")));
    NotebookView *view = m_window->notebookView();
    QVERIFY(!view->openLink(QStringLiteral("java") + QStringLiteral("script:alert(1)")));
    QVERIFY(!view->openLink(QStringLiteral("#No-such-heading")));
}

void TestRichText::anchorsJumpToTheirHeading_data()
{
    QTest::addColumn<QString>("href");
    QTest::addColumn<int>("cell");
    QTest::addRow("heading id") << "#Modeling-with-Linear-Regression" << 5;
    QTest::addRow("percent-encoded heading id") << "#The-%C3%A9nd" << 6;
    QTest::addRow("other case") << "#modeling-with-linear-regression" << 5;
}

void TestRichText::anchorsJumpToTheirHeading()
{
    QFETCH(QString, href);
    QFETCH(int, cell);
    NotebookView *view = m_window->notebookView();
    view->selectCell(0);
    QVERIFY(view->openLink(href));
    QCOMPARE(view->currentCell(), cell);
}

void TestRichText::clickOnAnAnchorSelectsItsCell()
{
    NotebookView *view = m_window->notebookView();
    view->selectCell(3);
    const QModelIndex index = view->model()->index(3, 0);
    const QRect rect = view->visualRect(index);
    QPoint hit(-1, -1);
    for (int y = 0; y < rect.height() && hit.x() < 0; y += 2) {
        for (int x = 0; x < rect.width(); x += 3) {
            if (delegate()->linkAt(3, QPoint(x, y)) == QLatin1String("#Modeling-with-Linear-Regression")) {
                hit = QPoint(x, y);
                break;
            }
        }
    }
    QVERIFY(hit.x() >= 0);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.topLeft() + hit);
    QCOMPARE(view->currentCell(), 5);
}

void TestRichText::anchorsOfMarkdown_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("anchor");
    QTest::addColumn<bool>("defined");
    QTest::addRow("heading") << "## Modeling with Linear Regression"
                             << "Modeling-with-Linear-Regression" << true;
    QTest::addRow("heading with code") << "# The `fit` method"
                                       << "The-fit-method" << true;
    QTest::addRow("raw id") << "<a id=\"section-2\"></a>\n\ntext"
                            << "section-2" << true;
    QTest::addRow("raw name") << "<a name='top'></a>"
                              << "top" << true;
    QTest::addRow("id inside a dropped script") << "<script>\n<a id=\"x\"></a>\n</script>"
                                                << "x" << false;
}

void TestRichText::anchorsOfMarkdown()
{
    QFETCH(QString, markdown);
    QFETCH(QString, anchor);
    QFETCH(bool, defined);
    const QStringList anchors = MarkdownRenderer::anchors(markdown);
    QVERIFY2(anchors.contains(anchor) == defined, qPrintable(anchors.join(QLatin1Char(' '))));
}

void TestRichText::anchorsTakeLinearTime()
{
    // 100,000 tags that never close: a backtracking pattern over it ran for minutes.
    const QString hostile = QStringLiteral("<a ").repeated(100000);
    QElapsedTimer timer;
    timer.start();
    MarkdownRenderer::anchors(hostile);
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_MAIN(TestRichText)
#include "tst_richtext.moc"
