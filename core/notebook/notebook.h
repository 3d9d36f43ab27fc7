#pragma once

#include "util/boxed.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tassel {

/// One representation of an output in a MIME bundle. `data` holds the text as stored in the
/// notebook: for text types the joined string, for binary types (PNG, JPEG, ...) the base64
/// text, undecoded until something asks for the bytes (see MimeItem::decodedBytes).
struct MimeItem
{
    std::string mimeType;
    std::string data;
    /// True when the stored value was a JSON object or array (application/json, widget state),
    /// in which case `data` holds its compact serialisation.
    bool isJson = false;
    /// The value itself when `isJson`, so that a save writes it back unchanged.
    nlohmann::json jsonValue;
    /// Whether the file stored the text as a list of lines (Jupyter does for text/*, SVG and
    /// JavaScript) rather than one string (base64 images).
    bool wasList = false;
    /// Lengths of the stored list elements, kept only when they differ from splitting the text
    /// after each line end (see splitLines), so that a save reproduces the file.
    std::vector<std::size_t> storedLineLengths;

    bool isBinary() const;
    bool isTextLike() const;
    /// Base64-decodes binary payloads; returns `data` unchanged for text.
    std::string decodedBytes() const;

    bool operator==(const MimeItem &) const = default;
};

enum class OutputType { Stream, ExecuteResult, DisplayData, Error, Unknown };

/// The parts of an output that most outputs leave empty (see Output::details()).
struct OutputDetails
{
    std::string outputTypeName; ///< as written in the file, for unknown output types only
    // error
    std::string errorName;
    std::string errorValue;
    std::vector<std::string> traceback;
    std::vector<std::size_t> textLineLengths; ///< see MimeItem::storedLineLengths
    /// Unknown keys, and keys of the wrong type or not part of the output's type, so that a
    /// saved notebook keeps them.
    nlohmann::json extra;

    bool operator==(const OutputDetails &) const = default;
};

/// A cell output as nbformat 4 describes it. A notebook can hold a million print() outputs, so
/// an output is small (128 bytes): what errors, unusual files and unknown types need is behind
/// one pointer, allocated only for the outputs that have it.
struct Output
{
    OutputType type = OutputType::Unknown;
    bool textWasList = true; ///< see MimeItem::wasList
    std::optional<int> executionCount; ///< execute_result
    std::string streamName; ///< "stdout" or "stderr"
    std::string text; ///< stream
    std::vector<MimeItem> data; ///< execute_result / display_data
    // Null until the file gives it: an empty object costs a heap block. A rich output without
    // metadata is saved with {}.
    nlohmann::json metadata;

    /// Error name, value and traceback, unusual line lengths, unknown keys: empty for most.
    const OutputDetails &details() const { return m_details.get(); }
    /// details() for writing; allocates them on first use.
    OutputDetails &editDetails() { return m_details.edit(); }

    /// The first item of the given MIME type, or nullptr.
    const MimeItem *find(std::string_view mimeType) const;
    /// Human-readable text of this output: stream text, text/plain, or the error lines.
    std::string plainText() const;

    bool operator==(const Output &) const = default;

private:
    Boxed<OutputDetails> m_details;
};

enum class CellType { Code, Markdown, Raw, Unknown };

/// One notebook cell. `extra` keeps keys Tassel does not model (and values of the wrong type,
/// which the loader reports as warnings) so that a save writes them back.
struct Cell
{
    CellType type = CellType::Code;
    std::string cellTypeName; ///< as written in the file, kept for unknown types
    std::string id; ///< nbformat 4.5 cell id; empty before 4.5
    std::string source; ///< joined, UTF-8
    /// Whether the file stored the source as a list of lines (Jupyter's way) or a string.
    bool sourceWasList = true;
    std::vector<std::size_t> sourceLineLengths; ///< see MimeItem::storedLineLengths
    std::optional<int> executionCount;
    std::vector<Output> outputs;
    nlohmann::json metadata = nlohmann::json::object();
    nlohmann::json attachments; ///< null when absent
    nlohmann::json extra = nlohmann::json::object();
    /// 1-based line of the cell object in the notebook file, for messages.
    int fileLine = 0;

    std::vector<std::string> tags() const;
    bool hasTag(std::string_view tag) const;
    bool isCode() const { return type == CellType::Code; }

    bool operator==(const Cell &) const = default;
};

/// Something that does not stop a notebook from opening but is worth telling: schema breaks,
/// upgraded formats, limits.
struct LoadWarning
{
    std::string code;
    std::string message;
    int cellIndex = -1; ///< -1 when it concerns the whole notebook
    int line = 0; ///< 1-based line in the file, 0 when unknown

    bool operator==(const LoadWarning &) const = default;
};

/// Splits text the way Python's str.splitlines(keepends=True) does, which is how Jupyter
/// stores multi-line strings as lists: after \n, \r, \r\n, \v, \f, \x1c-\x1e, U+0085,
/// U+2028 and U+2029. The pieces borrow from `text`.
std::vector<std::string_view> splitLines(std::string_view text);

/// A whole notebook as a value. Cells are in document order. Copy freely; nothing refers back
/// to the file it came from.
struct Notebook
{
    std::string path; ///< where it was loaded from, for messages
    int nbformat = 4;
    int nbformatMinor = 5;
    /// The nbformat version found in the file before any upgrade (3 for an upgraded v3 file).
    int originalNbformat = 4;
    nlohmann::json metadata = nlohmann::json::object();
    nlohmann::json extra = nlohmann::json::object();
    std::vector<Cell> cells;
    std::vector<LoadWarning> warnings;

    std::string kernelName() const;
    /// The notebook's language as its metadata writes it ("python", "C++", "R"): language_info.name,
    /// else kernelspec.language, else guessed from the kernel name (python2, ir, julia-1.x);
    /// "python" when nothing says otherwise (Colab and older notebooks often say nothing).
    std::string language() const;
    /// Whether language() is Python (any case): only then is the code analysed as Python.
    bool isPython() const;
    /// 2 for a Python 2 notebook (language_info.version, codemirror_mode.version or a kernel
    /// named python2), else 3. Meaningful only when isPython().
    int pythonMajor() const;
    /// language() as people write it ("C++", "R", "Julia"), for messages.
    std::string languageDisplayName() const;
    std::string languageVersion() const; ///< language_info.version, e.g. "3.11.4", or empty

    bool operator==(const Notebook &) const = default;
};

} // namespace tassel
