// Hostile input: a secret the scanner finds anywhere in a notebook (outputs of every MIME type,
// tracebacks, metadata, markdown, attachments, a PEM key's body) must not reach any file of the
// graduated package, the masked notebook copy and the regression fixtures included. Every
// secret is assembled at run time, so the repository holds no token-shaped literal.
#include "analysis/notebookanalyzer.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>

using namespace tassel;
using json = nlohmann::json;

namespace {

std::string githubToken(char variant)
{
    return std::string("gh") + "p_" + "Zq8vK2mX9pL4rT7wB3nY" + variant + "cF1aQ5sD0hJ2kLmA8xW";
}

std::string awsKeyId()
{
    return std::string("AK") + "IA" + "Q7XR4ZPLM2" + "W6BTY3";
}

std::string googleKey()
{
    return std::string("AI") + "za" + "Sy8kQ2mX9pL4rT7wB3nY6cF1aQ5sD0hJ2kL";
}

std::string huggingFaceToken()
{
    return std::string("hf") + "_" + "Qm8vK2mX9pL4rT7wB3nY6cF1aQ5sD0hJ2k";
}

std::string stripeKey()
{
    return std::string("sk") + "_live_" + "51Hx8vK2mX9pL4rT7wB3nY6cF1aQ";
}

/// A PEM block whose body lines are random-looking base64 (not a real key).
std::string privateKey()
{
    const std::string dashes = "-----";
    std::string pem = dashes + "BEGIN RSA PRIVATE" + " KEY" + dashes + "\n";
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    unsigned state = 12345;
    for (int line = 0; line < 5; ++line) {
        for (int i = 0; i < 64; ++i) {
            state = state * 1103515245u + 12345u;
            pem += alphabet[(state >> 16) % alphabet.size()];
        }
        pem += '\n';
    }
    return pem + dashes + "END RSA PRIVATE" + " KEY" + dashes + "\n";
}

/// What must not appear: the value, and for a value of several lines each long line of it.
std::vector<std::string> needlesOf(const std::string &secret)
{
    std::vector<std::string> needles {secret};
    std::size_t start = 0;
    while (start < secret.size()) {
        std::size_t end = secret.find('\n', start);
        if (end == std::string::npos)
            end = secret.size();
        // A PEM's body lines; its BEGIN/END lines are no secret.
        if (end - start >= 20 && end - start != secret.size() && secret.compare(start, 5, "-----") != 0)
            needles.push_back(secret.substr(start, end - start));
        start = end + 1;
    }
    return needles;
}

/// nbformat stores multi-line text as a list of lines, each but the last ending in "\n".
json lines(const std::string &text)
{
    json list = json::array();
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        end = end == std::string::npos ? text.size() : end + 1;
        list.push_back(text.substr(start, end - start));
        start = end;
    }
    return list;
}

json codeCell(const std::string &id, const std::string &source, json outputs = json::array(),
    json metadata = json::object())
{
    return {{"cell_type", "code"}, {"id", id}, {"metadata", metadata}, {"source", lines(source)},
        {"outputs", outputs}, {"execution_count", 1}};
}

json result(const std::string &mimeType, const std::string &data)
{
    json bundle = {{"text/plain", lines("<output>")}};
    bundle[mimeType] = mimeType == "application/json" ? json::parse(data) : lines(data);
    return {{"output_type", "execute_result"}, {"execution_count", 1}, {"data", bundle},
        {"metadata", json::object()}};
}

