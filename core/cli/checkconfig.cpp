#include "cli/checkconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tassel::cli {

namespace {

std::string trim(const std::string &text)
{
    const auto begin = text.find_first_not_of(" \t\r");
    if (begin == std::string::npos)
        return {};
    const auto end = text.find_last_not_of(" \t\r");
    return text.substr(begin, end - begin + 1);
}

/// Drops a trailing # comment that is not inside a string.
std::string withoutComment(const std::string &line)
{
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quote) {
            if (c == '\\' && quote == '"')
                ++i;
            else if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#') {
            return line.substr(0, i);
        }
    }
    return line;
}

/// Parses a TOML basic or literal string starting at `text[pos]`; advances `pos`.
std::optional<std::string> parseString(const std::string &text, std::size_t &pos)
{
    const char quote = text[pos];
    std::string value;
    for (++pos; pos < text.size(); ++pos) {
        const char c = text[pos];
        if (c == quote) {
            ++pos;
            return value;
        }
        if (c == '\\' && quote == '"' && pos + 1 < text.size()) {
            const char next = text[++pos];
            value += next == 'n' ? '\n' : next == 't' ? '\t' : next;
        } else {
            value += c;
        }
    }
    return std::nullopt;
}

} // namespace

Result<CheckConfig> CheckConfig::parse(
    const std::string &text, const std::string &table, const std::string &file)
{
    CheckConfig config;
    config.file = file;
    std::string currentTable;
    int lineNumber = 0;
    std::size_t lineStart = 0;
    auto fail = [&](const std::string &message) {
        return Error {"invalid-config", message, file, lineNumber, 1, {}};
    };
    while (lineStart <= text.size()) {
        std::size_t lineEnd = text.find('\n', lineStart);
        if (lineEnd == std::string::npos)
            lineEnd = text.size();
        std::string line = trim(withoutComment(text.substr(lineStart, lineEnd - lineStart)));
        ++lineNumber;
        const int firstLine = lineNumber;
        // An array may continue over several lines until its closing bracket.
        if (line.find('=') != std::string::npos && line.find('[', line.find('=')) != std::string::npos
            && line.find(']', line.find('=')) == std::string::npos) {
            while (lineEnd < text.size() && line.find(']', line.find('=')) == std::string::npos) {
                lineStart = lineEnd + 1;
                lineEnd = text.find('\n', lineStart);
                if (lineEnd == std::string::npos)
                    lineEnd = text.size();
                line += ' ' + trim(withoutComment(text.substr(lineStart, lineEnd - lineStart)));
                ++lineNumber;
            }
        }
        lineStart = lineEnd + 1;
        if (line.empty())
            continue;
        if (line.front() == '[') {
            if (line.back() != ']')
                return fail("a table header must end with ']'");
            currentTable = trim(
                line.substr(line.starts_with("[[") ? 2 : 1, line.size() - (line.starts_with("[[") ? 4 : 2)));
            continue;
        }
        if (currentTable != table)
            continue;
        const auto equals = line.find('=');
        if (equals == std::string::npos) {
            lineNumber = firstLine;
            return fail("expected 'key = value'");
        }
        std::string key = trim(line.substr(0, equals));
        if (key.size() >= 2 && (key.front() == '"' || key.front() == '\''))
            key = key.substr(1, key.size() - 2);
        const std::string value = trim(line.substr(equals + 1));
        auto stringList = [&](std::vector<std::string> &target) -> std::optional<Error> {
            if (value.empty() || value.front() != '[')
                return fail("'" + key + "' must be a list of strings");
            std::size_t pos = 1;
            while (pos < value.size()) {
                const char c = value[pos];
                if (c == ']')
                    return std::nullopt;
                if (c == ',' || c == ' ' || c == '\t') {
                    ++pos;
                    continue;
                }
                if (c != '"' && c != '\'')
                    return fail("'" + key + "' must be a list of strings");
                auto item = parseString(value, pos);
                if (!item)
                    return fail("unterminated string in '" + key + "'");
                target.push_back(*item);
            }
            return fail("unterminated list in '" + key + "'");
        };
        std::optional<Error> problem;
        if (key == "select")
            problem = stringList(config.select);
        else if (key == "ignore")
            problem = stringList(config.ignore);
        else if (key == "exclude")
            problem = stringList(config.exclude);
        else if (key == "fail-on" || key == "fail_on") {
            std::size_t pos = 0;
            auto text = !value.empty() && (value[0] == '"' || value[0] == '\'') ? parseString(value, pos)
                                                                                : std::nullopt;
            if (!text)
                problem = fail("'fail-on' must be a string");
            else
                config.failOn = *text;
        } else if (key == "jobs") {
            try {
                std::size_t used = 0;
                const int jobs = std::stoi(value, &used);
                if (used != value.size() || jobs < 1)
                    throw std::invalid_argument(value);
                config.jobs = jobs;
            } catch (...) {
                problem = fail("'jobs' must be a whole number of at least 1");
            }
        }
        // Unknown keys are left alone: newer settings must not break older Tassels.
        if (problem) {
            problem->line = firstLine;
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
            if (std::string(table).empty() || text.find("[tool.tassel]") != std::string::npos)
                return parse(text, table, path.toStdString());
        }
        if (!dir.cdUp())
            break;
    }
    return CheckConfig {};
}

} // namespace tassel::cli
