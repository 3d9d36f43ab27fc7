#include "python/symbolpass.h"

#include "python/pythonnames.h"
#include "python/sourcemap.h"
#include "python/starimportnames.h"
#include "python/syntaxtree.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace tassel {
namespace {

constexpr std::uint32_t kNone = SyntaxNode::kNone;
// Beyond this nesting the walk falls back to an iterative scan of the names read, so deeply
// nested input (10,000 brackets, 5,000-term sums) cannot exhaust the stack.
constexpr int kMaxDepth = 600;

enum class ScopeKind { Module, Function, Class, Comprehension, Annotation };

struct Read
{
    std::string_view name;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    bool isCall = false;
};

struct Scope
{
    ScopeKind kind = ScopeKind::Module;
    std::uint32_t parent = kNone;
    std::vector<std::string_view> bound;
    std::vector<std::string_view> globals;
    std::vector<std::string_view> nonlocals;
    std::vector<Read> reads; ///< function scopes: resolved when the scope closes

    bool binds(std::string_view name) const
    {
        return std::find(bound.begin(), bound.end(), name) != bound.end();
    }
};

bool contains(const std::vector<std::string_view> &names, std::string_view name)
{
    return std::find(names.begin(), names.end(), name) != names.end();
}

/// A NameRef list that keeps the first occurrence of each name.
class NameList
{
public:
    bool has(std::string_view name) const { return m_seen.count(name) != 0; }
    void add(std::string_view name, std::uint32_t begin, std::uint32_t end)
    {
        if (m_seen.insert(name).second)
            m_items.push_back({name, begin, end});
    }
    void erase(std::string_view name)
    {
        if (m_seen.erase(name) == 0)
            return;
        m_items.erase(
            std::remove_if(m_items.begin(), m_items.end(), [&](const Item &i) { return i.name == name; }),
            m_items.end());
    }
    void clear()
    {
        m_seen.clear();
        m_items.clear();
    }
    std::vector<NameRef> refs(const SourceMap &map) const
    {
        std::vector<NameRef> result;
        result.reserve(m_items.size());
        for (const Item &i : m_items)
            result.push_back(NameRef {std::string(i.name), map.range(i.begin, i.end)});
        return result;
    }

private:
    struct Item
    {
        std::string_view name;
        std::uint32_t begin;
        std::uint32_t end;
    };
    std::unordered_set<std::string_view> m_seen;
    std::vector<Item> m_items;
};

struct Deferred
{
    std::string_view name;
    bool isClass = false;
    NameList freeNames;
    NameList calls;
    NameList globalDefines;
    NameList globalDeletes;
};

bool isMutatingMethod(std::string_view name)
{
    static constexpr std::string_view kMethods[] = {"__setitem__", "add", "append", "appendleft", "clear",
        "difference_update", "discard", "extend", "extendleft", "fill", "insert", "intersection_update",
        "itemset", "pop", "popitem", "popleft", "put", "remove", "resize", "reverse", "rotate", "setdefault",
        "setflags", "sort", "symmetric_difference_update", "update"};
    return std::binary_search(std::begin(kMethods), std::end(kMethods), name);
}

class Walker
{
public:
    Walker(const SyntaxTree &tree, std::string_view text, const SourceMap &map,
        const std::vector<PrePassEvent> &events)
        : m_tree(tree)
        , m_text(text)
        , m_map(map)
        , m_events(events)
    {
    }

    void run(CellSymbols &out)
    {
        m_scopes.push_back(Scope {});
        const std::uint32_t root = m_tree.root();
        if (root != kNone)
            statements(root);
        flushEvents(0xFFFFFFFFu);

        out.defines = m_defines.refs(m_map);
        out.uses = m_uses.refs(m_map);
        out.modifies = m_modifies.refs(m_map);
        out.deletes = m_deletes.refs(m_map);
        out.calls = m_calls.refs(m_map);
        for (const Deferred &d : m_deferred) {
            DeferredScope scope;
            scope.name = std::string(d.name);
            scope.isClass = d.isClass;
            scope.freeNames = d.freeNames.refs(m_map);
            scope.calls = d.calls.refs(m_map);
            scope.globalDefines = d.globalDefines.refs(m_map);
            scope.globalDeletes = d.globalDeletes.refs(m_map);
            out.deferred.push_back(std::move(scope));
        }
        for (ImportRef &i : m_imports)
            out.imports.push_back(std::move(i));
        for (OpaqueConstruct &o : m_opaque)
            out.opaque.push_back(std::move(o));
    }

private:
    // --- helpers --------------------------------------------------------------------------

    const SyntaxNode &node(std::uint32_t n) const { return m_tree.node(n); }
    SyntaxKind kind(std::uint32_t n) const { return n == kNone ? SyntaxKind::Other : node(n).kind; }
    std::string_view text(std::uint32_t n) const
    {
        const SyntaxNode &s = node(n);
        return m_text.substr(s.start, s.end - s.start);
    }
    std::uint32_t child(std::uint32_t n, SyntaxField field) const
    {
        return n == kNone ? kNone : m_tree.child(n, field);
    }
    std::uint32_t first(std::uint32_t n) const { return n == kNone ? kNone : node(n).firstChild; }
    std::uint32_t next(std::uint32_t n) const { return node(n).nextSibling; }
    std::uint32_t firstOfKind(std::uint32_t n, SyntaxKind k) const
    {
        for (std::uint32_t c = first(n); c != kNone; c = next(c)) {
            if (node(c).kind == k)
                return c;
        }
        return kNone;
    }
    Scope &scope() { return m_scopes[m_scope]; }
    bool atModule() const { return m_scopes[m_scope].kind == ScopeKind::Module; }

    std::string compact(std::uint32_t n) const
    {
        std::string result;
        for (const char c : text(n)) {
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\\')
                result += c;
        }
        return result;
    }

