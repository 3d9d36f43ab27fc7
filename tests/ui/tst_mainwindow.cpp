#include "analysis/dependencygraphview.h"
#include "analysis/findingspanel.h"
#include "analysis/importspanel.h"
#include "graduate/graduationwizard.h"
#include "notebook/celldelegate.h"
#include "notebook/executiontimeline.h"
#include "notebook/notebookmodel.h"
#include "notebook/notebookview.h"
#include "notebook/syntaxrepository.h"
#include "shell/language.h"
#include "shell/mainwindow.h"

#include "notebook/notebookloader.h"

#include <KSyntaxHighlighting/Definition>

#include <QAbstractItemModelTester>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <QAction>
#include <QFileInfo>
#include <QLineEdit>
#include <QTreeView>
#include <fstream>

using namespace tassel;
using namespace tassel::ui;

namespace {
const QString kExample = QStringLiteral(TASSEL_SOURCE_DIR "/resources/examples/penguins.ipynb");
const QString kSmall = QStringLiteral(TASSEL_TEST_DATA_DIR "/ui/small.ipynb");

Finding makeFinding(std::string rule, Severity severity, int cell, int line, std::string message)
{
    Finding f;
    f.rule = std::move(rule);
    f.severity = severity;
    f.cell = cell;
    f.line = line;
    f.message = std::move(message);
    return f;
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void foreignNotebookSaysWhy_data();
    void foreignNotebookSaysWhy();
    void opensBundledExample();
    void modelPassesTester();
    void reportsUnreadableFile();
    void masksSecrets_data();
    void masksSecrets();
    void findingSelectsCell();
    void corpusNotebookGetsBadges();
    void nextFindingWraps();
    void findsText_data();
    void findsText();
    void timelineShowsRunOrder();
    void graphHasCellsAndFlows();
    void reloadsChangedFile();
    void switchesLanguage_data();
    void switchesLanguage();
    void importsPanelListsImports_data();
    void importsPanelListsImports();
    void importsPanelShowsDeclarations();
    void loadsInBackground_data();
    void loadsInBackground();
    void graduateNeedsAnalysis();
    void buildsOnlyVisibleOutputs_data();
    void buildsOnlyVisibleOutputs();
    void viewsShareOneNotebook_data();
    void viewsShareOneNotebook();
};

void TestMainWindow::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("TasselTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::opensBundledExample()
{
    MainWindow window;
    QVERIFY(window.openFile(kExample));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    NotebookModel *model = window.notebookView()->notebookModel();
    CellDelegate *delegate = window.notebookView()->cellDelegate();
    QCOMPARE(std::size_t(model->rowCount()), window.notebook().cells.size());
    QCOMPARE(model->index(0).data(NotebookModel::CellTypeRole).toInt(), int(CellType::Markdown));
    QVERIFY(
        model->index(0).data(NotebookModel::SourceRole).toString().startsWith(QStringLiteral("# Penguins")));
    // Markdown is rendered (the heading's '#' is gone from the displayed text).
    QVERIFY(delegate->renderedSource(0).startsWith(QStringLiteral("Penguins")));
    // The second cell is code, shown verbatim.
    QCOMPARE(delegate->renderedSource(1), QString::fromStdString(window.notebook().cells.at(1).source));
    QCOMPARE(model->index(1).data(NotebookModel::ExecutionCountRole).toInt(), 1);
    QVERIFY(window.windowTitle().contains(QStringLiteral("penguins.ipynb")));
    // The plot cell shows its PNG as an image, the summary cell its text.
    int images = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        images += delegate->imageBlockCount(row);
    QCOMPARE(images, 1);
    QVERIFY(delegate->textBlockCount(3) >= 1);
}

void TestMainWindow::modelPassesTester()
{
    NotebookModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto notebook = NotebookLoader().loadFile(kExample.toStdString());
    QVERIFY(notebook);
    model.setNotebook(*notebook);
    NotebookAnalysis analysis;
    analysis.findings.push_back(makeFinding("stale-output", Severity::Warning, 3, 0, "stale"));
    model.setAnalysis(analysis);
    QCOMPARE(model.index(3).data(NotebookModel::BadgesRole).toStringList(),
        QStringList {QStringLiteral("stale-output")});
    QCOMPARE(model.index(2).data(NotebookModel::FindingCountRole).toInt(), 0);
}

void TestMainWindow::reportsUnreadableFile()
{
    MainWindow window;
    QVERIFY(!window.openFile(QStringLiteral(TASSEL_SOURCE_DIR "/no/such/notebook.ipynb")));
    QVERIFY(window.lastError().contains(QStringLiteral("notebook.ipynb")));
}

void TestMainWindow::masksSecrets_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("endColumn");
    QTest::addColumn<QString>("expected");
    QTest::addRow("token on line 2") << QStringLiteral("import os\ntoken = \"ghp_abcdef\"\n") << 2 << 10 << 20
                                     << QStringLiteral("import os\ntoken = \"••••••••••\"\n");
    QTest::addRow("whole line when no end")
        << QStringLiteral("key = AKIA1234") << 1 << 7 << 0 << QStringLiteral("key = ••••••••");
    QTest::addRow("multi-byte characters before") << QStringLiteral("s = \"é\" + \"sk_live_x\"") << 1 << 12
                                                  << 21 << QStringLiteral("s = \"é\" + \"•••••••••\"");
}

void TestMainWindow::masksSecrets()
{
    QFETCH(QString, source);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(int, endColumn);
    QFETCH(QString, expected);
    Finding secret = makeFinding("hardcoded-secret", Severity::Error, 0, line, "secret");
    secret.column = column;
    secret.endLine = line;
    secret.endColumn = endColumn;
    secret.location = "source";
    const std::string masked = NotebookModel::maskRanges(source.toStdString(), {&secret});
    QCOMPARE(QString::fromStdString(masked), expected);

    // Through the model: masked by default, clear text on request only.
    Notebook notebook;
    Cell cell;
    cell.source = source.toStdString();
    notebook.cells.push_back(cell);
    NotebookModel model;
    model.setNotebook(notebook);
    NotebookAnalysis analysis;
    analysis.findings.push_back(secret);
    model.setAnalysis(analysis);
    QCOMPARE(model.displaySource(0), expected);
    model.setRevealed(0, true);
    QCOMPARE(model.displaySource(0), source);
}

void TestMainWindow::findingSelectsCell()
{
    MainWindow window;
    QSignalSpy ready(&window, &MainWindow::analysisReady);
    QVERIFY(window.openFile(kExample));
    // Let the real analysis land first, so the hand-made one below is what the panel shows.
    QVERIFY(ready.count() > 0 || ready.wait(30000));
    NotebookAnalysis analysis;
    analysis.findings.push_back(
        makeFinding("stale-output", Severity::Warning, 5, 2, "Output older than its inputs"));
    analysis.findings.push_back(makeFinding("execution-gap", Severity::Info, 7, 0, "Counts skip"));
    analysis.verdict.reproducibleTopToBottom = false;
    analysis.verdict.summary = "1 cell uses a name defined later";
    analysis.verdict.sameOutputs = {false, 1, 0, 0, 0};
    analysis.verdict.status = VerdictStatus::Risky;
    window.setAnalysis(analysis);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(
        window.findingsPanel()->verdictText().contains(QStringLiteral("1 cell uses a name defined later")));
    // The overall status line: both questions with their counts.
    QCOMPARE(window.findingsPanel()->statusText(),
        QStringLiteral("Risky — runs top to bottom: yes; same outputs: no (1 stale output(s))"));

    // Click the stale-output finding in the tree: the cell it names becomes current.
    QTreeView *tree = window.findingsPanel()->treeView();
    QAbstractItemModel *model = tree->model();
    QModelIndex target;
    for (int group = 0; group < model->rowCount(); ++group) {
        const QModelIndex parent = model->index(group, 0);
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex child = model->index(row, 0, parent);
            if (child.data(FindingsPanel::FindingIndexRole).toInt() == 0)
                target = child;
        }
    }
    QVERIFY(target.isValid());
    tree->scrollTo(target);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(target).center());
    QCOMPARE(window.notebookView()->currentCell(), 5);
    QVERIFY(window.notebookView()
                ->visualRect(window.notebookView()->currentIndex())
                .intersects(window.notebookView()->viewport()->rect()));

    // Filtering by text keeps matching findings only.
    window.findingsPanel()->setFilterText(QStringLiteral("skip"));
    QCOMPARE(model->rowCount(), 1);
}

