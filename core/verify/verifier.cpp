#include "verify/verifier.h"

#include "analysis/secretmasking.h"
#include "notebook/notebookloader.h"
#include "verify/divergenceexplainer.h"
#include "verify/workingcopy.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSaveFile>
#include <QStandardPaths>

#include <nlohmann/json.hpp>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <utility>

namespace tassel {

namespace {

using json = nlohmann::json;

constexpr std::size_t kDiagnosticsLimit = 16 * 1024;

std::string secondsText(double seconds)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", seconds);
    return text;
}

std::string imageKey(int cell, int output)
{
    return std::to_string(cell) + ":" + std::to_string(output);
}

ImageSignature signatureFrom(const json &node)
{
    ImageSignature signature;
    if (!node.is_object())
        return signature;
    signature.width = node.value("width", 0);
    signature.height = node.value("height", 0);
    signature.averageHash = node.value("ahash", std::string());
    return signature;
}

/// What the driver said about one cell.
struct CellRun
{
    bool started = false;
    bool done = false;
    bool failed = false;
    int count = 0;
    int position = 0;
    double seconds = 0;
    json outputs = json::array();
    std::vector<std::string> notes;
};

/// Parses nbformat outputs with the real loader, so stored and new outputs read the same way.
std::vector<Output> parseOutputs(const json &outputs)
{
    json notebook = {{"nbformat", 4}, {"nbformat_minor", 5}, {"metadata", json::object()},
        {"cells",
            json::array({{{"cell_type", "code"}, {"id", "verify"}, {"source", ""},
                {"metadata", json::object()}, {"execution_count", nullptr}, {"outputs", outputs}}})}};
    const auto loaded = NotebookLoader().loadBytes(notebook.dump(), "<driver>");
    if (!loaded || loaded->cells.empty())
        return {};
    return loaded->cells.front().outputs;
}

/// Stops a process group: the driver's (it leads its own) or the kernel's (jupyter_client starts
/// it in a session of its own). Never 0, 1 or our own group, whatever a protocol line said.
void killGroup(qint64 pgid)
{
    if (pgid > 1 && pid_t(pgid) != ::getpgrp())
        ::kill(-pid_t(pgid), SIGKILL);
}

/// tassel-contain: next to the program, where it is installed (../libexec/tassel), or in the build tree
/// when the program runs from it (the tests). Empty when there is none.
QString containHelper()
{
    const QString dir = QCoreApplication::applicationDirPath();
    if (dir.isEmpty())
        return {};
    QStringList candidates = {dir + QStringLiteral("/tassel-contain")};
#ifdef TASSEL_CONTAIN_INSTALLED
    candidates.append(dir + QStringLiteral("/" TASSEL_CONTAIN_INSTALLED));
#endif
#ifdef TASSEL_CONTAIN_BUILD_PATH
    if (dir.startsWith(QStringLiteral(TASSEL_BUILD_DIR "/")))
        candidates.append(QStringLiteral(TASSEL_CONTAIN_BUILD_PATH));
#endif
    for (const QString &candidate : candidates) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return {};
}

/// The program and arguments that run the driver: through tassel-contain when it is there.
std::pair<QString, QStringList> driverCommand(
    const QString &python, const std::string &script, const VerifyOptions &options)
{
    const QStringList driver = {
        QStringLiteral("-X"), QStringLiteral("utf8"), QStringLiteral("-c"), QString::fromStdString(script)};
    const QString helper = containHelper();
    if (helper.isEmpty())
        return {python, driver};
    QStringList arguments;
    if (options.containment == "subreaper")
        arguments.append(QStringLiteral("--no-namespace"));
    arguments << QStringLiteral("--") << python << driver;
    return {helper, arguments};
}

/// A field of /proc/PID/status ("PPid", "NSpid"), split at white space.
QList<QByteArray> statusField(const QString &pid, const QByteArray &name)
{
    QFile file(QStringLiteral("/proc/") + pid + QStringLiteral("/status"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(name + ':'))
            return line.mid(name.size() + 1).simplified().split(' ');
    }
    return {};
}

/// The process id, as Tassel sees it, of the process whose id in its own (innermost) PID
/// namespace is `inner` and that descends from `ancestor` (the helper). 0 when there is none.
qint64 outerPid(qint64 inner, qint64 ancestor)
{
    if (inner <= 0 || ancestor <= 1)
        return 0;
    std::map<qint64, qint64> parent;
    std::vector<qint64> matches;
    QDirIterator it(QStringLiteral("/proc"), QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString name = it.next().section(QLatin1Char('/'), -1);
        bool numeric = false;
        const qint64 pid = name.toLongLong(&numeric);
        if (!numeric)
            continue;
        const QList<QByteArray> ppid = statusField(name, "PPid");
        parent[pid] = ppid.isEmpty() ? 0 : ppid.front().toLongLong();
        const QList<QByteArray> ids = statusField(name, "NSpid");
        if (ids.size() >= 2 && ids.back().toLongLong() == inner)
            matches.push_back(pid);
    }
    for (qint64 pid : matches) {
        qint64 up = pid;
        for (int depth = 0; up > 1 && up != ancestor && depth < 4096; ++depth)
            up = parent.count(up) ? parent[up] : 0;
        if (up == ancestor)
            return pid;
    }
    return 0;
}

/// Ends the run: the helper first (it kills every process of the run, then leaves), then, as
/// before it existed, the driver's process group, then the kernel's.
void endRun(QProcess &process, qint64 pid, bool contained)
{
    if (contained && process.state() != QProcess::NotRunning) {
        ::kill(pid_t(pid), SIGTERM);
        process.waitForFinished(15000);
    }
    killGroup(pid);
    process.waitForFinished(5000);
}

/// One verify run: the options checked, the driver started in a clean environment, its events
/// read until the run ends or a limit ends it, then every code cell compared with what it stored.
class VerifyRun
{
public:
    VerifyRun(const Notebook &notebook, const VerifyOptions &options, const std::atomic_bool *cancel,
        const Verifier::Progress &progress)
        : m_notebook(notebook)
        , m_options(options)
        , m_cancel(cancel)
        , m_progress(progress)
    {
    }

