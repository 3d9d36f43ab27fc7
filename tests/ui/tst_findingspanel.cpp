// The findings panel stays readable at real-notebook scale: identical findings (one rule, the
// same names) share one expandable row with their count, and rows wrap instead of eliding.
#include "analysis/findingspanel.h"
#include "analysis/ruletext.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QTest>
#include <QTreeView>

using namespace tassel;
using namespace tassel::ui;

namespace {
Finding finding(
    const std::string &rule, int cell, const std::vector<std::string> &names, const std::string &message)
{
    Finding f;
    f.rule = rule;
    f.severity = rule == "undefined-name" ? Severity::Error : Severity::Info;
    f.cell = cell;
    f.line = 1;
    f.names = names;
    f.message = message;
    return f;
}

/// One line per row: indentation for depth, the row's first line (its "How to fix" line is
/// fixUnderEachFinding's business), "+" for a group of same-name findings.
QString dump(const QAbstractItemModel *model, const QModelIndex &parent = {}, int depth = 0)
{
    QString out;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        out += QString(depth * 2, QLatin1Char(' ')) + index.data().toString().section(QLatin1Char('\n'), 0, 0)
            + (index.data(FindingsPanel::SameNamesRole).toBool() ? QStringLiteral(" +") : QString())
            + QLatin1Char('\n');
        out += dump(model, index, depth + 1);
    }
    return out;
}
} // namespace

class TestFindingsPanel : public QObject
{
    Q_OBJECT
private slots:
    void identicalFindingsAreGrouped_data();
    void identicalFindingsAreGrouped();
    void groupsOpenOnSelection();
    void rowsWrap_data();
    void rowsWrap();
    void fixUnderEachFinding();
    void everyRuleHasWords();
};

void TestFindingsPanel::identicalFindingsAreGrouped_data()
{
    QTest::addColumn<std::vector<Finding>>("findings");
    QTest::addColumn<QString>("tree");
    const auto changes = [](int cell, const char *name) {
        return finding("non-idempotent-cell", cell, {name},
            "Running cell " + std::to_string(cell + 1) + " again changes `" + name + "` again");
    };
    QTest::addRow("three about one name, one about another")
        << std::vector<Finding> {changes(4, "X_train"), changes(9, "X_train"), changes(11, "X_test"),
               changes(2, "X_train")}
        << QStringLiteral("Info · Non-idempotent cell (4)\n"
                          "  X_train — 3 findings +\n"
                          "    Cell 3, line 1: Running cell 3 again changes `X_train` again\n"
                          "    Cell 5, line 1: Running cell 5 again changes `X_train` again\n"
                          "    Cell 10, line 1: Running cell 10 again changes `X_train` again\n"
                          "  Cell 12, line 1: Running cell 12 again changes `X_test` again\n");
    QTest::addRow("different names stay rows")
        << std::vector<Finding> {changes(1, "a"), changes(2, "b")}
        << QStringLiteral("Info · Non-idempotent cell (2)\n"
                          "  Cell 2, line 1: Running cell 2 again changes `a` again\n"
                          "  Cell 3, line 1: Running cell 3 again changes `b` again\n");
    QTest::addRow("same name under two rules: grouped per rule")
        << std::vector<Finding> {changes(1, "df"), finding("undefined-name", 3, {"df"}, "uses `df`"),
               changes(5, "df")}
        << QStringLiteral("Error · Undefined name (1)\n"
                          "  Cell 4, line 1: uses `df`\n"
                          "Info · Non-idempotent cell (2)\n"
                          "  df — 2 findings +\n"
                          "    Cell 2, line 1: Running cell 2 again changes `df` again\n"
                          "    Cell 6, line 1: Running cell 6 again changes `df` again\n");
    QTest::addRow("findings without names are never grouped")
        << std::vector<Finding> {finding("non-idempotent-cell", 1, {}, "m"),
               finding("non-idempotent-cell", 2, {}, "m")}
        << QStringLiteral("Info · Non-idempotent cell (2)\n"
                          "  Cell 2, line 1: m\n"
                          "  Cell 3, line 1: m\n");
}

