// The graduation wizard end to end on real notebooks, with the real planner, generator and
// writer: options → plan (edited) → preview → target folder → files on disk.
#include "graduate/graduationwizard.h"
#include "graduate/wizardcontractspage.h"
#include "shell/language.h"

#include "analysis/notebookanalyzer.h"
#include "notebook/notebookloader.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <set>

using namespace tassel;
using namespace tassel::ui;

namespace {
const QString kExample = QStringLiteral(TASSEL_SOURCE_DIR "/resources/examples/penguins.ipynb");
const QString kRunLog = QStringLiteral(TASSEL_TEST_DATA_DIR "/graduate/runlog.ipynb");
const QString kSalesReport = QStringLiteral(TASSEL_TEST_DATA_DIR "/graduate/salesreport.ipynb");
const QString kHiddenState = QStringLiteral(TASSEL_TEST_DATA_DIR "/analysis/hidden_state.ipynb");

struct Loaded
{
    Notebook notebook;
    NotebookAnalysis analysis;
};

Loaded load(const QString &path)
{
    auto notebook = NotebookLoader().loadFile(path.toStdString());
    if (!notebook)
        qFatal("%s", notebook.error().toString().c_str());
    Loaded loaded {*notebook, analyzeNotebook(*notebook)};
    return loaded;
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

/// The options page makes the plan off the GUI thread: wait for it before going on.
bool planned(GraduationWizard &wizard)
{
    return QTest::qWaitFor([&] { return !wizard.isPlanning(); }, 20000);
}

bool waitForFiles(GraduationWizard &wizard)
{
    QSignalSpy generated(&wizard, &GraduationWizard::filesGenerated);
    return !wizard.files().empty() || generated.wait(20000);
}

/// From the plan to the preview, through the contracts page when an input has a contract.
void nextToPreview(GraduationWizard &wizard)
{
    wizard.next();
    if (wizard.currentId() == GraduationWizard::ContractsPageId)
        wizard.next();
}

/// From the preview to the target page, through the warnings page when there is one.
void nextToTarget(GraduationWizard &wizard)
{
    wizard.next();
    if (wizard.currentId() == GraduationWizard::WarningsPageId)
        wizard.next();
}

/// From the options page, without the re-run, to the target page once the files are generated.
bool walkToTarget(GraduationWizard &wizard)
{
    wizard.verifyBox()->setChecked(false); // the re-run page has tests of its own
    wizard.show();
    if (!planned(wizard))
        return false;
    wizard.next();
    nextToPreview(wizard);
    if (!waitForFiles(wizard))
        return false;
    nextToTarget(wizard);
    return wizard.currentId() == GraduationWizard::TargetPageId;
}

/// The row of `column` under input `input` on the contracts page.
QTreeWidgetItem *contractColumn(QTreeWidget *tree, const QString &input, const QString &column)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = tree->topLevelItem(i);
        for (int j = 0; item->text(0) == input && j < item->childCount(); ++j)
            if (item->child(j)->text(0) == column)
                return item->child(j);
    }
    return nullptr;
}

QString fileContent(const GraduationWizard &wizard, const std::string &path)
{
    for (const GeneratedFile &file : wizard.files())
        if (file.path == path)
            return QString::fromStdString(file.content);
    return {};
}

/// From the target page: writes the package into `target` and waits until it is written.
bool writeTo(GraduationWizard &wizard, const QString &target)
{
    wizard.targetEdit()->setText(target);
    QSignalSpy finished(&wizard, &GraduationWizard::writeFinished);
    wizard.next();
    return (!finished.isEmpty() || finished.wait(20000)) && finished.first().first().toBool();
}

QJsonObject jsonCell(const QString &type, const QString &id, const QString &source)
{
    QJsonObject cell {{QStringLiteral("cell_type"), type}, {QStringLiteral("id"), id},
        {QStringLiteral("metadata"), QJsonObject()}, {QStringLiteral("source"), source}};
    if (type == QStringLiteral("code")) {
        cell.insert(QStringLiteral("execution_count"), QJsonValue::Null);
        cell.insert(QStringLiteral("outputs"), QJsonArray());
    }
    return cell;
}

/// A small notebook written into `folder`: a markdown heading, then one code cell.
QString writeNotebook(const QString &folder, const QString &heading, const QString &code)
{
    const QJsonArray cells {jsonCell(QStringLiteral("markdown"), QStringLiteral("head0001"), heading),
        jsonCell(QStringLiteral("code"), QStringLiteral("code0002"), code)};
    const QJsonObject notebook {{QStringLiteral("nbformat"), 4}, {QStringLiteral("nbformat_minor"), 5},
        {QStringLiteral("metadata"), QJsonObject()}, {QStringLiteral("cells"), cells}};
    const QString path = QDir(folder).filePath(QStringLiteral("study.ipynb"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(notebook).toJson()) < 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}
} // namespace

