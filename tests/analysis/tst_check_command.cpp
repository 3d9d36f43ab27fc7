// The real `tassel check` binary: formats, exit codes, folders, and deterministic output.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCheckCommand : public QObject
{
    Q_OBJECT
private slots:
    void exitCodes_data();
    void exitCodes();
    void jsonReportFollowsTheContract();
    void folderWithBrokenNotebookReportsTheRest();
    void jobsDoNotChangeTheReport();
    void textFormatNamesPlaceAndRule();
    void projectConfiguration_data();
    void projectConfiguration();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run tassel(const QStringList &arguments, const QString &workingDirectory = {})
    {
        QProcess process;
        if (!workingDirectory.isEmpty())
            process.setWorkingDirectory(workingDirectory);
        process.start(QStringLiteral(TASSEL_BINARY), arguments);
        process.waitForFinished(120000);
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }
    static QString data(const char *name)
    {
        return QStringLiteral(TASSEL_TEST_DATA_DIR "/analysis/") + QLatin1String(name);
    }
};

void TestCheckCommand::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("clean notebook") << QStringList {QStringLiteral("check"), data("linear.ipynb")} << 0;
    QTest::addRow("error finding") << QStringList {QStringLiteral("check"),
        data("use_before_definition.ipynb")}
                                   << 1;
    QTest::addRow("error finding, fail on never") << QStringList {QStringLiteral("check"),
        QStringLiteral("--fail-on"), QStringLiteral("never"), data("use_before_definition.ipynb")}
                                                  << 0;
    QTest::addRow("warnings pass at the default threshold")
        << QStringList {QStringLiteral("check"), data("unexecuted.ipynb")} << 0;
    QTest::addRow("warnings fail at warning") << QStringList {QStringLiteral("check"),
        QStringLiteral("--fail-on"), QStringLiteral("warning"), data("unexecuted.ipynb")}
                                              << 1;
    QTest::addRow("missing file") << QStringList {QStringLiteral("check"), data("no-such.ipynb")} << 2;
    QTest::addRow("no path") << QStringList {QStringLiteral("check")} << 2;
    QTest::addRow("unknown option") << QStringList {QStringLiteral("check"), QStringLiteral("--bogus"),
        data("linear.ipynb")} << 2;
    QTest::addRow("unknown format") << QStringList {QStringLiteral("check"), QStringLiteral("--format"),
        QStringLiteral("xml"), data("linear.ipynb")}
                                    << 2;
    QTest::addRow("version") << QStringList {QStringLiteral("--version")} << 0;
}

void TestCheckCommand::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const Run run = tassel(arguments);
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
}

