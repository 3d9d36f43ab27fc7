// Whole-notebook behaviour: each tests/data/analysis/NAME.ipynb is analysed and its JSON report
// compared with NAME.expected.json. tests/update-reference-data.sh rewrites the expectations
// for review.
#include "analysis/notebookanalyzer.h"
#include "golden.h"
#include "report/jsonreport.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace tassel;

class TestGoldenAnalysis : public QObject
{
    Q_OBJECT
private slots:
    void matchesExpectedReport_data();
    void matchesExpectedReport();
};

void TestGoldenAnalysis::matchesExpectedReport_data()
{
    QTest::addColumn<QString>("notebook");
    const QDir dir(QStringLiteral(TASSEL_TEST_DATA_DIR "/analysis"));
    const auto files = dir.entryList({QStringLiteral("*.ipynb")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 5, "the golden notebooks are missing");
    for (const QString &file : files)
        QTest::addRow("%s", qPrintable(file)) << dir.filePath(file);
}

void TestGoldenAnalysis::matchesExpectedReport()
{
    QFETCH(QString, notebook);
    NotebookAnalysis analysis = analyzeFile(notebook.toStdString());
    QVERIFY2(!analysis.error, analysis.error ? analysis.error->c_str() : "");
    // Paths relative to the source tree, so the expectation does not depend on the checkout.
    analysis.path = QDir(QStringLiteral(TASSEL_SOURCE_DIR)).relativeFilePath(notebook).toStdString();
    const std::string actual = JsonReport::notebookToJson(analysis).dump(1) + '\n';

    QString expectedPath = notebook;
    expectedPath.replace(QStringLiteral(".ipynb"), QStringLiteral(".expected.json"));
    QVERIFY(
        test::keepActual(QDir(QStringLiteral(TASSEL_TEST_DATA_DIR)).relativeFilePath(expectedPath), actual));
    QFile expectedFile(expectedPath);
    QVERIFY2(expectedFile.open(QIODevice::ReadOnly),
        qPrintable(expectedPath + QStringLiteral(" is missing; run tests/update-reference-data.sh")));
    const QByteArray expected = expectedFile.readAll();
    QCOMPARE(QString::fromUtf8(actual.data(), qsizetype(actual.size())), QString::fromUtf8(expected));
}

QTEST_GUILESS_MAIN(TestGoldenAnalysis)
#include "tst_golden_analysis.moc"