void TestFindingsPanel::identicalFindingsAreGrouped()
{
    QFETCH(std::vector<Finding>, findings);
    QFETCH(QString, tree);
    FindingsPanel panel;
    QAbstractItemModelTester tester(
        panel.filteredModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    NotebookAnalysis analysis;
    analysis.findings = findings;
    panel.setAnalysis(analysis);
    QCOMPARE(dump(panel.filteredModel()), tree);
    // Rule groups are open, groups of identical findings closed.
    const QAbstractItemModel *model = panel.filteredModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex group = model->index(row, 0);
        QVERIFY(panel.treeView()->isExpanded(group));
        for (int child = 0; child < model->rowCount(group); ++child)
            QVERIFY(!panel.treeView()->isExpanded(model->index(child, 0, group)));
    }
}

void TestFindingsPanel::groupsOpenOnSelection()
{
    FindingsPanel panel;
    NotebookAnalysis analysis;
    for (int cell : {1, 2, 3})
        analysis.findings.push_back(finding("non-idempotent-cell", cell, {"x"}, "changes x"));
    panel.setAnalysis(analysis);
    panel.selectFinding(1);
    const QModelIndex current = panel.treeView()->currentIndex();
    QCOMPARE(current.data(FindingsPanel::FindingIndexRole).toInt(), 1);
    QVERIFY(panel.treeView()->isExpanded(current.parent()));
    // Filtering keeps the group when a member matches.
    panel.setFilterText(QStringLiteral("Cell 3"));
    QCOMPARE(panel.filteredModel()->rowCount(), 1);
}

void TestFindingsPanel::rowsWrap_data()
{
    QTest::addColumn<int>("width");
    QTest::addRow("narrow dock") << 320;
    QTest::addRow("wide dock") << 700;
}

void TestFindingsPanel::rowsWrap()
{
    QFETCH(int, width);
    std::string message = "numpy is imported in cell 15 but its distribution numpy (";
    for (int i = 0; i < 12; ++i)
        message += "version unknown, declared nowhere ";
    message += ") is not declared: add it to requirements.txt END";
    FindingsPanel panel;
    NotebookAnalysis analysis;
    analysis.findings = {finding("undeclared-dependency", 14, {"numpy"}, message)};
    panel.setAnalysis(analysis);
    panel.resize(width, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTreeView *tree = panel.treeView();
    QCOMPARE(tree->textElideMode(), Qt::ElideNone);
    const QModelIndex row = tree->model()->index(0, 0, tree->model()->index(0, 0));
    QVERIFY(row.isValid());
    QTRY_VERIFY(tree->visualRect(row).height() > 3 * tree->fontMetrics().height());
    // The whole text fits the viewport's width: nothing is cut at the right.
    QVERIFY(tree->visualRect(row).right() <= tree->viewport()->width());
    QCOMPARE(tree->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
}

void TestFindingsPanel::fixUnderEachFinding()
{
    FindingsPanel panel;
    NotebookAnalysis analysis;
    analysis.findings = {finding("undefined-name", 3, {"df"}, "uses `df`"),
        finding("a-rule-this-build-does-not-know", 4, {}, "something")};
    panel.setAnalysis(analysis);
    const QAbstractItemModel *model = panel.filteredModel();
    QStringList texts;
    for (int group = 0; group < model->rowCount(); ++group)
        for (int row = 0; row < model->rowCount(model->index(group, 0)); ++row)
            texts << model->index(row, 0, model->index(group, 0)).data().toString();
    QCOMPARE(texts.size(), 2);
    const QString known = texts.filter(QStringLiteral("uses `df`")).value(0);
    QVERIFY2(known.contains(QStringLiteral("\nHow to fix: Define the name in a cell")), qPrintable(known));
    QVERIFY(!texts.filter(QStringLiteral("something")).value(0).contains(QStringLiteral("How to fix")));
}

void TestFindingsPanel::everyRuleHasWords()
{
    // A rule without words in RuleText shows as its bare id in the panel and the badges.
    for (const RuleInfo &rule : RuleCatalog::all())
        QVERIFY2(RuleText::title(rule.id) != QString::fromStdString(rule.id), rule.id.c_str());
}

QTEST_MAIN(TestFindingsPanel)
#include "tst_findingspanel.moc"
