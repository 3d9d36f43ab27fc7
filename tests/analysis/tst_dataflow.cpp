// Dataflow and execution-order findings on small notebooks built in memory, analysed by the
// real parser. Each cell is written "COUNT|SOURCE" ("-" for never executed; a trailing "|out"
// gives the cell a stored output); each expected finding is "rule@cell:names" (0-based cell).
#include "analysis/notebookanalyzer.h"
#include "notebookspec.h"

#include <QTest>

using namespace tassel;

namespace {

using test::makeNotebook;

QStringList describe(const std::vector<Finding> &findings, const QStringList &rules)
{
    QStringList result;
    for (const Finding &finding : findings) {
        if (!rules.contains(QString::fromStdString(finding.rule)))
            continue;
        QStringList names;
        for (const auto &name : finding.names)
            names << QString::fromStdString(name);
        result << QStringLiteral("%1@%2:%3")
                      .arg(QString::fromStdString(finding.rule))
                      .arg(finding.cell)
                      .arg(names.join(QLatin1Char(',')));
    }
    result.sort();
    return result;
}

QStringList edgesOf(const NotebookAnalysis &analysis)
{
    QStringList edges;
    for (const Dependency &dependency : analysis.dependencies) {
        QStringList names;
        for (const auto &name : dependency.names)
            names << QString::fromStdString(name);
        edges << QStringLiteral("%1->%2:%3:%4")
                     .arg(dependency.from)
                     .arg(dependency.to)
                     .arg(names.join(QLatin1Char(',')), QString::fromStdString(dependency.order));
    }
    return edges;
}

const QStringList kDataflowRules = {QStringLiteral("use-before-definition"), QStringLiteral("undefined-name"),
    QStringLiteral("stale-output"), QStringLiteral("unexecuted-cell"), QStringLiteral("non-idempotent-cell"),
    QStringLiteral("opaque-code"), QStringLiteral("out-of-order-execution"), QStringLiteral("execution-gap")};

} // namespace

class TestDataflow : public QObject
{
    Q_OBJECT
private slots:
    void findings_data();
    void findings();
    void dependencies_data();
    void dependencies();
    void suggestedOrder_data();
    void suggestedOrder();
    void findingsExplainThemselves();
};

