// Time to first paint of the main window for the largest corpus notebook, the 137-cell chapter of
// issue 20 (rendered DataFrame tables; target < 300 ms) and a synthetic
// 100 MB, 2,000-cell notebook (images and long outputs; target < 1 s), plus the memory it costs.
// Each figure is the median of 5 rounds after a warm-up, with min and max; every round opens
// the notebook in a new window. Prints figures; not a test.
// A third notebook has one cell with 1,000,000 short stream outputs (issue 19: the view must open
// it in under 2 s and 500 MB); `bench_gui --outputs N` measures only such a notebook.
// Run offscreen: QT_QPA_PLATFORM=offscreen bench_gui [NOTEBOOK...|--outputs N]. A notebook that cannot
// be opened is reported on stderr with its file name, and the exit status is then 1.
#include "notebook/notebookview.h"
#include "shell/mainwindow.h"

#include <QApplication>
#include <QBuffer>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <optional>
#include <vector>

using namespace tassel::ui;

namespace {

/// A field of /proc/self/status in KiB: VmRSS (resident now) or VmHWM (peak resident).
long statusKiB(const std::string &field = "VmRSS:")
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(field, 0) == 0)
            return std::stol(line.substr(field.size()));
    }
    return -1;
}

long residentKiB()
{
    return statusKiB();
}

/// Paints are counted by an event filter on the viewport.
class PaintWatcher : public QObject
{
public:
    bool painted = false;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return false;
    }
};

QString largestCorpusNotebook()
{
    QString largest;
    qint64 size = -1;
    QDirIterator it(QStringLiteral(TASSEL_CORPUS_DIR), {QStringLiteral("*.ipynb")}, QDir::Files,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info = it.nextFileInfo();
        if (info.size() > size) {
            size = info.size();
            largest = info.filePath();
        }
    }
    return largest;
}

/// 2,000 code cells; every tenth shows a noise PNG (~0.4 MB of base64), every cell a 10 kB output.
QString writeSyntheticNotebook(const QString &folder)
{
    QImage image(360, 280, QImage::Format_RGB32);
    auto *random = QRandomGenerator::global();
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, random->generate());
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    const std::string base64 = png.toBase64().toStdString();

    nlohmann::json cells = nlohmann::json::array();
    std::string text;
    for (int line = 0; line < 200; ++line)
        text += "epoch " + std::to_string(line) + " loss 0.123456 accuracy 0.987654 lr 0.001 batch 64\n";
    for (int i = 0; i < 2000; ++i) {
        nlohmann::json outputs = nlohmann::json::array();
        outputs.push_back({{"output_type", "stream"}, {"name", "stdout"}, {"text", text}});
        if (i % 10 == 0)
            outputs.push_back({{"output_type", "display_data"}, {"metadata", nlohmann::json::object()},
                {"data", {{"image/png", base64}, {"text/plain", "<Figure>"}}}});
        cells.push_back({{"cell_type", "code"}, {"execution_count", i + 1},
            {"id", "cell-" + std::to_string(i)}, {"metadata", nlohmann::json::object()}, {"outputs", outputs},
            {"source",
                "x" + std::to_string(i) + " = train(model, data, epochs=" + std::to_string(i % 7)
                    + ")\nplot(x" + std::to_string(i) + ")"}});
    }
    const nlohmann::json notebook = {{"cells", cells},
        {"metadata", {{"language_info", {{"name", "python"}}}}}, {"nbformat", 4}, {"nbformat_minor", 5}};
    const QString path = folder + QStringLiteral("/synthetic-100mb.ipynb");
    std::ofstream(path.toStdString()) << notebook.dump();
    return path;
}

/// One code cell with `count` one-line stream outputs, as a loop of print() with flushes leaves
/// them. Written as text, so building it does not raise the process's peak RSS.
QString writeManyOutputsNotebook(const QString &folder, int count)
{
    const QString path = folder + QStringLiteral("/outputs-%1.ipynb").arg(count);
    std::ofstream file(path.toStdString());
    file << R"j({"cells": [{"cell_type": "code", "execution_count": 1, "id": "many-outputs",)j"
         << R"j( "metadata": {},)j"
         << R"j( "source": "for step in range()j" << count
         << R"j():\n    print('step', step, flush=True)", "outputs": [)j";
    for (int i = 0; i < count; ++i)
        file << (i ? "," : "") << R"j({"output_type": "stream", "name": ")j"
             << (i % 100 == 99 ? "stderr" : "stdout") << R"j(", "text": "step )j" << i << R"j(\n"})j";
    file << R"j(]}], "metadata": {"language_info": {"name": "python"}},)j"
         << R"j( "nbformat": 4, "nbformat_minor": 5})j";
    return path;
}

struct Round
{
    double load = 0;
    double firstPaint = 0;
    double settled = 0;
    double memoryMiB = 0;
    // CPU time of the GUI thread (ms), which loads and paints: what the wall times would be on
    // a quiet machine, since the analysis runs on other threads.
    double loadCpu = 0;
    double firstPaintCpu = 0;
    double residentBefore = 0; ///< MiB, with the window shown and no notebook
    // Peak resident set of the process (VmHWM) once each phase is over, in MiB.
    double peakLoaded = 0;
    double peakPainted = 0;
    double peakSettled = 0;
};

double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

double peakMiB()
{
    return double(statusKiB("VmHWM:")) / 1024;
}

