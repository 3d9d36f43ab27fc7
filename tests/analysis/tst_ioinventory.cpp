// The inputs and outputs a notebook's cells touch (the report's io[]), found by the real parser
// on notebooks built in memory and saved (as a path only) in a temporary folder that holds real
// data files, so exists and size are checked against the disk. A cell starting with "#params\n"
// carries the `parameters` tag. Each access is written "cell:line:column direction call target
// kind[ absolute][ exists=..][ size=..]" ("null" for an unresolved target).
#include "analysis/notebookanalyzer.h"
#include "report/jsonreport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tassel;

namespace {

const QByteArray kSales = "month,amount\nJan,10\nFeb,12\n";

Notebook makeNotebook(const QString &folder, const QStringList &cells)
{
    Notebook notebook;
    notebook.path = QDir(folder).filePath(QStringLiteral("report.ipynb")).toStdString();
    notebook.metadata = {{"language_info", {{"name", "python"}}}};
    for (const QString &source : cells) {
        Cell cell;
        cell.source = source.toStdString();
        if (source.startsWith(QLatin1String("#params\n")))
            cell.metadata["tags"] = {"parameters"};
        cell.id = "cell" + std::to_string(notebook.cells.size());
        notebook.cells.push_back(cell);
    }
    return notebook;
}

QString describe(const IoAccess &access)
{
    QString text = QStringLiteral("%1:%2:%3 %4 %5 %6 %7")
                       .arg(access.cell)
                       .arg(access.line)
                       .arg(access.column)
                       .arg(QString::fromStdString(access.direction), QString::fromStdString(access.call),
                           access.target ? QString::fromStdString(*access.target) : QStringLiteral("null"),
                           QString::fromStdString(access.kind));
    if (access.absolute)
        text += QLatin1String(" absolute");
    if (access.exists)
        text += *access.exists ? QLatin1String(" exists=yes") : QLatin1String(" exists=no");
    if (access.size)
        text += QStringLiteral(" size=%1").arg(*access.size);
    return text;
}

} // namespace

class TestIoInventory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void accesses_data();
    void accesses();
    void findings_data();
    void findings();
    void targetRanges_data();
    void targetRanges();
    void optional_data();
    void optional();
    void reportHasIo();

private:
    QTemporaryDir m_dir;
    QStringList analyse(const QStringList &cells, QStringList *rules = nullptr) const;
};

void TestIoInventory::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QDir dir(m_dir.path());
    QVERIFY(dir.mkpath(QStringLiteral("data")));
    QVERIFY(dir.mkpath(QStringLiteral("images")));
    const auto write = [&](const QString &name, const QByteArray &content) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), qint64(content.size()));
    };
    write(QStringLiteral("data/sales.csv"), kSales);
    write(QStringLiteral("survey.csv"), "q1,q2\n1,2\n");
    write(QStringLiteral("images/cat.png"), QByteArray(300, 'x'));
}

QStringList TestIoInventory::analyse(const QStringList &cells, QStringList *rules) const
{
    const NotebookAnalysis analysis = analyzeNotebook(makeNotebook(m_dir.path(), cells));
    QStringList result;
    for (const IoAccess &access : analysis.io)
        result << describe(access);
    if (rules) {
        for (const Finding &finding : analysis.findings) {
            const QString rule = QString::fromStdString(finding.rule);
            if (rule == QLatin1String("hardcoded-path") || rule == QLatin1String("missing-input")
                || rule == QLatin1String("network-input"))
                *rules << QStringLiteral("%1@%2:%3").arg(rule).arg(finding.cell).arg(finding.line);
        }
    }
    return result;
}