    struct DepthGuard
    {
        explicit DepthGuard(int &d)
            : depth(d)
        {
            ++depth;
        }
        ~DepthGuard() { --depth; }
        int &depth;
    };

    void flushEvents(std::uint32_t limit)
    {
        while (m_nextEvent < m_events.size() && m_events[m_nextEvent].begin < limit) {
            const PrePassEvent &e = m_events[m_nextEvent++];
            switch (e.kind) {
            case PrePassEvent::Kind::Read:
                readName(e.name, e.begin, e.end, false);
                break;
            case PrePassEvent::Kind::Bind:
                bindName(e.name, e.begin, e.end);
                break;
            case PrePassEvent::Kind::Delete:
                deleteName(e.name, e.begin, e.end);
                break;
            case PrePassEvent::Kind::StarImport:
                starImportNames(e.name);
                break;
            }
        }
    }

    // --- module-level state ----------------------------------------------------------------

    bool definite(std::string_view name) const { return m_definite.count(name) != 0; }

    void definiteInsert(std::string_view name)
    {
        if (m_definite.insert(name).second)
            m_log.push_back({name, true});
    }
    void definiteErase(std::string_view name)
    {
        if (m_definite.erase(name) != 0)
            m_log.push_back({name, false});
    }

    /// Runs `body` as one branch of a conditional: names it binds are defined but not certainly
    /// bound afterwards. Returns the names it bound, for intersecting exhaustive branches.
    template <typename Body>
    std::vector<std::string_view> branch(Body &&body)
    {
        const std::size_t mark = m_log.size();
        ++m_branchDepth;
        body();
        --m_branchDepth;
        std::vector<std::string_view> added;
        while (m_log.size() > mark) {
            const auto [name, wasAdded] = m_log.back();
            m_log.pop_back();
            if (wasAdded) {
                m_definite.erase(name);
                added.push_back(name);
            } else {
                m_definite.insert(name);
            }
        }
        return added;
    }

    void moduleRead(const Read &r, bool deferred)
    {
        const bool cellBinds = m_defines.has(r.name);
        if (PythonNames::isPredefined(r.name) && !cellBinds && !definite(r.name))
            return;
        if (deferred && m_currentDeferred != kNone) {
            Deferred &d = m_deferred[m_currentDeferred];
            d.freeNames.add(r.name, r.begin, r.end);
            if (r.isCall)
                d.calls.add(r.name, r.begin, r.end);
            return;
        }
        if (r.isCall)
            m_calls.add(r.name, r.begin, r.end);
        if (!definite(r.name))
            m_uses.add(r.name, r.begin, r.end);
    }

    /// Delivers a read to scope `index` and outwards until a scope binds it.
    void forward(std::uint32_t index, const Read &r, bool deferred)
    {
        // A class body's names are invisible to everything nested in it (methods, lambdas,
        // comprehensions), only the class body itself sees them.
        bool nested = deferred;
        while (index != kNone) {
            Scope &s = m_scopes[index];
            switch (s.kind) {
            case ScopeKind::Module:
                moduleRead(r, deferred);
                return;
            case ScopeKind::Function:
                s.reads.push_back(r);
                return;
            case ScopeKind::Class:
                // Class bodies are not visible from the functions nested in them.
                if (!nested && s.binds(r.name))
                    return;
                break;
            case ScopeKind::Comprehension:
                if (s.binds(r.name))
                    return;
                nested = true;
                break;
            case ScopeKind::Annotation:
                if (s.binds(r.name))
                    return;
                break;
            }
            index = s.parent;
        }
    }

    void readName(std::string_view name, std::uint32_t begin, std::uint32_t end, bool isCall)
    {
        if (name.empty())
            return;
        forward(m_scope, Read {name, begin, end, isCall}, false);
    }

    void read(std::uint32_t identifier, bool isCall = false)
    {
        const SyntaxNode &s = node(identifier);
        readName(text(identifier), s.start, s.end, isCall);
    }

    void bindName(std::string_view name, std::uint32_t begin, std::uint32_t end)
    {
        if (name.empty())
            return;
        Scope &s = scope();
        switch (s.kind) {
        case ScopeKind::Module:
            m_defines.add(name, begin, end);
            definiteInsert(name);
            return;
        case ScopeKind::Function:
            if (contains(s.globals, name)) {
                if (m_currentDeferred != kNone)
                    m_deferred[m_currentDeferred].globalDefines.add(name, begin, end);
                return;
            }
            [[fallthrough]];
        case ScopeKind::Class:
        case ScopeKind::Comprehension:
        case ScopeKind::Annotation:
            if (!s.binds(name))
                s.bound.push_back(name);
            return;
        }
    }

    void bind(std::uint32_t identifier)
    {
        const SyntaxNode &s = node(identifier);
        bindName(text(identifier), s.start, s.end);
    }

    /// Walrus targets bind in the nearest scope that is not a comprehension.
    void bindWalrus(std::uint32_t identifier)
    {
        const std::uint32_t saved = m_scope;
        while (m_scopes[m_scope].kind == ScopeKind::Comprehension && m_scopes[m_scope].parent != kNone)
            m_scope = m_scopes[m_scope].parent;
        bind(identifier);
        m_scope = saved;
    }

    void deleteName(std::string_view name, std::uint32_t begin, std::uint32_t end)
    {
        readName(name, begin, end, false);
        Scope &s = scope();
        if (s.kind == ScopeKind::Function && contains(s.globals, name)) {
            if (m_currentDeferred != kNone)
                m_deferred[m_currentDeferred].globalDeletes.add(name, begin, end);
            return;
        }
        if (s.kind != ScopeKind::Module) {
            if (s.kind == ScopeKind::Function && !s.binds(name))
                s.bound.push_back(name); // del makes a name local, like assignment
            return;
        }
        definiteErase(name);
        if (m_branchDepth == 0)
            m_defines.erase(name); // unbound when the cell ends
        m_deletes.add(name, begin, end);
    }

