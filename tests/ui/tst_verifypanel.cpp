#include "analysis/findingspanel.h"
#include "analysis/ruletext.h"
#include "notebook/notebookview.h"
#include "shell/mainwindow.h"
#include "verify/verifydialog.h"
#include "verify/verifypanel.h"

#include "analysis/notebookanalyzer.h"
#include "analysis/secretmasking.h"
#include "notebook/notebookloader.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <memory>

using namespace tassel;
using namespace tassel::ui;

namespace {
// Generous: the build machine is shared, and the first matplotlib import builds its font cache.
constexpr int kRunTimeout = 240000;

QString verifyData(const char *name)
{
    return QStringLiteral(TASSEL_TEST_DATA_DIR "/verify/") + QLatin1String(name);
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

/// The statuses of the panel's rows, comma-separated, as the core names them.
QString statuses(const VerifyPanel *panel)
{
    QStringList names;
    const QAbstractItemModel *model = panel->model();
    for (int row = 0; row < model->rowCount(); ++row)
        names << model->index(row, VerifyPanel::CellColumn).data(VerifyPanel::StatusRole).toString();
    return names.join(QLatin1Char(','));
}

/// Every text the panel's model shows or offers as a tooltip, plus the details pane.
QString everythingShown(const VerifyPanel *panel)
{
    QString all = panel->summaryText() + QLatin1Char('\n') + panel->detailsText();
    const QAbstractItemModel *model = panel->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            const QModelIndex index = model->index(row, column);
            all += QLatin1Char('\n') + index.data(Qt::DisplayRole).toString() + QLatin1Char('\n')
                + index.data(Qt::ToolTipRole).toString();
        }
    }
    return all;
}
} // namespace

class TestVerifyPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void runsFromTheAction_data();
    void runsFromTheAction();
    void statusLineUpdatesAfterVerification();
    void clickingRowSelectsCell_data();
    void clickingRowSelectsCell();
    void cancelEndsTheRunQuickly();
    void closingWhileRunningCancels();
    void masksSecretsInExcerpts();
    void dialogRemembersChoices();
    void actionNeedsANotebook();

private:
    /// Opens `path`, waits for its analysis, triggers the Verify action and accepts the dialog
    /// with `order` and `cellTimeout`.
    void startFromAction(MainWindow &window, const QString &path, const QString &order, double cellTimeout);
};

void TestVerifyPanel::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("TasselTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_verifypanel"));
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty(),
        "these tests re-run notebooks with a real python3 on PATH (the build environment has it)");
}

void TestVerifyPanel::init()
{
    QSettings().clear();
}

void TestVerifyPanel::startFromAction(
    MainWindow &window, const QString &path, const QString &order, double cellTimeout)
{
    window.setAskBeforeReload(false);
    QSignalSpy ready(&window, &MainWindow::analysisReady);
    QVERIFY(window.openFile(path));
    QVERIFY(ready.count() > 0 || ready.wait(60000));
    QVERIFY(window.verifyAction()->isEnabled());

    window.verifyAction()->trigger();
    auto *dialog = window.findChild<VerifyDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    VerifyOptions options = dialog->options();
    QCOMPARE(options.python, std::string("python3"));
    QVERIFY(options.runInCopy);
    options.order = order.toStdString();
    options.cellTimeoutSeconds = cellTimeout;
    dialog->setOptions(options);
    dialog->accept();
    QVERIFY(window.isVerifying());
    QVERIFY(window.verifyPanel()->isRunning());
    QVERIFY(!window.verifyAction()->isEnabled()); // one run at a time
}

void TestVerifyPanel::runsFromTheAction_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("order");
    QTest::addColumn<QString>("expectedStatuses");
    QTest::addColumn<QString>("score");
    QTest::addColumn<int>("explainedCell");
    QTest::addColumn<QString>("explainingRule");

    QTest::addRow("clean notebook reproduces")
        << verifyData("clean.ipynb") << "document"
        << "reproduced,reproduced,reproduced,reproduced,reproduced,reproduced"
        << "Repeatability: 100 %" << -1 << "";
    QTest::addRow("use before definition stops at the NameError")
        << verifyData("use_before_definition.ipynb") << "document"
        << "error,not-run,not-run"
        << "Repeatability: 0 %" << 1 << "use-before-definition";
    QTest::addRow("use before definition reproduces in the suggested order")
        << verifyData("use_before_definition.ipynb") << "suggested"
        << "reproduced,reproduced,reproduced"
        << "Repeatability: 100 %" << -1 << "";
}

