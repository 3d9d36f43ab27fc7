// Graduation pieces without Python: names, the IPython transformation, statement splitting, the
// planner's dataflow and the writer's refusal to leave its target folder.
#include "analysis/notebookanalyzer.h"
#include "analysis/stdlibmodules.h"
#include "graduate/contractedits.h"
#include "graduate/graduationplanner.h"
#include "graduate/importblock.h"
#include "graduate/ipythontransformer.h"
#include "graduate/localmodules.h"
#include "graduate/packagegenerator.h"
#include "graduate/packagewriter.h"
#include "graduate/pythonidentifiers.h"
#include "graduate/pythonsource.h"
#include "graduate/sessionsetup.h"
#include "notebook/notebookloader.h"
#include "python/syntaxtree.h"
#include "util/text.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

using namespace tassel;

namespace {

/// A heading and one code cell; with `printed`, the cell ran once and showed that on stdout.
/// `ran`: whether the code cell ran (an execution count), printing `printed`.
std::string notebookJson(
    const std::string &heading, const std::string &code, const std::string &printed = {}, bool ran = true)
{
    nlohmann::json nb = {{"nbformat", 4}, {"nbformat_minor", 5},
        {"metadata",
            {{"kernelspec", {{"name", "python3"}, {"language", "python"}, {"display_name", "Python 3"}}}}},
        {"cells",
            {{{"cell_type", "markdown"}, {"id", "m1"}, {"metadata", nlohmann::json::object()},
                 {"source", heading}},
                {{"cell_type", "code"}, {"id", "c1"}, {"metadata", nlohmann::json::object()},
                    {"source", code}, {"outputs", nlohmann::json::array()}, {"execution_count", nullptr}}}}};
    if (ran)
        nb["cells"][1]["execution_count"] = 1;
    if (!printed.empty()) {
        nb["cells"][1]["outputs"].push_back(
            {{"output_type", "stream"}, {"name", "stdout"}, {"text", printed}});
    }
    return nb.dump(1);
}

/// A notebook of code cells (no outputs) with the given kernelspec language, as a loaded value.
Notebook codeNotebook(const std::string &language, const QStringList &cells)
{
    nlohmann::json nb = {{"nbformat", 4}, {"nbformat_minor", 5},
        {"metadata", {{"kernelspec", {{"name", "k"}, {"language", language}, {"display_name", "K"}}}}},
        {"cells", nlohmann::json::array()}};
    for (const QString &source : cells)
        nb["cells"].push_back({{"cell_type", "code"}, {"id", "c" + std::to_string(nb["cells"].size())},
            {"metadata", nlohmann::json::object()}, {"source", source.toStdString()},
            {"outputs", nlohmann::json::array()}, {"execution_count", nullptr}});
    auto loaded = NotebookLoader().loadBytes(nb.dump(), "/tmp/generated.ipynb");
    return loaded ? *loaded : Notebook {};
}

bool parsesAsPython3(const std::string &code)
{
    SyntaxTree tree;
    return tree.parse(code) && tree.errorRanges().empty();
}

QStringList filesBelow(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

} // namespace

class TestGraduateUnits : public QObject
{
    Q_OBJECT
private slots:
    void identifiers_data();
    void identifiers();
    void transformer_data();
    void transformer();
    void trailingExpression_data();
    void trailingExpression();
    void semicolonStatements_data();
    void semicolonStatements();
    void semicolonLineGraduates();
    void importBindings_data();
    void importBindings();
    void importBlock_data();
    void importBlock();
    void writerRejectsPaths_data();
    void writerRejectsPaths();
    void writerRefusesNonEmptyAndSymlinks();
    void hostileNamesStayInside_data();
    void hostileNamesStayInside();
    void planDataflow();
    void cellMagics_data();
    void cellMagics();
    void refusals_data();
    void refusals();
    void brokenCellsKeptAsTodo();
    void generatedCodeIsChecked();
    void setUpStatements_data();
    void setUpStatements();
    void importedPaths_data();
    void importedPaths();
    void planCarriesEveryName();
    void undefinedNameStopsThePlan();
    void starImportCarried();
    void localImports_data();
    void localImports();
    void localModuleThatCannotTravel();
    void dataPathsRewritten_data();
    void dataPathsRewritten();
    void dataCopiedWithinLimit_data();
    void dataCopiedWithinLimit();
    void requirementsPinnedFromTheInterpreter();
    void normaliseOutput_data();
    void normaliseOutput();
    void firstFreeName_data();
    void firstFreeName();
    void stepNameClashUsesWhatTheSectionMakes();
    void pylabNamesGraduate();
    void swallowedExceptionsListedForReview();
    void readsCheckedAgainstContracts_data();
    void readsCheckedAgainstContracts();
    void optionalInputs_data();
    void optionalInputs();
    void knownUnreproducibleOutputs_data();
    void knownUnreproducibleOutputs();
    void contractEditsReachThePackage_data();
    void contractEditsReachThePackage();
};

void TestGraduateUnits::identifiers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("heading with spaces") << "Load the data"
                                         << "load_the_data";
    QTest::addRow("path escape") << "../../x"
                                 << "x";
    QTest::addRow("dunder") << "__init__"
                            << "init";
    QTest::addRow("keyword") << "class"
                             << "class_";
    QTest::addRow("soft keyword") << "match"
                                  << "match_";
    QTest::addRow("empty") << ""
                           << "step";
    QTest::addRow("only punctuation") << "/// ..."
                                      << "step";
    QTest::addRow("leading digit") << "2nd pass"
                                   << "step_2nd_pass";
    QTest::addRow("accents") << QStringLiteral("Données brutes") << "donnees_brutes";
    QTest::addRow("non-latin") << QStringLiteral("数据") << "step";
    QTest::addRow("long heading cut at a word boundary")
        << "12. Batch Gradient Descent with early stopping for Softmax Regression"
        << "step_12_batch_gradient_descent_with_early";
    QTest::addRow("boundary right at the limit") << "Orders delivered later than the promised hour"
                                                 << "orders_delivered_later_than_the_promised";
    QTest::addRow("one long word cut where it must be")
        << "Pneumonoultramicroscopicsilicovolcanoconiosis cases"
        << "pneumonoultramicroscopicsilicovolcanocon";
}

void TestGraduateUnits::identifiers()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const std::string name = PythonIdentifiers::identifier(text.toStdString(), "step");
    QCOMPARE(QString::fromStdString(name), expected);
    QVERIFY(PythonSource::isIdentifier(name));
}

void TestGraduateUnits::transformer_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("mustContain");
    QTest::addColumn<QString>("mustNotContain");
    QTest::addColumn<QString>("requirement");
    QTest::addRow("matplotlib dropped") << "%matplotlib inline\nx = 1"
                                        << "# %matplotlib inline removed"
                                        << "\n%matplotlib"
                                        << "";
    QTest::addRow("pylab becomes imports")
        << "%pylab inline\nhist([1, 2])"
        << "from matplotlib.pylab import *\nfrom numpy import *\nhist([1, 2])"
        << "\n%pylab"
        << "";
    QTest::addRow("cell time keeps body") << "%%time\ny = 2\n"
                                          << "y = 2"
                                          << "\n%%time"
                                          << "";
    QTest::addRow("line time keeps statement") << "%time z = f(1)"
                                               << "z = f(1)"
                                               << "\n%time"
                                               << "";
    QTest::addRow("shell capture") << "files = !ls -l"
                                   << "files = shell_lines(\"ls -l\")"
                                   << "!ls"
                                   << "";
    QTest::addRow("shell with interpolation") << "!echo {name}"
                                              << "run_shell(f\"echo {name}\")"
                                              << "\n!echo"
                                              << "";
    QTest::addRow("pip install declared") << "!pip install -q pandas==2.2.3\nimport pandas"
                                          << "declared as a dependency"
                                          << "run_shell"
                                          << "pandas==2.2.3";
    QTest::addRow("percent pip declared") << "%pip install requests"
                                          << "declared as a dependency"
                                          << "run_shell"
                                          << "requests";
    QTest::addRow("unknown magic kept as comment") << "%frobnicate now"
                                                   << "# %frobnicate now  (kept as a comment"
                                                   << "\n%frobnicate"
                                                   << "";
    QTest::addRow("html cell dropped") << "%%html\n<b>x</b>"
                                       << "# %%html cell dropped"
                                       << "<b>"
                                       << "";
    QTest::addRow("magic text inside string untouched") << "s = \"\"\"\n%matplotlib\n\"\"\""
                                                        << "\n%matplotlib\n"
                                                        << "removed"
                                                        << "";
    QTest::addRow("help removed") << "len?"
                                  << "help request removed"
                                  << "\nlen?"
                                  << "";
    QTest::addRow("indented magic keeps block valid") << "if True:\n    %matplotlib inline\n"
                                                      << "    pass  # keeps the block valid"
                                                      << "\n    %matplotlib"
                                                      << "";
}

void TestGraduateUnits::transformer()
{
    QFETCH(QString, source);
    QFETCH(QString, mustContain);
    QFETCH(QString, mustNotContain);
    QFETCH(QString, requirement);
    const auto out = IPythonTransformer::transform(source.toStdString());
    const QString code = QStringLiteral("\n") + QString::fromStdString(out.code);
    QVERIFY2(code.contains(mustContain), qPrintable(code));
    QVERIFY2(!code.contains(mustNotContain), qPrintable(code));
    if (!requirement.isEmpty()) {
        QCOMPARE(out.requirements.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(out.requirements.front()), requirement);
    }
    QVERIFY(!out.notes.empty() || mustContain.contains(QStringLiteral("%matplotlib\n")));
}