    /// The identifier at the root of a.b[c].d, or kNone.
    std::uint32_t rootName(std::uint32_t n) const
    {
        while (n != kNone) {
            switch (kind(n)) {
            case SyntaxKind::Identifier:
                return n;
            case SyntaxKind::Attribute:
                n = child(n, SyntaxField::Object);
                break;
            case SyntaxKind::Subscript:
                n = child(n, SyntaxField::Value);
                break;
            case SyntaxKind::ParenthesizedExpression:
                n = first(n);
                break;
            default:
                return kNone;
            }
        }
        return kNone;
    }

    /// The object bound to the root name is changed in place (d[k] = v, lst.append(x)).
    void modify(std::uint32_t expression)
    {
        const std::uint32_t root = rootName(expression);
        if (root == kNone)
            return;
        const std::string_view name = text(root);
        for (std::uint32_t index = m_scope; index != kNone; index = m_scopes[index].parent) {
            const Scope &s = m_scopes[index];
            if (s.kind == ScopeKind::Module) {
                if (!definite(name) && !PythonNames::isPredefined(name))
                    m_modifies.add(name, node(root).start, node(root).end);
                return;
            }
            // Inside a function the change happens when it is called, and usually to a local.
            if (s.kind == ScopeKind::Function || s.binds(name))
                return;
        }
    }

    std::uint32_t pushScope(ScopeKind k)
    {
        Scope s;
        s.kind = k;
        s.parent = m_scope;
        m_scopes.push_back(std::move(s));
        m_scope = std::uint32_t(m_scopes.size() - 1);
        return m_scope;
    }

    void popScope()
    {
        Scope s = std::move(m_scopes.back());
        m_scopes.pop_back();
        m_scope = s.parent;
        if (s.kind != ScopeKind::Function)
            return;
        // Python decides locals for the whole body: resolve the reads now, and hand the free
        // ones outwards as deferred (they are read when the function runs).
        for (const Read &r : s.reads) {
            if (contains(s.globals, r.name)) {
                moduleRead(r, true);
                continue;
            }
            if (s.binds(r.name) && !contains(s.nonlocals, r.name))
                continue;
            forward(s.parent, r, true);
        }
    }

    void addOpaque(OpaqueConstruct::Kind k, std::string description, std::uint32_t n)
    {
        OpaqueConstruct o;
        o.kind = k;
        o.text = std::move(description);
        o.range = m_map.range(node(n).start, node(n).end);
        m_opaque.push_back(std::move(o));
    }

    void addImport(std::string module, std::string boundAs, bool isFrom, bool dynamic, std::uint32_t n)
    {
        ImportRef i;
        i.module = std::move(module);
        i.boundAs = std::move(boundAs);
        i.isFrom = isFrom;
        i.dynamic = dynamic;
        i.optional = m_optional > 0;
        i.conditional = m_conditional > 0;
        i.range = m_map.range(node(n).start, node(n).end);
        m_imports.push_back(std::move(i));
    }

    /// Reads of every name below `n`, without scoping: the fallback for very deep nesting.
    void flatReads(std::uint32_t n)
    {
        std::vector<std::uint32_t> stack {n};
        std::vector<std::uint32_t> children;
        while (!stack.empty()) {
            const std::uint32_t c = stack.back();
            stack.pop_back();
            const SyntaxNode &s = node(c);
            if (s.kind == SyntaxKind::Identifier && s.field != SyntaxField::AttributeName
                && s.field != SyntaxField::Name) {
                read(c);
                continue;
            }
            children.clear();
            for (std::uint32_t k = s.firstChild; k != kNone; k = node(k).nextSibling)
                children.push_back(k);
            stack.insert(stack.end(), children.rbegin(), children.rend());
        }
    }

    // --- statements ------------------------------------------------------------------------

    void statements(std::uint32_t block)
    {
        for (std::uint32_t c = first(block); c != kNone; c = next(c)) {
            flushEvents(node(c).start);
            statement(c);
        }
    }

    void conditionalStatements(std::uint32_t block)
    {
        ++m_conditional;
        statements(block);
        --m_conditional;
    }

