// Hostile input: markup in names and metadata must stay text in HTML and Markdown reports, a
// writer that cannot write must say so and leave no partial file, pathological code must be
// analysed quickly without exhausting the stack, notebook text must not become code in a
// graduated package nor control sequences on a terminal, and no command writes over its input.
#include "analysis/notebookanalyzer.h"
#include "graduate/packagewriter.h"
#include "notebook/notebookloader.h"
#include "report/htmlreport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include <sys/stat.h>
#include <unistd.h>

using namespace tassel;

namespace {

nlohmann::json codeCell(const std::string &id, const std::string &source)
{
    return {{"cell_type", "code"}, {"id", id}, {"metadata", nlohmann::json::object()}, {"source", source},
        {"outputs", nlohmann::json::array()}, {"execution_count", nullptr}};
}

nlohmann::json notebookWith(nlohmann::json cells, nlohmann::json metadata = nlohmann::json::object())
{
    metadata["kernelspec"] = {{"name", "python3"}, {"language", "python"}, {"display_name", "Python 3"}};
    return {{"nbformat", 4}, {"nbformat_minor", 5}, {"metadata", metadata}, {"cells", cells}};
}

nlohmann::json markdownCell(const std::string &id, const std::string &source)
{
    return {
        {"cell_type", "markdown"}, {"id", id}, {"metadata", nlohmann::json::object()}, {"source", source}};
}

void writeFile(const QString &path, const std::string &bytes)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(bytes.data(), qint64(bytes.size()));
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runProgram(const QString &program, const QStringList &arguments, const QString &directory = {},
    const QStringList &environment = {})
{
    QProcess process;
    if (!directory.isEmpty())
        process.setWorkingDirectory(directory);
    if (!environment.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &entry : environment)
            env.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
        process.setProcessEnvironment(env);
    }
    process.start(program, arguments);
    if (!process.waitForFinished(180000)) {
        process.kill();
        process.waitForFinished();
        return {-1, {}, QStringLiteral("timed out")};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError())};
}

QStringList filesBelow(const QString &dir)
{
    QStringList files;
    QDirIterator it(
        dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void htmlReportEscapesNamesAndMetadata_data();
    void htmlReportEscapesNamesAndMetadata();
    void failingWriterLeavesNoPartialFile_data();
    void failingWriterLeavesNoPartialFile();
    void writerStopsAtAFileWhereAFolderMustGo();
    void fullDiskLeavesOnlyCompleteFiles();
    void pathologicalCodeIsAnalysedQuickly_data();
    void pathologicalCodeIsAnalysedQuickly();
    void cellBeyondALimitIsSkippedAndSaysSo_data();
    void cellBeyondALimitIsSkippedAndSaysSo();
    void hostileIdsAndHeadingsGraduateSafely_data();
    void hostileIdsAndHeadingsGraduateSafely();
    void outputNeverReplacesAnInput_data();
    void outputNeverReplacesAnInput();
    void longConstantsGraduate_data();
    void longConstantsGraduate();
    void markdownReportKeepsNamesInCodeSpans();
    void terminalGetsNoControlSequences_data();
    void terminalGetsNoControlSequences();
    void namedPipeIsRefused_data();
    void namedPipeIsRefused();
};

void TestHostile::htmlReportEscapesNamesAndMetadata_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("metadataKey");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mustAppearEscaped");
    QTest::addRow("markup in the file name") << "\"><img src=x onerror=alert(1)>.ipynb"
                                             << "title"
                                             << "print(undefined_name)"
                                             << "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.ipynb";
    QTest::addRow("script in a metadata key holding a secret") << "meta.ipynb"
                                                               << "<script>alert(1)</script>_api_token"
                                                               << "x = 1"
                                                               << "hardcoded-secret";
    QTest::addRow("javascript link in code excerpt")
        << "link.ipynb"
        << "title"
        << "url = '<a href=\"javascript:alert(1)\">x</a>'\nprint(url, later)\nlater = 1"
        << "&lt;a href=";
}

