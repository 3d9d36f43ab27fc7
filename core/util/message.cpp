#include "util/message.h"

#include "util/messagecatalog.h"
#include "util/text.h"

#include <algorithm>

namespace tassel {

Message &Message::cells(const std::string &name, const std::vector<int> &indexes)
{
    arg(name, cellNumbers(indexes));
    return arg(name + "_count", indexes.size());
}

Message &Message::nest(const std::string &name, const Message &inner)
{
    arg(name, inner.id);
    args.insert(args.end(), inner.args.begin(), inner.args.end());
    return *this;
}

Message &Message::part(const std::string &name, Message sentence)
{
    const std::string english = sentence.english();
    auto list
        = std::find_if(parts.begin(), parts.end(), [&](const auto &entry) { return entry.first == name; });
    if (list == parts.end()) {
        parts.emplace_back(name, std::vector<Message>());
        list = std::prev(parts.end());
    }
    list->second.push_back(std::move(sentence));
    for (auto &[key, value] : args) {
        if (key == name) {
            value += MessageCatalog::kPartSeparator + english;
            return *this;
        }
    }
    return arg(name, english);
}

const std::string *Message::find(std::string_view name) const
{
    for (const auto &[key, value] : args) {
        if (key == name)
            return &value;
    }
    return nullptr;
}

std::string Message::english() const
{
    return MessageCatalog::render(*this);
}

} // namespace tassel