class TestGraduationWizard : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    /// A failed row of planNotesFollowTheLanguage must not leave the other tests in German.
    void cleanup() { Language::apply(QStringLiteral("en")); }
    void writesPackageEndToEnd();
    void refusesStepNames_data();
    void refusesStepNames();
    void splitModeChangesSteps_data();
    void splitModeChangesSteps();
    void hiddenStateNeedsConsent();
    void refusesNonEmptyFolder();
    void previewHighlightsByFileType_data();
    void previewHighlightsByFileType();
    void explainsSplitModes_data();
    void explainsSplitModes();
    void planShowsPlainTitles_data();
    void planShowsPlainTitles();
    void planNotesFollowTheLanguage_data();
    void planNotesFollowTheLanguage();
    void warnsAboutUnpinnedDependencies_data();
    void warnsAboutUnpinnedDependencies();
    void lastPageOffersNextCommands();
    void pathsUnderHomeShowAsTilde_data();
    void pathsUnderHomeShowAsTilde();
    void germanTextIsNotClipped();
    void previewCitesCellNumbers();
    void rerunMarksUnreproducedSteps();
    void rerunPinsFromTheInterpreter();
    void copyLimitIsChecked_data();
    void copyLimitIsChecked();
    void uncopiedInputsReadBesideTheNotebook();
    void planArrivesOffTheGuiThread();
    void failedRerunKeepsNextDisabled();
    void backCancelsTheRerun();
    void contractsPageEditsTheContracts();
};

void TestGraduationWizard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestGraduationWizard::writesPackageEndToEnd()
{
    const Loaded loaded = load(kExample);
    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    wizard.verifyBox()->setChecked(false); // the re-run page has tests of its own
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.currentId(), int(GraduationWizard::OptionsPageId));
    wizard.packageNameEdit()->setText(QStringLiteral("penguin_stats"));
    QVERIFY(planned(wizard));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::PlanPageId));

    // One row per step; rename the first step's function through the table, as a user would.
    QTableWidget *table = wizard.planTable();
    QCOMPARE(std::size_t(table->rowCount()), wizard.plan().steps.size());
    QVERIFY(table->rowCount() >= 2);
    QCOMPARE(table->item(0, GraduationWizard::FunctionColumn)->text(),
        QString::fromStdString(wizard.plan().steps[0].name));
    table->item(0, GraduationWizard::FunctionColumn)->setText(QStringLiteral("load_measurements"));
    QCOMPARE(wizard.plan().steps[0].name, std::string("load_measurements"));
    table->item(0, GraduationWizard::TitleColumn)->setText(QStringLiteral("Read the penguin table"));
    QCOMPARE(wizard.plan().steps[0].title, std::string("Read the penguin table"));

    nextToPreview(wizard);
    QCOMPARE(wizard.currentId(), int(GraduationWizard::PreviewPageId));
    QVERIFY(waitForFiles(wizard));
    QStringList paths;
    for (const GeneratedFile &file : wizard.files())
        paths.append(QString::fromStdString(file.path));
    QVERIFY2(paths.contains(QStringLiteral("pyproject.toml")), qPrintable(paths.join(QLatin1Char(' '))));
    QVERIFY(paths.contains(QStringLiteral("src/penguin_stats/pipeline.py")));
    QVERIFY(paths.contains(QStringLiteral("src/penguin_stats/load_measurements.py")));
    // The preview opens on the pipeline, which calls the renamed step.
    QCOMPARE(wizard.fileTree()->currentItem()->data(0, Qt::UserRole).toString(),
        QStringLiteral("src/penguin_stats/pipeline.py"));
    QVERIFY2(QRegularExpression(
                 QStringLiteral("run_step\\(\"load_measurements\", \\([^)]*\\), load_measurements\\b"))
                 .match(wizard.previewEdit()->toPlainText())
                 .hasMatch(),
        qPrintable(wizard.previewEdit()->toPlainText()));

    nextToTarget(wizard);
    QCOMPARE(wizard.currentId(), int(GraduationWizard::TargetPageId));
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString target = folder.filePath(QStringLiteral("penguin-stats"));
    wizard.targetEdit()->setText(target);
    QSignalSpy finished(&wizard, &GraduationWizard::writeFinished);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::WritePageId));
    QVERIFY(finished.count() > 0 || finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(std::size_t(wizard.writeOutcome().written.size()), wizard.files().size());
    for (const QString &path : std::as_const(paths))
        QVERIFY2(QFile::exists(target + QLatin1Char('/') + path), qPrintable(path));
    QVERIFY(readAll(target + QStringLiteral("/src/penguin_stats/pipeline.py"))
                .contains(QStringLiteral("load_measurements")));
    QVERIFY(readAll(target + QStringLiteral("/pyproject.toml")).contains(QStringLiteral("penguin")));
    QVERIFY(wizard.openFolderButton()->isEnabled());
    QVERIFY(wizard.writeStatus()->text().contains(QString::number(paths.size())));
}

void TestGraduationWizard::refusesStepNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("plain identifier") << QStringLiteral("summarise_bills") << true;
    QTest::addRow("Python keyword") << QStringLiteral("class") << false;
    QTest::addRow("leading digit") << QStringLiteral("2nd_step") << false;
    QTest::addRow("space inside") << QStringLiteral("load data") << false;
    QTest::addRow("standard module") << QStringLiteral("json") << false;
    QTest::addRow("file of the package") << QStringLiteral("pipeline") << false;
    QTest::addRow("notebook variable") << QStringLiteral("penguins") << false;
    QTest::addRow("helper function") << QStringLiteral("mean_by_species") << false;
}

void TestGraduationWizard::refusesStepNames()
{
    QFETCH(QString, name);
    QFETCH(bool, accepted);
    const Loaded loaded = load(kExample);
    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    wizard.verifyBox()->setChecked(false); // the re-run page has tests of its own
    wizard.show();
    QVERIFY(planned(wizard));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::PlanPageId));
    const std::string before = wizard.plan().steps.at(1).name;
    QTableWidgetItem *item = wizard.planTable()->item(1, GraduationWizard::FunctionColumn);
    item->setText(name);
    QCOMPARE(wizard.plan().steps[1].name, accepted ? name.toStdString() : before);
    // A refused name is put back in the table, so table and plan never disagree.
    QCOMPARE(item->text(), QString::fromStdString(wizard.plan().steps[1].name));
    // Another step's name is always refused.
    QVERIFY(!wizard.renameStep(0, QString::fromStdString(wizard.plan().steps[1].name)).isEmpty());
}

