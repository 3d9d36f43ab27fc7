#include "notebook/notebookloader.h"

#include <QTest>

using namespace tassel;

class TestNotebookLoader : public QObject
{
    Q_OBJECT
private slots:
    void loadsBundledExample();
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

QTEST_GUILESS_MAIN(TestNotebookLoader)
#include "tst_notebookloader.moc"
