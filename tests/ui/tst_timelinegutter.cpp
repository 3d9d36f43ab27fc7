// The execution timeline and the notebook view's gutter, in real widgets offscreen: execution 0
// counts as a run, hovering tells cell, count and findings, and the gutter's numbers always fit.
#include "notebook/celldelegate.h"
#include "notebook/executiontimeline.h"
#include "notebook/notebookmodel.h"
#include "notebook/notebookview.h"

#include "analysis/notebookanalyzer.h"
#include "notebook/notebookloader.h"

#include <QTest>

using namespace tassel;
using namespace tassel::ui;

namespace {

Cell codeCell(std::optional<int> count, const std::string &source)
{
    Cell cell;
    cell.type = CellType::Code;
    cell.source = source;
    cell.executionCount = count;
    return cell;
}

Cell markdownCell(const std::string &source)
{
    Cell cell;
    cell.type = CellType::Markdown;
    cell.cellTypeName = "markdown";
    cell.source = source;
    return cell;
}

} // namespace

class TestTimelineGutter : public QObject
{
    Q_OBJECT
private slots:
    void countsAsRun_data();
    void countsAsRun();
    void hoverTellsCellCountAndFindings();
    void gutterFitsShortMarkdown_data();
    void gutterFitsShortMarkdown();
    void gutterToolTipExplainsNumbers_data();
    void gutterToolTipExplainsNumbers();
};

void TestTimelineGutter::countsAsRun_data()
{
    QTest::addColumn<std::optional<int>>("count");
    QTest::addColumn<bool>("ran");
    QTest::addRow("execution 0") << std::optional<int>(0) << true;
    QTest::addRow("execution 3") << std::optional<int>(3) << true;
    QTest::addRow("never run") << std::optional<int>() << false;
}

void TestTimelineGutter::countsAsRun()
{
    QFETCH(std::optional<int>, count);
    QFETCH(bool, ran);
    Notebook notebook;
    notebook.cells = {codeCell(count, "x = 1\n")};
    ExecutionTimeline timeline;
    timeline.resize(420, 220);
    timeline.setNotebook(notebook);
    QCOMPARE(int(timeline.points().size()), 1);
    QCOMPARE(timeline.points()[0].ran, ran);
    const QString tip = timeline.toolTipAt(timeline.position(timeline.points()[0]));
    QVERIFY2(tip.contains(ran ? QStringLiteral("execution count %1").arg(count.value_or(-1))
                              : QStringLiteral("not run")),
        qPrintable(tip));
}

void TestTimelineGutter::hoverTellsCellCountAndFindings()
{
    Notebook notebook;
    notebook.cells = {markdownCell("# Title\n"), codeCell(2, "print(total)\n"), codeCell(1, "total = 1\n")};
    Finding finding;
    finding.rule = "use-before-definition";
    finding.cell = 1;
    ExecutionTimeline timeline;
    timeline.resize(420, 220);
    timeline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&timeline));
    timeline.setNotebook(notebook);
    timeline.setFindings({finding, finding});
    // Run order: cell 3 (count 1), then cell 2 (count 2), back up the document.
    QCOMPARE(timeline.backwardSteps(), 1);
    const auto &points = timeline.points();
    QCOMPARE(points[1].cell, 1);
    QCOMPARE(timeline.toolTipAt(timeline.position(points[1])),
        QStringLiteral("Cell 2: execution count 2, 2 finding(s)"));
    QCOMPARE(timeline.toolTipAt(timeline.position(points[0])),
        QStringLiteral("Cell 3: execution count 1, 0 finding(s)"));
    QVERIFY(timeline.toolTipAt(QPointF(1, 1)).isEmpty());
    // The legend is drawn under the plot: the widget paints without the plot covering it.
    const QImage image = timeline.grab().toImage();
    QVERIFY(!image.isNull());
}

void TestTimelineGutter::gutterFitsShortMarkdown_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addRow("one short heading") << QStringLiteral("## A\n");
    QTest::addRow("one word") << QStringLiteral("ok\n");
    QTest::addRow("empty") << QString();
}

void TestTimelineGutter::gutterFitsShortMarkdown()
{
    QFETCH(QString, markdown);
    Notebook notebook;
    notebook.cells = {markdownCell(markdown.toStdString()), codeCell(1, "x = 1\n")};
    NotebookView view;
    view.resize(800, 600);
    view.notebookModel()->setNotebook(notebook);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QRect rect = view.visualRect(view.model()->index(0, 0));
    // Position `#1` is drawn on the gutter's second line; the item must be tall enough for it.
    QVERIFY2(rect.height() >= view.cellDelegate()->gutterHeight(),
        qPrintable(QStringLiteral("%1 < %2").arg(rect.height()).arg(view.cellDelegate()->gutterHeight())));
}

void TestTimelineGutter::gutterToolTipExplainsNumbers_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QStringList>("words");
    QTest::addRow("markdown") << 0 << QStringList {QStringLiteral("#1"), QStringLiteral("position 1")};
    QTest::addRow("ran code") << 1
                              << QStringList {QStringLiteral("[4]"), QStringLiteral("execution count"),
                                     QStringLiteral("position 2")};
    QTest::addRow("code run as 0") << 2 << QStringList {QStringLiteral("[0]"), QStringLiteral("position 3")};
    QTest::addRow("never run") << 3
                               << QStringList {QStringLiteral("never run"), QStringLiteral("position 4")};
}

void TestTimelineGutter::gutterToolTipExplainsNumbers()
{
    QFETCH(int, row);
    QFETCH(QStringList, words);
    Notebook notebook;
    notebook.cells
        = {markdownCell("# T\n"), codeCell(4, "x = 1\n"), codeCell(0, "y = 2\n"), codeCell({}, "z = 3\n")};
    NotebookView view;
    view.resize(800, 600);
    view.notebookModel()->setNotebook(notebook);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QString tip = view.cellDelegate()->gutterToolTip(row);
    for (const QString &word : std::as_const(words))
        QVERIFY2(tip.contains(word), qPrintable(tip));
}

QTEST_MAIN(TestTimelineGutter)
#include "tst_timelinegutter.moc"