void TestHostile::htmlReportEscapesNamesAndMetadata()
{
    QFETCH(QString, fileName);
    QFETCH(QString, metadataKey);
    QFETCH(QString, code);
    QFETCH(QString, mustAppearEscaped);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Assembled at run time so the repository holds no token-shaped literal.
    const std::string token = std::string("gh") + "p_" + "Zq8vK2mX9pL4rT7wB3nY" + "6cF1aQ5sD0hJ2kLm";
    nlohmann::json metadata = {{metadataKey.toStdString(), token}};
    const std::string json = notebookWith({codeCell("c1", code.toStdString())}, metadata).dump(1);
    const QString path = dir.path() + QLatin1Char('/') + fileName;
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json.data(), qint64(json.size()));
    file.close();

    const NotebookAnalysis analysis = analyzeFile(path.toStdString());
    QVERIFY2(!analysis.error, analysis.error ? analysis.error->c_str() : "");
    const QString html = QString::fromStdString(HtmlReport::render({analysis}));
    QVERIFY2(html.contains(mustAppearEscaped), "the hostile text is not in the report at all");
    QVERIFY(!html.contains(QStringLiteral("<script")));
    QVERIFY(!html.contains(QStringLiteral("<img")));
    QVERIFY(!html.contains(QStringLiteral("href=\"javascript:")));
    QVERIFY(!html.contains(QStringLiteral("<a href=\"javascript")));
    // The secret's value is masked, never shown.
    QVERIFY(!html.contains(QString::fromStdString(token)));
}

void TestHostile::failingWriterLeavesNoPartialFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addRow("parent of the target is a file") << "parent-is-file";
    QTest::addRow("target is a file") << "target-is-file";
    QTest::addRow("read-only target folder") << "read-only";
}

