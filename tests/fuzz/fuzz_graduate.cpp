// libFuzzer target: load a fuzzed notebook, analyse it, plan its graduation and generate the
// package in memory. Checks that every generated path could be written below a target folder.
// In the hostile-ids mode (one input in four) every cell id and heading is replaced by fuzzed
// text after a line that would be code if pasted raw: no generated line may start with it.
#include "analysis/notebookanalyzer.h"
#include "graduate/graduationplanner.h"
#include "graduate/packagegenerator.h"
#include "graduate/packagewriter.h"
#include "notebook/notebookloader.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

constexpr std::string_view kInjected = "__tassel_injected__ = 1";

void makeIdsHostile(tassel::Notebook &notebook, std::string_view fuzz)
{
    const std::string id = "x\n" + std::string(kInjected) + "\n#" + std::string(fuzz.substr(0, 64));
    std::string heading
        = "# x \\N \\U \\u12 \"\"\" " + std::string(1, '\0') + std::string(fuzz.substr(0, 64));
    std::replace(heading.begin(), heading.end(), '\n', ' ');
    for (tassel::Cell &cell : notebook.cells) {
        cell.id = id; // bypasses the loader's normalisation: the writers must escape on their own
        if (cell.type == tassel::CellType::Markdown)
            cell.source = heading + "\n" + cell.source;
    }
}

bool startsALine(const std::string &content, std::string_view text)
{
    for (std::size_t at = content.find(text); at != std::string::npos; at = content.find(text, at + 1)) {
        std::size_t start = at;
        while (start > 0 && (content[start - 1] == ' ' || content[start - 1] == '\t'))
            --start;
        if (start == 0 || content[start - 1] == '\n' || content[start - 1] == '\r')
            return true;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const tassel::NotebookLoader loader;
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    auto notebook = loader.loadBytes(bytes, "fuzz.ipynb");
    if (!notebook)
        return 0;
    // (an input that holds the marker itself could put it in a cell's code)
    const bool hostileIds = size % 4 == 1 && bytes.find(kInjected) == std::string_view::npos;
    if (hostileIds)
        makeIdsHostile(notebook.value(), bytes);
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
        if (hostileIds && file.path.rfind("notebooks/", 0) != 0 && startsALine(file.content, kInjected))
            std::abort(); // notebook text became a line of code
    }
    return 0;
}
