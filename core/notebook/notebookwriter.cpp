#include "notebook/notebookwriter.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <charconv>
#include <cmath>
#include <functional>
#include <map>

namespace tassel {

namespace {

using nlohmann::json;

/// Python's repr() of a float: shortest round-trip digits, fixed notation for exponents in
/// [-4, 16), otherwise d.ddde+XX.
std::string pythonFloat(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value < 0 ? "-Infinity" : "Infinity";
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    const std::string_view text(buffer, std::size_t(result.ptr - buffer));
    const std::size_t e = text.find('e');
    std::string_view mantissa = text.substr(0, e);
    int exponent = 0;
    std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(), exponent);
    std::string sign;
    if (!mantissa.empty() && mantissa.front() == '-') {
        sign = "-";
        mantissa.remove_prefix(1);
    }
    std::string digits;
    for (char c : mantissa) {
        if (c != '.')
            digits += c;
    }
    const int count = int(digits.size());
    if (exponent >= -4 && exponent < 16) {
        const int point = exponent + 1;
        if (point >= count)
            return sign + digits + std::string(std::size_t(point - count), '0') + ".0";
        if (point <= 0)
            return sign + "0." + std::string(std::size_t(-point), '0') + digits;
        return sign + digits.substr(0, std::size_t(point)) + "." + digits.substr(std::size_t(point));
    }
    std::string out = sign + digits.substr(0, 1);
    if (count > 1)
        out += "." + digits.substr(1);
    out += exponent < 0 ? "e-" : "e+";
    const std::string magnitude = std::to_string(std::abs(exponent));
    if (magnitude.size() < 2)
        out += '0';
    return out + magnitude;
}

class PythonJsonWriter
{
public:
    explicit PythonJsonWriter(std::string &out)
        : m_out(out)
    {
    }

    using Writer = std::function<void(int indent)>;
    using Members = std::map<std::string, Writer>;

    void newline(int indent)
    {
        m_out += '\n';
        m_out.append(std::size_t(indent), ' ');
    }

    void string(std::string_view text)
    {
        static const char hex[] = "0123456789abcdef";
        m_out += '"';
        std::size_t chunk = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (c >= 0x20 && c != '"' && c != '\\')
                continue;
            m_out.append(text.data() + chunk, i - chunk);
            chunk = i + 1;
            switch (c) {
            case '"':
                m_out += "\\\"";
                break;
            case '\\':
                m_out += "\\\\";
                break;
            case '\n':
                m_out += "\\n";
                break;
            case '\r':
                m_out += "\\r";
                break;
            case '\t':
                m_out += "\\t";
                break;
            case '\b':
                m_out += "\\b";
                break;
            case '\f':
                m_out += "\\f";
                break;
            default:
                m_out += "\\u00";
                m_out += hex[c >> 4];
                m_out += hex[c & 0xF];
            }
        }
        m_out.append(text.data() + chunk, text.size() - chunk);
        m_out += '"';
    }

    void object(const Members &members, int indent)
    {
        if (members.empty()) {
            m_out += "{}";
            return;
        }
        m_out += '{';
        bool first = true;
        for (const auto &[key, write] : members) {
            if (!first)
                m_out += ',';
            first = false;
            newline(indent + 1);
            string(key);
            m_out += ": ";
            write(indent + 1);
        }
        newline(indent);
        m_out += '}';
    }

    template <typename Container, typename WriteOne>
    void array(const Container &items, int indent, WriteOne writeOne)
    {
        if (items.empty()) {
            m_out += "[]";
            return;
        }
        m_out += '[';
        bool first = true;
        for (const auto &item : items) {
            if (!first)
                m_out += ',';
            first = false;
            newline(indent + 1);
            writeOne(item, indent + 1);
        }
        newline(indent);
        m_out += ']';
    }

    void value(const json &node, int indent)
    {
        switch (node.type()) {
        case json::value_t::object: {
            Members members;
            for (const auto &[key, child] : node.items())
                members[key] = [this, &child](int inner) { value(child, inner); };
            object(members, indent);
            break;
        }
        case json::value_t::array:
            array(node, indent, [this](const json &child, int inner) { value(child, inner); });
            break;
        case json::value_t::string:
            string(node.get_ref<const std::string &>());
            break;
        case json::value_t::boolean:
            m_out += node.get<bool>() ? "true" : "false";
            break;
        case json::value_t::number_integer:
            m_out += std::to_string(node.get<std::int64_t>());
            break;
        case json::value_t::number_unsigned:
            m_out += std::to_string(node.get<std::uint64_t>());
            break;
        case json::value_t::number_float:
            m_out += pythonFloat(node.get<double>());
            break;
        default:
            m_out += "null";
        }
    }

    /// Multi-line text as Jupyter stores it: a list of lines, or one string.
    void lines(const std::string &text, bool asList, const std::vector<std::size_t> &lengths, int indent)
    {
        if (!asList) {
            string(text);
            return;
        }
        std::vector<std::string_view> pieces;
        std::size_t total = 0;
        for (std::size_t length : lengths)
            total += length;
        if (!lengths.empty() && total == text.size()) {
            std::size_t at = 0;
            for (std::size_t length : lengths) {
                pieces.push_back(std::string_view(text).substr(at, length));
                at += length;
            }
        } else {
            pieces = splitLines(text);
        }
        array(pieces, indent, [this](std::string_view piece, int) { string(piece); });
    }

    void extras(Members &members, const json &extra)
    {
        if (!extra.is_object())
            return;
        // A kept key wins over the model's default: it is what the file said.
        for (const auto &[key, child] : extra.items())
            members[key] = [this, &child](int inner) { value(child, inner); };
    }

