#include "notebook/notebookloader.h"
#include "python/pythoncellanalyzer.h"
#include "testcorpus.h"

#include <QTest>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace tassel;

namespace {

std::vector<std::string> corpusFiles()
{
    std::vector<std::string> files;
    std::ifstream manifest((test::corpusDir() + QStringLiteral("/MANIFEST.tsv")).toStdString());
    std::string line;
    std::getline(manifest, line); // header
    while (std::getline(manifest, line)) {
        const auto tab = line.find('\t');
        if (tab != std::string::npos && tab > 0)
            files.push_back(line.substr(0, tab));
    }
    return files;
}

/// Code points per line of `text`, to check that ranges fall inside it.
std::vector<int> lineLengths(const std::string &text)
{
    std::vector<int> lengths {0};
    for (const char c : text) {
        if (c == '\n')
            lengths.push_back(0);
        else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++lengths.back();
    }
    return lengths;
}

bool inside(const SourceRange &r, const std::vector<int> &lengths)
{
    const int lines = int(lengths.size());
    if (r.line < 1 || r.line > lines || r.endLine < r.line || r.endLine > lines)
        return false;
    if (r.column < 1 || r.column > lengths[r.line - 1] + 1)
        return false;
    if (r.endColumn < 1 || r.endColumn > lengths[r.endLine - 1] + 1)
        return false;
    return r.endLine > r.line || r.endColumn >= r.column;
}

} // namespace

/// Runs the analyzer over every code cell of the corpus (tests/testcorpus.h).
class TestPythonCorpus : public QObject
{
    Q_OBJECT
private slots:
    void everyCodeCell();
};

void TestPythonCorpus::everyCodeCell()
{
    TASSEL_REQUIRE_CORPUS();
    const std::vector<std::string> files = corpusFiles();
    QVERIFY2(files.size() >= (test::wholeCorpus() ? 250u : 25u),
        "MANIFEST.tsv lists fewer notebooks than expected");
    const std::string corpusDir = test::corpusDir().toStdString();

    const PythonCellAnalyzer analyzer;
    std::size_t cells = 0;
    std::size_t cellsWithErrors = 0;
    std::size_t nonPython = 0;
    std::size_t defines = 0;
    std::size_t imports = 0;
    std::size_t magics = 0;
    std::size_t pipMagics = 0;
    for (const std::string &file : files) {
        const auto loaded = NotebookLoader().loadFile(corpusDir + "/" + file);
        if (!loaded.ok())
            continue; // the loader's own tests cover broken files
        if (loaded->language() != "python")
            continue; // jupytext's and nbconvert's test notebooks in other kernels' languages
        for (std::size_t index = 0; index < loaded->cells.size(); ++index) {
            const Cell &cell = loaded->cells[index];
            if (!cell.isCode())
                continue;
            ++cells;
            const CellSymbols s = analyzer.analyze(cell.source);
            const std::vector<int> lengths = lineLengths(cell.source);
            const std::string where = file + " cell " + std::to_string(index);
            const auto check = [&](const SourceRange &r, const std::string &what) {
                QVERIFY2(inside(r, lengths), (where + ": " + what + " outside the cell text").c_str());
            };
            for (const auto *list : {&s.defines, &s.uses, &s.modifies, &s.deletes, &s.calls}) {
                for (const NameRef &r : *list) {
                    QVERIFY2(!r.name.empty(), where.c_str());
                    check(r.range, r.name);
                }
            }
            for (const DeferredScope &d : s.deferred) {
                for (const NameRef &r : d.freeNames)
                    check(r.range, r.name);
            }
            for (const ImportRef &i : s.imports)
                check(i.range, i.module);
            for (const MagicRef &m : s.magics) {
                check(m.range, m.name);
                if (m.name == "pip" || (m.name == "!" && m.arguments.starts_with("pip ")))
                    ++pipMagics;
            }
            for (const OpaqueConstruct &o : s.opaque)
                check(o.range, o.text);
            for (const SourceRange &r : s.syntaxErrors)
                check(r, "syntax error");
            // A name read before any binding in the cell cannot also be certainly bound before it.
            if (!s.isPython) {
                ++nonPython;
                QVERIFY2(s.defines.empty() && s.uses.empty(), where.c_str());
            }
            cellsWithErrors += s.syntaxErrors.empty() ? 0 : 1;
            // TASSEL_SHOW_SYNTAX_ERRORS=1 lists them, to tell grammar gaps from broken cells.
            if (!s.syntaxErrors.empty() && qEnvironmentVariableIsSet("TASSEL_SHOW_SYNTAX_ERRORS")) {
                const SourceRange &r = s.syntaxErrors.front();
                std::istringstream lines(cell.source);
                std::string text;
                for (int i = 0; i < r.line && std::getline(lines, text); ++i) { }
                qInfo("%s:%d:%d: %s", where.c_str(), r.line, r.column, text.substr(0, 100).c_str());
            }
            defines += s.defines.size();
            imports += s.imports.size();
            magics += s.magics.size();
        }
    }
    qInfo("%zu code cells, %zu with syntax errors, %zu not Python, %zu defines, %zu imports, %zu magics "
          "(%zu pip installs)",
        cells, cellsWithErrors, nonPython, defines, imports, magics, pipMagics);
    QVERIFY(defines > cells);
    if (test::wholeCorpus()) {
        QVERIFY(cells > 4000);
        // Real notebooks are overwhelmingly valid (IPython) Python: a pre-pass or grammar problem
        // shows up as a jump in this share.
        QVERIFY2(cellsWithErrors * 100 < cells * 3, "more than 3% of corpus code cells fail to parse");
        QVERIFY(imports > 1000);
        // FACTS.md: the corpus holds 68 pip install lines.
        QVERIFY(pipMagics >= 60);
    } else {
        // The subset holds cells that are shell commands or Python 2 on purpose (files.txt).
        QVERIFY(cells > 300);
        QVERIFY(cellsWithErrors > 0);
        QVERIFY2(
            cellsWithErrors * 100 < cells * 25, "more than 25% of the subset's code cells fail to parse");
        QVERIFY(imports > 50);
        QVERIFY(pipMagics >= 1);
    }
}

QTEST_GUILESS_MAIN(TestPythonCorpus)
#include "tst_pythoncorpus.moc"
