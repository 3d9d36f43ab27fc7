#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tassel {

/// A pull reader over JSON text held in memory, used by NotebookLoader so that the notebook
/// structure is walked without building a DOM: big strings (base64 images) are copied once
/// into their final place, and only metadata becomes nlohmann::json.
///
/// It never recurses: containers are tracked on an explicit stack, so a 200,000-deep array
/// gives a `too-deep` error instead of a stack overflow. It validates UTF-8 inside strings and
/// stops at the first problem, keeping a code, a message and the byte offset (see error()).
/// The reader borrows `bytes`; one reader per thread.
class JsonReader
{
public:
    enum class Kind { Object, Array, String, Number, Bool, Null, Invalid };

    struct Limits
    {
        int maxDepth = 512;
        std::size_t maxStringBytes = std::size_t(256) << 20;
    };

    JsonReader(std::string_view bytes, Limits limits);

    /// The kind of the next value (skipping white space), or Invalid with an error set.
    Kind peek();

    /// Consumes '{'. Then call nextKey() until it returns false.
    bool beginObject();
    /// Reads the next key of the innermost object into `key`, or consumes '}' and returns
    /// false. Also returns false on error: check failed().
    bool nextKey(std::string &key);
    /// Consumes '['. Then call nextElement() before each element until it returns false.
    bool beginArray();
    bool nextElement();

    bool readString(std::string &out);
    /// Any value, built iteratively into nlohmann::json.
    bool readValue(nlohmann::json &out);
    /// Any value, validated and thrown away.
    bool skipValue();
    /// How many objects the list starting at offset() holds directly (call it after peek()
    /// said Array), without moving: a quick scan that validates nothing, so that a caller can
    /// allocate the list once at its size. Counting only objects bounds the answer by what
    /// reading the list would build anyway.
    std::size_t countObjectElements() const;
    /// After the top-level value: only white space may follow.
    bool expectEnd();

    /// Byte offset of the next unread byte (after white space when peek() was called).
    std::size_t offset() const { return m_pos; }
    /// 1-based line of offset(); counted as the reader goes (JSON only has raw newlines
    /// between tokens, so this is nearly free).
    int line() const { return m_line; }

    bool failed() const { return !m_errorCode.empty(); }
    const std::string &errorCode() const { return m_errorCode; }
    const std::string &errorMessage() const { return m_errorMessage; }
    std::size_t errorOffset() const { return m_errorOffset; }
    /// Reports a problem found by the caller (a wrong type, say) at `offset`.
    bool fail(std::string code, std::string message, std::size_t offset);

    /// Called with the offset below which the reader will not look again, every few MB;
    /// lets loadFile() give memory-mapped pages back while reading.
    void setReleaseCallback(std::function<void(std::size_t)> callback) { m_release = std::move(callback); }

private:
    void skipWhitespace();
    bool pushContainer(char kind);
    bool readNumber(nlohmann::json *out);
    bool readLiteral(std::string_view word);
    bool scanString(std::string *out);
    bool validateUtf8At(std::size_t &pos);
    bool readHex4(std::size_t at, unsigned &value);
    bool readScalarOrOpen(nlohmann::json *out, bool &opened);
    void maybeRelease();

    std::string_view m_bytes;
    Limits m_limits;
    std::size_t m_pos = 0;
    int m_line = 1;
    /// One entry per open container: '{' or '[', and whether an element was read already.
    std::vector<std::pair<char, bool>> m_stack;
    std::string m_errorCode;
    std::string m_errorMessage;
    std::size_t m_errorOffset = 0;
    std::function<void(std::size_t)> m_release;
    std::size_t m_releasedUpTo = 0;
};

} // namespace tassel