std::optional<Round> measure(const QString &path)
{
    MainWindow window;
    window.setAskBeforeReload(false);
    window.resize(1280, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        std::cerr << "bench_gui: the window was not exposed\n";
        return std::nullopt;
    }
    PaintWatcher watcher;
    window.notebookView()->viewport()->installEventFilter(&watcher);
    const long before = residentKiB();
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = threadCpuMs();
    // A notebook that does not load (missing, unreadable, not JSON) makes the window show a modal
    // warning that would wait for a click forever: close it, so the error is reported instead.
    QTimer::singleShot(0, &window, [] {
        if (QWidget *dialog = QApplication::activeModalWidget())
            dialog->close();
    });
    if (!window.openFile(path)) {
        std::cerr << "bench_gui: " << window.lastError().toStdString() << '\n';
        return std::nullopt;
    }
    const qint64 loaded = timer.elapsed();
    const double loadCpu = threadCpuMs() - cpuStart;
    const double peakLoaded = peakMiB();
    watcher.painted = false;
    while (!watcher.painted && timer.elapsed() < 60000)
        QApplication::processEvents(QEventLoop::AllEvents, 10);
    QApplication::processEvents();
    const qint64 firstPaint = timer.elapsed();
    const double firstPaintCpu = threadCpuMs() - cpuStart;
    const double peakPainted = peakMiB();
    while (window.isBusy() && timer.elapsed() < 120000)
        QApplication::processEvents(QEventLoop::AllEvents, 10);
    const qint64 settled = timer.elapsed();
    return Round {double(loaded), double(firstPaint), double(settled), double(residentKiB() - before) / 1024,
        loadCpu, firstPaintCpu, double(before) / 1024, peakLoaded, peakPainted, peakMiB()};
}

/// "median ms (min–max)" of one figure over the rounds.
std::string spread(std::vector<Round> rounds, double Round::*figure)
{
    std::sort(
        rounds.begin(), rounds.end(), [&](const Round &a, const Round &b) { return a.*figure < b.*figure; });
    char text[96];
    std::snprintf(text, sizeof text, "%.0f ms (%.0f–%.0f)", rounds[rounds.size() / 2].*figure,
        rounds.front().*figure, rounds.back().*figure);
    return text;
}

/// False when the notebook cannot be opened (the error is on stderr).
bool report(const QString &path, int rounds)
{
    // The first round in the process is the cold one a user meets (fresh memory to fault in,
    // fonts, syntax definitions); later rounds reuse what the previous window freed.
    const std::optional<Round> cold = measure(path);
    if (!cold)
        return false;
    std::cout << QFileInfo(path).fileName().toStdString() << ": first round in the process: load "
              << cold->load << " ms, first paint " << cold->firstPaint << " ms, analysis and graph done "
              << cold->settled << " ms, memory +" << int(cold->memoryMiB) << " MiB; resident before "
              << int(cold->residentBefore) << " MiB, peak RSS of the process after loading "
              << int(cold->peakLoaded) << " MiB, after the first paint " << int(cold->peakPainted)
              << " MiB, after the analysis " << int(cold->peakSettled) << " MiB; GUI thread CPU: load "
              << int(cold->loadCpu) << " ms, first paint " << int(cold->firstPaintCpu) << " ms\n";
    std::vector<Round> figures;
    for (int round = 0; round < rounds; ++round) {
        if (auto figure = measure(path))
            figures.push_back(*figure);
    }
    if (figures.empty())
        return false;
    double memory = 0;
    for (const Round &round : figures)
        memory = std::max(memory, round.memoryMiB);
    std::cout << QFileInfo(path).fileName().toStdString() << ": " << QFileInfo(path).size() / 1e6
              << " MB; median (min–max) of the " << figures.size() << " rounds after it: load "
              << spread(figures, &Round::load) << ", first paint " << spread(figures, &Round::firstPaint)
              << ", analysis and graph done " << spread(figures, &Round::settled) << "; GUI thread CPU: load "
              << spread(figures, &Round::loadCpu) << ", first paint "
              << spread(figures, &Round::firstPaintCpu) << "; memory up to +" << int(memory) << " MiB\n";
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TasselBench"));
    QStringList paths = app.arguments().mid(1);
    QTemporaryDir folder;
    if (paths.size() == 2 && paths.front() == QStringLiteral("--outputs")) {
        // Alone in the process, so the peak RSS is this notebook's.
        return report(writeManyOutputsNotebook(folder.path(), paths.back().toInt()), 2) ? 0 : 1;
    }
    if (paths.isEmpty()) {
        if (const QString corpus = largestCorpusNotebook(); !corpus.isEmpty())
            paths << corpus;
        else
            std::cout << "no corpus notebook in " << TASSEL_CORPUS_DIR << ": skipped\n";
        // Issue 20's 137-cell chapter: DataFrame outputs drawn as HTML tables (target < 300 ms).
        const QString chapter
            = QStringLiteral(TASSEL_CORPUS_DIR "/ageron__handson-ml3/04_training_linear_models.ipynb");
        if (QFileInfo::exists(chapter))
            paths << chapter;
        paths << writeSyntheticNotebook(folder.path());
    }
    bool ok = true;
    for (const QString &path : paths)
        ok = report(path, 5) && ok;
    if (app.arguments().size() == 1)
        ok = report(writeManyOutputsNotebook(folder.path(), 1000000), 2) && ok;
    return ok ? 0 : 1;
}
