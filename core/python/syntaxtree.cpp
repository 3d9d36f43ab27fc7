#include "python/syntaxtree.h"

#include "python/linescanner.h"

#include <tree_sitter/api.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>

extern "C" const TSLanguage *tree_sitter_python();

namespace tassel {
namespace {

struct ParserDeleter
{
    void operator()(TSParser *parser) const { ts_parser_delete(parser); }
};
struct TreeDeleter
{
    void operator()(TSTree *tree) const { ts_tree_delete(tree); }
};
/// TSTreeCursor is a value type with a heap-allocated stack; this gives it a destructor.
struct Cursor
{
    explicit Cursor(TSNode node)
        : cursor(ts_tree_cursor_new(node))
    {
    }
    ~Cursor() { ts_tree_cursor_delete(&cursor); }
    Cursor(const Cursor &) = delete;
    Cursor &operator=(const Cursor &) = delete;
    TSTreeCursor cursor;
};

/// Grammar symbol and field ids mapped to our enums once, by name, so aliases map too.
struct LanguageTables
{
    /// Symbols whose node may be Python 2 syntax (see python2Construct()).
    enum class Python2Symbol : std::uint8_t { None, Print, Exec, NotEqual, Comma, Integer };

    std::vector<SyntaxKind> kinds;
    std::vector<SyntaxField> fields;
    std::vector<Python2Symbol> python2;