    Result<VerifyReport> run();

private:
    std::optional<Error> checkOptions() const;
    std::optional<Error> findPython();
    std::optional<Error> prepareFolder();
    std::string request() const;
    QProcessEnvironment environment() const;
    std::optional<Error> start(const std::string &script);
    void handle(const std::string &line);
    void handleDone(const json &event);
    void handleKernel(const json &event);
    void drain();
    void waitForTheEnd();
    void finish();
    Message killedReason(const char *id, double seconds) const;
    CellVerification verifyCell(std::size_t index) const;
    void explainUnfinished(CellVerification &result) const;
    void compareOutputs(CellVerification &result, const Cell &cell, const CellRun &run) const;
    void explainNotRun(bool crashed);
    Error error(std::string code, std::string message) const
    {
        return Error::of(code, message, m_notebook.path);
    }

    const Notebook &m_notebook;
    const VerifyOptions &m_options;
    const std::atomic_bool *m_cancel;
    const Verifier::Progress &m_progress;
    VerifyReport m_report;
    QString m_python;
    QString m_workingDirectory;
    std::vector<int> m_order;
    // Declared before the process, so it outlives it; removed explicitly once the run is over.
    WorkingCopy m_copy;
    QProcess m_process;
    qint64 m_pid = 0;
    bool m_contained = false; ///< started through tassel-contain
    QElapsedTimer m_runTimer;
    QElapsedTimer m_cellTimer;
    std::map<int, CellRun> m_runs;
    std::map<std::string, ImageSignature> m_storedImages;
    int m_currentCell = -1;
    int m_position = 0;
    std::string m_pending; ///< driver output after the last full line
    std::string m_diagnostics;
    std::string m_fatal;
    qint64 m_kernelGroup = 0;
    bool m_ended = false;
    bool m_firstEvent = true;
    int m_killedCell = -1;
};

Result<VerifyReport> VerifyRun::run()
{
    if (auto wrong = checkOptions())
        return *wrong;
    m_report.path = m_notebook.path;
    m_report.order = m_options.order;
    const std::string script = Verifier::driverScript();
    if (script.empty())
        return error("verify-driver", "the verify driver script is missing from this build of Tassel");
    if (auto missing = findPython())
        return *missing;
    if (auto missing = prepareFolder())
        return *missing;
    m_order = Verifier::runOrder(m_notebook, m_options);
    if (auto failed = start(script))
        return *failed;
    waitForTheEnd();
    finish();
    const bool crashed = !m_ended && m_killedCell < 0 && !m_report.cancelled && !m_report.timedOut;
    if (!m_fatal.empty())
        return error("verify-runner", m_fatal);
    // Compare, cell by cell, in document order.
    for (std::size_t i = 0; i < m_notebook.cells.size(); ++i)
        if (m_notebook.cells[i].isCode())
            m_report.cells.push_back(verifyCell(i));
    explainNotRun(crashed);
    if (crashed && !m_report.cells.empty()
        && std::none_of(m_report.cells.begin(), m_report.cells.end(),
            [](const CellVerification &c) { return c.runPosition > 0; })) {
        // The driver died before the first cell: that is an environment problem, not a result.
        const std::size_t keep = std::min<std::size_t>(m_diagnostics.size(), 2000);
        return error("verify-python",
            "the Python driver ended before running any cell: "
                + m_diagnostics.substr(m_diagnostics.size() - keep));
    }
    Verifier::maskSecrets(m_report, m_notebook);
    return std::move(m_report);
}

std::optional<Error> VerifyRun::checkOptions() const
{
    static const std::set<std::string> orders = {"document", "execution", "suggested"};
    if (!orders.count(m_options.order))
        return error(
            "verify-usage", "unknown order '" + m_options.order + "' (document, execution or suggested)");
    static const std::set<std::string> runners = {"driver", "nbclient", "auto"};
    if (!runners.count(m_options.runner))
        return error("verify-usage", "unknown runner '" + m_options.runner + "' (driver, nbclient or auto)");
    if (m_options.containment != "auto" && m_options.containment != "subreaper")
        return error(
            "verify-usage", "unknown containment '" + m_options.containment + "' (auto or subreaper)");
    return std::nullopt;
}

/// The interpreter: --python as a path or a name on PATH, else python3 on PATH.
std::optional<Error> VerifyRun::findPython()
{
    m_python = QString::fromStdString(m_options.python);
    if (m_python.isEmpty()) {
        m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (m_python.isEmpty())
            return error("verify-python", "no python3 on PATH: give the interpreter with --python");
    } else if (!m_python.contains(QLatin1Char('/'))) {
        const QString found = QStandardPaths::findExecutable(m_python);
        if (found.isEmpty())
            return error("verify-python", "no interpreter named " + m_options.python + " on PATH");
        m_python = found;
    } else if (!QFileInfo(m_python).isExecutable()) {
        return error("verify-python", m_options.python + " is not an executable file");
    }
    m_report.pythonExecutable = m_python.toStdString();
    return std::nullopt;
}

/// The folder the cells run in: the notebook's (or the one asked for), or a copy of it.
std::optional<Error> VerifyRun::prepareFolder()
{
    m_workingDirectory = QString::fromStdString(m_options.workingDirectory);
    if (m_workingDirectory.isEmpty())
        m_workingDirectory = m_notebook.path.empty()
            ? QDir::currentPath()
            : QFileInfo(QString::fromStdString(m_notebook.path)).absolutePath();
    if (!QFileInfo(m_workingDirectory).isDir())
        return error("verify-io", "working folder " + m_workingDirectory.toStdString() + " does not exist");
    m_report.workingDirectory = QFileInfo(m_workingDirectory).absoluteFilePath().toStdString();
    if (!m_options.runInCopy)
        return std::nullopt;
    const auto made = m_copy.create(m_report.workingDirectory);
    if (!made)
        return made.error();
    m_report.ranInCopy = true;
    m_report.copyDirectory = *made;
    m_workingDirectory = QString::fromStdString(*made);
    return std::nullopt;
}

/// The request: cells in run order and the stored images to hash.
std::string VerifyRun::request() const
{
    json request = {{"cells", json::array()}, {"stored_images", json::array()}, {"runner", m_options.runner}};
    for (int index : m_order) {
        const Cell &cell = m_notebook.cells[std::size_t(index)];
        const bool storedError = std::any_of(cell.outputs.begin(), cell.outputs.end(),
            [](const Output &o) { return o.type == OutputType::Error; });
        request["cells"].push_back({{"index", index}, {"source", cell.source},
            {"stop_on_error", !m_options.keepGoing && !storedError}});
    }
    for (std::size_t i = 0; i < m_notebook.cells.size(); ++i) {
        const Cell &cell = m_notebook.cells[i];
        if (!cell.isCode())
            continue;
        for (std::size_t o = 0; o < cell.outputs.size(); ++o) {
            const MimeItem *image = cell.outputs[o].find("image/png");
            if (!image)
                image = cell.outputs[o].find("image/jpeg");
            if (image)
                request["stored_images"].push_back(
                    {{"key", imageKey(int(i), int(o))}, {"data", image->data}});
        }
    }
    return request.dump(-1, ' ', false, json::error_handler_t::replace);
}

/// A minimal environment: what an interpreter needs to start, plus what the user listed.
QProcessEnvironment VerifyRun::environment() const
{
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    QProcessEnvironment environment;
    QStringList passed
        = {QStringLiteral("PATH"), QStringLiteral("HOME"), QStringLiteral("LANG"), QStringLiteral("LC_ALL"),
            QStringLiteral("LC_CTYPE"), QStringLiteral("TMPDIR"), QStringLiteral("USER"),
            QStringLiteral("LOGNAME"), QStringLiteral("VIRTUAL_ENV"), QStringLiteral("CONDA_PREFIX")};
    for (const std::string &name : m_options.environment)
        passed.append(QString::fromStdString(name));
    for (const QString &name : passed) {
        if (system.contains(name))
            environment.insert(name, system.value(name));
    }
    environment.insert(QStringLiteral("MPLBACKEND"), QStringLiteral("Agg"));
    environment.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    // Fixed string hashing so two verify runs of one notebook agree on set order.
    environment.insert(QStringLiteral("PYTHONHASHSEED"), QStringLiteral("0"));
    return environment;
}

std::optional<Error> VerifyRun::start(const std::string &script)
{
    const std::string requestText = request();
    const auto [program, arguments] = driverCommand(m_python, script, m_options);
    m_contained = program != m_python;
    m_process.setProgram(program);
    m_process.setArguments(arguments);
    m_process.setWorkingDirectory(m_workingDirectory);
    // The helper starts with the clean environment too, so no process the cells can read at
    // /proc/PID/environ holds Tassel's own.
    m_process.setProcessEnvironment(environment());
    // Its own session and process group, so a timeout or cancel can end whatever the notebook
    // started (subprocesses, pools) with one kill, should the helper fail to.
    m_process.setChildProcessModifier([] { ::setsid(); });
    m_runTimer.start();
    m_process.start();
    if (!m_process.waitForStarted(30000))
        return error("verify-python",
            "cannot start " + m_python.toStdString() + ": " + m_process.errorString().toStdString());
    m_pid = m_process.processId();
    m_report.driverPid = m_pid;
    m_process.write(requestText.data(), qint64(requestText.size()));
    m_process.closeWriteChannel();
    return std::nullopt;
}

/// One line of the driver's protocol.
void VerifyRun::handle(const std::string &line)
{
    const json event = json::parse(line, nullptr, false);
    if (event.is_discarded() || !event.is_object()) {
        m_diagnostics += line + '\n';
        return;
    }
    const std::string kind = event.value("event", std::string());
    const bool first = std::exchange(m_firstEvent, false);
    if (kind == "containment") {
        // Written by tassel-contain before the driver starts; any later one comes from a cell.
        if (!m_contained || !first)
            return;
        m_report.containment = event.value("mode", std::string("process-group"));
        m_report.containmentUserNamespace = event.value("user_namespace", false);
        m_report.containmentPrivateProc = event.value("private_proc", false);
    } else if (kind == "hello") {
        m_report.runner = event.value("runner", std::string("driver"));
        m_report.pythonVersion = event.value("python", std::string());
        if (event.contains("ipython") && event["ipython"].is_string())
            m_report.ipythonVersion = event["ipython"].get<std::string>();
    } else if (kind == "stored-images" && event.contains("images") && event["images"].is_object()) {
        for (const auto &[key, value] : event["images"].items())
            m_storedImages[key] = signatureFrom(value);
    } else if (kind == "start") {
        m_currentCell = event.value("cell", -1);
        CellRun &run = m_runs[m_currentCell];
        run.started = true;
        run.position = ++m_position;
        m_cellTimer.start();
        if (m_progress)
            m_progress(m_currentCell, m_position, int(m_order.size()));
    } else if (kind == "done") {
        handleDone(event);
    } else if (kind == "kernel") {
        handleKernel(event);
    } else if (kind == "fatal") {
        m_fatal = event.value("message", std::string("the driver could not start the run"));
    } else if (kind == "end") {
        m_ended = true;
    }
}

void VerifyRun::handleDone(const json &event)
{
    CellRun &run = m_runs[event.value("cell", -1)];
    run.done = true;
    run.failed = event.value("failed", false);
    run.count = event.value("count", 0);
    run.seconds = event.value("seconds", 0.0);
    if (event.contains("outputs") && event["outputs"].is_array())
        run.outputs = event["outputs"];
    if (event.contains("notes") && event["notes"].is_array()) {
        for (const auto &note : event["notes"]) {
            if (note.is_string())
                run.notes.push_back(note.get<std::string>());
        }
    }
    m_currentCell = -1;
}

void VerifyRun::handleKernel(const json &event)
{
    // Only the nbclient runner starts a kernel, once, before any cell runs. With the driver
    // runner the cells run in the driver and could forge this event to make Tassel kill some
    // other process group.
    if (m_report.runner != "nbclient" || m_kernelGroup > 0)
        return;
    if (event.contains("pid") && event["pid"].is_number_integer())
        m_report.kernelPid = event["pid"].get<long long>();
    if (event.contains("pgid") && event["pgid"].is_number_integer())
        m_kernelGroup = event["pgid"].get<qint64>();
    // Ids inside a PID namespace are not ours: map them, or kill nothing by them.
    if (m_report.containment == "pid-namespace") {
        m_report.kernelPid = outerPid(m_report.kernelPid, m_pid);
        m_kernelGroup = outerPid(m_kernelGroup, m_pid);
    }
}

void VerifyRun::drain()
{
    m_pending += m_process.readAllStandardOutput().toStdString();
    std::size_t newline;
    while ((newline = m_pending.find('\n')) != std::string::npos) {
        // The cells run a stranger's code, which can write to the protocol's pipe: a line of the
        // right shape with values of the wrong types must not end Tassel.
        const std::string line = m_pending.substr(0, newline);
        try {
            handle(line);
        } catch (const json::exception &error) {
            m_diagnostics += "ignored a malformed driver event (" + std::string(error.what())
                + "): " + line.substr(0, 200) + '\n';
        }
        m_pending.erase(0, newline + 1);
    }
    m_diagnostics += m_process.readAllStandardError().toStdString();
    if (m_diagnostics.size() > kDiagnosticsLimit)
        m_diagnostics.erase(0, m_diagnostics.size() - kDiagnosticsLimit);
}

/// Reads events until the driver exits, the user cancels, or the run or a cell hits its limit.
void VerifyRun::waitForTheEnd()
{
    const auto timeLimit = qint64(std::llround(m_options.timeoutSeconds * 1000));
    const auto cellLimit = qint64(std::llround(m_options.cellTimeoutSeconds * 1000));
    while (true) {
        m_process.waitForReadyRead(50);
        drain();
        if (m_process.state() == QProcess::NotRunning)
            return;
        if (m_cancel && m_cancel->load()) {
            m_report.cancelled = true;
            m_killedCell = m_currentCell;
            return;
        }
        if (m_runTimer.elapsed() > timeLimit) {
            m_report.timedOut = true;
            m_killedCell = m_currentCell;
            return;
        }
        if (m_currentCell >= 0 && m_cellTimer.isValid() && m_cellTimer.elapsed() > cellLimit) {
            m_killedCell = m_currentCell;
            return;
        }
    }
}

/// Whatever happened, nothing the notebook started outlives the run: the helper kills every
/// process of the run, then the driver's group goes, then (with the events it wrote before dying
/// read) the kernel's. A kernel whose event never came (killed in between) sees its parent go and
/// exits by itself: jupyter_client gives it JPY_PARENT_PID.
void VerifyRun::finish()
{
    endRun(m_process, m_pid, m_contained);
    drain();
    killGroup(m_kernelGroup);
    if (m_report.ranInCopy && !m_copy.remove())
        m_diagnostics += "tassel: the temporary copy " + m_report.copyDirectory + " could not be removed\n";
    m_report.seconds = double(m_runTimer.elapsed()) / 1000.0;
    m_report.driverDiagnostics = m_diagnostics;
}

/// Why a cell ended unfinished, and which processes went with it.
Message VerifyRun::killedReason(const char *id, double seconds) const
{
    const std::string killed = std::string(m_kernelGroup > 0 ? "verify.killed.both" : "verify.killed.driver")
        + (m_contained ? "-contained" : "");
    return Message(id)
        .arg("seconds", secondsText(seconds))
        .arg("killed", killed)
        .arg("containment", m_contained ? m_report.containmentDescription() : std::string());
}

/// One code cell: not run, ended while running, reproduced, or differing (with why).
CellVerification VerifyRun::verifyCell(std::size_t index) const
{
    const Cell &cell = m_notebook.cells[index];
    CellVerification result;
    result.cell = int(index);
    result.cellId = cell.id;
    result.storedExecutionCount = cell.executionCount;
    const auto found = m_runs.find(int(index));
    if (found == m_runs.end() || !found->second.started) {
        result.status = VerifyStatus::NotRun;
        if (std::find(m_order.begin(), m_order.end(), int(index)) == m_order.end())
            result.setReason(Message("verify.never-executed"));
        return result;
    }
    const CellRun &run = found->second;
    result.runPosition = run.position;
    result.seconds = run.seconds;
    result.notes = run.notes;
    result.newExecutionCount = run.count;
    if (run.done)
        compareOutputs(result, cell, run);
    else
        explainUnfinished(result);
    return result;
}

/// A cell the run ended while it ran: cancelled, out of time, or the process died.
void VerifyRun::explainUnfinished(CellVerification &result) const
{
    result.status = VerifyStatus::Error;
    result.seconds = double(m_cellTimer.elapsed()) / 1000.0;
    const bool killed = result.cell == m_killedCell;
    if (killed && m_report.cancelled) {
        result.setReason(killedReason("verify.cancelled-in-cell", 0));
    } else if (killed && m_report.timedOut) {
        result.timedOut = true;
        result.setReason(killedReason("verify.run-limit-in-cell", m_options.timeoutSeconds));
    } else if (killed) {
        result.timedOut = true;
        result.setReason(killedReason("verify.cell-limit", m_options.cellTimeoutSeconds));
    } else {
        result.setReason(Message("verify.process-ended-in-cell").arg("exit_code", m_process.exitCode()));
    }
    result.errorName = result.timedOut ? "Timeout" : m_report.cancelled ? "Cancelled" : "ProcessExited";
}

void VerifyRun::compareOutputs(CellVerification &result, const Cell &cell, const CellRun &run) const
{
    result.outputsJson = run.outputs.dump(-1, ' ', false, json::error_handler_t::replace);
    const std::vector<Output> fresh = parseOutputs(run.outputs);
    const auto stored = OutputComparer::comparable(cell.outputs, [&](int output, const MimeItem &) {
        const auto it = m_storedImages.find(imageKey(result.cell, output));
        return it == m_storedImages.end() ? ImageSignature {} : it->second;
    });
    const auto actual = OutputComparer::comparable(fresh, [&](int output, const MimeItem &item) {
        const Output &o = fresh[std::size_t(output)];
        if (o.metadata.is_object() && o.metadata.contains("tassel") && o.metadata["tassel"].is_object())
            return signatureFrom(o.metadata["tassel"].value(item.mimeType, json::object()));
        return ImageSignature {};
    });
    for (const Output &output : fresh) {
        if (output.type == OutputType::Error) {
            result.errorName = output.details().errorName;
            result.errorValue = output.details().errorValue;
            break;
        }
    }
    const OutputComparer::Difference difference
        = OutputComparer::compare(stored, actual, m_options.comparison);
    if (difference.same) {
        result.status = VerifyStatus::Reproduced;
        result.errorName.clear();
        result.errorValue.clear();
        return;
    }
    result.outputIndex = difference.outputIndex;
    result.expected = difference.expected;
    result.actual = difference.actual;
    if (run.failed) {
        result.status = VerifyStatus::Error;
        // At most 300 bytes before the ellipsis, as the sentence always had.
        const std::size_t room = 300 - std::min<std::size_t>(300, result.errorName.size() + 9);
        result.setReason(Message("verify.raised")
                             .arg("error", result.errorName)
                             .arg("value",
                                 result.errorValue.size() > room ? result.errorValue.substr(0, room) + "…"
                                                                 : result.errorValue));
    } else {
        result.status = VerifyStatus::Differs;
        Message reason = difference.reason;
        if (cell.outputs.empty() && !cell.executionCount) {
            reason = Message("verify.never-ran").arg("difference", difference.reason.id);
            reason.args.insert(
                reason.args.end(), difference.reason.args.begin(), difference.reason.args.end());
        }
        result.setReason(std::move(reason));
    }
}

/// Why the cells after the stop did not run.
void VerifyRun::explainNotRun(bool crashed)
{
    const CellVerification *stop = nullptr;
    for (const CellVerification &cell : m_report.cells) {
        if (cell.status == VerifyStatus::Error && (!stop || cell.runPosition > stop->runPosition))
            stop = &cell;
    }
    for (CellVerification &cell : m_report.cells) {
        if (cell.status != VerifyStatus::NotRun || !cell.reason.empty())
            continue;
        if (m_report.cancelled)
            cell.setReason(Message("verify.cancelled-before"));
        else if (m_report.timedOut)
            cell.setReason(
                Message("verify.run-limit-before").arg("seconds", secondsText(m_options.timeoutSeconds)));
        else if (stop)
            cell.setReason(Message(stop->timedOut ? "verify.stopped-timeout" : "verify.stopped-error")
                               .cell("stop_cell", stop->cell));
        else if (crashed)
            cell.setReason(Message("verify.process-ended-early").arg("exit_code", m_process.exitCode()));
        else
            cell.setReason(Message("verify.not-run"));
    }
}

} // namespace

