#include "util/message.h"

#include "util/messagecatalog.h"
#include "util/text.h"

namespace tassel {

Message &Message::cells(const std::string &name, const std::vector<int> &indexes)
{
    arg(name, cellNumbers(indexes));
    return arg(name + "_count", indexes.size());
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