    LanguageTables()
    {
        const TSLanguage *language = tree_sitter_python();
        static const std::unordered_map<std::string, SyntaxKind> kindNames = {
            {"ERROR", SyntaxKind::Error},
            {"module", SyntaxKind::Module},
            {"identifier", SyntaxKind::Identifier},
            {"expression_statement", SyntaxKind::ExpressionStatement},
            {"assignment", SyntaxKind::Assignment},
            {"augmented_assignment", SyntaxKind::AugmentedAssignment},
            {"named_expression", SyntaxKind::NamedExpression},
            {"attribute", SyntaxKind::Attribute},
            {"subscript", SyntaxKind::Subscript},
            {"call", SyntaxKind::Call},
            {"argument_list", SyntaxKind::ArgumentList},
            {"keyword_argument", SyntaxKind::KeywordArgument},
            {"lambda", SyntaxKind::Lambda},
            {"lambda_parameters", SyntaxKind::LambdaParameters},
            {"parameters", SyntaxKind::Parameters},
            {"default_parameter", SyntaxKind::DefaultParameter},
            {"typed_parameter", SyntaxKind::TypedParameter},
            {"typed_default_parameter", SyntaxKind::TypedDefaultParameter},
            {"list_splat_pattern", SyntaxKind::ListSplatPattern},
            {"dictionary_splat_pattern", SyntaxKind::DictionarySplatPattern},
            {"list_splat", SyntaxKind::ListSplat},
            {"dictionary_splat", SyntaxKind::DictionarySplat},
            {"tuple_pattern", SyntaxKind::TuplePattern},
            {"list_pattern", SyntaxKind::ListPattern},
            {"pattern_list", SyntaxKind::PatternList},
            {"tuple", SyntaxKind::Tuple},
            {"list", SyntaxKind::List},
            {"expression_list", SyntaxKind::ExpressionList},
            {"parenthesized_expression", SyntaxKind::ParenthesizedExpression},
            {"list_comprehension", SyntaxKind::ListComprehension},
            {"set_comprehension", SyntaxKind::SetComprehension},
            {"dictionary_comprehension", SyntaxKind::DictionaryComprehension},
            {"generator_expression", SyntaxKind::GeneratorExpression},
            {"for_in_clause", SyntaxKind::ForInClause},
            {"if_clause", SyntaxKind::IfClause},
            {"function_definition", SyntaxKind::FunctionDefinition},
            {"class_definition", SyntaxKind::ClassDefinition},
            {"decorated_definition", SyntaxKind::DecoratedDefinition},
            {"decorator", SyntaxKind::Decorator},
            {"block", SyntaxKind::Block},
            {"if_statement", SyntaxKind::IfStatement},
            {"elif_clause", SyntaxKind::ElifClause},
            {"else_clause", SyntaxKind::ElseClause},
            {"for_statement", SyntaxKind::ForStatement},
            {"while_statement", SyntaxKind::WhileStatement},
            {"try_statement", SyntaxKind::TryStatement},
            {"except_clause", SyntaxKind::ExceptClause},
            {"except_group_clause", SyntaxKind::ExceptGroupClause},
            {"finally_clause", SyntaxKind::FinallyClause},
            {"with_statement", SyntaxKind::WithStatement},
            {"with_clause", SyntaxKind::WithClause},
            {"with_item", SyntaxKind::WithItem},
            {"as_pattern", SyntaxKind::AsPattern},
            {"as_pattern_target", SyntaxKind::AsPatternTarget},
            {"import_statement", SyntaxKind::ImportStatement},
            {"import_from_statement", SyntaxKind::ImportFromStatement},
            {"future_import_statement", SyntaxKind::FutureImportStatement},
            {"aliased_import", SyntaxKind::AliasedImport},
            {"dotted_name", SyntaxKind::DottedName},
            {"relative_import", SyntaxKind::RelativeImport},
            {"wildcard_import", SyntaxKind::WildcardImport},
            {"delete_statement", SyntaxKind::DeleteStatement},
            {"global_statement", SyntaxKind::GlobalStatement},
            {"nonlocal_statement", SyntaxKind::NonlocalStatement},
            {"match_statement", SyntaxKind::MatchStatement},
            {"case_clause", SyntaxKind::CaseClause},
            {"case_pattern", SyntaxKind::CasePattern},
            {"class_pattern", SyntaxKind::ClassPattern},
            {"keyword_pattern", SyntaxKind::KeywordPattern},
            {"splat_pattern", SyntaxKind::SplatPattern},
            {"dict_pattern", SyntaxKind::DictPattern},
            {"union_pattern", SyntaxKind::UnionPattern},
            {"type_alias_statement", SyntaxKind::TypeAliasStatement},
            {"type", SyntaxKind::Type},
            {"type_parameter", SyntaxKind::TypeParameter},
            {"constrained_type", SyntaxKind::ConstrainedType},
            {"splat_type", SyntaxKind::SplatType},
            {"generic_type", SyntaxKind::GenericType},
            {"string", SyntaxKind::String},
            {"string_content", SyntaxKind::StringContent},
            {"interpolation", SyntaxKind::Interpolation},
            {"concatenated_string", SyntaxKind::ConcatenatedString},
            {"exec_statement", SyntaxKind::ExecStatement},
            {"comment", SyntaxKind::Comment},
            {"keyword_separator", SyntaxKind::KeywordSeparator},
            {"positional_separator", SyntaxKind::PositionalSeparator},
            {"set", SyntaxKind::Set},
            {"return_statement", SyntaxKind::ReturnStatement},
        };
        static const std::unordered_map<std::string, Python2Symbol> python2Names = {
            {"print_statement", Python2Symbol::Print},
            {"exec_statement", Python2Symbol::Exec},
            {"<>", Python2Symbol::NotEqual},
            {",", Python2Symbol::Comma},
            {"integer", Python2Symbol::Integer},
        };
        const std::uint32_t symbolCount = ts_language_symbol_count(language);
        kinds.assign(symbolCount, SyntaxKind::Other);
        python2.assign(symbolCount, Python2Symbol::None);
        for (std::uint32_t symbol = 0; symbol < symbolCount; ++symbol) {
            const char *name = ts_language_symbol_name(language, TSSymbol(symbol));
            if (!name)
                continue;
            if (const auto it = python2Names.find(name); it != python2Names.end())
                python2[symbol] = it->second;
            if (ts_language_symbol_type(language, TSSymbol(symbol)) != TSSymbolTypeRegular)
                continue;
            const auto it = kindNames.find(name);
            if (it != kindNames.end())
                kinds[symbol] = it->second;
        }

        static const std::unordered_map<std::string, SyntaxField> fieldNames = {
            {"left", SyntaxField::Left},
            {"right", SyntaxField::Right},
            {"type", SyntaxField::Type},
            {"name", SyntaxField::Name},
            {"value", SyntaxField::Value},
            {"body", SyntaxField::Body},
            {"alias", SyntaxField::Alias},
            {"module_name", SyntaxField::ModuleName},
            {"function", SyntaxField::Function},
            {"arguments", SyntaxField::Arguments},
            {"object", SyntaxField::Object},
            {"attribute", SyntaxField::AttributeName},
            {"subscript", SyntaxField::SubscriptIndex},
            {"condition", SyntaxField::Condition},
            {"consequence", SyntaxField::Consequence},
            {"alternative", SyntaxField::Alternative},
            {"parameters", SyntaxField::Parameters},
            {"return_type", SyntaxField::ReturnType},
            {"type_parameters", SyntaxField::TypeParameters},
            {"superclasses", SyntaxField::Superclasses},
            {"definition", SyntaxField::Definition},
            {"subject", SyntaxField::Subject},
            {"guard", SyntaxField::Guard},
            {"key", SyntaxField::Key},
            {"code", SyntaxField::Code},
        };
        const std::uint32_t fieldCount = ts_language_field_count(language);
        fields.assign(fieldCount + 1, SyntaxField::None);
        for (std::uint32_t field = 1; field <= fieldCount; ++field) {
            const char *name = ts_language_field_name_for_id(language, TSFieldId(field));
            if (!name)
                continue;
            const auto it = fieldNames.find(name);
            if (it != fieldNames.end())
                fields[field] = it->second;
        }
    }