void TestGraduationWizard::splitModeChangesSteps_data()
{
    QTest::addColumn<int>("split");
    QTest::addColumn<int>("steps");
    // Code cells 1, 3, 5, 7, 8, 9: the imports and the helper move out, the rest are steps.
    QTest::addRow("one per code cell") << 1 << -1;
    QTest::addRow("single function") << 2 << 1;
}

void TestGraduationWizard::splitModeChangesSteps()
{
    QFETCH(int, split);
    QFETCH(int, steps);
    const Loaded loaded = load(kExample);
    GraduationWizard headings(loaded.notebook, loaded.analysis);
    headings.show();
    QVERIFY(planned(headings));
    headings.next();
    const std::size_t byHeading = headings.plan().steps.size();

    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    wizard.verifyBox()->setChecked(false); // the re-run page has tests of its own
    wizard.show();
    wizard.splitCombo()->setCurrentIndex(split);
    QVERIFY(planned(wizard));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::PlanPageId));
    if (steps > 0)
        QCOMPARE(int(wizard.plan().steps.size()), steps);
    else
        QVERIFY(wizard.plan().steps.size() > byHeading);
    QCOMPARE(wizard.planTable()->rowCount(), int(wizard.plan().steps.size()));
}

void TestGraduationWizard::hiddenStateNeedsConsent()
{
    // Cell 2 prints `cleaned_rows`, which no cell defines: the package could not run.
    const Loaded loaded = load(kHiddenState);
    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    wizard.verifyBox()->setChecked(false); // the re-run page has tests of its own
    wizard.show();
    QVERIFY(planned(wizard));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::OptionsPageId));
    auto *page = wizard.page(GraduationWizard::OptionsPageId);
    bool explained = false;
    for (const QLabel *label : page->findChildren<QLabel *>())
        explained |= label->isVisible() && label->text().contains(QStringLiteral("cleaned_rows"));
    QVERIFY(explained);
    auto *box = page->findChild<QCheckBox *>();
    QVERIFY(box);
    box->setChecked(true);
    QVERIFY(planned(wizard));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::PlanPageId));
    QVERIFY(!wizard.plan().steps.empty());
}

void TestGraduationWizard::refusesNonEmptyFolder()
{
    const Loaded loaded = load(kExample);
    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    QVERIFY(walkToTarget(wizard));
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QFile existing(folder.filePath(QStringLiteral("notes.txt")));
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("keep me\n");
    existing.close();
    wizard.targetEdit()->setText(folder.path());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::TargetPageId));
    QVERIFY(!QFile::exists(folder.filePath(QStringLiteral("pyproject.toml"))));

    // With consent the package goes next to the existing file, which is left alone.
    auto *force = wizard.page(GraduationWizard::TargetPageId)->findChild<QCheckBox *>();
    QVERIFY(force);
    force->setChecked(true);
    QSignalSpy finished(&wizard, &GraduationWizard::writeFinished);
    wizard.next();
    QVERIFY(finished.count() > 0 || finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(QFile::exists(folder.filePath(QStringLiteral("pyproject.toml"))));
    QCOMPARE(readAll(existing.fileName()), QStringLiteral("keep me\n"));
}

void TestGraduationWizard::previewHighlightsByFileType_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("definition");
    QTest::addRow("module") << QStringLiteral("src/pkg/pipeline.py") << QStringLiteral("Python");
    QTest::addRow("project file") << QStringLiteral("pyproject.toml") << QStringLiteral("TOML");
    QTest::addRow("readme") << QStringLiteral("README.md") << QStringLiteral("Markdown");
    QTest::addRow("run script") << QStringLiteral("run.sh") << QStringLiteral("Bash");
}

void TestGraduationWizard::previewHighlightsByFileType()
{
    QFETCH(QString, path);
    QFETCH(QString, definition);
    QCOMPARE(GraduationWizard::definitionNameFor(path), definition);
}

void TestGraduationWizard::explainsSplitModes_data()
{
    QTest::addColumn<int>("split");
    QTest::addColumn<QString>("word");
    QTest::addRow("headings") << 0 << QStringLiteral("heading");
    QTest::addRow("cells") << 1 << QStringLiteral("code cell");
    QTest::addRow("single") << 2 << QStringLiteral("one function");
}

void TestGraduationWizard::explainsSplitModes()
{
    QFETCH(int, split);
    QFETCH(QString, word);
    const Loaded loaded = load(kExample);
    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    wizard.verifyBox()->setChecked(false); // the re-run page has tests of its own
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    wizard.splitCombo()->setCurrentIndex(split);
    // The explanation sits on the options page itself and follows the choice.
    QVERIFY(wizard.splitHelp()->isVisible());
    QVERIFY2(wizard.splitHelp()->text().contains(word, Qt::CaseInsensitive),
        qPrintable(wizard.splitHelp()->text()));
}

