#include "analysis/swallowedexceptions.h"

#include "python/ipythonprepass.h"
#include "python/sourcemap.h"
#include "python/syntaxtree.h"
#include "util/text.h"

#include <algorithm>

namespace tassel {

namespace {

constexpr std::uint32_t kNone = SyntaxNode::kNone;

/// Reads one parsed cell; nodes borrow from `tree` and `text`.
class CellReader
{
public:
    CellReader(const SyntaxTree &tree, std::string_view text)
        : m_tree(tree)
        , m_text(text)
    {
    }

    std::string_view textOf(std::uint32_t n) const
    {
        return m_text.substr(m_tree.node(n).start, m_tree.node(n).end - m_tree.node(n).start);
    }

    /// No type, or Exception / BaseException (alone or in a tuple).
    bool catchesEverything(std::uint32_t clause) const
    {
        std::uint32_t value = m_tree.child(clause, SyntaxField::Value);
        for (std::uint32_t c = m_tree.node(clause).firstChild; value == kNone && c != kNone;
             c = m_tree.node(c).nextSibling) {
            if (m_tree.node(c).kind != SyntaxKind::Block && m_tree.node(c).kind != SyntaxKind::Comment)
                value = c;
        }
        // `except E as e` parses as an as_pattern in this grammar version: E is its first child.
        if (value != kNone && m_tree.node(value).kind == SyntaxKind::AsPattern)
            value = m_tree.node(value).firstChild;
        if (value == kNone)
            return true;
        if (m_tree.node(value).kind == SyntaxKind::Tuple
            || m_tree.node(value).kind == SyntaxKind::ParenthesizedExpression) {
            for (std::uint32_t c = m_tree.node(value).firstChild; c != kNone;
                 c = m_tree.node(c).nextSibling) {
                if (isBroad(textOf(c)))
                    return true;
            }
            return false;
        }
        return isBroad(textOf(value));
    }

    /// pass, continue, `...`, a string, print(...), logging/logger calls, traceback.print_exc().
    bool onlyGoesOn(std::uint32_t clause) const
    {
        std::uint32_t block = kNone;
        for (std::uint32_t c = m_tree.node(clause).firstChild; c != kNone; c = m_tree.node(c).nextSibling) {
            if (m_tree.node(c).kind == SyntaxKind::Block)
                block = c;
        }
        if (block == kNone)
            return false;
        for (std::uint32_t s = m_tree.node(block).firstChild; s != kNone; s = m_tree.node(s).nextSibling) {
            if (m_tree.node(s).kind != SyntaxKind::Comment && !goesOn(s))
                return false;
        }
        return true;
    }

private:
    static bool isBroad(std::string_view type)
    {
        type = trimmed(type);
        return type == "Exception" || type == "BaseException" || type == "builtins.Exception";
    }

    bool goesOn(std::uint32_t statement) const
    {
        const std::string_view text = trimmed(textOf(statement));
        if (text == "pass" || text == "continue")
            return true;
        if (m_tree.node(statement).kind != SyntaxKind::ExpressionStatement)
            return false;
        const std::uint32_t expression = m_tree.node(statement).firstChild;
        if (expression == kNone || text == "..." || m_tree.node(expression).kind == SyntaxKind::String)
            return true;
        if (m_tree.node(expression).kind != SyntaxKind::Call)
            return false;
        const std::string_view function = textOf(m_tree.child(expression, SyntaxField::Function));
        if (function == "print" || function == "traceback.print_exc" || function == "warnings.warn")
            return true;
        const std::size_t dot = function.rfind('.');
        const std::string_view object = function.substr(0, dot == std::string_view::npos ? 0 : dot);
        const std::string_view method = dot == std::string_view::npos ? function : function.substr(dot + 1);
        static constexpr std::string_view kLevels[]
            = {"debug", "info", "warning", "warn", "error", "exception", "critical", "log"};
        const bool logs = object == "logging" || object == "logger" || object == "log" || object == "LOGGER"
            || object == "LOG" || object == "_logger" || object.ends_with(".logger")
            || object.ends_with("getLogger(__name__)");
        return logs && std::find(std::begin(kLevels), std::end(kLevels), method) != std::end(kLevels);
    }

    const SyntaxTree &m_tree;
    std::string_view m_text;
};

void scanCell(const Cell &cell, int index, std::vector<Finding> &findings)
{
    if (cell.source.find("except") == std::string::npos)
        return; // most cells: no parse needed
    const SourceMap map(cell.source);
    const PrePassResult prepass = IPythonPrePass::run(cell.source, map);
    SyntaxTree tree;
    if (!prepass.isPython || !tree.parse(prepass.python, 2.0))
        return;
    const CellReader reader(tree, prepass.python);
    for (std::uint32_t n = 0; n < tree.nodes().size(); ++n) {
        if (tree.node(n).kind != SyntaxKind::ExceptClause || !reader.catchesEverything(n)
            || !reader.onlyGoesOn(n))
            continue;
        const SourceRange range = map.range(tree.node(n).start, tree.node(n).end);
        std::string head(reader.textOf(n).substr(0, reader.textOf(n).find(':')));
        Finding finding;
        finding.rule = "swallowed-exception";
        finding.severity = Severity::Warning;
        finding.cell = index;
        finding.cellId = cell.id;
        finding.line = range.line;
        finding.column = range.column;
        finding.setMessage(Message("swallowed-exception")
                               .cell("cell", index)
                               .arg("line", range.line)
                               .arg("handler", head.size() > 40 ? head.substr(0, 37) + "..." : head));
        findings.push_back(std::move(finding));
    }
}

} // namespace

std::vector<Finding> SwallowedExceptions::findings(
    const Notebook &notebook, const std::vector<CellSymbols> &symbols)
{
    std::vector<Finding> findings;
    for (std::size_t c = 0; c < notebook.cells.size() && c < symbols.size(); ++c) {
        if (notebook.cells[c].isCode() && symbols[c].isPython)
            scanCell(notebook.cells[c], int(c), findings);
    }
    return findings;
}

} // namespace tassel