    static const LanguageTables &instance()
    {
        static const LanguageTables tables;
        return tables;
    }
};

TSParser *threadParser()
{
    thread_local std::unique_ptr<TSParser, ParserDeleter> parser = [] {
        std::unique_ptr<TSParser, ParserDeleter> p(ts_parser_new());
        ts_parser_set_language(p.get(), tree_sitter_python());
        return p;
    }();
    return parser.get();
}

#if TREE_SITTER_LANGUAGE_VERSION >= 15
/// tree-sitter 0.25 replaced the parse timeout with a progress callback that may cancel.
struct Deadline
{
    std::chrono::steady_clock::time_point at;
};

bool pastDeadline(TSParseState *state)
{
    return std::chrono::steady_clock::now() > static_cast<const Deadline *>(state->payload)->at;
}
#endif

/// Parses `text`, giving up after `maxSeconds` (0: never); nullptr when it gave up.
TSTree *parseWithin(TSParser *parser, std::string_view text, double maxSeconds)
{
#if TREE_SITTER_LANGUAGE_VERSION >= 15
    if (maxSeconds > 0) {
        Deadline deadline {std::chrono::steady_clock::now()
            + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                std::chrono::duration<double>(maxSeconds))};
        TSInput input {};
        struct Text
        {
            std::string_view bytes;
        } source {text};
        input.payload = &source;
        input.encoding = TSInputEncodingUTF8;
        input.read = [](void *payload, uint32_t byte, TSPoint, uint32_t *bytesRead) -> const char * {
            const std::string_view bytes = static_cast<Text *>(payload)->bytes;
            if (byte >= bytes.size()) {
                *bytesRead = 0;
                return "";
            }
            *bytesRead = std::uint32_t(bytes.size() - byte);
            return bytes.data() + byte;
        };
        TSParseOptions options {};
        options.payload = &deadline;
        options.progress_callback = pastDeadline;
        TSTree *tree = ts_parser_parse_with_options(parser, nullptr, input, options);
        if (!tree)
            ts_parser_reset(parser);
        return tree;
    }
#else
    ts_parser_set_timeout_micros(parser, maxSeconds > 0 ? std::uint64_t(maxSeconds * 1e6) : 0);
#endif
    TSTree *tree = ts_parser_parse_string(parser, nullptr, text.data(), std::uint32_t(text.size()));
    if (!tree)
        ts_parser_reset(parser); // a timed-out parse would otherwise resume on the next call
    return tree;
}

/// What Python 2 construct the node is (its id in core/util/messagecatalog.cpp), if any; empty
/// when Python 3 accepts it.
std::string_view python2Construct(
    LanguageTables::Python2Symbol symbol, SyntaxKind kind, SyntaxKind parentKind, std::string_view token)
{
    using Symbol = LanguageTables::Python2Symbol;
    switch (symbol) {
    case Symbol::Print:
        return "python2.print-statement";
    case Symbol::Exec:
        return "python2.exec-statement";
    case Symbol::NotEqual:
        return "python2.not-equal";
    case Symbol::Comma:
        return parentKind == SyntaxKind::ExceptClause ? "python2.except-comma" : std::string_view();
    case Symbol::Integer:
        if (!token.empty() && (token.back() == 'l' || token.back() == 'L'))
            return "python2.long-literal";
        if (token.size() > 1 && token[0] == '0'
            && token.find_first_not_of("0123456789_") == std::string_view::npos
            && token.find_first_not_of("0_") != std::string_view::npos)
            return "python2.octal-literal";
        return {};
    case Symbol::None:
        break;
    }
    if (kind == SyntaxKind::String) {
        if (token.starts_with('`'))
            return "python2.backticks"; // the grammar reads Python 2's repr as a string
        // Python 3 accepts u, r, b, f and rb/br/rf/fr, never u with r or b.
        const std::size_t quote = token.find_first_of("'\"");
        const std::string_view prefix = token.substr(0, quote == std::string_view::npos ? 0 : quote);
        const bool unicode = prefix.find_first_of("uU") != std::string_view::npos;
        if (unicode && prefix.size() > 1)
            return "python2.ur-prefix";
    }
    return {};
}

} // namespace