void TestGraduateUnits::trailingExpression_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("semicolon");
    using K = PythonSource::Statement::Kind;
    QTest::addRow("bare name") << "x = 1\nx" << int(K::Expression) << false;
    QTest::addRow("assignment") << "x = 1" << int(K::Other) << false;
    QTest::addRow("augmented assignment") << "x += 1" << int(K::Other) << false;
    QTest::addRow("comparison is an expression") << "x == 1" << int(K::Expression) << false;
    QTest::addRow("keyword argument is an expression") << "f(a=1)" << int(K::Expression) << false;
    QTest::addRow("annotation") << "x: int" << int(K::Other) << false;
    QTest::addRow("semicolon silences") << "x;" << int(K::Expression) << true;
    QTest::addRow("for loop") << "for i in range(3):\n    i" << int(K::Other) << false;
    QTest::addRow("multi-line call") << "f(\n  1,\n  2)" << int(K::Expression) << false;
    QTest::addRow("decorated function") << "@cache\ndef f():\n    return 1" << int(K::Function) << false;
    QTest::addRow("string with equals") << "'a = b'" << int(K::Expression) << false;
    QTest::addRow("lambda call") << "(lambda v: v)(3)" << int(K::Expression) << false;
}

void TestGraduateUnits::trailingExpression()
{
    QFETCH(QString, source);
    QFETCH(int, kind);
    QFETCH(bool, semicolon);
    const auto statements = PythonSource::statements(source.toStdString());
    QVERIFY(!statements.empty());
    QCOMPARE(int(statements.back().kind), kind);
    QCOMPARE(statements.back().endsWithSemicolon, semicolon);
}

void TestGraduateUnits::semicolonStatements_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("codes");
    QTest::addRow("three expressions") << "a0; a1; a2" << QStringList {"a0", "a1", "a2"};
    QTest::addRow("last one silenced") << "a0; a1;" << QStringList {"a0", "a1;"};
    QTest::addRow("semicolon then comment") << "f(1);  # quiet" << QStringList {"f(1);  # quiet"};
    QTest::addRow("assignment then value") << "x = 1; x" << QStringList {"x = 1", "x"};
    QTest::addRow("two imports") << "import os; import sys" << QStringList {"import os", "import sys"};
    QTest::addRow("inside a string") << "s = 'a; b'" << QStringList {"s = 'a; b'"};
    QTest::addRow("inside brackets") << "f('a;', [1]); g()" << QStringList {"f('a;', [1])", "g()"};
    QTest::addRow("compound statement") << "if x: a; b" << QStringList {"if x: a; b"};
    QTest::addRow("in a comment") << "a  # b; c" << QStringList {"a  # b; c"};
}

void TestGraduateUnits::semicolonStatements()
{
    QFETCH(QString, source);
    QFETCH(QStringList, codes);
    QStringList found;
    for (const auto &statement : PythonSource::statements(source.toStdString()))
        found << QString::fromStdString(statement.code).chopped(1);
    QCOMPARE(found, codes);
}

void TestGraduateUnits::semicolonLineGraduates()
{
    const Notebook notebook = codeNotebook("python",
        {"a0, a1, a2 = 1, 2, 3", "a0; a1; a2", "import os; import sys\nprint(os.sep, sys.byteorder)"});
    const auto plan = GraduationPlanner::plan(notebook, analyzeNotebook(notebook), {});
    QVERIFY2(plan, plan ? "" : plan.error().toString().c_str());
    std::string bodies;
    for (const GraduationStep &step : plan->steps)
        bodies += step.body;
    const QString text = QString::fromStdString(bodies);
    QVERIFY2(text.contains(QStringLiteral("show(a2)")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("show(a0")), qPrintable(text));
    const auto files = PackageGenerator::generate(*plan);
    QCOMPARE(QString::fromStdString(PackageWriter::checkGeneratedPython(files)), QString());
}

void TestGraduateUnits::importBindings_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<QStringList>("bound");
    QTest::addRow("plain") << "import os" << QStringList {"os"};
    QTest::addRow("dotted") << "import matplotlib.pyplot as plt" << QStringList {"plt"};
    QTest::addRow("dotted without alias") << "import os.path" << QStringList {"os"};
    QTest::addRow("several") << "import a, b as c" << QStringList {"a", "c"};
    QTest::addRow("from parenthesised") << "from x import (y,\n    z as w)" << QStringList {"y", "w"};
}

void TestGraduateUnits::importBindings()
{
    QFETCH(QString, statement);
    QFETCH(QStringList, bound);
    QStringList actual;
    for (const auto &name : PythonSource::importBindings(statement.toStdString()))
        actual << QString::fromStdString(name);
    QCOMPARE(actual, bound);
}

// What ruff's isort (I001) and unused-import (F401) rules want; the end-to-end tests lint whole
// packages with ruff itself.
void TestGraduateUnits::importBlock_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("expected");
    const QString uses = QStringLiteral("np pd plt io os Path A B c TOTAL parse count_levels x");
    QTest::addRow("sections apart, import lines first")
        << QStringList {QStringLiteral("import pandas as pd"), QStringLiteral("import io"),
               QStringLiteral("from pathlib import Path"), QStringLiteral("import numpy as np"),
               QStringLiteral("from __future__ import annotations")}
        << uses + QStringLiteral(" annotations")
        << QStringLiteral("from __future__ import annotations\n\nimport io\nfrom pathlib import Path\n\n"
                          "import numpy as np\nimport pandas as pd\n");
    QTest::addRow("unused members and modules dropped")
        << QStringList {QStringLiteral("from pkg.logparse import count_levels, parse"),
               QStringLiteral("import os")}
        << QStringLiteral("parse(x)") << QStringLiteral("from pkg.logparse import parse\n");
    QTest::addRow("members by type, one module merged")
        << QStringList {QStringLiteral("from m import c, B"), QStringLiteral("from m import TOTAL, A")}
        << uses << QStringLiteral("from m import TOTAL, A, B, c\n");
    QTest::addRow("the package last, its modules sorted")
        << QStringList {QStringLiteral("from pkg.config import x"),
               QStringLiteral("from pkg._runtime import c"),
               QStringLiteral("import matplotlib.pyplot as plt")}
        << uses
        << QStringLiteral(
               "import matplotlib.pyplot as plt\n\nfrom pkg._runtime import c\nfrom pkg.config import x\n");
    QTest::addRow("star import kept") << QStringList {QStringLiteral("from pylab import *")} << QString()
                                      << QStringLiteral("from pylab import *\n");
    QTest::addRow("long line wrapped")
        << QStringList {QStringLiteral(
               "from sklearn.model_selection import cross_val_score, train_test_split, "
               "GridSearchCV, StratifiedKFold, KFold")}
        << QStringLiteral("cross_val_score train_test_split GridSearchCV StratifiedKFold KFold")
        << QStringLiteral(
               "from sklearn.model_selection import (\n    GridSearchCV,\n    KFold,\n    StratifiedKFold,\n"
               "    cross_val_score,\n    train_test_split,\n)\n");
}

void TestGraduateUnits::importBlock()
{
    QFETCH(QStringList, statements);
    QFETCH(QString, body);
    QFETCH(QString, expected);
    ImportBlock block("pkg", 13);
    for (const QString &statement : statements)
        block.add(statement.toStdString());
    const std::vector<std::string> words = PythonSource::names(body.toStdString());
    block.keepOnly(std::set<std::string>(words.begin(), words.end()));
    QCOMPARE(QString::fromStdString(block.render()), expected);
}

void TestGraduateUnits::writerRejectsPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addRow("parent") << "../escape.txt";
    QTest::addRow("nested parent") << "a/../../escape.txt";
    QTest::addRow("absolute") << "/tmp/escape.txt";
    QTest::addRow("empty part") << "a//b.txt";
    QTest::addRow("dot part") << "./a.txt";
    QTest::addRow("backslash") << "a\\..\\b.txt";
    QTest::addRow("empty") << "";
}

void TestGraduateUnits::writerRejectsPaths()
{
    QFETCH(QString, path);
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString target = parent.path() + QStringLiteral("/out");
    const std::vector<GeneratedFile> files = {{"ok.txt", "fine", false}, {path.toStdString(), "bad", false}};
    const auto result = PackageWriter::write(files, target.toStdString(), false);
    QVERIFY(!result);
    QCOMPARE(QString::fromStdString(result.error().code), QStringLiteral("unsafe-path"));
    // Nothing at all is written when one path is bad.
    QVERIFY(filesBelow(parent.path()).isEmpty());
}

