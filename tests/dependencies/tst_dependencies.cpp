#include "analysis/dependencychecker.h"
#include "analysis/importmap.h"
#include "analysis/requirementreader.h"
#include "analysis/stdlibmodules.h"
#include "notebook/notebookloader.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tassel;

namespace {

const std::string kData = TASSEL_TEST_DATA_DIR "/dependencies";

std::string describe(const std::vector<Requirement> &requirements)
{
    std::string text;
    for (const auto &r : requirements) {
        if (!text.empty())
            text += " | ";
        text += r.name + " " + r.specifier + (r.pinnedVersion ? " pin=" + *r.pinnedVersion : "");
    }
    return text;
}

ImportRef importOf(std::string module, int line, bool optional = false, bool dynamic = false)
{
    ImportRef ref;
    ref.module = std::move(module);
    ref.optional = optional;
    ref.dynamic = dynamic;
    ref.range = {line, 1, line, 10};
    return ref;
}

MagicRef magicOf(MagicRef::Kind kind, std::string name, std::string arguments, int line)
{
    MagicRef magic;
    magic.kind = kind;
    magic.name = std::move(name);
    magic.arguments = std::move(arguments);
    magic.range = {line, 1, line, 40};
    return magic;
}

Notebook notebookWithCells(std::size_t count, const std::string &version = "3.11.4")
{
    Notebook notebook;
    notebook.metadata = {{"language_info", {{"name", "python"}, {"version", version}}}};
    for (std::size_t i = 0; i < count; ++i) {
        Cell cell;
        cell.id = "cell" + std::to_string(i);
        notebook.cells.push_back(cell);
    }
    return notebook;
}

const ImportInfo *findImport(const DependencyReport &report, const std::string &module)
{
    for (const auto &info : report.imports) {
        if (info.module == module)
            return &info;
    }
    return nullptr;
}

std::string rulesFor(const DependencyReport &report, const std::string &name)
{
    std::string rules;
    for (const auto &finding : report.findings) {
        if (std::find(finding.names.begin(), finding.names.end(), name) != finding.names.end())
            rules += (rules.empty() ? "" : ",") + finding.rule;
    }
    return rules;
}

} // namespace

class TestDependencies : public QObject
{
    Q_OBJECT
private slots:
    void parseRequirement_data();
    void parseRequirement();
    void parseConda_data();
    void parseConda();
    void normalize_data();
    void normalize();
    void stdlibPerVersion_data();
    void stdlibPerVersion();
    void importMap_data();
    void importMap();
    void installCommands_data();
    void installCommands();
    void scriptBlock();
    void declarationFiles_data();
    void declarationFiles();
    void badDeclarationFile();
    void tomlDeclarations_data();
    void tomlDeclarations();
    void checkerClassifiesImportForms_data();
    void checkerClassifiesImportForms();
    void checkerFindings();
    void checkerEnvironment();
    void realInterpreter();
    void requiredDistributions_data();
    void requiredDistributions();
    void checkerReportsRequiredDistributions();
};

void TestDependencies::parseRequirement_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // describe() of the result, empty when rejected
    QTest::addRow("exact pin") << "numpy==1.26.4"
                               << "numpy ==1.26.4 pin=1.26.4";
    QTest::addRow("arbitrary equality") << "foo===1.0"
                                        << "foo ===1.0 pin=1.0";
    QTest::addRow("wildcard is not a pin") << "numpy==1.*"
                                           << "numpy ==1.*";
    QTest::addRow("range") << "pandas >= 2.0, <3"
                           << "pandas >=2.0,<3";
    QTest::addRow("extras and marker") << "requests[socks]==2.31.0 ; python_version>'3.8'"
                                       << "requests ==2.31.0 pin=2.31.0";
    QTest::addRow("parenthesised") << "attrs (>=23)"
                                   << "attrs >=23";
    QTest::addRow("quoted") << "'scikit-learn~=1.4'"
                            << "scikit-learn ~=1.4";
    QTest::addRow("bare name") << "Pillow"
                               << "Pillow ";
    QTest::addRow("direct reference") << "pkg @ https://example.org/pkg.whl"
                                      << "pkg @ https://example.org/pkg.whl";
    QTest::addRow("vcs with egg") << "git+https://example.org/tool.git#egg=tool"
                                  << "tool @ git+https://example.org/tool.git";
    QTest::addRow("vcs without egg") << "git+https://example.org/tool.git"
                                     << "";
    QTest::addRow("local path") << "./mypkg"
                                << "";
    QTest::addRow("wheel file") << "dist/pkg-1.0-py3-none-any.whl"
                                << "";
    QTest::addRow("option") << "--upgrade"
                            << "";
}

