// Data contracts of tabular inputs: the CSV reader and value kinds, what pandas prints (outputs
// copied from pandas 2.2 on a real frame), contracts inferred by the real parser from notebooks
// built in memory beside real data files in a temporary folder, their merge, the TOML file a
// package keeps and its round trip, the report's io[].contract, and swallowed-exception.
#include "analysis/contracttoml.h"
#include "analysis/csvsample.h"
#include "analysis/dtypekinds.h"
#include "analysis/notebookanalyzer.h"
#include "analysis/outputtables.h"
#include "report/jsonreport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tassel;
using CellOutputs = std::vector<std::vector<Output>>;

Q_DECLARE_METATYPE(DataContract)
Q_DECLARE_METATYPE(CellOutputs)

namespace {

// Quotes with separators, a doubled quote, a line break in a field, gaps in an int and a float
// column, booleans and dates: what pandas.read_csv reads as int64, object, float64, float64,
// bool, object (datetime64 with parse_dates) and object.
const QByteArray kSales = "order_id,region,amount,quantity,shipped,order_date,note\n"
                          "1,North,12.50,3,True,2024-01-05,\"first, rush\"\n"
                          "2,South,8.00,,False,2024-01-06,\n"
                          "3,\"East \"\"Coast\"\"\",15.25,2,True,2024-01-07,plain\n"
                          "4,West,,5,False,2024-01-08,\"multi\nline\"\n";
const QByteArray kSemicolon = "city;temp;rain\r\nOslo;3,5;1\r\nBergen;;0\r\n";
const QByteArray kCounts = "item,count\na,1\nb,2\n"; // ints without gaps

// What pandas 2.2.3 prints for the frame read from kSales with parse_dates=["order_date"].
const char *const kDtypes = "order_id               int64\n"
                            "region                object\n"
                            "amount               float64\n"
                            "quantity             float64\n"
                            "shipped                 bool\n"
                            "order_date    datetime64[ns]\n"
                            "note                  object\n"
                            "dtype: object";
const char *const kInfo = "<class 'pandas.core.frame.DataFrame'>\n"
                          "RangeIndex: 4 entries, 0 to 3\n"
                          "Data columns (total 7 columns):\n"
                          " #   Column      Non-Null Count  Dtype         \n"
                          "---  ------      --------------  -----         \n"
                          " 0   order_id    4 non-null      int64         \n"
                          " 1   region      4 non-null      object        \n"
                          " 2   amount      3 non-null      float64       \n"
                          " 3   quantity    3 non-null      float64       \n"
                          " 4   shipped     4 non-null      bool          \n"
                          " 5   order_date  4 non-null      datetime64[ns]\n"
                          " 6   note        3 non-null      object        \n"
                          "dtypes: bool(1), datetime64[ns](1), float64(2), int64(1), object(2)\n"
                          "memory usage: 328.0+ bytes\n";
const char *const kDescribe = "       order_id     amount  quantity           order_date\n"
                              "count  4.000000   3.000000  3.000000                    4\n"
                              "mean   2.500000  11.916667  3.333333  2024-01-06 12:00:00\n"
                              "min    1.000000   8.000000  2.000000  2024-01-05 00:00:00\n"
                              "max    4.000000  15.250000  5.000000  2024-01-08 00:00:00\n"
                              "std    1.290994   3.660032  1.527525                  NaN";
const char *const kHeadText = "   order_id        region  amount  quantity  shipped order_date         note\n"
                              "0         1         North   12.50       3.0     True 2024-01-05  first, rush\n"
                              "1         2         South    8.00       NaN    False 2024-01-06          NaN";
const char *const kHeadHtml
    = "<div>\n<style scoped>\n    .dataframe thead th {\n        text-align: right;\n    }\n"
      "</style>\n<table border=\"1\" class=\"dataframe\">\n  <thead>\n"
      "    <tr style=\"text-align: right;\">\n      <th></th>\n      <th>order_id</th>\n"
      "      <th>region</th>\n      <th>amount</th>\n      <th>R&amp;D</th>\n    </tr>\n"
      "  </thead>\n  <tbody>\n    <tr>\n      <th>0</th>\n      <td>1</td>\n"
      "      <td>North</td>\n      <td>12.50</td>\n      <td>3.0</td>\n    </tr>\n"
      "    <tr>\n      <th>1</th>\n      <td>2</td>\n      <td>East \"Coast\"</td>\n"
      "      <td>NaN</td>\n      <td>1.0</td>\n    </tr>\n  </tbody>\n</table>\n</div>";

Output result(const std::string &plain, const std::string &html = {})
{
    Output output;
    output.type = OutputType::ExecuteResult;
    for (const auto &[type, text] : {std::pair {"text/plain", plain}, std::pair {"text/html", html}}) {
        MimeItem item;
        item.mimeType = type;
        item.data = text;
        if (!text.empty())
            output.data.push_back(std::move(item));
    }
    return output;
}

Output printed(const std::string &text)
{
    Output output;
    output.type = OutputType::Stream;
    output.streamName = "stdout";
    output.text = text;
    return output;
}

/// "name dtype(source) nullable(source)" per column, then "rows min..max observed (source)".
QStringList describe(const DataContract &contract)
{
    const auto source = [](const std::optional<ContractSource> &s) {
        return s ? QStringLiteral("(%1)").arg(QString::fromStdString(ContractToml::sourceText(*s)))
                 : QString();
    };
    QStringList lines;
    for (const ContractColumn &column : contract.columns) {
        const QString nullable = !column.nullable ? QStringLiteral("?")
            : *column.nullable                    ? QStringLiteral("null")
                                                  : QStringLiteral("notnull");
        lines << QStringLiteral("%1 %2%3 %4%5")
                     .arg(QString::fromStdString(column.name),
                         column.dtype.empty() ? QStringLiteral("?") : QString::fromStdString(column.dtype),
                         source(column.dtypeSource), nullable, source(column.nullableSource));
        if (column.nameSource.from != "file")
            lines.last() += QStringLiteral(" named(%1)")
                                .arg(QString::fromStdString(ContractToml::sourceText(column.nameSource)));
    }
    if (contract.rows) {
        lines << QStringLiteral("rows %1..%2 observed %3 (%4)")
                     .arg(contract.rows->min)
                     .arg(contract.rows->max ? QString::number(*contract.rows->max) : QStringLiteral("?"))
                     .arg(contract.rows->observed)
                     .arg(QString::fromStdString(ContractToml::sourceText(contract.rows->source)));
    }
    if (!contract.dtype.empty() || !contract.shape.empty()) {
        QStringList shape;
        for (const std::int64_t size : contract.shape)
            shape << QString::number(size);
        lines << QStringLiteral("array %1 [%2]")
                     .arg(QString::fromStdString(contract.dtype), shape.join(QLatin1Char(',')));
    }
    return lines;
}

QString facts(const OutputTables::Facts &facts)
{
    QStringList parts;
    for (const OutputTables::Column &column : facts.columns) {
        parts << QStringLiteral("%1:%2:%3")
                     .arg(QString::fromStdString(column.name), QString::fromStdString(column.dtype),
                         !column.nullable       ? QStringLiteral("?")
                             : *column.nullable ? QStringLiteral("null")
                                                : QStringLiteral("notnull"));
    }
    if (facts.rows)
        parts << QStringLiteral("rows=%1").arg(*facts.rows);
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestDataContract : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void csvSample_data();
    void csvSample();
    void valueKinds_data();
    void valueKinds();
    void outputs_data();
    void outputs();
    void contracts_data();
    void contracts();
    void tomlRoundTrip_data();
    void tomlRoundTrip();
    void tomlErrors_data();
    void tomlErrors();
    void reportHasContract();
    void swallowedExceptions_data();
    void swallowedExceptions();

private:
    QTemporaryDir m_dir;
    Notebook notebook(const QStringList &cells, const CellOutputs &outputs = {}) const;
};

void TestDataContract::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QDir dir(m_dir.path());
    QVERIFY(dir.mkpath(QStringLiteral("data")));
    const auto write = [&](const QString &name, const QByteArray &content) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), qint64(content.size()));
    };
    write(QStringLiteral("data/sales.csv"), kSales);
    write(QStringLiteral("data/weather.csv"), kSemicolon);
    write(QStringLiteral("data/counts.csv"), kCounts);
    // The bytes numpy 2 writes for np.save('grid.npy', np.zeros((3, 2))): header padded to 64.
    QByteArray npy("\x93NUMPY\x01\x00", 8);
    QByteArray header = "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }";
    header += QByteArray(64 - 10 - header.size() - 1, ' ') + '\n';
    npy += char(header.size()) + QByteArray(1, '\0') + header + QByteArray(6 * 8, '\0');
    write(QStringLiteral("data/grid.npy"), npy);
}