void TestGraduateUnits::writerRefusesNonEmptyAndSymlinks()
{
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString target = parent.path() + QStringLiteral("/out");
    QVERIFY(QDir().mkpath(target));
    QFile existing(target + QStringLiteral("/keep.txt"));
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("mine");
    existing.close();
    const std::vector<GeneratedFile> files = {{"a/b.txt", "x", false}};
    auto refused = PackageWriter::write(files, target.toStdString(), false);
    QVERIFY(!refused);
    QCOMPARE(QString::fromStdString(refused.error().code), QStringLiteral("target-not-empty"));

    // A symlink below the target pointing outside is never followed, even with --force.
    const QString outside = parent.path() + QStringLiteral("/outside");
    QVERIFY(QDir().mkpath(outside));
    QVERIFY(QFile::link(outside, target + QStringLiteral("/a")));
    auto viaLink = PackageWriter::write(files, target.toStdString(), true);
    QVERIFY(!viaLink);
    QCOMPARE(QString::fromStdString(viaLink.error().code), QStringLiteral("unsafe-path"));
    QVERIFY(filesBelow(outside).isEmpty());

    // The target itself as a symlink is refused too.
    const QString linkTarget = parent.path() + QStringLiteral("/linked");
    QVERIFY(QFile::link(outside, linkTarget));
    QVERIFY(!PackageWriter::write(files, linkTarget.toStdString(), true));
    QVERIFY(filesBelow(outside).isEmpty());

    auto written = PackageWriter::write({{"c/d.txt", "y", true}}, target.toStdString(), true);
    QVERIFY2(written, written ? "" : written.error().toString().c_str());
    QCOMPARE(written->size(), std::size_t(1));
    QVERIFY(QFileInfo(target + QStringLiteral("/c/d.txt")).isExecutable());
}

void TestGraduateUnits::hostileNamesStayInside_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("heading");
    QTest::addColumn<QString>("nameOption");
    QTest::addRow("parent path heading") << "nb.ipynb"
                                         << "## ../../x"
                                         << "";
    QTest::addRow("dunder names") << "__init__.ipynb"
                                  << "## __init__"
                                  << "__main__";
    QTest::addRow("keywords") << "class.ipynb"
                              << "## class"
                              << "import";
    QTest::addRow("empty heading") << "x.ipynb"
                                   << "## "
                                   << "";
    QTest::addRow("name option escapes") << "nb.ipynb"
                                         << "## ok"
                                         << "../../../etc";
    QTest::addRow("unicode") << QStringLiteral("ñandú.ipynb") << QStringLiteral("## Über/../../évasion")
                             << "";
    QTest::addRow("stdlib shadow") << "json.ipynb"
                                   << "## os"
                                   << "";
}

void TestGraduateUnits::hostileNamesStayInside()
{
    QFETCH(QString, fileName);
    QFETCH(QString, heading);
    QFETCH(QString, nameOption);
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString notebookPath = parent.path() + QStringLiteral("/") + fileName;
    const std::string json = notebookJson(heading.toStdString(), "value = 1\nprint(value)\n");
    auto notebook = NotebookLoader().loadBytes(json, notebookPath.toStdString());
    QVERIFY(notebook);
    const NotebookAnalysis analysis = analyzeNotebook(*notebook);
    GraduationOptions options;
    options.name = nameOption.toStdString();
    auto plan = GraduationPlanner::plan(*notebook, analysis, options);
    QVERIFY2(plan, plan ? "" : plan.error().toString().c_str());
    QVERIFY(PythonSource::isIdentifier(plan->packageName));
    QVERIFY(!StdlibModules::contains(plan->packageName));
    for (const GraduationStep &step : plan->steps) {
        QVERIFY2(PythonSource::isIdentifier(step.name), step.name.c_str());
        QVERIFY(step.module != "__init__" && step.module != "__main__");
    }
    const auto files = PackageGenerator::generate(*plan);
    for (const GeneratedFile &file : files)
        QVERIFY2(PackageWriter::checkRelativePath(file.path).empty(), file.path.c_str());
    const QString target = parent.path() + QStringLiteral("/deep/out");
    auto written = PackageWriter::write(files, target.toStdString(), false);
    QVERIFY2(written, written ? "" : written.error().toString().c_str());
    // Everything under the parent is either the notebook file or inside the target.
    for (const QString &path : filesBelow(parent.path()))
        QVERIFY2(path.startsWith(target + QLatin1Char('/')) || path == notebookPath, qPrintable(path));
    QCOMPARE(filesBelow(target).size(), qsizetype(files.size()));
}

void TestGraduateUnits::planDataflow()
{
    auto notebook = NotebookLoader().loadFile(TASSEL_TEST_DATA_DIR "/graduate/sections.ipynb");
    QVERIFY(notebook);
    auto plan = GraduationPlanner::plan(*notebook, analyzeNotebook(*notebook), {});
    QVERIFY2(plan, plan ? "" : plan.error().toString().c_str());
    QCOMPARE(QString::fromStdString(plan->packageName), QStringLiteral("sections"));
    QCOMPARE(plan->helpers.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(plan->helpers.front().name), QStringLiteral("revenue"));
    QStringList steps;
    for (const auto &step : plan->steps)
        steps << QString::fromStdString(step.name);
    QCOMPARE(steps, (QStringList {"load", "compute", "compute_summary"})); // `summary` is a variable
    const auto &load = plan->steps[0];
    const auto &compute = plan->steps[1];
    const auto &summary = plan->steps[2];
    QCOMPARE(load.returns, (std::vector<std::string> {"prices", "quantities"}));
    QCOMPARE(compute.parameters, (std::vector<std::string> {"prices", "quantities"}));
    QCOMPARE(compute.helpers, (std::vector<std::string> {"revenue"}));
    QCOMPARE(compute.returns, (std::vector<std::string> {"lines", "total"}));
    QCOMPARE(summary.parameters, (std::vector<std::string> {"lines", "total"}));
    QVERIFY(summary.returns.empty());
    QCOMPARE(summary.imports, (std::vector<std::string> {"import statistics"}));
}

void TestGraduateUnits::cellMagics_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("mustContain");
    QTest::addColumn<QString>("mustNotContain");
    QTest::addColumn<QString>("resource"); ///< "path=content" of the one resource, or empty
    QTest::addColumn<QString>("refused");
    QTest::addRow("bash cell becomes a script") << "%%bash\nexport PS1='> '\necho hi\n"
                                                << "run_script(\"scripts/cell_2.sh\", \"bash\")"
                                                << "export PS1"
                                                << "scripts/cell_2.sh=export PS1='> '\necho hi\n"
                                                << "";
    QTest::addRow("sh cell") << "%%sh\nls\n"
                             << "run_script(\"scripts/cell_2.sh\", \"sh\")"
                             << "\nls"
                             << "scripts/cell_2.sh=ls\n"
                             << "";
    QTest::addRow("script cell names its program") << "%%script --no-raise-error perl -w\nprint 1;\n"
                                                   << "run_script(\"scripts/cell_2.pl\", \"perl -w\")"
                                                   << "\nprint 1"
                                                   << "scripts/cell_2.pl=print 1;\n"
                                                   << "";
    QTest::addRow("writefile of YAML becomes a resource")
        << "%%writefile mrjob.conf\nrunners:\n  emr:\n    region: us-west-2\n"
        << "write_resource(\"resources/cell_2_mrjob_conf.txt\", \"mrjob.conf\")"
        << "\nrunners:"
        << "resources/cell_2_mrjob_conf.txt=runners:\n  emr:\n    region: us-west-2\n"
        << "";
    QTest::addRow("file appends")
        << "%%file -a log.txt\nmore\n"
        << "write_resource(\"resources/cell_2_log_txt.txt\", \"log.txt\", append=True)"
        << "\nmore"
        << "resources/cell_2_log_txt.txt=more\n"
        << "";
    QTest::addRow("markdown dropped") << "%%markdown\n# Title"
                                      << "# %%markdown cell dropped"
                                      << "# Title"
                                      << ""
                                      << "";
    QTest::addRow("latex dropped") << "%%latex\n\\alpha"
                                   << "# %%latex cell dropped"
                                   << "alpha"
                                   << ""
                                   << "";
    QTest::addRow("javascript dropped") << "%%javascript\nalert(1)"
                                        << "# %%javascript cell dropped"
                                        << "alert"
                                        << ""
                                        << "";
    QTest::addRow("sql refused") << "%%sql\nSELECT * FROM t"
                                 << ""
                                 << "SELECT"
                                 << ""
                                 << "sql";
    QTest::addRow("unknown cell magic refused") << "%%frobnicate\nwhatever"
                                                << ""
                                                << "whatever"
                                                << ""
                                                << "frobnicate";
    QTest::addRow("pip install continued over lines is one command")
        << "%pip install --upgrade \"google-cloud-aiplatform[langchain]\" \\\n    langchain==0.1.0 \\\n    "
           "pandas\nx = 1"
        << "declared as a dependency"
        << "\n    langchain"
        << ""
        << "";
    QTest::addRow("shell command continued over lines") << "!echo one \\\n  two\n"
                                                        << "run_shell(\"echo one two\")"
                                                        << "\n  two"
                                                        << ""
                                                        << "";
    QTest::addRow("bang pip inside a block keeps it valid") << "if True:\n    !pip install x\n"
                                                            << "    pass  # keeps the block valid"
                                                            << "\n    !pip"
                                                            << ""
                                                            << "";
    QTest::addRow("automagic pip install") << "pip install diffusers pillow\nimport PIL"
                                           << "# %pip install diffusers pillow: declared"
                                           << "\npip install"
                                           << ""
                                           << "";
    QTest::addRow("automagic cd") << "cd data\nx = 1"
                                  << "os.chdir(\"data\")"
                                  << "\ncd data"
                                  << ""
                                  << "";
    QTest::addRow("a variable named like a magic is Python") << "time = 3\ntime + 1"
                                                             << "\ntime = 3\ntime + 1"
                                                             << "%time"
                                                             << ""
                                                             << "";
    QTest::addRow("help inside a block keeps it valid") << "for x in []:\n    x?\n"
                                                        << "    pass  # keeps the block valid"
                                                        << "\n    x?"
                                                        << ""
                                                        << "";
}

