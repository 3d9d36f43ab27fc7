#include "analysis/secretmasking.h"

#include <nlohmann/json.hpp>

namespace tassel {

namespace {

void replaceAll(std::string &text, const std::string &from, const std::string &to)
{
    if (from.empty())
        return;
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

std::string jsonEscaped(const std::string &value)
{
    const std::string dumped
        = nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return dumped.substr(1, dumped.size() - 2);
}

} // namespace

std::string maskSecretValues(std::string text, const std::vector<std::string> &values)
{
    for (const std::string &value : values) {
        replaceAll(text, value, "***");
        replaceAll(text, jsonEscaped(value), "***");
    }
    return text;
}

} // namespace tassel
