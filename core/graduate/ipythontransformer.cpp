#include "graduate/ipythontransformer.h"

#include "graduate/pythonsource.h"
#include "util/escaping.h"

#include <algorithm>
#include <array>
#include <sstream>

namespace tassel {

namespace {

using escaping::oneLine;
using escaping::pythonString;

// Magics that only configure the interactive session; plain Python has nothing to do.
constexpr std::array kSessionMagics = {"matplotlib", "config", "load_ext", "reload_ext", "unload_ext",
    "autoreload", "aimport", "pylab", "precision", "xmode", "colors", "autosave", "notebook", "pdb",
    "autocall", "automagic", "doctest_mode", "reset", "who", "whos", "who_ls", "history", "lsmagic", "pwd",
    "magic", "clear", "page", "pinfo", "pinfo2", "psearch", "qtconsole", "connect_info", "ls", "dhist",
    "bookmark", "alias", "unalias", "rehashx", "tb", "debug", "recall", "rerun", "save", "load", "logstart",
    "logstop", "logon", "logoff", "logstate", "sx", "system", "env_list"};
// Cell magics whose body is Python that runs as written.
constexpr std::array kTransparentCellMagics
    = {"time", "timeit", "capture", "prun", "python", "python3", "pypy", "debug", "ipytest"};
constexpr std::array kInstallers = {"pip", "pip3", "conda", "mamba", "micromamba", "uv"};

template <typename Array>
bool contains(const Array &array, std::string_view word)
{
    return std::find(array.begin(), array.end(), word) != array.end();
}

std::string trim(std::string_view s)
{
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r");
    return std::string(s.substr(first, last - first + 1));
}

std::vector<std::string> words(std::string_view text)
{
    std::vector<std::string> out;
    std::istringstream in {std::string(text)};
    std::string word;
    while (in >> word)
        out.push_back(word);
    return out;
}

// Requirements named by `pip install ...` (also `python -m pip install`, `conda install`).
std::vector<std::string> installRequirements(std::string_view command)
{
    std::vector<std::string> tokens = words(command);
    auto install = std::find(tokens.begin(), tokens.end(), "install");
    if (install == tokens.end())
        return {};
    std::vector<std::string> requirements;
    for (auto it = install + 1; it != tokens.end(); ++it) {
        std::string token = *it;
        if (token.empty())
            continue;
        if (token.front() == '-') {
            // Options that take a value would otherwise be read as requirements.
            if (token == "-r" || token == "-c" || token == "-e" || token == "-i" || token == "--index-url"
                || token == "--extra-index-url" || token == "-f" || token == "--find-links"
                || token == "--target" || token == "-t" || token == "-n" || token == "--name"
                || token == "--channel")
                ++it;
            if (it == tokens.end())
                break;
            continue;
        }
        token.erase(std::remove(token.begin(), token.end(), '"'), token.end());
        token.erase(std::remove(token.begin(), token.end(), '\''), token.end());
        if (token.empty() || token.find('/') != std::string::npos || token.find('{') != std::string::npos
            || token.find('$') != std::string::npos)
            continue; // paths, URLs and interpolated names cannot be declared
        requirements.push_back(token);
    }
    return requirements;
}

bool isInstall(std::string_view command)
{
    const auto tokens = words(command);
    if (tokens.size() < 2)
        return false;
    std::size_t at = 0;
    if ((tokens[0] == "python" || tokens[0] == "python3") && tokens.size() > 3 && tokens[1] == "-m")
        at = 2;
    return contains(kInstallers, tokens[at]) && at + 1 < tokens.size() && tokens[at + 1] == "install";
}

// The command as a Python expression: IPython expands {expr} in shell lines, which an f-string
// does as well.
std::string commandLiteral(std::string_view command)
{
    const std::string literal = escaping::pythonString(command);
    return command.find('{') != std::string_view::npos ? 'f' + literal : literal;
}

} // namespace

IPythonTransformer::Output IPythonTransformer::transform(std::string_view source)
{
    Output out;
    const std::vector<std::string> lines = PythonSource::splitLines(source);
    auto note = [&](std::string kind, int line, std::string message) {
        TransformNote n;
        n.kind = std::move(kind);
        n.line = line;
        n.message = std::move(message);
        out.notes.push_back(std::move(n));
    };
    auto useRuntime = [&](const char *name) {
        if (std::find(out.runtime.begin(), out.runtime.end(), name) == out.runtime.end())
            out.runtime.emplace_back(name);
    };

    std::size_t first = 0;
    while (first < lines.size() && trim(lines[first]).empty())
        ++first;
    std::size_t bodyStart = first;
    if (first < lines.size() && trim(lines[first]).rfind("%%", 0) == 0) {
        const std::string magicLine = trim(lines[first]).substr(2);
        const auto tokens = words(magicLine);
        const std::string name = tokens.empty() ? std::string() : tokens[0];
        const std::string arguments = trim(std::string_view(magicLine).substr(name.size()));
        std::string body;
        for (std::size_t i = first + 1; i < lines.size(); ++i)
            body += lines[i] + '\n';
        const int line = int(first) + 1;
        if (contains(kTransparentCellMagics, name)) {
            out.code += "# %%" + oneLine(magicLine) + " removed: the body below runs as plain Python";
            if (name == "capture" && !arguments.empty()) {
                out.code += " (its captured output is not kept)";
                note("kept-as-comment", line,
                    "%%capture " + arguments
                        + ": the captured output is not kept; the body runs as plain Python");
            } else {
                note("removed", line, "%%" + name + " removed; the body runs as plain Python");
            }
            out.code += '\n';
            bodyStart = first + 1;
        } else if (name == "bash" || name == "sh"
            || (name == "script" && arguments.find("sh") != std::string::npos)) {
            useRuntime("run_shell");
            out.code += "# %%" + oneLine(magicLine) + " cell: the script runs with the shell\n";
            out.code += "run_shell(" + pythonString(body) + ")\n";
            note("rewritten", line, "%%" + name + " cell turned into run_shell(...)");
            return out;
        } else if (name == "writefile") {
            useRuntime("write_file");
            auto args = words(arguments);
            const bool append = !args.empty() && (args[0] == "-a" || args[0] == "--append");
            if (append)
                args.erase(args.begin());
            const std::string path = args.empty() ? std::string("output.txt") : args[0];
            out.code += "# %%writefile " + oneLine(arguments) + "\n";
            out.code += "write_file(" + pythonString(path) + ", " + pythonString(body)
                + (append ? ", append=True" : "") + ")\n";
            note("rewritten", line, "%%writefile turned into write_file(...)");
            return out;
        } else {
            out.code += "# %%" + oneLine(magicLine)
                + " cell kept as a comment: it has no plain-Python equivalent\n";
            for (std::size_t i = first + 1; i < lines.size(); ++i)
                out.code += "# " + oneLine(lines[i]) + '\n';
            note(
                "kept-as-comment", line, "%%" + name + " cell kept as a comment: no plain-Python equivalent");
            return out;
        }
    }
    for (std::size_t i = 0; i < bodyStart; ++i)
        if (i != first || bodyStart == first)
            out.code += lines[i] + '\n';

    PythonSource::LineState state;
    for (std::size_t i = bodyStart; i < lines.size(); ++i) {
        const std::string &text = lines[i];
        const int lineNumber = int(i) + 1;
        if (!state.atLogicalStart()) {
            state.feed(text);
            out.code += text + '\n';
            continue;
        }
        const std::size_t indentEnd = text.find_first_not_of(" \t");
        const std::string indent = text.substr(0, indentEnd == std::string::npos ? 0 : indentEnd);
        const std::string stripped = trim(text);

        // `v = !cmd`, `v = %magic args`
        std::string target;
        std::string rest = stripped;
        {
            const auto eq = stripped.find('=');
            if (eq != std::string::npos && eq + 1 < stripped.size()) {
                const std::string lhs = trim(std::string_view(stripped).substr(0, eq));
                const std::string rhs = trim(std::string_view(stripped).substr(eq + 1));
                if (PythonSource::isIdentifier(lhs) && !rhs.empty() && (rhs[0] == '!' || rhs[0] == '%')) {
                    target = lhs;
                    rest = rhs;
                }
            }
        }
        if (!rest.empty() && rest[0] == '!') {
            const std::string command = trim(std::string_view(rest).substr(1));
            if (isInstall(command)) {
                for (auto &requirement : installRequirements(command))
                    out.requirements.push_back(requirement);
                out.code += indent + "# !" + oneLine(command)
                    + ": declared as a dependency in pyproject.toml instead\n";
                note("dependency", lineNumber, "!" + command + " became declared dependencies");
            } else if (!target.empty()) {
                useRuntime("shell_lines");
                out.code += indent + target + " = shell_lines(" + commandLiteral(command) + ")\n";
                note("rewritten", lineNumber, target + " = !... turned into shell_lines(...)");
            } else {
                useRuntime("run_shell");
                out.code += indent + "run_shell(" + commandLiteral(command) + ")\n";
                note("rewritten", lineNumber, "!... turned into run_shell(...)");
            }
            continue;
        }
        if (!rest.empty() && rest[0] == '%' && rest.rfind("%%", 0) != 0) {
            const std::string magic = rest.substr(1);
            const auto tokens = words(magic);
            const std::string name = tokens.empty() ? std::string() : tokens[0];
            const std::string arguments = trim(std::string_view(magic).substr(name.size()));
            if (contains(kInstallers, name)) {
                for (auto &requirement : installRequirements(magic))
                    out.requirements.push_back(requirement);
                out.code += indent + "# %" + oneLine(magic)
                    + ": declared as a dependency in pyproject.toml instead\n";
                note("dependency", lineNumber, "%" + name + " install became declared dependencies");
            } else if ((name == "time" || name == "timeit") && target.empty()) {
                // Keep the statement, drop the timing; timeit options come first.
                auto args = words(arguments);
                std::size_t k = 0;
                while (k < args.size() && args[k].front() == '-') {
                    const std::string option = args[k++];
                    if ((option == "-n" || option == "-r" || option == "-p" || option == "-s")
                        && k < args.size())
                        ++k;
                }
                std::string statement;
                std::size_t position = 0;
                for (std::size_t w = 0; w < k; ++w)
                    position = arguments.find(args[w], position) + args[w].size();
                statement = trim(std::string_view(arguments).substr(std::min(position, arguments.size())));
                out.code += indent + "# %" + name + " removed: the statement runs once, untimed\n";
                out.code += indent + (statement.empty() ? std::string("pass") : statement) + '\n';
                note("removed", lineNumber, "%" + name + " removed; the statement runs once");
                state.feed(statement);
            } else if (name == "cd" && target.empty() && !arguments.empty()) {
                out.needsOs = true;
                out.code += indent + "os.chdir(" + commandLiteral(arguments) + ")  # was %cd\n";
                note("rewritten", lineNumber, "%cd turned into os.chdir(...)");
            } else if (name == "env" && target.empty() && !arguments.empty()
                && (arguments.find('=') != std::string::npos || words(arguments).size() == 2)) {
                const auto eq = arguments.find('=');
                const std::string key
                    = trim(eq != std::string::npos ? arguments.substr(0, eq) : words(arguments)[0]);
                const std::string value
                    = trim(eq != std::string::npos ? arguments.substr(eq + 1) : words(arguments)[1]);
                out.needsOs = true;
                out.code += indent + "os.environ[" + pythonString(key) + "] = " + pythonString(value)
                    + "  # was %env\n";
                note("rewritten", lineNumber, "%env turned into os.environ[...]");
            } else if (contains(kSessionMagics, name) && target.empty()) {
                out.code += indent + "# %" + oneLine(magic)
                    + " removed: it only configures the interactive session\n";
                note("removed", lineNumber, "%" + name + " removed (interactive session only)");
            } else {
                out.code += indent + "# %" + oneLine(magic)
                    + "  (kept as a comment: no plain-Python equivalent)\n";
                if (!target.empty())
                    out.code += indent + target + " = None  # was the result of %" + name + "\n";
                note("kept-as-comment", lineNumber,
                    "%" + name + " has no plain-Python equivalent; kept as a comment");
            }
            if (!indent.empty())
                out.code += indent + "pass  # keeps the block valid\n";
            continue;
        }
        // Help syntax: obj?, obj??, ?obj
        if (!stripped.empty() && target.empty()
            && (stripped.front() == '?'
                || (stripped.back() == '?' && stripped.find('#') == std::string::npos))) {
            out.code += indent + "# " + oneLine(stripped) + "  (help request removed)\n";
            note("removed", lineNumber, "help request " + stripped + " removed");
            continue;
        }
        state.feed(text);
        out.code += text + '\n';
    }
    return out;
}

} // namespace tassel