void TestGraduateUnits::cellMagics()
{
    QFETCH(QString, source);
    QFETCH(QString, mustContain);
    QFETCH(QString, mustNotContain);
    QFETCH(QString, resource);
    QFETCH(QString, refused);
    const auto out = IPythonTransformer::transform(source.toStdString(), "cell_2");
    const QString code = QStringLiteral("\n") + QString::fromStdString(out.code);
    QVERIFY2(code.contains(mustContain), qPrintable(code));
    QVERIFY2(!code.contains(mustNotContain), qPrintable(code));
    QCOMPARE(QString::fromStdString(out.refusedMagic), refused);
    QVERIFY2(parsesAsPython3(out.code), qPrintable(code));
    if (resource.isEmpty()) {
        QVERIFY(out.resources.empty());
        return;
    }
    QCOMPARE(out.resources.size(), std::size_t(1));
    QCOMPARE(
        QString::fromStdString(out.resources.front().path + "=" + out.resources.front().content), resource);
}

void TestGraduateUnits::refusals_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addRow("another language") << "c++" << QStringList {"int k = 4;"} << "not-python"
                                      << "cannot graduate: the kernel is C++, not Python";
    QTest::addRow("cells that do not parse")
        << "python" << QStringList {"x = 1", "aws s3 cp a s3://b/a", "git status"} << "syntax-error"
        << "cannot graduate: cells 2, 3 do not parse as Python 3 (port or fix, or use --allow-broken-cells";
    QTest::addRow("python 2 print statements") << "python" << QStringList {"x = 1", "print x"} << "python2"
                                               << "cannot graduate: Python 2 code in cell 2 (port or fix";
    QTest::addRow("python 2 and a shell line")
        << "python" << QStringList {"print x", "git status"} << "python2"
        << "Python 2 code in cell 1; cell 2 does not parse as Python 3";
    QTest::addRow("sql cell")
        << "python" << QStringList {"x = 1", "%%sql\nSELECT 1"} << "unsupported-cell-magic"
        << "cannot graduate: cell 2 is a %%sql cell, which has no plain-Python equivalent";
}

void TestGraduateUnits::refusals()
{
    QFETCH(QString, language);
    QFETCH(QStringList, cells);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const Notebook notebook = codeNotebook(language.toStdString(), cells);
    QCOMPARE(notebook.cells.size(), std::size_t(cells.size()));
    const auto plan = GraduationPlanner::plan(notebook, analyzeNotebook(notebook), {});
    QVERIFY(!plan);
    QCOMPARE(QString::fromStdString(plan.error().code), code);
    const QString text = QString::fromStdString(plan.error().toString());
    QVERIFY2(text.contains(message), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1Char('\n')), qPrintable(text));
}

void TestGraduateUnits::brokenCellsKeptAsTodo()
{
    const Notebook notebook
        = codeNotebook("python", {"x = 1", "aws s3 cp a s3://b/a\ny = x", "%%sql\nSELECT 1", "print(x)"});
    GraduationOptions options;
    options.allowBrokenCells = true;
    options.split = GraduationOptions::Split::Cells;
    const auto plan = GraduationPlanner::plan(notebook, analyzeNotebook(notebook), options);
    QVERIFY2(plan, plan ? "" : plan.error().toString().c_str());
    std::string bodies;
    for (const GraduationStep &step : plan->steps)
        bodies += step.body;
    const QString text = QString::fromStdString(bodies);
    QVERIFY2(text.contains(QStringLiteral("# TODO: notebook cell 2 does not parse as Python 3")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("# aws s3 cp a s3://b/a")), qPrintable(text));
    QVERIFY2(text.contains(
                 QStringLiteral("raise NotImplementedError(\"notebook cell 2 does not parse as Python 3\")")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("raise NotImplementedError(\"notebook cell 3 is a %%sql cell")),
        qPrintable(text));
    const auto files = PackageGenerator::generate(*plan);
    QCOMPARE(QString::fromStdString(PackageWriter::checkGeneratedPython(files)), QString());
}

void TestGraduateUnits::generatedCodeIsChecked()
{
    const std::vector<GeneratedFile> files = {{"README.md", "not python (", false},
        {"src/p/ok.py", "x = 1\n", false}, {"src/p/bad.py", "x = 1\nif x\n", false}};
    const QString why = QString::fromStdString(PackageWriter::checkGeneratedPython(files));
    QVERIFY2(why.startsWith(QStringLiteral("generated src/p/bad.py does not parse as Python 3 at line 2")),
        qPrintable(why));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto written
        = PackageWriter::write(files, (dir.path() + QStringLiteral("/out")).toStdString(), false);
    QVERIFY(!written);
    QCOMPARE(QString::fromStdString(written.error().code), QStringLiteral("generated-code"));
    QVERIFY(!QFileInfo::exists(dir.path() + QStringLiteral("/out")));
}

void TestGraduateUnits::setUpStatements_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("setUp");
    QTest::addRow("pandas option") << "pd.set_option(\"display.precision\", 2)" << true;
    QTest::addRow("pyplot rc over lines") << "plt.rc(\"font\",\n       size=14)  # bigger" << true;
    QTest::addRow("matplotlib backend") << "matplotlib.use(\"Agg\")" << true;
    QTest::addRow("rcParams item") << "plt.rcParams[\"figure.dpi\"] = 120" << true;
    QTest::addRow("pandas options attribute") << "pd.options.display.max_rows = 20" << true;
    QTest::addRow("aliased from import") << "pyplot.style.use(\"ggplot\")" << true;
    QTest::addRow("warnings filter") << "warnings.filterwarnings(\"ignore\")" << true;
    QTest::addRow("bracket in a comment inside the call")
        << "plt.rc(\"font\",  # (bigger\n       size=14)" << true;
    QTest::addRow("triple-quoted argument holding a quote") << "pd.set_option('''it's''', 2)" << true;
    QTest::addRow("a computation") << "df = pd.read_csv(\"x.csv\")" << false;
    QTest::addRow("call then more") << "pd.set_option(\"a\", 1) or load()" << false;
    QTest::addRow("comparison, not assignment") << "pd.options.display.max_rows == 20" << false;
    QTest::addRow("same name, other module") << "np.set_option(1)" << false;
    QTest::addRow("not imported") << "sns.set_theme()" << false;
    QTest::addRow("seed is state, not set-up") << "np.random.seed(42)" << false;
}

void TestGraduateUnits::setUpStatements()
{
    QFETCH(QString, code);
    QFETCH(bool, setUp);
    const std::map<std::string, std::string> importOf
        = {{"pd", "import pandas as pd"}, {"plt", "import matplotlib.pyplot as plt"},
            {"matplotlib", "import matplotlib"}, {"pyplot", "from matplotlib import pyplot"},
            {"warnings", "import warnings"}, {"np", "import numpy as np"}};
    QCOMPARE(SessionSetup::isSetUpStatement(code.toStdString(), importOf), setUp);
}

void TestGraduateUnits::importedPaths_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("path");
    QTest::addRow("alias") << "import matplotlib.pyplot as plt"
                           << "plt"
                           << "matplotlib.pyplot";
    QTest::addRow("dotted binds the top") << "import os.path"
                                          << "os"
                                          << "os";
    QTest::addRow("from with alias") << "from matplotlib import pyplot as p"
                                     << "p"
                                     << "matplotlib.pyplot";
    QTest::addRow("second of several") << "import a, b as c"
                                       << "c"
                                       << "b";
    QTest::addRow("parenthesised") << "from x import (y,\n    z as w)"
                                   << "w"
                                   << "x.z";
    QTest::addRow("not bound here") << "import pandas as pd"
                                    << "pandas"
                                    << "";
}

void TestGraduateUnits::importedPaths()
{
    QFETCH(QString, statement);
    QFETCH(QString, name);
    QFETCH(QString, path);
    QCOMPARE(QString::fromStdString(SessionSetup::importedPath(statement.toStdString(), name.toStdString())),
        path);
}