void TestGraduationWizard::planShowsPlainTitles_data()
{
    QTest::addColumn<QString>("heading");
    QTest::addColumn<QString>("shown");
    QTest::addRow("emphasis") << QStringLiteral("## Load the *raw* data")
                              << QStringLiteral("Load the raw data");
    QTest::addRow("underscore and code")
        << QStringLiteral("## Fit `model` on _clean_ rows") << QStringLiteral("Fit model on clean rows");
    QTest::addRow("link") << QStringLiteral("## Read [the docs](https://example.org) first")
                          << QStringLiteral("Read the docs first");
    QTest::addRow("long title") << QStringLiteral("## ")
            + QStringLiteral("Very long section title ").repeated(12)
                                << QStringLiteral("Very long section title ").repeated(12).trimmed();
}

void TestGraduationWizard::planShowsPlainTitles()
{
    QFETCH(QString, heading);
    QFETCH(QString, shown);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const Loaded loaded
        = load(writeNotebook(folder.path(), heading, QStringLiteral("rows = [1, 2, 3]\nprint(len(rows))\n")));
    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    wizard.verifyBox()->setChecked(false); // the re-run page has tests of its own
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(planned(wizard));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::PlanPageId));
    QTableWidget *table = wizard.planTable();
    QCOMPARE(table->rowCount(), 1);
    QTableWidgetItem *title = table->item(0, GraduationWizard::TitleColumn);
    QCOMPARE(title->text(), shown);
    QCOMPARE(title->toolTip(), shown);
    // The cells column cites the numbers the view shows, the ids only in its tooltip.
    QCOMPARE(table->item(0, GraduationWizard::CellsColumn)->text(), QStringLiteral("2"));
    QVERIFY(table->item(0, GraduationWizard::CellsColumn)->toolTip().contains(QStringLiteral("code0002")));
    // However long the title, the function and cells columns stay in sight.
    QTest::qWait(0);
    const int cellsRight = table->columnViewportPosition(GraduationWizard::CellsColumn)
        + table->columnWidth(GraduationWizard::CellsColumn);
    QVERIFY2(cellsRight <= table->viewport()->width(),
        qPrintable(QStringLiteral("%1 > %2").arg(cellsRight).arg(table->viewport()->width())));
    // Showing the plain text is no edit: the plan keeps the heading as written.
    QCOMPARE(QString::fromStdString(wizard.plan().steps[0].title), heading.mid(3).trimmed());
}

void TestGraduationWizard::planNotesFollowTheLanguage_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("german");
    QTest::addRow("cd magic") << QStringLiteral("%cd data\nrows = [1, 2]\n")
                              << QStringLiteral("Cell 2: %cd turned into os.chdir(...)")
                              << QStringLiteral("Zelle 2: %cd wurde zu os.chdir(...)");
    QTest::addRow("shell command") << QStringLiteral("!ls\nrows = [1, 2]\n")
                                   << QStringLiteral("Cell 2: !... turned into run_shell(...)")
                                   << QStringLiteral("Zelle 2: !... wurde zu run_shell(...)");
    QTest::addRow("session magic, with an argument")
        << QStringLiteral("%matplotlib inline\nrows = [1, 2]\n")
        << QStringLiteral("Cell 2: %matplotlib removed (interactive session only)")
        << QStringLiteral("Zelle 2: %matplotlib entfernt (nur für die interaktive Sitzung)");
    QTest::addRow("help request") << QStringLiteral("len?\nrows = [1, 2]\n")
                                  << QStringLiteral("Cell 2: help request len? removed")
                                  << QStringLiteral("Zelle 2: Hilfeanfrage len? entfernt");
}

/// Plan notes come from core as a message id and arguments: the plan page shows them in the
/// GUI's language, the package README keeps the English sentence.
void TestGraduationWizard::planNotesFollowTheLanguage()
{
    QFETCH(QString, code);
    QFETCH(QString, english);
    QFETCH(QString, german);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const Loaded loaded = load(writeNotebook(folder.path(), QStringLiteral("## Rows"), code));
    for (const QString &language : {QStringLiteral("de"), QStringLiteral("en")}) {
        QVERIFY(Language::apply(language));
        GraduationWizard wizard(loaded.notebook, loaded.analysis);
        wizard.verifyBox()->setChecked(false);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QVERIFY(planned(wizard));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(GraduationWizard::PlanPageId));
        auto *notes = wizard.findChild<QPlainTextEdit *>(QStringLiteral("planNotes"));
        QVERIFY(notes);
        QCOMPARE(notes->toPlainText(), language == QStringLiteral("de") ? german : english);
        nextToPreview(wizard);
        QVERIFY(waitForFiles(wizard));
        const QString sentence = english.mid(english.indexOf(QLatin1Char(':')) + 2);
        QVERIFY2(fileContent(wizard, "README.md").contains(sentence), qPrintable(sentence));
    }
}

void TestGraduationWizard::warnsAboutUnpinnedDependencies_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("warned");
    QTest::addRow("unpinned import") << QStringLiteral("import pandas as pd\nframe = pd.DataFrame()\n")
                                     << true;
    QTest::addRow("pinned by %%pip") << QStringLiteral(
        "%pip install pandas==2.2.3\nimport pandas as pd\nframe = pd.DataFrame()\n")
                                     << false;
    QTest::addRow("standard library only")
        << QStringLiteral("import json\ntext = json.dumps([1])\n") << false;
}