    void mimeBundle(const std::vector<MimeItem> &items, int indent)
    {
        Members members;
        for (const auto &item : items) {
            members[item.mimeType] = [this, &item](int inner) {
                if (!item.isJson) {
                    lines(item.data, item.wasList, item.storedLineLengths, inner);
                } else if (!item.jsonValue.is_null() || item.data.empty() || item.data == "null") {
                    value(item.jsonValue, inner);
                } else {
                    value(json::parse(item.data, nullptr, false), inner);
                }
            };
        }
        object(members, indent);
    }

    void output(const Output &output, int indent)
    {
        static const char *const names[] = {"stream", "execute_result", "display_data", "error", ""};
        Members members;
        const std::string typeName = output.details().outputTypeName.empty()
            ? names[int(output.type)]
            : output.details().outputTypeName;
        members["output_type"] = [this, typeName](int) { string(typeName); };
        const bool rich = output.type == OutputType::ExecuteResult || output.type == OutputType::DisplayData;
        if (output.type == OutputType::Stream || !output.streamName.empty())
            members["name"] = [this, &output](int) { string(output.streamName); };
        if (output.type == OutputType::Stream || !output.text.empty())
            members["text"] = [this, &output](int inner) {
                lines(output.text, output.textWasList, output.details().textLineLengths, inner);
            };
        if (rich || !output.data.empty())
            members["data"] = [this, &output](int inner) { mimeBundle(output.data, inner); };
        if (rich)
            members["metadata"] = [this, &output](int inner) {
                static const json kNone = json::object();
                value(output.metadata.is_null() ? kNone : output.metadata, inner);
            };
        if (output.type == OutputType::ExecuteResult || output.executionCount)
            members["execution_count"] = [this, &output](int) {
                m_out += output.executionCount ? std::to_string(*output.executionCount) : "null";
            };
        const OutputDetails &details = output.details();
        if (output.type == OutputType::Error || !details.errorName.empty() || !details.errorValue.empty()
            || !details.traceback.empty()) {
            members["ename"] = [this, &details](int) { string(details.errorName); };
            members["evalue"] = [this, &details](int) { string(details.errorValue); };
            members["traceback"] = [this, &details](int inner) {
                array(details.traceback, inner, [this](const std::string &line, int) { string(line); });
            };
        }
        extras(members, details.extra);
        object(members, indent);
    }

    void cell(const Cell &cell, int indent)
    {
        static const char *const names[] = {"code", "markdown", "raw", ""};
        Members members;
        const std::string typeName = cell.cellTypeName.empty() ? names[int(cell.type)] : cell.cellTypeName;
        members["cell_type"] = [this, typeName](int) { string(typeName); };
        if (!cell.attachments.is_null())
            members["attachments"] = [this, &cell](int inner) { value(cell.attachments, inner); };
        if (cell.isCode() || cell.executionCount)
            members["execution_count"] = [this, &cell](int) {
                m_out += cell.executionCount ? std::to_string(*cell.executionCount) : "null";
            };
        if (!cell.id.empty())
            members["id"] = [this, &cell](int) { string(cell.id); };
        members["metadata"] = [this, &cell](int inner) { value(cell.metadata, inner); };
        if (cell.isCode() || !cell.outputs.empty())
            members["outputs"] = [this, &cell](int inner) {
                array(cell.outputs, inner, [this](const Output &item, int depth) { output(item, depth); });
            };
        members["source"] = [this, &cell](int inner) {
            lines(cell.source, cell.sourceWasList, cell.sourceLineLengths, inner);
        };
        extras(members, cell.extra);
        object(members, indent);
    }

    void notebook(const Notebook &notebook)
    {
        Members members;
        members["cells"] = [this, &notebook](int inner) {
            array(notebook.cells, inner, [this](const Cell &item, int depth) { cell(item, depth); });
        };
        members["metadata"] = [this, &notebook](int inner) { value(notebook.metadata, inner); };
        members["nbformat"] = [this, &notebook](int) { m_out += std::to_string(notebook.nbformat); };
        members["nbformat_minor"]
            = [this, &notebook](int) { m_out += std::to_string(notebook.nbformatMinor); };
        extras(members, notebook.extra);
        object(members, 0);
        m_out += '\n';
    }

private:
    std::string &m_out;
};

} // namespace

std::string NotebookWriter::toBytes(const Notebook &notebook)
{
    std::string out;
    PythonJsonWriter(out).notebook(notebook);
    return out;
}

Result<std::size_t> NotebookWriter::saveFile(const Notebook &notebook, const std::string &path) const
{
    const QFileInfo target(QString::fromStdString(path));
    if (!notebook.path.empty()) {
        const QFileInfo source(QString::fromStdString(notebook.path));
        const bool same = source.exists() && target.exists()
            ? source.canonicalFilePath() == target.canonicalFilePath()
            : QDir::cleanPath(source.absoluteFilePath()) == QDir::cleanPath(target.absoluteFilePath());
        if (same)
            return Error {"would-overwrite-source",
                "refusing to write over the notebook's own file; choose another path", path, 0, 0, {}};
    }
    const std::string bytes = toBytes(notebook);
    QSaveFile file(target.filePath());
    if (!file.open(QIODevice::WriteOnly))
        return Error {
            "io-error", "cannot open for writing: " + file.errorString().toStdString(), path, 0, 0, {}};
    if (file.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size()) || !file.commit())
        return Error {"io-error", "cannot write: " + file.errorString().toStdString(), path, 0, 0, {}};
    return bytes.size();
}

} // namespace tassel
