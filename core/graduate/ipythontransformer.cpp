#include "graduate/ipythontransformer.h"

#include "graduate/pythonidentifiers.h"
#include "graduate/pythonsource.h"
#include "python/ipythonprepass.h"
#include "python/sourcemap.h"
#include "util/escaping.h"

#include <algorithm>
#include <array>
#include <cctype>
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

namespace {

void addNote(IPythonTransformer::Output &out, std::string kind, int line, Message message)
{
    TransformNote n;
    n.kind = std::move(kind);
    n.line = line;
    n.setMessage(std::move(message));
    out.notes.push_back(std::move(n));
}

void useRuntime(IPythonTransformer::Output &out, const char *name)
{
    if (std::find(out.runtime.begin(), out.runtime.end(), name) == out.runtime.end())
        out.runtime.emplace_back(name);
}

// Cell magics that only displayed something in the notebook.
constexpr std::array kDisplayCellMagics = {"html", "HTML", "markdown", "latex", "javascript", "js", "svg"};
// Cell magics that run their body with another program, and the program.
constexpr std::array<std::pair<const char *, const char *>, 5> kScriptCellMagics
    = {{{"bash", "bash"}, {"sh", "sh"}, {"perl", "perl"}, {"ruby", "ruby"}, {"python2", "python2"}}};

std::string scriptExtension(std::string_view program)
{
    const std::string name = std::string(program.substr(program.find_last_of('/') + 1));
    if (name == "bash" || name == "sh" || name == "zsh")
        return ".sh";
    if (name == "perl")
        return ".pl";
    if (name == "ruby")
        return ".rb";
    return ""; // never .py: the package's Python must compile, whatever the script is
}

/// %%bash, %%sh, %%script PROGRAM: the body becomes scripts/LABEL.sh, which the step runs.
void scriptCell(IPythonTransformer::Output &out, const std::string &magicLine, std::string program,
    const std::string &body, std::string_view label, int line)
{
    const std::string path = "scripts/" + std::string(label) + scriptExtension(words(program).front());
    out.resources.push_back({path, body, true});
    useRuntime(out, "run_script");
    out.code += "# %%" + oneLine(magicLine) + " cell: its body is " + path + " in the package\n";
    out.code += "run_script(" + pythonString(path) + ", " + pythonString(program) + ")\n";
    addNote(out, "rewritten", line, Message("plan.script-cell").arg("magic", magicLine).arg("path", path));
}

/// %%writefile [-a] PATH: the body becomes resources/LABEL_NAME, which the step writes to PATH.
void writefileCell(IPythonTransformer::Output &out, const std::string &name, const std::string &arguments,
    const std::string &body, std::string_view label, int line)
{
    auto args = words(arguments);
    const bool append = !args.empty() && (args[0] == "-a" || args[0] == "--append");
    if (append)
        args.erase(args.begin());
    const std::string target = args.empty() ? std::string("output.txt") : args[0];
    std::string base = PythonIdentifiers::identifier(target.substr(target.find_last_of('/') + 1), "file");
    const std::string path = "resources/" + std::string(label) + "_" + base + ".txt";
    out.resources.push_back({path, body, false});
    out.writtenFiles.push_back(target);
    useRuntime(out, "write_resource");
    out.code += "# %%" + oneLine(name + " " + arguments) + ": its body is " + path + " in the package\n";
    out.code += "write_resource(" + pythonString(path) + ", " + pythonString(target)
        + (append ? ", append=True" : "") + ")\n";
    addNote(out, "rewritten", line,
        Message("plan.writefile-cell").arg("magic", name).arg("path", path).arg("target", target));
}

/// `pip install x`, `cd data`: a line magic written without its %, which IPython runs as one.
/// The analysis' pre-pass decides, so both agree on what is Python.
bool isAutomagic(std::string_view line)
{
    if (line.empty() || !std::isalpha(static_cast<unsigned char>(line.front())))
        return false;
    const SourceMap map(line);
    const PrePassResult result = IPythonPrePass::run(line, map);
    return !result.magics.empty() && result.magics.front().kind == MagicRef::Kind::LineMagic
        && result.magics.front().range.line == 1 && result.magics.front().range.column == 1;
}

/// Handles a cell that starts with `%%name`; returns false when its body is Python to transform.
bool cellMagic(IPythonTransformer::Output &out, const std::vector<std::string> &lines, std::size_t first,
    std::string_view label)
{
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
            addNote(out, "kept-as-comment", line, Message("plan.capture-cell").arg("arguments", arguments));
        } else {
            addNote(out, "removed", line, Message("plan.transparent-cell").arg("magic", name));
        }
        out.code += '\n';
        return false;
    }
    const auto script = std::find_if(kScriptCellMagics.begin(), kScriptCellMagics.end(),
        [&](const auto &entry) { return name == entry.first; });
    std::vector<std::string> programWords;
    for (const std::string &word : words(arguments))
        if (!programWords.empty() || word.front() != '-')
            programWords.push_back(word);
    if (script != kScriptCellMagics.end())
        scriptCell(out, magicLine, script->second, body, label, line);
    else if (name == "script" && !programWords.empty())
        scriptCell(
            out, magicLine, trim(arguments.substr(arguments.find(programWords.front()))), body, label, line);
    else if (name == "writefile" || name == "file")
        writefileCell(out, name, arguments, body, label, line);
    else if (contains(kDisplayCellMagics, name)) {
        out.code += "# %%" + oneLine(name) + " cell dropped: it only displayed something in the notebook\n";
        addNote(out, "removed", line, Message("plan.display-cell").arg("magic", name));
    } else {
        out.refusedMagic = name;
        out.code += "# %%" + oneLine(name) + " cell: no plain-Python equivalent\n";
    }
    return true;
}

} // namespace

