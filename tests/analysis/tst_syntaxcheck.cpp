// Code that is not Python 3, on small notebooks built in memory and analysed by the real parser:
// the notebook's language, `syntax-error` with its hint, the notebook-level `python2` finding,
// and names in unparsable statements left out of `undefined-name`.
#include "analysis/notebookanalyzer.h"
#include "analysis/syntaxcheck.h"

#include <QTest>

using namespace tassel;

namespace {

/// `kernel` is "name/language" for the kernelspec ("" for none); cells are code cells.
Notebook makeNotebook(const QString &kernel, const QStringList &cells)
{
    Notebook notebook;
    if (!kernel.isEmpty()) {
        const QStringList parts = kernel.split(QLatin1Char('/'));
        notebook.metadata["kernelspec"] = {{"name", parts[0].toStdString()}, {"display_name", "k"}};
        if (parts.size() > 1 && !parts[1].isEmpty())
            notebook.metadata["kernelspec"]["language"] = parts[1].toStdString();
    }
    for (const QString &source : cells) {
        Cell cell;
        cell.source = source.toStdString();
        cell.executionCount = int(notebook.cells.size()) + 1;
        cell.id = "c" + std::to_string(notebook.cells.size());
        notebook.cells.push_back(cell);
    }
    return notebook;
}

/// "rule@cell" for each finding of the given rules (cell 0-based, -1 for the notebook), sorted.
QStringList describe(const NotebookAnalysis &analysis)
{
    QStringList result;
    for (const Finding &finding : analysis.findings)
        result << QStringLiteral("%1@%2").arg(QString::fromStdString(finding.rule)).arg(finding.cell);
    result.sort();
    return result;
}

QString messages(const NotebookAnalysis &analysis)
{
    QStringList result;
    for (const Finding &finding : analysis.findings)
        result << QString::fromStdString(finding.message);
    for (const std::string &problem : analysis.problems)
        result << QString::fromStdString(problem);
    return result.join(QLatin1Char('\n'));
}

/// A GitHub-shaped token made at run time, so no token literal sits in the repository.
std::string githubToken()
{
    std::string token = std::string("gh") + "p_";
    const char *alphabet = "aZ3kQ9mX2bW7nV5cT1pL8dR4fY6gH0jK";
    unsigned state = 12345;
    for (int i = 0; i < 36; ++i) {
        state = state * 1103515245u + 12345u;
        token += alphabet[(state >> 16) % 32];
    }
    return token;
}

} // namespace

class TestSyntaxCheck : public QObject
{
    Q_OBJECT
private slots:
    void language_data();
    void language();
    void findings_data();
    void findings();
    void foreignNotebookOnlySecrets();
};

void TestSyntaxCheck::language_data()
{
    QTest::addColumn<QString>("metadata");
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("isPython");
    QTest::addColumn<int>("major");
    QTest::addRow("nothing: Jupyter's default") << "{}"
                                                << "Python" << true << 3;
    QTest::addRow("python3 kernel, no language") << R"({"kernelspec": {"name": "python3"}})"
                                                 << "Python" << true << 3;
    QTest::addRow("python2 kernel") << R"({"kernelspec": {"name": "python2", "language": "python"}})"
                                    << "Python" << true << 2;
    QTest::addRow("language_info version wins")
        << R"({"kernelspec": {"name": "python2"}, "language_info": {"name": "python", "version": "3.6.1"}})"
        << "Python" << true << 3;
    QTest::addRow("codemirror version 2")
        << R"({"language_info": {"name": "python", "codemirror_mode": {"name": "ipython", "version": 2}}})"
        << "Python" << true << 2;
    QTest::addRow("C++ from kernelspec language") << R"({"kernelspec": {"name": "root", "language": "c++"}})"
                                                  << "C++" << false << 3;
    QTest::addRow("R from language_info") << R"({"language_info": {"name": "R"}})"
                                          << "R" << false << 3;
    QTest::addRow("R from the kernel name ir") << R"({"kernelspec": {"name": "ir"}})"
                                               << "R" << false << 3;
    QTest::addRow("Julia from the kernel name") << R"({"kernelspec": {"name": "julia-1.1"}})"
                                                << "Julia" << false << 3;
    QTest::addRow("custom environment name is Python") << R"({"kernelspec": {"name": "conda-env-bayes"}})"
                                                       << "Python" << true << 3;
    QTest::addRow("Python in capitals") << R"({"language_info": {"name": "Python"}})"
                                        << "Python" << true << 3;
}

void TestSyntaxCheck::language()
{
    QFETCH(QString, metadata);
    QFETCH(QString, language);
    QFETCH(bool, isPython);
    QFETCH(int, major);
    Notebook notebook;
    notebook.metadata = nlohmann::json::parse(metadata.toStdString());
    QCOMPARE(QString::fromStdString(notebook.languageDisplayName()), language);
    QCOMPARE(notebook.isPython(), isPython);
    if (isPython)
        QCOMPARE(notebook.pythonMajor(), major);
}