void TestIoInventory::accesses_data()
{
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<QStringList>("expected");
    const QString sales = QStringLiteral("data/sales.csv file exists=yes size=%1").arg(kSales.size());
    const QString pd = QStringLiteral("import pandas as pd");

    QTest::addRow("pandas alias and a literal") << QStringList {pd + "\ndf = pd.read_csv('data/sales.csv')"}
                                                << QStringList {"0:2:6 read pandas.read_csv " + sales};
    QTest::addRow("from-import with an alias")
        << QStringList {"from pandas import read_csv as rc\nrc(\"survey.csv\")"}
        << QStringList {"0:2:1 read pandas.read_csv survey.csv file exists=yes size=10"};
    QTest::addRow("keyword target") << QStringList {pd
        + "\npd.read_csv(sep=';', filepath_or_buffer='survey.csv')"}
                                    << QStringList {
                                           "0:2:1 read pandas.read_csv survey.csv file exists=yes size=10"};
    QTest::addRow("module-level constant in an earlier cell") << QStringList {pd, "DATA = 'data/sales.csv'",
        "df = pd.read_csv(DATA)"} << QStringList {"2:1:6 read pandas.read_csv " + sales};
    QTest::addRow("parameters cell value in an f-string") << QStringList {pd,
        "#params\nmonth = 'sales'\nfolder = 'data'",
        "df = pd.read_csv(f'{folder}/{month}.csv')"} << QStringList {"2:1:6 read pandas.read_csv " + sales};
    QTest::addRow("f-string with a run-time part is computed")
        << QStringList {pd, "for month in ['jan', 'feb']:\n    pd.read_csv(f'data/{month}.csv')"}
        << QStringList {"1:2:5 read pandas.read_csv null computed"};
    QTest::addRow("format spec in an f-string is computed") << QStringList {pd, "N = 3",
        "pd.read_csv(f'part{N:02d}.csv')"} << QStringList {"2:1:1 read pandas.read_csv null computed"};
    QTest::addRow("rebound constant is forgotten")
        << QStringList {pd, "DATA = 'data/sales.csv'", "for DATA in files:\n    pass", "pd.read_csv(DATA)"}
        << QStringList {"3:1:1 read pandas.read_csv null computed"};
    QTest::addRow("pathlib joins") << QStringList {pd + "\nfrom pathlib import Path",
        "DATA_DIR = Path('data')",
        "df = pd.read_csv(DATA_DIR / 'sales.csv')\nraw = (Path.home() / 'x.csv').read_text()"}
                                   << QStringList {"2:1:6 read pandas.read_csv " + sales,
                                          "2:2:7 read pathlib.Path.read_text ~/x.csv file absolute"};
    QTest::addRow("os.path.join and string +")
        << QStringList {"import os\nimport pandas", "ROOT = 'data'",
               "pandas.read_csv(os.path.join(ROOT, 'sales.csv'))\npandas.read_csv(ROOT + '/sales.csv')"}
        << QStringList {"2:1:1 read pandas.read_csv " + sales, "2:2:1 read pandas.read_csv " + sales};
    QTest::addRow("open: mode decides the direction")
        << QStringList {"with open('survey.csv') as f:\n    text = f.read()\n"
                        "with open('out/summary.txt', mode='w') as f:\n    f.write(text)\n"
                        "log = open('run.log', 'a')"}
        << QStringList {"0:1:6 read open survey.csv file exists=yes size=10",
               "0:3:6 write open out/summary.txt file exists=no", "0:5:7 write open run.log file exists=no"};
    QTest::addRow("json.load(open(...)) is listed once")
        << QStringList {"import json\nconfig = json.load(open('config.json'))"}
        << QStringList {"0:2:20 read open config.json file exists=no"};
    QTest::addRow("pathlib methods")
        << QStringList {"from pathlib import Path\nout = Path('output')",
               "(out / 'notes.txt').write_text('x')\nfiles = sorted(Path('data').glob('*.csv'))\n"
               "with (out / 'log.txt').open('w') as f:\n    pass\nzf.open('inner.csv')"}
        << QStringList {"1:1:1 write pathlib.Path.write_text output/notes.txt file exists=no",
               "1:2:16 read pathlib.Path.glob data directory exists=yes",
               "1:3:6 write pathlib.Path.open output/log.txt file exists=no"};
    QTest::addRow("numpy")
        << QStringList {"import numpy as np\na = np.loadtxt('data/sales.csv', delimiter=',', skiprows=1)\n"
                        "np.save(file='a.npy', arr=a)\nnp.savez('arrays.npz', a=a)"}
        << QStringList {"0:2:5 read numpy.loadtxt " + sales, "0:3:1 write numpy.save a.npy file exists=no",
               "0:4:1 write numpy.savez arrays.npz file exists=no"};
    QTest::addRow("joblib and pickle through open")
        << QStringList {"import joblib, pickle\njoblib.dump(model, 'model.joblib')\n"
                        "pickle.dump(model, open('model.pkl', 'wb'))\nm = joblib.load('model.joblib')"}
        << QStringList {"0:2:1 write joblib.dump model.joblib file exists=no",
               "0:3:20 write open model.pkl file exists=no",
               "0:4:5 read joblib.load model.joblib file exists=no"};
    QTest::addRow("PIL and savefig")
        << QStringList {"from PIL import Image\nimport matplotlib.pyplot as plt",
               "%matplotlib inline\nimg = Image.open('images/cat.png')\nplt.savefig('figures/plot.png', "
               "dpi=120)\n"
               "fig.savefig(fname='figures/fig.svg')"}
        << QStringList {"1:2:7 read PIL.Image.open images/cat.png file exists=yes size=300",
               "1:3:1 write matplotlib.pyplot.savefig figures/plot.png file exists=no",
               "1:4:1 write matplotlib.figure.Figure.savefig figures/fig.svg file exists=no"};
    QTest::addRow("databases")
        << QStringList {"import sqlite3\nfrom sqlalchemy import create_engine\nimport pandas as pd",
               "con = sqlite3.connect('sales.db')\nengine = "
               "create_engine('postgresql://ana:pw@db.example/sales')\n"
               "df = pd.read_sql('select * from sales', con)\ndf.to_sql('sales', 'sqlite:///copy.db')"}
        << QStringList {"1:1:7 read sqlite3.connect sales.db database exists=no",
               "1:2:10 read sqlalchemy.create_engine postgresql://db.example/sales database",
               "1:3:6 read pandas.read_sql null computed",
               "1:4:1 write pandas.DataFrame.to_sql sqlite:///copy.db database"};
    QTest::addRow("folder listings")
        << QStringList {"import glob, os\nfiles = glob.glob('data/*.csv')\nnames = os.listdir()\n"
                        "for root, dirs, names in os.walk('images'):\n    pass"}
        << QStringList {"0:2:9 read glob.glob data/*.csv directory exists=yes",
               "0:3:9 read os.listdir . directory exists=yes",
               "0:4:26 read os.walk images directory exists=yes"};
    QTest::addRow("URLs and HTTP clients")
        << QStringList {pd + "\nimport requests\nimport urllib.request",
               "df = pd.read_csv('https://example.org/sales.csv?token=abc')\nr = requests.get(api_url)\n"
               "urllib.request.urlopen('http://example.org/a')\n"
               "urllib.request.urlretrieve('https://example.org/b.zip', filename='b.zip')"}
        << QStringList {"1:1:6 read pandas.read_csv https://example.org/sales.csv url",
               "1:2:5 read requests.get null computed",
               "1:3:1 read urllib.request.urlopen http://example.org/a url",
               "1:4:1 read urllib.request.urlretrieve https://example.org/b.zip url",
               "1:4:1 write urllib.request.urlretrieve b.zip file exists=no"};
    QTest::addRow("absolute and home paths")
        << QStringList {pd,
               "a = pd.read_csv('/home/ana/sales.csv')\nb = pd.read_csv(r'C:\\Users\\ana\\x.csv')\n"
               "c = pd.read_csv('~/data/x.csv')"}
        << QStringList {"1:1:5 read pandas.read_csv /home/ana/sales.csv file absolute",
               "1:2:5 read pandas.read_csv C:\\Users\\ana\\x.csv file absolute",
               "1:3:5 read pandas.read_csv ~/data/x.csv file absolute"};
    QTest::addRow("DataFrame writers; without a target they write nothing")
        << QStringList {"summary.to_csv('output/summary.csv', index=False)\ntext = summary.to_csv()\n"
                        "summary.to_parquet(path='output/s.parquet')"}
        << QStringList {"0:1:1 write pandas.DataFrame.to_csv output/summary.csv file exists=no",
               "0:3:1 write pandas.DataFrame.to_parquet output/s.parquet file exists=no"};
    QTest::addRow("calls inside a function use the constants")
        << QStringList {pd, "DATA = 'survey.csv'", "def load():\n    return pd.read_csv(DATA)"}
        << QStringList {"2:2:12 read pandas.read_csv survey.csv file exists=yes size=10"};
    QTest::addRow("no I/O") << QStringList {pd
        + "\nimport json\ndf = pd.DataFrame({'a': [1]})\njson.loads('{}')\n"
          "open_positions = 3\nbuf.read_csv = 1"}
                            << QStringList {};
    QTest::addRow("a module not imported is not followed")
        << QStringList {"pd.read_csv('survey.csv')\nnp.save('x.npy', a)"} << QStringList {};
    QTest::addRow("buffers are not targets")
        << QStringList {pd + "\nimport io\ndf = pd.read_csv(io.StringIO(text))"} << QStringList {};
}