Notebook TestDataContract::notebook(const QStringList &cells, const CellOutputs &outputs) const
{
    Notebook notebook;
    notebook.path = QDir(m_dir.path()).filePath(QStringLiteral("analysis.ipynb")).toStdString();
    notebook.metadata = {{"language_info", {{"name", "python"}}}};
    for (const QString &source : cells) {
        Cell cell;
        cell.source = source.toStdString();
        cell.id = "c" + std::to_string(notebook.cells.size());
        if (notebook.cells.size() < outputs.size())
            cell.outputs = outputs[notebook.cells.size()];
        notebook.cells.push_back(cell);
    }
    return notebook;
}

void TestDataContract::csvSample_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<char>("separator");
    QTest::addColumn<bool>("whole");
    QTest::addColumn<QStringList>("expected"); // header, then one line per record, fields joined by |
    QTest::addColumn<bool>("complete");

    QTest::addRow("quotes, doubled quotes, a line break in a field")
        << kSales << ',' << true
        << QStringList {"order_id|region|amount|quantity|shipped|order_date|note",
               "1|North|12.50|3|True|2024-01-05|first, rush", "2|South|8.00||False|2024-01-06|",
               "3|East \"Coast\"|15.25|2|True|2024-01-07|plain", "4|West||5|False|2024-01-08|multi\nline"}
        << true;
    QTest::addRow("sep=';', CRLF, a decimal comma stays text")
        << kSemicolon << ';' << true << QStringList {"city|temp|rain", "Oslo|3,5|1", "Bergen||0"} << true;
    QTest::addRow("byte order mark and blank lines") << QByteArray("\xEF\xBB\xBFid,name\n\n1,a\n\n2,b") << ','
                                                     << true << QStringList {"id|name", "1|a", "2|b"} << true;
    QTest::addRow("a sample cut inside a record drops it")
        << QByteArray("id,name\n1,a\n2,\"unfinished") << ',' << false << QStringList {"id|name", "1|a"}
        << false;
    QTest::addRow("tabs") << QByteArray("a\tb\n1\t2\n") << '\t' << true << QStringList {"a|b", "1|2"} << true;
    QTest::addRow("empty file") << QByteArray() << ',' << true << QStringList {} << false;
}

