// The per-user record of verification runs is shared by every `tassel verify` and every GUI:
// writers that add at the same moment must not lose each other's runs. Real files in a temporary
// folder, real threads; each add() goes through the same path and lock as a separate process.
#include "verify/verificationrecord.h"

#include <QDir>
#include <QLockFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>

using namespace tassel;

namespace {

VerificationRecord::Run runOf(const std::string &path)
{
    VerificationRecord::Run run;
    run.path = path;
    run.sha256 = std::string(64, 'a');
    run.time = "2026-03-04T05:06:07Z";
    run.verdict = "reproduced";
    run.reproduced = 1;
    run.cells = 1;
    return run;
}

/// The n-th notebook a writer verifies.
std::string notebookOf(int writer, int n)
{
    return "/data/w" + std::to_string(writer) + "/n" + std::to_string(n) + ".ipynb";
}

} // namespace

class TestVerificationRecord : public QObject
{
    Q_OBJECT
private slots:
    void concurrentWritersLoseNothing_data();
    void concurrentWritersLoseNothing();
    void waitsForTheLockHolder();
};

void TestVerificationRecord::concurrentWritersLoseNothing_data()
{
    QTest::addColumn<int>("writers");
    QTest::addColumn<int>("runsEach");
    QTest::addRow("two writers") << 2 << 12;
    QTest::addRow("four writers") << 4 << 4;
}

/// Every writer adds runs of its own notebooks at the same time; the record ends with all of them.
void TestVerificationRecord::concurrentWritersLoseNothing()
{
    QFETCH(int, writers);
    QFETCH(int, runsEach);
    QTemporaryDir data;
    QVERIFY(data.isValid());
    const std::string file = data.filePath(QStringLiteral("Tassel/verifications.json")).toStdString();
    std::atomic<int> ready = 0;
    std::vector<std::string> errors(static_cast<std::size_t>(writers));
    std::vector<std::thread> threads;
    for (int writer = 0; writer < writers; ++writer)
        threads.emplace_back([&, writer] {
            // Start together, so the read-modify-write cycles overlap.
            ++ready;
            while (ready < writers)
                std::this_thread::yield();
            for (int n = 0; n < runsEach && errors[std::size_t(writer)].empty(); ++n)
                errors[std::size_t(writer)] = VerificationRecord::add(runOf(notebookOf(writer, n)), file);
        });
    for (std::thread &thread : threads)
        thread.join();
    for (const std::string &error : errors)
        QCOMPARE(error, std::string());
    const auto runs = VerificationRecord::read(file);
    QCOMPARE(int(runs.size()), writers * runsEach);
    for (int writer = 0; writer < writers; ++writer)
        for (int n = 0; n < runsEach; ++n) {
            const std::string path = notebookOf(writer, n);
            QVERIFY2(std::any_of(runs.begin(), runs.end(), [&](const auto &run) { return run.path == path; }),
                path.c_str());
        }
    // The lock is released: nothing but the record is left in its folder.
    QCOMPARE(QDir(data.filePath(QStringLiteral("Tassel"))).entryList(QDir::Files | QDir::Hidden),
        QStringList {QStringLiteral("verifications.json")});
}

/// A writer that finds the record locked (another process is adding) waits, then adds its run to
/// what that process wrote, instead of overwriting it.
void TestVerificationRecord::waitsForTheLockHolder()
{
    QTemporaryDir data;
    QVERIFY(data.isValid());
    const std::string file = data.filePath(QStringLiteral("verifications.json")).toStdString();
    QCOMPARE(VerificationRecord::add(runOf("/data/first.ipynb"), file), std::string());
    QLockFile lock(QString::fromStdString(file) + QStringLiteral(".lock"));
    QVERIFY(lock.tryLock(0));
    std::string error = "not finished";
    std::unique_ptr<QThread> writer(
        QThread::create([&] { error = VerificationRecord::add(runOf("/data/third.ipynb"), file); }));
    writer->start();
    QVERIFY(!writer->wait(300));
    // What the lock holder writes meanwhile is kept.
    QCOMPARE(VerificationRecord::add(runOf("/data/second.ipynb"), file + ".unused"), std::string());
    QVERIFY(QFile::remove(QString::fromStdString(file)));
    QVERIFY(QFile::rename(QString::fromStdString(file + ".unused"), QString::fromStdString(file)));
    lock.unlock();
    QVERIFY(writer->wait(10000));
    QCOMPARE(error, std::string());
    const auto runs = VerificationRecord::read(file);
    QCOMPARE(runs.size(), std::size_t(2));
    QCOMPARE(runs[0].path, std::string("/data/second.ipynb"));
    QCOMPARE(runs[1].path, std::string("/data/third.ipynb"));
}

QTEST_GUILESS_MAIN(TestVerificationRecord)
#include "tst_verificationrecord.moc"
