#pragma once

#include <string>
#include <utility>
#include <vector>

namespace tassel {

/// A sentence for people as core states it: a template id from MessageCatalog plus named
/// arguments (snake_case names, values as text). Core renders it in English for reports; the GUI
/// renders the same template translated. A plain value, safe to copy between threads.
struct Message
{
    std::string id;
    std::vector<std::pair<std::string, std::string>> args;
    /// Sentences for a `{name:parts}` placeholder, each from its own template and arguments
    /// ("cell 2 (execution 5) defines `x`; cell 3 …"); the argument `name` keeps their English.
    std::vector<std::pair<std::string, std::vector<Message>>> parts;

    Message() = default;
    explicit Message(std::string messageId)
        : id(std::move(messageId))
    {
    }

    Message &arg(std::string name, std::string value)
    {
        args.emplace_back(std::move(name), std::move(value));
        return *this;
    }
    Message &arg(std::string name, long long value) { return arg(std::move(name), std::to_string(value)); }
    Message &arg(std::string name, int value) { return arg(std::move(name), std::to_string(value)); }
    Message &arg(std::string name, std::size_t value) { return arg(std::move(name), std::to_string(value)); }
    /// A 0-based cell index as people count it (index + 1).
    Message &cell(std::string name, int index) { return arg(std::move(name), index + 1); }
    /// 0-based cell indexes for a `{name:list}` placeholder ("3, 6"), and their count as `name_count`.
    Message &cells(const std::string &name, const std::vector<int> &indexes);

    /// Fills a `{@name}` placeholder with `inner`: its id, and its arguments join this message's.
    Message &nest(const std::string &name, const Message &inner);
    /// Adds `part` to the sentences of `{name:parts}` and its English to argument `name`.
    Message &part(const std::string &name, Message sentence);

    /// The value of argument `name`, or nullptr.
    const std::string *find(std::string_view name) const;
    /// The English sentence (MessageCatalog::render).
    std::string english() const;

    bool operator==(const Message &) const = default;
};

} // namespace tassel