void TestDataContract::csvSample()
{
    QFETCH(QByteArray, text);
    QFETCH(char, separator);
    QFETCH(bool, whole);
    QFETCH(QStringList, expected);
    QFETCH(bool, complete);
    const CsvSample sample
        = CsvSample::parse(std::string_view(text.constData(), std::size_t(text.size())), separator, whole);
    QStringList actual;
    const auto join = [](const std::vector<std::string> &fields) {
        QStringList parts;
        for (const std::string &field : fields)
            parts << QString::fromStdString(field);
        return parts.join(QLatin1Char('|'));
    };
    if (!sample.header.empty())
        actual << join(sample.header);
    for (const auto &record : sample.records)
        actual << join(record);
    QCOMPARE(actual, expected);
    QCOMPARE(sample.complete, complete);
}

void TestDataContract::valueKinds_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("kind");
    QTest::addRow("int") << "42"
                         << "int";
    QTest::addRow("negative int") << "-7"
                                  << "int";
    QTest::addRow("float") << "12.50"
                           << "float";
    QTest::addRow("exponent") << "1e-3"
                              << "float";
    QTest::addRow("decimal comma is text") << "3,5"
                                           << "string";
    QTest::addRow("bool") << "True"
                          << "bool";
    QTest::addRow("date") << "2024-01-05"
                          << "datetime";
    QTest::addRow("timestamp") << "2024-01-05 13:45:00"
                               << "datetime";
    QTest::addRow("date-like text") << "2024-01-05 and more"
                                    << "string";
    QTest::addRow("empty is missing") << ""
                                      << "";
    QTest::addRow("NA is missing") << "NA"
                                   << "";
    QTest::addRow("text") << "North"
                          << "string";
}

