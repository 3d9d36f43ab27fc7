// Prints how long secret scanning and the dependency declarations take per corpus notebook, and
// what gitleaks' rules add to the secret pass: the same notebooks scanned with Tassel's rules only
// ("before") and with gitleaks' rules too ("after"), in alternating rounds, as thread CPU time so
// other processes on the machine disturb the figures less. Both run today's code, where Tassel's
// rules share the keyword pass with gitleaks'; RESULTS.md compares the pass with the one before
// gitleaks' rules were adopted (a build of that commit).
// Not a test: run it with `packaging/dev exec build/dev/tests/secrets/bench_secretscan [ROUNDS]`.
#include "analysis/dependencychecker.h"
#include "analysis/gitleaksrules.h"
#include "analysis/secretscanner.h"
#include "notebook/notebookloader.h"

#include <QFile>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

using namespace tassel;

namespace {

double threadMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

void report(const char *name, std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    double total = 0;
    for (double v : values)
        total += v;
    std::printf("%-12s notebooks %zu  total %.1f ms  median %.3f ms  p95 %.3f ms  max %.3f ms\n", name,
        values.size(), total, values[values.size() / 2], values[values.size() * 95 / 100], values.back());
}

/// Thread CPU of one pass of `scanner` over every notebook; the findings are added to `findings`.
double round(const SecretScanner &scanner, const std::vector<Notebook> &notebooks, std::size_t &findings)
{
    const double start = threadMs();
    for (const Notebook &notebook : notebooks)
        findings += scanner.scan(notebook).size();
    return threadMs() - start;
}

/// What a `tassel check` of one notebook pays before and during its secret pass: reading gitleaks'
/// rules (indexed with Tassel's own rules, as embedded() has them), building a scanner and
/// scanning one notebook, which compiles the regexes of the rules
/// whose keywords occur in it (median over the first notebooks, each with fresh rules). Beside it,
/// what compiling every rule's regexes up front would cost.
void startUp(const std::vector<Notebook> &notebooks)
{
    const std::vector<std::string> file = GitleaksRules::embeddedFiles();
    std::vector<double> loadMs;
    std::vector<double> checkMs;
    for (std::size_t i = 0; i < std::min<std::size_t>(notebooks.size(), 25); ++i) {
        double start = threadMs();
        const auto rules = GitleaksRules::load(file, SecretScanner::companionRules());
        loadMs.push_back(threadMs() - start);
        const SecretScanner scanner(rules.value());
        scanner.scan(notebooks[i]);
        checkMs.push_back(threadMs() - start);
    }
    const auto rules = GitleaksRules::load(file, SecretScanner::companionRules());
    const double start = threadMs();
    const std::size_t refused = rules->refused().size();
    const double compileMs = threadMs() - start;
    std::sort(loadMs.begin(), loadMs.end());
    std::sort(checkMs.begin(), checkMs.end());
    std::printf("start-up (thread CPU, median of %zu): gitleaks rules read (TOML, keyword index) %.2f ms; "
                "rules read, "
                "scanner built and one notebook scanned %.2f ms; compiling all rule regexes up front %.2f ms "
                "(%zu refused)\n",
        loadMs.size(), loadMs[loadMs.size() / 2], checkMs[checkMs.size() / 2], compileMs, refused);
}

} // namespace

int main(int argc, char **argv)
{
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 15;
    QFile manifest(QStringLiteral(TASSEL_CORPUS_DIR "/MANIFEST.tsv"));
    if (!manifest.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read the corpus manifest\n");
        return 1;
    }
    manifest.readLine();
    double start = threadMs();
    const SecretScanner tasselOnly {GitleaksRules {}};
    const double tasselBuildMs = threadMs() - start;
    start = threadMs();
    const SecretScanner scanner;
    const double buildMs = threadMs() - start;
    std::vector<Notebook> notebooks;
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
        start = threadMs();
        findings += scanner.scan(loaded.value()).size();
        secretMs.push_back(threadMs() - start);
        start = threadMs();
        // Without PythonCellAnalyzer output only declarations and files are exercised here.
        const std::vector<CellSymbols> cells(loaded->cells.size());
        const std::string folder = file.substr(0, file.rfind('/'));
        findings += DependencyChecker().check(loaded.value(), cells, folder).findings.size();
        dependencyMs.push_back(threadMs() - start);
        notebooks.push_back(loaded.value());
    }
    std::printf("scanner construction (thread CPU) %.2f ms with %zu gitleaks rules, %.2f ms without; corpus "
                "%.1f MB, %zu findings\n",
        buildMs, GitleaksRules::embedded().rules.size(), tasselBuildMs, double(bytes) / 1e6, findings);
    startUp(notebooks);
    report("secrets", secretMs);
    report("dependencies", dependencyMs);
    std::vector<double> before;
    std::vector<double> after;
    std::size_t beforeFindings = 0;
    std::size_t afterFindings = 0;
    for (int r = 0; r < rounds; ++r) {
        before.push_back(round(tasselOnly, notebooks, beforeFindings));
        after.push_back(round(scanner, notebooks, afterFindings));
    }
    std::sort(before.begin(), before.end());
    std::sort(after.begin(), after.end());
    const double beforeMedian = before[before.size() / 2];
    const double afterMedian = after[after.size() / 2];
    std::printf("secret pass over the corpus, thread CPU per round (%d rounds):\n", rounds);
    std::printf("  before (Tassel's rules)   min %.1f ms  median %.1f ms  findings %zu\n", before.front(),
        beforeMedian, beforeFindings / std::size_t(rounds));
    std::printf("  after (+ gitleaks' rules) min %.1f ms  median %.1f ms  findings %zu\n", after.front(),
        afterMedian, afterFindings / std::size_t(rounds));
    std::printf("  growth: %+.1f%% (median), %+.1f%% (min)\n", (afterMedian / beforeMedian - 1) * 100,
        (after.front() / before.front() - 1) * 100);
    return 0;
}
