#include "notebook/notebookloader.h"

#include "notebook/jsonreader.h"
#include "notebook/nbformat3upgrade.h"
#include "util/escaping.h"

#include <QFile>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <set>
#include <unordered_map>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/mman.h>
#include <unistd.h>
#define TASSEL_HAVE_MADVISE 1
#endif

namespace tassel {

namespace {

using nlohmann::json;

struct Position
{
    int line = 0;
    int column = 0;
};

/// Line and column (in characters, 1-based) of a byte offset; computed only for messages.
Position positionAt(std::string_view bytes, std::size_t offset)
{
    offset = std::min(offset, bytes.size());
    Position position {1, 1};
    std::size_t lineStart = 0;
    for (const char *p = bytes.data(), *end = bytes.data() + offset;
         (p = static_cast<const char *>(std::memchr(p, '\n', std::size_t(end - p)))) != nullptr; ++p) {
        ++position.line;
        lineStart = std::size_t(p - bytes.data()) + 1;
    }
    for (std::size_t i = lineStart; i < offset; ++i) {
        if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80)
            ++position.column;
    }
    return position;
}

const char *kindName(JsonReader::Kind kind)
{
    switch (kind) {
    case JsonReader::Kind::Object:
        return "an object";
    case JsonReader::Kind::Array:
        return "a list";
    case JsonReader::Kind::String:
        return "a string";
    case JsonReader::Kind::Number:
        return "a number";
    case JsonReader::Kind::Bool:
        return "a boolean";
    case JsonReader::Kind::Null:
        return "null";
    case JsonReader::Kind::Invalid:
        break;
    }
    return "nothing";
}

const char *typeName(const json &value)
{
    switch (value.type()) {
    case json::value_t::object:
        return "an object";
    case json::value_t::array:
        return "a list";
    case json::value_t::string:
        return "a string";
    case json::value_t::boolean:
        return "a boolean";
    case json::value_t::null:
        return "null";
    default:
        return "a number";
    }
}

bool isJsonMime(std::string_view mime)
{
    return mime == "application/json" || mime.ends_with("+json");
}

bool validCellId(std::string_view id)
{
    if (id.empty() || id.size() > 64)
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
            || c == '_';
    });
}

/// `id` with each run of characters nbformat does not allow replaced by '-', cut to 64
/// characters; `fallback` when nothing is left.
std::string normalisedCellId(std::string_view id, const std::string &fallback)
{
    std::string out;
    for (const char c : id) {
        if (validCellId(std::string_view(&c, 1)))
            out += c;
        else if (out.empty() || out.back() != '-')
            out += '-';
        if (out.size() == 64)
            break;
    }
    const bool meaningful = std::any_of(out.begin(), out.end(), [](char c) { return c != '-'; });
    return meaningful ? out : fallback;
}

/// Keeps list element lengths only when a plain split of the joined text would not give them.
void keepLengthsIfUnusual(const std::string &text, std::vector<std::size_t> &lengths)
{
    const auto standard = splitLines(text);
    bool same = standard.size() == lengths.size();
    for (std::size_t i = 0; same && i < lengths.size(); ++i)
        same = standard[i].size() == lengths[i];
    if (same)
        lengths.clear();
}

/// Walks an nbformat 4 notebook through the pull reader, filling a Notebook.
class V4Reader
{
public:
    V4Reader(JsonReader &reader, Notebook &notebook, const NotebookLoader::Limits &limits, bool future)
        : m_reader(reader)
        , m_notebook(notebook)
        , m_limits(limits)
        , m_future(future)
    {
    }

    std::string errorPath; ///< JSON path of a structural error, when known

    void warn(std::string code, std::string message, int cellIndex = -1, int line = 0)
    {
        if (line == 0 && cellIndex >= 0 && std::size_t(cellIndex) < m_notebook.cells.size())
            line = m_notebook.cells[std::size_t(cellIndex)].fileLine;
        m_notebook.warnings.push_back({std::move(code), std::move(message), cellIndex, line});
    }

    bool wrongType(
        const std::string &what, const std::string &expected, JsonReader::Kind found, std::string path)
    {
        errorPath = std::move(path);
        return m_reader.fail(
            "wrong-type", what + " must be " + expected + ", found " + kindName(found), m_reader.offset());
    }

