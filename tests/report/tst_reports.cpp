// Report formats produced by the real `tassel check`: SARIF validated against the official
// schema with Python's jsonschema, HTML escaping of hostile notebooks, Markdown and text.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestReports : public QObject
{
    Q_OBJECT
private slots:
    void sarifValidatesAgainstSchema();
    void sarifHasRulesFingerprintsAndCellRegions();
    void htmlEscapesEverythingFromTheNotebook();
    void markdownSummarises();
    void outputFileIsWritten();
    void statusInEveryFormat_data();
    void statusInEveryFormat();
    void fixInEveryFormat_data();
    void fixInEveryFormat();
    void everyRuleSaysHowToFix();
    void messageIdAndArgs_data();
    void messageIdAndArgs();

private:
    static QByteArray check(const QStringList &arguments, int *exitCode = nullptr)
    {
        QProcess process;
        process.start(QStringLiteral(TASSEL_BINARY), QStringList {QStringLiteral("check")} + arguments);
        process.waitForFinished(120000);
        if (exitCode)
            *exitCode = process.exitCode();
        return process.readAllStandardOutput();
    }
    static QString data(const char *path)
    {
        return QStringLiteral(TASSEL_TEST_DATA_DIR "/") + QLatin1String(path);
    }
};

void TestReports::sarifValidatesAgainstSchema()
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QVERIFY2(!python.isEmpty(), "python3 (with jsonschema) is part of the build environment");
    QTemporaryDir dir;
    const QString sarifPath = dir.filePath(QStringLiteral("report.sarif"));
    int exitCode = -1;
    check({QStringLiteral("--format"), QStringLiteral("sarif"), QStringLiteral("--output"), sarifPath,
              data("analysis"), data("reports")},
        &exitCode);
    QCOMPARE(exitCode, 1);
    QVERIFY(QFile::exists(sarifPath));

    QProcess validator;
    validator.start(python,
        {QStringLiteral("-c"),
            QStringLiteral("import json,sys,jsonschema\n"
                           "schema=json.load(open(sys.argv[1]))\n"
                           "doc=json.load(open(sys.argv[2]))\n"
                           "jsonschema.validate(doc, schema)\n"
                           "print(len(doc['runs'][0]['results']))"),
            QStringLiteral(TASSEL_SCHEMA_DIR "/sarif-schema-2.1.0.json"), sarifPath});
    QVERIFY(validator.waitForFinished(120000));
    QVERIFY2(validator.exitCode() == 0, validator.readAllStandardError().constData());
    QVERIFY(validator.readAllStandardOutput().trimmed().toInt() > 5);
}

