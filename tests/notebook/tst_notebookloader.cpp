#include "notebook/notebookloader.h"
#include "notebook/notebookwriter.h"
#include "testcorpus.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace tassel;

namespace {

using Row = std::map<QString, QString>;

/// Rows of a tab-separated file with a header line, keyed by column name.
std::vector<Row> readTsv(const QString &path)
{
    std::vector<Row> rows;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return rows;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return rows;
    const QStringList header = lines.first().split(QLatin1Char('\t'));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList fields = lines[i].split(QLatin1Char('\t'));
        Row row;
        for (qsizetype c = 0; c < header.size(); ++c)
            row[header[c]] = c < fields.size() ? fields[c] : QString();
        rows.push_back(std::move(row));
    }
    return rows;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// nbformat's own test files, bundled in tests/data/corpus.
QString nbformatFile(const QString &name)
{
    return tassel::test::bundledCorpusDir() + "/jupyter__nbformat/" + name;
}

std::string describe(const Result<Notebook> &result)
{
    return result.ok() ? std::string("loaded") : result.error().toString() + " [" + result.error().code + "]";
}

bool hasWarning(const Notebook &notebook, const std::string &code, int cellIndex)
{
    return std::any_of(notebook.warnings.begin(), notebook.warnings.end(),
        [&](const LoadWarning &w) { return w.code == code && (cellIndex < -1 || w.cellIndex == cellIndex); });
}

std::string warningList(const Notebook &notebook)
{
    std::string text;
    for (const auto &w : notebook.warnings)
        text += w.code + "(cell " + std::to_string(w.cellIndex) + ", line " + std::to_string(w.line)
            + "): " + w.message + "\n";
    return text;
}

QByteArray minimalCell(const QByteArray &members)
{
    return "{\n \"cells\": [\n  {\n" + members
        + "\n  }\n ],\n \"metadata\": {},\n \"nbformat\": 4,\n"
          " \"nbformat_minor\": 5\n}\n";
}

} // namespace

class TestNotebookLoader : public QObject
{
    Q_OBJECT
private slots:
    void loadsBundledExample();
    void badInput_data();
    void badInput();
    void wrongTypesInNbformat3_data();
    void wrongTypesInNbformat3();
    void schemaWarnings_data();
    void schemaWarnings();
    void sourceFormsAreEquivalent();
    void upgradesNbformat3();
    void keepsFileLines();
    void damagedFilesGiveErrorsNotCrashes();
    void unreadableFiles();
    void tooManyCells();
    void corpus();
    void invalidFilesWarn();
    void roundTripIsByteIdentical();
    void writerFormatsLikePython_data();
    void writerFormatsLikePython();
    void saveIsAtomicAndNeverOverwritesTheSource();
    void outputsTakeTheirExactSize_data();
    void outputsTakeTheirExactSize();
};

void TestNotebookLoader::loadsBundledExample()
{
    const auto result = NotebookLoader().loadFile(TASSEL_SOURCE_DIR "/resources/examples/penguins.ipynb");
    QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());
    const Notebook &notebook = result.value();
    QCOMPARE(notebook.nbformat, 4);
    QVERIFY(notebook.cells.size() >= 8);
    QCOMPARE(notebook.cells.front().type, CellType::Markdown);
    QVERIFY(notebook.cells.front().source.starts_with("# Penguins"));
    QCOMPARE(notebook.language(), std::string("python"));
    // At least one stored PNG, kept undecoded until asked.
    bool sawPng = false;
    for (const auto &cell : notebook.cells) {
        for (const auto &output : cell.outputs) {
            if (const auto *png = output.find("image/png")) {
                sawPng = true;
                QVERIFY(png->isBinary());
                QVERIFY(png->decodedBytes().starts_with("\x89PNG"));
            }
        }
    }
    QVERIFY(sawPng);
}