void TestDependencies::parseRequirement()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto requirement = Requirement::parse(text.toStdString());
    QCOMPARE(QString::fromStdString(requirement ? describe({*requirement}) : std::string()), expected);
}

void TestDependencies::parseConda_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("single equals pins") << "numpy=1.26.4"
                                        << "numpy =1.26.4 pin=1.26.4";
    QTest::addRow("double equals pins") << "numpy==1.26.4"
                                        << "numpy ==1.26.4 pin=1.26.4";
    QTest::addRow("wildcard") << "numpy=1.26.*"
                              << "numpy =1.26.*";
    QTest::addRow("channel prefix") << "conda-forge::scipy>=1.11"
                                    << "scipy >=1.11";
    QTest::addRow("space separated version") << "pandas 2.1.0"
                                             << "pandas =2.1.0 pin=2.1.0";
    QTest::addRow("build string") << "numpy=1.26.4=py311h"
                                  << "numpy =1.26.4=py311h pin=1.26.4";
}

void TestDependencies::parseConda()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto requirement = Requirement::parseConda(text.toStdString());
    QCOMPARE(QString::fromStdString(requirement ? describe({*requirement}) : std::string()), expected);
}

void TestDependencies::normalize_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("normalized");
    QTest::addRow("case") << "PyYAML"
                          << "pyyaml";
    QTest::addRow("underscore") << "typing_extensions"
                                << "typing-extensions";
    QTest::addRow("dots and runs") << "zope.interface__x"
                                   << "zope-interface-x";
    QTest::addRow("mixed") << "Flask-SQLAlchemy"
                           << "flask-sqlalchemy";
}

void TestDependencies::normalize()
{
    QFETCH(QString, name);
    QFETCH(QString, normalized);
    QCOMPARE(QString::fromStdString(Requirement::normalize(name.toStdString())), normalized);
}

void TestDependencies::stdlibPerVersion_data()
{
    QTest::addColumn<QString>("module");
    QTest::addColumn<int>("minor");
    QTest::addColumn<bool>("inStdlib");
    QTest::addRow("os everywhere 3.8") << "os" << 8 << true;
    QTest::addRow("os.path dotted") << "os.path" << 14 << true;
    QTest::addRow("distutils in 3.11") << "distutils" << 11 << true;
    QTest::addRow("distutils gone in 3.12") << "distutils" << 12 << false;
    QTest::addRow("imp in 3.11") << "imp" << 11 << true;
    QTest::addRow("imp gone in 3.12") << "imp" << 12 << false;
    QTest::addRow("tomllib not in 3.10") << "tomllib" << 10 << false;
    QTest::addRow("tomllib in 3.11") << "tomllib" << 11 << true;
    QTest::addRow("zoneinfo not in 3.8") << "zoneinfo" << 8 << false;
    QTest::addRow("zoneinfo in 3.9") << "zoneinfo" << 9 << true;
    QTest::addRow("cgi in 3.12") << "cgi" << 12 << true;
    QTest::addRow("cgi gone in 3.13") << "cgi" << 13 << false;
    QTest::addRow("telnetlib gone in 3.13") << "telnetlib" << 13 << false;
    QTest::addRow("parser in 3.9") << "parser" << 9 << true;
    QTest::addRow("parser gone in 3.10") << "parser" << 10 << false;
    QTest::addRow("binhex gone in 3.11") << "binhex" << 11 << false;
    QTest::addRow("annotationlib new in 3.14") << "annotationlib" << 14 << true;
    QTest::addRow("annotationlib not in 3.13") << "annotationlib" << 13 << false;
    QTest::addRow("future import") << "__future__" << 12 << true;
    QTest::addRow("numpy never") << "numpy" << 12 << false;
    QTest::addRow("yaml never") << "yaml" << 12 << false;
    QTest::addRow("older than 3.8 uses 3.8") << "asynchat" << 6 << true;
}

