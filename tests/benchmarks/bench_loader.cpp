// Prints load time and peak memory of NotebookLoader for the largest corpus notebook and for a
// synthetic ~100 MB notebook (many cells, many images) generated in a temporary directory, and
// times Python's json.load on the same files for comparison when python3 is available.
// Targets for the 100 MB notebook: under 0.5 s and under 2x the file size in memory.
#include "notebook/jsonreader.h"
#include "notebook/notebookloader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace tassel;

namespace {

double megabytes(double bytes)
{
    return bytes / (1024.0 * 1024.0);
}

/// Peak resident set size of this process so far, in bytes.
long peakRss()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss * 1024L;
}

/// CPU time (user + system) of this process so far, in seconds: less sensitive than wall time
/// to the other jobs on a shared machine.
double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// Current resident set size, in bytes.
long currentRss()
{
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * 4096L;
}

std::string largestCorpusNotebook()
{
    QFile manifest(QStringLiteral(TASSEL_CORPUS_DIR "/MANIFEST.tsv"));
    if (!manifest.open(QIODevice::ReadOnly))
        return {};
    QString best;
    qint64 bestBytes = -1;
    manifest.readLine(); // header
    while (!manifest.atEnd()) {
        const QStringList fields = QString::fromUtf8(manifest.readLine()).trimmed().split(QLatin1Char('\t'));
        if (fields.size() >= 6 && fields[5].toLongLong() > bestBytes) {
            bestBytes = fields[5].toLongLong();
            best = fields[0];
        }
    }
    return (QStringLiteral(TASSEL_CORPUS_DIR "/") + best).toStdString();
}

/// Writes a notebook of about `targetBytes` in Jupyter's layout, streaming, so that making it
/// does not raise this process's peak memory.
void writeSyntheticNotebook(const std::string &path, std::size_t targetBytes)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::mt19937 random(42);
    std::ofstream out(path, std::ios::binary);
    out << "{\n \"cells\": [\n";
    std::size_t written = 0;
    std::string image;
    for (int cell = 0; written < targetBytes; ++cell) {
        if (cell > 0)
            out << ",\n";
        // A markdown cell, then a code cell with a stream output and a 150-250 KB PNG.
        std::string block = "  {\n   \"cell_type\": \"markdown\",\n   \"id\": \"md-" + std::to_string(cell)
            + "\",\n   \"metadata\": {},\n   \"source\": [\n    \"## Step " + std::to_string(cell)
            + "\\n\",\n    \"Some text with ünïcödé.\"\n   ]\n  },\n";
        block += "  {\n   \"cell_type\": \"code\",\n   \"execution_count\": " + std::to_string(cell + 1)
            + ",\n   \"id\": \"code-" + std::to_string(cell) + "\",\n   \"metadata\": {\"tags\": [\"x\"]},\n"
            + "   \"outputs\": [\n    {\n     \"name\": \"stdout\",\n     \"output_type\": \"stream\",\n"
            + "     \"text\": [\n      \"loss 0.25\\n\",\n      \"done\\n\"\n     ]\n    },\n    {\n"
            + "     \"data\": {\n      \"image/png\": \"iVBORw0KGgo";
        image.resize(150000 + random() % 100000);
        for (char &c : image)
            c = alphabet[random() % 64];
        block += image;
        block += "\\n\",\n      \"text/plain\": [\n       \"<Figure size 640x480 with 1 Axes>\"\n      ]\n   "
                 "  },\n"
                 "     \"metadata\": {},\n     \"output_type\": \"display_data\"\n    }\n   ],\n   "
                 "\"source\": [\n"
                 "    \"import matplotlib.pyplot as plt\\n\",\n    \"plt.plot(range("
            + std::to_string(cell) + "))\"\n   ]\n  }";
        out << block;
        written += block.size();
    }
    out << "\n ],\n \"metadata\": {\n  \"kernelspec\": {\n   \"display_name\": \"Python 3\",\n   "
           "\"language\": "
           "\"python\",\n   \"name\": \"python3\"\n  }\n },\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n";
}

/// Python's json.load on the same file, timed inside Python (start-up excluded): `runs` rounds
/// after a warm-up, one process.
std::vector<double> pythonJsonLoadSeconds(const std::string &path, int runs)
{
    const std::string command = "python3 -c \"import json,sys,time\n"
                                "for i in range(int(sys.argv[2]) + 1):\n"
                                " t=time.perf_counter()\n"
                                " json.load(open(sys.argv[1],encoding='utf-8'))\n"
                                " print(time.perf_counter()-t) if i else None\" '"
        + path + "' " + std::to_string(runs) + " 2>/dev/null";
    std::vector<double> seconds;
    FILE *pipe = popen(command.c_str(), "r");
    if (!pipe)
        return seconds;
    double value = 0;
    while (std::fscanf(pipe, "%lf", &value) == 1)
        seconds.push_back(value);
    pclose(pipe);
    return seconds;
}

