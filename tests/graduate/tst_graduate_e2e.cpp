// End to end: `tassel graduate` on real notebooks, then the generated package is compiled,
// tested with pytest and run with ./run.sh --offline using the build environment's python3.
#include "notebook/notebookloader.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace tassel;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &args, const QString &workingDir = {})
{
    QProcess process;
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    process.setProcessEnvironment(env);
    process.start(program, args);
    if (!process.waitForFinished(600000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError())};
}

/// The generated tests, run with pytest in `dir` (the package folder or its tests/).
Run pytest(const QString &dir)
{
    return run(QStringLiteral("python3"),
        {QStringLiteral("-m"), QStringLiteral("pytest"), QStringLiteral("-q"), QStringLiteral("-p"),
            QStringLiteral("no:cacheprovider")},
        dir);
}

/// What differs between runs goes: addresses, timing lines, trailing spaces, \r, and whether
/// %%writefile found its file already there.
QString normalise(QString text)
{
    text.replace(QRegularExpression(QStringLiteral("0x[0-9a-fA-F]+")), QStringLiteral("0x…"));
    text.replace(QRegularExpression(QStringLiteral("^Overwriting "), QRegularExpression::MultilineOption),
        QStringLiteral("Writing "));
    QStringList kept;
    static const QRegularExpression timing(QStringLiteral("^(CPU times: |Wall time: )|per loop \\(mean"));
    for (QString line : text.split(QLatin1Char('\n'))) {
        while (!line.isEmpty() && line.back().isSpace())
            line.chop(1);
        if (!timing.match(line).hasMatch())
            kept << line;
    }
    while (!kept.isEmpty() && kept.back().isEmpty())
        kept.removeLast();
    return kept.join(QLatin1Char('\n'));
}

/// The notebook's stored text: stdout streams and text/plain of results that are not figures.
QString storedOutput(const Notebook &notebook)
{
    std::string text;
    for (const Cell &cell : notebook.cells)
        for (const Output &output : cell.outputs) {
            if (output.type == OutputType::Stream && output.streamName == "stdout")
                text += output.text;
            if (output.type != OutputType::ExecuteResult && output.type != OutputType::DisplayData)
                continue;
            bool figure = false;
            for (const MimeItem &item : output.data)
                figure = figure || item.mimeType.rfind("image/", 0) == 0;
            if (const MimeItem *plain = output.find("text/plain"); plain && !figure)
                text += plain->data + '\n';
        }
    return QString::fromStdString(text);
}

QStringList generatedFiles(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

/// ruff's WebAssembly build, fetched by packaging/dev (never committed).
const QString kRuffDir = QStringLiteral(TASSEL_SOURCE_DIR "/build/deps/ruff-wasm-nodejs");

bool ruffAvailable()
{
    return QFileInfo::exists(kRuffDir + QStringLiteral("/ruff_wasm.js"));
}

/// `ruff check` of the package with the [tool.ruff] settings of its own pyproject.toml.
Run lintWithRuff(const QString &tree)
{
    return run(QStringLiteral("python3"),
        {QStringLiteral(TASSEL_SOURCE_DIR "/tests/graduate/ruff_check.py"), kRuffDir, tree});
}

} // namespace

class TestGraduateE2E : public QObject
{
    Q_OBJECT
private slots:
    void generatedPackageWorks_data();
    void generatedPackageWorks();
    void secretsNeverWritten();
    void hiddenStateStopsGeneration();
    void dryRunWritesNothing();
    void refusedInOneLine_data();
    void refusedInOneLine();
    void changedInputStopsTheRun_data();
    void changedInputStopsTheRun();
    void inputsReadBesideTheNotebook();
    void relativePathsFromTheCallersFolder();
    void outputsGoToTheOutputFolder();
    void verifyMarksUnreproducedSteps();
    void contractStopsTheRun_data();
    void contractStopsTheRun();
    void runsAreLoggedAndRecorded();
    void contractChecks_data();
    void contractChecks();
    void arrayOfOtherDimensionsFails();
    void optionalInputMayBeAbsent();
};

void TestGraduateE2E::generatedPackageWorks_data()
{
    QTest::addColumn<QString>("notebook");
    QTest::addColumn<int>("minimumSteps");
    QTest::addRow("bundled penguins example")
        << QStringLiteral(TASSEL_SOURCE_DIR "/resources/examples/penguins.ipynb") << 3;
    QTest::addRow("sections and a helper")
        << QStringLiteral(TASSEL_TEST_DATA_DIR "/graduate/sections.ipynb") << 3;
    QTest::addRow("parameters cell") << QStringLiteral(TASSEL_TEST_DATA_DIR "/graduate/parameters.ipynb")
                                     << 2;
    QTest::addRow("magics") << QStringLiteral(TASSEL_TEST_DATA_DIR "/graduate/magics.ipynb") << 3;
    QTest::addRow("bash, writefile, shell lines")
        << QStringLiteral(TASSEL_TEST_DATA_DIR "/graduate/cell_magics.ipynb") << 2;
    QTest::addRow("functions defined mid-notebook")
        << QStringLiteral(TASSEL_TEST_DATA_DIR "/graduate/deliveries.ipynb") << 5;
    QTest::addRow("helper module beside the notebook")
        << QStringLiteral(TASSEL_TEST_DATA_DIR "/graduate/logdigest.ipynb") << 3;
    QTest::addRow("report reading relative CSV files")
        << QStringLiteral(TASSEL_TEST_DATA_DIR "/graduate/salesreport.ipynb") << 3;
    QTest::addRow("result files and a figure")
        << QStringLiteral(TASSEL_TEST_DATA_DIR "/graduate/quarterly.ipynb") << 3;
    QTest::addRow("required CSV and optional overrides")
        << QStringLiteral(TASSEL_TEST_DATA_DIR "/graduate/stockvalue.ipynb") << 4;
    QTest::addRow("seeded scikit-learn model")
        << QStringLiteral(TASSEL_TEST_DATA_DIR "/graduate/churnmodel.ipynb") << 4;
}