void TestDependencies::stdlibPerVersion()
{
    QFETCH(QString, module);
    QFETCH(int, minor);
    QFETCH(bool, inStdlib);
    QCOMPARE(StdlibModules::contains(module.toStdString(), minor), inStdlib);
}

void TestDependencies::importMap_data()
{
    QTest::addColumn<QString>("module");
    QTest::addColumn<QString>("distribution"); // empty: no entry
    QTest::addRow("sklearn") << "sklearn.linear_model"
                             << "scikit-learn";
    QTest::addRow("cv2") << "cv2"
                         << "opencv-python";
    QTest::addRow("PIL") << "PIL.Image"
                         << "Pillow";
    QTest::addRow("yaml") << "yaml"
                          << "PyYAML";
    QTest::addRow("bs4") << "bs4"
                         << "beautifulsoup4";
    QTest::addRow("skimage") << "skimage"
                             << "scikit-image";
    QTest::addRow("dateutil") << "dateutil.parser"
                              << "python-dateutil";
    QTest::addRow("dotenv") << "dotenv"
                            << "python-dotenv";
    QTest::addRow("Crypto") << "Crypto.Cipher"
                            << "pycryptodome";
    QTest::addRow("jwt") << "jwt"
                         << "PyJWT";
    QTest::addRow("attr") << "attr"
                          << "attrs";
    QTest::addRow("mpl_toolkits") << "mpl_toolkits.mplot3d"
                                  << "matplotlib";
    QTest::addRow("fitz") << "fitz"
                          << "PyMuPDF";
    QTest::addRow("osgeo") << "osgeo.gdal"
                           << "GDAL";
    QTest::addRow("Bio") << "Bio.Seq"
                         << "biopython";
    QTest::addRow("umap") << "umap"
                          << "umap-learn";
    QTest::addRow("google.protobuf beats google") << "google.protobuf.message"
                                                  << "protobuf";
    QTest::addRow("google.cloud namespace") << "google.cloud.bigquery_storage"
                                            << "google-cloud-bigquery-storage";
    QTest::addRow("azure namespace") << "azure.storage.blob"
                                     << "azure-storage-blob";
    QTest::addRow("azureml namespace") << "azureml.core"
                                       << "azureml-core";
    QTest::addRow("same-name package has no entry") << "numpy"
                                                    << "";
    QTest::addRow("unknown") << "some_unknown_module"
                             << "";
}

void TestDependencies::importMap()
{
    QFETCH(QString, module);
    QFETCH(QString, distribution);
    const auto mapped = ImportMap::lookup(module.toStdString());
    QCOMPARE(QString::fromStdString(mapped.value_or(std::string())), distribution);
    QVERIFY(ImportMap::size() >= 60);
}

