// Settings → Theme: System, Light and Dark set the style and palette at once, persist in
// QSettings, and everything drawn by hand follows the palette: the delegate's code cells, the
// graph's nodes, the timeline, and a screenshot of the whole window is mostly dark in Dark mode.
#include "analysis/dependencygraphview.h"
#include "analysis/findingspanel.h"
#include "notebook/executiontimeline.h"
#include "notebook/notebookmodel.h"
#include "notebook/notebookview.h"
#include "shell/mainwindow.h"
#include "shell/theme.h"

#include <KSyntaxHighlighting/Theme>

#include <QAction>
#include <QApplication>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QLabel>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

using namespace tassel;
using namespace tassel::ui;

namespace {
const QString kExample = QStringLiteral(TASSEL_SOURCE_DIR "/resources/examples/penguins.ipynb");

/// Mean relative luminance (0 black … 1 white) of an image, every fourth pixel each way.
double meanLuminance(const QImage &image)
{
    double sum = 0;
    int count = 0;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4) {
            const QColor c = image.pixelColor(x, y);
            sum += (0.2126 * c.red() + 0.7152 * c.green() + 0.0722 * c.blue()) / 255.0;
            ++count;
        }
    }
    return count ? sum / count : -1;
}

/// The window with the example loaded, analysed and its graph laid out.
bool openExample(MainWindow &window)
{
    window.resize(1280, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window) || !window.openFile(kExample))
        return false;
    QElapsedTimer waited;
    waited.start();
    while (window.isBusy() && waited.elapsed() < 30000)
        QTest::qWait(50);
    QTest::qWait(50);
    return !window.isBusy();
}

/// The lightness of the graph's node fills (0 when there is no node).
QList<int> nodeLightness(const DependencyGraphView *graph)
{
    QList<int> lightness;
    for (const QGraphicsItem *item : graph->scene()->items()) {
        if (const auto *node = qgraphicsitem_cast<const QGraphicsPathItem *>(item);
            node && node->data(0).isValid() && node->brush().style() != Qt::NoBrush)
            lightness.append(node->brush().color().lightness());
    }
    return lightness;
}

/// The first code cell's row in the view, its rectangle shown.
QImage firstCodeCell(NotebookView *view)
{
    const Notebook &notebook = view->notebookModel()->notebook();
    for (std::size_t i = 0; i < notebook.cells.size(); ++i) {
        if (notebook.cells[i].type != CellType::Code || !notebook.cells[i].outputs.empty())
            continue;
        const QModelIndex index = view->model()->index(int(i), 0);
        view->scrollTo(index, QAbstractItemView::PositionAtTop);
        QApplication::processEvents();
        const QRect rect = view->visualRect(index).intersected(view->viewport()->rect());
        return view->viewport()->grab(rect).toImage();
    }
    return {};
}
} // namespace

class TestTheme : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup() { Theme::apply(Theme::Mode::System); }
    void followsPalette_data();
    void followsPalette();
    void persists_data();
    void persists();
    void menuAppliesAtOnce();
    void statusLineFollowsTheme_data();
    void statusLineFollowsTheme();
    void screenshotOptions_data();
    void screenshotOptions();

private:
    QString m_platformStyle;
};

void TestTheme::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_platformStyle = QApplication::style()->name();
}

void TestTheme::followsPalette_data()
{
    QTest::addColumn<Theme::Mode>("mode");
    QTest::addColumn<bool>("dark");
    // The offscreen platform's own palette is light.
    QTest::addRow("system") << Theme::Mode::System << false;
    QTest::addRow("light") << Theme::Mode::Light << false;
    QTest::addRow("dark") << Theme::Mode::Dark << true;
}

void TestTheme::followsPalette()
{
    QFETCH(Theme::Mode, mode);
    QFETCH(bool, dark);
    Theme::apply(mode);
    QCOMPARE(Theme::current(), mode);
    QCOMPARE(Theme::isDark(QApplication::palette()), dark);
    QCOMPARE(QApplication::style()->name().toLower(),
        mode == Theme::Mode::System ? m_platformStyle.toLower() : QStringLiteral("fusion"));
    const QColor syntaxBackground = QColor::fromRgba(
        Theme::syntaxTheme(QApplication::palette()).editorColor(KSyntaxHighlighting::Theme::BackgroundColor));
    QCOMPARE(syntaxBackground.lightness() < 128, dark);

    MainWindow window;
    QVERIFY(openExample(window));
    // The delegate paints a code cell on the syntax theme's background, under its text.
    const QImage cell = firstCodeCell(window.notebookView());
    QVERIFY(!cell.isNull());
    const double cellLuminance = meanLuminance(cell);
    QVERIFY2(dark ? cellLuminance < 0.3 : cellLuminance > 0.7, qPrintable(QString::number(cellLuminance)));
    // The graph's pastel fills are toned down on a dark background, never left glaring.
    const QList<int> nodes = nodeLightness(window.graphView());
    QVERIFY(!nodes.isEmpty());
    for (const int lightness : nodes)
        QVERIFY2(dark ? lightness < 128 : lightness > 180, qPrintable(QString::number(lightness)));
    const double timeline = meanLuminance(window.timeline()->grab().toImage());
    QVERIFY2(dark ? timeline < 0.3 : timeline > 0.7, qPrintable(QString::number(timeline)));
    // The screenshot a reader sees.
    const double shot = meanLuminance(window.grab().toImage());
    QVERIFY2(dark ? shot < 0.3 : shot > 0.6, qPrintable(QString::number(shot)));
}