void TestVerifyPanel::runsFromTheAction()
{
    QFETCH(QString, file);
    QFETCH(QString, order);
    QFETCH(QString, expectedStatuses);
    QFETCH(QString, score);
    QFETCH(int, explainedCell);
    QFETCH(QString, explainingRule);

    const QByteArray before = fileHash(file);
    QVERIFY(!before.isEmpty());
    MainWindow window;
    QSignalSpy finished(&window, &MainWindow::verifyFinished);
    startFromAction(window, file, order, 120);
    if (QTest::currentTestFailed())
        return;
    VerifyPanel *panel = window.verifyPanel();
    QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kRunTimeout);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!window.isVerifying());
    QVERIFY(window.verifyAction()->isEnabled());
    QVERIFY(panel->hasReport());
    QVERIFY2(statuses(panel) == expectedStatuses,
        qPrintable(statuses(panel) + QLatin1Char('\n') + everythingShown(panel)));
    QVERIFY2(panel->summaryText().startsWith(score), qPrintable(panel->summaryText()));
    QCOMPARE(QString::fromStdString(panel->report().order), order);

    // Status is said in words, not only in colour.
    const QAbstractItemModel *model = panel->model();
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(!model->index(row, VerifyPanel::StatusColumn).data().toString().isEmpty());

    if (explainedCell >= 0) {
        const int row = panel->rowOfCell(explainedCell);
        QVERIFY(row >= 0);
        QCOMPARE(
            model->index(row, VerifyPanel::CellColumn).data().toString(), QString::number(explainedCell + 1));
        QCOMPARE(model->index(row, VerifyPanel::StatusColumn).data().toString(), VerifyPanel::tr("Error"));
        const QStringList rules
            = model->index(row, VerifyPanel::ExplanationColumn).data(VerifyPanel::RulesRole).toStringList();
        QVERIFY2(rules.contains(explainingRule), qPrintable(rules.join(QLatin1Char(','))));
        const QString explanation = model->index(row, VerifyPanel::ExplanationColumn).data().toString();
        QVERIFY2(
            explanation.contains(RuleText::title(explainingRule.toStdString())), qPrintable(explanation));
        QVERIFY2(explanation.contains(QStringLiteral("total")), qPrintable(explanation));
        QVERIFY2(model->index(row, VerifyPanel::ReasonColumn)
                     .data()
                     .toString()
                     .contains(QStringLiteral("NameError")),
            qPrintable(everythingShown(panel)));
        // The NameError shows up as what the re-run produced.
        QVERIFY2(model->index(row, VerifyPanel::ActualColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("NameError")),
            qPrintable(everythingShown(panel)));
    } else {
        QCOMPARE(panel->report().firstDivergence(), nullptr);
    }
    // (d) Verifying never touches the notebook file.
    QCOMPARE(fileHash(file), before);
}

void TestVerifyPanel::clickingRowSelectsCell_data()
{
    QTest::addColumn<int>("cell");
    QTest::addRow("the NameError cell") << 1;
    QTest::addRow("the last cell") << 3;
    QTest::addRow("the defining cell") << 2;
}

void TestVerifyPanel::clickingRowSelectsCell()
{
    QFETCH(int, cell);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy finished(&window, &MainWindow::verifyFinished);
    startFromAction(window, verifyData("use_before_definition.ipynb"), QStringLiteral("document"), 120);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kRunTimeout);
    window.notebookView()->selectCell(0);
    QCOMPARE(window.notebookView()->currentCell(), 0);

    VerifyPanel *panel = window.verifyPanel();
    QTreeView *view = panel->view();
    QTRY_VERIFY(view->isVisible());
    const int row = panel->rowOfCell(cell);
    QVERIFY(row >= 0);
    const QModelIndex index = view->model()->index(row, VerifyPanel::StatusColumn);
    view->scrollTo(index);
    const QRect rect = view->visualRect(index);
    QVERIFY(rect.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(window.notebookView()->currentCell(), cell);
    QVERIFY2(panel->detailsText().startsWith(VerifyPanel::tr("Cell %1: ").arg(cell + 1)),
        qPrintable(panel->detailsText()));
}

