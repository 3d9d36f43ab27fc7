#pragma once

#include <string>
#include <string_view>

namespace tassel {

/// Notebook text made safe for each place Tassel writes it: one function per target, so every
/// writer escapes the same way (cell ids, headings, names, messages and sources are hostile
/// input). Control characters, Unicode line separators and bidirectional overrides are written
/// as visible escapes; invalid UTF-8 bytes become U+FFFD or a visible `\xNN`. Stateless and
/// thread-safe.
namespace escaping {

/// One line of text with every control character written as a visible escape (`\n`, `\t`,
/// `\x1b`, `\u2028`): for Python and TOML comments and one-line messages.
std::string oneLine(std::string_view text);

/// Text for a terminal: like oneLine, but line feeds and tabs stay, so multi-line output keeps
/// its shape while ESC and other control sequences cannot reach the terminal.
std::string terminal(std::string_view text);

/// A double-quoted Python `str` literal that evaluates to `text` (repr quality: backslashes,
/// quotes, NUL and every other control character escaped).
std::string pythonString(std::string_view text);

/// A one-line docstring (triple-quoted, escaped like pythonString) that evaluates to `text`.
std::string pythonDocstring(std::string_view text);

/// A TOML basic string that a TOML reader turns back into `text`.
std::string tomlString(std::string_view text);

/// A Markdown inline code span that shows `text` literally on one line, whatever backticks,
/// markup or control characters it holds.
std::string markdownCode(std::string_view text);

} // namespace escaping

} // namespace tassel
