#include "analysis/notebookanalyzer.h"
#include "notebook/notebookloader.h"
#include "verify/verifier.h"
#include "verify/verifyreportwriter.h"
#include "verify/workingcopy.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <nlohmann/json.hpp>

#include <signal.h>

#include <cerrno>
#include <fstream>
#include <optional>
#include <set>
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

/// Every process (by our ids) that has `marker` as one of its command-line arguments.
std::set<long long> processesWith(const QByteArray &marker)
{
    std::set<long long> found;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : entries) {
        bool numeric = false;
        const long long pid = name.toLongLong(&numeric);
        QFile file(QStringLiteral("/proc/") + name + QStringLiteral("/cmdline"));
        if (numeric && file.open(QIODevice::ReadOnly) && file.readAll().split('\0').contains(marker))
            found.insert(pid);
    }
    return found;
}

/// A cell that starts three processes that leave the driver's process group: a Popen with a
/// session of its own, `setsid -f` and a double fork that calls setsid. Each runs `sleep MARKER`.
std::string escapingCell(const QByteArray &marker)
{
    return "import os, subprocess\n"
           "M = '"
        + marker.toStdString()
        + "'\n"
          "subprocess.Popen(['sleep', M], start_new_session=True)\n"
          "subprocess.run(['setsid', '-f', 'sleep', M], check=True)\n"
          "child = os.fork()\n"
          "if child == 0:\n"
          "    try:\n"
          "        os.setsid()\n"
          "        if os.fork() == 0:\n"
          "            os.execvp('sleep', ['sleep', M])\n"
          "    finally:\n"
          "        os._exit(0)\n"
          "os.waitpid(child, 0)\n"
          "print('escapes started')\n";
}

/// A cell that writes to environ.txt the environment of each of its ancestors, up to and
/// including the first that is not Python: the process that started the driver (the kernel's
/// parent is the driver), where the run ends.
std::string environmentReadingCell()
{
    return "import os, sys\n"
           "python = os.path.realpath(sys.executable)\n"
           "pid, read, out = os.getppid(), 0, []\n"
           "while pid > 0:\n"
           "    try:\n"
           "        env = open(f'/proc/{pid}/environ', 'rb').read().replace(b'\\0', b'\\n')\n"
           "        status = open(f'/proc/{pid}/status').read()\n"
           "    except OSError:\n"
           "        break\n"
           "    read += 1\n"
           "    out.append(f'--- process {pid}\\n' + env.decode('utf-8', 'replace'))\n"
           "    if os.path.realpath(f'/proc/{pid}/exe') != python:\n"
           "        break\n"
           "    pid = int(status.split('PPid:')[1].split()[0])\n"
           "out.append(f'parents read: {read}')\n"
           "open('environ.txt', 'w').write('\\n'.join(out))\n";
}

/// Writes a notebook of code cells, each with its source and the stdout it stored (none: never run).
void writeNotebook(const QString &path, const std::vector<std::pair<std::string, std::string>> &cells)
{
    nlohmann::json list = nlohmann::json::array();
    int count = 0;
    for (const auto &[source, stdoutText] : cells) {
        nlohmann::json outputs = nlohmann::json::array();
        if (!stdoutText.empty())
            outputs.push_back({{"output_type", "stream"}, {"name", "stdout"}, {"text", stdoutText}});
        list.push_back({{"cell_type", "code"}, {"id", "c" + std::to_string(count)},
            {"metadata", nlohmann::json::object()}, {"source", source}, {"outputs", outputs},
            {"execution_count", stdoutText.empty() ? nlohmann::json(nullptr) : nlohmann::json(count + 1)}});
        ++count;
    }
    const nlohmann::json notebook = {{"nbformat", 4}, {"nbformat_minor", 5},
        {"metadata", {{"kernelspec", {{"name", "python3"}, {"language", "python"}}}}}, {"cells", list}};
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(QByteArray::fromStdString(notebook.dump(1)));
}

/// Every entry under `folder` (hidden ones too) with its content hash or link target.
QStringList listing(const QString &folder)
{
    QStringList entries;
    QDirIterator it(folder, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info(path);
        QString entry = QDir(folder).relativeFilePath(path);
        if (info.isSymLink())
            entry += QStringLiteral(" -> ") + info.symLinkTarget();
        else if (info.isFile())
            entry += QStringLiteral(" ") + QString::fromLatin1(fileHash(path).toHex());
        entries << entry;
    }
    entries.sort();
    return entries;
}