void TestDataContract::valueKinds()
{
    QFETCH(QString, value);
    QFETCH(QString, kind);
    QCOMPARE(QString::fromStdString(DtypeKinds::ofValue(value.toStdString())), kind);
}

void TestDataContract::outputs_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("what");
    QTest::addColumn<bool>("html");
    QTest::addColumn<QString>("expected");
    QTest::addRow("df.dtypes") << kDtypes << "dtypes" << false
                               << "order_id:int:? region:string:? amount:float:? quantity:float:? "
                                  "shipped:bool:? order_date:datetime:? note:string:?";
    QTest::addRow("df.info()") << kInfo << "info" << false
                               << "order_id:int:notnull region:string:notnull amount:float:null "
                                  "quantity:float:null shipped:bool:notnull order_date:datetime:notnull "
                                  "note:string:null rows=4";
    QTest::addRow("df.shape") << "(4, 7)"
                              << "shape" << false << "rows=4";
    QTest::addRow("df.describe(): a lower count is a gap")
        << kDescribe << "describe" << false << "order_id::? amount::null quantity::null order_date::?";
    QTest::addRow("df.head() text/plain") << kHeadText << "head" << false
                                          << "order_id::? region::? amount::? quantity::? shipped::? "
                                             "order_date::? note::?";
    QTest::addRow("df.head() text/html, an entity, NaN shown")
        << kHeadHtml << "head" << true << "order_id::? region::? amount::null R&D::?";
    QTest::addRow("a shape is not a dtypes listing") << "(4, 7)"
                                                     << "dtypes" << false << "";
}

void TestDataContract::outputs()
{
    QFETCH(QString, text);
    QFETCH(QString, what);
    QFETCH(bool, html);
    QFETCH(QString, expected);
    QCOMPARE(facts(OutputTables::readText(text.toStdString(), what.toStdString(), html)), expected);
}