void TestGraduateUnits::planCarriesEveryName()
{
    auto notebook = NotebookLoader().loadFile(TASSEL_TEST_DATA_DIR "/graduate/deliveries.ipynb");
    QVERIFY(notebook);
    auto plan = GraduationPlanner::plan(*notebook, analyzeNotebook(*notebook), {});
    QVERIFY2(plan, plan ? "" : plan.error().toString().c_str());
    // The imports-and-options cell is session set-up, not a step; per_week, left in the first
    // step, still has its import.
    QCOMPARE(plan->setUp.cells, (std::vector<int> {2}));
    QVERIFY(plan->setUp.body.find("pd.set_option(\"display.precision\", 1)") != std::string::npos);
    QCOMPARE(plan->setUp.imports, (std::vector<std::string> {"import pandas as pd"}));
    QStringList steps;
    for (const auto &step : plan->steps)
        steps << QString::fromStdString(step.name);
    QCOMPARE(steps,
        (QStringList {"delivery_times_by_region", "simulated_orders", "typical_delivery_time_per_region",
            "orders_delivered_later_than_the_promised", "forecast_for_next_week"}));
    std::set<std::string> helpers;
    for (const HelperDefinition &helper : plan->helpers)
        helpers.insert(helper.name);
    QCOMPARE(helpers, (std::set<std::string> {"forecast_typical", "is_late", "trimmed_mean"}));
    // trimmed_mean is defined mid-section in a cell of its own; is_late reaches the last step
    // through late_share, a function that stays in that step.
    QCOMPARE(plan->steps[0].imports, (std::vector<std::string> {"import pandas as pd"}));
    QCOMPARE(plan->steps[2].helpers, (std::vector<std::string> {"trimmed_mean"}));
    QCOMPARE(plan->steps[4].helpers, (std::vector<std::string> {"forecast_typical", "is_late"}));
    for (const GraduationStep &step : plan->steps) {
        QVERIFY2(step.hiddenState.empty(), step.name.c_str());
        for (const std::string &name : step.parameters)
            QVERIFY2(!helpers.count(name), (step.name + " takes helper " + name).c_str());
    }
    QCOMPARE(plan->steps[4].parameters, (std::vector<std::string> {"minutes_by_region", "orders"}));
}

void TestGraduateUnits::undefinedNameStopsThePlan()
{
    // Hidden state the planner finds itself (here: the analysis is told nothing) is an error
    // naming the cell, never a parameter that defaults to None.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.path() + QStringLiteral("/nb.ipynb");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(notebookJson("# Use", "print(threshold)\n")));
    file.close();
    auto notebook = NotebookLoader().loadFile(path.toStdString());
    QVERIFY(notebook);
    NotebookAnalysis analysis = analyzeNotebook(*notebook);
    std::erase_if(analysis.findings, [](const Finding &f) { return f.rule == "undefined-name"; });
    auto refused = GraduationPlanner::plan(*notebook, analysis, {});
    QVERIFY(!refused);
    QCOMPARE(QString::fromStdString(refused.error().code), QStringLiteral("undefined-before-step"));
    QVERIFY2(refused.error().message.find("cell 2 (id c1): 'threshold'") != std::string::npos,
        refused.error().message.c_str());

    GraduationOptions allow;
    allow.allowHiddenState = true;
    auto allowed = GraduationPlanner::plan(*notebook, analysis, allow);
    QVERIFY(allowed);
    QCOMPARE(allowed->steps.front().hiddenState, (std::vector<std::string> {"threshold"}));
    bool found = false;
    for (const GeneratedFile &generated : PackageGenerator::generate(*allowed))
        if (generated.path == "src/nb/use.py") {
            found = true;
            QVERIFY2(generated.content.find("def use():") != std::string::npos, generated.content.c_str());
        }
    QVERIFY(found);
}

void TestGraduateUnits::starImportCarried()
{
    // A name a star import may bind is imported the same way, not an error or a parameter.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.path() + QStringLiteral("/nb.ipynb");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(notebookJson("# Use", "from math import *\nprint(sqrt(16))\n")));
    file.close();
    auto notebook = NotebookLoader().loadFile(path.toStdString());
    QVERIFY(notebook);
    auto plan = GraduationPlanner::plan(*notebook, analyzeNotebook(*notebook), {});
    QVERIFY2(plan, plan ? "" : plan.error().toString().c_str());
    QCOMPARE(plan->steps.front().imports, (std::vector<std::string> {"from math import *"}));
    QVERIFY(plan->steps.front().parameters.empty() && plan->steps.front().hiddenState.empty());
}

void TestGraduateUnits::localImports_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    QTest::addRow("from import") << "from logparse import parse"
                                 << "from pkg.logparse import parse";
    QTest::addRow("from submodule") << "from tools.io import read  # helpers"
                                    << "from pkg.tools.io import read  # helpers";
    QTest::addRow("plain import") << "import logparse"
                                  << "from pkg import logparse";
    QTest::addRow("alias") << "import logparse as lp"
                           << "from pkg import logparse as lp";
    QTest::addRow("dotted alias") << "import tools.io as tio"
                                  << "from pkg.tools import io as tio";
    QTest::addRow("dotted, no alias")
        << "import tools.io"
        << "from pkg import tools\nimport pkg.tools.io  # noqa: F401 (loads the submodule)";
    QTest::addRow("mixed with others") << "import os, logparse"
                                       << "import os\nfrom pkg import logparse";
    QTest::addRow("indented keeps its indentation")
        << "def f():\n    from logparse import parse\n    return parse"
        << "def f():\n    from pkg.logparse import parse\n    return parse";
    QTest::addRow("other modules untouched") << "import logging\nfrom logparser import x"
                                             << "import logging\nfrom logparser import x";
    QTest::addRow("inside a string untouched") << "s = \"\"\"\nimport logparse\n\"\"\""
                                               << "s = \"\"\"\nimport logparse\n\"\"\"";
    QTest::addRow("relative untouched") << "from . import logparse"
                                        << "from . import logparse";
}

void TestGraduateUnits::localImports()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    const std::set<std::string> names = {"logparse", "tools"};
    const std::string rewritten = LocalModules::rewriteSource(source.toStdString(), names, "pkg");
    QCOMPARE(QString::fromStdString(rewritten), expected);
}

void TestGraduateUnits::localModuleThatCannotTravel()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("tools")));
    for (const char *name : {"tools/__init__.py", "tools/table.parquet"}) {
        QFile file(dir.path() + QLatin1Char('/') + QLatin1String(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("x = 1\n");
    }
    const QString path = dir.path() + QStringLiteral("/nb.ipynb");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(notebookJson("# Use", "import tools\nprint(tools.x)\n")));
    file.close();
    auto notebook = NotebookLoader().loadFile(path.toStdString());
    QVERIFY(notebook);
    auto refused = GraduationPlanner::plan(*notebook, analyzeNotebook(*notebook), {});
    QVERIFY(!refused);
    QCOMPARE(QString::fromStdString(refused.error().code), QStringLiteral("local-module"));
    QVERIFY2(refused.error().message.find("tools (tools): it holds table.parquet") != std::string::npos,
        refused.error().message.c_str());

    QVERIFY(QFile::remove(dir.path() + QStringLiteral("/tools/table.parquet")));
    auto plan = GraduationPlanner::plan(*notebook, analyzeNotebook(*notebook), {});
    QVERIFY2(plan, plan ? "" : plan.error().toString().c_str());
    QCOMPARE(plan->localModules.size(), std::size_t(1));
    QCOMPARE(plan->localModules.front().files.front().first, std::string("tools/__init__.py"));
    QCOMPARE(plan->steps.front().imports, (std::vector<std::string> {"from nb import tools"}));
}

/// The plan of a one-cell notebook written into `dir` (so relative paths are looked up there).
Result<GraduationPlan> planInFolder(const QString &dir, const std::string &code, std::int64_t copyLimit = 0,
    const std::string &printed = {}, bool ran = true)
{
    const QString path = dir + QStringLiteral("/nb.ipynb");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error {};
    file.write(QByteArray::fromStdString(notebookJson("# Use", code, printed, ran)));
    file.close();
    auto notebook = NotebookLoader().loadFile(path.toStdString());
    if (!notebook)
        return notebook.error();
    GraduationOptions options;
    options.copyDataLimit = copyLimit;
    return GraduationPlanner::plan(*notebook, analyzeNotebook(*notebook), options);
}

/// sales.csv (date,amount, two rows) in `dir`.
bool writeSalesCsv(const QString &dir)
{
    QFile data(dir + QStringLiteral("/sales.csv"));
    return data.open(QIODevice::WriteOnly) && data.write("date,amount\n2024-01-02,3.5\n2024-01-03,4.0\n") > 0;
}

/// Plans the one-cell notebook `code` in a fresh folder and generates its package into `files`,
/// with the plan's notebookFolder set to `notebookFolder` when one is given. Checks that the plan
/// is one step whose body holds `expected` and that the generated Python parses; the caller
/// returns when QTest::currentTestFailed().
void planOneStep(const QString &code, const QString &expected, GraduationPlan &plan,
    std::vector<GeneratedFile> &files, const std::string &notebookFolder = {})
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto planned = planInFolder(dir.path(), code.toStdString());
    QVERIFY2(planned, planned ? "" : planned.error().toString().c_str());
    QCOMPARE(planned->steps.size(), std::size_t(1));
    QVERIFY2(planned->steps.front().body.find(expected.toStdString()) != std::string::npos,
        planned->steps.front().body.c_str());
    plan = std::move(*planned);
    if (!notebookFolder.empty())
        plan.notebookFolder = notebookFolder;
    files = PackageGenerator::generate(plan);
    QCOMPARE(QString::fromStdString(PackageWriter::checkGeneratedPython(files)), QString());
}