    void statement(std::uint32_t n)
    {
        DepthGuard guard(m_depth);
        if (m_depth > kMaxDepth) {
            flatReads(n);
            return;
        }
        switch (kind(n)) {
        case SyntaxKind::ExpressionStatement:
            for (std::uint32_t c = first(n); c != kNone; c = next(c))
                statement(c);
            return;
        case SyntaxKind::Assignment:
            assignment(n);
            return;
        case SyntaxKind::AugmentedAssignment:
            augmentedAssignment(n);
            return;
        case SyntaxKind::FunctionDefinition:
            functionDefinition(n);
            return;
        case SyntaxKind::ClassDefinition:
            classDefinition(n);
            return;
        case SyntaxKind::DecoratedDefinition:
            for (std::uint32_t c = first(n); c != kNone; c = next(c)) {
                if (kind(c) == SyntaxKind::Decorator)
                    expression(c);
            }
            statement(child(n, SyntaxField::Definition));
            return;
        case SyntaxKind::IfStatement:
            ifStatement(n);
            return;
        case SyntaxKind::ForStatement:
            expression(child(n, SyntaxField::Right));
            ++m_conditional;
            target(child(n, SyntaxField::Left));
            // Loops are taken to run at least once: notebooks loop over data they just loaded,
            // and the loop variable is used after the loop.
            statements(child(n, SyntaxField::Body));
            --m_conditional;
            elseClause(child(n, SyntaxField::Alternative));
            return;
        case SyntaxKind::WhileStatement:
            expression(child(n, SyntaxField::Condition));
            conditionalStatements(child(n, SyntaxField::Body));
            elseClause(child(n, SyntaxField::Alternative));
            return;
        case SyntaxKind::TryStatement:
            tryStatement(n);
            return;
        case SyntaxKind::WithStatement:
            withStatement(n);
            return;
        case SyntaxKind::ImportStatement:
            importStatement(n);
            return;
        case SyntaxKind::ImportFromStatement:
            importFromStatement(n);
            return;
        case SyntaxKind::FutureImportStatement:
            addImport("__future__", {}, true, false, n);
            return;
        case SyntaxKind::DeleteStatement:
            for (std::uint32_t c = first(n); c != kNone; c = next(c))
                deleteTarget(c);
            return;
        case SyntaxKind::GlobalStatement:
        case SyntaxKind::NonlocalStatement: {
            Scope &s = scope();
            if (s.kind != ScopeKind::Function)
                return;
            auto &names = kind(n) == SyntaxKind::GlobalStatement ? s.globals : s.nonlocals;
            for (std::uint32_t c = first(n); c != kNone; c = next(c)) {
                if (kind(c) == SyntaxKind::Identifier)
                    names.push_back(text(c));
            }
            return;
        }
        case SyntaxKind::MatchStatement:
            matchStatement(n);
            return;
        case SyntaxKind::TypeAliasStatement:
            typeAlias(n);
            return;
        case SyntaxKind::ExecStatement:
            addOpaque(OpaqueConstruct::Kind::ExecEval, "exec", n);
            expression(n);
            return;
        case SyntaxKind::Block:
            statements(n);
            return;
        default:
            expression(n);
            return;
        }
    }

    void elseClause(std::uint32_t n)
    {
        if (n != kNone)
            statements(child(n, SyntaxField::Body));
    }

    void ifStatement(std::uint32_t n)
    {
        expression(child(n, SyntaxField::Condition));
        std::vector<std::vector<std::string_view>> bound;
        bool exhaustive = false;
        ++m_conditional;
        bound.push_back(branch([&] { statements(child(n, SyntaxField::Consequence)); }));
        for (std::uint32_t c = first(n); c != kNone; c = next(c)) {
            if (node(c).field != SyntaxField::Alternative)
                continue;
            if (kind(c) == SyntaxKind::ElifClause) {
                bound.push_back(branch([&] {
                    expression(child(c, SyntaxField::Condition));
                    statements(child(c, SyntaxField::Consequence));
                }));
            } else {
                exhaustive = true;
                bound.push_back(branch([&] { statements(child(c, SyntaxField::Body)); }));
            }
        }
        --m_conditional;
        if (!exhaustive)
            return;
        // Bound on every path: certainly bound afterwards.
        for (const std::string_view name : bound.front()) {
            if (std::all_of(bound.begin() + 1, bound.end(), [&](const auto &b) { return contains(b, name); }))
                definiteInsert(name);
        }
    }

    bool catchesImportError(std::uint32_t tryNode) const
    {
        for (std::uint32_t c = first(tryNode); c != kNone; c = next(c)) {
            if (kind(c) != SyntaxKind::ExceptClause)
                continue;
            const std::uint32_t value = child(c, SyntaxField::Value);
            if (value == kNone)
                return true; // bare except
            const std::string_view t = text(value);
            if (t.find("ImportError") != std::string_view::npos
                || t.find("ModuleNotFoundError") != std::string_view::npos)
                return true;
        }
        return false;
    }

    void tryStatement(std::uint32_t n)
    {
        const bool optional = catchesImportError(n);
        m_optional += optional ? 1 : 0;
        statements(child(n, SyntaxField::Body));
        m_optional -= optional ? 1 : 0;
        for (std::uint32_t c = first(n); c != kNone; c = next(c)) {
            switch (kind(c)) {
            case SyntaxKind::ExceptClause:
            case SyntaxKind::ExceptGroupClause:
                ++m_conditional;
                branch([&] { exceptClause(c); });
                --m_conditional;
                break;
            case SyntaxKind::ElseClause:
                elseClause(c);
                break;
            case SyntaxKind::FinallyClause:
                statements(firstOfKind(c, SyntaxKind::Block));
                break;
            default:
                break;
            }
        }
    }

    void exceptClause(std::uint32_t c)
    {
        std::uint32_t value = child(c, SyntaxField::Value);
        std::uint32_t alias = child(c, SyntaxField::Alias);
        if (kind(c) == SyntaxKind::ExceptGroupClause || value == kNone) {
            for (std::uint32_t k = first(c); k != kNone; k = next(k)) {
                if (kind(k) != SyntaxKind::Block && k != alias)
                    value = k;
            }
        }
        if (alias == kNone) {
            // `except E as e` parses as an as_pattern in this grammar version.
            if (kind(value) == SyntaxKind::AsPattern) {
                const std::uint32_t a = child(value, SyntaxField::Alias);
                value = first(value) == a ? kNone : first(value);
                alias = a;
            }
        }
        expression(value);
        if (kind(alias) == SyntaxKind::AsPatternTarget)
            alias = first(alias);
        const bool named = kind(alias) == SyntaxKind::Identifier;
        if (named) {
            // Bound during the handler and deleted at its end: not a definition of the cell.
            if (atModule())
                definiteInsert(text(alias));
            else
                bind(alias);
        }
        statements(firstOfKind(c, SyntaxKind::Block));
        if (named && atModule()) {
            definiteErase(text(alias));
            m_defines.erase(text(alias));
        }
    }