    bool readCells()
    {
        const auto kind = m_reader.peek();
        if (kind != JsonReader::Kind::Array)
            return m_reader.failed() ? false : wrongType("'cells'", "a list", kind, "/cells");
        m_reader.beginArray();
        while (m_reader.nextElement()) {
            const std::size_t index = m_notebook.cells.size();
            const auto cellKind = m_reader.peek();
            if (index >= m_limits.maxCells) {
                errorPath = "/cells/" + std::to_string(index);
                return m_reader.fail("too-large",
                    "the notebook has more than the limit of " + std::to_string(m_limits.maxCells) + " cells",
                    m_reader.offset());
            }
            if (cellKind != JsonReader::Kind::Object)
                return m_reader.failed()
                    ? false
                    : wrongType("a cell", "an object", cellKind, "/cells/" + std::to_string(index));
            m_notebook.cells.emplace_back();
            if (!readCell(m_notebook.cells.back(), int(index)))
                return false;
        }
        return !m_reader.failed();
    }

    /// A string or a list of strings, joined. Anything else is an error: the text is the point.
    /// `lengths` gets the list's element lengths only when they are unusual (see
    /// keepLengthsIfUnusual); `path()` gives the JSON path, built only for an error message.
    template <typename Path>
    bool readText(std::string &out, bool &wasList, std::vector<std::size_t> &lengths, const std::string &what,
        const Path &path)
    {
        out.clear();
        lengths.clear();
        const auto kind = m_reader.peek();
        if (kind == JsonReader::Kind::String) {
            wasList = false;
            return m_reader.readString(out);
        }
        if (kind != JsonReader::Kind::Array)
            return m_reader.failed() ? false : wrongType(what, "a string or a list of strings", kind, path());
        wasList = true;
        m_reader.beginArray();
        // Collected in a buffer the reader reuses: most lists are one line or split as usual, and
        // a million outputs must not cost a million small allocations.
        std::vector<std::size_t> &found = m_lineLengths;
        found.clear();
        while (m_reader.nextElement()) {
            const auto lineKind = m_reader.peek();
            if (lineKind != JsonReader::Kind::String)
                return m_reader.failed()
                    ? false
                    : wrongType(what + " line " + std::to_string(found.size() + 1), "a string", lineKind,
                        path() + "/" + std::to_string(found.size()));
            if (found.empty()) {
                if (!m_reader.readString(out)) // the common single-line case: no extra copy
                    return false;
                found.push_back(out.size());
                continue;
            }
            if (!m_reader.readString(m_line))
                return false;
            out += m_line;
            found.push_back(m_line.size());
        }
        if (m_reader.failed())
            return false;
        keepLengthsIfUnusual(out, found);
        lengths.assign(found.begin(), found.end());
        return true;
    }

    /// execution_count: a non-negative integer or null. Returns false only on a reader error.
    bool readExecutionCount(std::optional<int> &count, json &extra, int cellIndex, const std::string &where)
    {
        json value;
        const int line = m_reader.line();
        if (!m_reader.readValue(value))
            return false;
        if (value.is_number_integer() && value.get<long long>() >= 0
            && value.get<long long>() <= 0x7fffffff) {
            count = value.get<int>();
        } else if (!value.is_null()) {
            warn("wrong-type",
                where + "execution_count must be a non-negative integer or null, found " + typeName(value),
                cellIndex, line);
            extra["execution_count"] = std::move(value);
        }
        return true;
    }

    bool readMimeBundle(std::vector<MimeItem> &items, int cellIndex)
    {
        m_reader.beginObject();
        std::string mime;
        while (m_reader.nextKey(mime)) {
            MimeItem item;
            item.mimeType = mime;
            const auto kind = m_reader.peek();
            if (kind == JsonReader::Kind::String && !isJsonMime(mime)) {
                if (!m_reader.readString(item.data))
                    return false;
            } else if (kind == JsonReader::Kind::Array && !isJsonMime(mime)) {
                // A list is text lines unless an element is not a string (then it is JSON).
                json value;
                if (!m_reader.readValue(value))
                    return false;
                const bool lines
                    = std::all_of(value.begin(), value.end(), [](const json &v) { return v.is_string(); });
                if (lines) {
                    item.wasList = true;
                    for (const auto &line : value) {
                        item.data += line.get_ref<const std::string &>();
                        item.storedLineLengths.push_back(line.get_ref<const std::string &>().size());
                    }
                    keepLengthsIfUnusual(item.data, item.storedLineLengths);
                } else {
                    warn("wrong-type",
                        "MIME data '" + mime + "' is a list that mixes strings and other values", cellIndex);
                    item.isJson = true;
                    item.jsonValue = std::move(value);
                }
            } else {
                if (!m_reader.readValue(item.jsonValue))
                    return false;
                item.isJson = true;
            }
            if (item.isJson)
                item.data = item.jsonValue.dump(-1, ' ', false, json::error_handler_t::replace);
            items.push_back(std::move(item));
        }
        return !m_reader.failed();
    }

    /// What readOutput learns about an output besides its fields.
    struct OutputKeys
    {
        unsigned seen = 0; ///< bits of outputKeyBit
        bool haveType = false;
        bool haveMetadata = false;
        bool haveCount = false;
        std::optional<int> count;
        json countExtra; ///< {"execution_count": value} for a value of the wrong type
        std::string typeName;
    };

