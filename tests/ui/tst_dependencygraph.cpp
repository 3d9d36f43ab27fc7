// The dependency graph at notebook scale (tests/data/render/chain.ipynb, made by make_chain.py):
// focus mode, fit to the window, import badges instead of fan-out edges, unconnected cells in
// document order.
#include "analysis/dependencygraphview.h"
#include "shell/mainwindow.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace tassel;
using namespace tassel::ui;

namespace {
const QString kChain = QStringLiteral(TASSEL_TEST_DATA_DIR "/render/chain.ipynb");
constexpr int kImportCell = 0;

QList<int> nodeCells(const GraphLayout::Result &layout)
{
    QList<int> cells;
    for (const auto &node : layout.nodes)
        cells.append(node.cell);
    return cells;
}

const GraphLayout::Node *nodeOf(const GraphLayout::Result &layout, int cell)
{
    for (const auto &node : layout.nodes) {
        if (node.cell == cell)
            return &node;
    }
    return nullptr;
}
} // namespace

class TestDependencyGraph : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void focusModeIsTheDefaultForBigNotebooks();
    void focusShowsTheNeighbourhood_data();
    void focusShowsTheNeighbourhood();
    void graphFitsTheWindow_data();
    void graphFitsTheWindow();
    void importsAreBadges();
    void unconnectedCellsInDocumentOrder();

private:
    bool relayout(const std::function<void()> &change);
    MainWindow *m_window = nullptr;
    DependencyGraphView *m_graph = nullptr;
};

void TestDependencyGraph::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("TasselTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_dependencygraph"));
    QStandardPaths::setTestModeEnabled(true);
}