void TestGraduateE2E::generatedPackageWorks()
{
    QFETCH(QString, notebook);
    QFETCH(int, minimumSteps);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString tree = dir.path() + QStringLiteral("/package");
    const Run graduate = run(QStringLiteral(TASSEL_BINARY),
        {QStringLiteral("graduate"), notebook, QStringLiteral("--output"), tree});
    QVERIFY2(graduate.exitCode == 0, qPrintable(graduate.err));
    QVERIFY(QFileInfo(tree + QStringLiteral("/run.sh")).isExecutable());

    const Run compile = run(QStringLiteral("python3"),
        {QStringLiteral("-m"), QStringLiteral("compileall"), QStringLiteral("-q"), tree});
    QVERIFY2(compile.exitCode == 0, qPrintable(compile.out + compile.err));
    if (ruffAvailable()) {
        const Run lint = lintWithRuff(tree);
        QVERIFY2(lint.exitCode == 0 && lint.out.contains(QStringLiteral(", 0 diagnostics")),
            qPrintable(lint.out + lint.err));
    }

    const Run tests = pytest(tree);
    QVERIFY2(tests.exitCode == 0, qPrintable(tests.out + tests.err));
    const QRegularExpression passed(QStringLiteral("(\\d+) passed"));
    const auto match = passed.match(tests.out);
    QVERIFY2(match.hasMatch(), qPrintable(tests.out));
    // One test per step, the pipeline and the regression test.
    QVERIFY2(match.captured(1).toInt() >= minimumSteps + 2, qPrintable(tests.out));

    auto loaded = NotebookLoader().loadFile(notebook.toStdString());
    QVERIFY(loaded);
    // From another working directory: the package must not depend on where it is started.
    const Run script = run(tree + QStringLiteral("/run.sh"), {QStringLiteral("--offline")}, dir.path());
    QVERIFY2(script.exitCode == 0, qPrintable(script.err));
    QCOMPARE(normalise(script.out), normalise(storedOutput(*loaded)));

    // A deliberately broken step must make the regression test fail.
    const QString pipeline = readAll(tree + QStringLiteral("/src/") + QFileInfo(notebook).completeBaseName()
        + QStringLiteral("/pipeline.py"));
    QString stepModule;
    auto imports = QRegularExpression(QStringLiteral("from \\w+\\.(\\w+) import \\w+")).globalMatch(pipeline);
    while (imports.hasNext() && stepModule.isEmpty()) {
        const QString module = imports.next().captured(1);
        if (!module.startsWith(QLatin1Char('_')) && module != QStringLiteral("config"))
            stepModule = module;
    }
    QVERIFY2(!stepModule.isEmpty(), qPrintable(pipeline));
    const QString stepPath = tree + QStringLiteral("/src/") + QFileInfo(notebook).completeBaseName()
        + QStringLiteral("/") + stepModule + QStringLiteral(".py");
    QString step = readAll(stepPath);
    const qsizetype def = step.indexOf(QStringLiteral("\ndef "));
    QVERIFY(def >= 0);
    const qsizetype bodyStart = step.indexOf(QLatin1Char('\n'), def + 1) + 1;
    step.insert(bodyStart, QStringLiteral("    print(\"a broken step\")\n"));
    QFile broken(stepPath);
    QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
    broken.write(step.toUtf8());
    broken.close();
    const Run brokenTests = pytest(tree);
    QVERIFY2(brokenTests.exitCode != 0, qPrintable(brokenTests.out));
    QVERIFY2(brokenTests.out.contains(QStringLiteral("FAILED tests/test_regression.py")),
        qPrintable(brokenTests.out));
    if (!ruffAvailable())
        QSKIP(qPrintable(QStringLiteral("everything but lint passed: ruff's WebAssembly build is not at %1 "
                                        "(packaging/dev setup fetches it with npm)")
                             .arg(kRuffDir)));
}

void TestGraduateE2E::secretsNeverWritten()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Built at run time so no scanner flags this test file itself.
    const std::string token = std::string("gh") + "p_" + "a1B2c3D4e5F6g7H8i9J0" + "kLmNoPqRsTuVwXyZ12";
    nlohmann::json nb = {{"nbformat", 4}, {"nbformat_minor", 5}, {"metadata", nlohmann::json::object()},
        {"cells",
            {{{"cell_type", "markdown"}, {"id", "m1"}, {"metadata", nlohmann::json::object()},
                 {"source", "# Secrets"}},
                {{"cell_type", "code"}, {"id", "c1"}, {"metadata", nlohmann::json::object()},
                    {"source",
                        "TOKEN = \"" + token
                            + "\"\nheaders = {\"Authorization\": TOKEN}\nprint(len(headers))\n"},
                    {"outputs", {{{"output_type", "stream"}, {"name", "stdout"}, {"text", "1\n"}}}},
                    {"execution_count", 1}}}}};
    const QString notebookPath = dir.path() + QStringLiteral("/secrets.ipynb");
    QFile file(notebookPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(nb.dump(1)));
    file.close();
    const QString tree = dir.path() + QStringLiteral("/package");
    const Run graduate = run(QStringLiteral(TASSEL_BINARY),
        {QStringLiteral("graduate"), notebookPath, QStringLiteral("--output"), tree});
    QVERIFY2(graduate.exitCode == 0, qPrintable(graduate.err));
    QVERIFY(!graduate.out.contains(QString::fromStdString(token))
        && !graduate.err.contains(QString::fromStdString(token)));
    const QStringList files = generatedFiles(tree);
    QVERIFY(files.size() > 10);
    QStringList leaks;
    for (const QString &path : files)
        if (readAll(path).contains(QString::fromStdString(token)))
            leaks << path;
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
    const QString envExample = readAll(tree + QStringLiteral("/.env.example"));
    QVERIFY2(QRegularExpression(QStringLiteral("^[A-Z_]+=$"), QRegularExpression::MultilineOption)
                 .match(envExample)
                 .hasMatch(),
        qPrintable(envExample));
}