void TestMainWindow::corpusNotebookGetsBadges()
{
    // Cell 12 ran as execution 9 after cell 10 ran as execution 13.
    const QString path = QStringLiteral(TASSEL_TEST_DATA_DIR
        "/corpus/guipsamora__pandas_exercises/"
        "08_Creating_Series_and_DataFrames__Pokemon__Exercises-with-solutions-and-code.ipynb");
    MainWindow window;
    QSignalSpy ready(&window, &MainWindow::analysisReady);
    QVERIFY(window.openFile(path));
    QVERIFY(ready.wait(20000));
    NotebookModel *model = window.notebookView()->notebookModel();
    QCOMPARE(model->rowCount(), 15);
    QVERIFY(model->index(12)
                .data(NotebookModel::BadgesRole)
                .toStringList()
                .contains(QStringLiteral("out-of-order-execution")));
    QVERIFY(!model->index(2)
                 .data(NotebookModel::BadgesRole)
                 .toStringList()
                 .contains(QStringLiteral("out-of-order-execution")));
    QVERIFY(window.findingsPanel()->verdictText().contains(QStringLiteral("top to bottom")));

    // Click that finding in the panel: cell 12 becomes current.
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTreeView *tree = window.findingsPanel()->treeView();
    const auto &findings = model->analysis().findings;
    QModelIndex target;
    for (int group = 0; group < tree->model()->rowCount() && !target.isValid(); ++group) {
        const QModelIndex parent = tree->model()->index(group, 0);
        for (int row = 0; row < tree->model()->rowCount(parent); ++row) {
            const QModelIndex child = tree->model()->index(row, 0, parent);
            const auto &f = findings.at(std::size_t(child.data(FindingsPanel::FindingIndexRole).toInt()));
            if (f.rule == "out-of-order-execution" && f.cell == 12)
                target = child;
        }
    }
    QVERIFY(target.isValid());
    tree->scrollTo(target);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(target).center());
    QCOMPARE(window.notebookView()->currentCell(), 12);
}