    void withStatement(std::uint32_t n)
    {
        const std::uint32_t clause = firstOfKind(n, SyntaxKind::WithClause);
        for (std::uint32_t item = first(clause); item != kNone; item = next(item)) {
            const std::uint32_t value = child(item, SyntaxField::Value);
            if (kind(value) == SyntaxKind::AsPattern) {
                const std::uint32_t alias = child(value, SyntaxField::Alias);
                for (std::uint32_t k = first(value); k != kNone; k = next(k)) {
                    if (k != alias)
                        expression(k);
                }
                target(alias);
            } else {
                expression(value);
            }
        }
        statements(child(n, SyntaxField::Body));
    }

    void importStatement(std::uint32_t n)
    {
        for (std::uint32_t c = first(n); c != kNone; c = next(c)) {
            if (kind(c) == SyntaxKind::DottedName) {
                // import a.b.c binds a
                const std::uint32_t head = first(c);
                addImport(
                    compact(c), head == kNone ? std::string() : std::string(text(head)), false, false, n);
                if (head != kNone)
                    bind(head);
            } else if (kind(c) == SyntaxKind::AliasedImport) {
                const std::uint32_t alias = child(c, SyntaxField::Alias);
                addImport(compact(child(c, SyntaxField::Name)),
                    alias == kNone ? std::string() : std::string(text(alias)), false, false, n);
                if (alias != kNone)
                    bind(alias);
            }
        }
    }

    void importFromStatement(std::uint32_t n)
    {
        const std::uint32_t module = child(n, SyntaxField::ModuleName);
        const std::string moduleName = module == kNone ? std::string() : compact(module);
        std::vector<std::string> names;
        for (std::uint32_t c = first(n); c != kNone; c = next(c)) {
            if (c == module)
                continue;
            if (kind(c) == SyntaxKind::WildcardImport) {
                addOpaque(OpaqueConstruct::Kind::StarImport, "from " + moduleName + " import *", n);
                m_opaque.back().module = moduleName;
                starImportNames(moduleName);
                names.push_back("*");
            } else if (kind(c) == SyntaxKind::DottedName && node(c).field == SyntaxField::Name) {
                names.emplace_back(text(c));
                bindName(text(c), node(c).start, node(c).end);
            } else if (kind(c) == SyntaxKind::AliasedImport) {
                const std::uint32_t alias = child(c, SyntaxField::Alias);
                if (alias != kNone) {
                    names.emplace_back(text(alias));
                    bind(alias);
                }
            }
        }
        addImport(moduleName, names.empty() ? std::string() : names.front(), true, false, n);
        m_imports.back().names = std::move(names);
    }

    /// The known names of a star-imported module are bound from here on in the cell. They are
    /// not the cell's `defines` (hundreds of them): the dataflow takes them from the opaque entry.
    void starImportNames(std::string_view module)
    {
        const std::vector<std::string> *names = StarImportNames::namesOf(module);
        if (!names || !atModule())
            return;
        for (const std::string &name : *names)
            definiteInsert(name);
    }

    void deleteTarget(std::uint32_t n)
    {
        switch (kind(n)) {
        case SyntaxKind::Identifier:
            deleteName(text(n), node(n).start, node(n).end);
            return;
        case SyntaxKind::ExpressionList:
        case SyntaxKind::Tuple:
        case SyntaxKind::List:
        case SyntaxKind::ParenthesizedExpression:
        case SyntaxKind::PatternList:
        case SyntaxKind::TuplePattern:
        case SyntaxKind::ListPattern:
            for (std::uint32_t c = first(n); c != kNone; c = next(c))
                deleteTarget(c);
            return;
        case SyntaxKind::Attribute:
        case SyntaxKind::Subscript:
            expression(n);
            modify(n);
            return;
        default:
            expression(n);
            return;
        }
    }

    void matchStatement(std::uint32_t n)
    {
        expression(child(n, SyntaxField::Subject));
        ++m_conditional;
        for (std::uint32_t body = first(n); body != kNone; body = next(body)) {
            if (kind(body) != SyntaxKind::Block)
                continue;
            for (std::uint32_t c = first(body); c != kNone; c = next(c)) {
                if (kind(c) != SyntaxKind::CaseClause)
                    continue;
                branch([&] {
                    for (std::uint32_t k = first(c); k != kNone; k = next(k)) {
                        if (kind(k) == SyntaxKind::CasePattern)
                            pattern(k);
                    }
                    expression(child(c, SyntaxField::Guard));
                    statements(child(c, SyntaxField::Consequence));
                });
            }
        }
        --m_conditional;
    }

    void pattern(std::uint32_t n)
    {
        DepthGuard guard(m_depth);
        if (m_depth > kMaxDepth)
            return;
        switch (kind(n)) {
        case SyntaxKind::DottedName:
            if (first(n) != kNone && next(first(n)) == kNone) {
                if (text(n) != "_")
                    bind(first(n)); // capture pattern
            } else if (first(n) != kNone) {
                read(first(n)); // value pattern: Color.RED
            }
            return;
        case SyntaxKind::Identifier:
            if (text(n) != "_")
                bind(n);
            return;
        case SyntaxKind::SplatPattern:
            if (first(n) != kNone && text(first(n)) != "_")
                bind(first(n));
            return;
        case SyntaxKind::AsPattern: {
            const std::uint32_t alias = child(n, SyntaxField::Alias);
            for (std::uint32_t c = first(n); c != kNone; c = next(c)) {
                if (c != alias)
                    pattern(c);
            }
            if (alias != kNone) {
                const std::uint32_t name = kind(alias) == SyntaxKind::Identifier ? alias : first(alias);
                if (name != kNone && kind(name) == SyntaxKind::Identifier)
                    bind(name);
            }
            return;
        }
        case SyntaxKind::ClassPattern: {
            bool classSeen = false;
            for (std::uint32_t c = first(n); c != kNone; c = next(c)) {
                if (!classSeen && kind(c) == SyntaxKind::DottedName) {
                    classSeen = true;
                    read(first(c));
                } else {
                    pattern(c);
                }
            }
            return;
        }
        case SyntaxKind::KeywordPattern:
            // The first identifier is the attribute name, not a binding.
            for (std::uint32_t c = first(n) == kNone ? kNone : next(first(n)); c != kNone; c = next(c))
                pattern(c);
            return;
        case SyntaxKind::DictPattern:
            for (std::uint32_t c = first(n); c != kNone; c = next(c)) {
                if (node(c).field == SyntaxField::Key) {
                    if (kind(c) == SyntaxKind::DottedName && first(c) != kNone)
                        read(first(c));
                } else {
                    pattern(c);
                }
            }
            return;
        case SyntaxKind::String:
        case SyntaxKind::ConcatenatedString:
            return;
        default:
            for (std::uint32_t c = first(n); c != kNone; c = next(c))
                pattern(c);
            return;
        }
    }