void TestNotebookLoader::badInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("maxDepth"); // 0: the default limits
    QTest::addColumn<int>("maxStringBytes");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("fragment");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("jsonPath");

    const QByteArray tail = ", \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}";
    QTest::addRow("empty file") << QByteArray() << 0 << 0 << "empty-file"
                                << "empty" << 0 << 0 << "";
    QTest::addRow("only white space") << QByteArray(" \n\t\n") << 0 << 0 << "empty-file"
                                      << "empty" << 0 << 0 << "";
    QTest::addRow("not JSON") << QByteArray("hello") << 0 << 0 << "invalid-json"
                              << "unexpected character 'h'" << 1 << 1 << "";
    QTest::addRow("truncated JSON") << QByteArray("{\n \"cells\": [\n  {\"cell_type\": \"code\"") << 0 << 0
                                    << "invalid-json"
                                    << "end of file inside an object" << 3 << 23 << "";
    QTest::addRow("truncated inside a string")
        << QByteArray("{\n \"cells\": [\"abc") << 0 << 0 << "invalid-json"
        << "end of file inside a string" << 2 << 16 << "";
    QTest::addRow("trailing comma") << QByteArray("{\"cells\": [1,]}") << 0 << 0 << "invalid-json"
                                    << "unexpected character ']'" << 1 << 14 << "";
    QTest::addRow("missing colon") << QByteArray("{\n  \"cells\" []}") << 0 << 0 << "invalid-json"
                                   << "expected ':'" << 2 << 11 << "";
    QTest::addRow("garbage after the object")
        << QByteArray("{\"nbformat\": 4}\n}") << 0 << 0 << "invalid-json"
        << "after the end" << 2 << 1 << "";
    QTest::addRow("control character in a string")
        << QByteArray("{\"a\": \"x\ty\"}") << 0 << 0 << "invalid-json"
        << "control character 0x09" << 1 << 9 << "";
    QTest::addRow("invalid escape") << QByteArray("{\"a\": \"x\\qy\"}") << 0 << 0 << "invalid-json"
                                    << "invalid escape \\q" << 1 << 9 << "";
    QTest::addRow("lone surrogate escape") << QByteArray("{\"a\": \"\\ud83d!\"}") << 0 << 0 << "invalid-json"
                                           << "high surrogate" << 1 << 8 << "";
    QTest::addRow("malformed number") << QByteArray("{\"nbformat\": 4.}") << 0 << 0 << "invalid-json"
                                      << "digits must follow '.'" << 1 << 14 << "";
    // Column counts characters: "é" is one column although it is two bytes.
    QTest::addRow("invalid UTF-8 byte")
        << QByteArray("{\n \"cells\": [\"é \xff\"]\n}") << 0 << 0 << "invalid-utf8"
        << "byte 0xFF" << 2 << 15 << "";
    QTest::addRow("truncated UTF-8 sequence")
        << QByteArray("{\"a\": \"\xe2\x82\"}") << 0 << 0 << "invalid-utf8"
        << "cut short" << 1 << 8 << "";
    QTest::addRow("overlong UTF-8") << QByteArray("{\"a\": \"\xe0\x80\xaf\"}") << 0 << 0 << "invalid-utf8"
                                    << "overlong" << 1 << 8 << "";
    QTest::addRow("UTF-16 surrogate in UTF-8")
        << QByteArray("{\"a\": \"\xed\xa0\x80\"}") << 0 << 0 << "invalid-utf8"
        << "surrogate" << 1 << 8 << "";
    QTest::addRow("Latin-1 file") << QByteArray("{\"metadata\": {\"author\": \"Jos\xe9\"}}") << 0 << 0
                                  << "invalid-utf8"
                                  << "0xE9" << 1 << 29 << "";
    QTest::addRow("top level is a list") << QByteArray("[1, 2]") << 0 << 0 << "not-a-notebook"
                                         << "is a list" << 1 << 1 << "";
    QTest::addRow("no nbformat key") << QByteArray("{\"cells\": []}") << 0 << 0 << "not-a-notebook"
                                     << "no 'nbformat'" << 1 << 1 << "/nbformat";
    QTest::addRow("nbformat is a string") << QByteArray("{\"nbformat\": \"4\"}") << 0 << 0 << "wrong-type"
                                          << "must be an integer" << 1 << 14 << "/nbformat";
    QTest::addRow("nbformat 1") << QByteArray("{\n \"nbformat\": 1\n}") << 0 << 0 << "unsupported-version"
                                << "nbformat 1 is not supported" << 2 << 14 << "/nbformat";
    QTest::addRow("nbformat 2") << QByteArray("{\"metadata\": {}, \"nbformat\": 2, \"worksheets\": []}") << 0
                                << 0 << "unsupported-version"
                                << "nbformat 2 is not supported" << 1 << 30 << "/nbformat";
    QTest::addRow("nbformat 5") << QByteArray("{\"cells\": 7, \"nbformat\": 5, \"nbformat_minor\": 0}") << 0
                                << 0 << "unsupported-version"
                                << "nbformat 5 is not supported" << 1 << 26 << "/nbformat";
    QTest::addRow("cells is a string") << "{\"cells\": \"x\"" + tail << 0 << 0 << "wrong-type"
                                       << "'cells' must be a list, found a string" << 1 << 11 << "/cells";
    QTest::addRow("nbformat 4 without cells")
        << QByteArray("{\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 2}") << 0 << 0
        << "missing-cells"
        << "no 'cells'" << 1 << 1 << "/cells";
    QTest::addRow("cell is a string")
        << "{\"cells\": [{\"cell_type\": \"raw\", \"source\": \"\", \"metadata\": {}},\n"
           "  \"oops\"]"
            + tail
        << 0 << 0 << "wrong-type"
        << "a cell must be an object, found a string" << 2 << 3 << "/cells/1";
    QTest::addRow("numeric source") << minimalCell("   \"cell_type\": \"markdown\",\n   \"metadata\": {},\n"
                                                   "   \"source\": 42")
                                    << 0 << 0 << "wrong-type"
                                    << "'source' must be a string or a list of strings, found a number" << 6
                                    << 14 << "/cells/0/source";
    QTest::addRow("number among source lines")
        << minimalCell("   \"cell_type\": \"markdown\", \"metadata\": {},\n   \"source\": [\"a\\n\", 3]") << 0
        << 0 << "wrong-type"
        << "line 2 must be a string, found a number" << 5 << 22 << "/cells/0/source/1";
    QTest::addRow("outputs is an object") << minimalCell(
        "   \"cell_type\": \"code\", \"execution_count\": null, \"metadata\": {}, \"source\": \"\",\n"
        "   \"outputs\": {}") << 0 << 0 << "wrong-type"
                                          << "'outputs' must be a list, found an object" << 5 << 15
                                          << "/cells/0/outputs";
    QTest::addRow("stream text is null") << minimalCell(
        "   \"cell_type\": \"code\", \"execution_count\": null, \"metadata\": {}, \"source\": \"\",\n"
        "   \"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": null}]")
                                         << 0 << 0 << "wrong-type"
                                         << "output 'text' must be a string or a list of strings, found null"
                                         << 5 << 68 << "/cells/0/outputs/0/text";
    // Errors inside an upgraded nbformat 3 cell name the cell's line in the original file.
    QTest::addRow("nbformat 3 code cell with a numeric input")
        << QByteArray(
               "{\"metadata\": {}, \"nbformat\": 3, \"nbformat_minor\": 0, \"worksheets\": [{\"cells\": [\n"
               "  {\"cell_type\": \"markdown\", \"source\": \"a\"},\n  {\"cell_type\": \"code\", \"input\": "
               "5}]}]}")
        << 0 << 0 << "wrong-type"
        << "nbformat 3 cell 2: 'source' must be a string or a list of strings" << 3 << 0 << "";
    const int deep = 200000;
    QTest::addRow("200,000-deep array")
        << QByteArray(deep, '[') + QByteArray(deep, ']') << 0 << 0 << "too-deep"
        << "deeper than the limit of 512 levels" << 1 << 513 << "";
    // With the limit raised the reader still does not recurse: it gets through and then
    // finds that a list is not a notebook.
    QTest::addRow("200,000-deep array, limit raised")
        << QByteArray(deep, '[') + QByteArray(deep, ']') << 1000000 << 0 << "not-a-notebook"
        << "is a list" << 1 << 1 << "";
    QByteArray nested = "{\"cells\": [], \"metadata\": ";
    for (int i = 0; i < 600; ++i)
        nested += "{\"a\": ";
    QTest::addRow("deep metadata") << nested << 0 << 0 << "too-deep"
                                   << "limit of 512" << 1 << 27 + 6 * 511 << "";
    QTest::addRow("huge string") << "{\"cells\": [], \"metadata\": {\"blob\": \"" + QByteArray(5000, 'A')
            + "\"}" + tail.mid(16)
                                 << 0 << 4096 << "too-large"
                                 << "a string of 5000 bytes exceeds the limit of 4096 bytes" << 1 << 36 << "";
}