    /// The bit of a key some output type requires, 0 for other keys.
    static unsigned outputKeyBit(std::string_view key)
    {
        static constexpr std::array<std::string_view, 7> keys
            = {"name", "text", "data", "metadata", "ename", "evalue", "traceback"};
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (keys[i] == key)
                return 1u << i;
        }
        return 0;
    }

    static std::string outputWhere(std::size_t index) { return "output " + std::to_string(index) + ": "; }

    /// One key of an output object. Messages and paths are built only when needed: a cell can
    /// hold a million outputs.
    bool readOutputMember(Output &output, OutputKeys &keys, const std::string &key, int cellIndex, int line,
        const std::string &outputsPath, std::size_t index)
    {
        keys.seen |= outputKeyBit(key);
        const auto kind = m_reader.peek();
        if (kind == JsonReader::Kind::Invalid)
            return false;
        if (key == "output_type" && kind == JsonReader::Kind::String) {
            keys.haveType = true;
            return m_reader.readString(keys.typeName);
        }
        if (key == "name" && kind == JsonReader::Kind::String)
            return m_reader.readString(output.streamName);
        if (key == "text") {
            std::vector<std::size_t> lengths;
            if (!readText(output.text, output.textWasList, lengths, "output 'text'",
                    [&] { return outputsPath + "/" + std::to_string(index) + "/text"; }))
                return false;
            if (!lengths.empty())
                output.editDetails().textLineLengths = std::move(lengths);
            return true;
        }
        if (key == "data" && kind == JsonReader::Kind::Object)
            return readMimeBundle(output.data, cellIndex);
        const std::string where = outputWhere(index);
        if (key == "metadata") {
            keys.haveMetadata = true;
            if (!m_reader.readValue(output.metadata))
                return false;
            if (!output.metadata.is_object())
                warn("wrong-type", where + "metadata must be an object", cellIndex, line);
            return true;
        }
        if (key == "execution_count") {
            keys.haveCount = true;
            return readExecutionCount(keys.count, keys.countExtra, cellIndex, where);
        }
        if ((key == "ename" || key == "evalue") && kind == JsonReader::Kind::String) {
            OutputDetails &details = output.editDetails();
            return m_reader.readString(key == "ename" ? details.errorName : details.errorValue);
        }
        if (key == "traceback" && kind == JsonReader::Kind::Array) {
            json value;
            if (!m_reader.readValue(value))
                return false;
            if (std::all_of(value.begin(), value.end(), [](const json &v) { return v.is_string(); })) {
                for (auto &frame : value)
                    output.editDetails().traceback.push_back(std::move(frame.get_ref<std::string &>()));
            } else {
                warn("wrong-type", where + "traceback must be a list of strings", cellIndex, line);
                output.editDetails().extra[key] = std::move(value);
            }
            return true;
        }
        const bool known = key == "output_type" || key == "name" || key == "data" || key == "ename"
            || key == "evalue" || key == "traceback";
        if (known)
            warn("wrong-type", where + "'" + key + "' has the wrong type (" + kindName(kind) + ")", cellIndex,
                line);
        else if (!m_future)
            warn("unknown-key", where + "unknown key '" + key + "'", cellIndex, line);
        return m_reader.readValue(output.editDetails().extra[key]);
    }

    /// Output `index` of the list at `outputsPath`.
    bool readOutput(Output &output, int cellIndex, const std::string &outputsPath, std::size_t index)
    {
        const int line = m_reader.line();
        OutputKeys keys;
        m_reader.beginObject();
        std::string key;
        while (m_reader.nextKey(key)) {
            if (!readOutputMember(output, keys, key, cellIndex, line, outputsPath, index))
                return false;
        }
        if (m_reader.failed())
            return false;
        finishOutput(output, keys, cellIndex, line, index);
        return true;
    }

    /// The output's type from its output_type, keys that type does not have moved to the
    /// details' `extra`, and warnings for the keys it lacks.
    void finishOutput(Output &output, OutputKeys &keys, int cellIndex, int line, std::size_t index)
    {
        const std::string &name = keys.typeName;
        if (name == "stream")
            output.type = OutputType::Stream;
        else if (name == "execute_result")
            output.type = OutputType::ExecuteResult;
        else if (name == "display_data")
            output.type = OutputType::DisplayData;
        else if (name == "error")
            output.type = OutputType::Error;
        else if (keys.haveType)
            warn("unknown-output-type", outputWhere(index) + "unknown output_type '" + name + "'", cellIndex,
                line);
        if (!keys.haveType)
            warn("missing-key", outputWhere(index) + "no output_type", cellIndex, line);
        if (output.type == OutputType::Unknown && !name.empty())
            output.editDetails().outputTypeName = name;

        // Keys the model only has for some output types go back to `extra` for the others.
        if (output.type == OutputType::ExecuteResult) {
            output.executionCount = keys.count;
            if (!keys.haveCount)
                warn("missing-key", outputWhere(index) + "execute_result without execution_count", cellIndex,
                    line);
        } else if (keys.haveCount) {
            output.editDetails().extra["execution_count"] = keys.count ? json(*keys.count) : json(nullptr);
        }
        if (keys.countExtra.contains("execution_count"))
            output.editDetails().extra["execution_count"] = std::move(keys.countExtra["execution_count"]);
        const bool rich = output.type == OutputType::ExecuteResult || output.type == OutputType::DisplayData;
        if (!rich && keys.haveMetadata) {
            output.editDetails().extra["metadata"] = std::move(output.metadata);
            output.metadata = json();
        }
        const auto require = [&](std::initializer_list<const char *> required) {
            for (const char *key : required) {
                if (!(keys.seen & outputKeyBit(key)))
                    warn("missing-key", outputWhere(index) + name + " output without '" + key + "'",
                        cellIndex, line);
            }
        };
        switch (output.type) {
        case OutputType::Stream:
            require({"name", "text"});
            break;
        case OutputType::ExecuteResult:
        case OutputType::DisplayData:
            require({"data", "metadata"});
            break;
        case OutputType::Error:
            require({"ename", "evalue", "traceback"});
            break;
        case OutputType::Unknown:
            break;
        }
    }

    bool readOutputs(Cell &cell, int cellIndex, const std::string &path)
    {
        const auto kind = m_reader.peek();
        if (kind != JsonReader::Kind::Array)
            return m_reader.failed() ? false : wrongType("'outputs'", "a list", kind, path);
        // Allocated once at its final size: doubling a list of a million outputs would hold
        // one and a half lists at its last step.
        cell.outputs.reserve(m_reader.countObjectElements());
        m_reader.beginArray();
        while (m_reader.nextElement()) {
            const std::size_t index = cell.outputs.size();
            const auto outputKind = m_reader.peek();
            if (outputKind != JsonReader::Kind::Object)
                return m_reader.failed()
                    ? false
                    : wrongType("an output", "an object", outputKind, path + "/" + std::to_string(index));
            cell.outputs.emplace_back();
            if (!readOutput(cell.outputs.back(), cellIndex, path, index))
                return false;
        }
        return !m_reader.failed();
    }

    bool readCell(Cell &cell, int index)
    {
        cell.fileLine = m_reader.line();
        const std::string path = "/cells/" + std::to_string(index);
        const std::string where = "cell " + std::to_string(index + 1) + ": ";
        bool haveType = false, haveId = false, haveSource = false, haveMetadata = false, haveCount = false,
             haveOutputs = false;
        m_reader.beginObject();
        std::string key;
        while (m_reader.nextKey(key)) {
            const int line = m_reader.line();
            const auto kind = m_reader.peek();
            if (kind == JsonReader::Kind::Invalid)
                return false;
            if (key == "cell_type" && kind == JsonReader::Kind::String) {
                haveType = true;
                if (!m_reader.readString(cell.cellTypeName))
                    return false;
            } else if (key == "id" && kind == JsonReader::Kind::String) {
                haveId = true;
                if (!m_reader.readString(cell.id))
                    return false;
            } else if (key == "source") {
                haveSource = true;
                if (!readText(cell.source, cell.sourceWasList, cell.sourceLineLengths, "'source'",
                        [&] { return path + "/source"; }))
                    return false;
            } else if (key == "execution_count") {
                haveCount = true;
                if (!readExecutionCount(cell.executionCount, cell.extra, index, where))
                    return false;
            } else if (key == "metadata") {
                haveMetadata = true;
                if (!m_reader.readValue(cell.metadata))
                    return false;
            } else if (key == "outputs") {
                haveOutputs = true;
                if (!readOutputs(cell, index, path + "/outputs"))
                    return false;
            } else if (key == "attachments") {
                if (!m_reader.readValue(cell.attachments))
                    return false;
                if (!cell.attachments.is_object())
                    warn("wrong-type", where + "attachments must be an object", index, line);
            } else {
                if (key == "cell_type" || key == "id")
                    warn("wrong-type", where + "'" + key + "' must be a string, found " + kindName(kind),
                        index, line);
                else if (!m_future)
                    warn("unknown-key", where + "unknown key '" + key + "'", index, line);
                if (!m_reader.readValue(cell.extra[key]))
                    return false;
            }
        }
        if (m_reader.failed())
            return false;

        if (cell.cellTypeName == "code") {
            cell.type = CellType::Code;
        } else if (cell.cellTypeName == "markdown") {
            cell.type = CellType::Markdown;
        } else if (cell.cellTypeName == "raw") {
            cell.type = CellType::Raw;
        } else {
            cell.type = CellType::Unknown;
            if (haveType)
                warn("unknown-cell-type", where + "unknown cell_type '" + cell.cellTypeName + "'", index);
        }
        const auto missing = [&](bool have, const char *name) {
            if (!have)
                warn("missing-key", where + "no '" + name + "'", index);
        };
        missing(haveType, "cell_type");
        missing(haveSource, "source");
        missing(haveMetadata, "metadata");
        if (cell.type == CellType::Code) {
            missing(haveCount, "execution_count");
            missing(haveOutputs, "outputs");
        } else if (cell.type != CellType::Unknown) {
            // Not part of markdown or raw cells: keep them aside, as found.
            if (haveCount && !cell.extra.contains("execution_count")) {
                cell.extra["execution_count"]
                    = cell.executionCount ? json(*cell.executionCount) : json(nullptr);
                cell.executionCount.reset();
            }
            if (haveOutputs && cell.outputs.empty())
                cell.extra["outputs"] = json::array();
            if (haveCount || haveOutputs)
                warn("unknown-key", where + cell.cellTypeName + " cell with execution_count or outputs",
                    index);
        }
        if (haveId && !validCellId(cell.id))
            cell.extra["id"] = cell.id; // saved back as the file had it; normalised once all cells are read
        else if (!haveId && m_notebook.nbformatMinor >= 5)
            warn("missing-id", where + "no cell id (required since nbformat 4.5)", index);
        if (!cell.metadata.is_object())
            warn("wrong-type", where + "metadata must be an object, found " + typeName(cell.metadata), index);
        else
            checkCellMetadata(cell.metadata, where, index);
        return true;
    }

    void checkCellMetadata(const json &metadata, const std::string &where, int index)
    {
        const auto expect = [&](const char *key, bool ok, const char *expected) {
            if (!ok)
                warn("wrong-type", where + "metadata." + key + " must be " + expected, index);
        };
        for (const auto &[key, value] : metadata.items()) {
            if (key == "collapsed" || key == "deletable" || key == "editable")
                expect(key.c_str(), value.is_boolean(), "a boolean");
            else if (key == "scrolled")
                expect("scrolled", value.is_boolean() || value == "auto", "a boolean or \"auto\"");
            else if (key == "name")
                expect("name", value.is_string() && !value.get_ref<const std::string &>().empty(),
                    "a non-empty string");
            else if (key == "format")
                expect("format", value.is_string(), "a string");
            else if (key == "tags")
                expect("tags",
                    value.is_array()
                        && std::all_of(value.begin(), value.end(),
                            [](const json &tag) {
                                return tag.is_string()
                                    && tag.get_ref<const std::string &>().find(',') == std::string::npos;
                            }),
                    "a list of strings without commas");
            else if (key == "jupyter") {
                expect("jupyter", value.is_object(), "an object");
                if (value.is_object()) {
                    for (const char *flag : {"source_hidden", "outputs_hidden"}) {
                        if (value.contains(flag))
                            expect((std::string("jupyter.") + flag).c_str(), value[flag].is_boolean(),
                                "a boolean");
                    }
                }
            } else if (key == "execution") {
                expect("execution", value.is_object(), "an object");
            }
        }
    }

    void checkNotebook()
    {
        const json &metadata = m_notebook.metadata;
        if (!metadata.is_object()) {
            warn("wrong-type",
                std::string("notebook metadata must be an object, found ") + typeName(metadata));
        } else {
            if (const auto it = metadata.find("kernelspec"); it != metadata.end()) {
                if (!it->is_object())
                    warn("wrong-type", "metadata.kernelspec must be an object");
                else
                    for (const char *key : {"name", "display_name"}) {
                        if (!it->contains(key) || !(*it)[key].is_string())
                            warn("wrong-type",
                                std::string("metadata.kernelspec.") + key + " must be a string");
                    }
            }
            if (const auto it = metadata.find("language_info"); it != metadata.end()) {
                if (!it->is_object())
                    warn("wrong-type", "metadata.language_info must be an object");
                else if (!it->contains("name") || !(*it)["name"].is_string())
                    warn("wrong-type", "metadata.language_info.name must be a string");
            }
            if (const auto it = metadata.find("orig_nbformat");
                it != metadata.end() && !it->is_number_integer())
                warn("wrong-type", "metadata.orig_nbformat must be an integer");
            if (const auto it = metadata.find("title"); it != metadata.end() && !it->is_string())
                warn("wrong-type", "metadata.title must be a string");
        }
        normaliseInvalidIds();
        std::unordered_map<std::string, int> firstWithId;
        for (std::size_t i = 0; i < m_notebook.cells.size(); ++i) {
            const std::string &id = m_notebook.cells[i].id;
            if (id.empty())
                continue;
            const auto [it, inserted] = firstWithId.emplace(id, int(i));
            if (!inserted)
                warn("duplicate-id",
                    "cell " + std::to_string(i + 1) + ": cell id '" + id + "' is already used by cell "
                        + std::to_string(it->second + 1),
                    int(i));
        }
    }

    /// An invalid id (newlines, markup, code...) must not reach generated code, reports or
    /// messages: the cell gets a valid id unique in the notebook, and the warning says which.
    void normaliseInvalidIds()
    {
        std::set<std::string> taken;
        for (const Cell &cell : m_notebook.cells)
            if (validCellId(cell.id))
                taken.insert(cell.id);
        for (std::size_t i = 0; i < m_notebook.cells.size(); ++i) {
            Cell &cell = m_notebook.cells[i];
            if (cell.id.empty() || validCellId(cell.id))
                continue;
            const std::string base = normalisedCellId(cell.id, "cell-" + std::to_string(i + 1));
            std::string id = base;
            for (int n = 2; taken.count(id); ++n) {
                const std::string suffix = "-" + std::to_string(n);
                id = base.substr(0, 64 - suffix.size()) + suffix;
            }
            taken.insert(id);
            warn("invalid-id",
                "cell " + std::to_string(i + 1) + ": cell id '" + escaping::oneLine(cell.id)
                    + "' must be 1-64 letters, digits, '-' or '_'; using '" + id + "'",
                int(i));
            cell.id = id;
        }
    }

