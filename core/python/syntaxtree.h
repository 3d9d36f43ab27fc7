#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace tassel {

/// The node kinds of tree-sitter-python the symbol pass distinguishes; everything else is Other.
enum class SyntaxKind : std::uint8_t {
    Other,
    Error,
    Module,
    Identifier,
    ExpressionStatement,
    Assignment,
    AugmentedAssignment,
    NamedExpression,
    Attribute,
    Subscript,
    Call,
    ArgumentList,
    KeywordArgument,
    Lambda,
    LambdaParameters,
    Parameters,
    DefaultParameter,
    TypedParameter,
    TypedDefaultParameter,
    ListSplatPattern,
    DictionarySplatPattern,
    ListSplat,
    DictionarySplat,
    TuplePattern,
    ListPattern,
    PatternList,
    Tuple,
    List,
    ExpressionList,
    ParenthesizedExpression,
    ListComprehension,
    SetComprehension,
    DictionaryComprehension,
    GeneratorExpression,
    ForInClause,
    IfClause,
    FunctionDefinition,
    ClassDefinition,
    DecoratedDefinition,
    Decorator,
    Block,
    IfStatement,
    ElifClause,
    ElseClause,
    ForStatement,
    WhileStatement,
    TryStatement,
    ExceptClause,
    ExceptGroupClause,
    FinallyClause,
    WithStatement,
    WithClause,
    WithItem,
    AsPattern,
    AsPatternTarget,
    ImportStatement,
    ImportFromStatement,
    FutureImportStatement,
    AliasedImport,
    DottedName,
    RelativeImport,
    WildcardImport,
    DeleteStatement,
    GlobalStatement,
    NonlocalStatement,
    MatchStatement,
    CaseClause,
    CasePattern,
    ClassPattern,
    KeywordPattern,
    SplatPattern,
    DictPattern,
    UnionPattern,
    TypeAliasStatement,
    Type,
    TypeParameter,
    ConstrainedType,
    SplatType,
    GenericType,
    String,
    StringContent,
    Interpolation,
    ConcatenatedString,
    ExecStatement,
    Comment,
    KeywordSeparator,
    PositionalSeparator,
    Set,
    ReturnStatement,
    Count
};

/// The grammar fields the symbol pass looks at; everything else is None.
enum class SyntaxField : std::uint8_t {
    None,
    Left,
    Right,
    Type,
    Name,
    Value,
    Body,
    Alias,
    ModuleName,
    Function,
    Arguments,
    Object,
    AttributeName,
    SubscriptIndex,
    Condition,
    Consequence,
    Alternative,
    Parameters,
    ReturnType,
    TypeParameters,
    Superclasses,
    Definition,
    Subject,
    Guard,
    Key,
    Code,
    Count
};

/// Whether a node of `kind` is a sequence of assignment targets (`a, b`, `[a, *b]`, `(a)`) whose
/// children are each a target of their own.
constexpr bool isTargetSequence(SyntaxKind kind)
{
    switch (kind) {
    case SyntaxKind::PatternList:
    case SyntaxKind::TuplePattern:
    case SyntaxKind::ListPattern:
    case SyntaxKind::Tuple:
    case SyntaxKind::List:
    case SyntaxKind::ExpressionList:
    case SyntaxKind::ParenthesizedExpression:
    case SyntaxKind::ListSplatPattern:
        return true;
    default:
        return false;
    }
}

/// One named node of a parsed cell, flattened so walking it needs neither tree-sitter calls nor
/// recursion. Indexes refer to SyntaxTree::nodes(); kNone marks "no such node".
struct SyntaxNode
{
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
    std::uint32_t start = 0; ///< byte offset in the parsed text
    std::uint32_t end = 0;
    std::uint32_t parent = kNone;
    std::uint32_t firstChild = kNone;
    std::uint32_t nextSibling = kNone;
    std::uint32_t lastChild = kNone;
    SyntaxKind kind = SyntaxKind::Other;
    SyntaxField field = SyntaxField::None; ///< the field this node fills in its parent
};

/// A construct tree-sitter-python accepts but Python 3 rejects (the grammar keeps Python 2's).
struct Python2Construct
{
    std::uint32_t start = 0; ///< byte range in the parsed text
    std::uint32_t end = 0;
    /// Static text: the id of its description in the message catalogue, e.g. "python2.print-statement".
    std::string_view what;
};

/// A tree-sitter-python parse of one text, copied into a flat vector of named nodes. This class
/// is the only place that talks to tree-sitter (RAII: the TSTree lives only inside parse()).
/// Nodes borrow nothing from tree-sitter, but they are only meaningful with the SyntaxTree and
/// text they came from: keep the tree alive while you hold node indexes. One parser per thread
/// is reused (thread_local), so parse() is safe to call from many threads at once.
class SyntaxTree
{
public:
    /// Parses `text` (UTF-8): syntax errors become Error nodes and entries in errorRanges().
    /// Returns false, with no nodes, only when parsing took longer than `maxSeconds` (0: no limit).
    bool parse(std::string_view text, double maxSeconds = 0);

    const std::vector<SyntaxNode> &nodes() const { return m_nodes; }
    const SyntaxNode &node(std::uint32_t index) const { return m_nodes[index]; }
    /// Index of the module node (0), or kNone when parsing produced nothing.
    std::uint32_t root() const { return m_nodes.empty() ? SyntaxNode::kNone : 0; }
    /// The first child filling `field`, or kNone.
    std::uint32_t child(std::uint32_t index, SyntaxField field) const;
    /// Byte ranges of ERROR and MISSING nodes and of python2Constructs(), in document order.
    const std::vector<std::pair<std::uint32_t, std::uint32_t>> &errorRanges() const { return m_errors; }
    /// Python 2 syntax the grammar accepted or skipped: print and exec statements, `<>`,
    /// `except X, e`, `ur''` strings, `10L` and `0777` integers, backticks. Python 3 rejects each.
    const std::vector<Python2Construct> &python2Constructs() const { return m_python2; }

private:
    void notePython2(std::uint32_t start, std::uint32_t end, std::string_view what);

    std::vector<SyntaxNode> m_nodes;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_errors;
    std::vector<Python2Construct> m_python2;
};

} // namespace tassel
