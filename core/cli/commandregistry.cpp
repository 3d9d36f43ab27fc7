#include "cli/commandregistry.h"

#include <algorithm>

namespace tassel::cli {

// One line per command; each factory is defined in the command's own file.
Command checkCommand();
Command graduateCommand();
Command verifyCommand();

namespace {
const std::vector<Command> &commands()
{
    static const std::vector<Command> list = [] {
        std::vector<Command> all = {checkCommand(), graduateCommand(), verifyCommand()};
        std::sort(all.begin(), all.end(), [](const Command &a, const Command &b) { return a.name < b.name; });
        return all;
    }();
    return list;
}
} // namespace

const std::vector<Command> &CommandRegistry::all()
{
    return commands();
}

const Command *CommandRegistry::find(const std::string &name)
{
    const auto &list = commands();
    const auto it = std::find_if(list.begin(), list.end(), [&](const Command &c) { return c.name == name; });
    return it == list.end() ? nullptr : &*it;
}

} // namespace tassel::cli