void TestVerifyPanel::cancelEndsTheRunQuickly()
{
    const QString file = verifyData("timeout.ipynb");
    const QByteArray before = fileHash(file);
    MainWindow window;
    QSignalSpy finished(&window, &MainWindow::verifyFinished);
    startFromAction(window, file, QStringLiteral("document"), 600);
    if (QTest::currentTestFailed())
        return;
    VerifyPanel *panel = window.verifyPanel();
    // Cell 3 (index 2) holds `time.sleep(300)`: wait until it runs, then cancel.
    QTRY_VERIFY_WITH_TIMEOUT(
        panel->progressText().startsWith(VerifyPanel::tr("Cell %1 (").arg(3)), kRunTimeout);
    QTest::qWait(300);
    QVERIFY(window.isVerifying());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(panel->cancelButton()->isEnabled());
    QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 30000);
    QVERIFY2(timer.elapsed() < 15000, "cancelling did not end the 300 s sleep quickly");
    QVERIFY(panel->report().cancelled);
    // Cell 2 prints the pid of a child process, which differs from run to run: only the
    // cancelled cell and the one after it are certain.
    QVERIFY2(statuses(panel).endsWith(QStringLiteral(",error,not-run")), qPrintable(statuses(panel)));
    QAbstractItemModel *model = panel->model();
    QCOMPARE(model->index(1, VerifyPanel::StatusColumn).data().toString(), VerifyPanel::tr("Cancelled"));
    QCOMPARE(model->index(2, VerifyPanel::StatusColumn).data().toString(), VerifyPanel::tr("Not run"));
    QVERIFY2(panel->summaryText().contains(VerifyPanel::tr("The run was cancelled.")),
        qPrintable(panel->summaryText()));
    QVERIFY(window.verifyAction()->isEnabled());
    QCOMPARE(fileHash(file), before);
}

void TestVerifyPanel::closingWhileRunningCancels()
{
    auto window = std::make_unique<MainWindow>();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    startFromAction(*window, verifyData("timeout.ipynb"), QStringLiteral("document"), 600);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY_WITH_TIMEOUT(
        window->verifyPanel()->progressText().startsWith(VerifyPanel::tr("Cell %1 (").arg(3)), kRunTimeout);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(window->close());
    QVERIFY(!window->isVerifying());
    window.reset();
    QVERIFY2(timer.elapsed() < 15000, "closing waited for the 300 s sleep");
}

void TestVerifyPanel::masksSecretsInExcerpts()
{
    // Assembled at run time so the repository holds no secret-shaped literal. No digits: the
    // generic token mask of the verify report would not catch it, only the analysis does.
    const std::string secret = std::string("Zebra!Quartz") + "#Violet^Magma" + "&Lunar~Fjord";
    Notebook notebook;
    Cell define;
    define.source = "db_password = \"" + secret + "\"";
    define.executionCount = 1;
    Cell show;
    show.source = "print(db_password)";
    show.executionCount = 2;
    notebook.cells = {define, show};
    const NotebookAnalysis analysis = analyzeNotebook(notebook);
    const auto found = std::find_if(analysis.findings.begin(), analysis.findings.end(),
        [](const Finding &f) { return f.rule == "hardcoded-secret"; });
    QVERIFY2(found != analysis.findings.end(), "the analysis did not find the password");
    QCOMPARE(SecretMask::of(notebook).size(), std::size_t(1));

    VerifyReport report;
    CellVerification first;
    first.cell = 0;
    first.status = VerifyStatus::Reproduced;
    CellVerification second;
    second.cell = 1;
    second.status = VerifyStatus::Differs;
    second.reason = "the text differs: " + secret;
    second.expected = "stored\n";
    second.actual = secret + "\n";
    Finding why = *found;
    second.explanations.push_back(why);
    report.cells = {first, second};

    VerifyPanel panel;
    panel.setReport(report, notebook);
    QVERIFY(panel.selectCell(1));
    QVERIFY(panel.view()->currentIndex().isValid());
    const QString shown = everythingShown(&panel);
    QVERIFY2(shown.contains(QStringLiteral("Differs")), qPrintable(shown));
    QVERIFY2(!shown.contains(QString::fromStdString(secret)), "a found secret is shown in clear");
    QVERIFY2(!shown.contains(QStringLiteral("Zebra!Quartz")), "part of a found secret is shown in clear");
    QVERIFY2(shown.contains(QString::fromStdString(found->maskedPreview)), qPrintable(shown));

    // Tokens the analysis did not see (a key the re-run printed) are masked too.
    const std::string key = std::string("gh") + "p_" + "Zq8vK2mX9pL4rT7wB3nY" + "6cF1aQ5sD0hJ2kLm";
    report.cells[1].actual = "key " + key;
    panel.setReport(report, notebook);
    QVERIFY(!everythingShown(&panel).contains(QString::fromStdString(key)));
}