void TestDataContract::contracts_data()
{
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<CellOutputs>("outputs");
    QTest::addColumn<QStringList>("expected");
    const QString pd = QStringLiteral("import pandas as pd\n");
    const CellOutputs none;

    QTest::addRow("from the file: kinds as pandas reads them, gaps are nullable")
        << QStringList {pd + "sales = pd.read_csv('data/sales.csv')"} << none
        << QStringList {"order_id int(file) notnull(file)", "region string(file) notnull(file)",
               "amount float(file) null(file)", "quantity float(file) null(file)",
               "shipped bool(file) notnull(file)", "order_date datetime(file) notnull(file)",
               "note string(file) null(file)", "rows 1..40 observed 4 (file)"};
    QTest::addRow("sep=';' and usecols")
        << QStringList {pd + "w = pd.read_csv('data/weather.csv', sep=';', usecols=['city', 'temp'])"} << none
        << QStringList {"city string(file) notnull(file)", "temp string(file) null(file)",
               "rows 1..20 observed 2 (file)"};
    QTest::addRow("parse_dates and dtype= in the code win over the file")
        << QStringList {pd,
               "sales = pd.read_csv(\n    'data/sales.csv',\n    parse_dates=['order_date'],\n"
               "    dtype={'order_id': 'float64', 'region': str},\n)"}
        << none
        << QStringList {"order_id float(code, cell 2, line 4) notnull(file)",
               "region string(code, cell 2, line 4) notnull(file)", "amount float(file) null(file)",
               "quantity float(file) null(file)", "shipped bool(file) notnull(file)",
               "order_date datetime(code, cell 2, line 3) notnull(file)", "note string(file) null(file)",
               "rows 1..40 observed 4 (file)"};
    QTest::addRow("no file: columns, kinds and rows from df.info()")
        << QStringList {pd + "df = pd.read_csv('data/missing.csv')", "df.info()"}
        << CellOutputs {{}, {printed(kInfo)}}
        << QStringList {"order_id int(output, cell 2) notnull(output, cell 2) named(output, cell 2)",
               "region string(output, cell 2) notnull(output, cell 2) named(output, cell 2)",
               "amount float(output, cell 2) null(output, cell 2) named(output, cell 2)",
               "quantity float(output, cell 2) null(output, cell 2) named(output, cell 2)",
               "shipped bool(output, cell 2) notnull(output, cell 2) named(output, cell 2)",
               "order_date datetime(output, cell 2) notnull(output, cell 2) named(output, cell 2)",
               "note string(output, cell 2) null(output, cell 2) named(output, cell 2)",
               "rows 1..40 observed 4 (output, cell 2)"};
    QTest::addRow("no file: head() as HTML, then dtypes")
        << QStringList {pd + "df = pd.read_excel('data/missing.xlsx')\ndf.head()", "df.dtypes"}
        << CellOutputs {{result(kHeadText, kHeadHtml)}, {result(kDtypes)}}
        << QStringList {"order_id int(output, cell 2) ? named(output, cell 1)",
               "region string(output, cell 2) ? named(output, cell 1)",
               "amount float(output, cell 2) null(output, cell 1) named(output, cell 1)",
               "R&D ? ? named(output, cell 1)", "quantity float(output, cell 2) ? named(output, cell 2)",
               "shipped bool(output, cell 2) ? named(output, cell 2)",
               "order_date datetime(output, cell 2) ? named(output, cell 2)",
               "note string(output, cell 2) ? named(output, cell 2)"};
    QTest::addRow("conflict: the output's dtype wins, the file's columns and rows win")
        << QStringList {pd + "counts = pd.read_csv('data/counts.csv')", "counts.dtypes", "counts.shape"}
        << CellOutputs {{}, {result("item      object\ncount    float64\nextra      int64\ndtype: object")},
               {result("(250, 3)")}}
        << QStringList {"item string(file) notnull(file)", "count float(output, cell 2) notnull(file)",
               "rows 1..20 observed 2 (file)"};
    QTest::addRow("no file, no output: the columns the code reads")
        << QStringList {pd + "df = pd.read_parquet('data/events.parquet')",
               "df['total'] = df['price'] * df.qty\ndf = df.dropna()\n"
               "top = df[['region', 'total']].groupby('region').sum()\nm = df.mean()\nn = df.shape[0]",
               "df.total.plot()\nprint(df.region.unique())", "df = other", "df['ignored']"}
        << none
        << QStringList {"price ? ? named(code, cell 2, line 1)", "qty ? ? named(code, cell 2, line 1)",
               "region ? ? named(code, cell 2, line 3)"};
    QTest::addRow("a column assigned from itself is an input")
        << QStringList {pd + "df = pd.read_json('data/x.json')\ndf['a'] = df['a'].fillna(0)\ndf['a']"} << none
        << QStringList {"a ? ? named(code, cell 1, line 3)"};
    QTest::addRow("df.columns = [...] renames: later outputs and reads are not the input's")
        << QStringList {pd + "wine = pd.read_csv('data/wine.data', header=None)\nwine.head()",
               "wine.columns = ['Class label', 'Alcohol']\nwine['Alcohol'].mean()\nwine.head()"}
        << CellOutputs {{result("   0      1\n0  1  14.23")},
               {result("   Class label  Alcohol\n0  1  14.23")}}
        << QStringList {"0 ? ? named(output, cell 1)", "1 ? ? named(output, cell 1)"};
    QTest::addRow("numpy: an npz's keys are not columns") << QStringList {
        "import numpy as np\nmnist = np.load('data/mnist.npz')\nX = "
        "mnist['X_train']\nmnist.files"} << none << QStringList {};
    QTest::addRow("numpy: the .npy header")
        << QStringList {"import numpy as np\ngrid = np.load('data/grid.npy')"} << none
        << QStringList {"rows 1..30 observed 3 (file)", "array float [3,2]"};
    QTest::addRow("an unbound read still gets its file contract")
        << QStringList {pd + "print(pd.read_csv('data/counts.csv').shape)"} << none
        << QStringList {"item string(file) notnull(file)", "count int(file) notnull(file)",
               "rows 1..20 observed 2 (file)"};
}