void TestMainWindow::nextFindingWraps()
{
    MainWindow window;
    QVERIFY(window.openFile(kExample));
    NotebookAnalysis analysis;
    analysis.findings.push_back(makeFinding("execution-gap", Severity::Info, 7, 0, "b"));
    analysis.findings.push_back(makeFinding("stale-output", Severity::Warning, 3, 0, "a"));
    window.setAnalysis(analysis);
    QVERIFY(window.gotoFinding(+1));
    QCOMPARE(window.notebookView()->currentCell(), 3);
    QVERIFY(window.gotoFinding(+1));
    QCOMPARE(window.notebookView()->currentCell(), 7);
    QVERIFY(window.gotoFinding(+1));
    QCOMPARE(window.notebookView()->currentCell(), 3);
    QVERIFY(window.gotoFinding(-1));
    QCOMPARE(window.notebookView()->currentCell(), 7);
}

void TestMainWindow::findsText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("cell");
    QTest::addRow("code") << QStringLiteral("mean_by_species") << 7;
    QTest::addRow("markdown, any case") << QStringLiteral("LOAD THE DATA") << 2;
    QTest::addRow("absent") << QStringLiteral("no such text anywhere") << -1;
}

void TestMainWindow::findsText()
{
    QFETCH(QString, text);
    QFETCH(int, cell);
    MainWindow window;
    QVERIFY(window.openFile(kExample));
    QCOMPARE(window.findText(text), cell >= 0);
    QCOMPARE(window.notebookView()->currentCell(), cell);
}