private:
    JsonReader &m_reader;
    Notebook &m_notebook;
    const NotebookLoader::Limits &m_limits;
    bool m_future;
    // Buffers readText reuses from one text to the next.
    std::vector<std::size_t> m_lineLengths;
    std::string m_line;
};

// --- The two passes ----------------------------------------------------------------------------

class Loader
{
public:
    Loader(std::string_view bytes, const std::string &path, const NotebookLoader::Limits &limits,
        std::function<void(std::size_t)> release)
        : m_bytes(bytes)
        , m_path(path)
        , m_limits(limits)
        , m_release(std::move(release))
    {
    }

    Result<Notebook> load()
    {
        if (m_bytes.size() > m_limits.maxFileBytes)
            return error("too-large",
                "the file has " + std::to_string(m_bytes.size()) + " bytes, more than the limit of "
                    + std::to_string(m_limits.maxFileBytes),
                Position {});
        std::size_t start = 0;
        if (m_bytes.substr(0, 3) == "\xEF\xBB\xBF")
            start = 3;
        if (m_bytes.find_first_not_of(" \t\r\n", start) == std::string_view::npos)
            return error("empty-file", "the file is empty; a notebook is a JSON object", Position {});
        const std::string_view text = m_bytes.substr(start);

        // Pass 1: check the whole syntax and find the version before interpreting anything, so
        // that a syntax error is always reported as such and the version decides the reading.
        // Pass 1 keeps the pages it reads: pass 2 reads them again right away.
        JsonReader check(text, readerLimits());
        json major, minor;
        std::size_t majorOffset = 0;
        if (check.peek() == JsonReader::Kind::Object) {
            check.beginObject();
            std::string key;
            while (check.nextKey(key)) {
                if (key == "nbformat") {
                    check.peek();
                    majorOffset = check.offset();
                    check.readValue(major);
                } else if (key == "nbformat_minor") {
                    check.readValue(minor);
                } else {
                    check.skipValue();
                }
            }
            check.expectEnd();
        } else if (!check.failed()) {
            const auto kind = check.peek();
            check.skipValue();
            if (check.expectEnd())
                return error("not-a-notebook",
                    std::string("the top level is ") + kindName(kind) + "; a notebook is a JSON object",
                    Position {1, 1});
        }
        if (check.failed())
            return readerError(check, start, {});

        if (major.is_null())
            return error("not-a-notebook", "no 'nbformat' key: this JSON object is not a Jupyter notebook",
                Position {1, 1}, "/nbformat");
        // Only a refusal needs the position: "nbformat" is near the end of a notebook (Jupyter sorts
        // the top-level keys), and counting lines and characters up to it is a pass over the file.
        const auto versionAt = [&] { return positionAt(m_bytes, start + majorOffset); };
        if (!major.is_number_integer())
            return error("wrong-type", std::string("'nbformat' must be an integer, found ") + typeName(major),
                versionAt(), "/nbformat");
        const auto version = major.get<long long>();
        if (version != 3 && version != 4)
            return error("unsupported-version",
                "nbformat " + std::to_string(version)
                    + " is not supported; Tassel reads nbformat 4 and upgrades nbformat 3 (open and save it "
                      "with a current Jupyter to convert it)",
                versionAt(), "/nbformat");

        Notebook notebook;
        notebook.path = m_path;
        notebook.nbformat = int(version);
        notebook.originalNbformat = int(version);
        if (start)
            notebook.warnings.push_back(
                {"byte-order-mark", "the file starts with a UTF-8 byte order mark", -1, 1});
        if (minor.is_number_integer()) {
            notebook.nbformatMinor = int(std::clamp<long long>(minor.get<long long>(), 0, 1 << 20));
        } else {
            notebook.nbformatMinor = 0;
            notebook.warnings.push_back({"missing-key", "no integer 'nbformat_minor'; assuming 0", -1, 0});
        }
        const bool future = version == 4 && notebook.nbformatMinor > 5;
        if (future)
            notebook.warnings.push_back({"newer-minor-version",
                "nbformat 4." + std::to_string(notebook.nbformatMinor)
                    + " is newer than 4.5; unknown keys are kept but not understood",
                -1, 0});

        // Pass 2: the structure.
        JsonReader reader(text, readerLimits());
        reader.setReleaseCallback(shifted(start));
        V4Reader v4(reader, notebook, m_limits, future);
        bool sawCells = false;
        json worksheets;
        std::vector<int> v3Lines;
        reader.beginObject();
        std::string key;
        while (reader.nextKey(key)) {
            if (key == "cells" && version == 4) {
                sawCells = true;
                if (!v4.readCells())
                    break;
            } else if (key == "worksheets" && version == 3) {
                if (!readWorksheets(reader, worksheets, v3Lines, v4))
                    break;
            } else if (key == "metadata") {
                reader.readValue(notebook.metadata);
            } else if (key == "nbformat" || key == "nbformat_minor") {
                reader.skipValue();
            } else {
                reader.readValue(notebook.extra[key]);
            }
        }
        if (reader.failed())
            return readerError(reader, start, v4.errorPath);
        if (version == 4 && !sawCells)
            return error("missing-cells", "the notebook has no 'cells' list", Position {1, 1}, "/cells");
        if (version == 3) {
            if (auto upgraded = upgradeV3(notebook, worksheets, v3Lines); !upgraded.ok())
                return upgraded.error();
        }
        v4.checkNotebook();
        return notebook;
    }

private:
    JsonReader::Limits readerLimits() const { return {m_limits.maxDepth, m_limits.maxStringBytes}; }

