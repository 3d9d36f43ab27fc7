#pragma once

#include "util/message.h"

#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace tassel {

/// The English templates of every Message core produces, in one table (messagecatalog.cpp, which
/// marks them with QT_TRANSLATE_NOOP so lupdate offers them to translators under kContext).
///
/// Placeholders: `{name}` is the argument's value; `{name|one|other}` picks `one` when the
/// argument is "1", else `other`; `{name:list}` shows "3, 5, 6" as "3, 5 and 6" (the " and " is
/// itself a template); `{@name}` renders the template whose id the argument holds (nothing when
/// empty), with the same arguments; `{name:parts}` renders the message's sentences under `name`
/// (Message::part), each from its own template, joined by "; " (the argument's value when there
/// are none). A placeholder whose argument is missing stays as written.
class MessageCatalog
{
public:
    static constexpr const char *kContext = "Message";
    static constexpr const char *kPartSeparator = "; ";

    struct Entry
    {
        const char *id;
        const char *text;
    };

    static std::span<const Entry> all();
    /// The English template of `id`, or nullptr.
    static const char *find(std::string_view id);
    /// Maps an English template to the text to render (a translation); the identity by default.
    using Translate = std::function<std::string(const char *english)>;
    static std::string render(const Message &message, const Translate &translate = {});
    /// Placeholder names in `text` ("cell", "@via", "cells:list" -> "cell", "via", "cells").
    static std::vector<std::string> placeholders(std::string_view text);
};

} // namespace tassel
