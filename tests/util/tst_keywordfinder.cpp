// KeywordFinder, the secret scanner's one-pass keyword prefilter: every occurrence of every
// keyword, ASCII case ignored, byte for byte elsewhere; checked against the rows' expectations and
// against a plain search at every offset.
#include "util/keywordfinder.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace tassel;

namespace {

std::vector<std::string> toStrings(const QList<QByteArray> &list)
{
    std::vector<std::string> out;
    for (const QByteArray &item : list)
        out.emplace_back(item.constData(), std::size_t(item.size()));
    return out;
}

/// "index@begin" for each hit, in the order given.
QByteArray describe(const std::vector<KeywordFinder::Hit> &hits)
{
    QByteArray out;
    for (const auto &hit : hits)
        out += (out.isEmpty() ? "" : " ") + QByteArray::number(qulonglong(hit.keyword)) + '@'
            + QByteArray::number(qulonglong(hit.begin));
    return out;
}

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

/// Every occurrence by comparing each keyword at each offset.
std::vector<KeywordFinder::Hit> plainSearch(const std::vector<std::string> &keywords, std::string_view text)
{
    std::vector<KeywordFinder::Hit> hits;
    for (std::size_t k = 0; k < keywords.size(); ++k) {
        const std::string &keyword = keywords[k];
        for (std::size_t at = 0; !keyword.empty() && at + keyword.size() <= text.size(); ++at) {
            if (std::equal(keyword.begin(), keyword.end(), text.begin() + std::ptrdiff_t(at),
                    [](char a, char b) { return asciiLower(a) == asciiLower(b); }))
                hits.push_back({k, at});
        }
    }
    return hits;
}

bool byPlace(const KeywordFinder::Hit &a, const KeywordFinder::Hit &b)
{
    return a.begin != b.begin ? a.begin < b.begin : a.keyword < b.keyword;
}

} // namespace

class TestKeywordFinder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hits_data();
    void hits();
    void generatedTexts_data();
    void generatedTexts();
};

