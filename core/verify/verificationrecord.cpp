#include "verify/verificationrecord.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace tassel {

namespace {

constexpr int kFormatVersion = 1;

std::string cleanAbsolute(const std::string &path)
{
    return QDir::cleanPath(QFileInfo(QString::fromStdString(path)).absoluteFilePath()).toStdString();
}

nlohmann::json toJson(const VerificationRecord::Run &run)
{
    return {{"path", run.path}, {"sha256", run.sha256}, {"time", run.time}, {"verdict", run.verdict},
        {"reproduced", run.reproduced}, {"cells", run.cells}};
}

std::optional<VerificationRecord::Run> fromJson(const nlohmann::json &node)
{
    if (!node.is_object() || !node.contains("path") || !node["path"].is_string() || !node.contains("sha256")
        || !node["sha256"].is_string())
        return std::nullopt;
    VerificationRecord::Run run;
    run.path = node["path"].get<std::string>();
    run.sha256 = node["sha256"].get<std::string>();
    run.time = node.value("time", std::string());
    run.verdict = node.value("verdict", std::string());
    run.reproduced = node.value("reproduced", 0);
    run.cells = node.value("cells", 0);
    return run;
}

/// `runs` with `run` added (replacing the run of the same path and content), keeping the latest
/// kRunsPerNotebook contents of each notebook.
std::vector<VerificationRecord::Run> withRun(
    std::vector<VerificationRecord::Run> runs, const VerificationRecord::Run &run)
{
    using Run = VerificationRecord::Run;
    std::erase_if(
        runs, [&](const Run &other) { return other.path == run.path && other.sha256 == run.sha256; });
    runs.push_back(run);
    // Keep the latest contents of each notebook: the runs are in the order they were added.
    std::vector<Run> kept;
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
        const auto same
            = std::count_if(kept.begin(), kept.end(), [&](const Run &k) { return k.path == it->path; });
        if (same < VerificationRecord::kRunsPerNotebook)
            kept.push_back(*it);
    }
    std::reverse(kept.begin(), kept.end());
    return kept;
}

std::string serialise(const std::vector<VerificationRecord::Run> &runs)
{
    nlohmann::json list = nlohmann::json::array();
    for (const VerificationRecord::Run &each : runs)
        list.push_back(toJson(each));
    return nlohmann::json {{"version", kFormatVersion}, {"runs", list}}.dump(1) + "\n";
}

} // namespace

std::string VerificationRecord::defaultFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(QStringLiteral("verifications.json")).toStdString();
}

std::string VerificationRecord::contentHash(const std::string &notebookPath)
{
    QFile file(QString::fromStdString(notebookPath));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return hash.result().toHex().toStdString();
}

VerificationRecord::Run VerificationRecord::runOf(
    const VerifyReport &report, const std::string &notebookPath, const std::string &sha256)
{
    Run run;
    run.path = cleanAbsolute(notebookPath);
    run.sha256 = sha256;
    run.time = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    run.verdict = report.allReproduced() ? "reproduced" : "diverged";
    run.reproduced = report.count(VerifyStatus::Reproduced);
    run.cells = int(report.cells.size());
    return run;
}

std::string VerificationRecord::record(const VerifyReport &report, const std::string &notebookPath,
    const std::string &sha256, const std::string &file)
{
    if (report.cancelled || sha256.empty())
        return {};
    return add(runOf(report, notebookPath, sha256), file);
}

std::vector<VerificationRecord::Run> VerificationRecord::read(const std::string &file)
{
    QFile in(QString::fromStdString(file));
    if (!in.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = in.readAll();
    const nlohmann::json document = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
    std::vector<Run> runs;
    if (!document.is_object() || !document.contains("runs") || !document["runs"].is_array())
        return runs;
    for (const nlohmann::json &node : document["runs"])
        if (auto run = fromJson(node))
            runs.push_back(std::move(*run));
    return runs;
}

std::string VerificationRecord::add(const Run &run, const std::string &file)
{
    const QString path = QString::fromStdString(file);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return "cannot create the folder of " + file;
    // Another `tassel verify` or GUI may be adding too: read, change and write under one lock, so
    // neither run is lost. A lock left by a process that died is taken over (QLockFile's staleness).
    QLockFile lock(path + QStringLiteral(".lock"));
    if (!lock.tryLock(kLockTimeoutMs))
        return "cannot lock " + file + ".lock: "
            + (lock.error() == QLockFile::LockFailedError ? "another writer holds it"
                                                          : "it cannot be created");
    const std::string text = serialise(withRun(read(file), run));
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(text.data(), qint64(text.size())) != qint64(text.size())
        || !out.commit())
        return "cannot write " + file + ": " + out.errorString().toStdString();
    return {};
}

VerificationRecord::Lookup VerificationRecord::lookup(
    const std::vector<Run> &runs, const std::string &notebookPath, const std::string &sha256)
{
    const std::string path = cleanAbsolute(notebookPath);
    Lookup found;
    for (const Run &run : runs) {
        if (run.path != path)
            continue;
        if (!sha256.empty() && run.sha256 == sha256)
            return {Lookup::State::Current, run};
        // Later entries are later runs.
        found = {Lookup::State::Stale, run};
    }
    return found;
}

} // namespace tassel
