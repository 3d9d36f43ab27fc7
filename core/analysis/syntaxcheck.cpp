#include "analysis/syntaxcheck.h"

#include "util/text.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <utility>

namespace tassel {

namespace {

/// Commands people paste into code cells without `!` (the corpus's usual ones).
constexpr std::array kShellCommands = {"apt", "apt-get", "aws", "az", "bash", "brew", "cat", "cd", "chmod",
    "chown", "conda", "cp", "curl", "docker", "echo", "export", "gcloud", "git", "grep", "gsutil", "gunzip",
    "hadoop", "hdfs", "head", "heroku", "hive", "jupyter", "kubectl", "ln", "ls", "make", "mkdir", "mv",
    "npm", "pip", "pip3", "pyspark", "python", "python3", "rm", "s3cmd", "scp", "sh", "source",
    "spark-submit", "ssh", "sudo", "tail", "tar", "touch", "unzip", "wget", "which", "yum"};

std::string_view lineOf(std::string_view source, int line)
{
    std::size_t start = 0;
    for (int i = 1; i < line; ++i) {
        const std::size_t next = source.find('\n', start);
        if (next == std::string_view::npos)
            return {};
        start = next + 1;
    }
    const std::size_t end = source.find('\n', start);
    return source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

bool hasMergeConflict(std::string_view source)
{
    for (std::size_t line = 0; line < source.size();) {
        const std::string_view text = source.substr(line, 8);
        if (text.starts_with("<<<<<<< ") || text.starts_with(">>>>>>> ") || text.starts_with("=======\n")
            || text == "=======" || text.starts_with("=======\r"))
            return true;
        const std::size_t next = source.find('\n', line);
        if (next == std::string_view::npos)
            break;
        line = next + 1;
    }
    return false;
}

bool startsWithWord(std::string_view text, std::initializer_list<std::string_view> words)
{
    const std::string_view first = text.substr(0, text.find_first_of(" \t;"));
    for (const std::string_view word : words) {
        if (first.size() == word.size()
            && std::equal(first.begin(), first.end(), word.begin(),
                [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }))
            return true;
    }
    return false;
}

bool isShellCommand(std::string_view text)
{
    text = trimmed(text);
    if (text.starts_with("$ "))
        return true;
    const std::size_t end = text.find_first_of(" \t");
    if (end == std::string_view::npos)
        return false;
    const std::string_view word = text.substr(0, end);
    return std::find(kShellCommands.begin(), kShellCommands.end(), word) != kShellCommands.end();
}

Finding syntaxError(const Notebook &notebook, int index, const CellSymbols &symbols)
{
    const Cell &cell = notebook.cells[std::size_t(index)];
    const SourceRange &at = symbols.syntaxErrors.front();
    Finding finding;
    finding.rule = "syntax-error";
    finding.severity = Severity::Error;
    finding.cell = index;
    finding.cellId = cell.id;
    finding.line = at.line;
    finding.column = at.column;
    finding.endLine = at.endLine;
    finding.endColumn = at.endColumn;
    Message message = SyntaxCheck::hint(cell.source, at.line);
    const std::string hint
        = std::exchange(message.id, message.id.empty() ? "syntax-error" : "syntax-error.hint");
    finding.setMessage(std::move(message.arg("hint", hint).cell("cell", index).arg("line", at.line)));
    return finding;
}

Finding python2Finding(const Notebook &notebook, const std::vector<int> &cells, const std::string &what)
{
    Finding finding;
    finding.rule = "python2";
    finding.relatedCells = cells;
    if (cells.empty()) {
        finding.severity = Severity::Warning;
        finding.setMessage(Message("python2.kernel").arg("kernel", notebook.kernelName()));
        return finding;
    }
    finding.severity = Severity::Error;
    // {@what_id} says it in the reader's language; {what} keeps the English for reports.
    finding.setMessage(
        Message("python2").arg("what", Message(what).english()).arg("what_id", what).cells("cells", cells));
    return finding;
}

} // namespace

Message SyntaxCheck::hint(std::string_view source, int line)
{
    const std::string_view text = lineOf(source, line);
    if (hasMergeConflict(source))
        return Message("syntax-hint.merge-conflict");
    // tree-sitter may place the error on the line before a bad indentation.
    const std::string_view next = lineOf(source, line + 1);
    if (text.find("\xC2\xA0") != std::string_view::npos || next.find("\xC2\xA0") != std::string_view::npos)
        return Message("syntax-hint.nbsp");
    for (const char *quote : {"\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D"}) {
        if (text.find(quote) != std::string_view::npos)
            return Message("syntax-hint.quotes");
    }
    const std::string_view code = trimmed(text);
    if (code.starts_with("http://") || code.starts_with("https://"))
        return Message("syntax-hint.url");
    if (startsWithWord(
            code, {"select", "insert", "update", "create", "drop", "alter", "copy", "vacuum", "grant"}))
        return Message("syntax-hint.sql");
    if (isShellCommand(text))
        return Message("syntax-hint.shell").arg("command", std::string(trimmed(text).substr(0, 20)));
    return {};
}

std::vector<Finding> SyntaxCheck::findings(const Notebook &notebook, const std::vector<CellSymbols> &cells)
{
    std::vector<Finding> findings;
    std::vector<int> python2Cells;
    std::string python2What;
    for (std::size_t i = 0; i < cells.size() && i < notebook.cells.size(); ++i) {
        const CellSymbols &symbols = cells[i];
        if (symbols.syntaxErrors.empty())
            continue;
        if (!symbols.python2Syntax.empty()) {
            python2Cells.push_back(int(i));
            if (python2What.empty())
                python2What = symbols.python2Syntax.empty() ? "python2.backticks"
                                                            : symbols.python2Syntax.front().name;
            continue;
        }
        findings.push_back(syntaxError(notebook, int(i), symbols));
    }
    if (!python2Cells.empty() || notebook.pythonMajor() == 2)
        findings.push_back(python2Finding(notebook, python2Cells, python2What));
    return findings;
}

} // namespace tassel