struct Spread
{
    double median = 0;
    double min = 0;
    double max = 0;
};

Spread spreadOf(std::vector<double> values)
{
    if (values.empty())
        return {};
    std::sort(values.begin(), values.end());
    return {values[values.size() / 2], values.front(), values.back()};
}

template <typename Work>
std::pair<Spread, Spread> timeRounds(int runs, Work work)
{
    work(); // warm-up: page cache, allocator
    std::vector<double> wall, cpu;
    for (int run = 0; run < runs; ++run) {
        const double cpuStart = cpuSeconds();
        const auto start = std::chrono::steady_clock::now();
        work();
        wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        cpu.push_back(cpuSeconds() - cpuStart);
    }
    return {spreadOf(wall), spreadOf(cpu)};
}

void measure(const char *label, const std::string &path, int runs)
{
    const double fileBytes = double(QFile(QString::fromStdString(path)).size());
    const double mb = megabytes(fileBytes);
    const long rssBefore = currentRss();
    std::size_t cells = 0;
    std::string failure;
    const auto [load, loadCpu] = timeRounds(runs, [&] {
        const auto result = NotebookLoader().loadFile(path);
        if (result.ok())
            cells = result->cells.size();
        else
            failure = result.error().toString();
    });
    if (!failure.empty()) {
        std::printf("%s: %s\n", label, failure.c_str());
        return;
    }
    const long peak = peakRss();
    // The same bytes already in memory: the parse alone, without reading or mapping the file.
    QFile file(QString::fromStdString(path));
    file.open(QIODevice::ReadOnly);
    const QByteArray bytes = file.readAll();
    const std::string_view view(bytes.constData(), std::size_t(bytes.size()));
    const auto [inMemory, inMemoryCpu]
        = timeRounds(runs, [&] { (void)NotebookLoader().loadBytes(view, path); });
    const auto [scanOnly, scanCpu] = timeRounds(runs, [&] {
        JsonReader reader(view, {});
        if (!reader.skipValue())
            std::printf("  syntax pass failed: %s\n", reader.errorMessage().c_str());
    });
    const std::vector<double> pythonRounds = pythonJsonLoadSeconds(path, runs);
    const Spread python = spreadOf(pythonRounds);

    std::printf("%s\n  file             %s\n  size             %.1f MB, %zu cells\n", label,
        QDir(QStringLiteral(TASSEL_CORPUS_DIR))
            .relativeFilePath(QString::fromStdString(path))
            .toUtf8()
            .constData(),
        mb, cells);
    std::printf("  (median of %d rounds after a warm-up, min–max in brackets)\n", runs);
    std::printf("  loadFile         %.3f s (%.3f–%.3f) = %.0f MB/s; CPU %.3f s\n", load.median, load.min,
        load.max, mb / load.median, loadCpu.median);
    std::printf("  loadBytes        %.3f s (%.3f–%.3f) = %.0f MB/s; CPU %.3f s (bytes already in memory)\n",
        inMemory.median, inMemory.min, inMemory.max, mb / inMemory.median, inMemoryCpu.median);
    std::printf(
        "  syntax pass      %.3f s (%.3f–%.3f) = %.0f MB/s (JsonReader::skipValue, one of two passes)\n",
        scanOnly.median, scanOnly.min, scanOnly.max, mb / scanOnly.median);
    if (!pythonRounds.empty())
        std::printf("  python json.load %.3f s (%.3f–%.3f) = %.0f MB/s; loadFile is %.1fx as fast per byte\n",
            python.median, python.min, python.max, mb / python.median, python.median / load.median);
    std::printf(
        "  peak RSS         %.1f MB; %.1f MB above the %.1f MB before loading = %.2fx the file size\n",
        megabytes(double(peak)), megabytes(double(peak - rssBefore)), megabytes(double(rssBefore)),
        double(peak - rssBefore) / fileBytes);
}

} // namespace

int main()
{
    const std::string largest = largestCorpusNotebook();
    if (largest.empty()) {
        std::printf("corpus not found at %s\n", TASSEL_CORPUS_DIR);
        return 1;
    }
    measure("largest corpus notebook", largest, 5);

    QTemporaryDir dir;
    const std::string synthetic = dir.filePath(QStringLiteral("synthetic.ipynb")).toStdString();
    writeSyntheticNotebook(synthetic, std::size_t(100) << 20);
    measure("synthetic notebook (target: < 0.5 s, < 2x file size)", synthetic, 5);
    return 0;
}
