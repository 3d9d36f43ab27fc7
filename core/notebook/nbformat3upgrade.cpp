#include "notebook/nbformat3upgrade.h"
#include "notebook/notebook.h"

#include <algorithm>
#include <unordered_map>

namespace tassel {
namespace nbformat3 {

namespace {

using nlohmann::json;

// v3 files are read as untyped JSON: a key may hold anything, and json::value() throws when the
// stored type differs from the fallback's. These take the fallback instead; the v4 reading that
// follows then reports the wrong type with its place.
std::string stringOr(const json &object, const char *key, const char *fallback)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string(fallback);
}

long long integerOr(const json &object, const char *key, long long fallback)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_number_integer() ? it->get<long long>() : fallback;
}

std::string joinedSource(const json &value)
{
    if (value.is_string())
        return value.get<std::string>();
    std::string text;
    if (value.is_array()) {
        for (const auto &line : value) {
            if (line.is_string())
                text += line.get_ref<const std::string &>();
        }
    }
    return text;
}

std::string v4MimeType(const std::string &key)
{
    static const std::unordered_map<std::string, std::string> names = {{"text", "text/plain"},
        {"html", "text/html"}, {"svg", "image/svg+xml"}, {"png", "image/png"}, {"jpeg", "image/jpeg"},
        {"latex", "text/latex"}, {"json", "application/json"}, {"javascript", "application/javascript"},
        {"pdf", "application/pdf"}, {"markdown", "text/markdown"}};
    const auto it = names.find(key);
    return it == names.end() ? key : it->second;
}

json upgradeOutput(const json &v3)
{
    if (!v3.is_object())
        return v3;
    json v4 = json::object();
    std::string type = stringOr(v3, "output_type", "");
    if (type == "pyout")
        type = "execute_result";
    else if (type == "pyerr")
        type = "error";
    v4["output_type"] = type;
    if (type == "stream") {
        v4["name"] = stringOr(v3, "stream", "stdout");
        v4["text"] = v3.contains("text") ? v3["text"] : json("");
    } else if (type == "error") {
        v4["ename"] = stringOr(v3, "ename", "");
        v4["evalue"] = stringOr(v3, "evalue", "");
        v4["traceback"] = v3.contains("traceback") ? v3["traceback"] : json::array();
    } else {
        json data = json::object();
        for (const auto &[key, value] : v3.items()) {
            if (key == "output_type" || key == "prompt_number" || key == "metadata")
                continue;
            const std::string mime = v4MimeType(key);
            if (mime == "application/json" && value.is_string())
                data[mime] = json::parse(value.get<std::string>(), nullptr, false);
            else
                data[mime] = value;
        }
        v4["data"] = std::move(data);
        v4["metadata"] = v3.contains("metadata") ? v3["metadata"] : json::object();
        if (type == "execute_result")
            v4["execution_count"] = v3.contains("prompt_number") ? v3["prompt_number"] : json(nullptr);
    }
    return v4;
}

} // namespace

json upgradedCell(const json &v3)
{
    if (!v3.is_object())
        return v3;
    json v4 = json::object();
    const std::string type = stringOr(v3, "cell_type", "");
    v4["metadata"] = v3.contains("metadata") ? v3["metadata"] : json::object();
    if (type == "code") {
        v4["cell_type"] = "code";
        v4["source"] = v3.contains("input") ? v3["input"] : json("");
        v4["execution_count"] = v3.contains("prompt_number") ? v3["prompt_number"] : json(nullptr);
        if (v3.contains("collapsed") && v4["metadata"].is_object())
            v4["metadata"]["collapsed"] = v3["collapsed"];
        json outputs = json::array();
        if (const auto it = v3.find("outputs"); it != v3.end() && it->is_array()) {
            for (const auto &output : *it)
                outputs.push_back(upgradeOutput(output));
        }
        v4["outputs"] = std::move(outputs);
    } else if (type == "heading") {
        // Headings became markdown: "## Title", one line.
        const int level = int(std::clamp<long long>(integerOr(v3, "level", 1), 1, 6));
        std::string text;
        const std::string source = joinedSource(v3.contains("source") ? v3["source"] : json());
        for (const auto line : splitLines(source)) {
            std::string_view trimmed = line;
            while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back())))
                trimmed.remove_suffix(1);
            while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front())))
                trimmed.remove_prefix(1);
            if (!text.empty())
                text += ' ';
            text += trimmed;
        }
        v4["cell_type"] = "markdown";
        v4["source"] = std::string(std::size_t(level), '#') + ' ' + text;
    } else {
        // A cell_type of the wrong type goes on as found, so the reading reports it with its place.
        v4["cell_type"] = v3.contains("cell_type") ? v3["cell_type"] : json(type);
        v4["source"] = v3.contains("source") ? v3["source"] : json("");
        if (v3.contains("attachments"))
            v4["attachments"] = v3["attachments"];
    }
    return v4;
}

} // namespace nbformat3
} // namespace tassel
