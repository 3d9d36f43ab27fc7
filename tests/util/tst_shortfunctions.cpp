// House style: no function in core/ or ui/ over kLimit lines (a pipeline wants to be its stages as
// functions). A function is a body whose `{` stands alone on a line after a signature, as
// clang-format writes it; its length runs from the signature's first line to the closing `}`.
#include <QDirIterator>
#include <QFile>
#include <QTest>

#include <string>
#include <vector>

namespace {

constexpr int kLimit = 120; // the architecture issue: "no function over about 120 lines"

// Pure data tables, long by nature: reading them as one list is the point.
const char *const kExclusions[] = {
    "LanguageTables()", // core/python/syntaxtree.cpp: tree-sitter-python kind and field names
    "RuleCatalog::all()", // core/analysis/rulecatalog.cpp: every rule's id, title and text
};

struct LongFunction
{
    int line = 0; ///< 1-based, of the signature's first line
    int length = 0;
    QString signature;
};

bool opensFunction(const QString &signature)
{
    static const QStringList kControl = {QStringLiteral("if"), QStringLiteral("for"), QStringLiteral("while"),
        QStringLiteral("switch"), QStringLiteral("else"), QStringLiteral("do"), QStringLiteral("namespace"),
        QStringLiteral("struct"), QStringLiteral("class"), QStringLiteral("enum"), QStringLiteral("union"),
        QStringLiteral("extern")};
    const QString first = signature.section(QLatin1Char(' '), 0, 0).section(QLatin1Char('('), 0, 0);
    if (kControl.contains(first))
        return false;
    return signature.contains(QLatin1Char(')')) || signature.endsWith(QStringLiteral("const"))
        || signature.endsWith(QStringLiteral("override")) || signature.endsWith(QStringLiteral("noexcept"));
}

std::vector<LongFunction> longFunctions(const QString &text, int limit)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    std::vector<LongFunction> found;
    for (int i = 0; i < lines.size(); ++i) {
        if (lines[i].trimmed() != QStringLiteral("{"))
            continue;
        const qsizetype indent = lines[i].indexOf(QLatin1Char('{'));
        int end = i - 1;
        while (end >= 0 && lines[end].trimmed().isEmpty())
            --end;
        if (end < 0 || !opensFunction(lines[end].trimmed()))
            continue;
        int start = end;
        while (start > 0 && !lines[start].contains(QLatin1Char('(')))
            --start;
        const QString closing = QString(indent, QLatin1Char(' ')) + QLatin1Char('}');
        int close = i + 1;
        while (close < lines.size() && !lines[close].startsWith(closing))
            ++close;
        const int length = close - start + 1;
        if (length > limit)
            found.push_back({start + 1, length, lines[start].trimmed()});
    }
    return found;
}

bool excluded(const QString &signature)
{
    for (const char *name : kExclusions) {
        if (signature.contains(QLatin1String(name)))
            return true;
    }
    return false;
}

QString function(int bodyLines)
{
    QString text = QStringLiteral("int compute(int a)\n{\n");
    for (int k = 0; k < bodyLines; ++k)
        text += QStringLiteral("    a += %1;\n").arg(k);
    return text + QStringLiteral("}\n");
}

} // namespace

class TestShortFunctions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detector_data();
    void detector();
    void sourcesAreShort_data();
    void sourcesAreShort();
};

void TestShortFunctions::detector_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("found");
    // Signature, `{`, body, `}`: a body of limit - 3 lines makes a function of the limit.
    QTest::addRow("function at the limit") << function(kLimit - 3) << 0;
    QTest::addRow("function one line over") << function(kLimit - 2) << 1;
    QTest::addRow("signature over two lines")
        << QString(function(kLimit - 3))
               .replace(QStringLiteral("int a)"), QStringLiteral("int a,\n    int b)"))
        << 1;
    QTest::addRow("a long class is no function")
        << QString(function(kLimit)).replace(QStringLiteral("int compute(int a)"), QStringLiteral("class A"))
        << 0;
    QTest::addRow("indented member function") << QStringLiteral("class A\n{\n    void f()\n    {\n")
            + QStringLiteral("        x();\n").repeated(kLimit)
            + QStringLiteral("    }\n};\n") << 1;
}

void TestShortFunctions::detector()
{
    QFETCH(QString, text);
    QFETCH(int, found);
    QCOMPARE(int(longFunctions(text, kLimit).size()), found);
}

void TestShortFunctions::sourcesAreShort_data()
{
    QTest::addColumn<QString>("folder");
    for (const char *folder : {"core", "ui", "app"})
        QTest::addRow("%s", folder) << QStringLiteral(TASSEL_SOURCE_DIR "/") + QLatin1String(folder);
}

void TestShortFunctions::sourcesAreShort()
{
    QFETCH(QString, folder);
    QStringList over;
    int files = 0;
    QDirIterator it(
        folder, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        ++files;
        for (const LongFunction &f : longFunctions(QString::fromUtf8(file.readAll()), kLimit)) {
            if (!excluded(f.signature))
                over << QStringLiteral("%1:%2: %3 lines: %4")
                            .arg(file.fileName())
                            .arg(f.line)
                            .arg(f.length)
                            .arg(f.signature);
        }
    }
    QVERIFY2(files > 0, qPrintable(folder));
    QVERIFY2(over.isEmpty(), qPrintable(over.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestShortFunctions)
#include "tst_shortfunctions.moc"
