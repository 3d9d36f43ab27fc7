#include "graduate/ipythontransformer.h"

#include "graduate/pythonidentifiers.h"
#include "graduate/pythonsource.h"
#include "python/ipythonprepass.h"
#include "python/sourcemap.h"
#include "util/escaping.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
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

/// A logical line of the cell body: its indent, its text without it, and after IPython's
/// prefixes `v = ` (target) and an automagic's missing `%`, the command (rest).
struct Line
{
    int number = 0; ///< 1-based, of the line it starts on
    std::string indent;
    std::string stripped;
    std::string target;
    std::string rest;
};

/// IPythonTransformer::transform over one cell: a leading cell magic, then each logical line of
/// the body, rewritten when it is IPython syntax.
class CellTransform
{
public:
    CellTransform(std::string_view source, std::string_view label)
        : m_lines(PythonSource::splitLines(source))
        , m_label(label)
    {
    }

    IPythonTransformer::Output run();

private:
    std::optional<std::size_t> bodyStart();
    void transformLine(std::size_t &i);
    Line parse(std::size_t &i) const;
    void shellLine(const Line &line, const std::string &command);
    void lineMagic(const Line &line, const std::string &magic);
    void replaceMagic(const Line &line, const std::string &name, const std::string &arguments);
    void untimed(const Line &line, const std::string &name, const std::string &arguments);
    bool helpRequest(const Line &line);
    void note(std::string kind, int line, Message message)
    {
        addNote(m_out, std::move(kind), line, std::move(message));
    }

    const std::vector<std::string> m_lines;
    const std::string_view m_label;
    IPythonTransformer::Output m_out;
    PythonSource::LineState m_state;
};

IPythonTransformer::Output CellTransform::run()
{
    const auto start = bodyStart();
    if (!start)
        return std::move(m_out);
    for (std::size_t i = *start; i < m_lines.size(); ++i)
        transformLine(i);
    return std::move(m_out);
}

/// Copies the blank lines before the body and handles a leading `%%magic`; nullopt when that
/// magic took the whole cell.
std::optional<std::size_t> CellTransform::bodyStart()
{
    std::size_t first = 0;
    while (first < m_lines.size() && trim(m_lines[first]).empty())
        ++first;
    std::size_t start = first;
    if (first < m_lines.size() && trim(m_lines[first]).rfind("%%", 0) == 0) {
        if (cellMagic(m_out, m_lines, first, m_label))
            return std::nullopt;
        start = first + 1;
    }
    for (std::size_t i = 0; i < start; ++i)
        if (i != first || start == first)
            m_out.code += m_lines[i] + '\n';
    return start;
}

/// Line `i` (and the lines it continues onto, after which `i` is the last of them).
void CellTransform::transformLine(std::size_t &i)
{
    const std::string &text = m_lines[i];
    if (!m_state.atLogicalStart()) {
        m_state.feed(text);
        m_out.code += text + '\n';
        return;
    }
    const Line line = parse(i);
    const std::string &rest = line.rest;
    if (!rest.empty() && rest[0] == '!')
        return shellLine(line, trim(std::string_view(rest).substr(1)));
    if (!rest.empty() && rest[0] == '%' && rest.rfind("%%", 0) != 0)
        return lineMagic(line, rest.substr(1));
    if (helpRequest(line))
        return;
    m_state.feed(text);
    m_out.code += text + '\n';
}

/// Splits line `i` into its parts; a magic or shell line ending in `\` takes the next lines too
/// (IPython joins them into one command), and `i` moves to the last one.
Line CellTransform::parse(std::size_t &i) const
{
    const std::string &text = m_lines[i];
    Line line;
    line.number = int(i) + 1;
    const std::size_t indentEnd = text.find_first_not_of(" \t");
    line.indent = text.substr(0, indentEnd == std::string::npos ? 0 : indentEnd);
    line.stripped = trim(text);
    const std::string &stripped = line.stripped;
    // `v = !cmd`, `v = %magic args`
    line.rest = isAutomagic(stripped) ? "%" + stripped : stripped;
    if (line.rest == stripped) {
        const auto eq = stripped.find('=');
        if (eq != std::string::npos && eq + 1 < stripped.size()) {
            const std::string lhs = trim(std::string_view(stripped).substr(0, eq));
            const std::string rhs = trim(std::string_view(stripped).substr(eq + 1));
            if (PythonSource::isIdentifier(lhs) && !rhs.empty() && (rhs[0] == '!' || rhs[0] == '%')) {
                line.target = lhs;
                line.rest = rhs;
            }
        }
    }
    std::string &rest = line.rest;
    while (!rest.empty() && (rest[0] == '!' || rest[0] == '%') && rest.back() == '\\'
        && i + 1 < m_lines.size()) {
        rest.pop_back();
        rest = trim(rest) + ' ' + trim(m_lines[++i]);
    }
    return line;
}

/// `!cmd`, `v = !cmd`: an install becomes declared requirements, anything else a runtime call.
void CellTransform::shellLine(const Line &line, const std::string &command)
{
    const std::string &indent = line.indent;
    if (isInstall(command)) {
        for (auto &requirement : installRequirements(command))
            m_out.requirements.push_back(requirement);
        m_out.code
            += indent + "# !" + oneLine(command) + ": declared as a dependency in pyproject.toml instead\n";
        if (!indent.empty())
            m_out.code += indent + "pass  # keeps the block valid\n";
        note("dependency", line.number, Message("plan.shell-install").arg("command", command));
    } else if (!line.target.empty()) {
        useRuntime(m_out, "shell_lines");
        m_out.code += indent + line.target + " = shell_lines(" + commandLiteral(command) + ")\n";
        note("rewritten", line.number, Message("plan.shell-lines").arg("target", line.target));
    } else {
        useRuntime(m_out, "run_shell");
        m_out.code += indent + "run_shell(" + commandLiteral(command) + ")\n";
        note("rewritten", line.number, Message("plan.run-shell"));
    }
}

