// The allowlist between a stranger's HTML and the document the GUI shows: every dangerous
// construct is dropped, every allowed one kept.
#include "notebook/htmlsanitizer.h"

#include <QTest>

using namespace tassel::ui;

class TestHtmlSanitizer : public QObject
{
    Q_OBJECT
private slots:
    void dangerousIsDropped_data();
    void dangerousIsDropped();
    void allowedIsKept_data();
    void allowedIsKept();
    void imagesAreListedNotLoaded();
    void tableRowsAreCapped();
    void tagsAreBalanced();
};

void TestHtmlSanitizer::dangerousIsDropped_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("dropped"); // must not occur (case-insensitive)
    QTest::addColumn<QString>("kept"); // the harmless text around it stays
    // Assembled so no scanner mistakes the fixtures for live markup in the source.
    const QString js = QStringLiteral("java") + QStringLiteral("script:");
    QTest::addRow("script element") << QStringLiteral("<p>a</p><script>alert(1)</script>b") << "alert"
                                    << "b";
    QTest::addRow("script in capitals with attributes")
        << QStringLiteral("<SCRIPT type=\"text/javascript\">evil()</SCRIPT>b") << "evil"
        << "b";
    QTest::addRow("img onerror") << QStringLiteral("<img src=x onerror=alert(2)>b") << "onerror"
                                 << "b";
    QTest::addRow("event attribute on a div") << QStringLiteral("<div onclick=\"steal()\">d</div>") << "steal"
                                              << "d";
    QTest::addRow("javascript link") << QStringLiteral("<a href=\"%1alert(1)\">click</a>").arg(js) << "alert"
                                     << "click";
    QTest::addRow("javascript link, entity-encoded")
        << QStringLiteral("<a href=\"jav&#x61;script&colon;alert(1)\">click</a>") << "alert"
        << "click";
    QTest::addRow("javascript link, split by a tab")
        << QStringLiteral("<a href=\"java\tscript:alert(1)\">click</a>") << "alert"
        << "click";
    QTest::addRow("data: link") << QStringLiteral("<a href=\"data:text/html,<b>x</b>\">click</a>") << "data:"
                                << "click";
    QTest::addRow("style attribute with url()") << QStringLiteral(
        "<span style=\"background-image: url(https://evil.example/x.png); color: red\">t</span>")
                                                << "evil"
                                                << "color: red";
    QTest::addRow("style attribute with escaped url")
        << QStringLiteral("<span style=\"background: \\75rl(https://evil.example/x.png)\">t</span>") << "evil"
        << "t";
    QTest::addRow("css expression") << QStringLiteral("<p style=\"width: expression(alert(1))\">p</p>")
                                    << "alert"
                                    << "p";
    QTest::addRow("style element") << QStringLiteral(
        "<style>body{background:url(https://evil.example/)}</style>ok")
                                   << "evil"
                                   << "ok";
    QTest::addRow("stylesheet link") << QStringLiteral(
        "<link rel=\"stylesheet\" href=\"https://evil.example/s.css\">ok")
                                     << "evil"
                                     << "ok";
    QTest::addRow("iframe") << QStringLiteral("<iframe src=\"https://evil.example\">inner</iframe>ok")
                            << "evil"
                            << "ok";
    QTest::addRow("form with inputs") << QStringLiteral(
        "<form action=\"https://evil.example\"><input name=q><button>Go</button></form>after")
                                      << "evil"
                                      << "after";
    QTest::addRow("object and embed")
        << QStringLiteral("<object data=\"x.swf\"></object><embed src=\"y.swf\">ok") << "swf"
        << "ok";
    QTest::addRow("meta refresh") << QStringLiteral(
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">ok")
                                  << "evil"
                                  << "ok";
    QTest::addRow("svg with script") << QStringLiteral("<svg><script>alert(1)</script></svg>ok") << "alert"
                                     << "ok";
    QTest::addRow("remote img, alt kept")
        << QStringLiteral("<img src=\"https://evil.example/pixel.png\" alt=\"Open In Colab\">") << "evil"
        << "Open In Colab";
    QTest::addRow("protocol-relative img") << QStringLiteral("<img src=\"//evil.example/p.png\">ok") << "evil"
                                           << "ok";
    QTest::addRow("file: img") << QStringLiteral("<img src=\"file:///etc/passwd\">ok") << "passwd"
                               << "ok";
    QTest::addRow("img climbing out of the folder")
        << QStringLiteral("<img src=\"../secret.png\">ok") << "secret"
        << "ok";
    QTest::addRow("absolute img path") << QStringLiteral("<img src=\"/etc/secret.png\">ok") << "secret"
                                       << "ok";
    QTest::addRow("svg data img") << QStringLiteral("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">ok")
                                  << "svg"
                                  << "ok";
    QTest::addRow("background attribute")
        << QStringLiteral("<table background=\"https://evil.example/bg.png\"><tr><td>c</td></tr></table>")
        << "evil"
        << "c</td>";
    QTest::addRow("unterminated tag") << QStringLiteral("ok<img src=\"x\" onerror=\"alert(1)") << "alert"
                                      << "ok";
    QTest::addRow("script inside a comment")
        << QStringLiteral("<!-- <script>alert(1)</script> -->ok") << "alert"
        << "ok";
    QTest::addRow("stray angle brackets stay text") << QStringLiteral("1 < 2 > 0") << "< 2"
                                                    << "&lt; 2 &gt; 0";
}