void TestGraduationWizard::warnsAboutUnpinnedDependencies()
{
    QFETCH(QString, code);
    QFETCH(bool, warned);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const Loaded loaded = load(writeNotebook(folder.path(), QStringLiteral("# Study"), code));
    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    wizard.verifyBox()->setChecked(false); // the re-run page has tests of its own
    wizard.show();
    QVERIFY(planned(wizard));
    wizard.next();
    nextToPreview(wizard);
    QCOMPARE(wizard.currentId(), int(GraduationWizard::PreviewPageId));
    QVERIFY(waitForFiles(wizard));
    wizard.next();
    QCOMPARE(
        wizard.currentId(), int(warned ? GraduationWizard::WarningsPageId : GraduationWizard::TargetPageId));
    if (warned) {
        QVERIFY2(wizard.warningsLabel()->text().contains(QStringLiteral("pandas: version unknown")),
            qPrintable(wizard.warningsLabel()->text()));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(GraduationWizard::TargetPageId));
    }
}

void TestGraduationWizard::lastPageOffersNextCommands()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString notebook = writeNotebook(
        folder.path(), QStringLiteral("# Study"), QStringLiteral("rows = [1, 2, 3]\nprint(len(rows))\n"));
    const Loaded loaded = load(notebook);
    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    wizard.verifyBox()->setChecked(false); // the re-run page has tests of its own
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(planned(wizard));
    wizard.next();
    nextToPreview(wizard);
    QVERIFY(waitForFiles(wizard));
    nextToTarget(wizard);
    QCOMPARE(wizard.currentId(), int(GraduationWizard::TargetPageId));
    // The default target is a new folder named after the package, beside the notebook.
    const QString expected = QDir(QFileInfo(notebook).absolutePath())
                                 .filePath(QString::fromStdString(wizard.plan().packageName));
    QCOMPARE(QDir::fromNativeSeparators(wizard.targetEdit()->text()), expected);
    QCOMPARE(
        wizard.button(QWizard::CommitButton)->text().remove(QLatin1Char('&')), QStringLiteral("Generate"));

    QSignalSpy finished(&wizard, &GraduationWizard::writeFinished);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::WritePageId));
    QVERIFY(finished.count() > 0 || finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(QFile::exists(expected + QStringLiteral("/run.sh")));
    // Only Finish leads on; the commands to run next are there to copy.
    QVERIFY(wizard.button(QWizard::FinishButton)->isVisible());
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
    QVERIFY(!wizard.button(QWizard::CancelButton)->isEnabled());
    QVERIFY(
        !wizard.button(QWizard::BackButton)->isVisible() || !wizard.button(QWizard::BackButton)->isEnabled());
    QVERIFY(wizard.openFolderButton()->isEnabled());
    QCOMPARE(GraduationWizard::nextCommands(),
        QStringList({QStringLiteral("./run.sh"), QStringLiteral("python -m pytest")}));
    for (const QString &command : GraduationWizard::nextCommands()) {
        auto *copy = wizard.findChild<QPushButton *>(QStringLiteral("copy:") + command);
        QVERIFY2(copy && copy->isVisible(), qPrintable(command));
        copy->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), command);
    }
}

void TestGraduationWizard::pathsUnderHomeShowAsTilde_data()
{
    QTest::addColumn<bool>("notebookUnderHome");
    QTest::addColumn<QString>("typed"); // empty: keep the suggested target
    QTest::addColumn<QString>("shown"); // "%home", "%elsewhere" and "%package" are filled in
    QTest::addRow("suggested beside a notebook under home")
        << true << QString() << QStringLiteral("~/project/%package");
    QTest::addRow("typed with a tilde")
        << false << QStringLiteral("~/out/%package") << QStringLiteral("~/out/%package");
    QTest::addRow("outside the home folder")
        << false << QString() << QStringLiteral("%elsewhere/project/%package");
}

/// The target page and the last page show a folder under the home folder as `~/…` (what the user
/// knows it by, and the same on every machine); a typed `~` is the home folder.
void TestGraduationWizard::pathsUnderHomeShowAsTilde()
{
    QFETCH(bool, notebookUnderHome);
    QFETCH(QString, typed);
    QFETCH(QString, shown);
    QTemporaryDir home;
    QTemporaryDir elsewhere;
    QVERIFY(home.isValid() && elsewhere.isValid());
    const QByteArray realHome = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(home.path()));
    const auto restoreHome = qScopeGuard([&] { qputenv("HOME", realHome); });
    const QString project = (notebookUnderHome ? home : elsewhere).filePath(QStringLiteral("project"));
    QVERIFY(QDir().mkpath(project));
    const Loaded loaded = load(writeNotebook(project, QStringLiteral("# Study"), QStringLiteral("x = 1\n")));
    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    QVERIFY(walkToTarget(wizard));
    const QString package = QString::fromStdString(wizard.plan().packageName);
    shown.replace(QStringLiteral("%elsewhere"), elsewhere.path())
        .replace(QStringLiteral("%package"), package);
    if (!typed.isEmpty())
        wizard.targetEdit()->setText(typed.replace(QStringLiteral("%package"), package));
    QCOMPARE(wizard.targetEdit()->text(), shown);

    QSignalSpy finished(&wizard, &GraduationWizard::writeFinished);
    wizard.next();
    QVERIFY(finished.count() > 0 || finished.wait(20000));
    QCOMPARE(finished.first().first().toBool(), true);
    // Written where the shown path says, and said so in the same words.
    const QString written = shown.startsWith(QLatin1Char('~')) ? home.path() + shown.mid(1) : shown;
    QVERIFY2(QFile::exists(written + QStringLiteral("/run.sh")), qPrintable(written));
    const auto labels = wizard.page(GraduationWizard::WritePageId)->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [&](const QLabel *label) {
        return label->text().endsWith(QStringLiteral(" written to ") + shown + QLatin1Char('.'));
    }));
}

