#include "notebook/notebookloader.h"

#include <fstream>
#include <sstream>

namespace tassel {

namespace {

using nlohmann::json;

struct LineColumn
{
    int line = 1;
    int column = 1;
};

LineColumn lineColumnAt(std::string_view bytes, std::size_t offset)
{
    LineColumn position;
    offset = std::min(offset, bytes.size());
    for (std::size_t i = 0; i < offset; ++i) {
        if (bytes[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) {
            ++position.column;
        }
    }
    return position;
}

std::string joinText(const json &value)
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

class Reader
{
public:
    Reader(const std::string &path, std::vector<LoadWarning> &warnings)
        : m_path(path)
        , m_warnings(warnings)
    {
    }

    Output readOutput(const json &node)
    {
        Output output;
        output.outputTypeName = node.value("output_type", "");
        const std::string &kind = output.outputTypeName;
        if (kind == "stream") {
            output.type = OutputType::Stream;
            output.streamName = node.value("name", "stdout");
            output.text = joinText(node.value("text", json()));
        } else if (kind == "execute_result" || kind == "display_data" || kind == "pyout") {
            output.type = kind == "display_data" ? OutputType::DisplayData : OutputType::ExecuteResult;
            if (const auto it = node.find("data"); it != node.end() && it->is_object()) {
                for (const auto &[mime, value] : it->items()) {
                    MimeItem item;
                    item.mimeType = mime;
                    if (value.is_object() || (value.is_array() && mime.find("json") != std::string::npos)) {
                        item.isJson = true;
                        item.data = value.dump();
                    } else {
                        item.data = joinText(value);
                    }
                    output.data.push_back(std::move(item));
                }
            }
            if (const auto it = node.find("execution_count"); it != node.end() && it->is_number_integer())
                output.executionCount = it->get<int>();
        } else if (kind == "error" || kind == "pyerr") {
            output.type = OutputType::Error;
            output.errorName = node.value("ename", "");
            output.errorValue = node.value("evalue", "");
            if (const auto it = node.find("traceback"); it != node.end() && it->is_array()) {
                for (const auto &line : *it) {
                    if (line.is_string())
                        output.traceback.push_back(line.get<std::string>());
                }
            }
        }
        if (const auto it = node.find("metadata"); it != node.end() && it->is_object())
            output.metadata = *it;
        return output;
    }

    Cell readCell(const json &node, int index)
    {
        Cell cell;
        cell.cellTypeName = node.value("cell_type", "");
        if (cell.cellTypeName == "code")
            cell.type = CellType::Code;
        else if (cell.cellTypeName == "markdown" || cell.cellTypeName == "heading")
            cell.type = CellType::Markdown;
        else if (cell.cellTypeName == "raw")
            cell.type = CellType::Raw;
        else
            cell.type = CellType::Unknown;
        if (const auto it = node.find("id"); it != node.end() && it->is_string())
            cell.id = it->get<std::string>();
        const auto source = node.find("source");
        if (source != node.end()) {
            cell.sourceWasList = source->is_array();
            if (!source->is_string() && !source->is_array())
                warn("wrong-type", "source is neither a string nor a list of strings", index);
            cell.source = joinText(*source);
        }
        if (const auto it = node.find("execution_count"); it != node.end() && it->is_number_integer())
            cell.executionCount = it->get<int>();
        if (const auto it = node.find("metadata"); it != node.end()) {
            if (it->is_object())
                cell.metadata = *it;
            else
                warn("wrong-type", "cell metadata is not an object", index);
        }
        if (const auto it = node.find("outputs"); it != node.end() && it->is_array()) {
            for (const auto &output : *it) {
                if (output.is_object())
                    cell.outputs.push_back(readOutput(output));
            }
        }
        if (const auto it = node.find("attachments"); it != node.end())
            cell.attachments = *it;
        return cell;
    }

    void warn(std::string code, std::string message, int cellIndex = -1)
    {
        m_warnings.push_back({std::move(code), std::move(message), cellIndex, 0});
    }

private:
    const std::string &m_path;
    std::vector<LoadWarning> &m_warnings;
};

Error errorAt(const std::string &path, std::string code, std::string message, LineColumn at = {0, 0},
    std::string jsonPath = {})
{
    return Error {std::move(code), std::move(message), path, at.line, at.column, std::move(jsonPath)};
}

} // namespace

Result<Notebook> NotebookLoader::loadFile(const std::string &path) const
{
    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        return errorAt(path, "io-error", "cannot open file for reading");
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    return loadBytes(buffer.str(), path);
}

Result<Notebook> NotebookLoader::loadBytes(std::string_view bytes, const std::string &path) const
{
    if (bytes.empty())
        return errorAt(path, "empty-file", "the file is empty; a notebook is a JSON object");
    if (bytes.size() > m_limits.maxFileBytes)
        return errorAt(path, "too-large",
            "the file is larger than the limit of " + std::to_string(m_limits.maxFileBytes) + " bytes");

    json document;
    try {
        document = json::parse(bytes);
    } catch (const json::parse_error &error) {
        const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
        return errorAt(path, "invalid-json", std::string("not valid JSON: ") + error.what(),
            lineColumnAt(bytes, offset));
    }
    if (!document.is_object())
        return errorAt(path, "not-a-notebook", "the top level is not a JSON object", {1, 1});

    Notebook notebook;
    notebook.path = path;
    const auto major = document.find("nbformat");
    if (major == document.end() || !major->is_number_integer())
        return errorAt(path, "unsupported-version", "no integer 'nbformat' version", {}, "/nbformat");
    notebook.nbformat = major->get<int>();
    notebook.originalNbformat = notebook.nbformat;
    notebook.nbformatMinor = document.value("nbformat_minor", 0);
    if (notebook.nbformat < 3 || notebook.nbformat > 4)
        return errorAt(path, "unsupported-version",
            "nbformat " + std::to_string(notebook.nbformat)
                + " is not supported (Tassel reads nbformat 3 and 4)",
            {}, "/nbformat");

    Reader reader(path, notebook.warnings);
    if (const auto it = document.find("metadata"); it != document.end() && it->is_object())
        notebook.metadata = *it;

    const json *cells = nullptr;
    json upgradedCells = json::array();
    if (notebook.nbformat == 3) {
        // nbformat 3 keeps cells in worksheets and calls a few things differently.
        if (const auto ws = document.find("worksheets"); ws != document.end() && ws->is_array()) {
            for (const auto &worksheet : *ws) {
                if (const auto c = worksheet.find("cells"); c != worksheet.end() && c->is_array()) {
                    for (auto cell : *c) {
                        if (cell.contains("input"))
                            cell["source"] = cell["input"];
                        if (cell.contains("prompt_number"))
                            cell["execution_count"] = cell["prompt_number"];
                        upgradedCells.push_back(std::move(cell));
                    }
                }
            }
        }
        cells = &upgradedCells;
        notebook.nbformat = 4;
        notebook.nbformatMinor = 0;
        reader.warn("upgraded", "nbformat 3 notebook upgraded to nbformat 4 on load");
    } else {
        const auto it = document.find("cells");
        if (it == document.end())
            return errorAt(path, "missing-cells", "the notebook has no 'cells' list", {}, "/cells");
        if (!it->is_array())
            return errorAt(path, "wrong-type", "'cells' is not a list", {}, "/cells");
        cells = &*it;
    }

    int index = 0;
    for (const auto &node : *cells) {
        if (!node.is_object())
            return errorAt(
                path, "wrong-type", "cell is not an object", {}, "/cells/" + std::to_string(index));
        notebook.cells.push_back(reader.readCell(node, index));
        ++index;
    }
    return notebook;
}

} // namespace tassel