    // --- assignments -----------------------------------------------------------------------

    void assignment(std::uint32_t n)
    {
        // a = b = value: the value is evaluated first, then the targets left to right.
        std::vector<std::uint32_t> targets;
        std::vector<std::uint32_t> annotations;
        std::uint32_t current = n;
        std::uint32_t value = kNone;
        for (;;) {
            targets.push_back(child(current, SyntaxField::Left));
            const std::uint32_t annotation = child(current, SyntaxField::Type);
            if (annotation != kNone)
                annotations.push_back(annotation);
            value = child(current, SyntaxField::Right);
            if (kind(value) != SyntaxKind::Assignment)
                break;
            current = value;
        }
        const bool inFunction = scope().kind == ScopeKind::Function;
        if (value != kNone) {
            const std::uint32_t savedDeferred = m_currentDeferred;
            if (kind(value) == SyntaxKind::Lambda && targets.size() == 1
                && kind(targets.front()) == SyntaxKind::Identifier && atModule()
                && m_currentDeferred == kNone) {
                m_currentDeferred = newDeferred(text(targets.front()), false);
            }
            statement(value);
            m_currentDeferred = savedDeferred;
        }
        // Annotations of local variables are never evaluated; elsewhere they are.
        if (!inFunction) {
            for (const std::uint32_t a : annotations)
                expression(a);
        }
        if (value == kNone) {
            // `x: int` declares x local in a function but binds nothing.
            if (inFunction && kind(targets.front()) == SyntaxKind::Identifier)
                bind(targets.front());
            return;
        }
        for (const std::uint32_t t : targets)
            target(t);
    }

    void augmentedAssignment(std::uint32_t n)
    {
        const std::uint32_t left = child(n, SyntaxField::Left);
        if (kind(left) == SyntaxKind::Identifier) {
            read(left);
            expression(child(n, SyntaxField::Right));
            modify(left);
            bind(left);
            return;
        }
        expression(left);
        expression(child(n, SyntaxField::Right));
        modify(left);
    }

    void target(std::uint32_t n)
    {
        DepthGuard guard(m_depth);
        if (m_depth > kMaxDepth) {
            flatReads(n);
            return;
        }
        const SyntaxKind k = kind(n);
        // Besides sequences, names bind through `*x`, `as` targets and type nodes here.
        if (isTargetSequence(k) || k == SyntaxKind::ListSplat || k == SyntaxKind::AsPatternTarget
            || k == SyntaxKind::Type) {
            for (std::uint32_t c = first(n); c != kNone; c = next(c))
                target(c);
            return;
        }
        switch (k) {
        case SyntaxKind::Identifier:
            bind(n);
            return;
        case SyntaxKind::Attribute:
        case SyntaxKind::Subscript:
            expression(n);
            modify(n);
            return;
        default:
            expression(n);
            return;
        }
    }

    // --- definitions -----------------------------------------------------------------------

    std::uint32_t newDeferred(std::string_view name, bool isClass)
    {
        m_deferred.emplace_back();
        m_deferred.back().name = name;
        m_deferred.back().isClass = isClass;
        return std::uint32_t(m_deferred.size() - 1);
    }

    /// PEP 695 type parameters live in their own scope around the definition.
    bool typeParameters(std::uint32_t list)
    {
        if (list == kNone)
            return false;
        pushScope(ScopeKind::Annotation);
        for (std::uint32_t t = first(list); t != kNone; t = next(t)) {
            std::uint32_t inner = kind(t) == SyntaxKind::Type ? first(t) : t;
            switch (kind(inner)) {
            case SyntaxKind::Identifier:
                bind(inner);
                break;
            case SyntaxKind::ConstrainedType: {
                const std::uint32_t name = first(inner);
                const std::uint32_t id = kind(name) == SyntaxKind::Type ? first(name) : name;
                if (kind(id) == SyntaxKind::Identifier)
                    bind(id);
                for (std::uint32_t b = name == kNone ? kNone : next(name); b != kNone; b = next(b))
                    expression(b);
                break;
            }
            case SyntaxKind::SplatType:
                if (kind(first(inner)) == SyntaxKind::Identifier)
                    bind(first(inner));
                break;
            default:
                expression(inner);
                break;
            }
        }
        return true;
    }

    /// Defaults and annotations are evaluated when the def runs, in the enclosing scope.
    void parameterValues(std::uint32_t parameters)
    {
        for (std::uint32_t p = first(parameters); p != kNone; p = next(p)) {
            switch (kind(p)) {
            case SyntaxKind::DefaultParameter:
                expression(child(p, SyntaxField::Value));
                break;
            case SyntaxKind::TypedParameter:
                expression(child(p, SyntaxField::Type));
                break;
            case SyntaxKind::TypedDefaultParameter:
                expression(child(p, SyntaxField::Type));
                expression(child(p, SyntaxField::Value));
                break;
            default:
                break;
            }
        }
    }