/// A notebook of an ordinary first cell plus the site that holds the secret.
json notebookWith(const std::string &site, const std::string &secret)
{
    json metadata
        = {{"kernelspec", {{"name", "python3"}, {"language", "python"}, {"display_name", "Python 3"}}},
            {"language_info", {{"name", "python"}, {"version", "3.11.4"}}}};
    json cells = json::array({{{"cell_type", "markdown"}, {"id", "title"}, {"metadata", json::object()},
        {"source", lines("# Sales report")}}});
    const json stream
        = {{"output_type", "stream"}, {"name", "stdout"}, {"text", lines("token " + secret + "\n")}};
    json cell = codeCell("load", "rows = [1, 2, 3]\nprint(len(rows))",
        json::array({{{"output_type", "stream"}, {"name", "stdout"}, {"text", lines("3\n")}}}));
    if (site == "stream")
        cell["outputs"] = json::array({stream});
    else if (site == "execute_result")
        cell["outputs"] = json::array({result("text/plain", "{'api_key': '" + secret + "'}")});
    else if (site == "html" || site == "svg" || site == "latex")
        cell["outputs"] = json::array({result(site == "html" ? "text/html"
                : site == "svg"                              ? "image/svg+xml"
                                                             : "text/latex",
            site == "svg" ? "<svg><text>" + secret + "</text></svg>" : "<b>key</b> " + secret + "\n")});
    else if (site == "json")
        cell["outputs"] = json::array({result("application/json", json {{"token", secret}}.dump())});
    else if (site == "traceback")
        cell["outputs"] = json::array(
            {{{"output_type", "error"}, {"ename", "ValueError"}, {"evalue", "bad key " + secret},
                {"traceback", json::array({"\u001b[0;31mValueError\u001b[0m: bad key " + secret})}}});
    else if (site == "cell metadata")
        cell["metadata"] = {{"api_token", secret}};
    else if (site == "notebook metadata")
        metadata["deploy"] = {{"api_token", secret}};
    else if (site == "pem in source")
        cell["source"] = lines("KEY = \"\"\"" + secret + "\"\"\"\nrows = [1, 2, 3]\nprint(len(rows))");
    else if (site == "pem in output")
        cell["outputs"] = json::array({stream});
    cells.push_back(cell);
    if (site == "markdown")
        cells.push_back({{"cell_type", "markdown"}, {"id", "notes"}, {"metadata", json::object()},
            {"source", lines("Ask for the key: `" + secret + "`")}});
    if (site == "attachment")
        cells.push_back({{"cell_type", "markdown"}, {"id", "shot"}, {"metadata", json::object()},
            {"source", lines("![key](attachment:key.txt)")},
            {"attachments", {{"key.txt", {{"text/plain", lines("token " + secret + "\n")}}}}}});
    cells.push_back(codeCell("total", "total = sum(rows)\nprint(total)",
        json::array({{{"output_type", "stream"}, {"name", "stdout"}, {"text", lines("6\n")}}})));
    return {{"nbformat", 4}, {"nbformat_minor", 5}, {"metadata", metadata}, {"cells", cells}};
}

} // namespace

class TestGraduateSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noFileHoldsASecret_data();
    void noFileHoldsASecret();
};

void TestGraduateSecrets::noFileHoldsASecret_data()
{
    QTest::addColumn<QString>("site");
    QTest::addColumn<QString>("secret");
    auto row = [](const char *site, const std::string &secret) {
        QTest::addRow("%s", site) << QString::fromLatin1(site) << QString::fromStdString(secret);
    };
    row("stream", githubToken('1'));
    row("execute_result", stripeKey());
    row("html", awsKeyId());
    row("svg", githubToken('2'));
    row("latex", googleKey());
    row("json", huggingFaceToken());
    row("traceback", githubToken('3'));
    row("cell metadata", githubToken('4'));
    row("notebook metadata", githubToken('5'));
    row("markdown", githubToken('6'));
    row("attachment", githubToken('7'));
    row("pem in source", privateKey());
    row("pem in output", privateKey());
}

void TestGraduateSecrets::noFileHoldsASecret()
{
    QFETCH(QString, site);
    QFETCH(QString, secret);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString notebookPath = dir.filePath(QStringLiteral("report.ipynb"));
    const std::string text = notebookWith(site.toStdString(), secret.toStdString()).dump(1);
    QFile file(notebookPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text.data(), qint64(text.size()));
    file.close();

    // `check` reports it, so graduation has no excuse.
    const NotebookAnalysis analysis = analyzeFile(notebookPath.toStdString());
    QVERIFY(!analysis.error);
    const bool found = std::any_of(analysis.findings.begin(), analysis.findings.end(),
        [](const Finding &finding) { return finding.rule == "hardcoded-secret"; });
    QVERIFY(found);

    const QString tree = dir.filePath(QStringLiteral("package"));
    QProcess process;
    process.start(QStringLiteral(TASSEL_BINARY),
        {QStringLiteral("graduate"), notebookPath, QStringLiteral("--output"), tree});
    QVERIFY(process.waitForFinished(120000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());

    int files = 0;
    QDirIterator it(tree, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile generated(it.next());
        QVERIFY(generated.open(QIODevice::ReadOnly));
        const QByteArray bytes = generated.readAll();
        ++files;
        for (const std::string &needle : needlesOf(secret.toStdString()))
            QVERIFY2(!bytes.contains(QByteArray::fromStdString(needle)),
                qPrintable(QStringLiteral("%1 holds the secret in clear").arg(generated.fileName())));
    }
    QVERIFY(files > 5);
    QVERIFY2(QFile::exists(tree + QStringLiteral("/notebooks/report.ipynb")), "no masked notebook copy");
}

QTEST_GUILESS_MAIN(TestGraduateSecrets)
#include "tst_graduate_secrets.moc"