void TestHostile::failingWriterLeavesNoPartialFile()
{
    QFETCH(QString, kind);
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    QString target;
    if (kind == QLatin1String("parent-is-file") || kind == QLatin1String("target-is-file")) {
        QFile blocker(parent.path() + QStringLiteral("/blocker"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.write("not a folder");
        blocker.close();
        target = kind == QLatin1String("parent-is-file") ? blocker.fileName() + QStringLiteral("/out")
                                                         : blocker.fileName();
    } else if (::geteuid() != 0) {
        target = parent.path() + QStringLiteral("/ro");
        QVERIFY(QDir().mkpath(target));
        QVERIFY(QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    } else {
        // Root ignores permission bits; procfs refuses new entries even to root.
        target = QStringLiteral("/proc/%1/tassel-out").arg(::getpid());
    }
    const std::vector<GeneratedFile> files
        = {{"pkg/__init__.py", "x = 1\n", false}, {"pkg/run.sh", "#!/bin/sh\n", true}};
    const auto result = PackageWriter::write(files, target.toStdString(), true);
    QVERIFY(!result);
    const QString code = QString::fromStdString(result.error().code);
    QVERIFY2(code == QLatin1String("io-error") || code == QLatin1String("bad-target"), qPrintable(code));
    // The error names the place it could not write.
    QCOMPARE(QString::fromStdString(result.error().file), target);
    QVERIFY(!result.error().message.empty());
    if (kind == QLatin1String("read-only"))
        QFile::setPermissions(
            target, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QStringList left = filesBelow(parent.path());
    QVERIFY2(left == QStringList {} || left == QStringList {parent.path() + QStringLiteral("/blocker")},
        qPrintable(left.join(QLatin1Char(' '))));
    if (kind != QLatin1String("read-only")) {
        QFile blocker(parent.path() + QStringLiteral("/blocker"));
        QVERIFY(blocker.open(QIODevice::ReadOnly));
        QCOMPARE(blocker.readAll(), QByteArray("not a folder"));
    }
}

void TestHostile::writerStopsAtAFileWhereAFolderMustGo()
{
    // The second file needs a folder where the first file was written: the write fails midway.
    // Every file on disk must be complete (QSaveFile), with no temporary left behind.
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString target = parent.path() + QStringLiteral("/out");
    const std::vector<GeneratedFile> files = {{"a", "first\n", false}, {"a/b.py", "second\n", false}};
    const auto result = PackageWriter::write(files, target.toStdString(), false);
    QVERIFY(!result);
    QCOMPARE(QString::fromStdString(result.error().code), QStringLiteral("io-error"));
    QVERIFY2(QString::fromStdString(result.error().message).contains(QStringLiteral("a/b.py")),
        result.error().message.c_str());
    const QStringList left = filesBelow(parent.path());
    for (const QString &path : left) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("first\n")); // only the complete first file
    }
    QVERIFY(left.size() <= 1);
}

void TestHostile::fullDiskLeavesOnlyCompleteFiles()
{
    // A real full disk: a 24 kB tmpfs in a private mount namespace (it vanishes with the shell).
    if (::geteuid() != 0 || QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty())
        QSKIP(
            "mounting a tiny tmpfs needs root and unshare; failingWriterLeavesNoPartialFile covers the rest");
    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString example = QStringLiteral(TASSEL_SOURCE_DIR "/resources/examples/penguins.ipynb");
    const QString good = work.path() + QStringLiteral("/good");
    const QString full = work.path() + QStringLiteral("/full");
    QVERIFY(QDir().mkpath(full));

    QProcess graduate;
    graduate.start(QStringLiteral(TASSEL_BINARY),
        {QStringLiteral("graduate"), example, QStringLiteral("--output"), good});
    QVERIFY(graduate.waitForFinished(120000));
    QCOMPARE(graduate.exitCode(), 0);
    const int complete = int(filesBelow(good).size());
    QVERIFY(complete > 10);

    // Already in a namespace of our own (packaging/dev's build root): its mounts are private and
    // "/" may not be a mount point. Otherwise ask for private propagation so nothing leaks out.
    const bool ownNamespace = QFile::symLinkTarget(QStringLiteral("/proc/self/ns/mnt"))
        != QFile::symLinkTarget(QStringLiteral("/proc/1/ns/mnt"));
    const QString script = QStringLiteral(R"(mount -t tmpfs -o size=24k tassel-full "$1" || exit 99
"$2" graduate "$3" --output "$1/pkg" 2>"$1/../stderr.txt"; echo "exit=$?"
cd "$1/pkg" 2>/dev/null || exit 0
find . -type f | while read -r f; do
  if cmp -s "$f" "$4/${f#./}"; then echo "complete $f"; else echo "partial $f"; fi
done)");
    QProcess shell;
    shell.start(QStringLiteral("unshare"),
        {QStringLiteral("--mount"),
            ownNamespace ? QStringLiteral("--propagation=unchanged")
                         : QStringLiteral("--propagation=private"),
            QStringLiteral("sh"), QStringLiteral("-c"), script, QStringLiteral("sh"), full,
            QStringLiteral(TASSEL_BINARY), example, good});
    QVERIFY(shell.waitForFinished(120000));
    if (shell.exitCode() == 99 || (shell.exitCode() != 0 && !ownNamespace))
        QSKIP(qPrintable(
            QStringLiteral("cannot mount a tmpfs here: ") + QString::fromUtf8(shell.readAllStandardError())));
    const QStringList lines
        = QString::fromUtf8(shell.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(!lines.isEmpty() && lines.first().startsWith(QLatin1String("exit=")),
        qPrintable(lines.join(QLatin1Char('|'))));
    // The package does not fit: graduation fails and says why, naming the file it could not write.
    QVERIFY2(lines.first() != QLatin1String("exit=0"), qPrintable(lines.join(QLatin1Char('|'))));
    QFile stderrFile(work.path() + QStringLiteral("/stderr.txt"));
    QVERIFY(stderrFile.open(QIODevice::ReadOnly));
    const QString message = QString::fromUtf8(stderrFile.readAll());
    QVERIFY2(message.contains(QLatin1String("space"), Qt::CaseInsensitive) && message.contains(full),
        qPrintable(message));
    // What was written is whole: every file left matches the complete package byte for byte.
    const QStringList partial = lines.filter(QStringLiteral("partial "));
    QVERIFY2(partial.isEmpty(), qPrintable(partial.join(QLatin1Char(' '))));
    QVERIFY(lines.filter(QStringLiteral("complete ")).size() < complete);
}

void TestHostile::pathologicalCodeIsAnalysedQuickly_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<int>("seconds");
    QTest::addRow("10,000 nested parentheses") << "parens" << 20;
    QTest::addRow("10,000 nested lists") << "lists" << 20;
    QTest::addRow("10,000 chained attribute calls") << "calls" << 20;
    QTest::addRow("2,000 nested if blocks") << "ifs" << 20;
    QTest::addRow("5 MB single-line cell") << "long-line" << 20;
    QTest::addRow("5 MB single-line string") << "long-string" << 20;
}

void TestHostile::pathologicalCodeIsAnalysedQuickly()
{
    QFETCH(QString, shape);
    QFETCH(int, seconds);
    std::string code;
    if (shape == QLatin1String("parens"))
        code = "x = " + std::string(10000, '(') + "1" + std::string(10000, ')') + "\nprint(x)\n";
    else if (shape == QLatin1String("lists"))
        code = "x = " + std::string(10000, '[') + "y" + std::string(10000, ']') + "\ny = 1\n";
    else if (shape == QLatin1String("calls")) {
        code = "x = df";
        for (int i = 0; i < 10000; ++i)
            code += ".f()";
        code += "\n";
    } else if (shape == QLatin1String("ifs")) {
        for (int i = 0; i < 2000; ++i)
            code += std::string(std::size_t(i), ' ') + "if x:\n";
        code += std::string(2000, ' ') + "y = z\n";
    } else if (shape == QLatin1String("long-line")) {
        code = "x = 0";
        while (code.size() < 5u * 1024 * 1024)
            code += " + a1";
        code += "\n";
    } else {
        code = "x = '" + std::string(5u * 1024 * 1024, 'a') + "'\nprint(x)\n";
    }
    const std::string json = notebookWith({codeCell("c1", code), codeCell("c2", "print(x)\n")}).dump();

    QElapsedTimer timer;
    timer.start();
    const auto notebook = NotebookLoader().loadBytes(json, "pathological.ipynb");
    QVERIFY2(notebook, notebook ? "" : notebook.error().toString().c_str());
    QCOMPARE(notebook->cells.size(), std::size_t(2));
    const NotebookAnalysis analysis = analyzeNotebook(*notebook);
    const qint64 elapsed = timer.elapsed();
    qInfo("%s: %lld ms", qPrintable(shape), elapsed);
    QVERIFY2(elapsed < seconds * 1000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
    // A clear result: both cells analysed, and the name the second cell reads is known.
    QVERIFY(!analysis.error);
    QCOMPARE(analysis.cells.size(), std::size_t(2));
    QCOMPARE(analysis.cellInfo.size(), std::size_t(2));
    const auto has = [](const std::vector<NameRef> &refs, const std::string &name) {
        return std::any_of(refs.begin(), refs.end(), [&](const NameRef &ref) { return ref.name == name; });
    };
    QVERIFY(has(analysis.cells[1].uses, "x"));
    // tree-sitter needs seconds for a 5 MB expression: past the parse time limit the cell is
    // skipped with an analysis-limit finding instead (how long it takes depends on the machine).
    const bool skipped = std::any_of(analysis.findings.begin(), analysis.findings.end(),
        [](const Finding &f) { return f.rule == "analysis-limit" && f.cell == 0; });
    if (shape == QLatin1String("long-line") && skipped)
        QVERIFY(analysis.cells[0].defines.empty());
    else
        QCOMPARE(has(analysis.cells[0].defines, "x"), shape != QLatin1String("ifs"));
    QCOMPARE(skipped && shape != QLatin1String("long-line"), false);
}

void TestHostile::cellBeyondALimitIsSkippedAndSaysSo_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<qulonglong>("maxSourceBytes");
    QTest::addColumn<double>("maxParseSeconds");
    QTest::addColumn<QString>("messagePart");
    QTest::addRow("source longer than the limit")
        << "long-line" << qulonglong(64 * 1024) << 2.0 << "more than the analysis limit of 65536";
    QTest::addRow("default source limit (8 MiB)")
        << "huge-string" << qulonglong(PythonCellAnalyzer::Limits {}.maxSourceBytes) << 2.0
        << "more than the analysis limit of 8388608";
    QTest::addRow("parse time limit") << "long-line" << qulonglong(64 << 20) << 0.01 << "took longer";
}

void TestHostile::cellBeyondALimitIsSkippedAndSaysSo()
{
    QFETCH(QString, shape);
    QFETCH(qulonglong, maxSourceBytes);
    QFETCH(double, maxParseSeconds);
    QFETCH(QString, messagePart);
    std::string code;
    if (shape == QLatin1String("long-line")) {
        code = "x = 0";
        while (code.size() < 5u * 1024 * 1024)
            code += " + a1";
    } else {
        code = "x = '" + std::string(9u * 1024 * 1024, 'a') + "'";
    }
    code += "\n";
    const std::string json = notebookWith(
        {codeCell("c0", "a1 = 1\n"), codeCell("c1", code), codeCell("c2", "print(x, never_defined)\n")})
                                 .dump();
    const auto notebook = NotebookLoader().loadBytes(json, "limits.ipynb");
    QVERIFY2(notebook, notebook ? "" : notebook.error().toString().c_str());

    AnalysisOptions options;
    options.cellLimits.maxSourceBytes = std::size_t(maxSourceBytes);
    options.cellLimits.maxParseSeconds = maxParseSeconds;
    const NotebookAnalysis analysis = analyzeNotebook(*notebook, options);
    std::vector<const Finding *> limits;
    for (const Finding &finding : analysis.findings) {
        if (finding.rule == "analysis-limit")
            limits.push_back(&finding);
        // What the skipped cell binds is unknown, so nothing after it may be called undefined.
        QVERIFY2(finding.rule != "undefined-name" && finding.rule != "use-before-definition",
            finding.message.c_str());
    }
    QCOMPARE(limits.size(), std::size_t(1));
    QCOMPARE(limits.front()->cell, 1);
    QCOMPARE(limits.front()->line, 1);
    QCOMPARE(limits.front()->severity, Severity::Warning);
    QVERIFY2(QString::fromStdString(limits.front()->message).contains(messagePart),
        limits.front()->message.c_str());
    // The cells around it are analysed as usual.
    QCOMPARE(analysis.cells[0].defines.size(), std::size_t(1));
    QVERIFY(analysis.cells[1].defines.empty());
    QCOMPARE(analysis.cells[2].uses.size(), std::size_t(2));
}

void TestHostile::hostileIdsAndHeadingsGraduateSafely_data()
{
    QTest::addColumn<QString>("idPrefix");
    QTest::addColumn<QStringList>("headings");
    const QStringList plain = {QStringLiteral("Load"), QStringLiteral("Clean"), QStringLiteral("Report")};
    // {MARKER} becomes a path in the test's folder: the file must never appear.
    QTest::addRow("code after a newline in a cell id")
        << "h1\n__import__('pathlib').Path('{MARKER}').write_text('pwned')\n#" << plain;
    QTest::addRow("carriage return and quotes in a cell id")
        << "a\r__import__('pathlib').Path('{MARKER}').write_text('x') # \"\"\"'" << plain;
    QTest::addRow("escapes, NUL and quotes in headings")
        << "c"
        << QStringList {QStringLiteral("Totals \\N per day \\U \\u12"),
               QString::fromUtf8("NUL [\0] here", 12), QStringLiteral("Quotes \"\"\" and ''' end \\")};
    QTest::addRow("newline-like characters in headings")
        << "d"
        << QStringList {QStringLiteral("Form\ffeed"), QStringLiteral("Line\u2028separator\vvt"),
               QStringLiteral("Escape \x1b[31mred")};
}

void TestHostile::hostileIdsAndHeadingsGraduateSafely()
{
    QFETCH(QString, idPrefix);
    QFETCH(QStringList, headings);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString marker = dir.path() + QStringLiteral("/pwned");
    const std::string prefix = idPrefix.replace(QLatin1String("{MARKER}"), marker).toStdString();
    auto id = [&](int n) { return prefix + std::to_string(n); };
    const nlohmann::json cells = {markdownCell(id(0), "# " + headings[0].toStdString()),
        codeCell(id(1), "THRESHOLD = 0.5\n"), codeCell(id(2), "values = [x * THRESHOLD for x in range(3)]\n"),
        markdownCell(id(3), "## " + headings[1].toStdString()),
        codeCell(id(4), "def double(x):\n    return x * 2\n"), codeCell(id(5), "print(double(THRESHOLD))\n"),
        markdownCell(id(6), "## " + headings[2].toStdString()),
        codeCell(id(7), "total = double(sum(values))\ntotal\n")};
    const QString notebook = dir.path() + QStringLiteral("/hostile.ipynb");
    writeFile(notebook, notebookWith(cells).dump(1));
    const QString package = dir.path() + QStringLiteral("/pkg");
    const Run graduate = runProgram(QStringLiteral(TASSEL_BINARY),
        {QStringLiteral("graduate"), notebook, QStringLiteral("--output"), package});
    QVERIFY2(graduate.exitCode == 0, qPrintable(graduate.err));

    // Nothing the notebook said starts a line of code in any generated file.
    for (const QString &path : filesBelow(package)) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        for (const QString &line : text.split(QRegularExpression(QStringLiteral("[\r\n]"))))
            QVERIFY2(!line.trimmed().startsWith(QLatin1String("__import__")),
                qPrintable(path + QStringLiteral(": ") + line));
    }
    const Run compile = runProgram(QStringLiteral("python3"),
        {QStringLiteral("-m"), QStringLiteral("compileall"), QStringLiteral("-q"), package});
    QVERIFY2(compile.exitCode == 0, qPrintable(compile.out + compile.err));

    // Every module imports without side effects, the TOML files parse, and the headings come
    // back unchanged as the steps' docstrings.
    const QString check = dir.path() + QStringLiteral("/check.py");
    writeFile(check, R"PY(import importlib, json, pathlib, pkgutil, sys, tomllib
name, marker = sys.argv[1], sys.argv[2]
package = importlib.import_module(name)
docs = []
for info in pkgutil.iter_modules(package.__path__):
    if info.name != "__main__":
        module = importlib.import_module(name + "." + info.name)
        docs += [value.__doc__ or "" for value in vars(module).values()
                 if callable(value) and getattr(value, "__module__", "") == module.__name__]
for toml in ("config/params.toml", "pyproject.toml"):
    tomllib.loads(pathlib.Path(toml).read_text(encoding="utf-8"))
print(json.dumps({"docs": docs, "marker": pathlib.Path(marker).exists()}))
)PY");
    const QStringList pythonPath = {QStringLiteral("PYTHONPATH=") + package + QStringLiteral("/src")};
    const Run imported = runProgram(
        QStringLiteral("python3"), {check, QStringLiteral("hostile"), marker}, package, pythonPath);
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    const nlohmann::json result = nlohmann::json::parse(imported.out.toStdString());
    QCOMPARE(result["marker"].get<bool>(), false);
    const auto docs = result["docs"].get<std::vector<std::string>>();
    for (const QString &heading : headings)
        QVERIFY2(std::find(docs.begin(), docs.end(), heading.toStdString()) != docs.end(),
            qPrintable(QStringLiteral("no step documented as: ") + heading));

    // The pipeline runs to the end, and still nothing ran that was in no cell.
    const Run pipeline = runProgram(
        QStringLiteral("python3"), {QStringLiteral("-m"), QStringLiteral("hostile")}, package, pythonPath);
    QVERIFY2(pipeline.exitCode == 0, qPrintable(pipeline.err));
    QVERIFY(!QFile::exists(marker));

    // The loader reports the invalid ids and gives the cells valid ones before anything uses them.
    const auto loaded = NotebookLoader().loadFile(notebook.toStdString());
    QVERIFY(loaded);
    const bool hostileId = idPrefix.size() > 1;
    QCOMPARE(std::count_if(loaded->warnings.begin(), loaded->warnings.end(),
                 [](const LoadWarning &w) { return w.code == "invalid-id"; }),
        std::ptrdiff_t(hostileId ? cells.size() : 0));
    for (const Cell &cell : loaded->cells)
        QVERIFY2(cell.id.size() <= 64 && cell.id.find_first_of("\n\r'()# \"") == std::string::npos,
            cell.id.c_str());
}

void TestHostile::outputNeverReplacesAnInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("named");
    // {NB} is the input notebook in {DIR}/notebooks; {DIR}/link points at {DIR}/elsewhere,
    // {DIR}/nblink at the notebook, {DIR}/hard is a hard link to it.
    const QString graduate = QStringLiteral("graduate");
    const QString check = QStringLiteral("check");
    const QString verify = QStringLiteral("verify");
    const QString output = QStringLiteral("--output");
    QTest::addRow("graduate into the folder above the notebook, --force") << QStringList {graduate,
        QStringLiteral("{NB}"), output, QStringLiteral("{DIR}"), QStringLiteral("--force")}
                                                                          << "{NB}";
    QTest::addRow("graduate into the same folder through ..") << QStringList {graduate,
        QStringLiteral("{NB}"), output, QStringLiteral("{DIR}/notebooks/.."), QStringLiteral("--force")}
                                                              << "{NB}";
    QTest::addRow("graduate into link/") << QStringList {graduate, QStringLiteral("{NB}"), output,
        QStringLiteral("{DIR}/link/")} << "{DIR}/link/";
    QTest::addRow("graduate below a symlinked parent") << QStringList {graduate, QStringLiteral("{NB}"),
        output, QStringLiteral("{DIR}/link/pkg")} << "{DIR}/link/pkg";
    QTest::addRow("check --output the notebook") << QStringList {check, QStringLiteral("--format"),
        QStringLiteral("json"), output, QStringLiteral("{NB}"), QStringLiteral("{NB}")}
                                                 << "{NB}";
    QTest::addRow("check --output a symlink to the notebook")
        << QStringList {check, output, QStringLiteral("{DIR}/nblink"), QStringLiteral("{NB}")} << "{NB}";
    QTest::addRow("check --output a hard link to the notebook")
        << QStringList {check, output, QStringLiteral("{DIR}/hard"), QStringLiteral("{DIR}/notebooks")}
        << "{NB}";
    QTest::addRow("check --output the notebook through ..") << QStringList {check, output,
        QStringLiteral("{DIR}/link/../notebooks/hostile.ipynb"), QStringLiteral("{NB}")}
                                                            << "{NB}";
    QTest::addRow("verify --save-executed the notebook") << QStringList {verify, QStringLiteral("{NB}"),
        QStringLiteral("--save-executed"), QStringLiteral("{NB}")}
                                                         << "{NB}";
    QTest::addRow("verify --output the notebook")
        << QStringList {verify, QStringLiteral("{NB}"), output, QStringLiteral("{DIR}/nblink")} << "{NB}";
}

