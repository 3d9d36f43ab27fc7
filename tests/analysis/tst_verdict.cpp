// error-output and the two-part verdict with its status, on small notebooks built in memory and
// analysed by the real analyzer (parser, dataflow, secret scanner).
#include "analysis/notebookanalyzer.h"
#include "analysis/verdictbuilder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tassel;

namespace {

/// One code cell per entry: its source, its execution count, and optionally one output.
struct CellSpec
{
    std::string source;
    Output output;
};

Output stream(std::string name, std::string text)
{
    Output output;
    output.type = OutputType::Stream;
    output.streamName = std::move(name);
    output.text = std::move(text);
    return output;
}

Output error(std::string name, std::string value)
{
    Output output;
    output.type = OutputType::Error;
    OutputDetails &error = output.editDetails();
    error.errorName = std::move(name);
    error.errorValue = std::move(value);
    error.traceback = {"Traceback (most recent call last)", error.errorName + ": " + error.errorValue};
    return output;
}

Notebook makeNotebook(const std::vector<CellSpec> &specs)
{
    Notebook notebook;
    notebook.metadata = {{"language_info", {{"name", "python"}}}};
    int count = 0;
    for (const CellSpec &spec : specs) {
        Cell cell;
        cell.source = spec.source;
        cell.executionCount = ++count;
        if (spec.output.type != OutputType::Unknown)
            cell.outputs.push_back(spec.output);
        cell.id = "c" + std::to_string(count);
        notebook.cells.push_back(cell);
    }
    return notebook;
}

QStringList ruleCells(const NotebookAnalysis &analysis, const std::string &rule)
{
    QStringList cells;
    for (const Finding &finding : analysis.findings) {
        if (finding.rule == rule)
            cells << QString::number(finding.cell);
    }
    return cells;
}

} // namespace

Q_DECLARE_METATYPE(std::vector<CellSpec>)

class TestVerdict : public QObject
{
    Q_OBJECT
private slots:
    void errorOutput_data();
    void errorOutput();
    void status_data();
    void status();
    void unreadableNotebookIsNeverOk_data();
    void unreadableNotebookIsNeverOk();
};

void TestVerdict::errorOutput_data()
{
    QTest::addColumn<std::vector<CellSpec>>("cells");
    QTest::addColumn<QStringList>("expected"); // cells with an error-output finding
    QTest::addRow("error output") << std::vector<CellSpec> {{"x = 1", {}},
        {"x.upper()", error("AttributeError", "'int' object has no attribute 'upper'")}}
                                  << QStringList {"1"};
    QTest::addRow("traceback printed to stderr")
        << std::vector<CellSpec> {{"import traceback\ntraceback.print_exc()",
               stream(
                   "stderr", "Traceback (most recent call last):\n  File \"x.py\", line 1\nKeyError: 'a'\n")}}
        << QStringList {"0"};
    QTest::addRow("warning on stderr is not a traceback") << std::vector<CellSpec> {
        {"import warnings\nwarnings.warn('old')",
            stream("stderr", "UserWarning: old\n")}} << QStringList {};
    QTest::addRow("clean output") << std::vector<CellSpec> {{"print(1)", stream("stdout", "1\n")}}
                                  << QStringList {};
}

void TestVerdict::errorOutput()
{
    QFETCH(std::vector<CellSpec>, cells);
    QFETCH(QStringList, expected);
    const NotebookAnalysis analysis = analyzeNotebook(makeNotebook(cells));
    QCOMPARE(ruleCells(analysis, "error-output"), expected);
    QCOMPARE(analysis.verdict.sameOutputs.errorOutputs, int(expected.size()));
    for (const Finding &finding : analysis.findings) {
        if (finding.rule != "error-output")
            continue;
        QCOMPARE(finding.severity, Severity::Warning);
        QCOMPARE(finding.location, std::string("output"));
        // The exception's value may quote data: only its name is repeated.
        QVERIFY2(finding.message.find("no attribute") == std::string::npos, finding.message.c_str());
    }
}

void TestVerdict::status_data()
{
    QTest::addColumn<std::vector<CellSpec>>("cells");
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("runs");
    QTest::addColumn<bool>("sameOutputs");
    QTest::addColumn<QString>("line");

    QTest::addRow("clean") << std::vector<CellSpec> {{"x = 1", {}}, {"print(x)", stream("stdout", "1\n")}}
                           << "ok" << true << true
                           << "Status: ok — runs top to bottom: yes; same outputs: yes.";
    QTest::addRow("name defined nowhere")
        << std::vector<CellSpec> {{"print(ghost)", stream("stdout", "1\n")}} << "broken" << false << true
        << "Status: broken — runs top to bottom: no (1 name defined nowhere); same outputs: yes; "
           "1 error-level finding.";
    QTest::addRow("stored error")
        << std::vector<CellSpec> {{"x = 1", {}}, {"x.upper()", error("AttributeError", "")}} << "risky"
        << true << false << "Status: risky — runs top to bottom: yes; same outputs: no (1 stored error).";
    // The secret is assembled at run time: no token-shaped literal in the repository.
    const std::string key = std::string("AK") + "IA" + "Q3T7HZ5M" + "XK2PLW4N";
    QTest::addRow("secret makes it broken although it runs")
        << std::vector<CellSpec> {{"key = '" + key + "'", {}}} << "broken" << true << true
        << "Status: broken — runs top to bottom: yes; same outputs: yes; 1 error-level finding.";
}

void TestVerdict::status()
{
    QFETCH(std::vector<CellSpec>, cells);
    QFETCH(QString, status);
    QFETCH(bool, runs);
    QFETCH(bool, sameOutputs);
    QFETCH(QString, line);
    const NotebookAnalysis analysis = analyzeNotebook(makeNotebook(cells));
    const std::string name(VerdictBuilder::statusName(analysis.verdict.status));
    QCOMPARE(QString::fromStdString(name), status);
    QCOMPARE(analysis.verdict.runs.yes, runs);
    QCOMPARE(analysis.verdict.sameOutputs.yes, sameOutputs);
    QCOMPARE(QString::fromStdString(VerdictBuilder::statusLine(analysis.verdict)), line);
}

void TestVerdict::unreadableNotebookIsNeverOk_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: the file does not exist
    QTest::addRow("missing file") << QByteArray();
    QTest::addRow("not JSON") << QByteArray("{\"cells\": [");
    QTest::addRow("JSON but no cells") << QByteArray("{\"nbformat\": 4}");
}

void TestVerdict::unreadableNotebookIsNeverOk()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("broken.ipynb"));
    if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const NotebookAnalysis analysis = analyzeFile(path.toStdString());
    QVERIFY(analysis.error.has_value());
    QCOMPARE(
        QString::fromUtf8(VerdictBuilder::statusName(analysis.verdict.status)), QStringLiteral("broken"));
    QVERIFY(!analysis.verdict.runs.yes);
    QVERIFY(!analysis.verdict.reproducibleTopToBottom);
}

QTEST_GUILESS_MAIN(TestVerdict)
#include "tst_verdict.moc"
