// libFuzzer target: the requirement readers. The first byte picks the reader; file readers get
// the rest of the input as a file in a scratch folder (the readers take paths).
#include "analysis/requirementreader.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

const std::filesystem::path &scratchDir()
{
    static const std::filesystem::path dir = [] {
        auto path
            = std::filesystem::temp_directory_path() / ("tassel-fuzz-req-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
        return path;
    }();
    return dir;
}

std::string writeScratch(const char *name, std::string_view text)
{
    const auto path = scratchDir() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), std::streamsize(text.size()));
    return path.string();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using tassel::RequirementReader;
    if (size == 0)
        return 0;
    const std::string_view text(reinterpret_cast<const char *>(data) + 1, size - 1);
    std::vector<tassel::Error> problems;
    switch (data[0] % 7) {
    case 0: {
        RequirementReader::Tool tool = RequirementReader::Tool::Pip;
        std::string command;
        if (RequirementReader::splitInstaller(text, &tool, &command))
            (void)RequirementReader::fromInstallCommand(command, tool, scratchDir().string(), &problems);
        break;
    }
    case 1:
        (void)RequirementReader::fromInstallCommand(
            text, RequirementReader::Tool::Conda, scratchDir().string(), &problems);
        break;
    case 2:
        (void)RequirementReader::fromScriptBlock(text, &problems);
        break;
    case 3:
        (void)RequirementReader::readRequirementsFile(
            writeScratch("requirements.txt", text), "requirements.txt");
        break;
    case 4:
        (void)RequirementReader::readPyproject(writeScratch("pyproject.toml", text), "pyproject.toml");
        break;
    case 5:
        (void)RequirementReader::readEnvironmentYml(writeScratch("environment.yml", text), "environment.yml");
        break;
    case 6:
        (void)RequirementReader::readPipfile(writeScratch("Pipfile", text), "Pipfile");
        break;
    }
    return 0;
}
