#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace tassel::cli {

/// A headless subcommand of `tassel` (check, graduate, verify, ...).
struct Command
{
    std::string name;
    std::string summary;
    std::function<int(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)> run;
};

/// The list of subcommands, sorted by name. Each command lives in its own .cpp and exposes a
/// `Command xxxCommand()` factory that commandregistry.cpp lists (static self-registration
/// would be dropped by the linker from a static library).
class CommandRegistry
{
public:
    static const std::vector<Command> &all();
    static const Command *find(const std::string &name);
};

} // namespace tassel::cli