void TestCheckCommand::jsonReportFollowsTheContract()
{
    const Run run = tassel({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"),
        data("use_before_definition.ipynb")});
    QCOMPARE(run.exitCode, 1);
    QJsonParseError error;
    const QJsonObject report = QJsonDocument::fromJson(run.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(report[QStringLiteral("tool")][QStringLiteral("name")].toString(), QStringLiteral("tassel"));
    const QJsonArray notebooks = report[QStringLiteral("notebooks")].toArray();
    QCOMPARE(notebooks.size(), 1);
    const QJsonObject notebook = notebooks[0].toObject();
    QVERIFY(notebook[QStringLiteral("error")].isNull());
    const QJsonArray cells = notebook[QStringLiteral("cells")].toArray();
    QCOMPARE(cells.size(), 3);
    QCOMPARE(cells[1].toObject()[QStringLiteral("uses")].toArray().size(), 2);
    const QJsonObject finding = notebook[QStringLiteral("findings")].toArray()[0].toObject();
    for (const char *key : {"rule", "severity", "cell", "cell_id", "line", "column", "end_line", "end_column",
             "names", "related_cells", "message"})
        QVERIFY2(finding.contains(QLatin1String(key)), key);
    QCOMPARE(finding[QStringLiteral("rule")].toString(), QStringLiteral("use-before-definition"));
    QCOMPARE(finding[QStringLiteral("cell")].toInt(), 1);
    QCOMPARE(finding[QStringLiteral("related_cells")].toArray()[0].toInt(), 2);
    const QJsonObject verdict = notebook[QStringLiteral("verdict")].toObject();
    QCOMPARE(verdict[QStringLiteral("reproducible_top_to_bottom")].toBool(), false);
    QCOMPARE(verdict[QStringLiteral("suggested_order")].toArray().size(), 2);
}

void TestCheckCommand::folderWithBrokenNotebookReportsTheRest()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::copy(data("linear.ipynb"), dir.filePath(QStringLiteral("good.ipynb"))));
    QFile broken(dir.filePath(QStringLiteral("broken.ipynb")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"cells\": [\n  {\"cell_type\": ");
    broken.close();
    QDir(dir.path()).mkpath(QStringLiteral(".ipynb_checkpoints"));
    QVERIFY(QFile::copy(
        data("use_before_definition.ipynb"), dir.filePath(QStringLiteral(".ipynb_checkpoints/x.ipynb"))));

    const Run run
        = tassel({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"), dir.path()});
    QCOMPARE(run.exitCode, 2);
    const QJsonArray notebooks
        = QJsonDocument::fromJson(run.out).object()[QStringLiteral("notebooks")].toArray();
    QCOMPARE(notebooks.size(), 2); // checkpoints skipped
    QVERIFY(
        notebooks[0].toObject()[QStringLiteral("path")].toString().endsWith(QStringLiteral("broken.ipynb")));
    QVERIFY(notebooks[0].toObject()[QStringLiteral("error")].toString().contains(
        QStringLiteral("broken.ipynb:")));
    QVERIFY(notebooks[1].toObject()[QStringLiteral("error")].isNull());
    QVERIFY(run.err.contains("broken.ipynb"));
}

void TestCheckCommand::jobsDoNotChangeTheReport()
{
    const QString folder = QStringLiteral(TASSEL_TEST_DATA_DIR "/analysis");
    const Run one = tassel({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"),
        QStringLiteral("--jobs"), QStringLiteral("1"), folder});
    const Run two = tassel({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"),
        QStringLiteral("--jobs"), QStringLiteral("2"), folder});
    QVERIFY(one.out.size() > 1000);
    QCOMPARE(one.out, two.out);
    QCOMPARE(one.exitCode, two.exitCode);
}

void TestCheckCommand::textFormatNamesPlaceAndRule()
{
    const Run run = tassel({QStringLiteral("check"), data("use_before_definition.ipynb")});
    const QString text = QString::fromUtf8(run.out);
    // path:cell:line:column: severity rule message (cell 1-based)
    QVERIFY2(text.contains(QStringLiteral("use_before_definition.ipynb:2:1:9: error use-before-definition")),
        qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Reproducible top to bottom: no")));
}

void TestCheckCommand::projectConfiguration_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("extraArguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrContains");

    QTest::addRow("no configuration: error fails")
        << QString() << QByteArray() << QStringList {} << 1 << QString();
    QTest::addRow("tassel.toml fail-on never")
        << QStringLiteral("tassel.toml") << QByteArray("fail-on = \"never\"  # keep CI green\n")
        << QStringList {} << 0 << QString();
    QTest::addRow("pyproject tool.tassel ignores the rule")
        << QStringLiteral("pyproject.toml")
        << QByteArray(
               "[project]\nname = \"x\"\n\n[tool.tassel]\nignore = [\n  \"use-before-definition\",\n]\n")
        << QStringList {} << 0 << QString();
    QTest::addRow("command line wins over the file")
        << QStringLiteral("tassel.toml") << QByteArray("fail-on = \"never\"\n")
        << QStringList {QStringLiteral("--fail-on"), QStringLiteral("error")} << 1 << QString();
    QTest::addRow("setting of the wrong type names file and line")
        << QStringLiteral("tassel.toml") << QByteArray("# settings\njobs = 0\n") << QStringList {} << 2
        << QStringLiteral("tassel.toml:2:1: 'jobs' must be a whole number");
    QTest::addRow("TOML syntax error names file, line and column")
        << QStringLiteral("tassel.toml") << QByteArray("# settings\njobs = many\n") << QStringList {} << 2
        << QStringLiteral("tassel.toml:2:8: ");
    QTest::addRow("multi-line string")
        << QStringLiteral("tassel.toml") << QByteArray("fail-on = \"\"\"never\"\"\"\n") << QStringList {} << 0
        << QString();
    QTest::addRow("pyproject dotted keys")
        << QStringLiteral("pyproject.toml")
        << QByteArray("[project]\nname = \"x\"\n\n[tool]\ntassel.ignore = [\"use-before-definition\"]\n")
        << QStringList {} << 0 << QString();
    QTest::addRow("unknown rule in the file")
        << QStringLiteral("tassel.toml") << QByteArray("select = [\"no-such-rule\"]\n") << QStringList {} << 2
        << QStringLiteral("unknown rule 'no-such-rule'");
}

void TestCheckCommand::projectConfiguration()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, extraArguments);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrContains);
    QTemporaryDir dir;
    QVERIFY(QFile::copy(data("use_before_definition.ipynb"), dir.filePath(QStringLiteral("nb.ipynb"))));
    if (!fileName.isEmpty()) {
        QFile config(dir.filePath(fileName));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(content);
    }
    const Run run = tassel(
        QStringList {QStringLiteral("check")} + extraArguments + QStringList {QStringLiteral("nb.ipynb")},
        dir.path());
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
    if (!stderrContains.isEmpty())
        QVERIFY2(QString::fromUtf8(run.err).contains(stderrContains), run.err.constData());
}

QTEST_GUILESS_MAIN(TestCheckCommand)
#include "tst_check_command.moc"