void TestVerifyPanel::dialogRemembersChoices()
{
    {
        VerifyDialog dialog;
        const VerifyOptions defaults = dialog.options();
        QCOMPARE(defaults.python, std::string("python3"));
        QCOMPARE(defaults.cellTimeoutSeconds, VerifyOptions().cellTimeoutSeconds);
        QCOMPARE(defaults.timeoutSeconds, VerifyOptions().timeoutSeconds);
        QCOMPARE(defaults.order, std::string("document"));
        QCOMPARE(defaults.runner, std::string("driver"));
        QVERIFY(defaults.runInCopy);
        QVERIFY(defaults.environment.empty());

        VerifyOptions chosen = defaults;
        chosen.python = "/opt/venv/bin/python";
        chosen.cellTimeoutSeconds = 45;
        chosen.timeoutSeconds = 900;
        chosen.order = "execution";
        chosen.runner = "auto";
        chosen.runInCopy = false;
        dialog.setOptions(chosen);
        dialog.findChild<QLineEdit *>(QStringLiteral("environment"))
            ->setText(QStringLiteral(" DATA_DIR,, MPLBACKEND "));
        dialog.accept();
    }
    VerifyDialog again;
    const VerifyOptions remembered = again.options();
    QCOMPARE(remembered.python, std::string("/opt/venv/bin/python"));
    QCOMPARE(remembered.cellTimeoutSeconds, 45.0);
    QCOMPARE(remembered.timeoutSeconds, 900.0);
    QCOMPARE(remembered.order, std::string("execution"));
    QCOMPARE(remembered.runner, std::string("auto"));
    QVERIFY(!remembered.runInCopy);
    QCOMPARE(remembered.environment, (std::vector<std::string> {"DATA_DIR", "MPLBACKEND"}));
}

void TestVerifyPanel::actionNeedsANotebook()
{
    MainWindow window;
    QVERIFY(window.verifyAction());
    QVERIFY(!window.verifyAction()->isEnabled());
    QCOMPARE(window.showVerifyDialog(), nullptr);
    QVERIFY(!window.startVerify(VerifyOptions {}));
    QVERIFY(!window.verifyPanel()->hasReport());
    QVERIFY(window.openFile(verifyData("clean.ipynb")));
    QVERIFY(window.verifyAction()->isEnabled());
    QCOMPARE(window.verifyAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
}

/// The findings panel's status line adds what the re-run showed once it ends.
void TestVerifyPanel::statusLineUpdatesAfterVerification()
{
    MainWindow window;
    QSignalSpy finished(&window, &MainWindow::verifyFinished);
    startFromAction(window, verifyData("stale_output.ipynb"), QStringLiteral("document"), 120);
    if (QTest::currentTestFailed())
        return;
    const QString before = window.findingsPanel()->statusText();
    QVERIFY2(before.contains(FindingsPanel::tr("same outputs")), qPrintable(before));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kRunTimeout);
    const QString after = window.findingsPanel()->statusText();
    QVERIFY2(after != before, qPrintable(after));
    QVERIFY2(after.startsWith(before), qPrintable(after));
    // Cell 3 differs and the stale-output finding explains it: nothing left unexplained.
    QVERIFY2(after.endsWith(QStringLiteral("re-run: 2 of 3 code cells reproduced")), qPrintable(after));
}

QTEST_MAIN(TestVerifyPanel)
#include "tst_verifypanel.moc"
