// bench_gui is run by hand and by packaging/dev bench: a notebook it cannot open must end it
// with the error and a non-zero exit, never leave it waiting for a click on a hidden warning.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestBenchGui : public QObject
{
    Q_OBJECT
private slots:
    void notebookThatDoesNotOpen_data();
    void notebookThatDoesNotOpen();
};

void TestBenchGui::notebookThatDoesNotOpen_data()
{
    QTest::addColumn<QString>("name"); // in a temporary folder
    QTest::addColumn<QByteArray>("content"); // empty: the file does not exist
    QTest::addRow("missing file") << QStringLiteral("no-such.ipynb") << QByteArray();
    QTest::addRow("not JSON") << QStringLiteral("broken.ipynb") << QByteArray("{\"cells\": [");
    QTest::addRow("a folder") << QStringLiteral("folder.ipynb") << QByteArray("/");
}

void TestBenchGui::notebookThatDoesNotOpen()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(name);
    if (content == "/") {
        QVERIFY(QDir().mkpath(path));
    } else if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(content) == content.size());
    }
    QProcess bench;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    bench.setProcessEnvironment(environment);
    bench.start(QStringLiteral(BENCH_GUI_BINARY), {path});
    const bool finished = bench.waitForFinished(30000);
    if (!finished) {
        bench.kill();
        bench.waitForFinished();
    }
    QVERIFY2(finished, "bench_gui still runs after 30 s");
    const QString error = QString::fromUtf8(bench.readAllStandardError());
    QCOMPARE(bench.exitStatus(), QProcess::NormalExit);
    QCOMPARE(bench.exitCode(), 1);
    QVERIFY2(error.contains(name), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestBenchGui)
#include "tst_benchgui.moc"