void TestIoInventory::accesses()
{
    QFETCH(QStringList, cells);
    QFETCH(QStringList, expected);
    QCOMPARE(analyse(cells), expected);
}

void TestIoInventory::findings_data()
{
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<QStringList>("expected");
    const QString pd = QStringLiteral("import pandas as pd");
    QTest::addRow("existing relative input: nothing")
        << QStringList {pd, "df = pd.read_csv('data/sales.csv')"} << QStringList {};
    QTest::addRow("missing relative input")
        << QStringList {pd, "df = pd.read_csv('data/march.csv')"} << QStringList {"missing-input@1:1"};
    QTest::addRow("a missing output is not missing")
        << QStringList {pd, "df.to_csv('output/x.csv')\nopen('new.txt', 'w')"} << QStringList {};
    QTest::addRow("missing folder") << QStringList {"import glob\nfiles = glob.glob('raw/*.json')"}
                                    << QStringList {"missing-input@0:2"};
    QTest::addRow("absolute path read and written")
        << QStringList {pd, "df = pd.read_csv('/Users/ana/sales.csv')\ndf.to_csv('/tmp/out.csv')"}
        << QStringList {"hardcoded-path@1:1", "hardcoded-path@1:2"};
    QTest::addRow("URL read") << QStringList {pd, "df = pd.read_csv('https://example.org/sales.csv')"}
                              << QStringList {"network-input@1:1"};
    QTest::addRow("HTTP client with a computed URL")
        << QStringList {"import requests\nr = requests.get(base + '/items')"}
        << QStringList {"network-input@0:2"};
    QTest::addRow("a file the notebook wrote earlier is not missing") << QStringList {
        "with open('cache.txt', 'w') as f:\n    f.write('x')",
        "text = open('cache.txt').read()"} << QStringList {};
    QTest::addRow("a folder the notebook wrote into is not missing")
        << QStringList {"import glob\nopen('out/a.txt', 'w').write('x')\nfiles = glob.glob('out/*.txt')"}
        << QStringList {};
    QTest::addRow("a download is written, then read")
        << QStringList {"import urllib.request\nimport numpy as np",
               "urllib.request.urlretrieve('https://example.org/a.csv', 'a.csv')\nnp.loadtxt('a.csv')"}
        << QStringList {"network-input@1:1"};
    QTest::addRow("HTTP post is not an input")
        << QStringList {"import requests\nrequests.post('https://example.org/hook')"} << QStringList {};
    QTest::addRow("a sqlite file is created when missing")
        << QStringList {"import sqlite3\ncon = sqlite3.connect('new.db')"} << QStringList {};
    // The notebook handles an absent optional input (#17): only a read it cannot do without is missing.
    QTest::addRow("read only if the file exists") << QStringList {
        "import os\nif os.path.exists('overrides.csv'):\n"
        "    text = open('overrides.csv').read()"} << QStringList {};
    QTest::addRow("read whose FileNotFoundError is caught") << QStringList {
        "try:\n    text = open('overrides.csv').read()\n"
        "except FileNotFoundError:\n    text = ''"} << QStringList {};
    QTest::addRow("function that returns early when the file is absent") << QStringList {
        "import os\ndef load():\n    if not os.path.isfile('overrides.csv'):\n        return None\n"
        "    return open('overrides.csv').read()"} << QStringList {};
    QTest::addRow("raise when the file is absent: the run still stops") << QStringList {
        "import os\nif not os.path.isfile('overrides.csv'):\n    raise SystemExit('no overrides')\n"
        "text = open('overrides.csv').read()"} << QStringList {"missing-input@0:4"};
    QTest::addRow("sys.exit when the file is absent") << QStringList {
        "import os, sys\nif not os.path.exists('overrides.csv'):\n    sys.exit(1)\n"
        "text = open('overrides.csv').read()"} << QStringList {"missing-input@0:4"};
    QTest::addRow("guarded once, read unguarded later") << QStringList {
        "import os\nif os.path.exists('overrides.csv'):\n    print(open('overrides.csv').read())\n"
        "text = open('overrides.csv').read()"} << QStringList {"missing-input@0:4"};
}