void TestNotebookLoader::badInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, maxDepth);
    QFETCH(int, maxStringBytes);
    QFETCH(QString, code);
    QFETCH(QString, fragment);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, jsonPath);

    NotebookLoader::Limits limits;
    if (maxDepth)
        limits.maxDepth = maxDepth;
    if (maxStringBytes)
        limits.maxStringBytes = std::size_t(maxStringBytes);
    const auto result = NotebookLoader(limits).loadBytes(
        std::string_view(bytes.constData(), std::size_t(bytes.size())), "bad.ipynb");
    QVERIFY2(!result.ok(), "bad input was accepted");
    const Error &error = result.error();
    QCOMPARE(QString::fromStdString(error.code), code);
    QVERIFY2(QString::fromStdString(error.message).contains(fragment), error.message.c_str());
    QCOMPARE(error.file, std::string("bad.ipynb"));
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QCOMPARE(QString::fromStdString(error.jsonPath), jsonPath);
    // The one-line form names the file and place, as compilers do.
    if (line > 0)
        QVERIFY(error.toString().starts_with("bad.ipynb:" + std::to_string(line) + ":"));
}

// Found by fuzz_loader: an nbformat 3 key holding another type than the upgrade expected threw
// from inside nlohmann::json and ended the process. Now each loads or fails with its place.
void TestNotebookLoader::wrongTypesInNbformat3_data()
{
    QTest::addColumn<QByteArray>("cell");
    QTest::addColumn<QString>("code"); // empty: loads
    QTest::addColumn<QString>("fragment"); // in the error message, or the first cell's type name
    QTest::addRow("cell_type is a boolean") << QByteArray("{\"cell_type\": true, \"source\": \"x\"}") << ""
                                            << "";
    QTest::addRow("heading level is a string")
        << QByteArray("{\"cell_type\": \"heading\", \"level\": \"2\", \"source\": \"Title\"}") << ""
        << "markdown";
    QTest::addRow("output_type is a number")
        << QByteArray("{\"cell_type\": \"code\", \"input\": \"1\", \"outputs\": [{\"output_type\": 7}]}")
        << ""
        << "code";
    QTest::addRow("stream name is a list")
        << QByteArray("{\"cell_type\": \"code\", \"input\": \"1\", \"outputs\": [{\"output_type\": "
                      "\"stream\", \"stream\": [1], \"text\": \"a\"}]}")
        << ""
        << "code";
    QTest::addRow("ename is null") << QByteArray(
        "{\"cell_type\": \"code\", \"input\": \"1\", \"outputs\": [{\"output_type\": "
        "\"pyerr\", \"ename\": null, \"evalue\": 3, \"traceback\": []}]}")
                                   << ""
                                   << "code";
}

