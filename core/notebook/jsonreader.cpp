#include "notebook/jsonreader.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace tassel {

namespace {

enum ByteClass : unsigned char { Plain = 0, Quote, Backslash, Control, NonAscii };

constexpr std::array<unsigned char, 256> makeStringClasses()
{
    std::array<unsigned char, 256> table {};
    for (int c = 0; c < 0x20; ++c)
        table[c] = Control;
    table['"'] = Quote;
    table['\\'] = Backslash;
    for (int c = 0x80; c < 0x100; ++c)
        table[c] = NonAscii;
    return table;
}

constexpr auto stringClasses = makeStringClasses();

void appendUtf8(std::string &out, unsigned codePoint)
{
    if (codePoint < 0x80) {
        out.push_back(char(codePoint));
    } else if (codePoint < 0x800) {
        out.push_back(char(0xC0 | (codePoint >> 6)));
        out.push_back(char(0x80 | (codePoint & 0x3F)));
    } else if (codePoint < 0x10000) {
        out.push_back(char(0xE0 | (codePoint >> 12)));
        out.push_back(char(0x80 | ((codePoint >> 6) & 0x3F)));
        out.push_back(char(0x80 | (codePoint & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (codePoint >> 18)));
        out.push_back(char(0x80 | ((codePoint >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((codePoint >> 6) & 0x3F)));
        out.push_back(char(0x80 | (codePoint & 0x3F)));
    }
}

std::string describeByte(unsigned char c)
{
    if (c >= 0x20 && c < 0x7F)
        return std::string("'") + char(c) + "'";
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02X", unsigned(c));
    return buffer;
}

constexpr std::size_t releaseStep = std::size_t(8) << 20;

} // namespace

JsonReader::JsonReader(std::string_view bytes, Limits limits)
    : m_bytes(bytes)
    , m_limits(limits)
{
}

bool JsonReader::fail(std::string code, std::string message, std::size_t offset)
{
    if (failed())
        return false; // the first problem is the one worth reporting
    m_errorCode = std::move(code);
    m_errorMessage = std::move(message);
    m_errorOffset = offset;
    return false;
}

void JsonReader::skipWhitespace()
{
    const std::size_t size = m_bytes.size();
    while (m_pos < size) {
        const char c = m_bytes[m_pos];
        if (c == '\n')
            ++m_line;
        else if (c != ' ' && c != '\t' && c != '\r')
            break;
        ++m_pos;
    }
}

void JsonReader::maybeRelease()
{
    if (m_release && m_pos - m_releasedUpTo >= releaseStep) {
        m_releasedUpTo = m_pos;
        m_release(m_pos);
    }
}

JsonReader::Kind JsonReader::peek()
{
    if (failed())
        return Kind::Invalid;
    skipWhitespace();
    if (m_pos >= m_bytes.size()) {
        fail("invalid-json", "unexpected end of file; the JSON text is incomplete", m_bytes.size());
        return Kind::Invalid;
    }
    const unsigned char c = static_cast<unsigned char>(m_bytes[m_pos]);
    switch (c) {
    case '{':
        return Kind::Object;
    case '[':
        return Kind::Array;
    case '"':
        return Kind::String;
    case 't':
    case 'f':
        return Kind::Bool;
    case 'n':
        return Kind::Null;
    default:
        if (c == '-' || (c >= '0' && c <= '9'))
            return Kind::Number;
        fail("invalid-json", "unexpected character " + describeByte(c) + "; expected a JSON value", m_pos);
        return Kind::Invalid;
    }
}

bool JsonReader::pushContainer(char kind)
{
    if (m_stack.size() >= std::size_t(m_limits.maxDepth)) {
        return fail("too-deep",
            "JSON nesting is deeper than the limit of " + std::to_string(m_limits.maxDepth) + " levels",
            m_pos);
    }
    m_stack.emplace_back(kind, false);
    ++m_pos;
    return true;
}

bool JsonReader::beginObject()
{
    if (peek() != Kind::Object)
        return failed() ? false : fail("wrong-type", "expected a JSON object", m_pos);
    return pushContainer('{');
}

bool JsonReader::beginArray()
{
    if (peek() != Kind::Array)
        return failed() ? false : fail("wrong-type", "expected a JSON list", m_pos);
    return pushContainer('[');
}

bool JsonReader::nextKey(std::string &key)
{
    if (failed() || m_stack.empty() || m_stack.back().first != '{')
        return false;
    maybeRelease();
    skipWhitespace();
    if (m_pos >= m_bytes.size())
        return fail("invalid-json", "unexpected end of file inside an object; expected '}'", m_bytes.size());
    auto &top = m_stack.back();
    char c = m_bytes[m_pos];
    if (c == '}') {
        ++m_pos;
        m_stack.pop_back();
        return false;
    }
    if (top.second) {
        if (c != ',')
            return fail("invalid-json",
                "expected ',' or '}' after an object member, found " + describeByte(c), m_pos);
        ++m_pos;
        skipWhitespace();
        if (m_pos >= m_bytes.size())
            return fail("invalid-json", "unexpected end of file inside an object", m_bytes.size());
        c = m_bytes[m_pos];
    }
    if (c != '"')
        return fail("invalid-json", "expected a quoted key, found " + describeByte(c), m_pos);
    top.second = true;
    key.clear();
    if (!scanString(&key))
        return false;
    skipWhitespace();
    if (m_pos >= m_bytes.size())
        return fail("invalid-json", "unexpected end of file after an object key", m_bytes.size());
    if (m_bytes[m_pos] != ':')
        return fail(
            "invalid-json", "expected ':' after an object key, found " + describeByte(m_bytes[m_pos]), m_pos);
    ++m_pos;
    return true;
}

bool JsonReader::nextElement()
{
    if (failed() || m_stack.empty() || m_stack.back().first != '[')
        return false;
    maybeRelease();
    skipWhitespace();
    if (m_pos >= m_bytes.size())
        return fail("invalid-json", "unexpected end of file inside a list; expected ']'", m_bytes.size());
    auto &top = m_stack.back();
    const char c = m_bytes[m_pos];
    if (c == ']') {
        ++m_pos;
        m_stack.pop_back();
        return false;
    }
    if (top.second) {
        if (c != ',')
            return fail(
                "invalid-json", "expected ',' or ']' after a list element, found " + describeByte(c), m_pos);
        ++m_pos;
    }
    top.second = true;
    return true;
}

bool JsonReader::readString(std::string &out)
{
    out.clear();
    if (peek() != Kind::String)
        return failed() ? false : fail("wrong-type", "expected a string", m_pos);
    return scanString(&out);
}

bool JsonReader::readHex4(std::size_t at, unsigned &value)
{
    if (at + 4 > m_bytes.size())
        return fail("invalid-json", "unexpected end of file inside a \\u escape", m_bytes.size());
    value = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
        const char c = m_bytes[i];
        unsigned digit;
        if (c >= '0' && c <= '9')
            digit = unsigned(c - '0');
        else if (c >= 'a' && c <= 'f')
            digit = unsigned(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            digit = unsigned(c - 'A' + 10);
        else
            return fail("invalid-json", "invalid hexadecimal digit in a \\u escape", i);
        value = value * 16 + digit;
    }
    return true;
}

bool JsonReader::validateUtf8At(std::size_t &pos)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(m_bytes[i]); };
    const unsigned char lead = byte(pos);
    std::size_t length;
    unsigned codePoint;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        codePoint = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        codePoint = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        codePoint = lead & 0x07;
    } else {
        return fail(
            "invalid-utf8", "invalid UTF-8: byte " + describeByte(lead) + " cannot start a character", pos);
    }
    for (std::size_t i = 1; i < length; ++i) {
        if (pos + i >= m_bytes.size() || (byte(pos + i) & 0xC0) != 0x80)
            return fail("invalid-utf8",
                "invalid UTF-8: byte " + describeByte(lead) + " starts a " + std::to_string(length)
                    + "-byte sequence that is cut short",
                pos);
        codePoint = (codePoint << 6) | (byte(pos + i) & 0x3F);
    }
    if ((length == 3 && codePoint < 0x800) || (length == 4 && (codePoint < 0x10000 || codePoint > 0x10FFFF)))
        return fail("invalid-utf8", "invalid UTF-8: overlong or out-of-range sequence", pos);
    if (codePoint >= 0xD800 && codePoint <= 0xDFFF)
        return fail("invalid-utf8", "invalid UTF-8: encoded surrogate code point", pos);
    pos += length;
    return true;
}