void TestHtmlSanitizer::dangerousIsDropped()
{
    QFETCH(QString, html);
    QFETCH(QString, dropped);
    QFETCH(QString, kept);
    const QString safe = HtmlSanitizer::sanitize(html).html;
    QVERIFY2(!safe.contains(dropped, Qt::CaseInsensitive), qPrintable(safe));
    QVERIFY2(safe.contains(kept), qPrintable(safe));
}

void TestHtmlSanitizer::allowedIsKept_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("kept");
    QTest::addRow("table with a colspan")
        << QStringLiteral("<table><tr><th>h</th><td colspan=\"2\">d</td></tr></table>")
        << "<td colspan=\"2\">d</td>";
    QTest::addRow("heading with id") << QStringLiteral("<h2 id=\"intro\">T</h2>")
                                     << "<h2 id=\"intro\">T</h2>";
    QTest::addRow("list") << QStringLiteral("<ul><li>a</li></ul>") << "<ul><li>a</li></ul>";
    QTest::addRow("ordered list start")
        << QStringLiteral("<ol start=\"3\"><li>a</li></ol>") << "<ol start=\"3\">";
    for (const char *tag :
        {"b", "i", "em", "strong", "code", "pre", "span", "div", "sub", "sup", "blockquote"}) {
        const QString element = QStringLiteral("<%1>x</%1>").arg(QLatin1String(tag));
        QTest::addRow("%s", tag) << element << element;
    }
    QTest::addRow("br") << QStringLiteral("a<br/>b") << "a<br>b";
    QTest::addRow("hr") << QStringLiteral("a<hr>b") << "a<hr>b";
    QTest::addRow("coloured span") << QStringLiteral("<span style=\"color: #ff0000\">r</span>")
                                   << "<span style=\"color: #ff0000\">r</span>";
    QTest::addRow("https link") << QStringLiteral(
        "<a href=\"https://example.org/a?b=1&amp;c=2\" target=\"_blank\">x</a>")
                                << "<a href=\"https://example.org/a?b=1&amp;c=2\">x</a>";
    QTest::addRow("mailto link") << QStringLiteral("<a href=\"mailto:a@example.org\">m</a>")
                                 << "href=\"mailto:a@example.org\"";
    QTest::addRow("in-notebook anchor")
        << QStringLiteral("<a href=\"#Modeling-with-Linear-Regression\">m</a>")
        << "href=\"#Modeling-with-Linear-Regression\"";
    QTest::addRow("named anchor") << QStringLiteral("<a name=\"top\"></a>") << "<a name=\"top\"></a>";
    QTest::addRow("png data img") << QStringLiteral("<img src=\"data:image/png;base64,iVBORw0K\" alt=\"p\">")
                                  << "<img src=\"tassel-image:0\" alt=\"p\">";
    QTest::addRow("attachment img") << QStringLiteral("<img src=\"attachment:plot.png\">")
                                    << "<img src=\"tassel-image:0\">";
    QTest::addRow("img beside the notebook") << QStringLiteral("<img src=\"images/plot.png\" width=\"200\">")
                                             << "<img src=\"tassel-image:0\" width=\"200\">";
    QTest::addRow("Jupyter alert") << QStringLiteral("<div class=\"alert alert-block alert-info\">tip</div>")
                                   << "background-color: #d9edf7; color: #31708f\">tip</td></tr></table>";
    QTest::addRow("center") << QStringLiteral("<center>c</center>") << "<div align=\"center\">c</div>";
    QTest::addRow("LaTeX span keeps its source")
        << QStringLiteral("<x-equation>\\theta_0 x_1</x-equation>") << "$\\theta_0 x_1$</span>";
    QTest::addRow("display LaTeX") << QStringLiteral("<x-equation type=\"display\">a_1</x-equation>")
                                   << "$$a_1$$";
    QTest::addRow("task list checkbox")
        << QStringLiteral("<li class=\"task-list-item\"><input type=\"checkbox\" disabled checked>done</li>")
        << QStringLiteral("☑ done");
    QTest::addRow("entities in text stay") << QStringLiteral("a &amp; b &lt;c&gt;") << "a &amp; b &lt;c&gt;";
}

