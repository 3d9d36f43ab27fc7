#include "analysis/dependencyenvironment.h"

#include "analysis/requirement.h"

#include <QProcess>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace tassel {

namespace {

// Kept to the standard library so it runs in any environment from 3.8 on (packages_distributions
// arrived in 3.10; older interpreters fall back to reading top_level.txt).
constexpr const char *kScript = R"PY(
import json, sys
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
for dist in metadata.distributions():
    name = dist.metadata['Name']
    if name:
        versions[name] = dist.version
print(json.dumps({'version': list(sys.version_info[:3]), 'packages': mapping, 'versions': versions}))
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
    } catch (const nlohmann::json::exception &error) {
        return Error {"bad-environment-output",
            std::string("unexpected JSON from the interpreter: ") + error.what(), interpreter, 0, 0, {}};
    }
    return environment;
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
