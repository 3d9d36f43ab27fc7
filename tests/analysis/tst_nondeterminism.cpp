// nondeterministic-output on small notebooks built in memory and analysed by the real analyzer
// (IPython pre-pass, tree-sitter parser, dataflow): for each source a row where the value reaches
// what a cell shows or writes, a row where it is seeded (or sorted, or passed in), and rows where
// the value never reaches an output.
#include "analysis/notebookanalyzer.h"
#include "report/jsonreport.h"

#include <QTest>

using namespace tassel;

namespace {

Notebook makeNotebook(const QStringList &sources)
{
    Notebook notebook;
    notebook.metadata = {{"language_info", {{"name", "python"}}}};
    int count = 0;
    for (const QString &source : sources) {
        Cell cell;
        cell.source = source.toStdString();
        cell.executionCount = ++count;
        cell.id = "c" + std::to_string(count);
        notebook.cells.push_back(cell);
    }
    return notebook;
}

/// "cell:source" for each nondeterministic-output finding.
QStringList found(const NotebookAnalysis &analysis)
{
    QStringList result;
    for (const Finding &finding : analysis.findings) {
        if (finding.rule == "nondeterministic-output")
            result << QString::number(finding.cell) + ':' + QString::fromStdString(finding.changeSource);
    }
    return result;
}

} // namespace

class TestNondeterminism : public QObject
{
    Q_OBJECT
private slots:
    void sources_data();
    void sources();
};