void TestGraduateE2E::hiddenStateStopsGeneration()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString notebook = QStringLiteral(TASSEL_TEST_DATA_DIR "/analysis/use_before_definition.ipynb");
    const QString tree = dir.path() + QStringLiteral("/package");
    const Run refused = run(QStringLiteral(TASSEL_BINARY),
        {QStringLiteral("graduate"), notebook, QStringLiteral("--output"), tree});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(
        refused.err.contains(QStringLiteral("hidden state")) && refused.err.contains(QStringLiteral("cell ")),
        qPrintable(refused.err));
    QVERIFY(!QFileInfo::exists(tree));

    const Run allowed = run(QStringLiteral(TASSEL_BINARY),
        {QStringLiteral("graduate"), notebook, QStringLiteral("--output"), tree,
            QStringLiteral("--allow-hidden-state")});
    QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.err));
    bool marked = false;
    for (const QString &path : generatedFiles(tree))
        marked = marked
            || (path.endsWith(QStringLiteral(".py"))
                && readAll(path).contains(QStringLiteral("TASSEL HIDDEN STATE")));
    QVERIFY(marked);
    const Run compile = run(QStringLiteral("python3"),
        {QStringLiteral("-m"), QStringLiteral("compileall"), QStringLiteral("-q"), tree});
    QVERIFY2(compile.exitCode == 0, qPrintable(compile.out + compile.err));
}

void TestGraduateE2E::dryRunWritesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString tree = dir.path() + QStringLiteral("/package");
    const Run preview = run(QStringLiteral(TASSEL_BINARY),
        {QStringLiteral("graduate"), QStringLiteral(TASSEL_TEST_DATA_DIR "/graduate/sections.ipynb"),
            QStringLiteral("--output"), tree, QStringLiteral("--dry-run")});
    QVERIFY2(preview.exitCode == 0, qPrintable(preview.err));
    QVERIFY(preview.out.contains(QStringLiteral("+++ ") + tree + QStringLiteral("/pyproject.toml")));
    QVERIFY(preview.out.contains(QStringLiteral("+def compute(prices, quantities):")));
    QVERIFY(!QFileInfo::exists(tree));
}

void TestGraduateE2E::refusedInOneLine_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<QString>("reason");
    QTest::addRow("C++ kernel") << "c++" << QStringList {"int k = 4;", "show(open XPlot.Plotly)"}
                                << "the kernel is C++, not Python";
    QTest::addRow("shell command without bang")
        << "python" << QStringList {"x = 1", "aws s3 cp data.csv s3://bucket/\nprint(x)"}
        << "cell 2 does not parse as Python 3";
    QTest::addRow("python 2") << "python" << QStringList {"weekly_totals = 3", "print weekly_totals"}
                              << "Python 2 code in cell 2";
    QTest::addRow("sql cell") << "python" << QStringList {"x = 1", "%%sql\nSELECT * FROM t"}
                              << "cell 2 is a %%sql cell";
}

void TestGraduateE2E::refusedInOneLine()
{
    QFETCH(QString, language);
    QFETCH(QStringList, cells);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    nlohmann::json nb = {{"nbformat", 4}, {"nbformat_minor", 5},
        {"metadata",
            {{"kernelspec", {{"name", "k"}, {"language", language.toStdString()}, {"display_name", "K"}}}}},
        {"cells", nlohmann::json::array()}};
    for (const QString &source : cells)
        nb["cells"].push_back({{"cell_type", "code"}, {"id", "c" + std::to_string(nb["cells"].size())},
            {"metadata", nlohmann::json::object()}, {"source", source.toStdString()},
            {"outputs", nlohmann::json::array()}, {"execution_count", nullptr}});
    const QString notebook = dir.path() + QStringLiteral("/broken.ipynb");
    QFile file(notebook);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(nb.dump()));
    file.close();
    const QString tree = dir.path() + QStringLiteral("/package");
    const Run refused = run(QStringLiteral(TASSEL_BINARY),
        {QStringLiteral("graduate"), notebook, QStringLiteral("--output"), tree});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(reason), qPrintable(refused.err));
    QCOMPARE(refused.err.count(QLatin1Char('\n')), 1);
    QVERIFY(!QFileInfo::exists(tree));
    if (language != QStringLiteral("python"))
        return;
    // Kept as commented TODOs, the package compiles and its broken step says which cell.
    const Run allowed = run(QStringLiteral(TASSEL_BINARY),
        {QStringLiteral("graduate"), notebook, QStringLiteral("--output"), tree,
            QStringLiteral("--allow-broken-cells"), QStringLiteral("--allow-hidden-state")});
    QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.err));
    const Run compile = run(QStringLiteral("python3"),
        {QStringLiteral("-m"), QStringLiteral("compileall"), QStringLiteral("-q"), tree});
    QVERIFY2(compile.exitCode == 0, qPrintable(compile.out + compile.err));
    const Run pipeline = run(QStringLiteral("python3"), {QStringLiteral("-m"), QStringLiteral("broken")},
        tree + QStringLiteral("/src"));
    QVERIFY2(pipeline.exitCode != 0
            && pipeline.err.contains(QStringLiteral("NotImplementedError: notebook cell 2")),
        qPrintable(pipeline.err));
}