void TestMainWindow::timelineShowsRunOrder()
{
    MainWindow window;
    QVERIFY(window.openFile(kExample));
    const auto &points = window.timeline()->points();
    // Six code cells, all run once in document order.
    QCOMPARE(points.size(), std::size_t(6));
    QCOMPARE(points.front().cell, 1);
    QCOMPARE(points.front().count, 1);
    QCOMPARE(window.timeline()->backwardSteps(), 0);
}

void TestMainWindow::graphHasCellsAndFlows()
{
    auto notebook = NotebookLoader().loadFile(kSmall.toStdString());
    QVERIFY2(notebook, notebook ? "" : notebook.error().toString().c_str());
    NotebookAnalysis analysis;
    analysis.path = notebook->path;
    analysis.dependencies = {{1, 2, {"x"}, "both"}, {1, 3, {"math", "x"}, "both"}, {2, 3, {"y"}, "both"}};

    DependencyGraphView view;
    QSignalSpy ready(&view, &DependencyGraphView::layoutReady);
    view.setAnalysis(*notebook, analysis);
    QVERIFY(ready.wait(10000));
    const auto &layout = view.layoutResult();
    QVERIFY2(layout.error.isEmpty(), qPrintable(layout.error));

    // Every code cell is a node; the markdown cell is not.
    QList<int> nodes;
    for (const auto &node : layout.nodes)
        nodes.append(node.cell);
    QCOMPARE(nodes, (QList<int> {1, 2, 3, 4}));
    QMap<QPair<int, int>, QString> edges;
    for (const auto &edge : layout.edges) {
        edges.insert({edge.from, edge.to}, edge.names.join(QStringLiteral(", ")));
        QVERIFY(!edge.path.isEmpty());
    }
    const QMap<QPair<int, int>, QString> expected {
        {{1, 2}, QStringLiteral("x")}, {{1, 3}, QStringLiteral("math, x")}, {{2, 3}, QStringLiteral("y")}};
    QCOMPARE(edges, expected);
    // Labels show the first name and how many more (all of them in the tooltip).
    for (const auto &edge : layout.edges) {
        if (edge.from == 1 && edge.to == 3)
            QCOMPARE(edge.label, QStringLiteral("math +1"));
    }
    // Left to right: a cell sits right of the cells it reads from.
    QMap<int, QRectF> boxes;
    for (const auto &node : layout.nodes)
        boxes.insert(node.cell, node.box);
    QVERIFY(boxes[1].right() < boxes[2].left());
    QVERIFY(boxes[2].right() < boxes[3].left());
    // The never-run cell is coloured as such.
    QCOMPARE(layout.nodes.back().state, GraphLayout::State::Unexecuted);

    // Selecting the middle cell highlights what it reads and what reads it.
    view.selectCell(2);
    QCOMPARE(view.upstreamCells(), QSet<int> {1});
    QCOMPARE(view.downstreamCells(), QSet<int> {3});
    // Clicking a node selects its cell.
    QSignalSpy clicked(&view, &DependencyGraphView::cellClicked);
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QPoint at = view.mapFromScene(boxes[3].center());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.first().first().toInt(), 3);
    QCOMPARE(view.upstreamCells(), (QSet<int> {1, 2}));
}

void TestMainWindow::reloadsChangedFile()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("changing.ipynb"));
    QVERIFY(QFile::copy(kSmall, path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    MainWindow window;
    window.setAskBeforeReload(false);
    QVERIFY(window.openFile(path));
    QCOMPARE(window.notebookView()->notebookModel()->rowCount(), 5);

    // Replace the file the way editors do (write elsewhere, rename over it) with one cell fewer.
    QFile original(kSmall);
    QVERIFY(original.open(QIODevice::ReadOnly));
    auto json = nlohmann::json::parse(original.readAll().toStdString());
    json["cells"].erase(json["cells"].end() - 1);
    const QString replacement = folder.filePath(QStringLiteral("replacement.ipynb"));
    std::ofstream(replacement.toStdString()) << json.dump(1);
    QVERIFY(QFile::remove(path));
    QVERIFY(QFile::rename(replacement, path));
    QTRY_COMPARE_WITH_TIMEOUT(window.notebookView()->notebookModel()->rowCount(), 4, 5000);
}

void TestMainWindow::switchesLanguage_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("fileMenu");
    QTest::addColumn<QString>("findingsDock");
    QTest::addColumn<QString>("importsDock");
    QTest::addRow("German") << QStringLiteral("de") << QStringLiteral("&Datei") << QStringLiteral("Befunde")
                            << QStringLiteral("Importe");
    QTest::addRow("back to English") << QStringLiteral("en") << QStringLiteral("&File")
                                     << QStringLiteral("Findings") << QStringLiteral("Imports");
}