void TestDependencies::installCommands_data()
{
    QTest::addColumn<QString>("line"); // what follows % or !
    QTest::addColumn<QString>("expected");
    QTest::addRow("pip with flags") << "pip install -q -U numpy==1.26.4 'pandas>=2' --no-cache-dir"
                                    << "numpy ==1.26.4 pin=1.26.4 | pandas >=2";
    QTest::addRow("options with values")
        << "pip install --index-url https://packages.example.org/simple -t /tmp/x torch"
        << "torch ";
    QTest::addRow("python -m pip") << "python3 -m pip install seaborn==0.13.2"
                                   << "seaborn ==0.13.2 pin=0.13.2";
    QTest::addRow("uv pip") << "uv pip install polars"
                            << "polars ";
    QTest::addRow("conda") << "conda install -c conda-forge -y numpy=1.26.4 scipy"
                           << "numpy =1.26.4 pin=1.26.4 | scipy ";
    QTest::addRow("requirements file") << "pip install -r requirements.txt"
                                       << "numpy ==1.26.4 pin=1.26.4 | "
                                          "pandas >=2.0 | "
                                          "opencv-python-headless ==4.9.0.80 pin=4.9.0.80 | "
                                          "tqdm ==4.66.0 pin=4.66.0";
    QTest::addRow("stops at shell operator") << "pip install rich && echo done"
                                             << "rich ";
    QTest::addRow("uninstall is not a declaration") << "pip uninstall -y numpy"
                                                    << "";
    QTest::addRow("not an installer") << "ls -la"
                                      << "";
}

void TestDependencies::installCommands()
{
    QFETCH(QString, line);
    QFETCH(QString, expected);
    RequirementReader::Tool tool;
    std::string command;
    std::vector<Requirement> requirements;
    if (RequirementReader::splitInstaller(line.toStdString(), &tool, &command))
        requirements = RequirementReader::fromInstallCommand(command, tool, kData + "/project");
    QCOMPARE(QString::fromStdString(describe(requirements)), expected);
}

void TestDependencies::scriptBlock()
{
    const std::string source = "# /// script\n"
                               "# requires-python = \">=3.11\"\n"
                               "# dependencies = [\n"
                               "#   \"requests<3\",\n"
                               "#   \"rich==13.7.1\",\n"
                               "# ]\n"
                               "# ///\n"
                               "import requests\n";
    std::vector<Error> problems;
    const auto requirements = RequirementReader::fromScriptBlock(source, &problems);
    QCOMPARE(describe(requirements), std::string("requests <3 | rich ==13.7.1 pin=13.7.1"));
    QCOMPARE(requirements.at(1).line, 5);
    QVERIFY(problems.empty());
    RequirementReader::fromScriptBlock("# /// script\n# dependencies = [\"x\"]\n", &problems);
    QCOMPARE(problems.size(), std::size_t(1));
    QCOMPARE(problems.front().line, 1);
}

void TestDependencies::declarationFiles_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("firstSource");
    QTest::addRow("requirements with -r loop and editable")
        << "requirements"
        << "pytest ==8.0.0 pin=8.0.0 | numpy ==1.26.4 pin=1.26.4 | pandas >=2.0,<3 | requests ==2.31.0 "
           "pin=2.31.0 | "
           "scikit-learn  | exampletool @ git+https://git.example.org/tool.git@v1 | matplotlib ==3.*"
        << "requirements-dev.txt line 1";
    QTest::addRow("pyproject dependencies, extras, groups, poetry")
        << "pyproject"
        << "httpx >=0.27 | PyYAML ==6.0.1 pin=6.0.1 | beautifulsoup4  | seaborn ==0.13.2 pin=0.13.2 | pytest "
           ">=8 | "
           "ruff ==0.5.0 pin=0.5.0 | rich ^13.0"
        << "pyproject.toml [project.dependencies] line 8";
    QTest::addRow("environment.yml with pip section")
        << "environment"
        << "numpy =1.26.4 pin=1.26.4 | scipy >=1.11 | torch ==2.2.0 pin=2.2.0 | transformers "
        << "environment.yml line 6";
    QTest::addRow("Pipfile")
        << "pipfile"
        << "flask ==3.0.0 pin=3.0.0 | click  | sqlalchemy >=2.0 | black ==24.1.0 pin=24.1.0"
        << "Pipfile [packages] line 6";
}

