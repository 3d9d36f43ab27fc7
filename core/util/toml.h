#pragma once

#include "util/result.h"

#include <toml++/toml.hpp>

#include <string>
#include <string_view>

namespace tassel {

/// Where a TOML text sits: the file named in errors, and the line of its first line in that
/// file (TOML embedded in other text, like a PEP 723 block, starts further down).
struct TomlOrigin
{
    std::string file;
    int firstLine = 1;
};

/// Parses TOML 1.0 with tomlplusplus, the one TOML parser of Tassel. A syntax error is an Error
/// with code "invalid-toml", the file and the 1-based line and column of the problem.
Result<toml::table> parseToml(std::string_view text, const TomlOrigin &origin);

/// 1-based line of a parsed node or key in the file of `origin` (0 when unknown).
int tomlLine(const toml::source_region &source, const TomlOrigin &origin);

} // namespace tassel