    std::function<void(std::size_t)> shifted(std::size_t start) const
    {
        if (!m_release)
            return {};
        return [release = m_release, start](std::size_t offset) { release(offset + start); };
    }

    Error error(std::string code, std::string message, Position at, std::string jsonPath = {}) const
    {
        return Error {std::move(code), std::move(message), m_path, at.line, at.column, std::move(jsonPath)};
    }

    Error readerError(const JsonReader &reader, std::size_t start, std::string jsonPath) const
    {
        return error(reader.errorCode(), reader.errorMessage(),
            positionAt(m_bytes, start + reader.errorOffset()), std::move(jsonPath));
    }

    /// Collects the v3 cells as JSON (v3 files are small and old), remembering their lines.
    bool readWorksheets(JsonReader &reader, json &cells, std::vector<int> &lines, V4Reader &v4)
    {
        cells = json::array();
        const auto kind = reader.peek();
        if (kind != JsonReader::Kind::Array)
            return reader.failed() ? false : v4.wrongType("'worksheets'", "a list", kind, "/worksheets");
        reader.beginArray();
        int sheet = 0;
        while (reader.nextElement()) {
            const std::string path = "/worksheets/" + std::to_string(sheet++);
            const auto sheetKind = reader.peek();
            if (sheetKind != JsonReader::Kind::Object)
                return reader.failed() ? false : v4.wrongType("a worksheet", "an object", sheetKind, path);
            reader.beginObject();
            std::string key;
            while (reader.nextKey(key)) {
                if (key != "cells") {
                    reader.skipValue();
                    continue;
                }
                const auto cellsKind = reader.peek();
                if (cellsKind != JsonReader::Kind::Array)
                    return reader.failed() ? false
                                           : v4.wrongType("'cells'", "a list", cellsKind, path + "/cells");
                reader.beginArray();
                while (reader.nextElement()) {
                    const auto cellKind = reader.peek();
                    if (cellKind != JsonReader::Kind::Object)
                        return reader.failed() ? false
                                               : v4.wrongType("a cell", "an object", cellKind,
                                                   path + "/cells/" + std::to_string(lines.size()));
                    lines.push_back(reader.line());
                    json cell;
                    if (!reader.readValue(cell))
                        return false;
                    cells.push_back(std::move(cell));
                }
            }
        }
        return !reader.failed();
    }