void TestDependencies::declarationFiles()
{
    QFETCH(QString, folder);
    QFETCH(QString, expected);
    QFETCH(QString, firstSource);
    std::vector<Error> problems;
    const auto requirements
        = RequirementReader::readProjectFiles(kData + "/" + folder.toStdString(), &problems);
    QVERIFY(problems.empty());
    QCOMPARE(QString::fromStdString(describe(requirements)), expected);
    QCOMPARE(QString::fromStdString(requirements.front().source), firstSource);
}

void TestDependencies::badDeclarationFile()
{
    const auto result
        = RequirementReader::readEnvironmentYml(kData + "/broken/environment.yml", "environment.yml");
    QVERIFY(!result.ok());
    QCOMPARE(result.error().file, std::string("environment.yml"));
    QCOMPARE(result.error().line, 3);
    QVERIFY(result.error().toString().starts_with("environment.yml:3:"));
    const auto missing
        = RequirementReader::readRequirementsFile(kData + "/nope/requirements.txt", "requirements.txt");
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, std::string("read-failed"));
}

void TestDependencies::tomlDeclarations_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected"); ///< requirements, or "file:line:column" of the error
    QTest::addRow("poetry group settings are not packages")
        << "pyproject.toml"
        << QByteArray("[tool.poetry.group.dev]\noptional = true\n\n"
                      "[tool.poetry.group.dev.dependencies]\npytest = \"^8.0\"\n")
        << "pytest ^8.0";
    QTest::addRow("multi-line literal strings and comments")
        << "pyproject.toml"
        << QByteArray("[project]\ndependencies = [ # runtime\n"
                      "  '''numpy>=1.26''',\n  \"\"\"pandas\"\"\",\n]\n")
        << "numpy >=1.26 | pandas ";
    QTest::addRow("dotted keys") << "pyproject.toml"
                                 << QByteArray("project.dependencies = [\"rich==13.7.1\"]\n")
                                 << "rich ==13.7.1 pin=13.7.1";
    QTest::addRow("Pipfile inline table with a quoted key")
        << "Pipfile"
        << QByteArray("[packages]\n\"flask\" = { version = \"==3.0.0\", extras = [\"async\"] }\n")
        << "flask ==3.0.0 pin=3.0.0";
    QTest::addRow("pyproject syntax error names file, line and column")
        << "pyproject.toml" << QByteArray("[project]\nname = \"x\"\ndependencies = [\"a\",, ]\n")
        << "pyproject.toml:3:21";
    QTest::addRow("Pipfile unterminated table header")
        << "Pipfile" << QByteArray("[packages\nflask = \"*\"\n") << "Pipfile:1:10";
}

void TestDependencies::tomlDeclarations()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QFile file(dir.filePath(fileName));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    const std::string path = file.fileName().toStdString();
    const auto result = fileName == QLatin1String("Pipfile")
        ? RequirementReader::readPipfile(path, fileName.toStdString())
        : RequirementReader::readPyproject(path, fileName.toStdString());
    const Error &error = result.ok() ? Error {} : result.error();
    const QString got = result.ok() ? QString::fromStdString(describe(*result))
                                    : QString::fromStdString(error.file) + QLatin1Char(':')
            + QString::number(error.line) + QLatin1Char(':') + QString::number(error.column);
    QCOMPARE(got, expected);
}

