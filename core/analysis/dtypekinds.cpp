#include "analysis/dtypekinds.h"

#include "util/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace tassel {

namespace {

// pandas.read_csv's default na_values.
constexpr std::array<std::string_view, 22> kNaValues
    = {"", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>",
        "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null", "NaT", "nat", "none"};

bool allDigits(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
    });
}

bool isInteger(std::string_view text)
{
    if (text.starts_with('-') || text.starts_with('+'))
        text.remove_prefix(1);
    return allDigits(text);
}

bool isFloat(std::string_view text)
{
    if (text.starts_with('+'))
        text.remove_prefix(1);
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size()
        && std::any_of(
            text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

/// YYYY-MM-DD or YYYY/MM/DD, optionally followed by a time ("T" or a space, then HH:MM...).
bool isDatetime(std::string_view text)
{
    if (text.size() < 10 || !allDigits(text.substr(0, 4)) || !allDigits(text.substr(5, 2))
        || !allDigits(text.substr(8, 2)) || (text[4] != '-' && text[4] != '/') || text[7] != text[4])
        return false;
    if (text.size() == 10)
        return true;
    const std::string_view time = text.substr(11);
    return (text[10] == 'T' || text[10] == ' ') && time.size() >= 5 && allDigits(time.substr(0, 2))
        && time[2] == ':' && allDigits(time.substr(3, 2));
}

} // namespace

bool DtypeKinds::isMissing(std::string_view value)
{
    return std::find(kNaValues.begin(), kNaValues.end(), trimmed(value)) != kNaValues.end();
}

std::string DtypeKinds::ofValue(std::string_view value)
{
    if (std::find(kNaValues.begin(), kNaValues.end(), value) != kNaValues.end())
        return {};
    value = trimmed(value);
    if (isInteger(value))
        return "int";
    if (isFloat(value))
        return "float";
    if (value == "True" || value == "False" || value == "true" || value == "false" || value == "TRUE"
        || value == "FALSE")
        return "bool";
    return isDatetime(value) ? "datetime" : "string";
}

std::string DtypeKinds::ofPandas(std::string_view dtype)
{
    std::string lower;
    for (char c : trimmed(dtype))
        lower += char(std::tolower(static_cast<unsigned char>(c)));
    if (lower.starts_with("int") || lower.starts_with("uint") || lower == "<i8" || lower == "<i4")
        return "int";
    if (lower.starts_with("float") || lower == "<f8" || lower == "<f4")
        return "float";
    if (lower == "bool" || lower == "boolean" || lower == "|b1")
        return "bool";
    if (lower.starts_with("datetime64") || lower == "datetime")
        return "datetime";
    if (lower == "object" || lower == "string" || lower == "str" || lower == "category"
        || lower.starts_with("string["))
        return "string";
    return {};
}

std::string DtypeKinds::widen(const std::string &a, const std::string &b)
{
    if (a.empty() || a == b)
        return b;
    if (b.empty())
        return a;
    if ((a == "int" && b == "float") || (a == "float" && b == "int"))
        return "float";
    return "string";
}

} // namespace tassel
