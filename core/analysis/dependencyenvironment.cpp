#include "analysis/dependencyenvironment.h"

#include "analysis/requirement.h"

#include <QProcess>
#include <QStringList>

#include <deque>
#include <set>

#include <nlohmann/json.hpp>

namespace tassel {

namespace {

// Kept to the standard library so it runs in any environment from 3.8 on (packages_distributions
// arrived in 3.10; older interpreters fall back to reading top_level.txt).
constexpr const char *kScript = R"PY(
import json, re, sys
from importlib import metadata
mapping = {}
try:
    mapping = {k: sorted(set(v)) for k, v in metadata.packages_distributions().items()}
except AttributeError:
    pass
# Distro packages often ship without RECORD, so packages_distributions() misses them: fall back
# to top_level.txt, then to the distribution name itself.
covered = {d for names in mapping.values() for d in names}
for dist in metadata.distributions():
    name = dist.metadata['Name']
    if not name or name in covered:
        continue
    top = (dist.read_text('top_level.txt') or '').split() or [name.replace('-', '_').replace('.', '_')]
    for module in top:
        if name not in mapping.setdefault(module, []):
            mapping[module].append(name)
versions = {}
requires = {}
for dist in metadata.distributions():
    name = dist.metadata['Name']
    if name:
        versions[name] = dist.version
        # Names only: a requirement behind an extra is optional; other markers are judged by
        # what is installed (a requirement whose marker was false here is not installed).
        needed = [re.match(r'[A-Za-z0-9][A-Za-z0-9._-]*', r) for r in (dist.requires or []) if 'extra' not in r]
        requires[name] = sorted({m.group(0) for m in needed if m})
print(json.dumps({'version': list(sys.version_info[:3]), 'packages': mapping, 'versions': versions,
                  'requires': requires}))
)PY";

} // namespace

Result<DependencyEnvironment> DependencyEnvironment::fromJson(
    const std::string &text, const std::string &interpreter)
{
    const auto document = nlohmann::json::parse(text, nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return Error {"bad-environment-output",
            "the interpreter printed something other than the expected JSON", interpreter, 0, 0, {}};
    DependencyEnvironment environment;
    environment.interpreter = interpreter;
    try {
        const auto &version = document.at("version");
        if (version.is_array() && version.size() >= 2 && version[0] == 3)
            environment.minor = version[1].get<int>();
        for (const auto &[name, distributions] : document.at("packages").items()) {
            for (const auto &distribution : distributions)
                environment.distributionsByImport[name].push_back(distribution.get<std::string>());
        }
        for (const auto &[name, version] : document.at("versions").items())
            environment.versionByDistribution[Requirement::normalize(name)] = version.get<std::string>();
        // Absent from the output of older Tassel scripts and from hand-written test JSON.
        const nlohmann::json requirements = document.value("requires", nlohmann::json::object());
        for (const auto &[name, needed] : requirements.items())
            for (const auto &requirement : needed)
                environment.requiresByDistribution[Requirement::normalize(name)].push_back(
                    Requirement::normalize(requirement.get<std::string>()));
    } catch (const nlohmann::json::exception &error) {
        return Error {"bad-environment-output",
            std::string("unexpected JSON from the interpreter: ") + error.what(), interpreter, 0, 0, {}};
    }
    return environment;
}

std::vector<RequiredDistribution> DependencyEnvironment::requiredBy(
    const std::vector<std::string> &roots) const
{
    std::vector<RequiredDistribution> found;
    std::set<std::string> seen;
    for (const std::string &root : roots)
        seen.insert(Requirement::normalize(root));
    // Breadth first, so each distribution names the nearest root that needs it.
    std::deque<std::pair<std::string, std::string>> queue; // distribution, root that needs it
    for (const std::string &root : roots)
        queue.emplace_back(Requirement::normalize(root), root);
    while (!queue.empty()) {
        const auto [distribution, root] = queue.front();
        queue.pop_front();
        const auto needs = requiresByDistribution.find(distribution);
        if (needs == requiresByDistribution.end())
            continue;
        for (const std::string &needed : needs->second) {
            const auto version = versionByDistribution.find(needed);
            if (version == versionByDistribution.end() || !seen.insert(needed).second)
                continue;
            found.push_back({needed, version->second, root});
            queue.emplace_back(needed, root);
        }
    }
    return found;
}

Result<DependencyEnvironment> DependencyEnvironment::query(const std::string &interpreter, int timeoutMs)
{
    QProcess process;
    process.setProgram(QString::fromStdString(interpreter));
    process.setArguments({QStringLiteral("-I"), QStringLiteral("-c"), QString::fromUtf8(kScript)});
    process.start();
    if (!process.waitForStarted(timeoutMs))
        return Error {"interpreter-failed",
            "cannot start the Python interpreter: " + process.errorString().toStdString(), interpreter, 0, 0,
            {}};
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return Error {"interpreter-timeout",
            "the Python interpreter did not answer within " + std::to_string(timeoutMs) + " ms", interpreter,
            0, 0, {}};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const std::string stderrText = process.readAllStandardError().left(500).toStdString();
        return Error {
            "interpreter-failed", "the Python interpreter failed: " + stderrText, interpreter, 0, 0, {}};
    }
    return fromJson(process.readAllStandardOutput().toStdString(), interpreter);
}

} // namespace tassel