void TestDependencies::checkerClassifiesImportForms_data()
{
    QTest::addColumn<QString>("module");
    QTest::addColumn<bool>("optional");
    QTest::addColumn<bool>("dynamic");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("distribution");
    QTest::addColumn<bool>("guessed");
    QTest::addRow("stdlib top level") << "os" << false << false << "stdlib"
                                      << "" << false;
    QTest::addRow("stdlib dotted") << "collections.abc" << false << false << "stdlib"
                                   << "" << false;
    QTest::addRow("tomllib is stdlib in 3.11") << "tomllib" << false << false << "stdlib"
                                               << "" << false;
    QTest::addRow("local module file") << "helpers" << false << false << "local"
                                       << "" << false;
    QTest::addRow("local package") << "mypkg.sub" << false << false << "local"
                                   << "" << false;
    QTest::addRow("relative import") << ".sibling" << false << false << "local"
                                     << "" << false;
    QTest::addRow("third party same name") << "numpy" << false << false << "third-party"
                                           << "numpy" << true;
    QTest::addRow("table mapping") << "sklearn.model_selection" << false << false << "third-party"
                                   << "scikit-learn" << true;
    QTest::addRow("optional import") << "ujson" << true << false << "third-party"
                                     << "ujson" << true;
    QTest::addRow("importlib literal") << "yaml" << false << true << "third-party"
                                       << "PyYAML" << true;
    QTest::addRow("namespace package keeps dotted name")
        << "google.cloud.storage" << false << false << "third-party"
        << "google-cloud-storage" << true;
}

void TestDependencies::checkerClassifiesImportForms()
{
    QFETCH(QString, module);
    QFETCH(bool, optional);
    QFETCH(bool, dynamic);
    QFETCH(QString, kind);
    QFETCH(QString, distribution);
    QFETCH(bool, guessed);
    Notebook notebook = notebookWithCells(2);
    std::vector<CellSymbols> cells(2);
    cells[1].imports.push_back(importOf(module.toStdString(), 3, optional, dynamic));
    const auto report = DependencyChecker().check(notebook, cells, kData + "/project");
    QCOMPARE(report.imports.size(), std::size_t(1));
    const ImportInfo &info = report.imports.front();
    QCOMPARE(QString::fromStdString(info.kind), kind);
    QCOMPARE(QString::fromStdString(info.distribution), distribution);
    QCOMPARE(info.distributionGuessed, guessed);
    QCOMPARE(info.optional, optional);
    QCOMPARE(info.cell, 1);
    QCOMPARE(info.line, 3);
    QCOMPARE(report.pythonMinor, 11);
}

