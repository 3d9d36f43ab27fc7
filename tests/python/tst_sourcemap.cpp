#include "python/sourcemap.h"

#include <QTest>

#include <algorithm>
#include <string>

using namespace tassel;

namespace {

bool startsCodePoint(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

/// The definition SourceMap must agree with: walk from the line start, one byte at a time.
void referencePosition(const std::string &text, std::size_t offset, int &line, int &column)
{
    offset = std::min(offset, text.size());
    std::size_t lineStart = 0;
    line = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    column = 1;
    for (std::size_t i = lineStart; i < offset; ++i)
        column += startsCodePoint(text[i]) ? 1 : 0;
}

std::size_t referenceOffset(const std::string &text, int line, int column)
{
    std::size_t at = 0;
    for (int l = 1; l < line; ++l) {
        const std::size_t newline = text.find('\n', at);
        if (newline == std::string::npos)
            return line < 1 ? 0 : text.size();
        at = newline + 1;
    }
    if (line < 1)
        return 0;
    const std::size_t lineEnd = std::min(text.find('\n', at), text.size());
    for (int skip = std::max(column, 1) - 1; skip > 0 && at < lineEnd; --skip) {
        ++at;
        while (at < lineEnd && !startsCodePoint(text[at]))
            ++at;
    }
    return at;
}

} // namespace

/// SourceMap answers in O(1) per position (block counts of code points); these rows pin that
/// it still says exactly what a walk from the line start says, across block boundaries.
class TestSourceMap : public QObject
{
    Q_OBJECT
private slots:
    void agreesWithWalk_data()
    {
        QTest::addColumn<QByteArray>("text");
        std::string names;
        for (int i = 0; i < 300; ++i)
            names += (i ? ", a" : "x = [a") + std::to_string(i);
        names += "]\n";
        std::string accented;
        for (int i = 0; i < 200; ++i)
            accented += i % 3 ? "é" : (i % 7 ? "x" : "€ \n");
        QTest::addRow("empty") << QByteArray();
        QTest::addRow("short lines") << QByteArray("a = 1\nb = a\n\nc\n");
        QTest::addRow("one long line of names") << QByteArray::fromStdString(names + "y = x\n");
        QTest::addRow("multibyte across blocks") << QByteArray::fromStdString(accented);
        QTest::addRow("exactly one block") << QByteArray(64, 'a');
        QTest::addRow("stray continuation bytes") << QByteArray("\x80\x80 a\n\xa9 b\xc3\xa9 c");
        QTest::addRow("no final newline, 4-byte characters")
            << QByteArray::fromStdString(std::string(70, 'b') + "\xf0\x9f\x98\x80 z \xf0\x9f\x98\x80");
    }
    void agreesWithWalk()
    {
        QFETCH(QByteArray, text);
        const std::string source = text.toStdString();
        const SourceMap map(source);
        for (std::size_t offset = 0; offset <= source.size() + 2; ++offset) {
            int line = 0, column = 0, expectedLine = 0, expectedColumn = 0;
            map.position(std::uint32_t(offset), line, column);
            referencePosition(source, offset, expectedLine, expectedColumn);
            QCOMPARE(line, expectedLine);
            QCOMPARE(column, expectedColumn);
        }
        const int lines = int(std::count(source.begin(), source.end(), '\n')) + 1;
        for (int line = 0; line <= lines + 1; ++line) {
            for (int column = -1; column <= int(source.size()) + 2; ++column)
                QCOMPARE(map.offset(line, column), referenceOffset(source, line, column));
        }
    }
};

QTEST_GUILESS_MAIN(TestSourceMap)
#include "tst_sourcemap.moc"