    void parameterNames(std::uint32_t n)
    {
        for (std::uint32_t p = first(n); p != kNone; p = next(p)) {
            switch (kind(p)) {
            case SyntaxKind::Identifier:
                bind(p);
                break;
            case SyntaxKind::DefaultParameter:
            case SyntaxKind::TypedDefaultParameter: {
                const std::uint32_t name = child(p, SyntaxField::Name);
                if (kind(name) == SyntaxKind::Identifier)
                    bind(name);
                else
                    parameterNames(name);
                break;
            }
            case SyntaxKind::TypedParameter:
            case SyntaxKind::ListSplatPattern:
            case SyntaxKind::DictionarySplatPattern:
            case SyntaxKind::TuplePattern:
                for (std::uint32_t c = first(p); c != kNone; c = next(c)) {
                    if (node(c).field == SyntaxField::Type)
                        continue;
                    if (kind(c) == SyntaxKind::Identifier)
                        bind(c);
                    else
                        parameterNames(c);
                }
                break;
            default:
                break;
            }
        }
    }

    void functionDefinition(std::uint32_t n)
    {
        const std::uint32_t name = child(n, SyntaxField::Name);
        const std::uint32_t parameters = child(n, SyntaxField::Parameters);
        const bool moduleLevel = atModule();
        const std::uint32_t outer = m_scope;
        const bool typed = typeParameters(child(n, SyntaxField::TypeParameters));
        parameterValues(parameters);
        expression(child(n, SyntaxField::ReturnType));

        const std::uint32_t savedDeferred = m_currentDeferred;
        if (moduleLevel && name != kNone)
            m_currentDeferred = newDeferred(text(name), false);
        pushScope(ScopeKind::Function);
        parameterNames(parameters);
        conditionalStatements(child(n, SyntaxField::Body));
        popScope();
        if (typed)
            popScope();
        m_currentDeferred = savedDeferred;
        m_scope = outer;
        if (name != kNone)
            bind(name);
    }

    void classDefinition(std::uint32_t n)
    {
        const std::uint32_t name = child(n, SyntaxField::Name);
        const bool moduleLevel = atModule();
        const std::uint32_t outer = m_scope;
        const bool typed = typeParameters(child(n, SyntaxField::TypeParameters));
        expression(child(n, SyntaxField::Superclasses));

        const std::uint32_t savedDeferred = m_currentDeferred;
        if (moduleLevel && name != kNone)
            m_currentDeferred = newDeferred(text(name), true);
        pushScope(ScopeKind::Class);
        conditionalStatements(child(n, SyntaxField::Body));
        popScope();
        if (typed)
            popScope();
        m_currentDeferred = savedDeferred;
        m_scope = outer;
        if (name != kNone)
            bind(name);
    }

    void typeAlias(std::uint32_t n)
    {
        std::uint32_t left = child(n, SyntaxField::Left);
        if (kind(left) == SyntaxKind::Type)
            left = first(left);
        std::uint32_t name = left;
        bool typed = false;
        if (kind(left) == SyntaxKind::GenericType) {
            name = first(left);
            typed = typeParameters(firstOfKind(left, SyntaxKind::TypeParameter));
        }
        expression(child(n, SyntaxField::Right));
        if (typed)
            popScope();
        if (kind(name) == SyntaxKind::Identifier)
            bind(name);
    }

    // --- expressions -----------------------------------------------------------------------

    void expression(std::uint32_t n)
    {
        if (n == kNone)
            return;
        DepthGuard guard(m_depth);
        if (m_depth > kMaxDepth) {
            flatReads(n);
            return;
        }
        switch (kind(n)) {
        case SyntaxKind::Identifier:
            read(n);
            return;
        case SyntaxKind::Attribute:
            expression(child(n, SyntaxField::Object));
            return;
        case SyntaxKind::KeywordArgument:
            expression(child(n, SyntaxField::Value));
            return;
        case SyntaxKind::Call:
            call(n);
            return;
        case SyntaxKind::Subscript: {
            const std::uint32_t value = child(n, SyntaxField::Value);
            if (isGlobalsCall(value))
                addOpaque(OpaqueConstruct::Kind::GlobalsAccess, "globals()[...]", n);
            for (std::uint32_t c = first(n); c != kNone; c = next(c))
                expression(c);
            return;
        }
        case SyntaxKind::NamedExpression: {
            expression(child(n, SyntaxField::Value));
            const std::uint32_t name = child(n, SyntaxField::Name);
            if (kind(name) == SyntaxKind::Identifier)
                bindWalrus(name);
            return;
        }
        case SyntaxKind::Lambda:
            lambda(n);
            return;
        case SyntaxKind::ListComprehension:
        case SyntaxKind::SetComprehension:
        case SyntaxKind::DictionaryComprehension:
        case SyntaxKind::GeneratorExpression:
            comprehension(n);
            return;
        case SyntaxKind::DottedName:
            if (first(n) != kNone)
                read(first(n));
            return;
        case SyntaxKind::StringContent:
        case SyntaxKind::KeywordSeparator:
        case SyntaxKind::PositionalSeparator:
            return;
        case SyntaxKind::Assignment:
        case SyntaxKind::AugmentedAssignment:
        case SyntaxKind::Block:
        case SyntaxKind::FunctionDefinition:
        case SyntaxKind::ClassDefinition:
            statement(n);
            return;
        case SyntaxKind::AsPattern: {
            const std::uint32_t alias = child(n, SyntaxField::Alias);
            for (std::uint32_t c = first(n); c != kNone; c = next(c)) {
                if (c != alias)
                    expression(c);
            }
            target(alias);
            return;
        }
        default:
            for (std::uint32_t c = first(n); c != kNone; c = next(c))
                expression(c);
            return;
        }
    }

