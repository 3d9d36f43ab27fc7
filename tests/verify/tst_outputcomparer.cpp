#include "analysis/secretmasking.h"
#include "verify/outputcomparer.h"

#include <QTest>

using namespace tassel;

Q_DECLARE_METATYPE(std::vector<tassel::Output>)

namespace {

Output stream(const std::string &name, const std::string &text)
{
    Output output;
    output.type = OutputType::Stream;
    output.streamName = name;
    output.text = text;
    return output;
}

MimeItem mime(const std::string &type, const std::string &data)
{
    MimeItem item;
    item.mimeType = type;
    item.data = data;
    return item;
}

Output result(const std::string &type, const std::string &data)
{
    Output output;
    output.type = OutputType::ExecuteResult;
    output.data.push_back(mime(type, data));
    return output;
}

Output error(const std::string &name, const std::string &value)
{
    Output output;
    output.type = OutputType::Error;
    output.editDetails().errorName = name;
    output.editDetails().errorValue = value;
    return output;
}

} // namespace

class TestOutputComparer : public QObject
{
    Q_OBJECT

private slots:
    void textsMatch_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("fresh");
        QTest::addColumn<bool>("match");
        QTest::addRow("identical") << "6.75\n"
                                   << "6.75\n"
                                   << true;
        QTest::addRow("memory address") << "<__main__.Box at 0x7fefc16116a0>"
                                        << "<__main__.Box at 0x7f0011223344>" << true;
        // IPython 7 and 9 print the same display object differently (corpus: nbformat, jupytext).
        QTest::addRow("display object repr across IPython versions")
            << "<IPython.core.display.Javascript at 0x7f3c2a1b4e10>"
            << "<IPython.core.display.JAVASCRIPT object>" << true;
        QTest::addRow("default repr with and without address")
            << "<IPython.core.display.Latex object>"
            << "<IPython.core.display.LATEX object at 0x7f3c2a1b4e10>" << true;
        QTest::addRow("default reprs of other classes differ")
            << "<IPython.core.display.Latex object>"
            << "<IPython.core.display.Markdown object>" << false;
        QTest::addRow("a repr that carries a value stays") << "<Figure size 640x480 with 1 Axes>"
                                                           << "<Figure size 800x480 with 1 Axes>" << false;
        QTest::addRow("trailing whitespace and CRLF") << "from the shell\r\n"
                                                      << "from the shell  \n\n"
                                                      << true;
        QTest::addRow("timing with unit") << "Wall time: 3.2 ms\n"
                                          << "Wall time: 15 \xC2\xB5s\n"
                                          << true;
        QTest::addRow("timeit line") << "1.2 ms \xC2\xB1 45.6 \xC2\xB5s per loop"
                                     << "0.98 ms \xC2\xB1 3 \xC2\xB5s per loop" << true;
        QTest::addRow("uuid") << "run 123e4567-e89b-12d3-a456-426614174000"
                              << "run 9a1b2c3d-0000-4000-8000-abcdefabcdef" << true;
        QTest::addRow("timestamp") << "started 2024-05-01 12:34:56.789012"
                                   << "started 2026-11-25 08:00:01.000001" << true;
        QTest::addRow("float within tolerance") << "loss 0.30000000000000004"
                                                << "loss 0.3" << true;
        QTest::addRow("float beyond tolerance") << "[0.6, 0.9]"
                                                << "[0.9]" << false;
        QTest::addRow("different float") << "mean 2.25"
                                         << "mean 2.26" << false;
        QTest::addRow("integers exact") << "count 1000000"
                                        << "count 1000001" << false;
        QTest::addRow("column alignment") << "a    1.5\nbb   2.5"
                                          << "a 1.5\nbb 2.5" << true;
        QTest::addRow("different words") << "hello"
                                         << "world" << false;
        QTest::addRow("ansi colours") << "\x1b[0;31mNameError\x1b[0m"
                                      << "NameError" << true;
        QTest::addRow("progress bar carriage return") << "10%\r50%\r100%\n"
                                                      << "100%\n"
                                                      << true;
        QTest::addRow("digits in identifiers are text") << "x1 = 2"
                                                        << "x2 = 2" << false;
        QTest::addRow("number that is not a time") << "3 samples"
                                                   << "4 samples" << false;
        // IPython writes the Greek mu (U+03BC), older versions and other tools the micro sign.
        QTest::addRow("timeit summary with other run and loop counts")
            << "10.3 ms \xC2\xB1 120 \xC2\xB5s per loop (mean \xC2\xB1 std. dev. of 7 runs, 100 loops each)\n"
            << "52.1 \xCE\xBCs \xC2\xB1 0 ns per loop (mean \xC2\xB1 std. dev. of 1 run, 1 loop each)\n"
            << true;
        QTest::addRow("timeit summary with thousands separator and +-")
            << "9.9 \xCE\xBCs +- 191 ns per loop (mean +- std. dev. of 7 runs, 100,000 loops each)"
            << "1min 3s \xC2\xB1 2.1 s per loop (mean \xC2\xB1 std. dev. of 2 runs, 1 loop each)" << true;
        QTest::addRow("timeit slowest-run warning dropped")
            << "The slowest run took 5.12 times longer than the fastest. This could mean that an "
               "intermediate "
               "result is being cached.\n"
               "3.1 \xC2\xB5s \xC2\xB1 2 \xC2\xB5s per loop (mean \xC2\xB1 std. dev. of 7 runs, 100000 loops "
               "each)\n"
            << "4 \xCE\xBCs \xC2\xB1 0 ns per loop (mean \xC2\xB1 std. dev. of 1 run, 1 loop each)\n"
            << true;
        QTest::addRow("pre-5.0 timeit line") << "100 loops, best of 3: 5.4 ms per loop"
                                             << "1 loop, best of 1: 12 ms per loop" << true;
        QTest::addRow("text around a timeit line still compared")
            << "start\n10 ms \xC2\xB1 1 ms per loop (mean \xC2\xB1 std. dev. of 7 runs, 10 loops "
               "each)\nresult 1"
            << "start\n9 ms \xC2\xB1 0 ns per loop (mean \xC2\xB1 std. dev. of 1 run, 1 loop each)\nresult 2"
            << false;
        QTest::addRow("timeit line is not any line") << "3 items per loop"
                                                     << "4 items per loop" << false;
        QTest::addRow("timeit output is not nothing")
            << "10 ms \xC2\xB1 1 ms per loop (mean \xC2\xB1 std. dev. of 7 runs, 10 loops each)\n"
            << "" << false;
    }
    void textsMatch()
    {
        QFETCH(QString, stored);
        QFETCH(QString, fresh);
        QFETCH(bool, match);
        QCOMPARE(OutputComparer::textsMatch(stored.toStdString(), fresh.toStdString(), {}), match);
    }

    void timeitNormalisesToOnePlaceholder()
    {
        QCOMPARE(OutputComparer::normalize(
                     "The slowest run took 4.50 times longer than the fastest. This could "
                     "mean that an intermediate result is being cached.\n"
                     "7.7 \xCE\xBCs \xC2\xB1 3 \xCE\xBCs per loop (mean \xC2\xB1 std. dev. of "
                     "7 runs, 100,000 loops each)\nafter\n"),
            std::string("<timeit>\nafter"));
    }

    void compare_data()
    {
        QTest::addColumn<std::vector<Output>>("stored");
        QTest::addColumn<std::vector<Output>>("fresh");
        QTest::addColumn<bool>("same");
        QTest::addColumn<int>("index");
        QTest::addRow("split stdout joins")
            << std::vector<Output> {stream("stdout", "a\n"), stream("stdout", "b\n")}
            << std::vector<Output> {stream("stdout", "a\nb\n")} << true << -1;
        QTest::addRow("stderr ignored") << std::vector<Output> {stream("stderr", "DeprecationWarning: old\n")}
                                        << std::vector<Output> {} << true << -1;
        QTest::addRow("missing output")
            << std::vector<Output> {stream("stdout", "x\n"), result("text/plain", "3")}
            << std::vector<Output> {stream("stdout", "x\n")} << false << 1;
        QTest::addRow("extra output")
            << std::vector<Output> {} << std::vector<Output> {result("text/plain", "3")} << false << 0;
        QTest::addRow("same error") << std::vector<Output> {error("ZeroDivisionError", "division by zero")}
                                    << std::vector<Output> {error("ZeroDivisionError", "division by zero")}
                                    << true << -1;
        QTest::addRow("new error") << std::vector<Output> {stream("stdout", "42\n")}
                                   << std::vector<Output> {error("NameError", "name 'total' is not defined")}
                                   << false << 0;
        QTest::addRow("html only when no text")
            << std::vector<Output> {result("text/html", "<b>1</b>")}
            << std::vector<Output> {result("text/html", "<b>2</b>")} << false << 0;
    }
    void compare()
    {
        QFETCH(std::vector<Output>, stored);
        QFETCH(std::vector<Output>, fresh);
        QFETCH(bool, same);
        QFETCH(int, index);
        const auto difference = OutputComparer::compare(
            OutputComparer::comparable(stored, {}), OutputComparer::comparable(fresh, {}), {});
        QCOMPARE(difference.same, same);
        if (!same) {
            QCOMPARE(difference.index, index);
            QVERIFY(!difference.reason.english().empty());
        }
    }

    void images_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<QString>("hash");
        QTest::addColumn<bool>("same");
        QTest::addRow("identical") << 400 << 300 << "f0f0f0f00f0f0f0f" << true;
        QTest::addRow("one pixel narrower, few bits") << 399 << 300 << "f0f0f0f00f0f0f0e" << true;
        // matplotlib-inline's dpi 72 -> 100: the same figure, scaled (416x272 -> 577x378 in a corpus
        // chapter).
        QTest::addRow("same figure at another resolution") << 577 << 433 << "f0f0f0f00f0f0f0f" << true;
        QTest::addRow("scaled, other picture") << 800 << 600 << "0f0f0f0ff0f0f0f0" << false;
        QTest::addRow("other aspect") << 800 << 300 << "f0f0f0f00f0f0f0f" << false;
        QTest::addRow("other height only") << 400 << 360 << "f0f0f0f00f0f0f0f" << false;
        QTest::addRow("other picture") << 400 << 300 << "0f0f0f0ff0f0f0f0" << false;
    }
    void images()
    {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(QString, hash);
        QFETCH(bool, same);
        Output figure;
        figure.type = OutputType::DisplayData;
        figure.data.push_back(mime("image/png", "iVBORw0KGgo="));
        const auto stored = OutputComparer::comparable({figure}, [](int, const MimeItem &) {
            return ImageSignature {400, 300, "f0f0f0f00f0f0f0f"};
        });
        const auto fresh = OutputComparer::comparable({figure}, [&](int, const MimeItem &) {
            return ImageSignature {width, height, hash.toStdString()};
        });
        QCOMPARE(stored.size(), std::size_t(1));
        QCOMPARE(int(stored.front().kind), int(ComparableOutput::Kind::Image));
        QCOMPARE(OutputComparer::compare(stored, fresh, {}).same, same);
    }

    void masking_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("hidden");
        // Assembled at run time so the repository holds no token-shaped literal.
        QTest::addRow("github token") << QStringLiteral("token gh") + QStringLiteral("p_abcdefghij")
                + QStringLiteral("klmnopqrstuvwxyz0123456789")
                                      << "klmnopqrstuvwxyz0123";
        QTest::addRow("aws key") << "AKIAIOSFODNN7EXAMPLE"
                                 << "IOSFODNN7EXAMPLE";
    }
    void masking()
    {
        QFETCH(QString, text);
        QFETCH(QString, hidden);
        const std::string masked = maskLikelyTokens(text.toStdString());
        QVERIFY2(masked.find(hidden.toStdString()) == std::string::npos, masked.c_str());
        QVERIFY(masked.find("chars)") != std::string::npos);
        QCOMPARE(maskLikelyTokens("name 'total' is not defined"), std::string("name 'total' is not defined"));
    }
};

QTEST_GUILESS_MAIN(TestOutputComparer)
#include "tst_outputcomparer.moc"