void TestHostile::outputNeverReplacesAnInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, named);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString notebook = dir.path() + QStringLiteral("/notebooks/hostile.ipynb");
    QVERIFY(QDir().mkpath(dir.path() + QStringLiteral("/notebooks")));
    QVERIFY(QDir().mkpath(dir.path() + QStringLiteral("/elsewhere")));
    writeFile(notebook, notebookWith({codeCell("c1", "x = 1\nprint(x)\n")}).dump(1));
    QVERIFY(QFile::link(dir.path() + QStringLiteral("/elsewhere"), dir.path() + QStringLiteral("/link")));
    QVERIFY(QFile::link(notebook, dir.path() + QStringLiteral("/nblink")));
    QCOMPARE(::link(QFile::encodeName(notebook).constData(),
                 QFile::encodeName(dir.path() + QStringLiteral("/hard")).constData()),
        0);
    auto hash = [&] {
        QFile file(notebook);
        return file.open(QIODevice::ReadOnly)
            ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256)
            : QByteArray();
    };
    const QByteArray before = hash();
    auto expand = [&](QString text) {
        return text.replace(QLatin1String("{NB}"), notebook).replace(QLatin1String("{DIR}"), dir.path());
    };
    QStringList expanded;
    for (const QString &argument : arguments)
        expanded << expand(argument);

    const Run run = runProgram(QStringLiteral(TASSEL_BINARY), expanded);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(expand(named)), qPrintable(run.err));
    QCOMPARE(hash(), before);
    QVERIFY(QFileInfo(notebook).isFile() && !QFileInfo(notebook).isSymLink());
    QVERIFY2(filesBelow(dir.path() + QStringLiteral("/elsewhere")).isEmpty(),
        qPrintable(filesBelow(dir.path() + QStringLiteral("/elsewhere")).join(QLatin1Char(' '))));
}