void TestNotebookLoader::wrongTypesInNbformat3()
{
    QFETCH(QByteArray, cell);
    QFETCH(QString, code);
    QFETCH(QString, fragment);
    const QByteArray bytes = "{\"metadata\": {}, \"nbformat\": 3, \"nbformat_minor\": 0, \"worksheets\": "
                             "[{\"cells\": [\n"
        + cell + "]}]}";
    const auto result = NotebookLoader().loadBytes(
        std::string_view(bytes.constData(), std::size_t(bytes.size())), "v3.ipynb");
    if (code.isEmpty()) {
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());
        QCOMPARE(result->cells.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(result->cells[0].cellTypeName), fragment);
    } else {
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromStdString(result.error().code), code);
        QVERIFY2(QString::fromStdString(result.error().message).contains(fragment),
            result.error().message.c_str());
        QCOMPARE(result.error().line, 2);
    }
}

void TestNotebookLoader::schemaWarnings_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("cellIndex");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("fragment");

    const QByteArray markdown = "   \"cell_type\": \"markdown\",\n   \"metadata\": {},\n   \"source\": \"x\"";
    QTest::addRow("missing cell id in 4.5")
        << minimalCell(markdown) << "missing-id" << 0 << 3 << "no cell id";
    QTest::addRow("invalid cell id") << minimalCell("   \"id\": \"$bad\",\n" + markdown) << "invalid-id" << 0
                                     << 3 << "'$bad'";
    QTest::addRow("duplicate cell ids") << QByteArray(
        "{\"cells\": [\n{\"cell_type\": \"raw\", \"id\": \"a\", \"metadata\": {}, \"source\": \"\"},\n"
        "{\"cell_type\": \"raw\", \"id\": \"a\", \"metadata\": {}, \"source\": \"\"}\n"
        "], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}")
                                        << "duplicate-id" << 1 << 3 << "already used by cell 1";
    QTest::addRow("missing source") << minimalCell(
        "   \"cell_type\": \"markdown\", \"id\": \"a\",\n   \"metadata\": {}")
                                    << "missing-key" << 0 << 3 << "no 'source'";
    QTest::addRow("tags is a string") << minimalCell(
        "   \"cell_type\": \"raw\", \"id\": \"a\", \"source\": \"\",\n   \"metadata\": {\"tags\": \"x\"}")
                                      << "wrong-type" << 0 << 3 << "metadata.tags must be a list of strings";
    QTest::addRow("scrolled is a string") << minimalCell(
        "   \"cell_type\": \"raw\", \"id\": \"a\", \"source\": \"\",\n   \"metadata\": {\"scrolled\": \"x\"}")
                                          << "wrong-type" << 0 << 3
                                          << "scrolled must be a boolean or \"auto\"";
    QTest::addRow("cell metadata is a list")
        << minimalCell("   \"cell_type\": \"raw\", \"id\": \"a\", \"source\": \"\",\n   \"metadata\": []")
        << "wrong-type" << 0 << 3 << "metadata must be an object, found a list";
    QTest::addRow("execution count is a string") << minimalCell(
        "   \"cell_type\": \"code\", \"id\": \"a\", \"source\": \"\", \"metadata\": {}, \"outputs\": [],\n"
        "   \"execution_count\": \"7\"") << "wrong-type"
                                                 << 0 << 5
                                                 << "execution_count must be a non-negative integer or null";
    QTest::addRow("unknown cell type")
        << minimalCell("   \"cell_type\": \"heading\", \"id\": \"a\", \"source\": \"\", "
                       "\"metadata\": {}")
        << "unknown-cell-type" << 0 << 3 << "'heading'";
    QTest::addRow("unknown output type")
        << minimalCell("   \"cell_type\": \"code\", \"id\": \"a\", \"source\": \"\", \"metadata\": {},\n"
                       "   \"execution_count\": 1, \"outputs\": [{\"output_type\": \"pyout\"}]")
        << "unknown-output-type" << 0 << 5 << "'pyout'";
    QTest::addRow("kernelspec is a string")
        << QByteArray("{\"cells\": [], \"metadata\": {\"kernelspec\": \"python3\"}, \"nbformat\": 4, "
                      "\"nbformat_minor\": 5}")
        << "wrong-type" << -1 << 0 << "metadata.kernelspec must be an object";
    QTest::addRow("newer minor version")
        << QByteArray("{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 9}")
        << "newer-minor-version" << -1 << 0 << "4.9";
    QTest::addRow("byte order mark") << QByteArray(
        "\xEF\xBB\xBF{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, "
        "\"nbformat_minor\": 5}") << "byte-order-mark"
                                     << -1 << 1 << "byte order mark";
}

void TestNotebookLoader::schemaWarnings()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    QFETCH(int, cellIndex);
    QFETCH(int, line);
    QFETCH(QString, fragment);

    const auto result
        = NotebookLoader().loadBytes(std::string_view(bytes.constData(), std::size_t(bytes.size())), "w");
    QVERIFY2(result.ok(), describe(result).c_str());
    const auto &warnings = result->warnings;
    const auto it = std::find_if(warnings.begin(), warnings.end(),
        [&](const LoadWarning &w) { return w.code == code.toStdString() && w.cellIndex == cellIndex; });
    QVERIFY2(it != warnings.end(), warningList(result.value()).c_str());
    QCOMPARE(it->line, line);
    QVERIFY2(QString::fromStdString(it->message).contains(fragment), it->message.c_str());
}

