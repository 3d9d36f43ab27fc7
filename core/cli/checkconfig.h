#pragma once

#include "util/result.h"

#include <optional>
#include <string>
#include <vector>

namespace tassel::cli {

/// Project settings for `tassel check`, from `tassel.toml` or `[tool.tassel]` in
/// `pyproject.toml` (the nearest one at or above a folder). Command-line options override them.
struct CheckConfig
{
    std::string file; ///< where the settings came from; empty when none was found
    std::vector<std::string> select;
    std::vector<std::string> ignore;
    std::vector<std::string> exclude;
    std::optional<std::string> failOn;
    std::optional<int> jobs;

    /// Looks in `folder` and its parents. A malformed file is an Error naming file and line.
    static Result<CheckConfig> discover(const std::string &folder);
    /// Reads the settings from TOML text; `table` is "" for tassel.toml, "tool.tassel" for
    /// pyproject.toml. A TOML syntax error or a setting of the wrong type is an Error naming
    /// file, line and column.
    static Result<CheckConfig> parse(
        const std::string &text, const std::string &table, const std::string &file);
};

} // namespace tassel::cli