void TestGraduateUnits::dataPathsRewritten_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected"); // in the step body
    QTest::addColumn<QStringList>("inputs"); // name=target
    QTest::addRow("pandas reader")
        << "import pandas as pd\ndf = pd.read_csv(\"data/sales.csv\", sep=\",\")"
        << "df = check_input(\"sales\", pd.read_csv(input_path(\"sales\"), sep=\",\"))"
        << QStringList {"sales=data/sales.csv"};
    QTest::addRow("constant bound before")
        << "DATA = \"./data/x.csv\"\nrows = open(DATA).read()"
        << "rows = open(input_path(\"x\")).read()" << QStringList {"x=data/x.csv"};
    QTest::addRow("Path receiver") << "from pathlib import Path\ntext = Path(\"notes.txt\").read_text()"
                                   << "text = input_path(\"notes\").read_text()"
                                   << QStringList {"notes=notes.txt"};
    QTest::addRow("glob stays a string")
        << "import glob\nfiles = glob.glob(\"data/*.csv\")"
        << "files = glob.glob(str(input_path(\"data\")))" << QStringList {"data=data/*.csv"};
    QTest::addRow("one input read twice")
        << "import pandas as pd\na = pd.read_csv(\"s.csv\")\nb = pd.read_csv(\"s.csv\")"
        << "a = check_input(\"s\", pd.read_csv(input_path(\"s\")))\nb = check_input(\"s\", "
           "pd.read_csv(input_path(\"s\")))"
        << QStringList {"s=s.csv"};
    QTest::addRow("write goes to the output folder")
        << "import pandas as pd\npd.DataFrame().to_csv(\"out.csv\")"
        << "pd.DataFrame().to_csv(output_path(\"out.csv\"))" << QStringList {};
    QTest::addRow("read of what it wrote")
        << "with open(\"a.txt\", \"w\") as f:\n    f.write(\"x\")\nprint(open(\"a.txt\").read())"
        << "with open(output_path(\"a.txt\"), \"w\") as f:\n    "
           "f.write(\"x\")\nprint(open(output_path(\"a.txt\")).read())"
        << QStringList {};
    QTest::addRow("absolute path untouched") << "text = open(\"/etc/hostname\").read()"
                                             << "text = open(\"/etc/hostname\").read()" << QStringList {};
    QTest::addRow("URL untouched") << "import pandas as pd\ndf = pd.read_csv(\"https://example.org/a.csv\")"
                                   << "df = pd.read_csv(\"https://example.org/a.csv\")" << QStringList {};
}

void TestGraduateUnits::dataPathsRewritten()
{
    QFETCH(QString, code);
    QFETCH(QString, expected);
    QFETCH(QStringList, inputs);
    GraduationPlan plan;
    std::vector<GeneratedFile> files;
    planOneStep(code, expected, plan, files, "../nb");
    if (QTest::currentTestFailed())
        return;
    QStringList actual;
    for (const DataInput &input : plan.inputs)
        actual << QString::fromStdString(input.name + "=" + input.target);
    QCOMPARE(actual, inputs);
    // The step imports what it calls. Only a package that reads beside the notebook (nothing is
    // copied here: no file exists) says where the notebook is.
    for (const GeneratedFile &file : files)
        if (file.path == "src/nb/_runtime.py")
            QCOMPARE(file.content.find("NOTEBOOK_DIR = \"../nb\"\n") != std::string::npos, !inputs.isEmpty());
    for (const char *name : {"input_path", "output_path"})
        if (plan.steps.front().body.find(std::string(name) + "(") != std::string::npos)
            QVERIFY(std::find(plan.steps.front().runtime.begin(), plan.steps.front().runtime.end(), name)
                != plan.steps.front().runtime.end());
}

void TestGraduateUnits::readsCheckedAgainstContracts_data()
{
    QTest::addColumn<QString>("code"); // sales.csv (date,amount) is beside the notebook
    QTest::addColumn<QString>("expected"); // in the step body
    QTest::addRow("read bound to a name")
        << "import pandas as pd\nsales = pd.read_csv(\"sales.csv\", sep=\",\")"
        << "sales = check_input(\"sales\", pd.read_csv(input_path(\"sales\"), sep=\",\"))";
    QTest::addRow("read then a method")
        << "import pandas as pd\nsales = pd.read_csv(\"./sales.csv\").dropna()"
        << "sales = check_input(\"sales\", pd.read_csv(input_path(\"sales\"))).dropna()";
    QTest::addRow("read over lines")
        << "import pandas as pd\nsales = pd.read_csv(\n    \"sales.csv\",\n    parse_dates=[\"date\"],\n)"
        << "sales = check_input(\"sales\", pd.read_csv(\n    input_path(\"sales\"),\n    "
           "parse_dates=[\"date\"],\n))";
}

void TestGraduateUnits::readsCheckedAgainstContracts()
{
    QFETCH(QString, code);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeSalesCsv(dir.path()));
    auto plan = planInFolder(dir.path(), code.toStdString());
    QVERIFY2(plan, plan ? "" : plan.error().toString().c_str());
    QCOMPARE(plan->steps.size(), std::size_t(1));
    const GraduationStep &step = plan->steps.front();
    QVERIFY2(step.body.find(expected.toStdString()) != std::string::npos, step.body.c_str());
    QVERIFY(std::find(step.runtime.begin(), step.runtime.end(), "check_input") != step.runtime.end());
    QCOMPARE(plan->inputs.size(), std::size_t(1));
    QVERIFY(plan->inputs.front().contract);
    const std::vector<GeneratedFile> files = PackageGenerator::generate(*plan);
    QCOMPARE(QString::fromStdString(PackageWriter::checkGeneratedPython(files)), QString());
    std::set<std::string> paths;
    for (const GeneratedFile &file : files) {
        paths.insert(file.path);
        if (file.path == "contracts/sales.toml")
            QVERIFY2(file.content.find("name = \"amount\"\ndtype = \"float\"") != std::string::npos,
                file.content.c_str());
        if (file.path == "src/nb/_runtime.py")
            QVERIFY2(file.content.find("CONTRACTS = {\n    \"sales\": \"contracts/sales.toml\",\n}")
                    != std::string::npos,
                file.content.c_str());
    }
    for (const char *path :
        {"contracts/sales.toml", "src/nb/_contracts.py", "src/nb/_observe.py", "tests/test_contracts.py"})
        QVERIFY2(paths.count(path), path);
}

void TestGraduateUnits::optionalInputs_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expected"); // in the step body
    QTest::addColumn<QStringList>("optional"); // the optional inputs
    QTest::addRow("exists check of a literal")
        << "import os\n\nimport pandas as pd\n\nsales = pd.read_csv(\"sales.csv\")\n"
           "if os.path.exists(\"overrides.csv\"):\n    sales = pd.read_csv(\"overrides.csv\")"
        << "if os.path.exists(input_path(\"overrides\")):\n    sales = check_input(\"overrides\", "
           "pd.read_csv(input_path(\"overrides\")))"
        << QStringList {"overrides"};
    QTest::addRow("exists() of a constant path")
        << "from pathlib import Path\n\nNOTES = Path(\"notes.txt\")\nif NOTES.exists():\n"
           "    print(NOTES.read_text())"
        << "if input_path(\"notes\").exists():\n    print(input_path(\"notes\").read_text())"
        << QStringList {"notes"};
    QTest::addRow("try, except FileNotFoundError")
        << "try:\n    notes = open(\"notes.txt\").read()\nexcept FileNotFoundError:\n    notes = \"\"\n"
           "print(notes)"
        << "    notes = open(input_path(\"notes\")).read()" << QStringList {"notes"};
    QTest::addRow("guarded once, read unguarded later")
        << "import os\n\nif os.path.isfile(\"a.txt\"):\n    print(open(\"a.txt\").read())\n"
           "print(open(\"a.txt\").read())"
        << "if os.path.isfile(input_path(\"a\")):\n    print(open(input_path(\"a\")).read())"
        << QStringList {};
    QTest::addRow("unguarded read") << "print(open(\"a.txt\").read())"
                                    << "print(open(input_path(\"a\")).read())" << QStringList {};
}

void TestGraduateUnits::optionalInputs()
{
    QFETCH(QString, code);
    QFETCH(QString, expected);
    QFETCH(QStringList, optional);
    GraduationPlan plan;
    std::vector<GeneratedFile> files;
    planOneStep(code, expected, plan, files);
    if (QTest::currentTestFailed())
        return;
    QStringList actual;
    std::string quoted;
    for (const DataInput &input : plan.inputs)
        if (input.optional) {
            actual << QString::fromStdString(input.name);
            quoted += (quoted.empty() ? "\"" : ", \"") + input.name + "\"";
        }
    QCOMPARE(actual, optional);
    std::map<std::string, std::string> content;
    for (const GeneratedFile &file : files)
        content[file.path] = file.content;
    const std::string table
        = "OPTIONAL_INPUTS = frozenset(" + (quoted.empty() ? "" : "{" + quoted + "}") + ")\n";
    QVERIFY2(content["src/nb/_runtime.py"].find(table) != std::string::npos, table.c_str());
    for (const QString &name : optional)
        QVERIFY2(content["README.md"].find("- `" + name.toStdString() + "`: ") != std::string::npos
                && content["README.md"].find("optional: the notebook checks for it") != std::string::npos,
            content["README.md"].c_str());
    // A missing optional input is tested to run to the end; a required one to stop.
    const std::string &tests = content["tests/test_contracts.py"];
    for (const DataInput &input : plan.inputs) {
        const std::string test
            = "def test_" + input.name + (input.optional ? "_absent_is_optional(" : "_missing_file(");
        QVERIFY2(
            tests.find(test) != std::string::npos || (!input.optional && !input.contract), tests.c_str());
    }
}