void TestSyntaxCheck::findings_data()
{
    QTest::addColumn<QString>("kernel");
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("messagePart");

    QTest::addRow("shell command without bang")
        << "python3/python"
        << QStringList {"import os",
               "aws s3 cp data.csv s3://bucket/data.csv --region us-east-1\nprint(os.name)"}
        << QStringList {"syntax-error@1"} << "a shell command without `!`";
    QTest::addRow("git alias with a quoted string")
        << "python3/python" << QStringList {"git config --global alias.lg \"log --color --graph\""}
        << QStringList {"syntax-error@0"} << "shell command without `!` (write `!git config";
    QTest::addRow("merge-conflict markers")
        << "python3/python"
        << QStringList {"<<<<<<< HEAD\nx = 1\n=======\nx = 2\n>>>>>>> branch\n", "print(x)"}
        << QStringList {"syntax-error@0"} << "merge-conflict markers";
    QTest::addRow("non-breaking space")
        << "python3/python" << QStringList {QStringLiteral("x = 1\nif x:\n\u00a0\u00a0\u00a0 print(x)")}
        << QStringList {"syntax-error@0"} << "non-breaking space";
    QTest::addRow("typographic quotes")
        << "python3/python" << QStringList {QStringLiteral("title = \u201cSales\u201d\nprint(title)")}
        << QStringList {"syntax-error@0"} << "typographic quotes";
    QTest::addRow("SQL without a cell magic")
        << "python3/python" << QStringList {"copy table_name from 's3://source/part'\ncsv;"}
        << QStringList {"syntax-error@0"} << "SQL outside a %%sql cell";
    QTest::addRow("a URL") << "python3/python" << QStringList {"http://localhost:4040/"}
                           << QStringList {"syntax-error@0"} << "a URL, not code";
    QTest::addRow("unrecognised cause")
        << "python3/python" << QStringList {"x = (1,\ny = 2"} << QStringList {"syntax-error@0"}
        << "does not parse as Python 3 (line";
    QTest::addRow("one finding per cell")
        << "python3/python" << QStringList {"git add .\ngit commit -m 'x'\ngit push"}
        << QStringList {"syntax-error@0"} << "line 1";
    QTest::addRow("print statements: one python2 finding, no undefined names")
        << "python3/python"
        << QStringList {"weekly_totals = [1, 2]", "print weekly_totals",
               "print 'M: ', p_class, weekly_totals"}
        << QStringList {"python2@-1"} << "cells 2, 3";
    QTest::addRow("backticks are Python 2")
        << "python3/python" << QStringList {"x = 1\ns = `x`"} << QStringList {"python2@-1"} << "backticks";
    QTest::addRow("except comma is Python 2")
        << "python3/python" << QStringList {"try:\n    x = 1\nexcept ValueError, e:\n    pass"}
        << QStringList {"python2@-1"} << "`except X, e`";
    QTest::addRow("python2 kernel, code parses: a warning")
        << "python2/python" << QStringList {"x = 1\nprint(x)"} << QStringList {"python2@-1"}
        << "kernel is Python 2";
    QTest::addRow("valid Python 3: nothing")
        << "python3/python" << QStringList {"x = 1", "print(x)"} << QStringList {} << "";
    QTest::addRow("definitions of the parsable part count")
        << "python3/python" << QStringList {"total = 3\ngit pull\n", "print(total)"}
        << QStringList {"syntax-error@0"} << "";
}

void TestSyntaxCheck::findings()
{
    QFETCH(QString, kernel);
    QFETCH(QStringList, cells);
    QFETCH(QStringList, expected);
    QFETCH(QString, messagePart);
    AnalysisOptions options;
    options.dependencies = false;
    const NotebookAnalysis analysis = analyzeNotebook(makeNotebook(kernel, cells), options);
    QStringList actual = describe(analysis);
    actual.removeAll(QStringLiteral("execution-gap@-1")); // not this test's subject
    QCOMPARE(actual, expected);
    QVERIFY2(messages(analysis).contains(messagePart), qPrintable(messages(analysis)));
}

void TestSyntaxCheck::foreignNotebookOnlySecrets()
{
    const std::string token = githubToken();
    const Notebook notebook = makeNotebook(QStringLiteral("root/c++"),
        {QStringLiteral("int k = 4;"), QString::fromStdString("auto token = \"" + token + "\";"),
            QStringLiteral("std::cout << undefined_name << std::endl;")});
    const NotebookAnalysis analysis = analyzeNotebook(notebook);
    QCOMPARE(describe(analysis), QStringList {QStringLiteral("hardcoded-secret@1")});
    QCOMPARE(analysis.language, std::string("C++"));
    QVERIFY(!analysis.pythonAnalysed);
    QCOMPARE(analysis.problems.size(), std::size_t(1));
    QCOMPARE(
        analysis.problems.front(), std::string("not-python: the kernel is C++: only secrets were checked"));
    QVERIFY(analysis.imports.empty() && analysis.dependencies.empty());
    QVERIFY(!analysis.verdict.reproducibleTopToBottom);
    QVERIFY(!messages(analysis).contains(QString::fromStdString(token)));
}

QTEST_GUILESS_MAIN(TestSyntaxCheck)
#include "tst_syntaxcheck.moc"
