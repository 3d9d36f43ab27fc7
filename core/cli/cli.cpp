#include "cli/cli.h"

#include "cli/commandregistry.h"
#include "version.h"

namespace tassel::cli {

bool isHeadless(const std::vector<std::string> &args)
{
    if (args.empty())
        return false;
    const std::string &first = args.front();
    return first == "--version" || first == "-v" || first == "--help" || first == "-h" || first == "help"
        || CommandRegistry::find(first) != nullptr;
}

std::string helpText()
{
    std::string text
        = "usage: tassel [NOTEBOOK]            open the notebook in the desktop app\n"
          "       tassel FOLDER              list the folder's notebooks with their status\n"
          "       tassel gui [--theme system|light|dark] [--language en|de] [NOTEBOOK|FOLDER]\n"
          "       tassel gui --screenshot FILE.png [--screenshot-part window|graph|wizard-plan|\n"
          "                  wizard-last|folder] [--cell N] [--theme T] [--language L] NOTEBOOK|FOLDER\n"
          "       tassel COMMAND [OPTIONS] ...\n\n"
          "Tassel finds hidden state, out-of-order dependencies, secrets and unpinned imports in\n"
          "Jupyter notebooks, and graduates them into tested Python packages.\n\n"
          "Commands:\n";
    for (const auto &command : CommandRegistry::all())
        text += "  " + command.name + std::string(std::max<std::size_t>(2, 12 - command.name.size()), ' ')
            + command.summary + "\n";
    text += "\nOptions:\n  -h, --help       show this help (COMMAND --help for a command's options)\n"
            "  -v, --version    show the version\n\n"
            "Exit codes: 0 ran and found nothing at or above the threshold, 1 findings at or above it,\n"
            "2 usage, I/O or unreadable notebook.\n";
    return text;
}

int run(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    if (args.empty() || args.front() == "--help" || args.front() == "-h" || args.front() == "help") {
        out << helpText();
        return ExitClean;
    }
    if (args.front() == "--version" || args.front() == "-v") {
        out << kToolName << ' ' << kVersion << '\n';
        return ExitClean;
    }
    if (const Command *command = CommandRegistry::find(args.front()))
        return command->run({args.begin() + 1, args.end()}, out, err);
    err << "tassel: unknown command '" << args.front() << "'\n" << helpText();
    return ExitUsage;
}

} // namespace tassel::cli
