// util/text.h: base64RunEnd (SSE2 blocks of 16 bytes where the CPU has them, then byte by byte)
// against a byte-by-byte reading, and asciiLower.
#include "util/text.h"

#include <QTest>

using namespace tassel;

namespace {

std::size_t byteByByte(std::string_view text, std::size_t from)
{
    while (from < text.size() && isBase64Char(text[from]))
        ++from;
    return from;
}

} // namespace

class TestText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void base64RunEnd_data();
    void base64RunEnd();
    void asciiLower_data();
    void asciiLower();
};

void TestText::base64RunEnd_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("expected");

    const QByteArray block = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=="; // 66 bytes
    QTest::addRow("empty text") << QByteArray() << 0 << 0;
    QTest::addRow("short text, no block") << QByteArray("abc+/=9 x") << 0 << 7;
    QTest::addRow("whole text is one run") << block << 0 << 66;
    QTest::addRow("stop in the first block") << (block.left(5) + ' ' + block) << 0 << 5;
    QTest::addRow("stop at a block's last byte") << (block.left(15) + '"' + block) << 0 << 15;
    QTest::addRow("stop at the next block's first byte") << (block.left(16) + '-' + block) << 0 << 16;
    QTest::addRow("stop in the scalar tail") << (block + '_' + "ab") << 0 << 66;
    QTest::addRow("stop after a 32-byte boundary") << (block.left(40) + '\n') << 3 << 40;
    QTest::addRow("start on a stop byte") << QByteArray("ab cd") << 2 << 2;
    QTest::addRow("start at the end") << QByteArray("abcd") << 4 << 4;
    // Bytes beside the accepted ranges, each inside a first block of 16 (the SIMD path) and in a tail (the
    // scalar path).
    for (const char stop : {'@', '`', '[', '{', ':', '.', ',', '-', '_', '~', ' ', '\x7f', '\0'}) {
        QTest::addRow("byte %d stops a run in a block", int(stop))
            << (QByteArray("abcdefghijkl") + stop + QByteArray("nopqrstuvwxyz")) << 0 << 12;
        QTest::addRow("byte %d stops a run in the tail", int(stop))
            << (QByteArray("0123456789ABCDEFGH") + stop) << 0 << 18;
    }
    QTest::addRow("non-ASCII bytes stop a run") << QByteArray("abcdefgh\xc3\xa9ijklmnopqrstuv") << 0 << 8;
    QTest::addRow("a high byte whose low bits look like a letter")
        << QByteArray("abcdefgh\xc1\xe1\x81ijklmnopqrst") << 0 << 8;
}

void TestText::base64RunEnd()
{
    QFETCH(QByteArray, text);
    QFETCH(int, from);
    QFETCH(int, expected);
    const std::string_view view(text.constData(), std::size_t(text.size()));
    QCOMPARE(int(tassel::base64RunEnd(view, std::size_t(from))), expected);
    QCOMPARE(int(byteByByte(view, std::size_t(from))), expected);
}

void TestText::asciiLower_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("letters") << QByteArray("AbC xYz") << QByteArray("abc xyz");
    QTest::addRow("bytes beside the letters") << QByteArray("@[`{") << QByteArray("@[`{");
    QTest::addRow("UTF-8 kept") << QByteArray("\xc3\x89T\xc3\xa9") << QByteArray("\xc3\x89t\xc3\xa9");
}

void TestText::asciiLower()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    const std::string lowered
        = tassel::asciiLower(std::string_view(text.constData(), std::size_t(text.size())));
    QCOMPARE(QByteArray::fromStdString(lowered), expected);
}

QTEST_GUILESS_MAIN(TestText)
#include "tst_text.moc"