void TestKeywordFinder::hits_data()
{
    QTest::addColumn<QList<QByteArray>>("keywords");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected"); // keyword index @ byte offset, by offset then index

    using L = QList<QByteArray>;
    QTest::addRow("keyword at text start") << L {"abc"} << QByteArray("abcdef") << QByteArray("0@0");
    QTest::addRow("keyword at text end") << L {"def"} << QByteArray("abcdef") << QByteArray("0@3");
    QTest::addRow("keyword is the whole text") << L {"abc"} << QByteArray("abc") << QByteArray("0@0");
    QTest::addRow("text shorter than the keyword") << L {"abcd"} << QByteArray("abc") << QByteArray();
    QTest::addRow("repeated keyword overlaps itself")
        << L {"aa"} << QByteArray("aaaa") << QByteArray("0@0 0@1 0@2");
    QTest::addRow("overlapping keywords")
        << L {"abc", "bcd"} << QByteArray("xabcdx") << QByteArray("0@1 1@2");
    QTest::addRow("keywords inside a keyword, longest first at one end")
        << L {"pi", "api", "apikey", "key"} << QByteArray("xapikey") << QByteArray("1@1 2@1 0@2 3@4");
    QTest::addRow("a longer keyword's near miss hides no shorter one")
        << L {"abcx", "bcd"} << QByteArray("abcd") << QByteArray("1@1");
    QTest::addRow("mixed case in the text")
        << L {"acmecorp"} << QByteArray("ACMECORP acmecorp AcMeCoRp") << QByteArray("0@0 0@9 0@18");
    QTest::addRow("mixed case in the keyword")
        << L {"AcmeCorp"} << QByteArray("x acmecorp") << QByteArray("0@2");
    QTest::addRow("only letters are folded ([ is not {)")
        << L {"a[b"} << QByteArray("A{B a[B") << QByteArray("0@4");
    QTest::addRow("digits and punctuation in keywords")
        << L {"dt0c01.", "-----begin"} << QByteArray("-----BEGIN x DT0C01.") << QByteArray("1@0 0@13");
    QTest::addRow("bytes one bit apart are not folded (_ is not DEL)") << L {"a_b"}
                                                                       << QByteArray("a\x7f"
                                                                                     "b A_B")
                                                                       << QByteArray("0@4");
    QTest::addRow("keywords at odd and even offsets, every length")
        << L {"s.", "sc_", "akcp", "twitter"} << QByteArray("xSC_ akcpTwitter s. xakcp twitterSc_")
        << QByteArray("1@1 2@5 3@9 0@17 2@21 3@26 1@33");
    QTest::addRow("three-byte keyword ending the text at an odd offset")
        << L {"fm1"} << QByteArray("xfm1") << QByteArray("0@1");
    QTest::addRow("three-byte keyword ending the text at an even offset")
        << L {"fm1"} << QByteArray("xyFM1") << QByteArray("0@2");
    QTest::addRow("four-byte keyword ending the text at an odd offset")
        << L {"ltai"} << QByteArray("xLTAI") << QByteArray("0@1");
    QTest::addRow("keyword after the last four-byte read")
        << L {"abcd"} << QByteArray("xyzabcd") << QByteArray("0@3");
    QTest::addRow("keywords at both parities in a longer text")
        << L {"token", "ghp_"} << QByteArray("a Token ghp_ x tokenGHP_ zz token")
        << QByteArray("0@2 1@8 0@15 1@20 0@28");
    QTest::addRow("long keywords whose windows lie inside, at both parities")
        << L {"datadog", "stability", "etherscan"}
        << QByteArray("xDataDog datadog xstability Etherscan etherscan")
        << QByteArray("0@1 0@9 1@18 2@28 2@38");
    QTest::addRow("keywords across a 32-byte boundary and at the end")
        << L {"s.", "lin_api_", "twitter"}
        << QByteArray("0123456789abcdef0123456789abcdeTWITTER lin_api_ os.path s.")
        << QByteArray("2@31 1@39 0@49 0@56");
    QTest::addRow("one-byte keyword") << L {"q"} << QByteArray("aQq") << QByteArray("0@1 0@2");
    QTest::addRow("two-byte keyword inside and at the very end")
        << L {"s."} << QByteArray("as.bS.") << QByteArray("0@1 0@4");
    QTest::addRow("two-byte keyword in a two-byte text") << L {"q~"} << QByteArray("Q~") << QByteArray("0@0");
    QTest::addRow("non-ASCII bytes around")
        << L {"token"} << QByteArray("\xc3\xa9token\xe2\x80\x94TOKEN\xff") << QByteArray("0@2 0@10");
    QTest::addRow("non-ASCII keyword compared byte for byte")
        << L {"\xc3\xa9t\xc3\xa9"} << QByteArray("\xc3\x89t\xc3\xa9 \xc3\xa9T\xc3\xa9") << QByteArray("0@6");
    QTest::addRow("NUL bytes in the text") << L {"key"} << QByteArray("\0key\0", 5) << QByteArray("0@1");
    QTest::addRow("duplicate keywords both reported")
        << L {"ab", "AB"} << QByteArray("ab") << QByteArray("0@0 1@0");
    QTest::addRow("no occurrence") << L {"secret"} << QByteArray("secre secrt ecret") << QByteArray();
    QTest::addRow("empty keyword list") << L {} << QByteArray("anything at all") << QByteArray();
    QTest::addRow("empty keyword never found") << L {"", "ab"} << QByteArray("ab") << QByteArray("1@0");
    QTest::addRow("empty text") << L {"ab"} << QByteArray() << QByteArray();
}

void TestKeywordFinder::hits()
{
    QFETCH(QList<QByteArray>, keywords);
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    const std::vector<std::string> list = toStrings(keywords);
    const KeywordFinder finder(list);
    const std::string_view view(text.constData(), std::size_t(text.size()));
    std::vector<KeywordFinder::Hit> hits = finder.find(view);
    std::sort(hits.begin(), hits.end(), byPlace);
    QCOMPARE(describe(hits), expected);
    QCOMPARE(finder.empty(), std::all_of(list.begin(), list.end(), [](const auto &k) { return k.empty(); }));
    std::vector<KeywordFinder::Hit> plain = plainSearch(list, view);
    std::sort(plain.begin(), plain.end(), byPlace);
    QCOMPARE(describe(hits), describe(plain));
}