void TestGraduateUnits::knownUnreproducibleOutputs_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("printed"); // what the notebook stored
    QTest::addColumn<QString>("reason"); // in the step's xfail reason; empty: no xfail
    QTest::addColumn<bool>("ran"); // whether the cell ran (an execution count)
    QTest::addRow("clock value") << "import datetime\nprint(datetime.datetime.now())"
                                 << "2024-01-02 10:11:12.345678\n"
                                 << "datetime.now" << true;
    QTest::addRow("unseeded random draw") << "import random\nprint(random.random())"
                                          << "0.8444218515250481\n"
                                          << "random.random" << true;
    QTest::addRow("output left in a cell whose code was removed") << "# filter the rows\n"
                                                                  << "707\n"
                                                                  << "no code" << true;
    QTest::addRow("deterministic output") << "print(6 * 7)"
                                          << "42\n"
                                          << "" << true;
    QTest::addRow("seeded random draw") << "import random\nrandom.seed(0)\nprint(random.random())"
                                        << "0.8444218515250481\n"
                                        << "" << true;
    QTest::addRow("ran, printed nothing") << "x = 6 * 7"
                                          << ""
                                          << "" << true;
    // nbformat's and nbconvert's test notebooks, drafts' last cells, outputs stripped on saving.
    QTest::addRow("never ran") << "print(6 * 7)"
                               << ""
                               << "cell 2 was never run" << false;
}

void TestGraduateUnits::knownUnreproducibleOutputs()
{
    // Without --verify: a regression test against an output the analysis knows cannot come back
    // would fail on every run, so it is expected to (xfail), with the finding as its reason.
    QFETCH(QString, code);
    QFETCH(QString, printed);
    QFETCH(QString, reason);
    QFETCH(bool, ran);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto plan = planInFolder(dir.path(), code.toStdString(), 0, printed.toStdString(), ran);
    QVERIFY2(plan, plan ? "" : plan.error().toString().c_str());
    QCOMPARE(plan->steps.size(), std::size_t(1));
    const std::string &xfail = plan->steps.front().xfailReason;
    QVERIFY2(reason.isEmpty() ? xfail.empty() : xfail.find(reason.toStdString()) != std::string::npos,
        xfail.c_str());
    std::map<std::string, std::string> content;
    for (const GeneratedFile &file : PackageGenerator::generate(*plan))
        content[file.path] = file.content;
    const bool marked
        = content["tests/test_regression.py"].find("@pytest.mark.xfail(reason=") != std::string::npos;
    QCOMPARE(marked, !reason.isEmpty());
    QCOMPARE(content["README.md"].find("## Outputs that do not reproduce") != std::string::npos,
        !reason.isEmpty());
}

void TestGraduateUnits::contractEditsReachThePackage_data()
{
    // sales.csv (date,amount) beside the notebook; the edits, then what contracts/sales.toml
    // says about "amount" (empty: no such column) and whether the failure-path tests name it.
    QTest::addColumn<QString>("column");
    QTest::addColumn<bool>("include");
    QTest::addColumn<int>("nullable"); // -1 as inferred, 0 no, 1 yes
    QTest::addColumn<QString>("amount");
    QTest::addRow("as inferred") << "amount" << true << -1
                                 << "name = \"amount\"\ndtype = \"float\"\nnullable = false\n"
                                    "source = { name = \"file\", dtype = \"file\", nullable = \"file\" }";
    QTest::addRow("left out") << "amount" << false << -1 << "";
    QTest::addRow("made nullable") << "amount" << true << 1
                                   << "name = \"amount\"\ndtype = \"float\"\nnullable = true\n"
                                      "source = { name = \"file\", dtype = \"file\" }";
    QTest::addRow("nullable as inferred keeps its source")
        << "amount" << true << 0
        << "name = \"amount\"\ndtype = \"float\"\nnullable = false\n"
           "source = { name = \"file\", dtype = \"file\", nullable = \"file\" }";
    QTest::addRow("unknown column") << "price" << false << -1 << "name = \"amount\"\ndtype = \"float\"";
}

void TestGraduateUnits::contractEditsReachThePackage()
{
    QFETCH(QString, column);
    QFETCH(bool, include);
    QFETCH(int, nullable);
    QFETCH(QString, amount);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeSalesCsv(dir.path()));
    auto plan = planInFolder(dir.path(), "import pandas as pd\nsales = pd.read_csv(\"sales.csv\")\n");
    QVERIFY2(plan, plan ? "" : plan.error().toString().c_str());
    ContractEdit edit {"sales", column.toStdString(), include, std::nullopt};
    if (nullable >= 0)
        edit.nullable = nullable == 1;
    GraduationPlan edited = *plan;
    applyContractEdits(edited, {edit, {"elsewhere", "amount", false, std::nullopt}});
    std::string toml;
    std::string tests;
    for (const GeneratedFile &file : PackageGenerator::generate(edited)) {
        if (file.path == "contracts/sales.toml")
            toml = file.content;
        if (file.path == "tests/test_contracts.py")
            tests = file.content;
    }
    QVERIFY(toml.find("name = \"date\"") != std::string::npos);
    if (amount.isEmpty()) {
        QVERIFY2(toml.find("\"amount\"") == std::string::npos, toml.c_str());
        QVERIFY2(tests.find("'amount'") == std::string::npos && tests.find("\"amount\"") == std::string::npos,
            tests.c_str());
    } else {
        QVERIFY2(toml.find(amount.toStdString()) != std::string::npos, toml.c_str());
    }
}

void TestGraduateUnits::dataCopiedWithinLimit_data()
{
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<QStringList>("copied"); // name=path below data/
    QTest::addRow("default limit") << qint64(20 * 1000 * 1000)
                                   << QStringList {"sales=sales.csv", "big=big.csv", "notes=notes.txt"};
    QTest::addRow("small limit: first come first copied")
        << qint64(120) << QStringList {"sales=sales.csv", "notes=notes.txt"};
    QTest::addRow("0 copies nothing") << qint64(0) << QStringList {};
}

void TestGraduateUnits::dataCopiedWithinLimit()
{
    QFETCH(qint64, limit);
    QFETCH(QStringList, copied);
    QTemporaryDir outside;
    QTemporaryDir dir;
    QVERIFY(dir.isValid() && outside.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("data")));
    auto write = [](const QString &path, const QByteArray &bytes) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    QVERIFY(write(dir.path() + QStringLiteral("/data/sales.csv"), "a,b\n1,2\n"));
    QVERIFY(write(dir.path() + QStringLiteral("/data/big.csv"), QByteArray(200, 'x')));
    QVERIFY(write(dir.path() + QStringLiteral("/notes.txt"), "n\n"));
    // A file beside the notebook that is a symlink to a file elsewhere is never carried.
    QVERIFY(write(outside.path() + QStringLiteral("/private.csv"), "secret\n"));
    QVERIFY(QFile::link(
        outside.path() + QStringLiteral("/private.csv"), dir.path() + QStringLiteral("/linked.csv")));
    auto plan = planInFolder(dir.path(),
        "import pandas as pd\nsales = pd.read_csv(\"data/sales.csv\")\nbig = "
        "pd.read_csv(\"data/big.csv\")\n"
        "notes = open(\"notes.txt\").read()\nlinked = pd.read_csv(\"linked.csv\")\n"
        "missing = pd.read_csv(\"missing.csv\")\nup = open(\"../up.txt\").read()\n",
        limit);
    QVERIFY2(plan, plan ? "" : plan.error().toString().c_str());
    QCOMPARE(plan->inputs.size(), std::size_t(6));
    QStringList actual;
    for (const DataInput &input : plan->inputs)
        if (!input.dataPath.empty())
            actual << QString::fromStdString(input.name + "=" + input.dataPath);
    QCOMPARE(actual, copied);

    const std::vector<GeneratedFile> files = PackageGenerator::generate(*plan);
    std::string manifest;
    QStringList dataFiles;
    for (const GeneratedFile &file : files) {
        if (file.path == "data/MANIFEST.tsv")
            manifest = file.content;
        else if (file.path.rfind("data/", 0) == 0)
            dataFiles << QString::fromStdString(file.path);
    }
    QCOMPARE(dataFiles.size(), copied.size());
    if (copied.contains(QStringLiteral("sales=sales.csv")))
        QVERIFY2(manifest.find("sales.csv\t" + sha256Hex("a,b\n1,2\n") + "\t8\tsales\n") != std::string::npos,
            manifest.c_str());
    QCOMPARE(manifest.empty(), copied.isEmpty());
}

