#include "notebook/notebook.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace tassel {

namespace {

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

int base64Value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

} // namespace

bool MimeItem::isBinary() const
{
    if (isJson || isTextLike())
        return false;
    return startsWith(mimeType, "image/") || startsWith(mimeType, "application/")
        || startsWith(mimeType, "audio/") || startsWith(mimeType, "video/");
}

bool MimeItem::isTextLike() const
{
    // SVG is XML text in notebooks, not base64.
    return startsWith(mimeType, "text/") || mimeType == "image/svg+xml" || mimeType == "application/json"
        || mimeType == "application/javascript" || (mimeType.size() > 5 && mimeType.ends_with("+json"));
}

std::string MimeItem::decodedBytes() const
{
    if (!isBinary())
        return data;
    std::string bytes;
    bytes.reserve(data.size() / 4 * 3);
    unsigned buffer = 0;
    int bits = 0;
    for (unsigned char c : data) {
        const int value = base64Value(c);
        if (value < 0)
            continue; // newlines and padding
        buffer = (buffer << 6) | unsigned(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes.push_back(char((buffer >> bits) & 0xff));
        }
    }
    return bytes;
}

const MimeItem *Output::find(std::string_view mimeType) const
{
    for (const auto &item : data) {
        if (item.mimeType == mimeType)
            return &item;
    }
    return nullptr;
}

std::string Output::plainText() const
{
    switch (type) {
    case OutputType::Stream:
        return text;
    case OutputType::ExecuteResult:
    case OutputType::DisplayData:
        if (const auto *item = find("text/plain"))
            return item->data;
        return {};
    case OutputType::Error: {
        const OutputDetails &error = details();
        std::string lines;
        for (const auto &line : error.traceback)
            lines += line + '\n';
        if (lines.empty())
            lines = error.errorName + ": " + error.errorValue + '\n';
        return lines;
    }
    case OutputType::Unknown:
        break;
    }
    return {};
}

std::vector<std::string_view> splitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    std::size_t i = 0;
    const std::size_t size = text.size();
    while (i < size) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t end = 0; // one past the line break, 0 when text[i] is not one
        if (c == '\r')
            end = (i + 1 < size && text[i + 1] == '\n') ? i + 2 : i + 1;
        else if (c == '\n' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E))
            end = i + 1;
        else if (c == 0xC2 && i + 1 < size && static_cast<unsigned char>(text[i + 1]) == 0x85)
            end = i + 2;
        else if (c == 0xE2 && i + 2 < size && static_cast<unsigned char>(text[i + 1]) == 0x80
            && (static_cast<unsigned char>(text[i + 2]) == 0xA8
                || static_cast<unsigned char>(text[i + 2]) == 0xA9))
            end = i + 3;
        if (end) {
            lines.push_back(text.substr(start, end - start));
            start = i = end;
        } else {
            ++i;
        }
    }
    if (start < size)
        lines.push_back(text.substr(start));
    return lines;
}

std::vector<std::string> Cell::tags() const
{
    std::vector<std::string> result;
    const auto it = metadata.find("tags");
    if (it != metadata.end() && it->is_array()) {
        for (const auto &tag : *it) {
            if (tag.is_string())
                result.push_back(tag.get<std::string>());
        }
    }
    return result;
}

bool Cell::hasTag(std::string_view tag) const
{
    const auto all = tags();
    return std::find(all.begin(), all.end(), tag) != all.end();
}

namespace {
std::string stringAt(const nlohmann::json &object, std::initializer_list<const char *> keys)
{
    const nlohmann::json *node = &object;
    for (const char *key : keys) {
        if (!node->is_object())
            return {};
        const auto it = node->find(key);
        if (it == node->end())
            return {};
        node = &*it;
    }
    return node->is_string() ? node->get<std::string>() : std::string();
}
} // namespace

std::string Notebook::kernelName() const
{
    return stringAt(metadata, {"kernelspec", "name"});
}

namespace {
std::string lowered(std::string text)
{
    for (char &c : text)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

/// The language of a kernel whose notebook names no language, from its usual kernel names.
std::string languageOfKernel(const std::string &kernel)
{
    const std::string name = lowered(kernel);
    static const std::pair<std::string_view, std::string_view> kPrefixes[] = {{"ir", "R"}, {"julia", "julia"},
        {"ijulia", "julia"}, {"xcpp", "C++"}, {".net-csharp", "C#"}, {".net-fsharp", "F#"},
        {".net-powershell", "PowerShell"}, {"gonb", "go"}, {"gophernotes", "go"}, {"evcxr", "rust"},
        {"rust", "rust"}, {"javascript", "javascript"}, {"ijavascript", "javascript"},
        {"typescript", "typescript"}, {"bash", "bash"}, {"scala", "scala"}, {"apache_toree", "scala"},
        {"clojure", "clojure"}, {"java", "java"}, {"octave", "octave"}, {"sas", "sas"}, {"stata", "stata"}};
    if (name.find("python") != std::string::npos)
        return "python";
    for (const auto &[prefix, language] : kPrefixes) {
        if (name == prefix || (prefix.size() > 2 && startsWith(name, prefix)))
            return std::string(language);
    }
    return "python"; // custom environment names ("myenv", "conda-env-x") are nearly always Python
}
} // namespace

std::string Notebook::language() const
{
    std::string name = stringAt(metadata, {"language_info", "name"});
    if (name.empty())
        name = stringAt(metadata, {"kernelspec", "language"});
    if (name.empty())
        name = languageOfKernel(kernelName());
    return name;
}

bool Notebook::isPython() const
{
    return lowered(language()) == "python";
}

int Notebook::pythonMajor() const
{
    const std::string version = languageVersion();
    if (!version.empty())
        return version[0] == '2' ? 2 : 3;
    const auto info = metadata.find("language_info");
    if (info != metadata.end() && info->is_object()) {
        const auto mode = info->find("codemirror_mode");
        if (mode != info->end() && mode->is_object()) {
            const auto major = mode->find("version");
            if (major != mode->end() && major->is_number_integer())
                return major->get<int>() == 2 ? 2 : 3;
        }
    }
    return lowered(kernelName()) == "python2" ? 2 : 3;
}

std::string Notebook::languageDisplayName() const
{
    const std::string name = language();
    static const std::pair<std::string_view, std::string_view> kNames[] = {{"c++", "C++"}, {"r", "R"},
        {"julia", "Julia"}, {"c#", "C#"}, {"f#", "F#"}, {"go", "Go"}, {"rust", "Rust"}, {"scala", "Scala"},
        {"clojure", "Clojure"}, {"javascript", "JavaScript"}, {"typescript", "TypeScript"}, {"java", "Java"},
        {"swift", "Swift"}, {"haskell", "Haskell"}, {"octave", "Octave"}, {"lua", "Lua"}, {"bash", "Bash"},
        {"gnuplot", "gnuplot"}, {"python", "Python"}, {"sas", "SAS"}, {"scheme", "Scheme"}, {"tcl", "Tcl"}};
    const std::string key = lowered(name);
    for (const auto &[lower, display] : kNames) {
        if (key == lower)
            return std::string(display);
    }
    return name;
}

std::string Notebook::languageVersion() const
{
    return stringAt(metadata, {"language_info", "version"});
}

} // namespace tassel