namespace {

/// `tassel graduate NOTEBOOK --output TREE ARGS...`, failing the test when it fails.
bool graduate(const QString &notebook, const QString &tree, const QStringList &args = {})
{
    const Run graduated = run(QStringLiteral(TASSEL_BINARY),
        QStringList {QStringLiteral("graduate"), notebook, QStringLiteral("--output"), tree} + args);
    if (graduated.exitCode != 0)
        qWarning("%s", qPrintable(graduated.err));
    return graduated.exitCode == 0;
}

const QString kSalesReport = QStringLiteral(TASSEL_TEST_DATA_DIR "/graduate/salesreport.ipynb");

} // namespace

void TestGraduateE2E::changedInputStopsTheRun_data()
{
    QTest::addColumn<bool>("remove");
    QTest::addColumn<QString>("expected");
    QTest::addRow("one byte changed") << false << "has changed since the notebook read it";
    QTest::addRow("removed") << true << "is missing";
}

void TestGraduateE2E::changedInputStopsTheRun()
{
    QFETCH(bool, remove);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString tree = dir.path() + QStringLiteral("/package");
    QVERIFY(graduate(kSalesReport, tree));
    const QString manifest = readAll(tree + QStringLiteral("/data/MANIFEST.tsv"));
    QVERIFY2(QRegularExpression(QStringLiteral("^sales.csv\\t[0-9a-f]{64}\\t\\d+\\tsales$"),
                 QRegularExpression::MultilineOption)
                 .match(manifest)
                 .hasMatch(),
        qPrintable(manifest));
    QFile data(tree + QStringLiteral("/data/sales.csv"));
    if (remove) {
        QVERIFY(data.remove());
    } else {
        QVERIFY(data.open(QIODevice::ReadWrite));
        QByteArray bytes = data.readAll();
        bytes[bytes.size() - 2] = bytes[bytes.size() - 2] == '5' ? '6' : '5';
        QVERIFY(data.seek(0));
        QCOMPARE(data.write(bytes), bytes.size());
        data.close();
    }
    const Run script = run(tree + QStringLiteral("/run.sh"), {QStringLiteral("--offline")}, dir.path());
    QVERIFY2(script.exitCode != 0, qPrintable(script.out));
    QVERIFY2(script.err.contains(QStringLiteral("input 'sales'"))
            && script.err.contains(QStringLiteral("data/sales.csv")) && script.err.contains(expected)
            && !script.err.contains(QStringLiteral("Traceback")),
        qPrintable(script.err));
    QVERIFY2(script.out.isEmpty(), qPrintable(script.out)); // stopped before the first step
}

void TestGraduateE2E::inputsReadBesideTheNotebook()
{
    // --copy-data-limit 0: nothing copied, the package reads the files beside the notebook.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString tree = dir.path() + QStringLiteral("/package");
    QVERIFY(graduate(kSalesReport, tree, {QStringLiteral("--copy-data-limit"), QStringLiteral("0")}));
    QVERIFY(!QFileInfo::exists(tree + QStringLiteral("/data")));
    const QString params = readAll(tree + QStringLiteral("/config/params.toml"));
    QVERIFY2(params.contains(QStringLiteral("sales = \"data/sales.csv\"  # read beside the notebook")),
        qPrintable(params));
    auto loaded = NotebookLoader().loadFile(kSalesReport.toStdString());
    QVERIFY(loaded);
    const Run script = run(tree + QStringLiteral("/run.sh"), {QStringLiteral("--offline")}, dir.path());
    QVERIFY2(script.exitCode == 0, qPrintable(script.err));
    QCOMPARE(normalise(script.out), normalise(storedOutput(*loaded)));

    // Another file through the generated command line, and the same clear error when absent.
    const Run other = run(tree + QStringLiteral("/run.sh"),
        {QStringLiteral("--offline"), QStringLiteral("--input"), QStringLiteral("regions=nowhere.csv")},
        dir.path());
    QVERIFY(other.exitCode != 0);
    QVERIFY2(other.err.contains(QStringLiteral("input 'regions'"))
            && other.err.contains(QStringLiteral("nowhere.csv"))
            && other.err.contains(QStringLiteral("does not exist")),
        qPrintable(other.err));
}

