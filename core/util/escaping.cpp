#include "util/escaping.h"

#include <algorithm>
#include <cstdio>

namespace tassel::escaping {

namespace {

/// One UTF-8 sequence: its code point, or `valid == false` for a byte that starts none.
struct CodePoint
{
    char32_t value = 0;
    std::size_t length = 1;
    bool valid = true;
};

CodePoint decode(std::string_view text, std::size_t at)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80)
        return {lead, 1, true};
    std::size_t length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, value = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, value = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, value = lead & 0x07, minimum = 0x10000;
    } else {
        return {lead, 1, false};
    }
    if (at + length > text.size())
        return {lead, 1, false};
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80)
            return {lead, 1, false};
        value = (value << 6) | (byte(i) & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return {lead, 1, false};
    return {value, length, true};
}

/// Control characters, line and paragraph separators, and the bidirectional controls that can
/// make text read differently from what it is ("Trojan Source").
bool needsEscape(char32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F
        || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

std::string hexEscape(const char *format, unsigned value)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

enum class Target { Visible, Terminal, Python, Toml };

/// The escape for one code point that needs one, in the target's syntax.
std::string escapeOf(char32_t c, Target target)
{
    switch (c) {
    case '\n':
        return "\\n";
    case '\t':
        return "\\t";
    case '\r':
        return "\\r";
    default:
        break;
    }
    if (target == Target::Toml)
        return hexEscape("\\u%04X", unsigned(c)); // TOML has no \x
    return hexEscape(c < 0x100 ? "\\x%02x" : "\\u%04x", unsigned(c));
}

std::string escaped(std::string_view text, Target target)
{
    std::string out;
    out.reserve(text.size() + 8);
    const bool literal = target == Target::Python || target == Target::Toml;
    for (std::size_t at = 0; at < text.size();) {
        const CodePoint c = decode(text, at);
        if (!c.valid) {
            // A literal must stay valid UTF-8: the byte is lost, the replacement shows where.
            out += literal ? (target == Target::Toml ? "\\uFFFD" : "\\ufffd")
                           : hexEscape("\\x%02x", unsigned(c.value));
        } else if (target == Target::Terminal && (c.value == '\n' || c.value == '\t')) {
            out += char(c.value);
        } else if (literal && (c.value == '\\' || c.value == '"')) {
            out += '\\';
            out += char(c.value);
        } else if (needsEscape(c.value)) {
            out += escapeOf(c.value, target);
        } else {
            out.append(text.substr(at, c.length));
        }
        at += c.length;
    }
    return out;
}

} // namespace

std::string oneLine(std::string_view text)
{
    return escaped(text, Target::Visible);
}

std::string terminal(std::string_view text)
{
    return escaped(text, Target::Terminal);
}

std::string pythonString(std::string_view text)
{
    return '"' + escaped(text, Target::Python) + '"';
}

std::string pythonDocstring(std::string_view text)
{
    return "\"\"\"" + escaped(text, Target::Python) + "\"\"\"";
}

std::string tomlString(std::string_view text)
{
    return '"' + escaped(text, Target::Toml) + '"';
}

std::string markdownCode(std::string_view text)
{
    const std::string content = oneLine(text);
    std::size_t longest = 0;
    for (std::size_t at = 0, run = 0; at < content.size(); ++at) {
        run = content[at] == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const std::string fence(longest + 1, '`');
    // CommonMark strips one space on each side when both are there; a backtick at either end
    // would merge with the fence.
    const bool pad = content.empty() || content.front() == '`' || content.back() == '`'
        || (content.front() == ' ' && content.back() == ' ');
    const std::string space = pad ? " " : "";
    return fence + space + content + space + fence;
}

} // namespace tassel::escaping