void TestDependencies::checkerFindings()
{
    Notebook notebook = notebookWithCells(3, "3.12.1");
    notebook.cells[0].source = "# /// script\n# dependencies = [\"rich==13.7.1\"]\n# ///\n";
    std::vector<CellSymbols> cells(3);
    cells[0].magics.push_back(magicOf(MagicRef::Kind::LineMagic, "pip", "install seaborn unusedpkg==1.0", 4));
    cells[1].magics.push_back(magicOf(MagicRef::Kind::Shell, "!", "pip install -q plotly>=5", 1));
    cells[1].imports.push_back(importOf("numpy", 2));
    cells[1].imports.push_back(importOf("pandas", 3));
    cells[1].imports.push_back(importOf("cv2", 4));
    cells[2].imports.push_back(importOf("seaborn", 1));
    cells[2].imports.push_back(importOf("plotly.express", 2));
    cells[2].imports.push_back(importOf("rich", 3));
    cells[2].imports.push_back(importOf("sklearn", 4));
    cells[2].imports.push_back(importOf("numpy", 5)); // a second import of the same module
    cells[2].imports.push_back(importOf("helpers", 6));
    const auto report = DependencyChecker().check(notebook, cells, kData + "/project");
    QVERIFY2(
        report.problems.empty(), report.problems.empty() ? "" : report.problems.front().toString().c_str());

    QCOMPARE(report.imports.size(), std::size_t(8)); // numpy once
    const ImportInfo *numpy = findImport(report, "numpy");
    QVERIFY(numpy);
    QVERIFY(numpy->declared && numpy->pinned);
    QCOMPARE(numpy->version.value_or(""), std::string("1.26.4"));
    QCOMPARE(numpy->source, std::string("requirements.txt line 1"));
    QCOMPARE(numpy->cell, 1);

    QCOMPARE(rulesFor(report, "numpy"), QString());
    QCOMPARE(rulesFor(report, "pandas"), QString("unpinned-dependency"));
    QCOMPARE(rulesFor(report, "cv2"), QString()); // opencv-python-headless is pinned
    QCOMPARE(findImport(report, "cv2")->source, std::string("requirements.txt line 3"));
    QCOMPARE(rulesFor(report, "seaborn"), QString("unpinned-dependency"));
    QCOMPARE(findImport(report, "seaborn")->source, std::string("%pip in cell 1"));
    QCOMPARE(rulesFor(report, "plotly"), QString("unpinned-dependency"));
    QCOMPARE(rulesFor(report, "rich"), QString());
    QCOMPARE(findImport(report, "rich")->source, std::string("PEP 723 block in cell 1"));
    QCOMPARE(rulesFor(report, "sklearn"), QString("undeclared-dependency"));
    QCOMPARE(rulesFor(report, "unusedpkg"), QString("unused-declaration"));
    QCOMPARE(rulesFor(report, "tqdm"), QString("unused-declaration"));
    QCOMPARE(rulesFor(report, "!pip"), QString("shell-install"));
    QCOMPARE(rulesFor(report, "helpers"), QString());

    for (const Finding &finding : report.findings) {
        QVERIFY(!finding.message.empty());
        if (finding.rule == "unpinned-dependency" && finding.names.front() == "pandas")
            QVERIFY2(finding.message.find("'>=2.0'") != std::string::npos, finding.message.c_str());
        if (finding.rule == "shell-install") {
            QCOMPARE(finding.cell, 1);
            QCOMPARE(finding.line, 1);
            QCOMPARE(finding.cellId, std::string("cell1"));
        }
    }
}

void TestDependencies::checkerEnvironment()
{
    const auto environment = DependencyEnvironment::fromJson(
        R"({"version": [3, 10, 12], "packages": {"cv2": ["opencv-contrib-python"], "yaml": ["PyYAML"]},
            "versions": {"opencv-contrib-python": "4.8.0.76", "PyYAML": "6.0.1"}})",
        "python-under-test");
    QVERIFY(environment.ok());
    QCOMPARE(environment->minor, 10);
    DependencyChecker::Options options;
    options.environment = environment.value();
    Notebook notebook = notebookWithCells(1, "3.12.0");
    std::vector<CellSymbols> cells(1);
    cells[0].imports.push_back(importOf("cv2", 1));
    cells[0].imports.push_back(importOf("yaml", 2));
    cells[0].imports.push_back(importOf("tomllib", 3));
    const auto report = DependencyChecker(options).check(notebook, cells, {});
    QCOMPARE(report.pythonMinor, 10); // the interpreter wins over the notebook's metadata
    const ImportInfo *cv2 = findImport(report, "cv2");
    QVERIFY(cv2);
    QCOMPARE(cv2->distribution, std::string("opencv-contrib-python"));
    QVERIFY(!cv2->distributionGuessed);
    QCOMPARE(cv2->version.value_or(""), std::string("4.8.0.76"));
    QCOMPARE(findImport(report, "tomllib")->kind, std::string("third-party")); // not stdlib before 3.11

    const auto bad = DependencyEnvironment::fromJson("not json", "python-under-test");
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, std::string("bad-environment-output"));
}