void SyntaxTree::notePython2(std::uint32_t start, std::uint32_t end, std::string_view what)
{
    m_python2.push_back({start, end, what});
    m_errors.emplace_back(start, end);
}

std::uint32_t SyntaxTree::child(std::uint32_t index, SyntaxField field) const
{
    for (std::uint32_t c = m_nodes[index].firstChild; c != SyntaxNode::kNone; c = m_nodes[c].nextSibling) {
        if (m_nodes[c].field == field)
            return c;
    }
    return SyntaxNode::kNone;
}

bool SyntaxTree::parse(std::string_view text, double maxSeconds)
{
    m_nodes.clear();
    m_errors.clear();
    m_python2.clear();
    const LanguageTables &tables = LanguageTables::instance();
    TSParser *parser = threadParser();
    // Same bytes but for comment-only lines: a run of them in a block is quadratic for the grammar.
    const std::string parsed = LineScanner::blankCommentLines(text);
    std::unique_ptr<TSTree, TreeDeleter> tree(parseWithin(parser, parsed, maxSeconds));
    if (!tree)
        return false;
    const TSNode root = ts_tree_root_node(tree.get());
    m_nodes.reserve(text.size() / 3 + 16);
    m_nodes.push_back(SyntaxNode {ts_node_start_byte(root), ts_node_end_byte(root), SyntaxNode::kNone,
        SyntaxNode::kNone, SyntaxNode::kNone, SyntaxNode::kNone, SyntaxKind::Module, SyntaxField::None});
    const bool anyError = ts_node_has_error(root);

    // Iterate with a cursor instead of recursing: 10,000 nested brackets must not exhaust the
    // stack. `parents` mirrors the cursor's depth; unkept nodes hand their children to the
    // nearest kept ancestor.
    Cursor cursor(root);
    std::vector<std::uint32_t> parents {0};
    bool walking = ts_tree_cursor_goto_first_child(&cursor.cursor);
    while (walking) {
        const TSNode current = ts_tree_cursor_current_node(&cursor.cursor);
        const std::uint32_t start = ts_node_start_byte(current);
        const std::uint32_t end = ts_node_end_byte(current);
        const TSSymbol symbol = ts_node_symbol(current);
        const bool isError = anyError && ts_node_is_error(current);
        const bool isMissing = anyError && ts_node_is_missing(current);
        if (isError || isMissing)
            m_errors.emplace_back(start, end);
        const SyntaxKind kind = isError
            ? SyntaxKind::Error
            : (symbol < tables.kinds.size() ? tables.kinds[symbol] : SyntaxKind::Other);
        std::uint32_t parent = parents.back();
        std::uint32_t kept = parent;
        if (symbol < tables.python2.size()
            && (tables.python2[symbol] != LanguageTables::Python2Symbol::None
                || kind == SyntaxKind::String)) {
            const std::string_view what = python2Construct(
                tables.python2[symbol], kind, m_nodes[parent].kind, text.substr(start, end - start));
            if (!what.empty())
                notePython2(start, end, what);
        }
        if (ts_node_is_named(current) && !isMissing && kind != SyntaxKind::Comment) {
            const TSFieldId fieldId = ts_tree_cursor_current_field_id(&cursor.cursor);
            kept = std::uint32_t(m_nodes.size());
            SyntaxNode node;
            node.start = start;
            node.end = end;
            node.parent = parent;
            node.kind = kind;
            node.field = fieldId < tables.fields.size() ? tables.fields[fieldId] : SyntaxField::None;
            m_nodes.push_back(node);
            SyntaxNode &p = m_nodes[parent];
            if (p.lastChild == SyntaxNode::kNone)
                p.firstChild = kept;
            else
                m_nodes[p.lastChild].nextSibling = kept;
            p.lastChild = kept;
        }
        if (ts_tree_cursor_goto_first_child(&cursor.cursor)) {
            parents.push_back(kept);
            continue;
        }
        while (walking && !ts_tree_cursor_goto_next_sibling(&cursor.cursor)) {
            walking = ts_tree_cursor_goto_parent(&cursor.cursor) && parents.size() > 1;
            parents.pop_back();
        }
    }
    return true;
}

} // namespace tassel