void TestNotebookLoader::sourceFormsAreEquivalent()
{
    const QByteArray asString = minimalCell(
        "   \"cell_type\": \"code\", \"id\": \"a\", \"metadata\": {}, \"execution_count\": null,\n"
        "   \"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": \"1\\n2\\n\"}],\n"
        "   \"source\": \"import os\\nprint(1)\\n\"");
    const QByteArray asList = minimalCell(
        "   \"cell_type\": \"code\", \"id\": \"a\", \"metadata\": {}, \"execution_count\": null,\n"
        "   \"outputs\": [{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": [\"1\\n\", "
        "\"2\\n\"]}],\n"
        "   \"source\": [\"import os\\n\", \"print(1)\\n\"]");
    const auto a = NotebookLoader().loadBytes(
        std::string_view(asString.constData(), std::size_t(asString.size())), "a");
    const auto b
        = NotebookLoader().loadBytes(std::string_view(asList.constData(), std::size_t(asList.size())), "b");
    QVERIFY2(a.ok() && b.ok(), (describe(a) + describe(b)).c_str());
    QCOMPARE(a->cells.at(0).source, std::string("import os\nprint(1)\n"));
    QCOMPARE(a->cells.at(0).source, b->cells.at(0).source);
    QCOMPARE(a->cells.at(0).outputs.at(0).text, b->cells.at(0).outputs.at(0).text);
    QVERIFY(!a->cells.at(0).sourceWasList);
    QVERIFY(b->cells.at(0).sourceWasList);
}

void TestNotebookLoader::upgradesNbformat3()
{
    const auto result
        = NotebookLoader().loadFile((nbformatFile(QStringLiteral("tests__test3.ipynb"))).toStdString());
    QVERIFY2(result.ok(), describe(result).c_str());
    const Notebook &notebook = result.value();
    QCOMPARE(notebook.originalNbformat, 3);
    QCOMPARE(notebook.nbformat, 4);
    QVERIFY(hasWarning(notebook, "upgraded", -1));
    QCOMPARE(notebook.metadata.value("orig_nbformat", 0), 3);
    int headings = 0, counted = 0, pngs = 0;
    for (const auto &cell : notebook.cells) {
        QVERIFY(cell.type != CellType::Unknown);
        if (cell.type == CellType::Markdown && cell.source.starts_with("#"))
            ++headings;
        if (cell.executionCount)
            ++counted;
        for (const auto &output : cell.outputs) {
            QVERIFY(output.type != OutputType::Unknown);
            if (const auto *png = output.find("image/png")) {
                ++pngs;
                QVERIFY(png->decodedBytes().starts_with("\x89PNG"));
            }
        }
    }
    QVERIFY2(headings >= 1, "heading cells become markdown '#' cells");
    QVERIFY2(counted >= 1, "prompt_number becomes execution_count");
    QCOMPARE(pngs, 1);
    // Saved, it is a valid nbformat 4.0 notebook that loads without the upgrade.
    const std::string saved = NotebookWriter::toBytes(notebook);
    const auto again = NotebookLoader().loadBytes(saved, "saved");
    QVERIFY2(again.ok(), describe(again).c_str());
    QCOMPARE(again->originalNbformat, 4);
    QCOMPARE(again->cells.size(), notebook.cells.size());
}

void TestNotebookLoader::keepsFileLines()
{
    // Lines of cells in a file Jupyter wrote: the line of each `  {` that opens a cell.
    const QString path = nbformatFile(QStringLiteral("tests__test4.ipynb"));
    const QByteArray bytes = readAll(path);
    std::vector<int> expected;
    const QList<QByteArray> lines = bytes.split('\n');
    bool inCells = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i] == " \"cells\": [")
            inCells = true;
        else if (lines[i] == " ],")
            inCells = false;
        else if (inCells && lines[i] == "  {")
            expected.push_back(int(i + 1));
    }
    const auto result = NotebookLoader().loadFile(path.toStdString());
    QVERIFY2(result.ok(), describe(result).c_str());
    QCOMPARE(result->cells.size(), expected.size());
    QVERIFY(expected.size() > 3);
    for (std::size_t i = 0; i < expected.size(); ++i)
        QCOMPARE(result->cells[i].fileLine, expected[i]);
}