void TestReports::sarifHasRulesFingerprintsAndCellRegions()
{
    const QJsonObject sarif
        = QJsonDocument::fromJson(check({QStringLiteral("--format"), QStringLiteral("sarif"),
                                      data("analysis/use_before_definition.ipynb")}))
              .object();
    const QJsonObject run = sarif[QStringLiteral("runs")].toArray()[0].toObject();
    const QJsonArray rules
        = run[QStringLiteral("tool")][QStringLiteral("driver")][QStringLiteral("rules")].toArray();
    QVERIFY(rules.size() >= 8);
    const QJsonObject result = run[QStringLiteral("results")].toArray()[0].toObject();
    QCOMPARE(result[QStringLiteral("ruleId")].toString(), QStringLiteral("use-before-definition"));
    QCOMPARE(rules[result[QStringLiteral("ruleIndex")].toInt()].toObject()[QStringLiteral("id")].toString(),
        QStringLiteral("use-before-definition"));
    QCOMPARE(
        result[QStringLiteral("partialFingerprints")][QStringLiteral("tasselFinding/v1")].toString().size(),
        32);
    const QJsonObject location = result[QStringLiteral("locations")].toArray()[0].toObject();
    QVERIFY(location[QStringLiteral("physicalLocation")][QStringLiteral("artifactLocation")]
                    [QStringLiteral("uri")]
                        .toString()
                        .endsWith(QStringLiteral("use_before_definition.ipynb")));
    // The region is the cell's line in the .ipynb file: cell 2 starts well below line 1.
    QVERIFY(
        location[QStringLiteral("physicalLocation")][QStringLiteral("region")][QStringLiteral("startLine")]
            .toInt()
        > 5);
    QCOMPARE(result[QStringLiteral("properties")][QStringLiteral("cell")].toInt(), 1);

    // Its properties hold the finding as the JSON report writes it: same keys, same values.
    const QJsonObject finding
        = QJsonDocument::fromJson(check({QStringLiteral("--format"), QStringLiteral("json"),
                                      data("analysis/use_before_definition.ipynb")}))
              .object()[QStringLiteral("notebooks")]
              .toArray()[0]
              .toObject()[QStringLiteral("findings")]
              .toArray()[0]
              .toObject();
    const QJsonObject properties = result[QStringLiteral("properties")].toObject();
    QVERIFY(finding.contains(QStringLiteral("related_cells")));
    for (auto it = finding.begin(); it != finding.end(); ++it)
        QVERIFY2(properties.value(it.key()) == it.value(), qPrintable(it.key()));

    // Same input, same fingerprints.
    const QByteArray again = check(
        {QStringLiteral("--format"), QStringLiteral("sarif"), data("analysis/use_before_definition.ipynb")});
    QCOMPARE(QJsonDocument::fromJson(again).object(), sarif);
}

void TestReports::htmlEscapesEverythingFromTheNotebook()
{
    const QString html = QString::fromUtf8(
        check({QStringLiteral("--format"), QStringLiteral("html"), data("reports/hostile.ipynb")}));
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(html.contains(QStringLiteral("use-before-definition")));
    // Nothing from the notebook becomes markup.
    QVERIFY(!html.contains(QStringLiteral("<script")));
    QVERIFY(!html.contains(QStringLiteral("<img")));
    QVERIFY(!html.contains(QStringLiteral("onerror=alert(1)>")));
    QVERIFY(html.contains(QStringLiteral("&lt;/pre&gt;&lt;img src=x onerror=alert(1)&gt;")));
    QVERIFY(html.contains(QStringLiteral("y_later")));
}

void TestReports::markdownSummarises()
{
    const QString md = QString::fromUtf8(
        check({QStringLiteral("--format"), QStringLiteral("markdown"), data("analysis")}));
    QVERIFY(md.startsWith(QStringLiteral("## Tassel report")));
    QVERIFY(md.contains(QStringLiteral("| `")));
    QVERIFY(md.contains(QStringLiteral("use_before_definition.ipynb` | no |")));
    QVERIFY(md.contains(QStringLiteral("linear.ipynb` | yes |")));
}

void TestReports::statusInEveryFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("expected");
    const QString line
        = QStringLiteral("Status: broken — runs top to bottom: no (2 uses of names defined later)");
    QTest::addRow("text") << QStringLiteral("text") << QStringList {line};
    QTest::addRow("html") << QStringLiteral("html")
                          << QStringList {QStringLiteral("<p class=\"broken\">") + line};
    QTest::addRow("markdown") << QStringLiteral("markdown")
                              << QStringList {QStringLiteral("| no | broken |"), line};
    QTest::addRow("json") << QStringLiteral("json")
                          << QStringList {QStringLiteral("\"status\": \"broken\""),
                                 QStringLiteral("\"same_outputs\": {"),
                                 QStringLiteral("\"use_before_definition\": 2")};
    QTest::addRow("sarif") << QStringLiteral("sarif")
                           << QStringList {QStringLiteral("\"status\": \"broken\""),
                                  QStringLiteral("\"sameOutputs\": true")};
}