void TestGraduateUnits::requirementsPinnedFromTheInterpreter()
{
    // pandas is installed in the build environment, with numpy among its requirements.
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QVERIFY2(!python.isEmpty(), "python3 is part of the build environment");
    const Notebook notebook
        = codeNotebook("python", {"import pandas as pd\nframe = pd.DataFrame({'a': [1]})"});
    AnalysisOptions options;
    options.pythonInterpreter = python.toStdString();
    const auto plan = GraduationPlanner::plan(notebook, analyzeNotebook(notebook, options), {});
    QVERIFY2(plan, plan ? "" : plan.error().toString().c_str());
    auto find = [&](const std::string &name) {
        const auto it = std::find_if(plan->dependencies.begin(), plan->dependencies.end(),
            [&](const PackageDependency &dependency) { return dependency.distribution == name; });
        return it == plan->dependencies.end() ? nullptr : &*it;
    };
    const PackageDependency *pandas = find("pandas");
    const PackageDependency *numpy = find("numpy");
    QVERIFY(pandas && numpy);
    QVERIFY(pandas->requiredBy.empty());
    QVERIFY(!pandas->version.empty());
    QCOMPARE(numpy->requiredBy, std::string("pandas"));
    QVERIFY(!numpy->version.empty());

    std::map<std::string, std::string> files;
    for (const GeneratedFile &file : PackageGenerator::generate(*plan))
        files[file.path] = file.content;
    const QString lock = QString::fromStdString(files["requirements.lock"]);
    const QString pyproject = QString::fromStdString(files["pyproject.toml"]);
    const QString numpyPin = QString::fromStdString("numpy==" + numpy->version);
    QVERIFY2(
        lock.contains(numpyPin + QStringLiteral("  # from the analysed environment, required by pandas")),
        qPrintable(lock));
    QVERIFY2(lock.contains(QString::fromStdString("pandas==" + pandas->version)), qPrintable(lock));
    QVERIFY2(!lock.contains(QStringLiteral("version unknown")), qPrintable(lock));
    // The project declares what the code imports; the lock pins what that needs.
    QVERIFY2(
        pyproject.contains(QString::fromStdString("\"pandas==" + pandas->version)), qPrintable(pyproject));
    QVERIFY2(!pyproject.contains(QStringLiteral("numpy")), qPrintable(pyproject));
}

void TestGraduateUnits::firstFreeName_data()
{
    QTest::addColumn<QStringList>("candidates");
    QTest::addColumn<QStringList>("taken");
    QTest::addColumn<QString>("expected");
    QTest::addRow("first free") << QStringList {"month", "compute_in_month"} << QStringList {} << "month";
    QTest::addRow("second when the first is taken") << QStringList {"month", "compute_in_month", "month_step"}
                                                    << QStringList {"month"} << "compute_in_month";
    QTest::addRow("last before a number") << QStringList {"month", "compute_in_month", "month_step"}
                                          << QStringList {"month", "compute_in_month"} << "month_step";
    QTest::addRow("numeric suffix on the best name")
        << QStringList {"month", "month_step"} << QStringList {"month", "month_step", "month_2"} << "month_3";
    QTest::addRow("empty candidates skipped") << QStringList {"", "load"} << QStringList {} << "load";
}

void TestGraduateUnits::firstFreeName()
{
    QFETCH(QStringList, candidates);
    QFETCH(QStringList, taken);
    QFETCH(QString, expected);
    std::vector<std::string> names;
    for (const QString &candidate : candidates)
        names.push_back(candidate.toStdString());
    std::set<std::string> used;
    for (const QString &name : taken)
        used.insert(name.toStdString());
    QCOMPARE(QString::fromStdString(PythonIdentifiers::firstFree(names, used)), expected);
    QVERIFY(used.contains(expected.toStdString()));
}

void TestGraduateUnits::stepNameClashUsesWhatTheSectionMakes()
{
    // salesreport's "## Month" section sits beside the parameter `month`: its step was month_2.
    auto notebook = NotebookLoader().loadFile(TASSEL_TEST_DATA_DIR "/graduate/salesreport.ipynb");
    QVERIFY(notebook);
    const auto plan = GraduationPlanner::plan(*notebook, analyzeNotebook(*notebook), {});
    QVERIFY2(plan, plan ? "" : plan.error().toString().c_str());
    QStringList names;
    for (const GraduationStep &step : plan->steps)
        names << QString::fromStdString(step.name);
    QVERIFY2(names.contains(QStringLiteral("compute_by_manager")), qPrintable(names.join(u',')));
    QVERIFY2(names.contains(QStringLiteral("load")), qPrintable(names.join(u',')));
    for (const QString &name : std::as_const(names))
        QVERIFY2(!name.back().isDigit(), qPrintable(name));
}

void TestGraduateUnits::pylabNamesGraduate()
{
    // nbconvert's notebook2.ipynb: hist and linspace come from %pylab. Graduation refused it with
    // "'hist' is not defined before step".
    const Notebook notebook = codeNotebook("python",
        {"%pylab inline", "xs = linspace(0, 1, 5)\nprint(xs.sum())", "counts, edges, patches = hist(xs)"});
    const auto plan = GraduationPlanner::plan(notebook, analyzeNotebook(notebook), {});
    QVERIFY2(plan, plan ? "" : plan.error().toString().c_str());
    std::set<std::string> imports;
    for (const GraduationStep &step : plan->steps) {
        QVERIFY(step.parameters.empty() && step.hiddenState.empty());
        imports.insert(step.imports.begin(), step.imports.end());
    }
    QVERIFY(imports.contains("from numpy import *"));
    QVERIFY(imports.contains("from matplotlib.pylab import *"));
    const auto files = PackageGenerator::generate(*plan);
    QCOMPARE(QString::fromStdString(PackageWriter::checkGeneratedPython(files)), QString());
}

void TestGraduateUnits::swallowedExceptionsListedForReview()
{
    const Notebook notebook = codeNotebook("python",
        {"import json",
            "settings = {}\ntry:\n    settings = json.loads('{')\nexcept Exception:\n    "
            "pass\nprint(settings)",
            "try:\n    count = int('7')\nexcept ValueError:\n    count = 0\nprint(count)"});
    const auto plan = GraduationPlanner::plan(notebook, analyzeNotebook(notebook), {});
    QVERIFY2(plan, plan ? "" : plan.error().toString().c_str());
    QCOMPARE(plan->failurePaths.size(), std::size_t(1)); // a narrow, named except is not one
    QCOMPARE(plan->failurePaths.front().cell, 1);
    QCOMPARE(plan->failurePaths.front().line, 4);
    std::string readme;
    for (const GeneratedFile &file : PackageGenerator::generate(*plan))
        if (file.path == "README.md")
            readme = file.content;
    const QString text = QString::fromStdString(readme);
    QVERIFY2(text.contains(QStringLiteral("## Failure paths to review")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("- step `"))
            && text.contains(QStringLiteral("cell 2 line 4: `except Exception:`")),
        qPrintable(text));
    // The code stays as written.
    std::string bodies;
    for (const GraduationStep &step : plan->steps)
        bodies += step.body;
    QVERIFY(bodies.find("except Exception:") != std::string::npos);
}

void TestGraduateUnits::normaliseOutput_data()
{
    QTest::addColumn<QString>("stored"); // as the notebook showed it
    QTest::addColumn<QString>("printed"); // as the package prints it
    QTest::addColumn<bool>("same");
    QTest::addRow("IPython's repr of an object against print()'s")
        << QStringLiteral("[<matplotlib.lines.Line2D at 0x7f3a2c>]")
        << QStringLiteral("[<matplotlib.lines.Line2D object at 0x55d0e1>]") << true;
    QTest::addRow("a class the notebook defined, now in a step's module")
        << QStringLiteral("<__main__.Note at 0x7f01>") << QStringLiteral("<notes.steps.Note object at 0x5a>")
        << true;
    QTest::addRow("another class") << QStringLiteral("<matplotlib.text.Text at 0x7f01>")
                                   << QStringLiteral("<matplotlib.lines.Line2D object at 0x5a>") << false;
    QTest::addRow("addresses, timings, trailing spaces")
        << QStringLiteral("id 0x7f01  \nCPU times: user 3 ms\nWall time: 4 ms\n\n")
        << QStringLiteral("id 0x5a") << true;
    QTest::addRow("other text") << QStringLiteral("total 12") << QStringLiteral("total 13") << false;
}

/// The generated `_runtime.normalise_output`, run by real Python on both texts.
void TestGraduateUnits::normaliseOutput()
{
    QFETCH(QString, stored);
    QFETCH(QString, printed);
    QFETCH(bool, same);
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QVERIFY2(!python.isEmpty(), "python3 is part of the build environment");
    const Notebook notebook = codeNotebook("python", {"total = 12\nprint(total)"});
    const auto plan = GraduationPlanner::plan(notebook, analyzeNotebook(notebook), {});
    QVERIFY2(plan, plan ? "" : plan.error().toString().c_str());
    QTemporaryDir folder;
    const auto written
        = PackageWriter::write(PackageGenerator::generate(*plan), folder.path().toStdString(), true);
    QVERIFY2(written, written ? "" : written.error().toString().c_str());
    QProcess run;
    run.setWorkingDirectory(folder.filePath(QStringLiteral("src")));
    run.start(python,
        {QStringLiteral("-c"),
            QStringLiteral("import sys\nfrom %1._runtime import normalise_output as n\n"
                           "print(n(sys.argv[1]) == n(sys.argv[2]))")
                .arg(QString::fromStdString(plan->packageName)),
            stored, printed});
    QVERIFY(run.waitForFinished(30000));
    QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());
    QCOMPARE(QString::fromUtf8(run.readAllStandardOutput()).trimmed(),
        same ? QStringLiteral("True") : QStringLiteral("False"));
}

QTEST_GUILESS_MAIN(TestGraduateUnits)
#include "tst_graduate_units.moc"
