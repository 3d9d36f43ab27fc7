// Golden files: the generated pyproject.toml and step module of small notebooks, compared with
// tests/data/graduate/golden/<notebook>/. tests/update-reference-data.sh rewrites them for
// review.
#include "analysis/notebookanalyzer.h"
#include "golden.h"
#include "graduate/graduationplanner.h"
#include "graduate/packagegenerator.h"
#include "notebook/notebookloader.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace tassel;

class TestGraduateGolden : public QObject
{
    Q_OBJECT
private slots:
    void matchesGolden_data();
    void matchesGolden();
};

void TestGraduateGolden::matchesGolden_data()
{
    QTest::addColumn<QString>("notebook");
    QTest::addColumn<QString>("file");
    QTest::addRow("sections pyproject") << "sections"
                                        << "pyproject.toml";
    QTest::addRow("sections compute module") << "sections"
                                             << "src/sections/compute.py";
    QTest::addRow("sections helpers module") << "sections"
                                             << "src/sections/functions.py";
    QTest::addRow("parameters config") << "parameters"
                                       << "src/parameters/config.py";
    QTest::addRow("parameters params.toml") << "parameters"
                                            << "config/params.toml";
    QTest::addRow("parameters filter module") << "parameters"
                                              << "src/parameters/filter.py";
    QTest::addRow("magics shell module") << "magics"
                                         << "src/magics/shell.py";
    QTest::addRow("cell magics setup module") << "cell_magics"
                                              << "src/cell_magics/setup.py";
    QTest::addRow("cell magics bash script") << "cell_magics"
                                             << "src/cell_magics/scripts/cell_3.sh";
    QTest::addRow("cell magics writefile resource") << "cell_magics"
                                                    << "src/cell_magics/resources/cell_4_settings_yaml.txt";
    QTest::addRow("cell magics shell lines") << "cell_magics"
                                             << "src/cell_magics/read.py";
}

void TestGraduateGolden::matchesGolden()
{
    QFETCH(QString, notebook);
    QFETCH(QString, file);
    auto loaded
        = NotebookLoader().loadFile(TASSEL_TEST_DATA_DIR "/graduate/" + notebook.toStdString() + ".ipynb");
    QVERIFY(loaded);
    auto plan = GraduationPlanner::plan(*loaded, analyzeNotebook(*loaded), {});
    QVERIFY2(plan, plan ? "" : plan.error().toString().c_str());
    std::string actual;
    bool found = false;
    for (const GeneratedFile &generated : PackageGenerator::generate(*plan))
        if (generated.path == file.toStdString()) {
            actual = generated.content;
            found = true;
        }
    QVERIFY2(found, qPrintable(file + QStringLiteral(" was not generated")));

    const QString expectedPath
        = QStringLiteral(TASSEL_TEST_DATA_DIR "/graduate/golden/") + notebook + QLatin1Char('/') + file;
    QVERIFY(
        test::keepActual(QStringLiteral("graduate/golden/") + notebook + QLatin1Char('/') + file, actual));
    QFile expected(expectedPath);
    QVERIFY2(expected.open(QIODevice::ReadOnly),
        qPrintable(expectedPath + QStringLiteral(" is missing; run tests/update-reference-data.sh")));
    QCOMPARE(QString::fromStdString(actual), QString::fromUtf8(expected.readAll()));
}

QTEST_GUILESS_MAIN(TestGraduateGolden)
#include "tst_graduate_golden.moc"
