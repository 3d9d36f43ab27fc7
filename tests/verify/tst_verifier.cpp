#include "analysis/notebookanalyzer.h"
#include "notebook/notebookloader.h"
#include "verify/verifier.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <nlohmann/json.hpp>

#include <signal.h>

#include <cerrno>
#include <fstream>
#include <thread>

using namespace tassel;

namespace {

QString dataFile(const char *name)
{
    return QStringLiteral(TASSEL_TEST_DATA_DIR "/verify/") + QString::fromLatin1(name);
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

/// True once `pid` no longer exists (a zombie waiting for its reaper counts as gone).
bool processGone(long long pid, int waitMs = 5000)
{
    QElapsedTimer timer;
    timer.start();
    do {
        if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
            return true;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (stat.open(QIODevice::ReadOnly)) {
            const QByteArray text = stat.readAll();
            const qsizetype close = text.lastIndexOf(')');
            if (close > 0 && close + 2 < text.size() && text.at(close + 2) == 'Z')
                return true;
        }
        QThread::msleep(50);
    } while (timer.elapsed() < waitMs);
    return false;
}

struct Run
{
    Notebook notebook;
    NotebookAnalysis analysis;
    VerifyReport report;
};

Run verify(const QString &path, VerifyOptions options = {})
{
    Run run;
    const auto loaded = NotebookLoader().loadFile(path.toStdString());
    if (!loaded)
        qFatal("cannot load %s: %s", qPrintable(path), loaded.error().toString().c_str());
    run.notebook = *loaded;
    run.analysis = analyzeNotebook(run.notebook);
    if (options.order == "suggested")
        options.suggestedOrder = run.analysis.verdict.suggestedOrder;
    auto report = Verifier::run(run.notebook, options);
    if (!report)
        qFatal("verify failed: %s", report.error().toString().c_str());
    run.report = report.value();
    Verifier::explain(run.report, run.analysis);
    return run;
}

QString statuses(const VerifyReport &report)
{
    QStringList words;
    for (const CellVerification &cell : report.cells)
        words << QString::fromUtf8(verifyStatusName(cell.status));
    return words.join(QLatin1Char(','));
}

QString describe(const VerifyReport &report)
{
    QString text;
    for (const CellVerification &cell : report.cells)
        text
            += QStringLiteral("cell %1 %2: %3 | %4 | %5\n")
                   .arg(cell.cell)
                   .arg(QString::fromUtf8(verifyStatusName(cell.status)), QString::fromStdString(cell.reason),
                       QString::fromStdString(cell.expected), QString::fromStdString(cell.actual));
    return text + QString::fromStdString(report.driverDiagnostics);
}

long long childPidFrom(const CellVerification &cell)
{
    const auto outputs = nlohmann::json::parse(cell.outputsJson, nullptr, false);
    if (!outputs.is_array())
        return 0;
    for (const auto &output : outputs) {
        const std::string text = output.value("text", std::string());
        if (text.rfind("child ", 0) == 0)
            return std::stoll(text.substr(6));
    }
    return 0;
}

} // namespace

class TestVerifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!Verifier::driverScript().empty(), "the driver is not embedded");
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty(),
            "these end-to-end tests need python3 on PATH (the build environment has it)");
    }

    void notebooks_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("order");
        QTest::addColumn<QString>("expectedStatuses");
        QTest::addColumn<int>("firstDivergence");
        QTest::addColumn<QString>("errorName");
        QTest::addColumn<QString>("explainingRule");
        QTest::addColumn<QString>("explainingName");

        QTest::addRow("clean notebook reproduces, figure included")
            << "clean.ipynb"
            << "document"
            << "reproduced,reproduced,reproduced,reproduced,reproduced,reproduced" << -1 << ""
            << ""
            << "";
        QTest::addRow("use before definition raises NameError at cell 1")
            << "use_before_definition.ipynb"
            << "document"
            << "error,not-run,not-run" << 1 << "NameError"
            << "use-before-definition"
            << "total";
        QTest::addRow("use before definition reproduces in execution order")
            << "use_before_definition.ipynb"
            << "execution"
            << "reproduced,reproduced,reproduced" << -1 << ""
            << ""
            << "";
        QTest::addRow("use before definition reproduces in suggested order")
            << "use_before_definition.ipynb"
            << "suggested"
            << "reproduced,reproduced,reproduced" << -1 << ""
            << ""
            << "";
        QTest::addRow("stale output differs at cell 2") << "stale_output.ipynb"
                                                        << "document"
                                                        << "reproduced,differs,reproduced" << 2 << ""
                                                        << "stale-output"
                                                        << "threshold";
    }
    void notebooks()
    {
        QFETCH(QString, file);
        QFETCH(QString, order);
        QFETCH(QString, expectedStatuses);
        QFETCH(int, firstDivergence);
        QFETCH(QString, errorName);
        QFETCH(QString, explainingRule);
        QFETCH(QString, explainingName);

        const QString path = dataFile(file.toLatin1().constData());
        const QByteArray before = fileHash(path);
        const QDateTime modified = QFileInfo(path).lastModified();
        VerifyOptions options;
        options.order = order.toStdString();
        options.cellTimeoutSeconds = 60;
        const Run run = verify(path, options);

        QVERIFY2(statuses(run.report) == expectedStatuses, qPrintable(describe(run.report)));
        const CellVerification *first = run.report.firstDivergence();
        QCOMPARE(first ? first->cell : -1, firstDivergence);
        QCOMPARE(run.report.allReproduced(), firstDivergence < 0);
        if (firstDivergence < 0) {
            QCOMPARE(run.report.repeatability(), 1.0);
        } else {
            QVERIFY(run.report.repeatability() < 1.0);
            QCOMPARE(QString::fromStdString(first->errorName), errorName);
            QVERIFY2(!first->explanations.empty(), qPrintable(describe(run.report)));
            const Finding &why = first->explanations.front();
            QCOMPARE(QString::fromStdString(why.rule), explainingRule);
            QCOMPARE(why.cell, firstDivergence);
            QVERIFY(std::find(why.names.begin(), why.names.end(), explainingName.toStdString())
                != why.names.end());
        }
        // Verify never touches the notebook.
        QCOMPARE(fileHash(path), before);
        QCOMPARE(QFileInfo(path).lastModified(), modified);
        QVERIFY(processGone(run.report.driverPid));
    }

    void cellTimeoutKillsTheProcessGroup()
    {
        const QString path = dataFile("timeout.ipynb");
        const QByteArray before = fileHash(path);
        VerifyOptions options;
        options.cellTimeoutSeconds = 3;
        QElapsedTimer timer;
        timer.start();
        const Run run = verify(path, options);
        QVERIFY2(timer.elapsed() < 60000, "the 300 s sleep was not cut short");
        QCOMPARE(run.report.cells.size(), std::size_t(3));
        const CellVerification &starter = run.report.cells[0];
        const CellVerification &sleeper = run.report.cells[1];
        const CellVerification &after = run.report.cells[2];
        QCOMPARE(sleeper.status, VerifyStatus::Error);
        QVERIFY(sleeper.timedOut);
        QVERIFY2(sleeper.reason.find("per-cell limit") != std::string::npos, sleeper.reason.c_str());
        QCOMPARE(after.status, VerifyStatus::NotRun);
        QVERIFY2(after.reason.find("timed out") != std::string::npos, after.reason.c_str());

        // The driver and the `sleep 300` it started from cell 1 are both gone.
        QVERIFY(run.report.driverPid > 0);
        QVERIFY2(processGone(run.report.driverPid), "the driver survived the timeout");
        const long long child = childPidFrom(starter);
        QVERIFY2(child > 0, starter.outputsJson.c_str());
        QVERIFY2(processGone(child), "the notebook's child process was orphaned");
        QCOMPARE(fileHash(path), before);
    }

    void runTimeoutEndsTheRun()
    {
        VerifyOptions options;
        options.timeoutSeconds = 8;
        const Run run = verify(dataFile("timeout.ipynb"), options);
        QVERIFY(run.report.timedOut);
        // Normally the 300 s sleep in cell 2 is cut; on a loaded machine the limit may strike
        // earlier. Either way one cell is reported killed and nothing after it ran.
        int killed = -1;
        for (std::size_t k = 0; k < run.report.cells.size(); ++k) {
            const CellVerification &cell = run.report.cells[k];
            if (killed >= 0) {
                QCOMPARE(cell.status, VerifyStatus::NotRun);
                QVERIFY2(cell.reason.find("run limit") != std::string::npos, cell.reason.c_str());
            } else if (cell.status == VerifyStatus::Error) {
                QVERIFY2(cell.reason.find("run exceeded") != std::string::npos, cell.reason.c_str());
                killed = int(k);
            }
        }
        QVERIFY2(killed >= 0, qPrintable(describe(run.report)));
        QVERIFY(processGone(run.report.driverPid));
        if (const long long child = childPidFrom(run.report.cells[0]))
            QVERIFY(processGone(child));
    }

    void cancelFromAnotherThread()
    {
        const auto notebook = NotebookLoader().loadFile(dataFile("timeout.ipynb").toStdString());
        QVERIFY(notebook.ok());
        std::atomic_bool cancel = false;
        std::atomic_int started = -1;
        std::thread canceller([&] {
            // Cancel once the long cell runs.
            for (int k = 0; k < 600 && started.load() != 2; ++k)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            cancel = true;
        });
        QElapsedTimer timer;
        timer.start();
        const auto report = Verifier::run(
            *notebook, VerifyOptions {}, &cancel, [&](int cell, int, int) { started = cell; });
        canceller.join();
        QVERIFY(report.ok());
        QVERIFY(timer.elapsed() < 60000);
        QVERIFY(report->cancelled);
        QCOMPARE(report->cells[1].status, VerifyStatus::Error);
        QCOMPARE(report->cells[2].status, VerifyStatus::NotRun);
        QVERIFY(processGone(report->driverPid));
    }

    void missingInterpreterIsAClearError()
    {
        const auto notebook = NotebookLoader().loadFile(dataFile("clean.ipynb").toStdString());
        QVERIFY(notebook.ok());
        VerifyOptions options;
        options.python = "/nonexistent/python3";
        const auto report = Verifier::run(*notebook, options);
        QVERIFY(!report.ok());
        QVERIFY2(report.error().message.find("/nonexistent/python3") != std::string::npos,
            report.error().message.c_str());
        QVERIFY(report.error().file.find("clean.ipynb") != std::string::npos);
    }

    void command_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("inStdout");
        QTest::addColumn<QString>("inStderr");
        QTest::addRow("clean notebook exits 0")
            << QStringList {QStringLiteral("verify"), dataFile("clean.ipynb")} << 0
            << "6 of 6 code cells reproduced"
            << "";
        QTest::addRow("stale notebook exits 1 and names the finding")
            << QStringList {QStringLiteral("verify"), dataFile("stale_output.ipynb")} << 1
            << "explained by stale-output"
            << "";
        QTest::addRow("html report escapes and links") << QStringList {QStringLiteral("verify"),
            QStringLiteral("--format"), QStringLiteral("html"), dataFile("use_before_definition.ipynb")}
                                                       << 1 << "name &#39;total&#39; is not defined"
                                                       << "";
        QTest::addRow("missing notebook exits 2 naming it")
            << QStringList {QStringLiteral("verify"), QStringLiteral("no-such.ipynb")} << 2 << ""
            << "no-such.ipynb";
        QTest::addRow("bad order exits 2") << QStringList {QStringLiteral("verify"),
            QStringLiteral("--order"), QStringLiteral("random"), dataFile("clean.ipynb")}
                                           << 2 << ""
                                           << "unknown order 'random'";
        QTest::addRow("bad timeout exits 2") << QStringList {QStringLiteral("verify"),
            QStringLiteral("--cell-timeout"), QStringLiteral("soon"), dataFile("clean.ipynb")}
                                             << 2 << ""
                                             << "--cell-timeout takes a positive number";
    }
    void command()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, inStdout);
        QFETCH(QString, inStderr);
        QProcess process;
        process.start(QStringLiteral(TASSEL_BINARY), arguments);
        QVERIFY(process.waitForFinished(120000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(process.exitCode() == exitCode, qPrintable(out + err));
        QVERIFY2(out.contains(inStdout), qPrintable(out));
        QVERIFY2(err.contains(inStderr), qPrintable(err));
    }

    void jsonReportAndSavedCopy()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dataFile("stale_output.ipynb");
        const QByteArray before = fileHash(path);
        const QString executed = dir.filePath(QStringLiteral("executed.ipynb"));
        QProcess process;
        process.start(QStringLiteral(TASSEL_BINARY),
            {QStringLiteral("verify"), QStringLiteral("--format"), QStringLiteral("json"),
                QStringLiteral("--save-executed"), executed, path});
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 1);
        const QJsonObject report = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QCOMPARE(report.value(QStringLiteral("command")).toString(), QStringLiteral("verify"));
        const QJsonObject summary = report.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("differs")).toInt(), 1);
        QCOMPARE(
            summary.value(QStringLiteral("firstDivergence")).toObject().value(QStringLiteral("cell")).toInt(),
            2);
        QVERIFY(qAbs(summary.value(QStringLiteral("repeatability")).toDouble() - 2.0 / 3.0) < 1e-3);
        const QJsonObject stale = report.value(QStringLiteral("cells")).toArray().at(1).toObject();
        QCOMPARE(stale.value(QStringLiteral("status")).toString(), QStringLiteral("differs"));
        QCOMPARE(stale.value(QStringLiteral("expected")).toString(), QStringLiteral("[0.6, 0.9]"));
        QCOMPARE(stale.value(QStringLiteral("actual")).toString(), QStringLiteral("[0.9]"));
        QCOMPARE(stale.value(QStringLiteral("explainedBy"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("rule"))
                     .toString(),
            QStringLiteral("stale-output"));

        // The copy carries the new outputs; the original is byte for byte what it was.
        QCOMPARE(fileHash(path), before);
        const auto copy = NotebookLoader().loadFile(executed.toStdString());
        QVERIFY2(copy.ok(), copy.ok() ? "" : copy.error().toString().c_str());
        QCOMPARE(copy->cells[2].outputs.size(), std::size_t(1));
        QCOMPARE(copy->cells[2].outputs[0].text, std::string("[0.9]\n"));
        QCOMPARE(copy->cells[2].executionCount, std::optional<int>(2));
        QVERIFY(copy->cells[2].outputs[0].metadata.is_null()
            || !copy->cells[2].outputs[0].metadata.contains("tassel"));

        // And verify refuses to write over the notebook itself.
        const auto refused = Verifier::saveExecuted(path.toStdString(), VerifyReport {}, path.toStdString());
        QVERIFY(!refused.ok());
        QCOMPARE(fileHash(path), before);
    }
};

QTEST_GUILESS_MAIN(TestVerifier)
#include "tst_verifier.moc"