    /// Converts the v3 cells to v4 JSON and reads that with the v4 reader, so both versions
    /// end in the same model; lines are then mapped back to the original file.
    Result<bool> upgradeV3(Notebook &notebook, const json &v3Cells, const std::vector<int> &lines)
    {
        if (lines.empty() && v3Cells.empty())
            notebook.warnings.push_back(
                {"missing-key", "nbformat 3 notebook without cells in worksheets", -1, 0});
        json cells = json::array();
        for (const auto &cell : v3Cells)
            cells.push_back(nbformat3::upgradedCell(cell));
        const std::string text = cells.dump(-1, ' ', false, json::error_handler_t::replace);
        const std::size_t firstWarning = notebook.warnings.size();
        notebook.nbformat = 4;
        notebook.nbformatMinor = 0;
        JsonReader reader(text, readerLimits());
        V4Reader v4(reader, notebook, m_limits, false);
        if (!v4.readCells()) {
            // Name the cell in the original file; the converted text means nothing to the user.
            const int cell = int(notebook.cells.size()) - 1;
            const int line = cell >= 0 && std::size_t(cell) < lines.size() ? lines[std::size_t(cell)] : 0;
            return error(reader.errorCode(),
                "nbformat 3 cell " + std::to_string(cell + 1) + ": " + reader.errorMessage(),
                Position {line, 0});
        }
        for (std::size_t i = 0; i < notebook.cells.size() && i < lines.size(); ++i)
            notebook.cells[i].fileLine = lines[i];
        for (std::size_t i = firstWarning; i < notebook.warnings.size(); ++i) {
            auto &warning = notebook.warnings[i];
            if (warning.cellIndex >= 0 && std::size_t(warning.cellIndex) < lines.size())
                warning.line = lines[std::size_t(warning.cellIndex)];
        }
        if (notebook.metadata.is_object()) {
            notebook.metadata.erase("name");
            notebook.metadata.erase("signature");
            notebook.metadata["orig_nbformat"] = 3;
        }
        notebook.warnings.push_back(
            {"upgraded", "nbformat 3 notebook upgraded to nbformat 4.0 on load", -1, 0});
        return true;
    }

