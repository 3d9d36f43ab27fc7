#include "util/toml.h"

namespace tassel {

Result<toml::table> parseToml(std::string_view text, const TomlOrigin &origin)
{
    try {
        return toml::parse(text, origin.file);
    } catch (const toml::parse_error &error) {
        const auto &begin = error.source().begin;
        return Error {"invalid-toml", std::string(error.description()), origin.file,
            begin.line > 0 ? int(begin.line) + origin.firstLine - 1 : 0, int(begin.column), {}};
    }
}

int tomlLine(const toml::source_region &source, const TomlOrigin &origin)
{
    return source.begin.line > 0 ? int(source.begin.line) + origin.firstLine - 1 : 0;
}

} // namespace tassel