void TestHostile::longConstantsGraduate_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addRow("300 kB string constant") << "string";
    QTest::addRow("300 kB number") << "number";
    QTest::addRow("300 kB language version") << "version";
}

void TestHostile::longConstantsGraduate()
{
    QFETCH(QString, shape);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::size_t size = 300 * 1024;
    std::string constant = "BIG = '" + std::string(size, 'a') + "'\n";
    nlohmann::json metadata = nlohmann::json::object();
    if (shape == QLatin1String("number"))
        constant = "BIG = 1" + std::string(size, '0') + "\n";
    else if (shape == QLatin1String("version"))
        metadata["language_info"] = {{"name", "python"}, {"version", "3." + std::string(size, '1')}};
    const QString notebook = dir.path() + QStringLiteral("/long.ipynb");
    writeFile(notebook,
        notebookWith({codeCell("c1", constant), codeCell("c2", "print(len(str(BIG)))\n")}, metadata).dump(1));
    const QString package = dir.path() + QStringLiteral("/pkg");
    const Run graduate = runProgram(QStringLiteral(TASSEL_BINARY),
        {QStringLiteral("graduate"), notebook, QStringLiteral("--output"), package});
    QVERIFY2(graduate.exitCode == 0, qPrintable(QString::number(graduate.exitCode) + u' ' + graduate.err));
    QFile config(package + QStringLiteral("/src/long/config.py"));
    QVERIFY(config.open(QIODevice::ReadOnly));
    QVERIFY(config.size() > qint64(size)); // the constant became configuration
}