void TestIoInventory::findings()
{
    QFETCH(QStringList, cells);
    QFETCH(QStringList, expected);
    QStringList rules;
    analyse(cells, &rules);
    QCOMPARE(rules, expected);
}

namespace {

/// The text `range` covers in `source`; empty for no range (line 0).
QString textIn(const QString &source, const SourceRange &range)
{
    const QStringList lines = source.split(QLatin1Char('\n'));
    QString covered;
    for (int line = range.line; line >= 1 && line <= range.endLine; ++line) {
        const QString &text = lines[line - 1];
        const int from = line == range.line ? range.column - 1 : 0;
        const int to = line == range.endLine ? range.endColumn - 1 : int(text.size());
        covered += (line == range.line ? QString() : QStringLiteral("\n")) + text.mid(from, to - from);
    }
    return covered;
}

} // namespace

void TestIoInventory::targetRanges_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected"); // the text each access's targetRange covers, or "-"
    QTest::addRow("positional argument")
        << QStringLiteral("import pandas as pd\ndf = pd.read_csv( 'é/x.csv' )")
        << QStringLiteral("'é/x.csv'");
    QTest::addRow("keyword argument")
        << QStringLiteral("import numpy as np\nnp.save(arr=a, file=OUT / 'a.npy')")
        << QStringLiteral("OUT / 'a.npy'");
    QTest::addRow("Path method receiver")
        << QStringLiteral("from pathlib import Path\ntext = (Path('data') / 'notes.txt').read_text()")
        << QStringLiteral("(Path('data') / 'notes.txt')");
    QTest::addRow("argument over lines")
        << QStringLiteral("open(\n    f'{a}'\n    '.csv')") << QStringLiteral("f'{a}'\n    '.csv'");
    QTest::addRow("left out") << QStringLiteral("import os\nos.listdir()") << QStringLiteral("-");
}