void TestMainWindow::switchesLanguage()
{
    QFETCH(QString, code);
    QFETCH(QString, fileMenu);
    QFETCH(QString, findingsDock);
    QFETCH(QString, importsDock);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Switched while the window is open: it re-words itself on the LanguageChange event.
    QVERIFY(Language::apply(code));
    QCOMPARE(Language::current(), code);
    QTRY_COMPARE(window.menuBar()->actions().first()->text(), fileMenu);
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("findingsDock"));
    QVERIFY(dock);
    QCOMPARE(dock->windowTitle(), findingsDock);
    QCOMPARE(window.findChild<QDockWidget *>(QStringLiteral("importsDock"))->windowTitle(), importsDock);
    // The menus made for the earlier language are gone, not piled up.
    QTRY_COMPARE(window.menuBar()->findChildren<QMenu *>(Qt::FindDirectChildrenOnly).size(),
        window.menuBar()->actions().size());
    // A window made afterwards starts in the new language.
    MainWindow fresh;
    QCOMPARE(fresh.menuBar()->actions().first()->text(), fileMenu);
}

void TestMainWindow::importsPanelListsImports_data()
{
    QTest::addColumn<QString>("module");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("distribution");
    QTest::addColumn<int>("cell");
    QTest::addRow("standard library")
        << QStringLiteral("io") << QStringLiteral("standard library") << QString() << 2;
    QTest::addRow("third-party by table")
        << QStringLiteral("matplotlib") << QStringLiteral("third-party") << QStringLiteral("matplotlib") << 2;
    QTest::addRow("third-party") << QStringLiteral("pandas") << QStringLiteral("third-party")
                                 << QStringLiteral("pandas") << 2;
}

void TestMainWindow::importsPanelListsImports()
{
    QFETCH(QString, module);
    QFETCH(QString, kind);
    QFETCH(QString, distribution);
    QFETCH(int, cell);
    MainWindow window;
    QSignalSpy ready(&window, &MainWindow::analysisReady);
    QVERIFY(window.openFile(kExample));
    QVERIFY(ready.wait(30000));
    QAbstractItemModel *model = window.importsPanel()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(
        std::size_t(model->rowCount()), window.notebookView()->notebookModel()->analysis().imports.size());
    int row = -1;
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, ImportsPanel::ModuleColumn).data().toString() == module)
            row = r;
    QVERIFY2(row >= 0, qPrintable(module));
    QCOMPARE(model->index(row, ImportsPanel::KindColumn).data().toString(), kind);
    QVERIFY(model->index(row, ImportsPanel::DistributionColumn).data().toString().startsWith(distribution));
    QCOMPARE(model->index(row, ImportsPanel::CellColumn).data().toInt(), cell);
    // The example declares nothing: every third-party import is undeclared.
    if (kind == QStringLiteral("third-party"))
        QCOMPARE(model->index(row, ImportsPanel::DeclaredColumn).data().toString(), QStringLiteral("no"));
    else
        QVERIFY(model->index(row, ImportsPanel::DeclaredColumn).data().toString().isEmpty());

    // Clicking the row selects the importing cell.
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("importsDock"));
    QVERIFY(dock);
    dock->raise();
    QTreeView *tree = window.importsPanel()->treeView();
    QTRY_VERIFY(tree->isVisible());
    window.notebookView()->selectCell(0);
    const QModelIndex index = model->index(row, ImportsPanel::ModuleColumn);
    tree->scrollTo(index);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(index).center());
    QCOMPARE(window.notebookView()->currentCell(), cell - 1);
}