void TestHtmlSanitizer::allowedIsKept()
{
    QFETCH(QString, html);
    QFETCH(QString, kept);
    const QString safe = HtmlSanitizer::sanitize(html).html;
    QVERIFY2(safe.contains(kept), qPrintable(safe));
}

void TestHtmlSanitizer::imagesAreListedNotLoaded()
{
    const auto result = HtmlSanitizer::sanitize(
        QStringLiteral("<img src=\"attachment:a.png\"><img src=\"https://evil.example/b.png\"><img "
                       "src=\"data:image/gif;base64,R0lG\">"));
    QCOMPARE(result.images,
        (QStringList {QStringLiteral("attachment:a.png"), QStringLiteral("data:image/gif;base64,R0lG")}));
    QVERIFY(result.html.contains(QLatin1String("tassel-image:1")));
    QVERIFY(!result.html.contains(QLatin1String("tassel-image:2")));
}

void TestHtmlSanitizer::tableRowsAreCapped()
{
    QString html = QStringLiteral("<table><thead><tr><th>n</th></tr></thead><tbody>");
    for (int i = 0; i < 5; ++i)
        html += QStringLiteral("<tr><td>row %1</td></tr>").arg(i);
    html += QStringLiteral("</tbody></table><p>after</p>");
    HtmlSanitizer::Options options;
    options.maxTableRows = 2;
    const auto result = HtmlSanitizer::sanitize(html, options);
    QCOMPARE(result.droppedRows, 3);
    QCOMPARE(result.html.count(QLatin1String("<tr")), 3);
    QVERIFY(result.html.contains(QLatin1String("row 1")));
    QVERIFY(!result.html.contains(QLatin1String("row 2")));
    QVERIFY2(result.html.contains(QLatin1String("3 more rows")), qPrintable(result.html));
    QVERIFY(result.html.endsWith(QLatin1String("<p>after</p>")));
}

void TestHtmlSanitizer::tagsAreBalanced()
{
    QCOMPARE(HtmlSanitizer::sanitize(QStringLiteral("<b>bold <i>both</b> after")).html,
        QStringLiteral("<b>bold <i>both</i></b> after"));
    QCOMPARE(HtmlSanitizer::sanitize(QStringLiteral("</div>x<table><tr><td>open")).html,
        QStringLiteral("x<table cellpadding=\"4\" cellspacing=\"0\"><tr><td>open</td></tr></table>"));
}

QTEST_GUILESS_MAIN(TestHtmlSanitizer)
#include "tst_htmlsanitizer.moc"
