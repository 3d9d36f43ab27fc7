// Prints how long secret scanning and the dependency declarations take per corpus notebook.
// Not a test: run it with `packaging/dev exec build/dev/tests/secrets/bench_secretscan`.
#include "analysis/dependencychecker.h"
#include "analysis/secretscanner.h"
#include "notebook/notebookloader.h"

#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace tassel;

int main()
{
    QFile manifest(QStringLiteral(TASSEL_CORPUS_DIR "/MANIFEST.tsv"));
    if (!manifest.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read the corpus manifest\n");
        return 1;
    }
    manifest.readLine();
    QElapsedTimer build;
    build.start();
    const SecretScanner scanner;
    const double buildMs = double(build.nsecsElapsed()) / 1e6;
    std::vector<double> secretMs;
    std::vector<double> dependencyMs;
    std::size_t bytes = 0;
    std::size_t findings = 0;
    while (!manifest.atEnd()) {
        const QByteArray row = manifest.readLine();
        const std::string file
            = std::string(TASSEL_CORPUS_DIR) + "/" + row.left(row.indexOf('\t')).toStdString();
        const auto loaded = NotebookLoader().loadFile(file);
        if (!loaded.ok())
            continue;
        bytes += std::size_t(QFile(QString::fromStdString(file)).size());
        QElapsedTimer timer;
        timer.start();
        findings += scanner.scan(loaded.value()).size();
        secretMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        // Without PythonCellAnalyzer output only declarations and files are exercised here.
        const std::vector<CellSymbols> cells(loaded->cells.size());
        const std::string folder = file.substr(0, file.rfind('/'));
        findings += DependencyChecker().check(loaded.value(), cells, folder).findings.size();
        dependencyMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    auto report = [](const char *name, std::vector<double> values) {
        std::sort(values.begin(), values.end());
        double total = 0;
        for (double v : values)
            total += v;
        std::printf("%-12s notebooks %zu  total %.1f ms  median %.3f ms  p95 %.3f ms  max %.3f ms\n", name,
            values.size(), total, values[values.size() / 2], values[values.size() * 95 / 100], values.back());
    };
    std::printf("scanner construction %.2f ms, corpus %.1f MB, %zu findings\n", buildMs, double(bytes) / 1e6,
        findings);
    report("secrets", secretMs);
    report("dependencies", dependencyMs);
    return 0;
}