namespace {
/// The visible labels and buttons of `page` whose text is wider than they are (clipped), as
/// "text (width < wanted)"; word-wrapped labels wrap instead and are left out.
QStringList clippedTexts(const QWidget *page)
{
    QStringList clipped;
    const auto check = [&](const QWidget *widget, const QString &text) {
        if (widget->isVisible() && !text.isEmpty() && widget->width() < widget->sizeHint().width())
            clipped << QStringLiteral("%1 (%2 < %3)")
                           .arg(text)
                           .arg(widget->width())
                           .arg(widget->sizeHint().width());
    };
    for (const QLabel *label : page->findChildren<QLabel *>())
        if (!label->wordWrap())
            check(label, label->text());
    for (const QAbstractButton *button : page->findChildren<QAbstractButton *>())
        check(button, button->text());
    return clipped;
}
} // namespace

/// In German, at the wizard's default size, no page cuts a label or a button short.
void TestGraduationWizard::germanTextIsNotClipped()
{
    QVERIFY(Language::apply(QStringLiteral("de")));
    const Loaded loaded = load(kExample);
    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    wizard.verifyBox()->setChecked(false); // the re-run page has tests of its own
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(planned(wizard));
    QStringList clipped;
    QList<int> visited;
    for (int page = -1; page != wizard.currentId() && wizard.currentId() != GraduationWizard::TargetPageId;) {
        page = wizard.currentId();
        visited << page;
        QApplication::processEvents();
        for (const QString &text : clippedTexts(&wizard))
            clipped << QStringLiteral("page %1: %2").arg(page).arg(text);
        if (page == GraduationWizard::PreviewPageId)
            QVERIFY(waitForFiles(wizard));
        wizard.next();
        QVERIFY(planned(wizard));
    }
    for (const QString &text : clippedTexts(&wizard))
        clipped << QStringLiteral("page %1: %2").arg(wizard.currentId()).arg(text);
    QCOMPARE(wizard.currentId(), int(GraduationWizard::TargetPageId));
    QCOMPARE(visited,
        QList<int>({GraduationWizard::OptionsPageId, GraduationWizard::PlanPageId,
            GraduationWizard::PreviewPageId, GraduationWizard::WarningsPageId}));
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral("; "))));
}

void TestGraduationWizard::previewCitesCellNumbers()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const Loaded loaded = load(writeNotebook(
        folder.path(), QStringLiteral("# Study"), QStringLiteral("rows = [1, 2, 3]\nprint(len(rows))\n")));
    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    wizard.verifyBox()->setChecked(false); // the re-run page has tests of its own
    wizard.show();
    QVERIFY(planned(wizard));
    wizard.next();
    nextToPreview(wizard);
    QVERIFY(waitForFiles(wizard));
    const GraduationStep &step = wizard.plan().steps.at(0);
    const std::string module = "src/" + wizard.plan().packageName + "/" + step.module + ".py";
    const auto file = std::find_if(wizard.files().begin(), wizard.files().end(),
        [&](const GeneratedFile &generated) { return generated.path == module; });
    QVERIFY2(file != wizard.files().end(), module.c_str());
    // The number the notebook view shows first; the id, which survives edits, after it.
    QVERIFY2(
        QString::fromStdString(file->content).contains(QStringLiteral("notebook cells 2 (ids code0002)")),
        file->content.c_str());
}

void TestGraduationWizard::rerunMarksUnreproducedSteps()
{
    // A timestamp and unseeded random draws: the re-run (a real python3) cannot reproduce them.
    const Loaded loaded = load(kRunLog);
    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(wizard.verifyBox()->isChecked()); // on by default
    QSignalSpy finished(&wizard, &GraduationWizard::rerunFinished);
    QVERIFY(planned(wizard));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::RerunPageId));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled() || !finished.isEmpty());
    QVERIFY(finished.wait(60000) || !finished.isEmpty());
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QStringList marked;
    for (const GraduationStep &step : wizard.plan().steps)
        if (!step.xfailReason.empty())
            marked << QString::fromStdString(step.name);
    QVERIFY2(marked.contains(QStringLiteral("stamp")), qPrintable(marked.join(u',')));
    QVERIFY2(marked.contains(QStringLiteral("sample")), qPrintable(marked.join(u',')));
    const QString status = wizard.rerunStatus()->text();
    QVERIFY2(status.contains(QStringLiteral("code cells reproduced")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("stamp: tests marked as expected failures")), qPrintable(status));

    // The marks reach the generated tests.
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::PlanPageId));
    nextToPreview(wizard);
    QVERIFY(waitForFiles(wizard));
    QString tests;
    for (const GeneratedFile &file : wizard.files())
        if (file.path.starts_with("tests/"))
            tests += QString::fromStdString(file.content);
    QVERIFY2(tests.contains(QStringLiteral("pytest.mark.xfail")), qPrintable(tests));
}