IPythonTransformer::Output IPythonTransformer::transform(std::string_view source, std::string_view cellLabel)
{
    Output out;
    const std::vector<std::string> lines = PythonSource::splitLines(source);
    auto note = [&](std::string kind, int line, Message message) {
        addNote(out, std::move(kind), line, std::move(message));
    };

    std::size_t first = 0;
    while (first < lines.size() && trim(lines[first]).empty())
        ++first;
    std::size_t bodyStart = first;
    if (first < lines.size() && trim(lines[first]).rfind("%%", 0) == 0) {
        if (cellMagic(out, lines, first, cellLabel))
            return out;
        bodyStart = first + 1;
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
        std::string rest = isAutomagic(stripped) ? "%" + stripped : stripped;
        if (rest == stripped) {
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
        // IPython joins a magic or shell line ending in `\` with the next: one command.
        while (!rest.empty() && (rest[0] == '!' || rest[0] == '%') && rest.back() == '\\'
            && i + 1 < lines.size()) {
            rest.pop_back();
            rest = trim(rest) + ' ' + trim(lines[++i]);
        }
        if (!rest.empty() && rest[0] == '!') {
            const std::string command = trim(std::string_view(rest).substr(1));
            if (isInstall(command)) {
                for (auto &requirement : installRequirements(command))
                    out.requirements.push_back(requirement);
                out.code += indent + "# !" + oneLine(command)
                    + ": declared as a dependency in pyproject.toml instead\n";
                if (!indent.empty())
                    out.code += indent + "pass  # keeps the block valid\n";
                note("dependency", lineNumber, Message("plan.shell-install").arg("command", command));
            } else if (!target.empty()) {
                useRuntime(out, "shell_lines");
                out.code += indent + target + " = shell_lines(" + commandLiteral(command) + ")\n";
                note("rewritten", lineNumber, Message("plan.shell-lines").arg("target", target));
            } else {
                useRuntime(out, "run_shell");
                out.code += indent + "run_shell(" + commandLiteral(command) + ")\n";
                note("rewritten", lineNumber, Message("plan.run-shell"));
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
                note("dependency", lineNumber, Message("plan.magic-install").arg("magic", name));
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
                note("removed", lineNumber, Message("plan.timing-magic").arg("magic", name));
                state.feed(statement);
            } else if (name == "cd" && target.empty() && !arguments.empty()) {
                out.needsOs = true;
                out.code += indent + "os.chdir(" + commandLiteral(arguments) + ")  # was %cd\n";
                note("rewritten", lineNumber, Message("plan.cd"));
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
                note("rewritten", lineNumber, Message("plan.env"));
            } else if (name == "pylab" && target.empty()) {
                // Beyond configuring plots, %pylab puts numpy's and pylab's names in the namespace
                // (IPython's import_pylab); a package needs them as imports.
                out.code += indent + "# %" + oneLine(magic) + ": the imports IPython makes for it\n";
                for (const char *line : {"import numpy as np", "import matplotlib.pyplot as plt",
                         "from matplotlib.pylab import *", "from numpy import *"})
                    out.code += indent + line + '\n';
                note("rewritten", lineNumber, Message("plan.pylab"));
            } else if (contains(kSessionMagics, name) && target.empty()) {
                out.code += indent + "# %" + oneLine(magic)
                    + " removed: it only configures the interactive session\n";
                note("removed", lineNumber, Message("plan.session-magic").arg("magic", name));
            } else {
                out.code += indent + "# %" + oneLine(magic)
                    + "  (kept as a comment: no plain-Python equivalent)\n";
                if (!target.empty())
                    out.code += indent + target + " = None  # was the result of %" + name + "\n";
                note("kept-as-comment", lineNumber, Message("plan.kept-magic").arg("magic", name));
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
            if (!indent.empty())
                out.code += indent + "pass  # keeps the block valid\n";
            note("removed", lineNumber, Message("plan.help-request").arg("request", stripped));
            continue;
        }
        state.feed(text);
        out.code += text + '\n';
    }
    return out;
}

} // namespace tassel