void TestGraduateE2E::outputsGoToTheOutputFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString tree = dir.path() + QStringLiteral("/package");
    QVERIFY(graduate(QStringLiteral(TASSEL_TEST_DATA_DIR "/graduate/quarterly.ipynb"), tree));
    const QString elsewhere = dir.path() + QStringLiteral("/elsewhere");
    QVERIFY(QDir().mkpath(elsewhere));
    const QStringList written
        = {QStringLiteral("quarters.csv"), QStringLiteral("revenue.txt"), QStringLiteral("revenue.png")};
    const Run script = run(tree + QStringLiteral("/run.sh"), {QStringLiteral("--offline")}, elsewhere);
    QVERIFY2(script.exitCode == 0, qPrintable(script.err));
    // run.json lists every file the run wrote with its SHA-256.
    const QJsonObject outputs
        = QJsonDocument::fromJson(readAll(tree + QStringLiteral("/output/run.json")).toUtf8())
              .object()
              .value(QStringLiteral("outputs"))
              .toObject();
    for (const QString &name : written) {
        QVERIFY2(QFileInfo(tree + QStringLiteral("/output/") + name).size() > 0, qPrintable(name));
        QVERIFY2(!QFileInfo::exists(elsewhere + QLatin1Char('/') + name), qPrintable(name));
        QFile file(tree + QStringLiteral("/output/") + name);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(outputs.value(name).toObject().value(QStringLiteral("sha256")).toString(),
            QString::fromLatin1(
                QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()));
    }
    // --output-dir from the generated command line, from yet another folder.
    const Run module = run(QStringLiteral("python3"),
        {QStringLiteral("-m"), QStringLiteral("quarterly"), QStringLiteral("--output-dir"),
            QStringLiteral("results")},
        tree + QStringLiteral("/src"));
    QVERIFY2(module.exitCode == 0, qPrintable(module.err));
    for (const QString &name : written)
        QVERIFY2(QFileInfo::exists(tree + QStringLiteral("/src/results/") + name), qPrintable(name));
    QVERIFY(QDir(elsewhere).isEmpty());
    // pytest from tests/ finds the package's configuration and writes nothing beside the tests.
    const Run tests = pytest(tree + QStringLiteral("/tests"));
    QVERIFY2(tests.exitCode == 0, qPrintable(tests.out + tests.err));
    for (const QString &name : written)
        QVERIFY2(!QFileInfo::exists(tree + QStringLiteral("/tests/") + name), qPrintable(name));
}

void TestGraduateE2E::verifyMarksUnreproducedSteps()
{
    const QString notebook = QStringLiteral(TASSEL_TEST_DATA_DIR "/graduate/runlog.ipynb");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Without --verify the analysis already knows the timestamp and the random draws cannot come
    // back (nondeterministic-output): their tests are expected to fail, and the others pass.
    const QString plain = dir.path() + QStringLiteral("/plain");
    QVERIFY(graduate(notebook, plain));
    QVERIFY(readAll(plain + QStringLiteral("/tests/test_stamp.py")).contains(QStringLiteral("datetime")));
    const Run plainTests = pytest(plain);
    QVERIFY2(plainTests.exitCode == 0 && plainTests.out.contains(QStringLiteral("xfailed"))
            && !plainTests.out.contains(QStringLiteral("FAILED")),
        qPrintable(plainTests.out));

    const QString tree = dir.path() + QStringLiteral("/package");
    QVERIFY(graduate(notebook, tree, {QStringLiteral("--verify")}));
    const QString stamp = readAll(tree + QStringLiteral("/tests/test_stamp.py"));
    QVERIFY2(stamp.contains(QStringLiteral("@pytest.mark.xfail(reason="))
            && stamp.contains(QStringLiteral("datetime")),
        qPrintable(stamp));
    QVERIFY2(
        readAll(tree + QStringLiteral("/tests/test_sample.py")).contains(QStringLiteral("random.random")),
        qPrintable(readAll(tree + QStringLiteral("/tests/test_sample.py"))));
    QVERIFY(!readAll(tree + QStringLiteral("/tests/test_count.py")).contains(QStringLiteral("xfail")));
    QVERIFY(readAll(tree + QStringLiteral("/tests/test_regression.py")).contains(QStringLiteral("xfail")));
    const QString readme = readAll(tree + QStringLiteral("/README.md"));
    QVERIFY2(readme.contains(QStringLiteral("## Outputs that do not reproduce"))
            && readme.contains(QStringLiteral("- `stamp`: ")),
        qPrintable(readme));
    const Run tests = pytest(tree);
    QVERIFY2(tests.exitCode == 0 && tests.out.contains(QStringLiteral("xfailed"))
            && !tests.out.contains(QStringLiteral("failed,")),
        qPrintable(tests.out + tests.err));
    if (ruffAvailable()) {
        const Run lint = lintWithRuff(tree);
        QVERIFY2(lint.exitCode == 0 && lint.out.contains(QStringLiteral(", 0 diagnostics")),
            qPrintable(lint.out + lint.err));
    }
}

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

/// The last line of `text` that is not blank.
QString lastLine(const QString &text)
{
    const QStringList lines = text.trimmed().split(QLatin1Char('\n'));
    return lines.isEmpty() ? QString() : lines.last();
}

} // namespace

void TestGraduateE2E::contractStopsTheRun_data()
{
    // The sales data with `from` replaced by `to`, what the one-line error must say, and the exit
    // status with --no-validate (-1: anything but the contract's error).
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<int>("unvalidatedExit");
    QTest::addRow("renamed column") << "date,region,amount\n"
                                    << "date,region,total\n"
                                    << QStringList {"column 'amount'", "expected a column of that name",
                                           "found none (columns: date, region, total)"}
                                    << 1;
    QTest::addRow("no rows") << "*"
                             << "date,region,amount\n"
                             << QStringList {"expected at least 2 rows, found 0"} << 1;
    QTest::addRow("too few rows") << "*"
                                  << "date,region,amount\n2024-03-01,north,10.0\n"
                                  << QStringList {"expected at least 2 rows, found 1"} << 0;
    QTest::addRow("empty file") << "*"
                                << "" << QStringList {"expected a table, found an empty file (0 bytes)"} << 1;
    QTest::addRow("text in a number column")
        << "2024-02-03,north,37.5\n"
        << "2024-02-03,north,unknown\n"
        << QStringList {"column 'amount'", "expected float", "found object ('unknown' in row 1)"} << -1;
}

