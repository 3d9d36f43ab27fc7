// File → Export Report and the main toolbar, on a real window offscreen: each format is written
// by the CLI's writers, parses (JSON, SARIF) or names the notebook, and never lands on the notebook.
#include "shell/mainwindow.h"

#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace tassel::ui;

namespace {
const QString kExample = QStringLiteral(TASSEL_SOURCE_DIR "/resources/examples/penguins.ipynb");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestExportReport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void writesEachFormat_data();
    void writesEachFormat();
    void refusesTheNotebook();
    void toolbarHoldsMainActions();
};

void TestExportReport::writesEachFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("file");
    QTest::addRow("html") << QStringLiteral("html") << QStringLiteral("report.html");
    QTest::addRow("markdown") << QStringLiteral("markdown") << QStringLiteral("report.md");
    QTest::addRow("sarif") << QStringLiteral("sarif") << QStringLiteral("report.sarif");
    QTest::addRow("json") << QStringLiteral("json") << QStringLiteral("report.json");
}

void TestExportReport::writesEachFormat()
{
    QFETCH(QString, format);
    QFETCH(QString, file);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString notebook = folder.filePath(QStringLiteral("penguins.ipynb"));
    QVERIFY(QFile::copy(kExample, notebook));
    MainWindow window;
    QVERIFY(!window.exportAction()->isEnabled());
    QSignalSpy ready(&window, &MainWindow::analysisReady);
    QVERIFY(window.openFile(notebook));
    QVERIFY(ready.wait(30000));
    QVERIFY(window.exportAction()->isEnabled());

    const QString path = folder.filePath(file);
    QCOMPARE(window.exportReport(path, format), QString());
    const QByteArray content = readAll(path);
    QVERIFY2(content.contains("penguins"), content.left(400).constData());
    if (format == QStringLiteral("json") || format == QStringLiteral("sarif")) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(content, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(document.isObject());
        if (format == QStringLiteral("sarif"))
            QCOMPARE(document.object().value(QStringLiteral("version")).toString(), QStringLiteral("2.1.0"));
    }
    // Exporting again replaces the file whole (QSaveFile), never appends.
    QCOMPARE(window.exportReport(path, format), QString());
    QCOMPARE(readAll(path), content);
}

void TestExportReport::refusesTheNotebook()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString notebook = folder.filePath(QStringLiteral("penguins.ipynb"));
    QVERIFY(QFile::copy(kExample, notebook));
    const QByteArray before = readAll(notebook);
    MainWindow window;
    QSignalSpy ready(&window, &MainWindow::analysisReady);
    QVERIFY(window.openFile(notebook));
    QVERIFY(ready.wait(30000));
    QVERIFY(!window.exportReport(notebook, QStringLiteral("json")).isEmpty());
    QVERIFY(!window.exportReport(folder.path() + QStringLiteral("/./penguins.ipynb"), QStringLiteral("html"))
                 .isEmpty());
    QCOMPARE(readAll(notebook), before);
    QVERIFY(!window.exportReport(folder.filePath(QStringLiteral("r.txt")), QStringLiteral("text")).isEmpty());
}

void TestExportReport::toolbarHoldsMainActions()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QToolBar *bar = window.mainToolBar();
    QVERIFY(bar);
    QVERIFY(bar->isVisible());
    QStringList names;
    for (const QAction *action : bar->actions())
        names.append(action->objectName().isEmpty() ? action->text() : action->objectName());
    QCOMPARE(bar->actions().size(), 5);
    QVERIFY(bar->actions().contains(window.verifyAction()));
    QVERIFY(bar->actions().contains(window.exportAction()));
    QVERIFY2(names.contains(QStringLiteral("graduateAction")), qPrintable(names.join(QLatin1Char(' '))));
    QVERIFY2(names.contains(QStringLiteral("openFolderAction")), qPrintable(names.join(QLatin1Char(' '))));
}

QTEST_MAIN(TestExportReport)
#include "tst_exportreport.moc"
