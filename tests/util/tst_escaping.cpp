// One escaping function per target (issue 19): what each produces must read back as the same
// text in its own language, checked with real Python and tomllib, and must stay on one line.
#include "util/escaping.h"

#include <QProcess>
#include <QTest>

using namespace tassel;

class TestEscaping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void literalsReadBackUnchanged_data();
    void literalsReadBackUnchanged();
    void oneLineHidesControls_data();
    void oneLineHidesControls();
    void markdownCodeSpanFence_data();
    void markdownCodeSpanFence();
};

namespace {

void hostileRows()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addRow("plain") << QByteArray("Load the data");
    QTest::addRow("backslash escapes Python would read") << QByteArray("\\N \\U \\u12 \\x \\");
    QTest::addRow("quotes of every kind") << QByteArray("\"\"\" ''' \" ' `");
    QTest::addRow("NUL and controls") << QByteArray("a\0b\x01\x1b[31m\x7f\r\n\t\f\v", 15);
    QTest::addRow("line separators and bidi overrides")
        << QByteArray("a\u2028b\u2029c\u202Ed\u2066e\xc2\x85");
    QTest::addRow("non-ASCII text") << QByteArray("Données – 日本語 🐍");
    QTest::addRow("code after a newline") << QByteArray("x\n__import__('os').system('id')\n#");
}

} // namespace

void TestEscaping::literalsReadBackUnchanged_data()
{
    hostileRows();
}

void TestEscaping::literalsReadBackUnchanged()
{
    QFETCH(QByteArray, text);
    const std::string input(text.constData(), std::size_t(text.size()));
    const std::string script = "import sys, tomllib\nexpected = sys.stdin.buffer.read().decode('utf-8')\n"
                               "assert "
        + escaping::pythonString(input)
        + " == expected, 'string'\n"
          "def f():\n    "
        + escaping::pythonDocstring(input)
        + "\n"
          // Python 3.13 dedents docstrings of several lines.
          "assert f.__doc__ == expected or '\\n' in expected, 'docstring'\n"
          "assert tomllib.loads('v = ' + "
        + escaping::pythonString(escaping::tomlString(input)) + ")['v'] == expected, 'toml'\n";
    QProcess python;
    python.start(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromStdString(script)});
    QVERIFY(python.waitForStarted());
    python.write(text);
    python.closeWriteChannel();
    QVERIFY(python.waitForFinished(60000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
}

void TestEscaping::oneLineHidesControls_data()
{
    hostileRows();
}

void TestEscaping::oneLineHidesControls()
{
    QFETCH(QByteArray, text);
    const std::string input(text.constData(), std::size_t(text.size()));
    for (const std::string &out : {escaping::oneLine(input), escaping::terminal(input)}) {
        for (const unsigned char c : out)
            QVERIFY2(c >= 0x20 || c == '\n' || c == '\t', out.c_str());
        QVERIFY(out.find('\x7f') == std::string::npos);
        QVERIFY(out.find("\u2028") == std::string::npos && out.find("\u202E") == std::string::npos);
        QVERIFY(out.find("\xc2\x85") == std::string::npos);
    }
    QVERIFY(escaping::oneLine(input).find_first_of("\n\t") == std::string::npos);
}

void TestEscaping::markdownCodeSpanFence_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("plain") << "a.ipynb"
                           << "`a.ipynb`";
    QTest::addRow("one backtick") << "a`b"
                                  << "``a`b``";
    QTest::addRow("a run of two") << "a``b`"
                                  << "``` a``b` ```";
    QTest::addRow("newline shown escaped") << "a\nb"
                                           << "`a\\nb`";
}

void TestEscaping::markdownCodeSpanFence()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(escaping::markdownCode(text.toStdString())), expected);
}

QTEST_GUILESS_MAIN(TestEscaping)
#include "tst_escaping.moc"
