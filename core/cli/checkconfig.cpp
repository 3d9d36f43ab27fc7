#include "cli/checkconfig.h"

#include "util/toml.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tassel::cli {

namespace {

/// Reads one setting into `config`; an Error (without position) when its value has the wrong type.
std::optional<Error> readSetting(CheckConfig &config, std::string_view key, const toml::node &value)
{
    auto problem = [](const std::string &message) { return Error {"invalid-config", message, {}, 0, 0, {}}; };
    auto strings = [&](std::vector<std::string> &target) -> std::optional<Error> {
        const toml::array *array = value.as_array();
        if (!array || !array->is_homogeneous(toml::node_type::string))
            return problem("'" + std::string(key) + "' must be a list of strings");
        for (const toml::node &item : *array)
            target.push_back(std::string(*item.value<std::string_view>()));
        return std::nullopt;
    };
    if (key == "select")
        return strings(config.select);
    if (key == "ignore")
        return strings(config.ignore);
    if (key == "exclude")
        return strings(config.exclude);
    if (key == "fail-on" || key == "fail_on") {
        const auto text = value.value<std::string>();
        if (!text || !value.is_string())
            return problem("'fail-on' must be a string");
        config.failOn = *text;
    } else if (key == "jobs") {
        const auto jobs = value.as_integer();
        if (!jobs || jobs->get() < 1 || jobs->get() > 4096)
            return problem("'jobs' must be a whole number of at least 1");
        config.jobs = int(jobs->get());
    }
    // Unknown keys are left alone: newer settings must not break older Tassels.
    return std::nullopt;
}

/// Whether `text` holds `table` (dotted keys included: `[tool]` + `tassel.ignore = …`). A file
/// that does not parse counts only where it names the table, so someone else's broken
/// pyproject.toml is left alone while a broken Tassel table is reported.
bool holdsTable(const std::string &text, const std::string &table)
{
    if (text.find(table.substr(table.rfind('.') + 1)) == std::string::npos)
        return false;
    const auto document = parseToml(text, {});
    if (!document.ok())
        return text.find(table) != std::string::npos;
    return (*document).at_path(table).is_table();
}

} // namespace

Result<CheckConfig> CheckConfig::parse(
    const std::string &text, const std::string &table, const std::string &file)
{
    CheckConfig config;
    config.file = file;
    const TomlOrigin origin {file, 1};
    auto document = parseToml(text, origin);
    if (!document.ok()) {
        Error error = document.error();
        error.code = "invalid-config";
        return error;
    }
    const toml::table *settings = table.empty() ? &*document : (*document).at_path(table).as_table();
    if (!settings)
        return config;
    for (const auto &[key, value] : *settings) {
        if (auto problem = readSetting(config, key.str(), value)) {
            problem->file = file;
            problem->line = tomlLine(key.source(), origin);
            problem->column = int(key.source().begin.column);
            return *problem;
        }
    }
    return config;
}

Result<CheckConfig> CheckConfig::discover(const std::string &folder)
{
    QDir dir(QFileInfo(QString::fromStdString(folder)).absoluteFilePath());
    while (true) {
        for (const auto &[name, table] :
            {std::pair {"tassel.toml", ""}, std::pair {"pyproject.toml", "tool.tassel"}}) {
            const QString path = dir.filePath(QString::fromLatin1(name));
            QFile file(path);
            if (!file.exists())
                continue;
            if (!file.open(QIODevice::ReadOnly))
                return Error {"io-error", "cannot read the configuration file", path.toStdString(), 0, 0, {}};
            const std::string text = file.readAll().toStdString();
            // A pyproject.toml without Tassel's table is someone else's business, even a broken one.
            if (std::string(table).empty() || holdsTable(text, table))
                return parse(text, table, path.toStdString());
        }
        if (!dir.cdUp())
            break;
    }
    return CheckConfig {};
}

} // namespace tassel::cli
