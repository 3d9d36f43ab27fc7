// libFuzzer target: SecretScanner over a notebook whose source, output and metadata carry the
// fuzzed text. Checks the one promise that matters: a masked finding never holds a clear value.
#include "analysis/secretscanner.h"
#include "notebook/notebook.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const tassel::SecretScanner scanner;
    const std::string text(reinterpret_cast<const char *>(data), size);

    tassel::Notebook notebook;
    tassel::Cell cell;
    cell.type = tassel::CellType::Code;
    cell.source = text;
    tassel::Output stream;
    stream.type = tassel::OutputType::Stream;
    stream.streamName = "stdout";
    stream.text = text;
    cell.outputs.push_back(stream);
    cell.metadata["note"] = text; // nlohmann throws on invalid UTF-8 only when dumping
    notebook.cells.push_back(cell);

    const auto spans = scanner.locate(notebook);
    const auto findings = scanner.scan(notebook);
    for (const auto &span : spans) {
        if (span.end < span.begin || span.end > text.size())
            std::abort();
        for (const auto &finding : findings) {
            if (span.value.size() >= 8
                && (finding.message.find(span.value) != std::string::npos
                    || finding.maskedPreview.find(span.value) != std::string::npos))
                std::abort();
        }
    }
    (void)scanner.scanText(text);
    return 0;
}