void TestIoInventory::targetRanges()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    const NotebookAnalysis analysis = analyzeNotebook(makeNotebook(m_dir.path(), {source}));
    QCOMPARE(analysis.io.size(), std::size_t(1));
    const SourceRange &range = analysis.io.front().targetRange;
    if (expected == QLatin1String("-")) {
        QCOMPARE(range.line, 0);
        return;
    }
    QCOMPARE(textIn(source, range), expected);
}

void TestIoInventory::optional_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("expected"); // whether the read of overrides.csv is optional
    QTest::addColumn<QString>("guard"); // the path expression its existence check checks, or ""
    const QString head = QStringLiteral("import os\nimport pandas as pd\nfrom pathlib import Path\n");
    QTest::addRow("unguarded") << head + "df = pd.read_csv('overrides.csv')" << false << QString();
    QTest::addRow("os.path.exists on the same literal")
        << head + "if os.path.exists('overrides.csv'):\n    df = pd.read_csv('overrides.csv')" << true
        << QStringLiteral("'overrides.csv'");
    QTest::addRow("os.path.isfile on the same variable")
        << head + "p = 'overrides.csv'\nif os.path.isfile(p):\n    df = pd.read_csv(p)" << true
        << QStringLiteral("p");
    QTest::addRow("Path(...).exists() on the same path")
        << head + "if Path('overrides.csv').exists():\n    df = pd.read_csv('overrides.csv')" << true
        << QStringLiteral("Path('overrides.csv')");
    QTest::addRow("P.exists() on a Path constant")
        << head + "P = Path('overrides.csv')\nif P.exists():\n    df = pd.read_csv(P)" << true
        << QStringLiteral("P");
    QTest::addRow("guard in a condition with and")
        << head + "if use and os.path.exists('overrides.csv'):\n    df = pd.read_csv('overrides.csv')" << true
        << QStringLiteral("'overrides.csv'");
    QTest::addRow("try with except FileNotFoundError")
        << head + "try:\n    df = pd.read_csv('overrides.csv')\nexcept FileNotFoundError:\n    df = None"
        << true << QString();
    QTest::addRow("try with a tuple holding OSError") << head
            + "try:\n    df = pd.read_csv('overrides.csv')\nexcept (ValueError, OSError) as e:\n    df = None"
                                                      << true << QString();
    QTest::addRow("guarded on another path")
        << head + "if os.path.exists('other.csv'):\n    df = pd.read_csv('overrides.csv')" << false
        << QString();
    QTest::addRow("read in the else branch") << head
            + "if os.path.exists('overrides.csv'):\n    pass\nelse:\n    df = pd.read_csv('overrides.csv')"
                                             << false << QString();
    QTest::addRow("negated guard") << head
            + "if not os.path.exists('overrides.csv'):\n    df = pd.read_csv('overrides.csv')"
                                   << false << QString();
    QTest::addRow("try with except ValueError")
        << head + "try:\n    df = pd.read_csv('overrides.csv')\nexcept ValueError:\n    df = None" << false
        << QString();
    QTest::addRow("bare except") << head
            + "try:\n    df = pd.read_csv('overrides.csv')\nexcept:\n    df = None"
                                 << true << QString();
    QTest::addRow("except Exception as e")
        << head + "try:\n    df = pd.read_csv('overrides.csv')\nexcept Exception as e:\n    df = None" << true
        << QString();
    QTest::addRow("early return in a function") << head
            + "def load():\n    if not os.path.exists('overrides.csv'):\n        return None\n"
              "    return pd.read_csv('overrides.csv')"
                                                << true << QStringLiteral("'overrides.csv'");
    QTest::addRow("raise SystemExit before the read") << head
            + "if not os.path.isfile('overrides.csv'):\n    raise SystemExit('no overrides')\n"
              "df = pd.read_csv('overrides.csv')" << true
                                                      << QStringLiteral("'overrides.csv'");
    QTest::addRow("negated check that does not exit") << head
            + "if not os.path.exists('overrides.csv'):\n    print('none')\ndf = pd.read_csv('overrides.csv')"
                                                      << false << QString();
    QTest::addRow("exit check after the read") << head
            + "df = pd.read_csv('overrides.csv')\nif not os.path.exists('overrides.csv'):\n    raise "
              "SystemExit" << false << QString();
    QTest::addRow("read in the handler, not the body")
        << head + "try:\n    x = 1\nexcept FileNotFoundError:\n    df = pd.read_csv('overrides.csv')" << false
        << QString();
}