bool JsonReader::scanString(std::string *out)
{
    const std::size_t start = m_pos;
    const std::size_t size = m_bytes.size();
    const std::size_t initial = out ? out->size() : 0;
    const char *data = m_bytes.data();
    std::size_t pos = m_pos + 1;
    std::size_t chunk = pos;
    for (;;) {
#if defined(__SSE2__)
        // Base64 images are most of a big notebook: look at 16 bytes at a time for a quote, a
        // backslash, or a byte that is below 0x20 or above 0x7F (both negative as signed - 0x20).
        const __m128i quote = _mm_set1_epi8('"');
        const __m128i backslash = _mm_set1_epi8('\\');
        const __m128i space = _mm_set1_epi8(0x20);
        while (pos + 16 <= size) {
            const __m128i chunk16 = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + pos));
            const __m128i special = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(chunk16, quote), _mm_cmpeq_epi8(chunk16, backslash)),
                _mm_cmplt_epi8(chunk16, space));
            const int mask = _mm_movemask_epi8(special);
            if (mask) {
                pos += std::size_t(__builtin_ctz(unsigned(mask)));
                break;
            }
            pos += 16;
        }
#endif
        while (pos < size && stringClasses[static_cast<unsigned char>(data[pos])] == Plain)
            ++pos;
        if (pos >= size)
            return fail("invalid-json", "unexpected end of file inside a string", size);
        switch (stringClasses[static_cast<unsigned char>(data[pos])]) {
        case NonAscii:
            if (!validateUtf8At(pos))
                return false;
            continue;
        case Control:
            return fail("invalid-json",
                "control character " + describeByte(static_cast<unsigned char>(data[pos]))
                    + " inside a string (it must be escaped)",
                pos);
        case Quote:
            if (pos - start - 1 > m_limits.maxStringBytes)
                return fail("too-large",
                    "a string of " + std::to_string(pos - start - 1) + " bytes exceeds the limit of "
                        + std::to_string(m_limits.maxStringBytes) + " bytes",
                    start);
            if (out)
                out->append(data + chunk, pos - chunk);
            m_pos = pos + 1;
            return true;
        case Backslash:
            break;
        }
        if (out)
            out->append(data + chunk, pos - chunk);
        const std::size_t escape = pos;
        if (pos + 1 >= size)
            return fail("invalid-json", "unexpected end of file inside a string", size);
        const char kind = data[pos + 1];
        pos += 2;
        char simple = 0;
        switch (kind) {
        case '"':
        case '\\':
        case '/':
            simple = kind;
            break;
        case 'b':
            simple = '\b';
            break;
        case 'f':
            simple = '\f';
            break;
        case 'n':
            simple = '\n';
            break;
        case 'r':
            simple = '\r';
            break;
        case 't':
            simple = '\t';
            break;
        case 'u': {
            unsigned codePoint;
            if (!readHex4(pos, codePoint))
                return false;
            pos += 4;
            if (codePoint >= 0xDC00 && codePoint <= 0xDFFF)
                return fail("invalid-json", "a \\u escape holds a lone low surrogate", escape);
            if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
                unsigned low;
                if (pos + 1 >= size || data[pos] != '\\' || data[pos + 1] != 'u' || !readHex4(pos + 2, low)
                    || low < 0xDC00 || low > 0xDFFF)
                    return fail(
                        "invalid-json", "a \\u escape holds a high surrogate without its low half", escape);
                pos += 6;
                codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (low - 0xDC00);
            }
            if (out)
                appendUtf8(*out, codePoint);
            break;
        }
        default:
            return fail("invalid-json", "invalid escape \\" + std::string(1, kind) + " in a string", escape);
        }
        if (simple && out)
            out->push_back(simple);
        chunk = pos;
        if (out && out->size() - initial > m_limits.maxStringBytes)
            return fail("too-large",
                "a string exceeds the limit of " + std::to_string(m_limits.maxStringBytes) + " bytes", start);
    }
}

