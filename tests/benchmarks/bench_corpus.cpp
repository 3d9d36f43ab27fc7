// One pass of Tassel over a folder of notebooks, single-threaded, as one process: the Tassel
// side of the load and def-use rows of `packaging/bench.sh`, which times it with hyperfine
// against tests/benchmarks/baseline_defuse.py doing the same work in Python.
//
//   bench_corpus load   PATH...   load every notebook (NotebookLoader::loadFile)
//   bench_corpus defuse PATH...   load, then per-cell symbols and cross-cell def-use
//                                 (analyzeNotebook without secrets and dependencies)
//
// Prints one line of counts so the two sides can be checked to have done comparable work.
// Not a test: exit status 2 on bad arguments only; notebooks that fail to load are counted.
#include "analysis/notebookanalyzer.h"
#include "notebook/notebookloader.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

using namespace tassel;

namespace {

std::vector<std::string> notebooksUnder(const std::vector<std::string> &paths)
{
    std::vector<std::string> files;
    for (const std::string &path : paths) {
        std::error_code error;
        if (std::filesystem::is_directory(path, error)) {
            for (const auto &entry : std::filesystem::recursive_directory_iterator(path, error)) {
                if (entry.is_regular_file() && entry.path().extension() == ".ipynb")
                    files.push_back(entry.path().string());
            }
        } else {
            files.push_back(path);
        }
    }
    // Same order as the Python baseline, so both read the files in the same sequence.
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3 || (std::string(argv[1]) != "load" && std::string(argv[1]) != "defuse")) {
        std::fprintf(stderr, "usage: bench_corpus load|defuse PATH...\n");
        return 2;
    }
    const std::string mode = argv[1];
    const std::vector<std::string> files = notebooksUnder(std::vector<std::string>(argv + 2, argv + argc));

    std::size_t notebooks = 0, failed = 0, cells = 0, dependencies = 0;
    const NotebookLoader loader;
    AnalysisOptions options;
    options.secrets = false;
    options.dependencies = false;
    for (const std::string &file : files) {
        auto notebook = loader.loadFile(file);
        if (!notebook.ok()) {
            ++failed;
            continue;
        }
        ++notebooks;
        cells += notebook->cells.size();
        if (mode == "defuse")
            dependencies += analyzeNotebook(*notebook, options).dependencies.size();
    }
    std::printf("%s: %zu notebooks, %zu failed, %zu cells, %zu cross-cell dependencies\n", mode.c_str(),
        notebooks, failed, cells, dependencies);
    return 0;
}
