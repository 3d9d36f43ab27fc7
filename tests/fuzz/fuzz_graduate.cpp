// libFuzzer target: load a fuzzed notebook, analyse it, plan its graduation and generate the
// package in memory. Checks that every generated path could be written below a target folder.
#include "analysis/notebookanalyzer.h"
#include "graduate/graduationplanner.h"
#include "graduate/packagegenerator.h"
#include "graduate/packagewriter.h"
#include "notebook/notebookloader.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const tassel::NotebookLoader loader;
    const auto notebook
        = loader.loadBytes(std::string_view(reinterpret_cast<const char *>(data), size), "fuzz.ipynb");
    if (!notebook)
        return 0;
    tassel::AnalysisOptions analysisOptions;
    analysisOptions.dependencies = false; // no interpreter, no project files
    const auto analysis = tassel::analyzeNotebook(*notebook, analysisOptions);
    tassel::GraduationOptions options;
    options.allowHiddenState = true;
    options.split = size % 3 == 0 ? tassel::GraduationOptions::Split::Cells
                                  : tassel::GraduationOptions::Split::Headings;
    const auto plan = tassel::GraduationPlanner::plan(*notebook, analysis, options);
    if (!plan)
        return 0;
    for (const auto &file : tassel::PackageGenerator::generate(*plan)) {
        if (!tassel::PackageWriter::checkRelativePath(file.path).empty())
            std::abort(); // a generated name that escapes the package folder
    }
    return 0;
}