void TestNondeterminism::sources_data()
{
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<QStringList>("expected");

    // random: numpy's legacy generator
    QTest::addRow("np.random shown unseeded")
        << QStringList {"import numpy as np", "np.random.rand(3)"} << QStringList {"1:random"};
    QTest::addRow("np.random seeded in an earlier cell")
        << QStringList {"import numpy as np\nnp.random.seed(0)", "np.random.rand(3)"} << QStringList {};
    QTest::addRow("np.random seeded only after the draw")
        << QStringList {"import numpy as np", "x = np.random.rand(3)", "np.random.seed(0)", "print(x)"}
        << QStringList {"3:random"};
    QTest::addRow("np.random through names into a later print")
        << QStringList {"import numpy as np", "x = np.random.normal(size=3)", "y = x * 2", "print(y.mean())"}
        << QStringList {"3:random"};
    QTest::addRow("np.random drawn but not shown")
        << QStringList {"import numpy as np\nx = np.random.rand(3)\ny = 1", "print(y)"} << QStringList {};
    QTest::addRow("np.random value replaced before it is shown")
        << QStringList {"import numpy as np\nx = np.random.rand(3)\nx = np.zeros(3)", "x"} << QStringList {};
    QTest::addRow("np.random shown with a semicolon")
        << QStringList {"import numpy as np", "np.random.rand(3);"} << QStringList {};
    QTest::addRow("from numpy.random import rand")
        << QStringList {"from numpy.random import rand", "rand(2)"} << QStringList {"1:random"};
    QTest::addRow("default_rng without seed")
        << QStringList {"import numpy as np\nrng = np.random.default_rng()", "rng.normal(size=2)"}
        << QStringList {"1:random"};
    QTest::addRow("default_rng with seed")
        << QStringList {"import numpy as np\nrng = np.random.default_rng(42)", "rng.normal(size=2)"}
        << QStringList {};
    QTest::addRow("plot of unseeded data") << QStringList {
        "import numpy as np\nimport matplotlib.pyplot as plt",
        "plt.plot(np.random.randn(10))"} << QStringList {"1:random"};
    QTest::addRow("file written from unseeded data")
        << QStringList {"import numpy as np\nimport pandas as pd",
               "df = pd.DataFrame({'x': np.random.rand(3)})\ndf.to_csv('out.csv')"}
        << QStringList {"1:random"};
    QTest::addRow("notebook function drawing, called and shown")
        << QStringList {"import numpy as np\ndef noisy(n):\n    return np.random.rand(n)", "noisy(3)"}
        << QStringList {"1:random"};
    QTest::addRow("notebook function drawing, seeded before the call") << QStringList {
        "import numpy as np\ndef noisy(n):\n    return np.random.rand(n)",
        "np.random.seed(0)\nnoisy(3)"} << QStringList {};

    QTest::addRow("notebook function drawing, returning something else") << QStringList {
        "import numpy as np\ndef load():\n    noise = np.random.rand(3)\n    data = [1, 2]\n"
        "    return data",
        "load()"} << QStringList {};
    QTest::addRow("notebook function drawing through a local name") << QStringList {
        "import numpy as np\ndef load():\n    noise = np.random.rand(3)\n    return noise * 2",
        "load()"} << QStringList {"1:random"};
    QTest::addRow("notebook function plotting what it draws") << QStringList {
        "import numpy as np\nimport matplotlib.pyplot as plt\ndef show():\n"
        "    plt.hist(np.random.randn(100))",
        "show()"} << QStringList {"1:random"};

    // random: the random module, torch, scikit-learn, uuid
    QTest::addRow("random module unseeded")
        << QStringList {"import random", "print(random.randint(1, 6))"} << QStringList {"1:random"};
    QTest::addRow("random module seeded")
        << QStringList {"import random\nrandom.seed(1)", "print(random.randint(1, 6))"} << QStringList {};
    QTest::addRow("random seeded by a notebook function")
        << QStringList {"import random\ndef setup():\n    random.seed(42)", "setup()\nprint(random.random())"}
        << QStringList {};
    QTest::addRow("random.shuffle in place")
        << QStringList {"import random\nitems = [1, 2, 3]\nrandom.shuffle(items)\nitems"}
        << QStringList {"0:random"};
    QTest::addRow("torch unseeded") << QStringList {"import torch", "torch.rand(2)"}
                                    << QStringList {"1:random"};
    QTest::addRow("torch seeded") << QStringList {"import torch\ntorch.manual_seed(0)", "torch.rand(2)"}
                                  << QStringList {};
    QTest::addRow("train_test_split without random_state") << QStringList {
        "from sklearn.model_selection import train_test_split",
        "a, b = train_test_split([1, 2, 3, 4])\nprint(a)"} << QStringList {"1:random"};
    QTest::addRow("train_test_split with random_state")
        << QStringList {"from sklearn.model_selection import train_test_split",
               "a, b = train_test_split([1, 2, 3, 4], random_state=0)\nprint(a)"}
        << QStringList {};
    QTest::addRow("random forest without random_state, predictions shown") << QStringList {
        "from sklearn.ensemble import RandomForestClassifier\nmodel = RandomForestClassifier()\n"
        "model.fit([[0], [1]], [0, 1])",
        "model.predict([[0.5]])"} << QStringList {"1:random"};
    QTest::addRow("random forest with random_state") << QStringList {
        "from sklearn.ensemble import RandomForestClassifier\n"
        "model = RandomForestClassifier(random_state=1)\nmodel.fit([[0], [1]], [0, 1])",
        "model.predict([[0.5]])"} << QStringList {};
    QTest::addRow("random forest after np.random.seed")
        << QStringList {"import numpy as np\nfrom sklearn.ensemble import "
                        "RandomForestClassifier\nnp.random.seed(0)",
               "model = RandomForestClassifier()\nmodel.fit([[0], [1]], [0, 1])\nmodel.predict([[0.5]])"}
        << QStringList {};
    QTest::addRow("KFold with shuffle") << QStringList {"from sklearn.model_selection import KFold",
        "folds = list(KFold(3, shuffle=True).split(range(6)))\nprint(folds)"}
                                        << QStringList {"1:random"};
    QTest::addRow("KFold without shuffle") << QStringList {"from sklearn.model_selection import KFold",
        "folds = list(KFold(3).split(range(6)))\nprint(folds)"}
                                           << QStringList {};
    QTest::addRow("DataFrame.sample without random_state")
        << QStringList {"import pandas as pd\ndf = pd.DataFrame({'a': range(10)})", "df.sample(3)"}
        << QStringList {"1:random"};
    QTest::addRow("DataFrame.sample with random_state") << QStringList {
        "import pandas as pd\ndf = pd.DataFrame({'a': range(10)})",
        "df.sample(3, random_state=0)"} << QStringList {};
    QTest::addRow("uuid4 printed") << QStringList {"import uuid", "print(uuid.uuid4())"}
                                   << QStringList {"1:random"};
    QTest::addRow("uuid4 not shown") << QStringList {"import uuid\nrun_id = uuid.uuid4()", "print('done')"}
                                     << QStringList {};

    // clock
    QTest::addRow("datetime.now printed")
        << QStringList {"from datetime import datetime", "print(datetime.now())"} << QStringList {"1:clock"};
    QTest::addRow("a fixed datetime printed")
        << QStringList {"from datetime import datetime", "print(datetime(2024, 1, 1))"} << QStringList {};
    QTest::addRow("elapsed time printed in a later cell") << QStringList {
        "import time\nstart = time.time()\nx = sum(range(10))\nelapsed = time.time() - start",
        "print(f'{elapsed:.2f}s')"} << QStringList {"1:clock"};
    QTest::addRow("date.today not shown")
        << QStringList {"import datetime\nstamp = datetime.date.today()\nvalue = 3", "value"}
        << QStringList {};
    QTest::addRow("pd.Timestamp.now shown")
        << QStringList {"import pandas as pd", "pd.Timestamp.now()"} << QStringList {"1:clock"};

    // network
    QTest::addRow("read_csv from a URL")
        << QStringList {"import pandas as pd", "df = pd.read_csv('https://example.org/data.csv')\ndf.head()"}
        << QStringList {"1:network"};
    QTest::addRow("read_csv from a local file")
        << QStringList {"import pandas as pd", "df = pd.read_csv('data.csv')\ndf.head()"} << QStringList {};
    QTest::addRow("read_csv from a URL held in a name") << QStringList {
        "import pandas as pd\nURL = 'https://example.org/d.csv'", "df = pd.read_csv(URL)",
        "df.describe()"} << QStringList {"2:network"};
    QTest::addRow("requests.get printed")
        << QStringList {"import requests", "r = requests.get('https://example.org')\nprint(r.status_code)"}
        << QStringList {"1:network"};

    // environment
    QTest::addRow("os.environ printed")
        << QStringList {"import os", "print(os.environ['HOME'])"} << QStringList {"1:environment"};
    QTest::addRow("getpass.getuser shown")
        << QStringList {"import getpass\nuser = getpass.getuser()", "user"} << QStringList {"1:environment"};
    QTest::addRow("platform shown") << QStringList {"import platform", "platform.system()"}
                                    << QStringList {"1:environment"};
    QTest::addRow("cpu_count not shown")
        << QStringList {"import os\nn = os.cpu_count()\nprint('ready')"} << QStringList {};

    // order
    QTest::addRow("os.listdir shown")
        << QStringList {"import os", "os.listdir('.')"} << QStringList {"1:order"};
    QTest::addRow("os.listdir sorted")
        << QStringList {"import os", "sorted(os.listdir('.'))"} << QStringList {};
    QTest::addRow("glob printed") << QStringList {"from glob import glob",
        "files = glob('*.csv')\nprint(files)"}
                                  << QStringList {"1:order"};
    QTest::addRow("glob sorted before it is printed") << QStringList {"from glob import glob",
        "files = sorted(glob('*.csv'))\nprint(files)"} << QStringList {};
    QTest::addRow("set printed") << QStringList {"words = {'a', 'b', 'c'}", "print(words)"}
                                 << QStringList {"1:order"};
    QTest::addRow("size of a set printed")
        << QStringList {"words = {'a', 'b', 'c'}", "print(len(words))"} << QStringList {};
}

void TestNondeterminism::sources()
{
    QFETCH(QStringList, cells);
    QFETCH(QStringList, expected);
    const NotebookAnalysis analysis = analyzeNotebook(makeNotebook(cells));
    QCOMPARE(found(analysis), expected);
    QCOMPARE(analysis.verdict.sameOutputs.nondeterministicOutputs, int(expected.size()));
    for (const Finding &finding : analysis.findings) {
        if (finding.rule != "nondeterministic-output")
            continue;
        QCOMPARE(finding.severity, Severity::Warning);
        QVERIFY(finding.line > 0);
        // The report's finding carries the source under a snake_case key.
        const auto json = JsonReport::findingToJson(finding);
        QCOMPARE(json.value("source", std::string()), finding.changeSource);
        QVERIFY2(
            finding.message.find("may differ on every run") != std::string::npos, finding.message.c_str());
    }
}

QTEST_GUILESS_MAIN(TestNondeterminism)
#include "tst_nondeterminism.moc"