bool JsonReader::readNumber(nlohmann::json *out)
{
    const std::size_t start = m_pos;
    const std::size_t size = m_bytes.size();
    const auto digitAt = [&](std::size_t i) { return i < size && m_bytes[i] >= '0' && m_bytes[i] <= '9'; };
    std::size_t pos = start;
    if (m_bytes[pos] == '-')
        ++pos;
    if (!digitAt(pos))
        return fail("invalid-json", "malformed number", start);
    if (m_bytes[pos] == '0') {
        ++pos;
    } else {
        while (digitAt(pos))
            ++pos;
    }
    bool integral = true;
    if (pos < size && m_bytes[pos] == '.') {
        integral = false;
        ++pos;
        if (!digitAt(pos))
            return fail("invalid-json", "malformed number: digits must follow '.'", start);
        while (digitAt(pos))
            ++pos;
    }
    if (pos < size && (m_bytes[pos] == 'e' || m_bytes[pos] == 'E')) {
        integral = false;
        ++pos;
        if (pos < size && (m_bytes[pos] == '+' || m_bytes[pos] == '-'))
            ++pos;
        if (!digitAt(pos))
            return fail("invalid-json", "malformed number: digits must follow the exponent", start);
        while (digitAt(pos))
            ++pos;
    }
    m_pos = pos;
    if (!out)
        return true;
    const char *first = m_bytes.data() + start;
    const char *last = m_bytes.data() + pos;
    if (integral) {
        std::int64_t value;
        if (std::from_chars(first, last, value).ec == std::errc()) {
            *out = value;
            return true;
        }
        std::uint64_t unsignedValue;
        if (*first != '-' && std::from_chars(first, last, unsignedValue).ec == std::errc()) {
            *out = unsignedValue;
            return true;
        }
    }
    double value;
    if (std::from_chars(first, last, value).ec != std::errc())
        return fail("invalid-json", "number " + std::string(first, last) + " is out of range", start);
    *out = value;
    return true;
}