void TestDataflow::findings_data()
{
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("clean linear notebook")
        << QStringList {"1|x = 1", "2|y = x + 1", "3|print(y)|2"} << QStringList {};
    QTest::addRow("use before def in later cell")
        << QStringList {"1|print(total)", "2|total = 3"} << QStringList {"use-before-definition@0:total"};
    QTest::addRow("use before def, cells ran in reverse") << QStringList {"2|print(total)|3",
        "1|total = 3"} << QStringList {"out-of-order-execution@1:", "use-before-definition@0:total"};
    QTest::addRow("undefined name in a cell that ran is hidden state")
        << QStringList {"1|print(ghost)|5"} << QStringList {"undefined-name@0:ghost"};
    QTest::addRow("builtins and IPython names are known")
        << QStringList {"1|print(len([1]), display, get_ipython, In, Out)"} << QStringList {};
    QTest::addRow("deleted then used")
        << QStringList {"1|df = 1", "2|del df", "3|print(df)"} << QStringList {"undefined-name@2:df"};
    QTest::addRow("function reads a global defined after the call")
        << QStringList {"1|def f():\n    return rate", "2|print(f())", "3|rate = 2"}
        << QStringList {"use-before-definition@1:rate"};
    QTest::addRow("function reads a global defined before the call")
        << QStringList {"1|def f():\n    return rate", "2|rate = 2", "3|print(f())"} << QStringList {};
    QTest::addRow("function through another function") << QStringList {"1|def g():\n    return base",
        "2|def f():\n    return g()", "3|print(f())", "4|base = 1"}
                                                       << QStringList {"use-before-definition@2:base"};
    QTest::addRow("stale output after provider re-ran")
        << QStringList {"5|threshold = 10", "2|print(threshold)|20"}
        << QStringList {"execution-gap@0:", "execution-gap@1:", "out-of-order-execution@1:",
               "stale-output@1:threshold"};
    // pandas_exercises' *_Solutions notebooks keep outputs under cells whose code was stripped.
    QTest::addRow("outputs under a comment-only cell are stale")
        << QStringList {"1|x = 1", "-|# Step 4: how many products cost more than $10?\n\n|707"}
        << QStringList {"stale-output@1:"};
    QTest::addRow("outputs under an empty cell are stale")
        << QStringList {"-||15"} << QStringList {"stale-output@0:"};
    QTest::addRow("a comment-only cell without outputs is fine")
        << QStringList {"-|# to do"} << QStringList {};
    // handson-ml3's chapter 18 keeps the best weights inside a loop and restores them after it.
    QTest::addRow("bound in a branch of a loop, read after it")
        << QStringList {"1|for s in range(3):\n    if s > 1:\n        best = s\nprint(best)", "2|best = 0"}
        << QStringList {};
    QTest::addRow("read in a loop before its binding there")
        << QStringList {"1|for s in range(3):\n    print(best)\n    best = s"}
        << QStringList {"use-before-definition@0:best"};
    QTest::addRow("unexecuted provider of executed cell")
        << QStringList {"-|rate = 0.5", "1|print(rate)|0.5"} << QStringList {"unexecuted-cell@0:rate"};
    QTest::addRow("unexecuted cell nobody needs is fine")
        << QStringList {"-|scratch = 1", "1|print(2)|2"} << QStringList {};
    QTest::addRow("augmented assignment is not idempotent")
        << QStringList {"1|n = 0", "2|n += 1"} << QStringList {"non-idempotent-cell@1:n"};
    QTest::addRow("append to a list from before")
        << QStringList {"1|items = []", "2|items.append(1)"} << QStringList {"non-idempotent-cell@1:items"};
    QTest::addRow("append to a list made in the same cell is idempotent")
        << QStringList {"1|items = []\nitems.append(1)"} << QStringList {};
    QTest::addRow("star import is opaque and hides undefined names")
        << QStringList {"1|from math import *", "2|print(pi)"} << QStringList {"opaque-code@0:"};
    QTest::addRow("exec is opaque") << QStringList {"1|exec('z = 1')"} << QStringList {"opaque-code@0:"};
    QTest::addRow("execution gap") << QStringList {"1|a = 1", "4|b = a"} << QStringList {"execution-gap@1:"};
    QTest::addRow("first count above one") << QStringList {"3|a = 1"} << QStringList {"execution-gap@0:"};
    QTest::addRow("global bound by a called function defines the name")
        << QStringList {"1|def reset():\n    global sess\n    sess = 1\nreset()", "2|print(sess)|1"}
        << QStringList {};
    QTest::addRow("global bound two calls deep") << QStringList {
        "1|def inner():\n    global conn\n    conn = 1\ndef outer():\n    inner()",
        "2|outer()\nprint(conn)|1"} << QStringList {};
    QTest::addRow("global closed then bound again, read by another function") << QStringList {
        "1|def reset():\n    global sess\n    try:\n        sess.close()\n    except:\n"
        "        pass\n    sess = 1\ndef evaluate(t):\n    return sess.run(t)\nreset()",
        "2|reset()\nprint(evaluate(2))|2", "3|print(evaluate(3))|3"} << QStringList {};
    QTest::addRow("global of a function never called stays undefined") << QStringList {
        "1|def f():\n    global g\n    g = 1", "2|print(g)|1"} << QStringList {"undefined-name@1:g"};
    QTest::addRow("global bound by a call in a later cell") << QStringList {"1|print(sess)",
        "2|def r():\n    global sess\n    sess = 1\nr()"} << QStringList {"use-before-definition@0:sess"};
    QTest::addRow("global read in the cell before the call that binds it")
        << QStringList {"1|def r():\n    global sess\n    sess = 1", "2|print(sess)\nr()"}
        << QStringList {"use-before-definition@1:sess"};
    QTest::addRow("global deleted by a called function")
        << QStringList {"1|x = 1", "2|def drop():\n    global x\n    del x\ndrop()", "3|print(x)"}
        << QStringList {"undefined-name@2:x"};
    QTest::addRow("global deleted, then bound again by the cell")
        << QStringList {"1|x = 1", "2|def drop():\n    global x\n    del x\ndrop()\nx = 2", "3|print(x)"}
        << QStringList {};
    QTest::addRow("nonlocal binds the enclosing function's name")
        << QStringList {"1|def outer():\n    count = 0\n    def inc():\n        nonlocal count\n"
                        "        count += 1\n    inc()\n    return count\nprint(outer())"}
        << QStringList {};
    QTest::addRow("pylab magic binds numpy and pyplot names") << QStringList {"1|%pylab inline",
        "2|hist(linspace(0, 1, 5))\nplt.show()|x"} << QStringList {"opaque-code@0:"};
    QTest::addRow("pylab names used before the magic") << QStringList {
        "1|hist([1])", "2|%pylab inline"} << QStringList {"opaque-code@1:", "use-before-definition@0:hist"};
    QTest::addRow("pylab names used before the magic in the same cell") << QStringList {
        "1|hist([1])\n%pylab inline"} << QStringList {"opaque-code@0:", "use-before-definition@0:hist"};
    QTest::addRow("numpy star import binds in its own cell")
        << QStringList {"1|from numpy import *\nx = linspace(0, 1, 3)"} << QStringList {"opaque-code@0:"};
    QTest::addRow("markdown cells keep indexes") << QStringList {"# Title", "1|print(later)", "## Part",
        "2|later = 1"} << QStringList {"use-before-definition@1:later"};
}