/// `%magic args`, `v = %magic args`: rewritten, removed, or kept as a comment.
void CellTransform::lineMagic(const Line &line, const std::string &magic)
{
    const std::string &indent = line.indent;
    const auto tokens = words(magic);
    const std::string name = tokens.empty() ? std::string() : tokens[0];
    const std::string arguments = trim(std::string_view(magic).substr(name.size()));
    replaceMagic(line, name, arguments);
    if (!indent.empty())
        m_out.code += indent + "pass  # keeps the block valid\n";
}

/// The code for a line magic: installs, %time/%timeit, %cd, %env and %pylab rewritten, session
/// magics removed, any other kept as a comment.
void CellTransform::replaceMagic(const Line &line, const std::string &name, const std::string &arguments)
{
    const std::string &indent = line.indent;
    const bool assigned = !line.target.empty();
    const std::string magic = line.rest.substr(1);
    if (contains(kInstallers, name)) {
        for (auto &requirement : installRequirements(magic))
            m_out.requirements.push_back(requirement);
        m_out.code
            += indent + "# %" + oneLine(magic) + ": declared as a dependency in pyproject.toml instead\n";
        note("dependency", line.number, Message("plan.magic-install").arg("magic", name));
    } else if ((name == "time" || name == "timeit") && !assigned) {
        untimed(line, name, arguments);
    } else if (name == "cd" && !assigned && !arguments.empty()) {
        m_out.needsOs = true;
        m_out.code += indent + "os.chdir(" + commandLiteral(arguments) + ")  # was %cd\n";
        note("rewritten", line.number, Message("plan.cd"));
    } else if (name == "env" && !assigned && !arguments.empty()
        && (arguments.find('=') != std::string::npos || words(arguments).size() == 2)) {
        const auto eq = arguments.find('=');
        const std::string key = trim(eq != std::string::npos ? arguments.substr(0, eq) : words(arguments)[0]);
        const std::string value
            = trim(eq != std::string::npos ? arguments.substr(eq + 1) : words(arguments)[1]);
        m_out.needsOs = true;
        m_out.code
            += indent + "os.environ[" + pythonString(key) + "] = " + pythonString(value) + "  # was %env\n";
        note("rewritten", line.number, Message("plan.env"));
    } else if (name == "pylab" && !assigned) {
        // Beyond configuring plots, %pylab puts numpy's and pylab's names in the namespace
        // (IPython's import_pylab); a package needs them as imports.
        m_out.code += indent + "# %" + oneLine(magic) + ": the imports IPython makes for it\n";
        for (const char *import : {"import numpy as np", "import matplotlib.pyplot as plt",
                 "from matplotlib.pylab import *", "from numpy import *"})
            m_out.code += indent + import + '\n';
        note("rewritten", line.number, Message("plan.pylab"));
    } else if (contains(kSessionMagics, name) && !assigned) {
        m_out.code
            += indent + "# %" + oneLine(magic) + " removed: it only configures the interactive session\n";
        note("removed", line.number, Message("plan.session-magic").arg("magic", name));
    } else {
        m_out.code += indent + "# %" + oneLine(magic) + "  (kept as a comment: no plain-Python equivalent)\n";
        if (assigned)
            m_out.code += indent + line.target + " = None  # was the result of %" + name + "\n";
        note("kept-as-comment", line.number, Message("plan.kept-magic").arg("magic", name));
    }
}

/// `%time stmt`, `%timeit -n 3 stmt`: keeps the statement, drops the timing; timeit options
/// come first.
void CellTransform::untimed(const Line &line, const std::string &name, const std::string &arguments)
{
    auto args = words(arguments);
    std::size_t k = 0;
    while (k < args.size() && args[k].front() == '-') {
        const std::string option = args[k++];
        if ((option == "-n" || option == "-r" || option == "-p" || option == "-s") && k < args.size())
            ++k;
    }
    std::size_t position = 0;
    for (std::size_t w = 0; w < k; ++w)
        position = arguments.find(args[w], position) + args[w].size();
    const std::string statement
        = trim(std::string_view(arguments).substr(std::min(position, arguments.size())));
    m_out.code += line.indent + "# %" + name + " removed: the statement runs once, untimed\n";
    m_out.code += line.indent + (statement.empty() ? std::string("pass") : statement) + '\n';
    note("removed", line.number, Message("plan.timing-magic").arg("magic", name));
    m_state.feed(statement);
}

/// Help syntax: obj?, obj??, ?obj
bool CellTransform::helpRequest(const Line &line)
{
    const std::string &stripped = line.stripped;
    if (stripped.empty() || !line.target.empty()
        || !(stripped.front() == '?' || (stripped.back() == '?' && stripped.find('#') == std::string::npos)))
        return false;
    m_out.code += line.indent + "# " + oneLine(stripped) + "  (help request removed)\n";
    if (!line.indent.empty())
        m_out.code += line.indent + "pass  # keeps the block valid\n";
    note("removed", line.number, Message("plan.help-request").arg("request", stripped));
    return true;
}

} // namespace

IPythonTransformer::Output IPythonTransformer::transform(std::string_view source, std::string_view cellLabel)
{
    return CellTransform(source, cellLabel).run();
}

} // namespace tassel