void TestDataContract::contracts()
{
    QFETCH(QStringList, cells);
    QFETCH(CellOutputs, outputs);
    QFETCH(QStringList, expected);
    const NotebookAnalysis analysis = analyzeNotebook(notebook(cells, outputs));
    QCOMPARE(analysis.io.size(), std::size_t(1));
    QVERIFY(analysis.io.front().contract);
    QCOMPARE(describe(*analysis.io.front().contract), expected);
}

void TestDataContract::tomlRoundTrip_data()
{
    QTest::addColumn<DataContract>("contract");
    DataContract sales;
    sales.input = "data/sales.csv";
    sales.reader = "pandas.read_csv";
    sales.columns = {{"order_id", "int", false, {"file"}, ContractSource {"file"}, ContractSource {"file"}},
        {"amount \"EUR\"", "float", true, {"file"}, ContractSource {"output", 2, 0}, ContractSource {"file"}},
        {"Größe\tcm", "", std::nullopt, {"code", 3, 7}, std::nullopt, std::nullopt}};
    sales.rows = ContractRows {1, 40, 4, {"file"}};
    QTest::addRow("columns with quotes, tabs and Unicode; every source") << sales;
    DataContract grid;
    grid.input = "data/grid.npy";
    grid.reader = "numpy.load";
    grid.dtype = "float";
    grid.shape = {3, 2};
    grid.rows = ContractRows {0, std::nullopt, 0, {"output", 0, 0}};
    QTest::addRow("an array, rows without a maximum") << grid;
    QTest::addRow("empty") << DataContract {};
}

void TestDataContract::tomlRoundTrip()
{
    QFETCH(DataContract, contract);
    const std::string text = ContractToml::write(contract);
    const Result<DataContract> read = ContractToml::read(text, {"contracts/x.toml", 1});
    QVERIFY2(read.ok(), read.ok() ? "" : read.error().toString().c_str());
    QCOMPARE(read.value(), contract);
    QVERIFY2(text.find("# What the notebook expects of") == 0, text.c_str());
}

void TestDataContract::tomlErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::addRow("syntax") << "input = \"a.csv\nreader = 1"
                            << "invalid-toml@1";
    QTest::addRow("nullable is not a boolean")
        << "input = \"a.csv\"\n\n[[columns]]\nname = \"x\"\nnullable = \"yes\"\n"
        << "invalid-contract@5";
    QTest::addRow("a column without a name") << "[[columns]]\ndtype = \"int\"\n"
                                             << "invalid-contract@1";
    QTest::addRow("columns as a table") << "[columns]\nname = \"x\"\n"
                                        << "invalid-contract@1";
}

