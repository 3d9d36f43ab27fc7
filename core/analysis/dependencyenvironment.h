#pragma once

#include "util/result.h"

#include <map>
#include <string>
#include <vector>

namespace tassel {

/// An installed distribution that another one needs (its `Requires-Dist`, extras left out).
struct RequiredDistribution
{
    std::string distribution; ///< PEP 503-normalised
    std::string version;
    std::string requiredBy; ///< the imported distribution whose requirements led here

    bool operator==(const RequiredDistribution &) const = default;
};

/// What a Python interpreter the user pointed at (--python PATH) knows: which distributions
/// provide each top-level import name (importlib.metadata.packages_distributions()), their
/// versions and the interpreter's own version. A plain value; query() runs the interpreter.
struct DependencyEnvironment
{
    std::string interpreter;
    int minor = 0; ///< 3.minor of the interpreter
    std::map<std::string, std::vector<std::string>> distributionsByImport;
    std::map<std::string, std::string> versionByDistribution; ///< keys PEP 503-normalised
    /// Each distribution's requirements without extras, names only, all PEP 503-normalised.
    std::map<std::string, std::vector<std::string>> requiresByDistribution;

    /// The installed distributions that `roots` need, transitively, each once, without the roots
    /// themselves; a requirement not installed here is left out (its marker was false, or the
    /// environment is broken, which pinning cannot fix).
    std::vector<RequiredDistribution> requiredBy(const std::vector<std::string> &roots) const;

    /// Runs `interpreter` in a subprocess (QProcess) and waits at most `timeoutMs`. Blocks the
    /// calling thread: call it off the GUI thread.
    static Result<DependencyEnvironment> query(const std::string &interpreter, int timeoutMs = 15000);
    /// Parses the JSON the query script prints (exposed for tests).
    static Result<DependencyEnvironment> fromJson(const std::string &json, const std::string &interpreter);

    bool operator==(const DependencyEnvironment &) const = default;
};

} // namespace tassel