void TestDataflow::findings()
{
    QFETCH(QStringList, cells);
    QFETCH(QStringList, expected);
    const NotebookAnalysis analysis = analyzeNotebook(makeNotebook(cells));
    expected.sort();
    QCOMPARE(describe(analysis.findings, kDataflowRules), expected);
}

void TestDataflow::dependencies_data()
{
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("chain") << QStringList {"1|a = 1", "2|b = a", "3|print(a, b)"}
                           << QStringList {"0->1:a:both", "0->2:a:both", "1->2:b:both"};
    QTest::addRow("document and execution orders differ") << QStringList {
        "1|x = 1", "3|y = x", "2|x = 2"} << QStringList {"0->1:x:document", "2->1:x:execution"};
    QTest::addRow("call brings the function's free names") << QStringList {"1|k = 2",
        "2|def f():\n    return k", "3|print(f())"} << QStringList {"0->2:k:both", "1->2:f:both"};
    QTest::addRow("global bound by a call joins the chain")
        << QStringList {"1|def reset():\n    global sess\n    sess = 1", "2|reset()", "3|print(sess)"}
        << QStringList {"0->1:reset:both", "1->2:sess:both"};
    QTest::addRow("star import of a known module provides its names")
        << QStringList {"1|from matplotlib.pyplot import *", "2|linspace = 1", "3|plot(linspace)"}
        << QStringList {"0->2:plot:both", "1->2:linspace:both"};
    QTest::addRow("pylab magic provides numpy names")
        << QStringList {"1|%pylab inline", "2|x = linspace(0, 1, 3)"} << QStringList {"0->1:linspace:both"};
    QTest::addRow("modification joins the chain") << QStringList {"1|d = {}", "2|d['a'] = 1", "3|print(d)"}
                                                  << QStringList {"0->1:d:both", "1->2:d:both"};
}

void TestDataflow::dependencies()
{
    QFETCH(QStringList, cells);
    QFETCH(QStringList, expected);
    QCOMPARE(edgesOf(analyzeNotebook(makeNotebook(cells))), expected);
}

void TestDataflow::suggestedOrder_data()
{
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<bool>("reproducible");
    QTest::addColumn<QList<int>>("order");
    QTest::addRow("document order works") << QStringList {"1|a = 1", "2|print(a)"} << true << QList<int> {};
    QTest::addRow("definition below its use")
        << QStringList {"# T", "1|print(a + b)", "2|a = 1", "3|b = a"} << false << QList<int> {2, 3, 1};
}

void TestDataflow::suggestedOrder()
{
    QFETCH(QStringList, cells);
    QFETCH(bool, reproducible);
    QFETCH(QList<int>, order);
    const NotebookAnalysis analysis = analyzeNotebook(makeNotebook(cells));
    QCOMPARE(analysis.verdict.reproducibleTopToBottom, reproducible);
    QCOMPARE(
        QList<int>(analysis.verdict.suggestedOrder.begin(), analysis.verdict.suggestedOrder.end()), order);
}

void TestDataflow::findingsExplainThemselves()
{
    // Every finding says where (cell, line, column), which names, and why.
    const NotebookAnalysis analysis
        = analyzeNotebook(makeNotebook({"1|print(total)", "2|total = 3\ntotal += 1", "4|print(nothing)|x"}));
    QVERIFY(!analysis.findings.empty());
    for (const Finding &finding : analysis.findings) {
        QVERIFY2(finding.cell >= 0, finding.rule.c_str());
        QVERIFY2(!finding.message.empty(), finding.rule.c_str());
        QVERIFY2(finding.message.find("cell") != std::string::npos
                || finding.message.find("Execution") != std::string::npos,
            finding.message.c_str());
        if (finding.rule == "use-before-definition") {
            QCOMPARE(finding.line, 1);
            QCOMPARE(finding.column, 7);
            QCOMPARE(finding.names, std::vector<std::string> {"total"});
            QCOMPARE(finding.relatedCells, std::vector<int> {1});
        }
    }
}

QTEST_GUILESS_MAIN(TestDataflow)
#include "tst_dataflow.moc"
