// libFuzzer target: NotebookLoader::loadBytes on arbitrary bytes. Any outcome is fine except a
// crash, a hang or a leak; an error must name the file it was given.
#include "notebook/notebookloader.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const tassel::NotebookLoader loader;
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    const auto result = loader.loadBytes(bytes, "fuzz.ipynb");
    if (!result && result.error().file != "fuzz.ipynb")
        std::abort(); // an error that does not say which file is a bug too
    return 0;
}
