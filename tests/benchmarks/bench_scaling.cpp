// How `tassel check` and `tassel graduate` grow with the size of one cell: a cell holding one
// line of many distinct names (three shapes) and a cell of many `def`s, at doubling sizes. Each
// figure runs the command in-process (cli::run) on a notebook generated into a temporary folder
// and prints wall seconds and seconds per 10k units, so linear growth shows as a flat last
// column and quadratic growth as one that doubles. Prints figures; not a test.
//
//   bench_scaling                  every shape at its default sizes
//   bench_scaling SHAPE N...       one shape (names-list, names-statements, names-chain, defs)
#include "cli/cli.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

using namespace tassel;

namespace {

/// The source of the one code cell of shape `shape` with `n` names or defs.
std::string cellSource(const std::string &shape, int n)
{
    std::string source;
    const auto name = [](int i) { return "a" + std::to_string(i); };
    if (shape == "names-list") { // x = [a0, a1, ...]: reads on one line
        source = "x = [";
        for (int i = 0; i < n; ++i)
            source += (i ? ", " : "") + name(i);
        source += "]\n";
    } else if (shape == "names-statements") { // a0; a1; ...: one statement per name
        for (int i = 0; i < n; ++i)
            source += (i ? "; " : "") + name(i);
        source += "\n";
    } else if (shape == "names-chain") { // a0 = a1 = ... = 0: bindings on one line
        for (int i = 0; i < n; ++i)
            source += name(i) + " = ";
        source += "0\n";
    } else { // defs
        for (int i = 0; i < n; ++i)
            source += "def f" + std::to_string(i) + "(x):\n    return x + " + std::to_string(i) + "\n\n";
        source += "print(f0(1))\n";
    }
    return source;
}

std::string writeNotebook(const std::filesystem::path &folder, const std::string &shape, int n)
{
    const nlohmann::json cell = {{"cell_type", "code"}, {"execution_count", 1}, {"id", "cell-1"},
        {"metadata", nlohmann::json::object()}, {"outputs", nlohmann::json::array()},
        {"source", cellSource(shape, n)}};
    const nlohmann::json notebook = {{"cells", {cell}},
        {"metadata", {{"language_info", {{"name", "python"}}}}}, {"nbformat", 4}, {"nbformat_minor", 5}};
    const std::filesystem::path path = folder / (shape + "-" + std::to_string(n) + ".ipynb");
    std::ofstream(path) << notebook.dump();
    return path.string();
}

struct Timing
{
    double wall = 0;
    double cpu = 0; ///< this process's CPU seconds: steadier than wall time on a shared machine
    int exitCode = 0;
};

Timing timed(const std::vector<std::string> &args)
{
    std::ostringstream out, err;
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpuStart = std::clock();
    Timing t;
    t.exitCode = cli::run(args, out, err);
    t.cpu = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    t.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return t;
}

void print(const Timing &t, int n)
{
    std::printf("  %8.3f %8.3f (%6.3f) %4d", t.wall, t.cpu, t.cpu * 1e4 / n, t.exitCode);
}

void measure(const std::filesystem::path &folder, const std::string &shape, const std::vector<int> &sizes)
{
    std::printf("%s (seconds: wall, CPU, CPU per 10k; exit code)\n  %8s  %-34s  %-34s\n", shape.c_str(), "n",
        "  check", "  graduate");
    for (const int n : sizes) {
        const std::string notebook = writeNotebook(folder, shape, n);
        const Timing check = timed({"check", "--format", "json", notebook});
        const std::string output = (folder / ("package-" + shape + std::to_string(n))).string();
        const Timing graduate
            = timed({"graduate", notebook, "--output", output, "--force", "--allow-hidden-state"});
        std::printf("  %8d", n);
        print(check, n);
        print(graduate, n);
        std::printf("\n");
        std::fflush(stdout);
        std::filesystem::remove(notebook);
        std::filesystem::remove_all(output);
    }
}

} // namespace

int main(int argc, char **argv)
{
    const std::map<std::string, std::vector<int>> defaults
        = {{"names-list", {20000, 40000, 80000, 150000}}, {"names-statements", {20000, 40000, 80000, 150000}},
            {"names-chain", {20000, 40000, 80000, 150000}}, {"defs", {25000, 50000, 100000}}};
    std::map<std::string, std::vector<int>> runs;
    if (argc >= 3 && defaults.count(argv[1])) {
        for (int i = 2; i < argc; ++i)
            runs[argv[1]].push_back(std::stoi(argv[i]));
    } else if (argc == 1) {
        runs = defaults;
    } else {
        std::fprintf(stderr, "usage: bench_scaling [names-list|names-statements|names-chain|defs N...]\n");
        return 2;
    }
    std::error_code error;
    const std::filesystem::path folder
        = std::filesystem::temp_directory_path() / ("tassel-bench-scaling-" + std::to_string(getpid()));
    std::filesystem::create_directories(folder, error);
    for (const auto &[shape, sizes] : runs)
        measure(folder, shape, sizes);
    std::filesystem::remove_all(folder, error);
    return 0;
}