void TestMainWindow::importsPanelShowsDeclarations()
{
    NotebookAnalysis analysis;
    ImportInfo pinned;
    pinned.module = "sklearn";
    pinned.distribution = "scikit-learn";
    pinned.kind = "third-party";
    pinned.cell = 3;
    pinned.declared = true;
    pinned.pinned = true;
    pinned.version = "1.5.2";
    pinned.source = "%pip in cell 2";
    ImportInfo loose = pinned;
    loose.module = "yaml";
    loose.distribution = "PyYAML";
    loose.pinned = false;
    loose.version.reset();
    loose.distributionGuessed = true;
    analysis.imports = {pinned, loose};
    ImportsPanel panel;
    panel.setAnalysis(analysis);
    QAbstractItemModel *model = panel.model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, ImportsPanel::VersionColumn).data().toString(), QStringLiteral("1.5.2"));
    QCOMPARE(model->index(0, ImportsPanel::SourceColumn).data().toString(), QStringLiteral("%pip in cell 2"));
    QCOMPARE(model->index(0, ImportsPanel::PinnedColumn).data().toString(), QStringLiteral("yes"));
    QCOMPARE(model->index(1, ImportsPanel::PinnedColumn).data().toString(), QStringLiteral("no"));
    QVERIFY(model->index(1, ImportsPanel::DistributionColumn)
                .data()
                .toString()
                .contains(QStringLiteral("guessed")));
    QVERIFY(panel.summaryText().contains(QStringLiteral("1 unpinned")));
    // Sorting by module puts sklearn before yaml either way round.
    panel.treeView()->sortByColumn(ImportsPanel::ModuleColumn, Qt::DescendingOrder);
    QCOMPARE(model->index(0, ImportsPanel::ModuleColumn).data().toString(), QStringLiteral("yaml"));
    panel.clear();
    QCOMPARE(model->rowCount(), 0);
}

void TestMainWindow::loadsInBackground_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("cells");
    QTest::addRow("bundled example") << kExample << true << 10;
    QTest::addRow("missing file") << QStringLiteral(TASSEL_SOURCE_DIR "/no/such/thing.ipynb") << false << 0;
}

void TestMainWindow::loadsInBackground()
{
    QFETCH(QString, path);
    QFETCH(bool, ok);
    QFETCH(int, cells);
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::notebookLoaded);
    window.loadFile(path);
    // Nothing is shown until the load ends; then the model holds the cells or the error names the file.
    QCOMPARE(window.notebookView()->notebookModel()->rowCount(), 0);
    QVERIFY(loaded.count() > 0 || loaded.wait(20000));
    QCOMPARE(loaded.first().first().toBool(), ok);
    QCOMPARE(window.notebookView()->notebookModel()->rowCount(), cells);
    if (ok)
        QCOMPARE(window.currentPath(), QFileInfo(path).absoluteFilePath());
    else
        QVERIFY(window.lastError().contains(QStringLiteral("thing.ipynb")));
    QVERIFY(!window.isLoading());
}

void TestMainWindow::graduateNeedsAnalysis()
{
    MainWindow window;
    auto *action = window.findChild<QAction *>(QStringLiteral("graduateAction"));
    QVERIFY(action);
    QVERIFY(!action->isEnabled());
    QVERIFY(!window.showGraduationWizard());
    QSignalSpy ready(&window, &MainWindow::analysisReady);
    QVERIFY(window.openFile(kExample));
    QVERIFY(ready.wait(30000));
    QVERIFY(action->isEnabled());
    GraduationWizard *wizard = window.showGraduationWizard();
    QVERIFY(wizard);
    QVERIFY(wizard->packageNameEdit()->placeholderText().contains(QStringLiteral("penguins")));
    delete wizard;
}