void TestKeywordFinder::generatedTexts_data()
{
    QTest::addColumn<QList<QByteArray>>("keywords");
    QTest::addColumn<QByteArray>("alphabet"); // the texts' bytes besides the planted keywords
    QTest::addColumn<uint>("seed");

    using L = QList<QByteArray>;
    // Keywords of every length sharing bytes with each other, so that windows (with any byte around
    // the short ones) meet often; the texts hold the keywords' bytes in both cases.
    const L mixed {"s.", "sk", "q~", "sc_", "hf_", "a3t", "fm1", "akcp", "ltai", "token", "ghp_", "s.sk",
        "scale", "x", "~q", "tokens", "-----begin", "datadog", "stability", "zxqjz", "eaaa"};
    QTest::addRow("keyword bytes in both cases")
        << mixed << QByteArray("sSkK.q~Qc_hHfFaA3tTmM1lLiIoOnNeExX-dDgGbByYzZjJ") << 1u;
    QTest::addRow("ASCII letters, digits and punctuation")
        << mixed << QByteArray("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ._-~\n") << 2u;
    QTest::addRow("UTF-8 and bytes one bit from keyword bytes")
        << (mixed + L {"\xc3\xa9t", "\xe2\x80\x94s"})
        << QByteArray("\xc3\xa9\xe2\x80\x94\x7f\x0e\x53\x73\x7e\x5e\xff sS.") << 3u;
    QTest::addRow("two-byte keywords only") << L {"s.", "ab", "ba", "aa"} << QByteArray("abAB.sS") << 4u;
    QTest::addRow("three-byte keywords only") << L {"abc", "bca", "cab", "aaa"} << QByteArray("abcABC") << 5u;
    QTest::addRow("four- to six-byte keywords, windows anywhere in them")
        << L {"abcd", "bcda", "aaaa", "abcde", "zabcz", "zzzzzz", "azbzcz"} << QByteArray("abcdzABCDZ") << 7u;
    QTest::addRow("every byte value") << mixed << QByteArray() << 6u;
}

/// Texts of every length from 0 to 64 bytes (and some longer), from `alphabet` (every byte when
/// empty) with keywords planted at random places, the very start and the very end included, are
/// searched and compared with a plain search.
void TestKeywordFinder::generatedTexts()
{
    QFETCH(QList<QByteArray>, keywords);
    QFETCH(QByteArray, alphabet);
    QFETCH(uint, seed);
    const std::vector<std::string> list = toStrings(keywords);
    const KeywordFinder finder(list);
    std::mt19937 random(seed);
    const auto pick
        = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
    for (int round = 0; round < 1500; ++round) {
        const std::size_t length = round < 1300 ? std::size_t(round % 65) : 65 + pick(200);
        std::string text;
        while (text.size() < length) {
            if (pick(4) == 0) {
                std::string keyword = list[pick(list.size())];
                for (char &c : keyword)
                    c = pick(2) && c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
                text += keyword;
            } else {
                text += alphabet.isEmpty() ? char(pick(256))
                                           : alphabet[qsizetype(pick(std::size_t(alphabet.size())))];
            }
        }
        text.resize(length);
        if (length > 0 && round % 3 == 0) { // a keyword ending the text exactly
            const std::string &keyword = list[pick(list.size())];
            if (keyword.size() <= length)
                text.replace(length - keyword.size(), keyword.size(), keyword);
        }
        std::vector<KeywordFinder::Hit> hits = finder.find(text);
        std::vector<KeywordFinder::Hit> plain = plainSearch(list, text);
        std::sort(hits.begin(), hits.end(), byPlace);
        std::sort(plain.begin(), plain.end(), byPlace);
        if (hits != plain)
            QFAIL(qPrintable(
                QStringLiteral("text %1 (%2 bytes): %3 instead of %4")
                    .arg(QString::fromLatin1(QByteArray::fromStdString(text).toHex()))
                    .arg(length)
                    .arg(QString::fromLatin1(describe(hits)), QString::fromLatin1(describe(plain)))));
    }
}

QTEST_GUILESS_MAIN(TestKeywordFinder)
#include "tst_keywordfinder.moc"