void TestReports::statusInEveryFormat()
{
    QFETCH(QString, format);
    QFETCH(QStringList, expected);
    const QString report = QString::fromUtf8(
        check({QStringLiteral("--format"), format, data("analysis/use_before_definition.ipynb")}));
    for (const QString &text : expected)
        QVERIFY2(report.contains(text), qPrintable(text + QStringLiteral(" not in:\n") + report.left(3000)));
}

void TestReports::fixInEveryFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    const QString fix = QStringLiteral("Move the defining cell above its first use");
    QTest::addRow("html") << QStringLiteral("html") << QStringLiteral("<div class=\"fix\">Fix: ") + fix;
    QTest::addRow("json") << QStringLiteral("json") << QStringLiteral("\"fix\": \"") + fix;
    QTest::addRow("sarif") << QStringLiteral("sarif") << QStringLiteral("\"text\": \"") + fix;
}

void TestReports::fixInEveryFormat()
{
    QFETCH(QString, format);
    QFETCH(QString, expected);
    const QString report = QString::fromUtf8(
        check({QStringLiteral("--format"), format, data("analysis/use_before_definition.ipynb")}));
    QVERIFY2(
        report.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + report.left(3000)));
}

void TestReports::everyRuleSaysHowToFix()
{
    const QJsonObject sarif = QJsonDocument::fromJson(
        check({QStringLiteral("--format"), QStringLiteral("sarif"), data("analysis/linear.ipynb")}))
                                  .object();
    const QJsonArray rules = sarif[QStringLiteral("runs")][0][QStringLiteral("tool")]
                                  [QStringLiteral("driver")][QStringLiteral("rules")]
                                      .toArray();
    QVERIFY(rules.size() >= 20);
    for (const auto &entry : rules) {
        const QJsonObject rule = entry.toObject();
        const QString help = rule[QStringLiteral("help")][QStringLiteral("text")].toString();
        QVERIFY2(!help.isEmpty()
                && help != rule[QStringLiteral("fullDescription")][QStringLiteral("text")].toString(),
            qPrintable(rule[QStringLiteral("id")].toString()));
    }
}

void TestReports::messageIdAndArgs_data()
{
    QTest::addColumn<QString>("format");
    QTest::addRow("json") << QStringLiteral("json");
    QTest::addRow("sarif properties") << QStringLiteral("sarif");
}

void TestReports::messageIdAndArgs()
{
    QFETCH(QString, format);
    const QJsonObject report = QJsonDocument::fromJson(
        check({QStringLiteral("--format"), format, data("analysis/use_before_definition.ipynb")}))
                                   .object();
    const QJsonObject finding = format == QLatin1String("json")
        ? report[QStringLiteral("notebooks")][0][QStringLiteral("findings")][0].toObject()
        : report[QStringLiteral("runs")][0][QStringLiteral("results")][0][QStringLiteral("properties")]
              .toObject();
    // The English sentence stays as it was; the template id and its arguments come beside it.
    QCOMPARE(finding[QStringLiteral("message")].toString(),
        QStringLiteral("cell 2 uses `price`, which is first defined later in cell 3: run top to bottom, this "
                       "raises NameError."));
    QCOMPARE(finding[QStringLiteral("message_id")].toString(), QStringLiteral("use-before-definition"));
    const QJsonObject args = finding[QStringLiteral("args")].toObject();
    QCOMPARE(args[QStringLiteral("cell")].toString(), QStringLiteral("2"));
    QCOMPARE(args[QStringLiteral("name")].toString(), QStringLiteral("price"));
    QCOMPARE(args[QStringLiteral("later")].toString(), QStringLiteral("3"));
    QCOMPARE(args[QStringLiteral("later_count")].toString(), QStringLiteral("1"));
}

void TestReports::outputFileIsWritten()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.json"));
    const QByteArray stdoutText = check({QStringLiteral("--format"), QStringLiteral("json"),
        QStringLiteral("--output"), path, data("analysis/linear.ipynb")});
    QVERIFY(stdoutText.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(
        QJsonDocument::fromJson(file.readAll()).object()[QStringLiteral("notebooks")].toArray().size(), 1);
}

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