void TestMainWindow::foreignNotebookSaysWhy_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("definition");
    QTest::addColumn<QString>("said");
    QTest::addRow("C++") << "c++"
                         << "C++"
                         << "the kernel is C++";
    QTest::addRow("R") << "R"
                       << "R Script"
                       << "the kernel is R";
    QTest::addRow("Julia") << "julia"
                           << "Julia"
                           << "the kernel is Julia";
}

void TestMainWindow::foreignNotebookSaysWhy()
{
    QFETCH(QString, language);
    QFETCH(QString, definition);
    QFETCH(QString, said);
    QCOMPARE(SyntaxRepository::definitionForCell(QStringLiteral("x <- 1"), language).name(), definition);
    QCOMPARE(
        SyntaxRepository::definitionForCell(QStringLiteral("%%bash\nls")).name(), QStringLiteral("Bash"));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("foreign.ipynb"));
    std::ofstream(path.toStdString())
        << R"({"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "k", "display_name": "K", "language": ")"
        << language.toStdString()
        << R"("}}, "cells": [{"cell_type": "code", "id": "a", "metadata": {}, "source": "x = undefined_name", "outputs": [], "execution_count": 1}]})";
    MainWindow window;
    QSignalSpy ready(&window, &MainWindow::analysisReady);
    QVERIFY(window.openFile(path));
    QVERIFY(ready.wait(30000));
    QVERIFY2(window.findingsPanel()->verdictText().contains(said),
        qPrintable(window.findingsPanel()->verdictText()));
    QVERIFY(window.findingsPanel()->verdictText().contains(QStringLiteral("Only secrets were checked")));
    QVERIFY(window.notebookView()->notebookModel()->analysis().findings.empty());
}

void TestMainWindow::viewsShareOneNotebook_data()
{
    QTest::addColumn<QString>("path");
    QTest::addRow("small notebook") << kSmall;
    QTest::addRow("bundled example") << kExample;
}

/// The cell view and the dependency graph read the window's notebook: a copy per view cost
/// 280 MB more for a cell with a million outputs (issue 19).
void TestMainWindow::viewsShareOneNotebook()
{
    QFETCH(QString, path);
    MainWindow window;
    QSignalSpy ready(&window, &MainWindow::analysisReady);
    QVERIFY(window.openFile(path));
    QVERIFY(ready.wait(30000));
    QVERIFY(!window.notebook().cells.empty());
    QCOMPARE(&window.notebookView()->notebookModel()->notebook(), &window.notebook());
    QCOMPARE(window.graphView()->notebook(), &window.notebook());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

void TestMainWindow::buildsOnlyVisibleOutputs_data()
{
    QTest::addColumn<int>("outputs");
    QTest::addRow("2000 stream outputs") << 2000;
    QTest::addRow("20000 stream outputs") << 20000;
}

/// A cell's outputs get text documents when they are painted, not all at once: 100k outputs
/// took 1.6 GB and 5 s to open when every block was built on the first paint.
void TestMainWindow::buildsOnlyVisibleOutputs()
{
    QFETCH(int, outputs);
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("outputs.ipynb"));
    {
        std::ofstream file(path.toStdString());
        file << R"j({"cells": [{"cell_type": "code", "execution_count": 1, "id": "c", "metadata": {},)j"
             << R"j( "source": "print(1)", "outputs": [)j";
        for (int i = 0; i < outputs; ++i)
            file << (i ? "," : "") << R"j({"output_type": "stream", "name": "stdout", "text": "step )j" << i
                 << R"j(\n"})j";
        file << R"j(]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})j";
    }
    MainWindow window;
    window.resize(900, 700);
    QVERIFY(window.openFile(path));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    CellDelegate *delegate = window.notebookView()->cellDelegate();
    window.notebookView()->viewport()->repaint();
    QCOMPARE(delegate->textBlockCount(0), outputs);
    const int built = delegate->builtOutputBlocks(0);
    QVERIFY2(built > 0 && built < 100, qPrintable(QString::number(built)));
    // A block far below the fold is built when asked for, with its own text.
    QCOMPARE(delegate->renderedOutput(0, outputs - 1), QStringLiteral("step %1").arg(outputs - 1));
}