bool JsonReader::readLiteral(std::string_view word)
{
    if (m_bytes.substr(m_pos, word.size()) != word)
        return fail("invalid-json",
            "unexpected character " + describeByte(m_bytes[m_pos]) + "; expected a JSON value", m_pos);
    m_pos += word.size();
    return true;
}

bool JsonReader::readScalarOrOpen(nlohmann::json *out, bool &opened)
{
    opened = false;
    switch (peek()) {
    case Kind::Invalid:
        return false;
    case Kind::Object:
        if (out)
            *out = nlohmann::json::object();
        opened = true;
        return pushContainer('{');
    case Kind::Array:
        if (out)
            *out = nlohmann::json::array();
        opened = true;
        return pushContainer('[');
    case Kind::String:
        if (!out)
            return scanString(nullptr);
        *out = std::string();
        return scanString(&out->get_ref<std::string &>());
    case Kind::Number:
        return readNumber(out);
    case Kind::Bool: {
        const bool value = m_bytes[m_pos] == 't';
        if (!readLiteral(value ? "true" : "false"))
            return false;
        if (out)
            *out = value;
        return true;
    }
    case Kind::Null:
        if (!readLiteral("null"))
            return false;
        if (out)
            *out = nullptr;
        return true;
    }
    return false;
}

bool JsonReader::readValue(nlohmann::json &out)
{
    bool opened = false;
    if (!readScalarOrOpen(&out, opened))
        return false;
    if (!opened)
        return true;
    // Pointers stay valid: a parent gains no new member while one of its children is open.
    std::vector<nlohmann::json *> targets {&out};
    std::string key;
    while (!targets.empty()) {
        nlohmann::json *parent = targets.back();
        nlohmann::json *slot;
        if (parent->is_object()) {
            if (!nextKey(key)) {
                if (failed())
                    return false;
                targets.pop_back();
                continue;
            }
            slot = &(*parent)[key]; // a repeated key keeps the last value, as Python does
        } else {
            if (!nextElement()) {
                if (failed())
                    return false;
                targets.pop_back();
                continue;
            }
            parent->push_back(nullptr);
            slot = &parent->back();
        }
        if (!readScalarOrOpen(slot, opened))
            return false;
        if (opened)
            targets.push_back(slot);
    }
    return true;
}

std::size_t JsonReader::countObjectElements() const
{
    const char *data = m_bytes.data();
    const std::size_t size = m_bytes.size();
    if (m_pos >= size || data[m_pos] != '[')
        return 0;
    std::size_t depth = 0;
    std::size_t objects = 0;
    for (std::size_t pos = m_pos; pos < size; ++pos) {
        switch (data[pos]) {
        case '"':
            // To the closing quote: the next '"' after an even run of backslashes.
            for (;;) {
                const void *quote = std::memchr(data + pos + 1, '"', size - pos - 1);
                if (!quote)
                    return objects;
                const std::size_t at = std::size_t(static_cast<const char *>(quote) - data);
                std::size_t slashes = 0;
                while (data[at - 1 - slashes] == '\\')
                    ++slashes;
                pos = at;
                if (slashes % 2 == 0)
                    break;
            }
            break;
        case '{':
            objects += depth == 1 ? 1 : 0;
            [[fallthrough]];
        case '[':
            ++depth;
            break;
        case '}':
        case ']':
            if (--depth == 0)
                return objects;
            break;
        default:
            break;
        }
    }
    return objects;
}

bool JsonReader::skipValue()
{
    const std::size_t depth = m_stack.size();
    bool opened = false;
    if (!readScalarOrOpen(nullptr, opened))
        return false;
    std::string key;
    while (m_stack.size() > depth) {
        const bool more = m_stack.back().first == '{' ? nextKey(key) : nextElement();
        if (failed())
            return false;
        if (more && !readScalarOrOpen(nullptr, opened))
            return false;
    }
    return true;
}

bool JsonReader::expectEnd()
{
    if (failed())
        return false;
    skipWhitespace();
    if (m_pos < m_bytes.size())
        return fail("invalid-json",
            "unexpected " + describeByte(m_bytes[m_pos]) + " after the end of the JSON value", m_pos);
    return true;
}

} // namespace tassel
