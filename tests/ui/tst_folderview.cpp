// File → Open Folder: the folder view lists every notebook under a folder with the counts
// `tassel check --format json` reports for the same files (the same batch checker runs), sorts,
// cancels, and opens a notebook in the main window on double-click. Real notebooks, the real
// CLI, the model tester on.
#include "shell/foldermodel.h"
#include "shell/folderview.h"
#include "shell/mainwindow.h"

#include "analysis/verdictbuilder.h"
#include "cli/batchcheck.h"
#include "verify/verificationrecord.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace tassel;
using namespace tassel::ui;

namespace {
const QString kAnalysisFolder = QStringLiteral(TASSEL_TEST_DATA_DIR "/analysis");
const QString kCorpusFolder = QStringLiteral(TASSEL_TEST_DATA_DIR "/corpus");

struct Counts
{
    QString status;
    int errors = 0;
    int warnings = 0;
    int secrets = 0;
    bool unreadable = false;

    bool operator==(const Counts &) const = default;
};

QString describe(const Counts &c)
{
    return QStringLiteral("%1 e%2 w%3 s%4%5")
        .arg(c.status)
        .arg(c.errors)
        .arg(c.warnings)
        .arg(c.secrets)
        .arg(c.unreadable ? QStringLiteral(" unreadable") : QString());
}

/// What `tassel check --format json` says of each notebook under `folder`, by absolute path.
QMap<QString, Counts> checkJson(const QString &folder)
{
    QProcess process;
    process.setWorkingDirectory(folder);
    process.start(QStringLiteral(TASSEL_BINARY),
        {QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--quiet"), QStringLiteral("--fail-on"), QStringLiteral("never"), folder});
    if (!process.waitForFinished(120000))
        return {};
    QMap<QString, Counts> result;
    const QJsonObject report = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    for (const QJsonValue &value : report.value(QStringLiteral("notebooks")).toArray()) {
        const QJsonObject notebook = value.toObject();
        Counts counts;
        counts.unreadable = !notebook.value(QStringLiteral("error")).isNull();
        counts.status = counts.unreadable
            ? QStringLiteral("unreadable")
            : notebook.value(QStringLiteral("verdict")).toObject().value(QStringLiteral("status")).toString();
        for (const QJsonValue &f : notebook.value(QStringLiteral("findings")).toArray()) {
            const QString severity = f.toObject().value(QStringLiteral("severity")).toString();
            counts.errors += severity == QStringLiteral("error");
            counts.warnings += severity == QStringLiteral("warning");
            counts.secrets += f.toObject().value(QStringLiteral("rule")).toString()
                == QStringLiteral("hardcoded-secret");
        }
        result.insert(
            QDir::cleanPath(QDir(folder).absoluteFilePath(notebook.value(QStringLiteral("path")).toString())),
            counts);
    }
    return result;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray codeNotebook(const QString &source)
{
    const QJsonObject cell {{QStringLiteral("cell_type"), QStringLiteral("code")},
        {QStringLiteral("execution_count"), 1}, {QStringLiteral("metadata"), QJsonObject()},
        {QStringLiteral("outputs"), QJsonArray()}, {QStringLiteral("source"), source}};
    const QJsonObject notebook {{QStringLiteral("cells"), QJsonArray {cell}},
        {QStringLiteral("metadata"), QJsonObject()}, {QStringLiteral("nbformat"), 4},
        {QStringLiteral("nbformat_minor"), 5}};
    return QJsonDocument(notebook).toJson();
}

/// A GitHub-token-shaped value, assembled at run time so the repository holds no such literal.
QString tokenShaped()
{
    const QString alphabet = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    QString token = QStringLiteral("gh") + QStringLiteral("p_");
    for (int i = 0; i < 36; ++i)
        token += alphabet[(i * 17 + 5) % alphabet.size()];
    return token;
}

/// A folder a team lead might open: a secret, an unreadable file, a nested notebook, and a
/// checkpoint copy that `tassel check` skips.
bool makeMixedFolder(const QString &root)
{
    const QString nested = root + QStringLiteral("/team/alice");
    return writeFile(root + QStringLiteral("/leaky.ipynb"),
               codeNotebook(QStringLiteral("token = \"%1\"\nprint(len(token))\n").arg(tokenShaped())))
        && writeFile(root + QStringLiteral("/broken.ipynb"), "{\"cells\": [") && QDir().mkpath(nested)
        && QFile::copy(kAnalysisFolder + QStringLiteral("/out_of_order.ipynb"),
            nested + QStringLiteral("/out_of_order.ipynb"))
        && writeFile(root + QStringLiteral("/.ipynb_checkpoints/leaky-checkpoint.ipynb"),
            codeNotebook(QStringLiteral("x = 1\n")));
}

bool waitForCheck(FolderView &view)
{
    if (!view.isBusy())
        return true;
    QSignalSpy finished(&view, &FolderView::checkFinished);
    return finished.wait(120000);
}
} // namespace

class TestFolderView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void countsMatchCheck_data();
    void countsMatchCheck();
    void sortsByColumn_data();
    void sortsByColumn();
    void cancelStopsTheCheck();
    void doubleClickOpensNotebook();
    void lastVerificationFollowsTheContent_data();
    void lastVerificationFollowsTheContent();
    void cliVerifyRecordsTheRun();
};

void TestFolderView::countsMatchCheck_data()
{
    QTest::addColumn<bool>("mixed");
    QTest::addColumn<int>("expectedRows");
    QTest::addRow("analysis fixtures") << false << 8;
    QTest::addRow("secret, unreadable, nested, checkpoint skipped") << true << 3;
}

void TestFolderView::countsMatchCheck()
{
    QFETCH(bool, mixed);
    QFETCH(int, expectedRows);
    QTemporaryDir temporary;
    QString folder = kAnalysisFolder;
    if (mixed) {
        QVERIFY(temporary.isValid());
        folder = temporary.path();
        QVERIFY(makeMixedFolder(folder));
    }
    FolderView view;
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(
        view.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.openFolder(folder);
    QVERIFY(waitForCheck(view));
    QVERIFY(!view.progressBar()->isVisible());

    const QMap<QString, Counts> expected = checkJson(folder);
    QCOMPARE(expected.size(), expectedRows);
    QCOMPARE(view.model()->rowCount(), expectedRows);
    int secrets = 0;
    int unreadable = 0;
    for (const FolderEntry &entry : view.model()->entries()) {
        QVERIFY2(expected.contains(entry.path), qPrintable(entry.path));
        const QString status = entry.status ? QString::fromUtf8(VerdictBuilder::statusName(*entry.status))
                                            : FolderModel::statusText(entry);
        Counts shown {status, entry.errors, entry.warnings, entry.secrets, !entry.status};
        QCOMPARE(describe(shown), describe(expected.value(entry.path)));
        secrets += entry.secrets;
        unreadable += entry.status ? 0 : 1;
    }
    // The mixed folder must exercise what it is for.
    if (mixed) {
        QVERIFY(secrets > 0);
        QCOMPARE(unreadable, 1);
    }
    QVERIFY(view.summaryLabel()->text().contains(QString::number(expectedRows)));
}

void TestFolderView::sortsByColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addRow("status") << int(FolderModel::StatusColumn);
    QTest::addRow("errors") << int(FolderModel::ErrorsColumn);
    QTest::addRow("warnings") << int(FolderModel::WarningsColumn);
    QTest::addRow("notebook") << int(FolderModel::NotebookColumn);
}

void TestFolderView::sortsByColumn()
{
    QFETCH(int, column);
    FolderView view;
    QAbstractItemModelTester proxyTester(
        view.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.openFolder(kAnalysisFolder);
    QVERIFY(waitForCheck(view));
    view.table()->sortByColumn(column, Qt::DescendingOrder);
    const QSortFilterProxyModel *proxy = view.proxy();
    QVERIFY(proxy->rowCount() > 2);
    for (int row = 1; row < proxy->rowCount(); ++row) {
        const QVariant before = proxy->index(row - 1, column).data(FolderModel::SortRole);
        const QVariant after = proxy->index(row, column).data(FolderModel::SortRole);
        QVERIFY2(QVariant::compare(before, after) != QPartialOrdering::Less,
            qPrintable(before.toString() + QStringLiteral(" < ") + after.toString()));
    }
    // Not all equal, or the order proves nothing.
    QVERIFY(proxy->index(0, column).data(FolderModel::SortRole)
        != proxy->index(proxy->rowCount() - 1, column).data(FolderModel::SortRole));
}

void TestFolderView::cancelStopsTheCheck()
{
    FolderView view;
    view.show();
    view.openFolder(kCorpusFolder);
    QVERIFY(view.isBusy());
    QVERIFY(view.progressBar()->isVisible());
    view.cancel();
    QVERIFY(waitForCheck(view));
    QVERIFY(!view.progressBar()->isVisible());
    int notChecked = 0;
    for (const FolderEntry &entry : view.model()->entries())
        notChecked += entry.problem == QLatin1String(cli::kCancelledError) ? 1 : 0;
    // Two cores at most were busy when the cancel came: most of the 31 notebooks never started.
    QVERIFY2(notChecked > 10, qPrintable(QString::number(notChecked)));
    QVERIFY(view.summaryLabel()->text().contains(QString::number(notChecked)));
}

void TestFolderView::doubleClickOpensNotebook()
{
    MainWindow window;
    window.setAskBeforeReload(false);
    window.show();
    FolderView *view = window.openFolder(kAnalysisFolder);
    QVERIFY(view);
    QVERIFY(QTest::qWaitForWindowExposed(view));
    QVERIFY(waitForCheck(*view));
    view->table()->sortByColumn(FolderModel::NotebookColumn, Qt::AscendingOrder);
    const QModelIndexList hits = view->proxy()->match(view->proxy()->index(0, FolderModel::NotebookColumn),
        Qt::DisplayRole, QStringLiteral("linear.ipynb"), 1, Qt::MatchExactly);
    QVERIFY2(hits.size() == 1, qPrintable(QString::number(view->proxy()->rowCount())));
    QTableView *table = view->table();
    table->scrollTo(hits.first());
    const QPoint centre = table->visualRect(hits.first()).center();
    QSignalSpy loaded(&window, &MainWindow::notebookLoaded);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
    QVERIFY(loaded.count() > 0 || loaded.wait(30000));
    QCOMPARE(window.currentPath(), QDir::cleanPath(kAnalysisFolder + QStringLiteral("/linear.ipynb")));
}

namespace {
/// The folder view of `folder` once its check is done: the "Last verification" text and tooltip
/// of its only notebook.
QStringList verificationShown(const QString &folder)
{
    FolderView view;
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.openFolder(folder);
    if (!waitForCheck(view) || view.model()->rowCount() != 1)
        return {};
    const QModelIndex cell = view.model()->index(0, FolderModel::VerifiedColumn);
    return {cell.data().toString(), cell.data(Qt::ToolTipRole).toString()};
}
} // namespace

void TestFolderView::lastVerificationFollowsTheContent_data()
{
    QTest::addColumn<bool>("recorded");
    QTest::addColumn<int>("reproduced"); // of 2 code cells
    QTest::addColumn<bool>("editedAfter");
    QTest::addColumn<QString>("shown");
    QTest::addRow("never verified") << false << 0 << false << QStringLiteral("never");
    QTest::addRow("verified, reproduced") << true << 2 << false << QStringLiteral(": reproduced");
    QTest::addRow("verified, diverged") << true << 1 << false << QStringLiteral(": 1 of 2 reproduced");
    QTest::addRow("content changed since") << true << 2 << true << QStringLiteral("stale (");
}

/// The per-user record (VerificationRecord, in the test-mode application data folder) is what the
/// folder view shows, for the notebook's current content only.
void TestFolderView::lastVerificationFollowsTheContent()
{
    QFETCH(bool, recorded);
    QFETCH(int, reproduced);
    QFETCH(bool, editedAfter);
    QFETCH(QString, shown);
    QFile::remove(QString::fromStdString(VerificationRecord::defaultFile()));
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString notebook = folder.filePath(QStringLiteral("study.ipynb"));
    QVERIFY(writeFile(notebook, codeNotebook(QStringLiteral("x = 1\nprint(x)\n"))));
    if (recorded) {
        VerificationRecord::Run run;
        run.path = notebook.toStdString();
        run.sha256 = VerificationRecord::contentHash(run.path);
        run.time = "2026-03-04T05:06:07Z";
        run.verdict = reproduced == 2 ? "reproduced" : "diverged";
        run.reproduced = reproduced;
        run.cells = 2;
        QCOMPARE(VerificationRecord::add(run), std::string());
    }
    if (editedAfter)
        QVERIFY(writeFile(notebook, codeNotebook(QStringLiteral("x = 2\nprint(x)\n"))));
    const QStringList text = verificationShown(folder.path());
    QCOMPARE(text.size(), 2);
    QVERIFY2(text[0].contains(shown), qPrintable(text[0]));
    QVERIFY2(!text[1].isEmpty(), "no tooltip");
    // Nothing is written beside the notebook.
    QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::NoDotAndDotDot),
        QStringList {QStringLiteral("study.ipynb")});
}

/// `tassel verify` records its run in the user's application data folder (here a temporary
/// XDG_DATA_HOME), which the folder view then shows; the notebook's folder stays as it was.
void TestFolderView::cliVerifyRecordsTheRun()
{
    QTemporaryDir folder;
    QTemporaryDir data;
    QVERIFY(folder.isValid() && data.isValid());
    const QString notebook = folder.filePath(QStringLiteral("study.ipynb"));
    QVERIFY(writeFile(notebook, codeNotebook(QStringLiteral("x = 1\n"))));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TASSEL_BINARY), {QStringLiteral("verify"), notebook});
    QVERIFY(process.waitForFinished(120000));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
        process.readAllStandardError().constData());
    const QString file = data.filePath(QStringLiteral("Tassel/tassel/verifications.json"));
    const auto runs = VerificationRecord::read(file.toStdString());
    QCOMPARE(runs.size(), std::size_t(1));
    const auto found = VerificationRecord::lookup(
        runs, notebook.toStdString(), VerificationRecord::contentHash(notebook.toStdString()));
    QCOMPARE(int(found.state), int(VerificationRecord::Lookup::State::Current));
    QCOMPARE(found.run->verdict, std::string("reproduced"));
    QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::NoDotAndDotDot),
        QStringList {QStringLiteral("study.ipynb")});

    // The GUI reads the same file (here the test-mode location).
    const QString mine = QString::fromStdString(VerificationRecord::defaultFile());
    QFile::remove(mine);
    QVERIFY(QDir().mkpath(QFileInfo(mine).absolutePath()));
    QVERIFY(QFile::copy(file, mine));
    QVERIFY2(verificationShown(folder.path()).value(0).contains(QStringLiteral(": reproduced")),
        qPrintable(verificationShown(folder.path()).value(0)));
}

QTEST_MAIN(TestFolderView)
#include "tst_folderview.moc"