void TestDataContract::tomlErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const Result<DataContract> read = ContractToml::read(text.toStdString(), {"contracts/a.toml", 1});
    QVERIFY(!read.ok());
    QCOMPARE(
        QStringLiteral("%1@%2").arg(QString::fromStdString(read.error().code)).arg(read.error().line), error);
}

void TestDataContract::reportHasContract()
{
    const NotebookAnalysis analysis = analyzeNotebook(notebook({QStringLiteral(
        "import pandas as pd\nsales = pd.read_csv('data/sales.csv', parse_dates=['order_date'])")}));
    const auto json = JsonReport::notebookToJson(analysis);
    const auto &contract = json["io"][0]["contract"];
    QCOMPARE(contract["columns"].size(), std::size_t(7));
    const auto &date = contract["columns"][5];
    QCOMPARE(date["name"].get<std::string>(), std::string("order_date"));
    QCOMPARE(date["dtype"].get<std::string>(), std::string("datetime"));
    QCOMPARE(date["nullable"].get<bool>(), false);
    QCOMPARE(date["sources"]["name"]["from"].get<std::string>(), std::string("file"));
    QVERIFY(date["sources"]["name"]["cell"].is_null());
    QCOMPARE(date["sources"]["dtype"]["from"].get<std::string>(), std::string("code"));
    QCOMPARE(date["sources"]["dtype"]["cell"].get<int>(), 0);
    QCOMPARE(date["sources"]["dtype"]["line"].get<int>(), 2);
    QCOMPARE(contract["rows"]["observed"].get<int>(), 4);
    QCOMPARE(contract["rows"]["max"].get<int>(), 40);
    QVERIFY(contract["dtype"].is_null());
    QVERIFY(contract["shape"].empty());
}

void TestDataContract::swallowedExceptions_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("expected"); // line of each finding
    QTest::addRow("bare except: pass") << "try:\n    x = load()\nexcept:\n    pass" << QStringList {"3"};
    QTest::addRow("except Exception: pass")
        << "try:\n    x = load()\nexcept Exception:\n    pass" << QStringList {"3"};
    QTest::addRow("print and go on, in a function")
        << "def load(path):\n    try:\n        return pd.read_csv(path)\n    except Exception as e:\n"
           "        print('could not read', e)\n"
        << QStringList {"4"};
    QTest::addRow("log and continue in a loop")
        << "import logging\nfor f in files:\n    try:\n        frames.append(read(f))\n"
           "    except BaseException as error:\n        logging.warning('skip %s', f)\n        continue"
        << QStringList {"5"};
    QTest::addRow("a tuple with Exception")
        << "try:\n    x()\nexcept (ValueError, Exception):\n    ..." << QStringList {"3"};
    QTest::addRow("narrow named exception with pass is deliberate")
        << "try:\n    import ujson as json\nexcept ImportError:\n    pass" << QStringList {};
    QTest::addRow("except KeyError: print")
        << "try:\n    v = d['k']\nexcept KeyError:\n    print('no k')" << QStringList {};
    QTest::addRow("log and re-raise")
        << "try:\n    x()\nexcept Exception:\n    logger.error('x failed')\n    raise" << QStringList {};
    QTest::addRow("a fallback value is handling")
        << "try:\n    x = f()\nexcept Exception:\n    x = None" << QStringList {};
    QTest::addRow("IPython syntax around it")
        << "%time\ntry:\n    x()\nexcept:\n    pass\n!ls" << QStringList {"4"};
}

void TestDataContract::swallowedExceptions()
{
    QFETCH(QString, source);
    QFETCH(QStringList, expected);
    const NotebookAnalysis analysis = analyzeNotebook(notebook({source}));
    QStringList lines;
    for (const Finding &finding : analysis.findings) {
        if (finding.rule == "swallowed-exception") {
            lines << QString::number(finding.line);
            QVERIFY(finding.message.find("catches every error") != std::string::npos);
        }
    }
    QCOMPARE(lines, expected);
}

QTEST_GUILESS_MAIN(TestDataContract)
#include "tst_datacontract.moc"