void TestIoInventory::optional()
{
    QFETCH(QString, source);
    QFETCH(bool, expected);
    QFETCH(QString, guard);
    const NotebookAnalysis analysis = analyzeNotebook(makeNotebook(m_dir.path(), {source}));
    const auto read = std::find_if(analysis.io.begin(), analysis.io.end(),
        [](const IoAccess &access) { return access.target == "overrides.csv"; });
    QVERIFY(read != analysis.io.end());
    QCOMPARE(read->optional, expected);
    QCOMPARE(JsonReport::notebookToJson(analysis)["io"][std::size_t(read - analysis.io.begin())]["optional"],
        nlohmann::json(expected));
    QCOMPARE(textIn(source, read->guardRange), guard);
}

void TestIoInventory::reportHasIo()
{
    // Unsaved notebooks have no folder: nothing exists beside them, nothing is called missing.
    Notebook notebook = makeNotebook(m_dir.path(), {QStringLiteral("open('nowhere.txt')")});
    notebook.path.clear();
    const NotebookAnalysis analysis = analyzeNotebook(notebook);
    QCOMPARE(analysis.io.size(), std::size_t(1));
    QVERIFY(!analysis.io.front().exists.has_value());
    QVERIFY(std::none_of(analysis.findings.begin(), analysis.findings.end(),
        [](const Finding &finding) { return finding.rule == "missing-input"; }));

    // The report's io[] carries every field, null where nothing is known.
    const auto json = JsonReport::notebookToJson(analysis)["io"];
    QCOMPARE(json.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(json[0].dump()),
        QStringLiteral("{\"cell\":0,\"cell_id\":\"cell0\",\"line\":1,\"column\":1,\"direction\":\"read\","
                       "\"call\":\"open\",\"target\":\"nowhere.txt\",\"kind\":\"file\",\"absolute\":false,"
                       "\"exists\":null,\"size\":null,\"optional\":false}"));
}

QTEST_GUILESS_MAIN(TestIoInventory)
#include "tst_ioinventory.moc"