void TestNotebookLoader::damagedFilesGiveErrorsNotCrashes()
{
    const QByteArray bytes = readAll(nbformatFile(QStringLiteral("tests__test4.ipynb")));
    QVERIFY(bytes.size() > 1000);
    // Every cut of the file is incomplete JSON, reported with a position inside the file.
    const qsizetype lastBrace = bytes.lastIndexOf('}');
    for (qsizetype cut = 1; cut < lastBrace; cut += 97) {
        const auto result
            = NotebookLoader().loadBytes(std::string_view(bytes.constData(), std::size_t(cut)), "cut");
        QVERIFY2(!result.ok(), qPrintable(QStringLiteral("cut at %1 loaded").arg(cut)));
        QCOMPARE(result.error().code, std::string("invalid-json"));
        QVERIFY(result.error().line >= 1 && result.error().column >= 1);
    }
    // Damaged bytes either still load or give an error value with a code.
    std::uint32_t state = 12345;
    for (int round = 0; round < 300; ++round) {
        QByteArray damaged = bytes;
        for (int i = 0; i < 3; ++i) {
            state = state * 1103515245u + 12345u;
            const qsizetype at = qsizetype((state >> 8) % std::uint32_t(damaged.size()));
            state = state * 1103515245u + 12345u;
            damaged[at] = char(state >> 24);
        }
        const auto result = NotebookLoader().loadBytes(
            std::string_view(damaged.constData(), std::size_t(damaged.size())), "x");
        if (!result.ok()) {
            QVERIFY(!result.error().code.empty());
            QVERIFY(!result.error().message.empty());
        }
    }
}

void TestNotebookLoader::unreadableFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const QString &path : {dir.filePath(QStringLiteral("missing.ipynb")), dir.path()}) {
        const auto result = NotebookLoader().loadFile(path.toStdString());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, std::string("io-error"));
        QCOMPARE(result.error().file, path.toStdString());
    }
    const QString empty = dir.filePath(QStringLiteral("empty.ipynb"));
    QFile file(empty);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const auto result = NotebookLoader().loadFile(empty.toStdString());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, std::string("empty-file"));
}

void TestNotebookLoader::tooManyCells()
{
    NotebookLoader::Limits limits;
    limits.maxCells = 2;
    const QByteArray cell = "{\"cell_type\": \"raw\", \"id\": \"a\", \"metadata\": {}, \"source\": \"\"}";
    const QByteArray bytes
        = "{\"cells\": [" + cell + ",\n" + cell + ",\n" + cell + "], \"nbformat\": 4, \"nbformat_minor\": 5}";
    const auto result = NotebookLoader(limits).loadBytes(
        std::string_view(bytes.constData(), std::size_t(bytes.size())), "n");
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, std::string("too-large"));
    QVERIFY(result.error().message.find("limit of 2 cells") != std::string::npos);
    QCOMPARE(result.error().line, 3);
    QCOMPARE(result.error().column, 1);
    QCOMPARE(result.error().jsonPath, std::string("/cells/2"));
}

void TestNotebookLoader::corpus()
{
    TASSEL_REQUIRE_CORPUS();
    const QString corpusDir = tassel::test::corpusDir();
    const auto manifest = readTsv(corpusDir + "/MANIFEST.tsv");
    std::map<QString, Row> stats;
    for (auto &row : readTsv(corpusDir + "/STATS.tsv"))
        stats[row.at(QStringLiteral("file"))] = row;
    QVERIFY(manifest.size() > 20);
    QCOMPARE(stats.size(), manifest.size());

    std::size_t loaded = 0, refused = 0, expectedRefusals = 0;
    for (const auto &row : manifest) {
        const QString file = row.at(QStringLiteral("file"));
        const Row &expected = stats.at(file);
        const int version = expected.at(QStringLiteral("nbformat")).toInt();
        const auto result = NotebookLoader().loadFile((corpusDir + "/" + file).toStdString());
        const QByteArray context = (file + ": ").toUtf8() + QByteArray::fromStdString(describe(result));
        if (version != 3 && version != 4) {
            ++expectedRefusals;
            QVERIFY2(!result.ok(), context.constData());
            QCOMPARE(result.error().code, std::string("unsupported-version"));
            ++refused;
            continue;
        }
        QVERIFY2(result.ok(), context.constData());
        ++loaded;
        const Notebook &notebook = result.value();
        QCOMPARE(notebook.originalNbformat, version);
        // Cell counts as Python's json module and nbformat see them.
        QVERIFY2(int(notebook.cells.size()) == expected.at(QStringLiteral("n_cells")).toInt(),
            context.constData());
        int code = 0, errors = 0, images = 0;
        for (const auto &cell : notebook.cells) {
            QVERIFY2(cell.fileLine > 0, context.constData());
            code += cell.isCode();
            for (const auto &output : cell.outputs) {
                errors += output.type == OutputType::Error;
                bool image = false;
                for (const auto &item : output.data) {
                    image = image || item.mimeType.starts_with("image/");
                    // nbconvert's injection test stores a script as a "PNG"; every real one decodes.
                    if (item.mimeType == "image/png" && !file.contains(QStringLiteral("notebook_inject")))
                        QVERIFY2(item.decodedBytes().starts_with("\x89PNG"), context.constData());
                }
                images += image; // STATS counts outputs that show an image
            }
        }
        QVERIFY2(code == expected.at(QStringLiteral("n_code")).toInt(), context.constData());
        QVERIFY2(errors == expected.at(QStringLiteral("n_error_outputs")).toInt(), context.constData());
        QVERIFY2(images == expected.at(QStringLiteral("n_image_outputs")).toInt(),
            (context + " images " + QByteArray::number(images)).constData());
    }
    QVERIFY(expectedRefusals >= 1); // nbformat's tests__test2.ipynb, nbformat 2
    QCOMPARE(refused, expectedRefusals);
    QCOMPARE(loaded, manifest.size() - expectedRefusals);
}