void TestDependencies::realInterpreter()
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QVERIFY2(!python.isEmpty(), "python3 is part of the build environment");
    const auto environment = DependencyEnvironment::query(python.toStdString());
    QVERIFY2(environment.ok(), environment.ok() ? "" : environment.error().toString().c_str());
    QVERIFY(environment->minor >= 8);
    // numpy is installed in the build environment and provides the import name numpy.
    QVERIFY(environment->distributionsByImport.contains("numpy"));
    // pandas is installed too, and needs numpy (its requirements without extras).
    const auto pandasNeeds = environment->requiresByDistribution.find("pandas");
    QVERIFY(pandasNeeds != environment->requiresByDistribution.end());
    QVERIFY(std::ranges::count(pandasNeeds->second, "numpy") == 1);
    const auto missing = DependencyEnvironment::query("/nonexistent/python3", 2000);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, std::string("interpreter-failed"));
}

void TestDependencies::requiredDistributions_data()
{
    QTest::addColumn<QStringList>("roots");
    QTest::addColumn<QStringList>("expected"); // "distribution version requiredBy"
    // a: b, c; b: d, e; d: a (a cycle); c and e: not installed; f: nothing
    QTest::addRow("transitive, each once") << QStringList {"a"} << QStringList {"b 2.0 a", "d 4.0 a"};
    QTest::addRow("nearest root named") << QStringList {"f", "b"} << QStringList {"d 4.0 b", "a 1.0 b"};
    QTest::addRow("roots left out") << QStringList {"a", "d"} << QStringList {"b 2.0 a"};
    QTest::addRow("names normalised")
        << QStringList {"My_Lib"} << QStringList {"d 4.0 My_Lib", "a 1.0 My_Lib", "b 2.0 My_Lib"};
    QTest::addRow("nothing needed") << QStringList {"f"} << QStringList {};
    QTest::addRow("unknown root") << QStringList {"zzz"} << QStringList {};
}

void TestDependencies::requiredDistributions()
{
    QFETCH(QStringList, roots);
    QFETCH(QStringList, expected);
    const auto environment = DependencyEnvironment::fromJson(
        R"({"version": [3, 12, 0], "packages": {},
            "versions": {"a": "1.0", "B": "2.0", "d": "4.0", "f": "6.0", "my-lib": "7.0"},
            "requires": {"a": ["B", "c"], "b": ["d", "e"], "d": ["a"], "f": [], "My.Lib": ["D"]}})",
        "python-under-test");
    QVERIFY(environment.ok());
    std::vector<std::string> rootNames;
    for (const QString &root : roots)
        rootNames.push_back(root.toStdString());
    QStringList found;
    for (const RequiredDistribution &required : environment->requiredBy(rootNames))
        found << QString::fromStdString(
            required.distribution + " " + required.version + " " + required.requiredBy);
    QCOMPARE(found, expected);
}

void TestDependencies::checkerReportsRequiredDistributions()
{
    // numpy's version here is the installed one, so its requirements are the ones the notebook
    // ran with; a notebook pin to another version is not followed.
    const auto environment = DependencyEnvironment::fromJson(
        R"({"version": [3, 12, 0], "packages": {"pandas": ["pandas"], "yaml": ["PyYAML"]},
            "versions": {"pandas": "2.2.3", "numpy": "2.2.4", "PyYAML": "6.0.1", "six": "1.16"},
            "requires": {"pandas": ["numpy"], "PyYAML": ["six"]}})",
        "python-under-test");
    QVERIFY(environment.ok());
    DependencyChecker::Options options;
    options.environment = environment.value();
    Notebook notebook = notebookWithCells(2, "3.12.0");
    std::vector<CellSymbols> cells(2);
    cells[0].magics.push_back(magicOf(MagicRef::Kind::LineMagic, "pip", "install PyYAML==5.4", 1));
    cells[1].imports.push_back(importOf("pandas", 1));
    cells[1].imports.push_back(importOf("yaml", 2));
    const auto report = DependencyChecker(options).check(notebook, cells, {});
    QCOMPARE(report.required.size(), std::size_t(1));
    QCOMPARE(report.required[0], (RequiredDistribution {"numpy", "2.2.4", "pandas"}));
}

QTEST_GUILESS_MAIN(TestDependencies)
#include "tst_dependencies.moc"