void TestHostile::markdownReportKeepsNamesInCodeSpans()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.path() + QStringLiteral("/a`b<img src=x onerror=alert(1)>`c|d.ipynb");
    writeFile(path, notebookWith({codeCell("c1", "print(undefined_name)\n")}).dump(1));
    const NotebookAnalysis analysis = analyzeFile(path.toStdString());
    QVERIFY(!analysis.error);
    const QString markdown = dir.path() + QStringLiteral("/report.md");
    writeFile(markdown, MarkdownReport::render({analysis}));
    // A real Markdown renderer (mistune, nbconvert's) must show no tag from the file name.
    const Run html = runProgram(QStringLiteral("python3"),
        {QStringLiteral("-c"),
            QStringLiteral(
                "import mistune, sys; print(mistune.html(open(sys.argv[1], encoding='utf-8').read()))"),
            markdown});
    if (html.exitCode != 0 && html.err.contains(QLatin1String("mistune")))
        QSKIP("mistune (python3-mistune) is not installed");
    QVERIFY2(html.exitCode == 0, qPrintable(html.err));
    QVERIFY2(!html.out.contains(QLatin1String("<img")), qPrintable(html.out));
    QVERIFY2(html.out.contains(QLatin1String("&lt;img src=x onerror=alert(1)&gt;")), qPrintable(html.out));
}