void TestTheme::persists_data()
{
    QTest::addColumn<Theme::Mode>("mode");
    QTest::addColumn<QString>("stored");
    QTest::addRow("system") << Theme::Mode::System << QString();
    QTest::addRow("light") << Theme::Mode::Light << QStringLiteral("light");
    QTest::addRow("dark") << Theme::Mode::Dark << QStringLiteral("dark");
}

void TestTheme::persists()
{
    QFETCH(Theme::Mode, mode);
    QFETCH(QString, stored);
    Theme::setConfigured(Theme::Mode::Dark);
    Theme::setConfigured(mode);
    QCOMPARE(Theme::configured(), mode);
    QCOMPARE(QSettings().value(QStringLiteral("theme")).toString(), stored);
    QCOMPARE(Theme::fromName(Theme::name(mode)), std::optional(mode));
}

void TestTheme::menuAppliesAtOnce()
{
    MainWindow window;
    QVERIFY(openExample(window));
    QVERIFY(!Theme::isDark(QApplication::palette()));
    QAction *dark = window.findChild<QAction *>(QStringLiteral("theme_dark"));
    QVERIFY(dark);
    dark->trigger();
    QVERIFY(Theme::isDark(QApplication::palette()));
    QCOMPARE(Theme::configured(), Theme::Mode::Dark);
    QApplication::processEvents();
    // The graph drew its nodes again in the new palette.
    const QList<int> nodes = nodeLightness(window.graphView());
    QVERIFY(!nodes.isEmpty());
    for (const int lightness : nodes)
        QVERIFY2(lightness < 128, qPrintable(QString::number(lightness)));
    window.findChild<QAction *>(QStringLiteral("theme_system"))->trigger();
    QVERIFY(!Theme::isDark(QApplication::palette()));
    QCOMPARE(Theme::configured(), Theme::Mode::System);
}

void TestTheme::statusLineFollowsTheme_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addRow("light to dark") << QStringLiteral("light") << QStringLiteral("dark");
    QTest::addRow("dark to light") << QStringLiteral("dark") << QStringLiteral("light");
    QTest::addRow("dark to system") << QStringLiteral("dark") << QStringLiteral("system");
}

/// The overall status line's colour is a style sheet made for one palette: a theme switch from
/// the menu colours it again at once.
void TestTheme::statusLineFollowsTheme()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    MainWindow window;
    window.findChild<QAction *>(QStringLiteral("theme_") + from)->trigger();
    QVERIFY(openExample(window));
    auto *status = window.findingsPanel()->findChild<QLabel *>(QStringLiteral("status"));
    QVERIFY(status);
    QVERIFY(!status->text().isEmpty());
    const VerdictStatus verdict = window.notebookView()->notebookModel()->analysis().verdict.status;
    // As #rrggbb: the style sheet's colour and Theme's may differ in spec only.
    const auto shown = [status] {
        status->ensurePolished();
        return status->palette().color(QPalette::WindowText).name();
    };
    const QString before = shown();
    QCOMPARE(before, Theme::statusColor(verdict, QApplication::palette()).name());
    window.findChild<QAction *>(QStringLiteral("theme_") + to)->trigger();
    QApplication::processEvents();
    QCOMPARE(shown(), Theme::statusColor(verdict, QApplication::palette()).name());
    QVERIFY(shown() != before);
}

void TestTheme::screenshotOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("dark");
    const QString chapter
        = QStringLiteral(TASSEL_TEST_DATA_DIR "/corpus/ageron__handson-ml3/04_training_linear_models.ipynb");
    const QString folder = QStringLiteral(TASSEL_TEST_DATA_DIR "/analysis");
    const auto with = [](std::initializer_list<const char *> words) {
        QStringList list;
        for (const char *word : words)
            list << QString::fromLatin1(word);
        return list;
    };
    QTest::addRow("window, old form") << QStringList {kExample} << 0 << false;
    QTest::addRow("window, dark, German")
        << with({"--theme", "dark", "--language", "de"}) + QStringList {kExample} << 0 << true;
    QTest::addRow("graph, dark, focused on a cell")
        << with({"--screenshot-part", "graph", "--theme", "dark", "--cell", "17"}) + QStringList {chapter}
        << 0 << true;
    QTest::addRow("wizard's last page, light")
        << with({"--screenshot-part", "wizard-last", "--theme", "light"}) + QStringList {kExample} << 0
        << false;
    QTest::addRow("folder, dark") << with({"--screenshot-part", "folder", "--theme", "dark"})
            + QStringList {folder} << 0
                                  << true;
    QTest::addRow("unknown part") << with({"--screenshot-part", "toolbar"}) + QStringList {kExample} << 2
                                  << false;
    QTest::addRow("unknown theme") << with({"--theme", "sepia"}) + QStringList {kExample} << 2 << false;
    QTest::addRow("folder part without a folder")
        << with({"--screenshot-part", "folder"}) + QStringList {kExample} << 2 << false;
}

void TestTheme::screenshotOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(bool, dark);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString png = folder.filePath(QStringLiteral("shot.png"));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), folder.path());
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TASSEL_BINARY),
        QStringList {QStringLiteral("gui"), QStringLiteral("--screenshot"), png} + arguments);
    QVERIFY(process.waitForFinished(120000));
    QVERIFY2(process.exitCode() == exitCode, process.readAllStandardError().constData());
    if (exitCode != 0) {
        QVERIFY(!QFile::exists(png));
        return;
    }
    const QImage image(png);
    QVERIFY(!image.isNull());
    const double luminance = meanLuminance(image);
    QVERIFY2(dark ? luminance < 0.3 : luminance > 0.6, qPrintable(QString::number(luminance)));
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