Result<VerifyReport> Verifier::run(const Notebook &notebook, const VerifyOptions &options,
    const std::atomic_bool *cancel, const Progress &progress)
{
    return VerifyRun(notebook, options, cancel, progress).run();
}

std::string Verifier::driverScript()
{
    QFile file(QStringLiteral(":/tassel/verify/tassel_verify_driver.py"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

std::vector<int> Verifier::runOrder(const Notebook &notebook, const VerifyOptions &options)
{
    std::vector<int> order;
    const int cellCount = int(notebook.cells.size());
    auto isCode = [&](int i) { return i >= 0 && i < cellCount && notebook.cells[std::size_t(i)].isCode(); };
    if (options.order == "execution") {
        for (int i = 0; i < cellCount; ++i) {
            if (isCode(i) && notebook.cells[std::size_t(i)].executionCount)
                order.push_back(i);
        }
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return *notebook.cells[std::size_t(a)].executionCount
                < *notebook.cells[std::size_t(b)].executionCount;
        });
        return order;
    }
    if (options.order == "suggested" && !options.suggestedOrder.empty()) {
        std::set<int> seen;
        for (int i : options.suggestedOrder) {
            if (isCode(i) && seen.insert(i).second)
                order.push_back(i);
        }
        // Cells the suggestion leaves out (empty or unparseable ones) still run, at their place
        // in document order after the rest.
        for (int i = 0; i < cellCount; ++i) {
            if (isCode(i) && !seen.count(i))
                order.push_back(i);
        }
        return order;
    }
    for (int i = 0; i < cellCount; ++i) {
        if (isCode(i))
            order.push_back(i);
    }
    return order;
}

void Verifier::maskSecrets(VerifyReport &report, const Notebook &notebook)
{
    SecretMask mask = SecretMask::of(notebook);
    Notebook rerun; // the re-run's outputs, scanned as the stored ones are
    for (const CellVerification &cell : report.cells) {
        Cell fresh;
        fresh.type = CellType::Code;
        if (const json outputs = json::parse(cell.outputsJson, nullptr, false); outputs.is_array())
            fresh.outputs = parseOutputs(outputs);
        rerun.cells.push_back(std::move(fresh));
        for (const std::string *text : {&cell.actual, &cell.errorValue, &cell.reason})
            mask.addFoundIn(*text);
        for (const std::string &note : cell.notes)
            mask.addFoundIn(note);
    }
    mask.addFoundIn(rerun);
    if (mask.empty())
        return;
    for (CellVerification &cell : report.cells) {
        for (std::string *text : {&cell.reason, &cell.expected, &cell.actual, &cell.errorValue})
            *text = mask.preview(std::move(*text));
        for (auto &[name, value] : cell.reasonKey.args)
            value = mask.preview(std::move(value));
        for (std::string &note : cell.notes)
            note = mask.preview(std::move(note));
        cell.outputsJson = mask.hide(std::move(cell.outputsJson));
    }
    report.driverDiagnostics = mask.preview(std::move(report.driverDiagnostics));
}

void Verifier::explain(VerifyReport &report, const NotebookAnalysis &analysis)
{
    DivergenceExplainer::explain(report, analysis);
}

Result<bool> Verifier::saveExecuted(
    const std::string &originalPath, const VerifyReport &report, const std::string &target)
{
    const QString source = QString::fromStdString(originalPath);
    const QString destination = QString::fromStdString(target);
    if (QFileInfo(source).canonicalFilePath() == QFileInfo(destination).absoluteFilePath()
        || QFileInfo(source).canonicalFilePath() == QFileInfo(destination).canonicalFilePath())
        return Error::of(
            "verify-usage", "refusing to overwrite the notebook itself; choose another file", target);
    QFile file(source);
    if (!file.open(QIODevice::ReadOnly))
        return Error::of("verify-io", "cannot read: " + file.errorString().toStdString(), originalPath);
    const QByteArray bytes = file.readAll();
    json document = json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (document.is_discarded() || !document.is_object() || !document.contains("cells")
        || !document["cells"].is_array())
        return Error::of("verify-io", "not a notebook (no cells array)", originalPath);
    json &cells = document["cells"];
    for (const CellVerification &cell : report.cells) {
        if (cell.cell < 0 || std::size_t(cell.cell) >= cells.size() || cell.runPosition == 0)
            continue;
        json &node = cells[std::size_t(cell.cell)];
        if (!node.is_object())
            continue;
        json outputs
            = cell.outputsJson.empty() ? json::array() : json::parse(cell.outputsJson, nullptr, false);
        if (outputs.is_discarded())
            outputs = json::array();
        // The hashes are Tassel's, not the notebook's.
        for (json &output : outputs) {
            if (output.is_object() && output.contains("metadata") && output["metadata"].is_object())
                output["metadata"].erase("tassel");
        }
        node["outputs"] = outputs;
        node["execution_count"] = cell.newExecutionCount > 0 ? json(cell.newExecutionCount) : json(nullptr);
    }
    std::string text = document.dump(1, ' ', false, json::error_handler_t::replace) + '\n';
    // Secrets go out masked, as in graduation's notebook copy: whatever the scanner finds in the
    // written notebook, sources and outputs old and new (a cell may print a token it read).
    const auto written = NotebookLoader().loadBytes(text, target);
    if (!written)
        return Error::of(
            "verify-io", "the executed copy does not load back: " + written.error().message, target);
    text = SecretMask::of(*written).hide(std::move(text));
    QSaveFile out(destination);
    if (!out.open(QIODevice::WriteOnly) || out.write(text.data(), qint64(text.size())) != qint64(text.size())
        || !out.commit())
        return Error::of("verify-io", "cannot write: " + out.errorString().toStdString(), target);
    return true;
}

} // namespace tassel