void TestGraduateE2E::contractStopsTheRun()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QStringList, expected);
    QFETCH(int, unvalidatedExit);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString tree = dir.path() + QStringLiteral("/package");
    QVERIFY(graduate(kSalesReport, tree));
    QVERIFY2(
        readAll(tree + QStringLiteral("/contracts/sales.toml")).contains(QStringLiteral("name = \"amount\"")),
        qPrintable(readAll(tree + QStringLiteral("/contracts/sales.toml"))));
    QString data = readAll(tree + QStringLiteral("/data/sales.csv"));
    if (from == QStringLiteral("*"))
        data = to;
    else {
        QVERIFY2(data.contains(from), qPrintable(data));
        data.replace(data.indexOf(from), from.size(), to);
    }
    writeFile(dir.path() + QStringLiteral("/damaged.csv"), data.toUtf8());
    const QStringList args {QStringLiteral("--offline"), QStringLiteral("--input"),
        QStringLiteral("sales=") + dir.path() + QStringLiteral("/damaged.csv")};

    const Run script = run(tree + QStringLiteral("/run.sh"), args, dir.path());
    QCOMPARE(script.exitCode, 2);
    const QString error = lastLine(script.err);
    QVERIFY2(error.contains(QStringLiteral("error: input 'sales': "))
            && error.contains(QStringLiteral("damaged.csv")),
        qPrintable(script.err));
    for (const QString &part : expected)
        QVERIFY2(error.contains(part), qPrintable(script.err));
    QVERIFY2(!script.err.contains(QStringLiteral("Traceback")), qPrintable(script.err));

    const Run unvalidated = run(
        tree + QStringLiteral("/run.sh"), args + QStringList {QStringLiteral("--no-validate")}, dir.path());
    QVERIFY2(!unvalidated.err.contains(expected.last()), qPrintable(unvalidated.err));
    if (unvalidatedExit >= 0)
        QVERIFY2(unvalidated.exitCode == unvalidatedExit, qPrintable(unvalidated.err));
    if (unvalidatedExit == 1) {
        // A step's exception: one line on stderr, the traceback in the log.
        QVERIFY2(lastLine(unvalidated.err).contains(QStringLiteral("error: step '"))
                && !unvalidated.err.contains(QStringLiteral("Traceback")),
            qPrintable(unvalidated.err));
        QVERIFY(readAll(tree + QStringLiteral("/output/run.log")).contains(QStringLiteral("Traceback")));
    }
}