    bool isGlobalsCall(std::uint32_t n) const
    {
        if (kind(n) != SyntaxKind::Call)
            return false;
        const std::uint32_t function = child(n, SyntaxField::Function);
        return kind(function) == SyntaxKind::Identifier
            && (text(function) == "globals" || text(function) == "vars");
    }

    /// The text of a plain string literal ("x" or 'x', no interpolation), or nothing.
    bool literal(std::uint32_t n, std::string &value) const
    {
        if (kind(n) != SyntaxKind::String)
            return false;
        std::uint32_t content = kNone;
        for (std::uint32_t c = first(n); c != kNone; c = next(c)) {
            if (kind(c) == SyntaxKind::Interpolation)
                return false;
            if (kind(c) == SyntaxKind::StringContent)
                content = c;
        }
        if (content == kNone)
            return false;
        value = std::string(text(content));
        return true;
    }

    std::uint32_t firstArgument(std::uint32_t arguments) const
    {
        for (std::uint32_t c = first(arguments); c != kNone; c = next(c)) {
            if (kind(c) != SyntaxKind::KeywordArgument)
                return c;
        }
        return kNone;
    }

    void call(std::uint32_t n)
    {
        const std::uint32_t function = child(n, SyntaxField::Function);
        const std::uint32_t arguments = child(n, SyntaxField::Arguments);
        std::string module;
        if (kind(function) == SyntaxKind::Identifier) {
            const std::string_view name = text(function);
            if (name == "exec" || name == "eval")
                addOpaque(OpaqueConstruct::Kind::ExecEval, std::string(name), n);
            else if ((name == "__import__" || name == "import_module")
                && literal(firstArgument(arguments), module))
                addImport(module, {}, false, true, n);
            read(function, true);
        } else if (kind(function) == SyntaxKind::Attribute) {
            const std::uint32_t object = child(function, SyntaxField::Object);
            const std::uint32_t attribute = child(function, SyntaxField::AttributeName);
            const std::string_view method = attribute == kNone ? std::string_view() : text(attribute);
            expression(function);
            if (method == "import_module" && kind(object) == SyntaxKind::Identifier
                && text(object) == "importlib" && literal(firstArgument(arguments), module)) {
                addImport(module, {}, false, true, n);
            } else if (isGlobalsCall(object)) {
                addOpaque(OpaqueConstruct::Kind::GlobalsAccess, "globals()." + std::string(method), n);
            } else if (method == "shuffle") {
                // random.shuffle(x), np.random.shuffle(x) change their argument in place.
                expression(arguments);
                modify(firstArgument(arguments));
                return;
            }
            if (isMutatingMethod(method) || hasInplaceTrue(arguments))
                modify(object);
        } else {
            expression(function);
        }
        expression(arguments);
    }

    bool hasInplaceTrue(std::uint32_t arguments) const
    {
        for (std::uint32_t c = first(arguments); c != kNone; c = next(c)) {
            if (kind(c) != SyntaxKind::KeywordArgument)
                continue;
            const std::uint32_t name = child(c, SyntaxField::Name);
            const std::uint32_t value = child(c, SyntaxField::Value);
            if (name != kNone && text(name) == "inplace" && value != kNone && text(value) == "True")
                return true;
        }
        return false;
    }

    void lambda(std::uint32_t n)
    {
        const std::uint32_t parameters = child(n, SyntaxField::Parameters);
        parameterValues(parameters);
        pushScope(ScopeKind::Function);
        parameterNames(parameters);
        expression(child(n, SyntaxField::Body));
        popScope();
    }

    void comprehension(std::uint32_t n)
    {
        // The first iterable is evaluated in the enclosing scope; everything else inside.
        bool firstClause = true;
        for (std::uint32_t c = first(n); c != kNone; c = next(c)) {
            if (kind(c) != SyntaxKind::ForInClause)
                continue;
            for (std::uint32_t k = first(c); k != kNone; k = next(k)) {
                if (node(k).field == SyntaxField::Right)
                    expression(k);
            }
            break;
        }
        pushScope(ScopeKind::Comprehension);
        for (std::uint32_t c = first(n); c != kNone; c = next(c)) {
            if (kind(c) == SyntaxKind::ForInClause) {
                if (!firstClause) {
                    for (std::uint32_t k = first(c); k != kNone; k = next(k)) {
                        if (node(k).field == SyntaxField::Right)
                            expression(k);
                    }
                }
                firstClause = false;
                target(child(c, SyntaxField::Left));
            } else if (kind(c) == SyntaxKind::IfClause) {
                expression(c);
            }
        }
        expression(child(n, SyntaxField::Body));
        popScope();
    }

    const SyntaxTree &m_tree;
    std::string_view m_text;
    const SourceMap &m_map;
    const std::vector<PrePassEvent> &m_events;
    std::size_t m_nextEvent = 0;

    std::vector<Scope> m_scopes;
    std::uint32_t m_scope = 0;
    int m_depth = 0;
    int m_conditional = 0;
    int m_optional = 0;
    int m_branchDepth = 0;
    std::uint32_t m_currentDeferred = kNone;

    std::unordered_set<std::string_view> m_definite;
    std::vector<std::pair<std::string_view, bool>> m_log;

    NameList m_defines;
    NameList m_uses;
    NameList m_modifies;
    NameList m_deletes;
    NameList m_calls;
    std::vector<Deferred> m_deferred;
    std::vector<ImportRef> m_imports;
    std::vector<OpaqueConstruct> m_opaque;
};

} // namespace

void SymbolPass::run(const SyntaxTree &tree, std::string_view text, const SourceMap &map,
    const std::vector<PrePassEvent> &events, CellSymbols &out)
{
    Walker(tree, text, map, events).run(out);
}

} // namespace tassel