void TestNotebookLoader::invalidFilesWarn()
{
    // nbformat's deliberately invalid files open, with warnings that name the problem.
    const std::vector<std::pair<QString, std::string>> invalid = {
        {"tests__invalid.ipynb", "missing-key"},
        {"tests__invalid_cell_id.ipynb", "invalid-id"},
        {"tests__invalid_unique_cell_id.ipynb", "duplicate-id"},
        {"tests__v4_5_invalid_metadata.ipynb", "wrong-type"},
        {"tests__v4_5_no_cell_id.ipynb", "missing-id"},
        {"tests__test4plus.ipynb", "newer-minor-version"},
    };
    for (const auto &[file, code] : invalid) {
        const auto result = NotebookLoader().loadFile(nbformatFile(file).toStdString());
        QVERIFY2(result.ok(), describe(result).c_str());
        QVERIFY2(hasWarning(result.value(), code, -2),
            (file.toStdString() + "\n" + warningList(result.value())).c_str());
    }
}

void TestNotebookLoader::roundTripIsByteIdentical()
{
    // Notebooks Jupyter did not write byte for byte (2-space indent, \u escapes, no final
    // newline, unsorted keys, nbformat 2/3) are listed with the reason in this file, made by
    // tests/notebook/roundtrip_exclusions.py. Every other corpus notebook must come back
    // identical; an excluded one must still be stable after one save.
    std::map<QString, QString> excluded;
    for (const auto &row : readTsv(QStringLiteral(TASSEL_TEST_DATA_DIR "/notebook/roundtrip-excluded.tsv")))
        excluded[row.at(QStringLiteral("file"))] = row.at(QStringLiteral("reason"));
    QVERIFY(excluded.size() > 10);

    TASSEL_REQUIRE_CORPUS();
    const QString corpusDir = tassel::test::corpusDir();
    const auto manifest = readTsv(corpusDir + "/MANIFEST.tsv");
    int identical = 0, expectedIdentical = 0;
    for (const auto &row : manifest)
        expectedIdentical += excluded.count(row.at(QStringLiteral("file"))) ? 0 : 1;
    QVERIFY(expectedIdentical > 10);
    for (const auto &row : manifest) {
        const QString file = row.at(QStringLiteral("file"));
        const QByteArray bytes = readAll(corpusDir + "/" + file);
        const auto result = NotebookLoader().loadBytes(
            std::string_view(bytes.constData(), std::size_t(bytes.size())), file.toStdString());
        const auto reason = excluded.find(file);
        if (!result.ok()) {
            QVERIFY2(reason != excluded.end(), describe(result).c_str());
            continue;
        }
        const std::string saved = NotebookWriter::toBytes(result.value());
        if (reason == excluded.end()) {
            if (saved != bytes.toStdString()) {
                std::size_t at = 0;
                while (
                    at < saved.size() && at < std::size_t(bytes.size()) && saved[at] == bytes[qsizetype(at)])
                    ++at;
                QFAIL(qPrintable(file + ": save differs from the file at byte " + QString::number(at)
                    + ": ..." + QString::fromStdString(saved.substr(at > 40 ? at - 40 : 0, 80))));
            }
            ++identical;
        } else {
            QVERIFY2(saved != bytes.toStdString(),
                qPrintable(file + " round-trips now; remove it from roundtrip-excluded.tsv (" + reason->second
                    + ")"));
            const auto again = NotebookLoader().loadBytes(saved, file.toStdString());
            QVERIFY2(again.ok(), describe(again).c_str());
            QCOMPARE(NotebookWriter::toBytes(again.value()), saved);
        }
    }
    QCOMPARE(identical, expectedIdentical);
}

void TestNotebookLoader::writerFormatsLikePython_data()
{
    // Expected text from Python: json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False)
    QTest::addColumn<QByteArray>("metadataJson");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("floats")
        << QByteArray("[1.0, 0.1, 1e-05, 0.0001, 1e16, 123456789012345.6, -0.0, 2.5e-300]")
        << QByteArray("[\n   1.0,\n   0.1,\n   1e-05,\n   0.0001,\n   1e+16,\n   123456789012345.6,\n"
                      "   -0.0,\n   2.5e-300\n  ]");
    QTest::addRow("integers") << QByteArray("[0, -7, 18446744073709551615]")
                              << QByteArray("[\n   0,\n   -7,\n   18446744073709551615\n  ]");
    QTest::addRow("escapes") << QByteArray("\"q\\\" b\\\\ \\u0001 \\u007f \\t é \\u2028\"")
                             << QByteArray("\"q\\\" b\\\\ \\u0001 \x7f \\t é \xe2\x80\xa8\"");
    QTest::addRow("empty containers and sorting")
        << QByteArray("{\"b\": [], \"a\": {}, \"é\": null, \"Z\": true}")
        << QByteArray("{\n   \"Z\": true,\n   \"a\": {},\n   \"b\": [],\n"
                      "   \"é\": null\n  }");
}