void TestGraduateE2E::runsAreLoggedAndRecorded()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString tree = dir.path() + QStringLiteral("/package");
    QVERIFY(graduate(kSalesReport, tree));
    QVERIFY(readAll(tree + QStringLiteral("/README.md")).contains(QStringLiteral("`contracts/sales.toml`")));

    // The generated failure-path tests run with the others and pass.
    const Run tests = pytest(tree);
    QVERIFY2(tests.exitCode == 0, qPrintable(tests.out + tests.err));
    const QString failurePaths = readAll(tree + QStringLiteral("/tests/test_contracts.py"));
    for (const char *test : {"test_sales_missing_file", "test_sales_empty_file", "test_sales_no_rows",
             "test_sales_missing_column", "test_sales_wrong_kind", "test_regions_missing_column"})
        QVERIFY2(failurePaths.contains(QLatin1String(test)), test);

    const Run script = run(tree + QStringLiteral("/run.sh"),
        {QStringLiteral("--offline"), QStringLiteral("--log-format"), QStringLiteral("json")}, dir.path());
    QVERIFY2(script.exitCode == 0, qPrintable(script.err));
    QStringList events;
    for (const QString &line : script.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QJsonParseError parseError;
        const QJsonDocument entry = QJsonDocument::fromJson(line.toUtf8(), &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError && entry.isObject(), qPrintable(line));
        const QJsonObject object = entry.object();
        events << object.value(QStringLiteral("event")).toString() + QLatin1Char(' ')
                + object.value(QStringLiteral("step")).toString();
        if (object.value(QStringLiteral("step")) == QStringLiteral("load")
            && object.value(QStringLiteral("event")) == QStringLiteral("step_end"))
            QCOMPARE(object.value(QStringLiteral("shapes"))
                         .toObject()
                         .value(QStringLiteral("sales"))
                         .toArray()
                         .size(),
                2);
    }
    QVERIFY2(events.contains(QStringLiteral("step_start load"))
            && events.contains(QStringLiteral("step_end summary"))
            && events.contains(QStringLiteral("run_end ")),
        qPrintable(events.join(QLatin1Char('|'))));

    const QString runJson = tree + QStringLiteral("/output/run.json");
    const QJsonObject summary = QJsonDocument::fromJson(readAll(runJson).toUtf8()).object();
    QCOMPARE(summary.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
    QFile sales(tree + QStringLiteral("/data/sales.csv"));
    QVERIFY(sales.open(QIODevice::ReadOnly));
    const QByteArray bytes = sales.readAll();
    const QJsonObject input
        = summary.value(QStringLiteral("inputs")).toObject().value(QStringLiteral("sales")).toObject();
    QCOMPARE(input.value(QStringLiteral("sha256")).toString(),
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(input.value(QStringLiteral("bytes")).toInteger(), bytes.size());
    QCOMPARE(summary.value(QStringLiteral("steps")).toArray().size(), 3);
    QVERIFY(summary.value(QStringLiteral("versions")).toObject().contains(QStringLiteral("pandas")));
    QVERIFY(summary.value(QStringLiteral("parameters")).toObject().contains(QStringLiteral("month")));

    // diff: the same inputs say nothing; a changed input shows its checksum.
    QVERIFY(QFile::copy(runJson, dir.path() + QStringLiteral("/run1.json")));
    QByteArray changed = bytes;
    changed.replace("37.5", "38.5");
    writeFile(dir.path() + QStringLiteral("/changed.csv"), changed);
    const Run again = run(tree + QStringLiteral("/run.sh"),
        {QStringLiteral("--offline"), QStringLiteral("--input"),
            QStringLiteral("sales=") + dir.path() + QStringLiteral("/changed.csv")},
        dir.path());
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QVERIFY2(!again.err.contains(QLatin1Char('{')), qPrintable(again.err)); // human lines by default
    const QString src = tree + QStringLiteral("/src");
    const Run same = run(QStringLiteral("python3"),
        {QStringLiteral("-m"), QStringLiteral("salesreport"), QStringLiteral("diff"),
            dir.path() + QStringLiteral("/run1.json"), dir.path() + QStringLiteral("/run1.json")},
        src);
    QVERIFY2(same.exitCode == 0 && same.out.trimmed() == QStringLiteral("no differences"),
        qPrintable(same.out + same.err));
    const Run diff = run(QStringLiteral("python3"),
        {QStringLiteral("-m"), QStringLiteral("salesreport"), QStringLiteral("diff"),
            dir.path() + QStringLiteral("/run1.json"), runJson},
        src);
    QVERIFY2(diff.exitCode == 1
            && diff.out.contains(
                QStringLiteral("inputs.sales: sha256 ") + input.value(QStringLiteral("sha256")).toString()),
        qPrintable(diff.out + diff.err));
}

void TestGraduateE2E::contractChecks_data()
{
    // A CSV read with pandas, its contract (TOML), the ContractError's text after "x.csv: " or
    // "" when the table keeps the contract.
    QTest::addColumn<QString>("csv");
    QTest::addColumn<QString>("contract");
    QTest::addColumn<QString>("expected");
    const QString amount = QStringLiteral("[[columns]]\nname = \"n\"\ndtype = \"%1\"\nnullable = %2\n");
    QTest::addRow("int column") << "n\n1\n2\n" << amount.arg("int", "false") << "";
    QTest::addRow("fraction in an int column")
        << "n\n1\n2.5\n"
        << amount.arg("int", "false") << "column 'n': expected int, found float64 (2.5 in row 2)";
    QTest::addRow("int where float is expected") << "n\n1\n" << amount.arg("float", "false") << "";
    QTest::addRow("missing value, nullable") << "n,m\n1,a\n,b\n3,c\n" << amount.arg("int", "true") << "";
    QTest::addRow("missing value, not nullable")
        << "n,m\n1,a\n,b\n3,c\n"
        << amount.arg("int", "false")
        << "column 'n': expected no missing values, found 1 missing (the first in row 2)";
    QTest::addRow("dates as text") << "n\n2024-01-31\n" << amount.arg("datetime", "false") << "";
    QTest::addRow("not a date") << "n\n2024-01-31\nsoon\n"
                                << amount.arg("datetime", "false")
                                << "column 'n': expected datetime, found object ('soon' in row 2)";
    QTest::addRow("truth values") << "n\nTrue\nFalse\n" << amount.arg("bool", "false") << "";
    QTest::addRow("numbers in a string column") << "n\n7\n" << amount.arg("string", "false") << "";
    QTest::addRow("more rows needed") << "n\n1\n"
                                      << "[rows]\nmin = 2\n"
                                      << "expected at least 2 rows, found 1";
}

void TestGraduateE2E::contractChecks()
{
    QFETCH(QString, csv);
    QFETCH(QString, contract);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.path() + QStringLiteral("/x.csv"), csv.toUtf8());
    writeFile(dir.path() + QStringLiteral("/x.toml"), contract.toUtf8());
    const Run check = run(QStringLiteral("python3"),
        {QStringLiteral("-c"),
            QStringLiteral(
                "import sys\nsys.path.insert(0, sys.argv[1])\nimport pandas, _contracts\n"
                "try:\n"
                "    _contracts.check(pandas.read_csv('x.csv'), _contracts.load('x.toml'), 'x.csv')\n"
                "except _contracts.ContractError as error:\n"
                "    print(error)\n"),
            QStringLiteral(TASSEL_SOURCE_DIR "/resources/graduate")},
        dir.path());
    QVERIFY2(check.exitCode == 0, qPrintable(check.err));
    QCOMPARE(check.out.trimmed(), expected.isEmpty() ? QString() : QStringLiteral("x.csv: ") + expected);
}