void writeText(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(text);
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
        QTest::addRow("timeit cells reproduce, their names stay local")
            << "timeit.ipynb"
            << "document"
            << "reproduced,reproduced,reproduced,reproduced,reproduced" << -1 << ""
            << ""
            << "";
        QTest::addRow("pylab names defined, figure included")
            << "pylab.ipynb"
            << "document"
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

    /// A real re-run of cells whose output changes from run to run: each divergence is linked to
    /// the nondeterministic-output finding that predicted it, and the rest are counted.
    void divergenceExplainedByNondeterminism_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("changeSource"); // empty: no finding explains the divergence
        QTest::addRow("unseeded np.random differs, explained as random")
            << "import numpy as np\nprint(np.random.rand(3))"
            << "[0.1 0.2 0.3]\n"
            << "random";
        QTest::addRow("the clock differs, explained as clock") << "import time\nprint(time.time())"
                                                               << "1700000000.0\n"
                                                               << "clock";
        QTest::addRow("an edited constant differs, unexplained") << "print(41 + 1)"
                                                                 << "41\n"
                                                                 << "";
    }
    void divergenceExplainedByNondeterminism()
    {
        QFETCH(QString, source);
        QFETCH(QString, stored);
        QFETCH(QString, changeSource);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("changing.ipynb"));
        writeNotebook(path, {{source.toStdString(), stored.toStdString()}});
        VerifyOptions options;
        options.cellTimeoutSeconds = 60;
        const Run run = verify(path, options);
        QVERIFY2(statuses(run.report) == QStringLiteral("differs"), qPrintable(describe(run.report)));
        const CellVerification &cell = run.report.cells.front();
        const nlohmann::ordered_json json = VerifyReportWriter::toJson(run.report);
        const std::string text = VerifyReportWriter::text(run.report, false);
        if (changeSource.isEmpty()) {
            QVERIFY(cell.explanations.empty());
            QCOMPARE(run.report.unexplainedDivergences(), 1);
            QCOMPARE(json["summary"]["unexplained_divergences"].get<int>(), 1);
            QVERIFY2(text.find("1 not explained by a finding") != std::string::npos, text.c_str());
            return;
        }
        QVERIFY2(!cell.explanations.empty(), qPrintable(describe(run.report)));
        QCOMPARE(QString::fromStdString(cell.explanations.front().rule),
            QStringLiteral("nondeterministic-output"));
        QCOMPARE(QString::fromStdString(cell.explanations.front().changeSource), changeSource);
        QCOMPARE(run.report.unexplainedDivergences(), 0);
        QCOMPARE(json["summary"]["unexplained_divergences"].get<int>(), 0);
        const auto &why = json["cells"][0]["explainedBy"][0];
        QCOMPARE(why["rule"].get<std::string>(), std::string("nondeterministic-output"));
        QCOMPARE(QString::fromStdString(why["source"].get<std::string>()), changeSource);
        QVERIFY2(text.find("explained by nondeterministic-output") != std::string::npos, text.c_str());
    }

    /// A real re-run of cells that fail or differ for a reason outside the code: the first
    /// explanation names that reason (the input that is absent, the library whose version moved).
    void divergenceExplainedByCause_data()
    {
        QTest::addColumn<QStringList>("cells"); // source, stored stdout, source, stored stdout...
        QTest::addColumn<QString>("status"); // of the last cell
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("name");
        QTest::addRow("missing relative file, missing-input")
            << QStringList {"import pandas as pd\nsales = pd.read_csv('data/sales.csv')\nprint(len(sales))",
                   "12\n"}
            << "error"
            << "missing-input"
            << "";
        QTest::addRow("home path, hardcoded-path")
            << QStringList {"with open('/home/analyst/q3/totals.txt') as f:\n    print(f.read())", "42\n"}
            << "error"
            << "hardcoded-path"
            << "";
        QTest::addRow("URL read offline, network-input")
            << QStringList {"import urllib.request\nwith "
                            "urllib.request.urlopen('https://data.invalid/rates.csv') "
                            "as r:\n    print(r.read(9))",
                   "b'date,rate'\n"}
            << "error"
            << "network-input"
            << "";
        // The library is not why the network failed: no finding names that URL, so none explains it.
        QTest::addRow("URL built at run time, the library does not explain it")
            << QStringList {"import pandas as pd\nprint('ready')", "ready\n",
                   "parts = ['https://data.invalid', 'rates.csv']\nprint(len(pd.read_csv('/'.join(parts))))",
                   "12\n"}
            << "error"
            << ""
            << "";
        QTest::addRow("value of an undeclared library, undeclared-dependency")
            << QStringList {"import numpy as np\nprint('ready')", "ready\n", "print(np.__version__)",
                   "1.0.0\n"}
            << "differs"
            << "undeclared-dependency"
            << "numpy";
    }
    void divergenceExplainedByCause()
    {
        QFETCH(QStringList, cells);
        QFETCH(QString, status);
        QFETCH(QString, rule);
        QFETCH(QString, name);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("inputs.ipynb"));
        std::vector<std::pair<std::string, std::string>> pairs;
        for (int i = 0; i + 1 < cells.size(); i += 2)
            pairs.emplace_back(cells[i].toStdString(), cells[i + 1].toStdString());
        writeNotebook(path, pairs);
        VerifyOptions options;
        options.cellTimeoutSeconds = 60;
        const Run run = verify(path, options);
        const CellVerification &cell = run.report.cells.back();
        QCOMPARE(QString::fromUtf8(verifyStatusName(cell.status)), status);
        if (rule.isEmpty()) {
            QVERIFY2(cell.explanations.empty(), qPrintable(describe(run.report)));
            return;
        }
        QVERIFY2(!cell.explanations.empty(), qPrintable(describe(run.report)));
        const Finding &why = cell.explanations.front();
        QCOMPARE(QString::fromStdString(why.rule), rule);
        if (!name.isEmpty())
            QVERIFY(std::find(why.names.begin(), why.names.end(), name.toStdString()) != why.names.end());
        QCOMPARE(run.report.unexplainedDivergences(), 0);
    }

    void kernelRunner_data()
    {
        QTest::addColumn<QString>("runner");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expectedStatuses");
        QTest::addColumn<int>("firstDivergence");
        QTest::addColumn<QString>("errorName");
        QTest::addRow("nbclient: clean notebook reproduces, figure included")
            << "nbclient"
            << "clean.ipynb"
            << "reproduced,reproduced,reproduced,reproduced,reproduced,reproduced" << -1 << "";
        QTest::addRow("nbclient: use before definition raises NameError at cell 1")
            << "nbclient"
            << "use_before_definition.ipynb"
            << "error,not-run,not-run" << 1 << "NameError";
        QTest::addRow("nbclient: real timeit reproduces")
            << "nbclient"
            << "timeit.ipynb"
            << "reproduced,reproduced,reproduced,reproduced,reproduced" << -1 << "";
        QTest::addRow("auto picks nbclient when it imports") << "auto"
                                                             << "stale_output.ipynb"
                                                             << "reproduced,differs,reproduced" << 2 << "";
    }
    void kernelRunner()
    {
        QFETCH(QString, runner);
        QFETCH(QString, file);
        QFETCH(QString, expectedStatuses);
        QFETCH(int, firstDivergence);
        QFETCH(QString, errorName);
        const QString path = dataFile(file.toLatin1().constData());
        const QByteArray before = fileHash(path);
        VerifyOptions options;
        options.runner = runner.toStdString();
        options.cellTimeoutSeconds = 60;
        const Run run = verify(path, options);
        QVERIFY2(statuses(run.report) == expectedStatuses, qPrintable(describe(run.report)));
        QCOMPARE(QString::fromStdString(run.report.runner), QStringLiteral("nbclient"));
        const CellVerification *first = run.report.firstDivergence();
        QCOMPARE(first ? first->cell : -1, firstDivergence);
        if (first)
            QCOMPARE(QString::fromStdString(first->errorName), errorName);
        // A real kernel ran, in its own process group, and is gone with the driver.
        QVERIFY(run.report.kernelPid > 0);
        QVERIFY(run.report.kernelPid != run.report.driverPid);
        QVERIFY2(processGone(run.report.kernelPid), "the kernel outlived the run");
        QVERIFY(processGone(run.report.driverPid));
        QCOMPARE(fileHash(path), before);
    }

    void kernelRunnerCellTimeoutKillsTheKernel()
    {
        const QString path = dataFile("timeout.ipynb");
        VerifyOptions options;
        options.runner = "nbclient";
        options.cellTimeoutSeconds = 3;
        // The cell prints its child's process id: ours only outside a PID namespace (the
        // namespace is covered by escapedProcessesAreKilled).
        options.containment = "subreaper";
        QElapsedTimer timer;
        timer.start();
        const Run run = verify(path, options);
        QVERIFY2(timer.elapsed() < 90000, "the 300 s sleep was not cut short");
        QCOMPARE(QString::fromStdString(run.report.runner), QStringLiteral("nbclient"));
        QCOMPARE(run.report.cells.size(), std::size_t(3));
        const CellVerification &sleeper = run.report.cells[1];
        QCOMPARE(sleeper.status, VerifyStatus::Error);
        QVERIFY(sleeper.timedOut);
        QVERIFY2(sleeper.reason.find("kernel's process group") != std::string::npos, sleeper.reason.c_str());
        QCOMPARE(run.report.cells[2].status, VerifyStatus::NotRun);
        // The kernel (own session, so not in the driver's group), its `sleep 300` child and the
        // driver are all gone.
        QVERIFY(run.report.kernelPid > 0);
        QVERIFY2(processGone(run.report.kernelPid), "the kernel survived the timeout");
        // Not even a zombie: whoever inherits it has reaped it.
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(run.report.kernelPid), 0) != 0 && errno == ESRCH, 10000);
        const long long child = childPidFrom(run.report.cells[0]);
        QVERIFY2(child > 0, run.report.cells[0].outputsJson.c_str());
        QVERIFY2(processGone(child), "the kernel's child process was orphaned");
        QVERIFY(processGone(run.report.driverPid));
    }

    void runInCopyLeavesTheFolderAlone()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = QFileInfo(dir.path()).canonicalFilePath();
        writeText(folder + QStringLiteral("/data.txt"), "data");
        writeText(folder + QStringLiteral("/sub/inner.txt"), "inner");
        writeText(folder + QStringLiteral("/.git/HEAD"), "ref: refs/heads/main\n");
        writeText(folder + QStringLiteral("/__pycache__/mod.cpython-313.pyc"), "x");
        writeText(folder + QStringLiteral("/venv/pyvenv.cfg"), "home = /usr/bin\n");
        QVERIFY(QFile::link(QStringLiteral("data.txt"), folder + QStringLiteral("/link.txt")));
        const QString notebookPath = folder + QStringLiteral("/notebook.ipynb");
        writeNotebook(notebookPath,
            {{"import os\nwith open('written.txt', 'w') as f:\n    f.write('x')\nos.remove('data.txt')\n"
              "print(sorted(os.listdir('.')))",
                 "['link.txt', 'notebook.ipynb', 'sub', 'written.txt']\n"},
                {"print(open('link.txt').read(), os.path.islink('link.txt'), open('sub/inner.txt').read())",
                    "data True inner\n"}});
        const QStringList before = listing(folder);
        const QByteArray notebookBefore = fileHash(notebookPath);

        VerifyOptions options;
        options.runInCopy = true;
        options.cellTimeoutSeconds = 60;
        const Run run = verify(notebookPath, options);
        // Both cells reproduce: the copy lacks .git, __pycache__ and the virtualenv, the link
        // still reaches the original data.txt after the copy's was removed.
        QVERIFY2(statuses(run.report) == QStringLiteral("reproduced,reproduced"),
            qPrintable(describe(run.report)));
        QVERIFY(run.report.ranInCopy);
        QCOMPARE(QString::fromStdString(run.report.workingDirectory), folder);
        const QString copy = QString::fromStdString(run.report.copyDirectory);
        QVERIFY(!copy.isEmpty());
        QVERIFY(!copy.startsWith(folder));
        QVERIFY2(!QFileInfo::exists(copy), "the temporary copy was left behind");
        QCOMPARE(listing(folder), before);
        QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/written.txt")));
        QCOMPARE(fileHash(notebookPath), notebookBefore);

        // Without the copy the same notebook does write to the folder: the test can fail.
        VerifyOptions inPlace;
        inPlace.cellTimeoutSeconds = 60;
        const Run direct = verify(notebookPath, inPlace);
        QVERIFY(!direct.report.ranInCopy);
        QVERIFY(QFileInfo::exists(folder + QStringLiteral("/written.txt")));
        QVERIFY(listing(folder) != before);
    }

    void runInCopyIsRemovedAfterATimeout()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("timeout.ipynb"));
        QVERIFY(QFile::copy(dataFile("timeout.ipynb"), path));
        const QStringList before = listing(dir.path());
        VerifyOptions options;
        options.runInCopy = true;
        options.cellTimeoutSeconds = 3;
        const Run run = verify(path, options);
        QVERIFY(run.report.cells[1].timedOut);
        QVERIFY(run.report.ranInCopy);
        QVERIFY(!run.report.copyDirectory.empty());
        QVERIFY2(!QFileInfo::exists(QString::fromStdString(run.report.copyDirectory)),
            "the temporary copy survived the timeout");
        QCOMPARE(listing(dir.path()), before);
        QVERIFY(processGone(run.report.driverPid));
    }

    void tooLargeFolderIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const char *name : {"a.txt", "b.txt", "c.txt"})
            writeText(dir.filePath(QString::fromLatin1(name)), "x");
        WorkingCopy copy;
        const auto refused = copy.create(dir.path().toStdString(), {1LL << 30, 2});
        QVERIFY(!refused.ok());
        QCOMPARE(QString::fromStdString(refused.error().code), QStringLiteral("verify-copy"));
        QVERIFY2(
            refused.error().message.find("too large") != std::string::npos, refused.error().message.c_str());
        QVERIFY(copy.path().empty());
        const auto allowed = copy.create(dir.path().toStdString(), {1LL << 30, 3});
        QVERIFY(allowed.ok());
        QCOMPARE(listing(QString::fromStdString(*allowed)), listing(dir.path()));
        QVERIFY(copy.remove());
        QVERIFY(!QFileInfo::exists(QString::fromStdString(*allowed)));
    }

    void savedCopyMasksSecrets()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Assembled at run time so the repository holds no token-shaped literal. The first is in a
        // source; the second only in what the re-run prints.
        const std::string inSource = std::string("gh") + "p_" + "Zq8vK2mX9pL4rT7wB3nY" + "6cF1aQ5sD0hJ2kLm";
        const std::string inOutput = std::string("gh") + "p_" + "Wd3kR8sN1vB6yT0qL5mX" + "9hJ2cF7aP4zG1eUo";
        const QString path = dir.filePath(QStringLiteral("secret.ipynb"));
        writeNotebook(path,
            {{"token = \"" + inSource + "\"\nprint(token)", ""},
                {"made = 'gh' + 'p_' + '" + inOutput.substr(4, 20) + "' + '" + inOutput.substr(24)
                        + "'\nprint(made)",
                    ""}});
        VerifyOptions options;
        options.cellTimeoutSeconds = 60;
        const Run run = verify(path, options);
        QCOMPARE(run.report.cells.size(), std::size_t(2));
        // The re-run really printed both values; the report holds them masked already.
        for (const CellVerification &cell : run.report.cells) {
            QVERIFY2(cell.outputsJson.find("***") != std::string::npos, qPrintable(describe(run.report)));
            QVERIFY(cell.outputsJson.find(inSource) == std::string::npos);
            QVERIFY(cell.outputsJson.find(inOutput) == std::string::npos);
        }

        const QString executed = dir.filePath(QStringLiteral("executed.ipynb"));
        const auto saved = Verifier::saveExecuted(path.toStdString(), run.report, executed.toStdString());
        QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().toString().c_str());
        QFile file(executed);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(!text.contains(QByteArray::fromStdString(inSource)), text.constData());
        QVERIFY2(!text.contains(QByteArray::fromStdString(inOutput)), text.constData());
        QVERIFY(text.contains("***"));
        const auto copy = NotebookLoader().loadFile(executed.toStdString());
        QVERIFY(copy.ok());
        QCOMPARE(copy->cells.size(), std::size_t(2));
        QVERIFY(!copy->cells[1].outputs.empty());
    }

    void reportsMaskShortSecrets_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("storedOutput");
        QTest::addColumn<QString>("secret");
        // Assembled at run time so the repository holds no secret-shaped literal; too short and
        // too plain for a mask that only looks at the shape of long tokens.
        const std::string dictPassword = std::string("Vx7#qLp2") + "!Rz9mKw4"; // 16 characters
        const std::string urlPassword = std::string("Tq4mZ8pL") + "x2wRk"; // 13 characters
        const std::string printed = std::string("Kq7#mZ") + "x2!Lp9w";
        QTest::addRow("16-character password in a dict")
            << QString::fromStdString(
                   "creds = {'user': 'analyst', 'password': '" + dictPassword + "'}\nprint(creds)")
            << QStringLiteral("{'user': 'analyst'}\n") << QString::fromStdString(dictPassword);
        QTest::addRow("13-character password in a postgresql URL")
            << QString::fromStdString("url = 'postgresql://app:" + urlPassword
                   + "@db.internal:5432/sales'\nprint('connecting to', url)")
            << QString::fromStdString(
                   "connecting to postgresql://app:" + urlPassword + "@db.old:5432/sales\n")
            << QString::fromStdString(urlPassword);
        QTest::addRow("password printed by the re-run, never stored")
            << QString::fromStdString("pw = '" + printed.substr(0, 6) + "' + '" + printed.substr(6)
                   + "'\nprint(\"password = '\" + pw + \"'\")")
            << QStringLiteral("password = '(hidden)'\n") << QString::fromStdString(printed);
    }

    void reportsMaskShortSecrets()
    {
        QFETCH(QString, source);
        QFETCH(QString, storedOutput);
        QFETCH(QString, secret);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("short.ipynb"));
        writeNotebook(path, {{source.toStdString(), storedOutput.toStdString()}});
        VerifyOptions options;
        options.cellTimeoutSeconds = 60;
        const Run run = verify(path, options);
        QCOMPARE(statuses(run.report), QStringLiteral("differs"));
        const QByteArray value = secret.toUtf8();
        const CellVerification &cell = run.report.cells.front();
        QVERIFY2(
            !QByteArray::fromStdString(cell.actual + cell.expected + cell.reason + cell.reasonKey.english())
                 .contains(value),
            qPrintable(describe(run.report)));
        for (const std::string &rendered : {VerifyReportWriter::text(run.report),
                 VerifyReportWriter::json(run.report), VerifyReportWriter::html(run.report)}) {
            const QByteArray bytes = QByteArray::fromStdString(rendered);
            QVERIFY2(bytes.contains("re-run") || bytes.contains("actual"), bytes.constData());
            QVERIFY2(!bytes.contains(value), bytes.constData());
        }
    }

    void cellTimeoutKillsTheProcessGroup()
    {
        const QString path = dataFile("timeout.ipynb");
        const QByteArray before = fileHash(path);
        VerifyOptions options;
        options.cellTimeoutSeconds = 3;
        options.containment = "subreaper"; // the child's id the cell prints is ours (see above)
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
        // The GUI words the reason from its template id and arguments.
        QCOMPARE(sleeper.reasonKey.id, std::string("verify.cell-limit"));
        QCOMPARE(sleeper.reasonKey.english(), sleeper.reason);
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

    void malformedDriverEventsAreIgnored()
    {
        // A cell can reach the driver's protocol pipe and write events of the right shape with
        // values of the wrong types; Tassel must note them and go on, not end.
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString path = folder.filePath(QStringLiteral("hostile.ipynb"));
        writeNotebook(path,
            {{"import sys\n"
              "p = sys.modules['__main__'].PROTOCOL\n"
              "p.write('{\"event\": \"done\", \"cell\": \"x\", \"count\": [], \"failed\": 3}\\n')\n"
              "p.write('{\"event\": 7}\\n')\n"
              "p.flush()\n"
              "print('after')\n",
                 "after\n"},
                {"print('second')\n", "second\n"}});
        const Run run = verify(path);
        QCOMPARE(statuses(run.report), QStringLiteral("reproduced,reproduced"));
        QVERIFY2(run.report.driverDiagnostics.find("malformed driver event") != std::string::npos,
            run.report.driverDiagnostics.c_str());
    }

    void forgedKernelEventKillsNothing()
    {
        // With the driver runner the cells run inside the driver and can write to its pipe. A
        // forged "kernel" event naming another process group must not make Tassel kill it.
        qint64 victim = 0;
        QVERIFY(QProcess::startDetached(
            QStringLiteral("setsid"), {QStringLiteral("sleep"), QStringLiteral("120")}, QString(), &victim));
        QVERIFY(victim > 1);
        QThread::msleep(200);
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString path = folder.filePath(QStringLiteral("forged.ipynb"));
        const std::string pid = std::to_string(victim);
        writeNotebook(path,
            {{"import sys\n"
              "p = sys.modules['__main__'].PROTOCOL\n"
              "p.write('{\"event\": \"kernel\", \"pid\": "
                    + pid + ", \"pgid\": " + pid
                    + "}\\n')\n"
                      "p.flush()\n"
                      "print('sent')\n",
                "sent\n"}});
        const Run run = verify(path);
        QCOMPARE(statuses(run.report), QStringLiteral("reproduced"));
        QCOMPARE(run.report.kernelPid, 0LL);
        const bool survived = !processGone(victim, 300);
        ::kill(pid_t(victim), SIGKILL);
        QVERIFY2(survived, "a forged kernel event made Tassel kill another process group");
    }

    void runTimeoutEndsTheRun()
    {
        VerifyOptions options;
        options.timeoutSeconds = 8;
        options.containment = "subreaper"; // the child's id the cell prints is ours
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

    void escapedProcessesAreKilled_data()
    {
        QTest::addColumn<QString>("runner");
        QTest::addColumn<bool>("inCopy");
        QTest::addColumn<QString>("ending");
        QTest::addColumn<QString>("containment");
        for (const char *containment : {"auto", "subreaper"}) {
            QTest::addRow("driver, run ends, %s", containment) << "driver" << false << "end" << containment;
            QTest::addRow("driver in a copy, run ends, %s", containment)
                << "driver" << true << "end" << containment;
            QTest::addRow("driver in a copy, cell timeout, %s", containment)
                << "driver" << true << "timeout" << containment;
            QTest::addRow("driver, cancel, %s", containment) << "driver" << false << "cancel" << containment;
            QTest::addRow("nbclient, run ends, %s", containment)
                << "nbclient" << false << "end" << containment;
            QTest::addRow("nbclient in a copy, cell timeout, %s", containment)
                << "nbclient" << true << "timeout" << containment;
        }
    }

    /// Processes that call setsid (or double-fork) leave the driver's process group; the
    /// containment helper must end them all the same, at the end, on a timeout and on cancel.
    void escapedProcessesAreKilled()
    {
        QFETCH(QString, runner);
        QFETCH(bool, inCopy);
        QFETCH(QString, ending);
        QFETCH(QString, containment);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // `sleep 3xxx.yyyyyyyy`: an argument no other process has.
        const QByteArray marker = QByteArray::number(3000 + QRandomGenerator::global()->bounded(600)) + '.'
            + QByteArray::number(10000000 + QRandomGenerator::global()->bounded(89999999));
        const QString path = dir.filePath(QStringLiteral("escape.ipynb"));
        writeNotebook(path,
            {{escapingCell(marker), ""},
                {ending == "end" ? "import time\ntime.sleep(2)\n" : "import time\ntime.sleep(60)\n", ""}});
        const auto notebook = NotebookLoader().loadFile(path.toStdString());
        QVERIFY(notebook.ok());
        VerifyOptions options;
        options.runner = runner.toStdString();
        options.runInCopy = inCopy;
        options.containment = containment.toStdString();
        options.cellTimeoutSeconds = ending == "timeout" ? 4 : 120;

        std::atomic_bool cancel = false;
        std::atomic_bool finished = false;
        std::optional<Result<VerifyReport>> result;
        std::thread verifying([&] {
            result = Verifier::run(*notebook, options, &cancel);
            finished = true;
        });
        std::set<long long> seen; // the escapes, as they appear
        while (!finished) {
            const std::set<long long> now = processesWith(marker);
            seen.insert(now.begin(), now.end());
            if (ending == "cancel" && seen.size() >= 3)
                cancel = true;
            QThread::msleep(50);
        }
        verifying.join();
        std::vector<long long> alive;
        for (long long pid : seen) {
            if (!(::kill(pid_t(pid), 0) != 0 && errno == ESRCH))
                alive.push_back(pid);
        }
        const std::set<long long> left = processesWith(marker);
        for (long long pid : left) // never leave them behind, even when the test fails
            ::kill(pid_t(pid), SIGKILL);

        QVERIFY(result && result->ok());
        const VerifyReport &report = result->value();
        QVERIFY2(seen.size() >= 3,
            qPrintable(QStringLiteral("the cell did not start its escapes: ") + describe(report)));
        QVERIFY2(alive.empty() && left.empty(),
            qPrintable(QStringLiteral("%1 of %2 escaped processes outlived the run (containment %3)")
                           .arg(std::max(alive.size(), left.size()))
                           .arg(seen.size())
                           .arg(QString::fromStdString(report.containment))));
        if (containment == QStringLiteral("subreaper"))
            QCOMPARE(QString::fromStdString(report.containment), QStringLiteral("subreaper"));
        else
            QVERIFY(report.containment == "pid-namespace" || report.containment == "subreaper");
        if (ending == "timeout")
            QVERIFY2(report.cells[1].timedOut, qPrintable(describe(report)));
        if (ending == "cancel")
            QVERIFY(report.cancelled);
        if (ending != "end")
            QVERIFY2(report.cells[1].reason.find("every other process of the run") != std::string::npos,
                report.cells[1].reason.c_str());
        QVERIFY(processGone(report.driverPid, 0));
    }

    void cellsSeeOnlyTheRunEnvironment_data()
    {
        QTest::addColumn<QString>("runner");
        QTest::addColumn<QString>("containment");
        QTest::addRow("driver, auto") << "driver"
                                      << "auto";
        QTest::addRow("driver, subreaper") << "driver"
                                           << "subreaper";
        QTest::addRow("nbclient, auto") << "nbclient"
                                        << "auto";
        QTest::addRow("nbclient, subreaper") << "nbclient"
                                             << "subreaper";
    }

    /// Tassel's own environment (which may hold tokens) must not be readable from a cell at
    /// /proc/<parent>/environ, nor at the driver's parent's. /proc shows the environment a
    /// program started with, so the marker goes into the environment of a `tassel verify`.
    void cellsSeeOnlyTheRunEnvironment()
    {
        QFETCH(QString, runner);
        QFETCH(QString, containment);
        const QString name = QStringLiteral("TASSEL_TEST_PRIVATE_MARKER");
        const QString value = QStringLiteral("private-%1").arg(QRandomGenerator::global()->generate());
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("environ.ipynb"));
        writeNotebook(path, {{environmentReadingCell(), ""}});
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(name, value);
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(TASSEL_BINARY),
            {QStringLiteral("verify"), QStringLiteral("--runner"), runner, QStringLiteral("--containment"),
                containment, path});
        QVERIFY(process.waitForFinished(120000));
        QFile file(dir.filePath(QStringLiteral("environ.txt")));
        QVERIFY2(file.open(QIODevice::ReadOnly), process.readAll().constData());
        const QString read = QString::fromUtf8(file.readAll());
        QVERIFY2(read.contains(QStringLiteral("PATH=")), qPrintable(read)); // it did read a parent
        QVERIFY2(!read.contains(name) && !read.contains(value), qPrintable(read));
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
        QTest::addRow("bad runner exits 2") << QStringList {QStringLiteral("verify"),
            QStringLiteral("--runner"), QStringLiteral("docker"), dataFile("clean.ipynb")}
                                            << 2 << ""
                                            << "unknown runner 'docker'";
        QTest::addRow("nbclient runner and copy from the command line")
            << QStringList {QStringLiteral("verify"), QStringLiteral("--runner"), QStringLiteral("nbclient"),
                   QStringLiteral("--in-copy"), dataFile("use_before_definition.ipynb")}
            << 1 << "in a Jupyter kernel (nbclient) in a temporary copy"
            << "";
        QTest::addRow("help names the new options")
            << QStringList {QStringLiteral("verify"), QStringLiteral("--help")} << 0 << "--runner RUNNER"
            << "";
        QTest::addRow("bad timeout exits 2") << QStringList {QStringLiteral("verify"),
            QStringLiteral("--cell-timeout"), QStringLiteral("soon"), dataFile("clean.ipynb")}
                                             << 2 << ""
                                             << "--cell-timeout takes a positive number";
        QTest::addRow("bad containment exits 2") << QStringList {QStringLiteral("verify"),
            QStringLiteral("--containment"), QStringLiteral("none"), dataFile("clean.ipynb")}
                                                 << 2 << ""
                                                 << "unknown containment 'none'";
        QTest::addRow("text report says how the processes were contained")
            << QStringList {QStringLiteral("verify"), dataFile("clean.ipynb")} << 0
            << "processes: contained in a "
            << "";
        QTest::addRow("subreaper containment on request") << QStringList {QStringLiteral("verify"),
            QStringLiteral("--containment"), QStringLiteral("subreaper"), dataFile("clean.ipynb")}
                                                          << 0 << "processes: contained in a subreaper helper"
                                                          << "";
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
        const QString containment
            = report.value(QStringLiteral("containment")).toObject().value(QStringLiteral("mode")).toString();
        QVERIFY2(containment == QStringLiteral("pid-namespace") || containment == QStringLiteral("subreaper"),
            qPrintable(containment));
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
        const QJsonObject explaining = stale.value(QStringLiteral("explainedBy")).toArray().at(0).toObject();
        QCOMPARE(explaining.value(QStringLiteral("rule")).toString(), QStringLiteral("stale-output"));
        // A finding has the check report's keys here too (and keeps the key verify wrote first).
        for (const char *key : {"cell_id", "column", "end_line", "related_cells", "relatedCells"})
            QVERIFY2(explaining.contains(QLatin1String(key)), key);
        QCOMPARE(explaining.value(QStringLiteral("related_cells")),
            explaining.value(QStringLiteral("relatedCells")));

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