void TestHostile::terminalGetsNoControlSequences_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("source");
    QTest::addRow("check: ESC in the file name") << "check"
                                                 << "esc\x1b]0;pwned\x07\x1b[2J.ipynb"
                                                 << "print(undefined_name)\n";
    QTest::addRow("verify: ESC in the file name") << "verify"
                                                  << "esc\x1b[31m.ipynb"
                                                  << "print('same')\n";
    QTest::addRow("verify: ESC printed by a cell") << "verify"
                                                   << "printed.ipynb"
                                                   << "print('\\x1b]0;pwned\\x07\\x1b[2Jchanged')\n";
}

void TestHostile::terminalGetsNoControlSequences()
{
    QFETCH(QString, command);
    QFETCH(QString, fileName);
    QFETCH(QString, source);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    nlohmann::json cell = codeCell("c1", source.toStdString());
    cell["execution_count"] = 1;
    cell["outputs"]
        = nlohmann::json::array({{{"output_type", "stream"}, {"name", "stdout"}, {"text", "same\n"}}});
    const QString path = dir.path() + QLatin1Char('/') + fileName;
    writeFile(path, notebookWith({cell}).dump(1));
    const Run run = runProgram(QStringLiteral(TASSEL_BINARY), {command, path});
    QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(run.err));
    QVERIFY2(!run.out.isEmpty(), "nothing was reported");
    for (const QString &stream : {run.out, run.err})
        QVERIFY2(!stream.contains(QChar(0x1b)) && !stream.contains(QChar(0x07)), qPrintable(stream));
    QVERIFY2(run.out.contains(QLatin1String("\\x1b")), qPrintable(run.out)); // shown, escaped
}

void TestHostile::namedPipeIsRefused_data()
{
    QTest::addColumn<QString>("command");
    QTest::addRow("check") << "check";
    QTest::addRow("graduate") << "graduate";
    QTest::addRow("verify") << "verify";
}

void TestHostile::namedPipeIsRefused()
{
    QFETCH(QString, command);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fifo = dir.path() + QStringLiteral("/pipe.ipynb");
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QStringList arguments = {command, fifo};
    if (command == QLatin1String("graduate"))
        arguments << QStringLiteral("--output") << dir.path() + QStringLiteral("/pkg");
    QProcess process;
    process.start(QStringLiteral(TASSEL_BINARY), arguments);
    const bool finished = process.waitForFinished(20000);
    if (!finished) {
        process.kill();
        process.waitForFinished();
    }
    QVERIFY2(finished, "tassel hangs on a named pipe");
    QCOMPARE(process.exitCode(), 2);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains(fifo) && err.contains(QLatin1String("not a regular file")), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