    std::string_view m_bytes;
    const std::string &m_path;
    const NotebookLoader::Limits &m_limits;
    std::function<void(std::size_t)> m_release;
};

} // namespace

Result<Notebook> NotebookLoader::loadFile(const std::string &path) const
{
    // Opened without blocking and checked on the open descriptor: a named pipe or a device given
    // as a notebook would otherwise hang the command or read forever.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return Error {
            "io-error", std::string("cannot open the file: ") + std::strerror(errno), path, 0, 0, {}};
    struct stat info;
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return Error {"io-error",
            "not a regular file (a folder, named pipe, device or socket); refusing to read it", path, 0, 0,
            {}};
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return Error {
            "io-error", "cannot open the file: " + file.errorString().toStdString(), path, 0, 0, {}};
    }
    const qint64 size = file.size();
    if (size == 0)
        return loadBytes({}, path);
    if (std::size_t(size) > m_limits.maxFileBytes)
        return Error {"too-large",
            "the file has " + std::to_string(size) + " bytes, more than the limit of "
                + std::to_string(m_limits.maxFileBytes),
            path, 0, 0, {}};
    uchar *mapped = file.map(0, size);
    if (!mapped) {
        const QByteArray bytes = file.readAll();
        if (file.error() != QFileDevice::NoError)
            return Error {
                "io-error", "cannot read the file: " + file.errorString().toStdString(), path, 0, 0, {}};
        return loadBytes(std::string_view(bytes.constData(), std::size_t(bytes.size())), path);
    }
    const std::string_view bytes(reinterpret_cast<const char *>(mapped), std::size_t(size));
    std::function<void(std::size_t)> release;
#ifdef TASSEL_HAVE_MADVISE
    // Pages already read are dropped from this process (they stay in the page cache, and come
    // back transparently if an error message needs them), so a 100 MB notebook does not cost
    // the file size on top of the model.
    const std::size_t page = std::size_t(sysconf(_SC_PAGESIZE));
    release = [mapped, page, done = std::size_t(0)](std::size_t offset) mutable {
        const std::size_t end = offset / page * page;
        if (end > done)
            madvise(mapped + done, end - done, MADV_DONTNEED);
        done = std::max(done, end);
    };
#endif
    Result<Notebook> result = Loader(bytes, path, m_limits, release).load();
    file.unmap(mapped);
    return result;
}

Result<Notebook> NotebookLoader::loadBytes(std::string_view bytes, const std::string &path) const
{
    return Loader(bytes, path, m_limits, {}).load();
}

} // namespace tassel