void TestGraduationWizard::rerunPinsFromTheInterpreter()
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QVERIFY2(!python.isEmpty(), "python3 is part of the build environment");
    const Loaded loaded = load(kExample); // imports pandas, which needs numpy
    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    wizard.verifyBox()->setChecked(false);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(planned(wizard));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::PlanPageId)); // nothing asked for a re-run
    wizard.back();
    wizard.interpreterEdit()->setText(python);
    QSignalSpy finished(&wizard, &GraduationWizard::rerunFinished);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::RerunPageId));
    QVERIFY(finished.wait(60000) || !finished.isEmpty());
    QCOMPARE(finished.first().first().toBool(), true);
    const auto &dependencies = wizard.plan().dependencies;
    const auto numpy = std::find_if(dependencies.begin(), dependencies.end(),
        [](const PackageDependency &dependency) { return dependency.distribution == "numpy"; });
    QVERIFY(numpy != dependencies.end());
    QVERIFY(!numpy->version.empty());
    const auto pandas = std::find_if(dependencies.begin(), dependencies.end(),
        [](const PackageDependency &dependency) { return dependency.distribution == "pandas"; });
    QVERIFY(pandas != dependencies.end());
    QVERIFY(!pandas->version.empty());
    QVERIFY2(wizard.rerunStatus()->text().contains(QStringLiteral("dependencies pinned")),
        qPrintable(wizard.rerunStatus()->text()));
}

void TestGraduationWizard::copyLimitIsChecked_data()
{
    QTest::addColumn<QString>("limit");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("default") << "20M" << true;
    QTest::addRow("nothing copied") << "0" << true;
    QTest::addRow("kilobytes") << "500K" << true;
    QTest::addRow("not a size") << "lots" << false;
    QTest::addRow("unknown unit") << "3T" << false;
    QTest::addRow("empty") << "" << false;
}

void TestGraduationWizard::copyLimitIsChecked()
{
    QFETCH(QString, limit);
    QFETCH(bool, accepted);
    const Loaded loaded = load(kExample);
    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    wizard.verifyBox()->setChecked(false);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    wizard.copyLimitEdit()->setText(limit);
    QVERIFY(planned(wizard));
    wizard.next();
    QCOMPARE(
        wizard.currentId(), int(accepted ? GraduationWizard::PlanPageId : GraduationWizard::OptionsPageId));
}

void TestGraduationWizard::uncopiedInputsReadBesideTheNotebook()
{
    // With nothing copied, the package reads data/sales.csv beside the notebook: the wizard must
    // tell it where that is from the target it writes to.
    const Loaded loaded = load(QStringLiteral(TASSEL_TEST_DATA_DIR "/graduate/salesreport.ipynb"));
    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    wizard.verifyBox()->setChecked(false);
    wizard.copyLimitEdit()->setText(QStringLiteral("0"));
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(planned(wizard));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::PlanPageId));
    nextToPreview(wizard);
    QVERIFY(waitForFiles(wizard));
    for (const GeneratedFile &file : wizard.files())
        QVERIFY2(!file.path.starts_with("data/") || file.path == "data/MANIFEST.tsv", file.path.c_str());
    nextToTarget(wizard);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString target = folder.filePath(QStringLiteral("sales"));
    QVERIFY(writeTo(wizard, target));

    QProcess run;
    run.setWorkingDirectory(folder.path()); // not the package folder
    run.start(target + QStringLiteral("/run.sh"), {QStringLiteral("--offline")});
    QVERIFY(run.waitForFinished(120000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
}

void TestGraduationWizard::planArrivesOffTheGuiThread()
{
    const Loaded loaded = load(kExample);
    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    wizard.verifyBox()->setChecked(false);
    QSignalSpy planned(&wizard, &GraduationWizard::planned);
    wizard.show();
    // The planner runs in the background; until its plan arrives there is nothing to go on to.
    QWizardPage *options = wizard.page(GraduationWizard::OptionsPageId);
    QVERIFY(wizard.isPlanning());
    QVERIFY(!options->isComplete());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(planned.wait(20000));
    QCOMPARE(planned.count(), 1);
    QCOMPARE(planned.first().first().toBool(), true);
    QVERIFY(options->isComplete());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

    // Options changed while a plan is made: only the plan of the last ones is taken.
    wizard.packageNameEdit()->setText(QStringLiteral("first_name"));
    wizard.packageNameEdit()->setText(QStringLiteral("second_name"));
    QVERIFY(!options->isComplete());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(options->isComplete(), 20000);
    QCOMPARE(planned.count(), 2);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::PlanPageId));
    QCOMPARE(wizard.plan().packageName, std::string("second_name"));
}

void TestGraduationWizard::failedRerunKeepsNextDisabled()
{
    const Loaded loaded = load(kExample);
    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    wizard.interpreterEdit()->setText(QStringLiteral("/nonexistent/python3"));
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(planned(wizard));
    QSignalSpy finished(&wizard, &GraduationWizard::rerunFinished);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::RerunPageId));
    QVERIFY(finished.wait(60000) || !finished.isEmpty());
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!wizard.currentPage()->isComplete());
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());

    // Back, a real interpreter and no re-run: the page completes once that run is done.
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QVERIFY(!python.isEmpty());
    wizard.back();
    wizard.interpreterEdit()->setText(python);
    wizard.verifyBox()->setChecked(false);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::RerunPageId));
    QVERIFY(!wizard.currentPage()->isComplete());
    QVERIFY(finished.wait(60000) || finished.count() > 1);
    QCOMPARE(finished.last().first().toBool(), true);
    QVERIFY(wizard.currentPage()->isComplete());
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
}