void TestGraduateE2E::arrayOfOtherDimensionsFails()
{
    // A notebook that loads a 3x4 grid saved with numpy beside it: its failure-path tests feed a
    // 3-D array and expect the contract's one-line dimensions error.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Run made = run(QStringLiteral("python3"),
        {QStringLiteral("-c"),
            QStringLiteral(
                "import json, numpy\n"
                "numpy.save('grid.npy', numpy.arange(12.0).reshape(3, 4))\n"
                "code = 'import numpy as np\\n\\ngrid = np.load(\"grid.npy\")\\nprint(grid.sum())\\n'\n"
                "cells = [{'cell_type': 'markdown', 'id': 'head', 'metadata': {}, 'source': '# Grid'},\n"
                "    {'cell_type': 'code', 'id': 'load', 'metadata': {}, 'execution_count': 1,\n"
                "     'outputs': [{'output_type': 'stream', 'name': 'stdout', 'text': '66.0\\n'}],\n"
                "     'source': code}]\n"
                "with open('grid.ipynb', 'w') as handle:\n"
                "    json.dump({'nbformat': 4, 'nbformat_minor': 5, 'metadata': {}, 'cells': cells}, "
                "handle)\n")},
        dir.path());
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    const QString tree = dir.filePath(QStringLiteral("package"));
    QVERIFY(graduate(dir.filePath(QStringLiteral("grid.ipynb")), tree));
    const QString tests = readAll(tree + QStringLiteral("/tests/test_contracts.py"));
    QVERIFY2(tests.contains(QStringLiteral("def test_grid_wrong_dimensions(")), qPrintable(tests));
    QVERIFY2(tests.contains(QStringLiteral("expected 2 dimensions")), qPrintable(tests));
    const Run result = pytest(tree);
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
    QVERIFY2(result.out.contains(QStringLiteral(" passed")), qPrintable(result.out));
}

void TestGraduateE2E::relativePathsFromTheCallersFolder()
{
    // run.sh changes into the package folder; --input and --output-dir given relative to the
    // user's folder must still mean that folder (they meant the package folder before).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString tree = dir.path() + QStringLiteral("/package");
    QVERIFY(graduate(kSalesReport, tree));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("march")));
    QVERIFY(QFile::copy(
        tree + QStringLiteral("/data/sales.csv"), dir.path() + QStringLiteral("/march/sales.csv")));
    const Run script = run(tree + QStringLiteral("/run.sh"),
        {QStringLiteral("--offline"), QStringLiteral("--input"), QStringLiteral("sales=march/sales.csv"),
            QStringLiteral("--output-dir"), QStringLiteral("results")},
        dir.path());
    QVERIFY2(script.exitCode == 0, qPrintable(script.err));
    QVERIFY2(script.out.contains(QStringLiteral("order lines")), qPrintable(script.out));
    QVERIFY2(QFileInfo::exists(dir.path() + QStringLiteral("/results/run.json")), qPrintable(script.err));
    QVERIFY(!QFileInfo::exists(tree + QStringLiteral("/results")));
}

void TestGraduateE2E::optionalInputMayBeAbsent()
{
    // stockvalue reads data/stock.csv, and data/overrides.csv only under an existence check: the
    // package runs without the overrides (the notebook's else branch) but not without the stock.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString tree = dir.path() + QStringLiteral("/package");
    QVERIFY(graduate(QStringLiteral(TASSEL_TEST_DATA_DIR "/graduate/stockvalue.ipynb"), tree));
    const QString failurePaths = readAll(tree + QStringLiteral("/tests/test_contracts.py"));
    for (const char *test : {"def test_overrides_absent_is_optional(", "def test_stock_missing_file(",
             "def test_overrides_missing_column("})
        QVERIFY2(failurePaths.contains(QLatin1String(test)), test);
    QVERIFY2(
        !failurePaths.contains(QStringLiteral("def test_overrides_missing_file(")), qPrintable(failurePaths));
    const Run tests = pytest(tree);
    QVERIFY2(tests.exitCode == 0, qPrintable(tests.out + tests.err));

    QVERIFY(QFile::remove(tree + QStringLiteral("/data/overrides.csv")));
    const Run without = run(tree + QStringLiteral("/run.sh"), {QStringLiteral("--offline")}, dir.path());
    QVERIFY2(without.exitCode == 0, qPrintable(without.err));
    QVERIFY2(without.out.contains(QStringLiteral("no price overrides"))
            && without.out.contains(QStringLiteral("total stock value: ")),
        qPrintable(without.out));
    QVERIFY2(without.err.contains(QStringLiteral("input overrides: "))
            && without.err.contains(QStringLiteral("absent (optional")),
        qPrintable(without.err));
    const QJsonObject inputs
        = QJsonDocument::fromJson(readAll(tree + QStringLiteral("/output/run.json")).toUtf8())
              .object()
              .value(QStringLiteral("inputs"))
              .toObject();
    QVERIFY(inputs.value(QStringLiteral("overrides")).toObject().value(QStringLiteral("absent")).toBool());
    QVERIFY(!inputs.value(QStringLiteral("stock")).toObject().contains(QStringLiteral("absent")));

    QVERIFY(QFile::remove(tree + QStringLiteral("/data/stock.csv")));
    const Run stopped = run(tree + QStringLiteral("/run.sh"), {QStringLiteral("--offline")}, dir.path());
    QCOMPARE(stopped.exitCode, 2);
    QVERIFY2(lastLine(stopped.err).contains(QStringLiteral("input 'stock'"))
            && lastLine(stopped.err).contains(QStringLiteral("is missing")),
        qPrintable(stopped.err));
    QVERIFY2(stopped.out.isEmpty(), qPrintable(stopped.out));
}

QTEST_GUILESS_MAIN(TestGraduateE2E)
#include "tst_graduate_e2e.moc"
