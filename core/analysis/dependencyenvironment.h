#pragma once

#include "util/result.h"

#include <map>
#include <string>
#include <vector>

namespace tassel {

/// What a Python interpreter the user pointed at (--python PATH) knows: which distributions
/// provide each top-level import name (importlib.metadata.packages_distributions()), their
/// versions and the interpreter's own version. A plain value; query() runs the interpreter.
struct DependencyEnvironment
{
    std::string interpreter;
    int minor = 0; ///< 3.minor of the interpreter
    std::map<std::string, std::vector<std::string>> distributionsByImport;
    std::map<std::string, std::string> versionByDistribution; ///< keys PEP 503-normalised

    /// Runs `interpreter` in a subprocess (QProcess) and waits at most `timeoutMs`. Blocks the
    /// calling thread: call it off the GUI thread.
    static Result<DependencyEnvironment> query(const std::string &interpreter, int timeoutMs = 15000);
    /// Parses the JSON the query script prints (exposed for tests).
    static Result<DependencyEnvironment> fromJson(const std::string &json, const std::string &interpreter);

    bool operator==(const DependencyEnvironment &) const = default;
};

} // namespace tassel