void TestGraduationWizard::backCancelsTheRerun()
{
    // A real re-run of runlog takes seconds. Going back while it runs and on again with other
    // options must show a run with those options, not the one left behind.
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QVERIFY(!python.isEmpty());
    const Loaded loaded = load(kRunLog);
    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(planned(wizard));
    QSignalSpy finished(&wizard, &GraduationWizard::rerunFinished);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::RerunPageId));
    QVERIFY(wizard.isBusy());
    wizard.back();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::OptionsPageId));
    wizard.verifyBox()->setChecked(false);
    wizard.interpreterEdit()->setText(python);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::RerunPageId));
    QVERIFY(finished.wait(60000) || !finished.isEmpty());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    const QString status = wizard.rerunStatus()->text();
    QVERIFY2(!status.contains(QStringLiteral("code cells reproduced")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("dependencies pinned")), qPrintable(status));
    // Without verification only the analysis marks steps xfail (stamp's clock value, a
    // nondeterministic-output finding), never the abandoned verified run.
    std::set<std::string> analysisReasons {std::string()};
    for (const Finding &finding : loaded.analysis.findings)
        analysisReasons.insert(finding.message);
    for (const GraduationStep &step : wizard.plan().steps)
        QVERIFY2(analysisReasons.count(step.xfailReason), step.xfailReason.c_str());
}

void TestGraduationWizard::contractsPageEditsTheContracts()
{
    // salesreport reads data/sales.csv (date, region, amount) and data/regions.csv (region,
    // manager), both beside it.
    const Loaded loaded = load(kSalesReport);
    GraduationWizard wizard(loaded.notebook, loaded.analysis);
    wizard.verifyBox()->setChecked(false);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(planned(wizard));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::PlanPageId));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::ContractsPageId));
    QTreeWidget *tree = wizard.contractsTree();
    QStringList inputs;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        inputs << tree->topLevelItem(i)->text(0);
    QCOMPARE(inputs, QStringList({QStringLiteral("sales"), QStringLiteral("regions")}));
    QTreeWidgetItem *amount = contractColumn(tree, QStringLiteral("sales"), QStringLiteral("amount"));
    QVERIFY(amount);
    QCOMPARE(amount->text(WizardContractsPage::KindColumn), QStringLiteral("float"));
    QVERIFY2(amount->text(WizardContractsPage::SourceColumn).contains(QStringLiteral("the file")),
        qPrintable(amount->text(WizardContractsPage::SourceColumn)));
    QCOMPARE(amount->checkState(WizardContractsPage::NameColumn), Qt::Checked);
    QTreeWidgetItem *manager = contractColumn(tree, QStringLiteral("regions"), QStringLiteral("manager"));
    QVERIFY(manager);
    QCOMPARE(manager->checkState(WizardContractsPage::NullableColumn), Qt::Unchecked);

    // Leave amount out, let manager be missing: the contracts written say so.
    amount->setCheckState(WizardContractsPage::NameColumn, Qt::Unchecked);
    manager->setCheckState(WizardContractsPage::NullableColumn, Qt::Checked);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::PreviewPageId));
    QVERIFY(waitForFiles(wizard));
    const QString sales = fileContent(wizard, "contracts/sales.toml");
    QVERIFY2(sales.contains(QStringLiteral("name = \"region\"")), qPrintable(sales));
    QVERIFY2(!sales.contains(QStringLiteral("amount")), qPrintable(sales));
    const QString regions = fileContent(wizard, "contracts/regions.toml");
    QVERIFY2(regions.contains(QStringLiteral("name = \"manager\"\ndtype = \"string\"\nnullable = true\n")),
        qPrintable(regions));

    // Back and on again keeps the ticks.
    wizard.back();
    QCOMPARE(wizard.currentId(), int(GraduationWizard::ContractsPageId));
    QCOMPARE(amount->checkState(WizardContractsPage::NameColumn), Qt::Unchecked);

    // A language switch words the tree anew and keeps the ticks.
    QVERIFY(Language::apply(QStringLiteral("de")));
    QTRY_COMPARE(tree->headerItem()->text(WizardContractsPage::NameColumn), QStringLiteral("Spalte"));
    QVERIFY(Language::apply(QStringLiteral("en")));
    QTRY_COMPARE(tree->headerItem()->text(WizardContractsPage::NameColumn), QStringLiteral("Column"));
    amount = contractColumn(tree, QStringLiteral("sales"), QStringLiteral("amount"));
    QVERIFY(amount);
    QCOMPARE(amount->checkState(WizardContractsPage::NameColumn), Qt::Unchecked);
    manager = contractColumn(tree, QStringLiteral("regions"), QStringLiteral("manager"));
    QVERIFY(manager);
    QCOMPARE(manager->checkState(WizardContractsPage::NullableColumn), Qt::Checked);
    wizard.next();
    QVERIFY(waitForFiles(wizard));
    QVERIFY(!fileContent(wizard, "contracts/sales.toml").contains(QStringLiteral("amount")));

    // The package, with its validation and failure-path tests, still passes its tests.
    nextToTarget(wizard);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString target = folder.filePath(QStringLiteral("sales"));
    QVERIFY(writeTo(wizard, target));
    QProcess pytest;
    pytest.setWorkingDirectory(target);
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    pytest.setProcessEnvironment(env);
    pytest.start(QStringLiteral("python3"),
        {QStringLiteral("-m"), QStringLiteral("pytest"), QStringLiteral("-q"), QStringLiteral("-p"),
            QStringLiteral("no:cacheprovider")});
    QVERIFY(pytest.waitForFinished(300000));
    QVERIFY2(
        pytest.exitCode() == 0, (pytest.readAllStandardOutput() + pytest.readAllStandardError()).constData());
}

QTEST_MAIN(TestGraduationWizard)
#include "tst_graduationwizard.moc"