void TestNotebookLoader::writerFormatsLikePython()
{
    QFETCH(QByteArray, metadataJson);
    QFETCH(QByteArray, expected);
    const QByteArray input = "{\"cells\": [], \"metadata\": {\"x\": " + metadataJson
        + "}, \"nbformat\": 4, \"nbformat_minor\": 5}";
    const auto result
        = NotebookLoader().loadBytes(std::string_view(input.constData(), std::size_t(input.size())), "f");
    QVERIFY2(result.ok(), describe(result).c_str());
    const std::string saved = NotebookWriter::toBytes(result.value());
    const std::string want = "{\n \"cells\": [],\n \"metadata\": {\n  \"x\": " + expected.toStdString()
        + "\n },\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n";
    QCOMPARE(saved, want);
}

void TestNotebookLoader::saveIsAtomicAndNeverOverwritesTheSource()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString source = dir.filePath(QStringLiteral("in.ipynb"));
    QVERIFY(QFile::copy(nbformatFile(QStringLiteral("tests__test4.ipynb")), source));
    const QByteArray original = readAll(source);
    const auto result = NotebookLoader().loadFile(source.toStdString());
    QVERIFY2(result.ok(), describe(result).c_str());
    Notebook notebook = result.value();

    // The loaded file itself, also when spelled another way.
    for (const QString &spelling : {source, dir.path() + "/./sub/../in.ipynb"}) {
        const auto refused = NotebookWriter().saveFile(notebook, spelling.toStdString());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, std::string("would-overwrite-source"));
    }
    QCOMPARE(readAll(source), original);

    // Replacing an existing file leaves exactly the new content and no temporary files.
    const QString target = dir.filePath(QStringLiteral("out.ipynb"));
    {
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(QByteArray(100000, 'x'));
    }
    notebook.cells.front().source = "# Changed\n";
    const auto saved = NotebookWriter().saveFile(notebook, target.toStdString());
    QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().toString().c_str());
    const QByteArray written = readAll(target);
    QCOMPARE(std::size_t(written.size()), saved.value());
    QCOMPARE(written.toStdString(), NotebookWriter::toBytes(notebook));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
    const auto reloaded = NotebookLoader().loadFile(target.toStdString());
    QVERIFY2(reloaded.ok(), describe(reloaded).c_str());
    QCOMPARE(reloaded->cells.front().source, std::string("# Changed\n"));

    // A directory that does not exist gives an error value, not a crash.
    const auto failed = NotebookWriter().saveFile(
        notebook, dir.filePath(QStringLiteral("no/such/dir.ipynb")).toStdString());
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, std::string("io-error"));
}

void TestNotebookLoader::outputsTakeTheirExactSize_data()
{
    QTest::addColumn<int>("outputs");
    QTest::addColumn<QByteArray>("output"); // one output's JSON
    QTest::addColumn<QString>("lastText");
    const QByteArray stream = R"({"output_type": "stream", "name": "stdout", "text": "step\n"})";
    QTest::addRow("no outputs") << 0 << stream << QString();
    QTest::addRow("one output") << 1 << stream << "step\n";
    QTest::addRow("five outputs") << 5 << stream << "step\n";
    QTest::addRow("1000 outputs") << 1000 << stream << "step\n";
    // Braces, brackets, escaped quotes and backslashes in strings, objects inside outputs.
    QTest::addRow("quotes and brackets in strings")
        << 40 << QByteArray(R"({"output_type": "stream", "name": "stdout", "text": ["{[\"}]", "\\"]})")
        << "{[\"}]\\";
    QTest::addRow("nested objects") << 40
                                    << QByteArray(R"({"output_type": "display_data", "metadata": {"a": {}},)"
                                                  R"( "data": {"text/plain": ["}", "{"]}})")
                                    << QString();
}

/// Issue 19: a cell with a million print() outputs must open in under 500 MB. An output costs
/// its struct (the rarely used fields sit behind one pointer) and the list is allocated once at
/// its final size instead of doubling: the last doubling of a 1M list held 1.5 times the list.
void TestNotebookLoader::outputsTakeTheirExactSize()
{
    QFETCH(int, outputs);
    QFETCH(QByteArray, output);
    QFETCH(QString, lastText);
    QByteArray list;
    for (int i = 0; i < outputs; ++i)
        list += (i ? "," : "") + output;
    const QByteArray bytes = minimalCell(R"(   "cell_type": "code", "execution_count": 1, "id": "a",)"
                                         R"( "metadata": {}, "source": "", "outputs": [)"
        + list + "]");
    const auto loaded = NotebookLoader().loadBytes(bytes.toStdString(), "outputs.ipynb");
    QVERIFY2(loaded.ok(), describe(loaded).c_str());
    const Cell &cell = loaded.value().cells.front();
    QCOMPARE(cell.outputs.size(), std::size_t(outputs));
    QCOMPARE(cell.outputs.capacity(), std::size_t(outputs));
    if (outputs > 0)
        QCOMPARE(QString::fromStdString(cell.outputs.back().text), lastText);
    QVERIFY2(sizeof(Output) <= 128, QByteArray::number(qulonglong(sizeof(Output))).constData());
}

QTEST_GUILESS_MAIN(TestNotebookLoader)
#include "tst_notebookloader.moc"