void TestDependencyGraph::init()
{
    m_window = new MainWindow;
    m_window->resize(1400, 900);
    m_graph = m_window->graphView();
    QVERIFY2(m_window->openFile(kChain), qPrintable(m_window->lastError()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isBusy(), 20000);
}

void TestDependencyGraph::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

bool TestDependencyGraph::relayout(const std::function<void()> &change)
{
    QSignalSpy ready(m_graph, &DependencyGraphView::layoutReady);
    QElapsedTimer timer;
    timer.start();
    change();
    const bool done = ready.wait(60000);
    if (!done || !m_graph->layoutResult().error.isEmpty())
        qWarning() << "layout" << done << m_graph->layoutResult().error << timer.elapsed() << "ms";
    return done && m_graph->layoutResult().error.isEmpty();
}

void TestDependencyGraph::focusModeIsTheDefaultForBigNotebooks()
{
    QVERIFY(m_graph->focusMode());
    QVERIFY(m_graph->layoutResult().nodes.size() < 10);
    QVERIFY(relayout([this] { m_graph->setFocusMode(false); }));
    QCOMPARE(int(m_graph->layoutResult().nodes.size()), 63);
}

void TestDependencyGraph::focusShowsTheNeighbourhood_data()
{
    QTest::addColumn<int>("cell");
    QTest::addColumn<int>("hops");
    QTest::addColumn<QList<int>>("nodes");
    QTest::addRow("middle, 2 steps") << 30 << 2 << QList<int> {28, 29, 30, 31, 32};
    QTest::addRow("middle, 3 steps") << 30 << 3 << QList<int> {27, 28, 29, 30, 31, 32, 33};
    QTest::addRow("last of the chain, 2 steps") << 59 << 2 << QList<int> {57, 58, 59};
    QTest::addRow("a cell without edges") << 61 << 2 << QList<int> {61};
}

void TestDependencyGraph::focusShowsTheNeighbourhood()
{
    QFETCH(int, cell);
    QFETCH(int, hops);
    QFETCH(QList<int>, nodes);
    if (hops != m_graph->hops())
        QVERIFY(relayout([&] { m_graph->setHops(hops); }));
    QVERIFY(relayout([&] { m_graph->selectCell(cell); }));
    QCOMPARE(nodeCells(m_graph->layoutResult()), nodes);
    QCOMPARE(m_graph->selectedCell(), cell);
}

void TestDependencyGraph::graphFitsTheWindow_data()
{
    QTest::addColumn<bool>("focus");
    QTest::addRow("whole graph") << false;
    QTest::addRow("focus") << true;
}

void TestDependencyGraph::graphFitsTheWindow()
{
    QFETCH(bool, focus);
    if (focus != m_graph->focusMode())
        QVERIFY(relayout([&] { m_graph->setFocusMode(focus); }));
    for (const QSize size : {QSize(420, 300), QSize(900, 700)}) {
        m_graph->resize(size);
        QCoreApplication::processEvents();
        const QRect shown = m_graph->mapFromScene(m_graph->sceneRect()).boundingRect();
        const QRect viewport = m_graph->viewport()->rect().adjusted(-1, -1, 1, 1);
        QVERIFY2(viewport.contains(shown),
            qPrintable(QStringLiteral("scene at %1,%2 %3×%4 in a %5×%6 viewport")
                           .arg(shown.x())
                           .arg(shown.y())
                           .arg(shown.width())
                           .arg(shown.height())
                           .arg(viewport.width())
                           .arg(viewport.height())));
        // Fitted: the scene spans the viewport's width or height (unless small enough to show at 1.5×).
        QVERIFY(shown.width() >= viewport.width() - 8 || shown.height() >= viewport.height() - 8
            || m_graph->transform().m11() >= 1.49);
    }
}

void TestDependencyGraph::importsAreBadges()
{
    QVERIFY(m_graph->importBadges());
    QVERIFY(relayout([this] { m_graph->selectCell(30); }));
    const auto &focused = m_graph->layoutResult();
    QCOMPARE(nodeCells(focused), (QList<int> {28, 29, 30, 31, 32}));
    QCOMPARE(nodeOf(focused, 30)->badges, QStringList {QStringLiteral("np")});

    // Without badges the import cell is every cell's neighbour again, with an edge to each.
    QVERIFY(relayout([this] { m_graph->setImportBadges(false); }));
    const auto &edges = m_graph->layoutResult().edges;
    const auto fromImport
        = std::count_if(edges.begin(), edges.end(), [](const auto &e) { return e.from == kImportCell; });
    QCOMPARE(int(fromImport), 5);
    QVERIFY(nodeOf(m_graph->layoutResult(), 30)->badges.isEmpty());

    // The whole graph with badges: the chain only, the import cell unconnected.
    QVERIFY(relayout([this] {
        m_graph->setImportBadges(true); // superseded at once: only the second layout reports
        m_graph->setFocusMode(false);
    }));
    const auto &whole = m_graph->layoutResult();
    for (const auto &edge : whole.edges)
        QVERIFY2(edge.from != kImportCell, qPrintable(edge.label));
    QCOMPARE(int(whole.edges.size()), 58); // x1 → x2 → … → x59
    QVERIFY(!nodeOf(whole, kImportCell)->connected);
}

void TestDependencyGraph::unconnectedCellsInDocumentOrder()
{
    QVERIFY(relayout([this] { m_graph->setFocusMode(false); }));
    QList<int> unconnected;
    QList<QPointF> places;
    for (const auto &node : m_graph->layoutResult().nodes) {
        if (!node.connected) {
            unconnected.append(node.cell);
            places.append(node.box.topLeft());
        }
    }
    QCOMPARE(unconnected, (QList<int> {0, 60, 61, 62}));
    for (qsizetype i = 1; i < places.size(); ++i) {
        const bool after = places[i].y() > places[i - 1].y()
            || (places[i].y() == places[i - 1].y() && places[i].x() > places[i - 1].x());
        QVERIFY(after);
    }
}

QTEST_MAIN(TestDependencyGraph)
#include "tst_dependencygraph.moc"
