// libFuzzer target: the IPython pre-pass and tree-sitter symbol pass on arbitrary cell text.
#include "python/pythoncellanalyzer.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const tassel::PythonCellAnalyzer analyzer;
    const auto symbols = analyzer.analyze(std::string_view(reinterpret_cast<const char *>(data), size));
    (void)symbols;
    return 0;
}
