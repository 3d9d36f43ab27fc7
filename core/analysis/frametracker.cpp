#include "analysis/frametracker.h"

#include "python/sourcemap.h"
#include "python/syntaxtree.h"

#include <algorithm>
#include <array>

namespace tassel {

namespace {

constexpr std::uint32_t kNone = SyntaxNode::kNone;

constexpr std::array<std::string_view, 13> kTabularCalls
    = {"pandas.read_csv", "pandas.read_table", "pandas.read_excel", "pandas.read_parquet", "pandas.read_json",
        "pandas.read_feather", "pandas.read_sql", "pandas.read_sql_query", "pandas.read_sql_table",
        "numpy.load", "numpy.loadtxt", "numpy.genfromtxt", "pandas.read_fwf"};

/// Attributes of a DataFrame that are not columns (methods are told apart by being called).
constexpr std::array<std::string_view, 26> kFrameAttributes = {"T", "at", "attrs", "axes", "columns",
    "dtypes", "empty", "flags", "iat", "iloc", "index", "loc", "ndim", "plot", "shape", "size", "sparse",
    "style", "values", "str", "dt", "cat", "array", "name", "hist", "boxplot"};

/// What showing `attribute` of a frame (or calling it) puts in the cell's outputs.
std::string_view displayOf(std::string_view attribute, bool called)
{
    if (called && (attribute == "head" || attribute == "tail" || attribute == "sample"))
        return "head";
    if (called && (attribute == "info" || attribute == "describe"))
        return attribute;
    if (!called && (attribute == "dtypes" || attribute == "shape"))
        return attribute;
    return {};
}

} // namespace

bool FrameTracker::isTabular(std::string_view call)
{
    return std::find(kTabularCalls.begin(), kTabularCalls.end(), call) != kTabularCalls.end();
}

void FrameTracker::startCell(
    const SyntaxTree &tree, std::string_view text, const SourceMap &map, int cell, Evaluate evaluate)
{
    m_tree = &tree;
    m_text = text;
    m_map = &map;
    m_cell = cell;
    m_evaluate = std::move(evaluate);
}

std::string_view FrameTracker::textOf(std::uint32_t n) const
{
    const SyntaxNode &node = m_tree->node(n);
    return m_text.substr(node.start, node.end - node.start);
}

ContractSource FrameTracker::sourceAt(std::uint32_t n) const
{
    ContractSource source {"code", m_cell, 0};
    int column = 0;
    m_map->position(m_tree->node(n).start, source.line, column);
    return source;
}

FrameTracker::Followed *FrameTracker::followed(std::uint32_t n)
{
    if (n == kNone || m_tree->node(n).kind != SyntaxKind::Identifier)
        return nullptr;
    const auto it = m_followed.find(textOf(n));
    return it == m_followed.end() || it->second.renamed ? nullptr : &it->second;
}

/// The column names a literal or a list/tuple of literals gives.
std::vector<FrameCode::Use> FrameTracker::names(std::uint32_t n) const
{
    std::vector<FrameCode::Use> out;
    if (n == kNone)
        return out;
    const SyntaxKind kind = m_tree->node(n).kind;
    if (kind == SyntaxKind::List || kind == SyntaxKind::Tuple || kind == SyntaxKind::Set) {
        for (std::uint32_t c = m_tree->node(n).firstChild; c != kNone; c = m_tree->node(c).nextSibling) {
            std::vector<FrameCode::Use> inner = names(c);
            out.insert(out.end(), inner.begin(), inner.end());
        }
    } else if (kind == SyntaxKind::String || kind == SyntaxKind::ConcatenatedString) {
        if (std::optional<std::string> text = m_evaluate(n))
            out.push_back({std::move(*text), sourceAt(n)});
    }
    return out;
}

void FrameTracker::noteArguments(FrameCode &frame, std::uint32_t call, const Argument &argument) const
{
    if (const std::uint32_t sep = argument(call, -1, "sep,delimiter"); sep != kNone)
        frame.separator = m_evaluate(sep).value_or("<computed>");
    frame.usecols = names(argument(call, -1, "usecols"));
    frame.parseDates = names(argument(call, -1, "parse_dates"));
    // dtype={'a': 'float64'} is a dictionary: its pairs have key and value fields.
    const std::uint32_t dtype = argument(call, -1, "dtype");
    if (dtype == kNone || m_tree->node(dtype).kind != SyntaxKind::Other)
        return;
    for (std::uint32_t pair = m_tree->node(dtype).firstChild; pair != kNone;
         pair = m_tree->node(pair).nextSibling) {
        const std::uint32_t key = m_tree->child(pair, SyntaxField::Key);
        const std::uint32_t value = m_tree->child(pair, SyntaxField::Value);
        const std::optional<std::string> name = key == kNone ? std::nullopt : m_evaluate(key);
        // dtype={'a': float} names a type: its text is the dtype.
        const std::string type = value == kNone ? std::string()
            : m_tree->node(value).kind == SyntaxKind::Identifier
                || m_tree->node(value).kind == SyntaxKind::Attribute
            ? std::string(textOf(value))
            : m_evaluate(value).value_or(std::string());
        if (name && !type.empty())
            frame.dtypes.push_back({{*name, sourceAt(key)}, type.substr(type.rfind('.') + 1)});
    }
}

void FrameTracker::noteRead(
    std::size_t ioIndex, std::uint32_t call, std::string_view callName, const Argument &argument)
{
    FrameCode &frame = frames[ioIndex];
    noteArguments(frame, call, argument);
    const std::uint32_t parent = m_tree->node(call).parent;
    if (parent == kNone || m_tree->node(parent).kind != SyntaxKind::Assignment
        || m_tree->node(call).field != SyntaxField::Right)
        return;
    const std::uint32_t target = m_tree->child(parent, SyntaxField::Left);
    if (m_tree->node(target).kind != SyntaxKind::Identifier)
        return;
    frame.variable = std::string(textOf(target));
    const bool array = callName.starts_with("numpy.");
    m_followed[frame.variable] = Followed {ioIndex, m_cell, m_tree->node(parent).parent, {}, array, false};
}

bool FrameTracker::isAssigned(std::uint32_t n) const
{
    const std::uint32_t parent = m_tree->node(n).parent;
    return parent != kNone && m_tree->node(n).field == SyntaxField::Left
        && (m_tree->node(parent).kind == SyntaxKind::Assignment
            || m_tree->node(parent).kind == SyntaxKind::AugmentedAssignment);
}

void FrameTracker::noteColumn(Followed &frame, const FrameCode::Use &use, bool assigned)
{
    if (assigned) {
        // Marked at the end of the statement: df['a'] = df['a'].fillna(0) reads an input column.
        m_pendingAssigned.emplace_back(&frame, use.name);
        return;
    }
    std::vector<FrameCode::Use> &reads = frames[frame.ioIndex].reads;
    const bool known
        = std::any_of(reads.begin(), reads.end(), [&](const auto &r) { return r.name == use.name; });
    if (!frame.assigned.count(use.name) && !known)
        reads.push_back(use);
}

void FrameTracker::noteSubscript(std::uint32_t n)
{
    Followed *frame = followed(m_tree->child(n, SyntaxField::Value));
    if (!frame || frame->array)
        return;
    const std::uint32_t index = m_tree->child(n, SyntaxField::SubscriptIndex);
    const SyntaxKind kind = index == kNone ? SyntaxKind::Other : m_tree->node(index).kind;
    if (kind != SyntaxKind::String && kind != SyntaxKind::List)
        return; // df[mask], df[1:3], df[cols]: not a column known by name
    for (const FrameCode::Use &use : names(index))
        noteColumn(*frame, use, isAssigned(n));
}

void FrameTracker::noteAttribute(std::uint32_t n)
{
    Followed *frame = followed(m_tree->child(n, SyntaxField::Object));
    const std::uint32_t attribute = m_tree->child(n, SyntaxField::AttributeName);
    if (!frame || attribute == kNone)
        return;
    const std::string_view name = textOf(attribute);
    if (name == "columns" && isAssigned(n)) {
        frame->renamed = true; // later outputs and reads use the new names
        return;
    }
    if (frame->array)
        return;
    const std::uint32_t parent = m_tree->node(n).parent;
    const bool called = parent != kNone && m_tree->node(parent).kind == SyntaxKind::Call
        && m_tree->node(n).field == SyntaxField::Function;
    if (called || name.starts_with('_')
        || std::find(kFrameAttributes.begin(), kFrameAttributes.end(), name) != kFrameAttributes.end())
        return;
    noteColumn(*frame, {std::string(name), sourceAt(n)}, isAssigned(n));
}

void FrameTracker::noteNode(std::uint32_t n)
{
    if (m_followed.empty())
        return;
    if (m_tree->node(n).kind == SyntaxKind::Subscript)
        noteSubscript(n);
    else if (m_tree->node(n).kind == SyntaxKind::Attribute)
        noteAttribute(n);
}

/// `df`, `df.head()`, `df.dtypes`, `df.shape`, `df.describe()` as a cell's last expression, in
/// print()/display() anywhere, and `df.info()` anywhere (it prints).
void FrameTracker::noteDisplay(std::uint32_t expression, bool last)
{
    const SyntaxKind kind = m_tree->node(expression).kind;
    std::uint32_t subject = expression;
    std::string_view what = "head";
    bool called = false;
    if (kind == SyntaxKind::Call) {
        const std::uint32_t function = m_tree->child(expression, SyntaxField::Function);
        const std::uint32_t arguments = m_tree->child(expression, SyntaxField::Arguments);
        if (m_tree->node(function).kind == SyntaxKind::Identifier
            && (textOf(function) == "print" || textOf(function) == "display") && arguments != kNone) {
            const std::uint32_t first = m_tree->node(arguments).firstChild;
            if (first != kNone && m_tree->node(first).nextSibling == kNone)
                noteDisplay(first, true);
            return;
        }
        subject = function;
        called = true;
    }
    if (m_tree->node(subject).kind == SyntaxKind::Attribute) {
        const std::uint32_t attribute = m_tree->child(subject, SyntaxField::AttributeName);
        what = attribute == kNone ? std::string_view() : displayOf(textOf(attribute), called);
        subject = m_tree->child(subject, SyntaxField::Object);
    } else if (called) {
        return;
    }
    Followed *frame = followed(subject);
    if (frame && !what.empty() && (last || what == "info"))
        frames[frame->ioIndex].displays.push_back({m_cell, std::string(what)});
}

void FrameTracker::noteStatement(std::uint32_t statement, bool last)
{
    for (auto &[frame, column] : m_pendingAssigned) {
        std::vector<std::string> &assigned = frames[frame->ioIndex].assigned;
        if (std::find(assigned.begin(), assigned.end(), column) == assigned.end())
            assigned.push_back(column);
        frame->assigned.insert(std::move(column));
    }
    m_pendingAssigned.clear();
    if (m_followed.empty() || m_tree->node(statement).kind != SyntaxKind::ExpressionStatement)
        return;
    const std::uint32_t expression = m_tree->node(statement).firstChild;
    if (expression == kNone)
        return;
    if (m_tree->node(expression).kind != SyntaxKind::Assignment) {
        noteDisplay(expression, last);
        return;
    }
    const std::uint32_t target = m_tree->child(expression, SyntaxField::Left);
    const std::uint32_t value = m_tree->child(expression, SyntaxField::Right);
    const auto it = target == kNone || m_tree->node(target).kind != SyntaxKind::Identifier
        ? m_followed.end()
        : m_followed.find(textOf(target));
    if (it == m_followed.end() || (it->second.cell == m_cell && it->second.statement == statement))
        return;
    // df = df.dropna() keeps following df; df = something_else stops.
    const std::uint32_t end = m_tree->node(statement).nextSibling == kNone
        ? std::uint32_t(m_tree->nodes().size())
        : m_tree->node(statement).nextSibling;
    for (std::uint32_t n = value; n != kNone && n < end; ++n) {
        if (m_tree->node(n).kind == SyntaxKind::Identifier && textOf(n) == it->first)
            return;
    }
    m_followed.erase(it);
}

} // namespace tassel
