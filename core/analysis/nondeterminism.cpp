#include "analysis/nondeterminism.h"

#include "python/ipythonprepass.h"
#include "python/pythonnames.h"
#include "python/sourcemap.h"
#include "python/syntaxtree.h"

#include <map>
#include <optional>
#include <set>
#include <utility>

namespace tassel {

namespace {

constexpr std::uint32_t kNone = SyntaxNode::kNone;
constexpr int kMaxDepth = 400;

enum class Role : std::uint8_t { Source, Seed, Neutral };

/// One row of the knowledge: which call (or value) is a source of change, or seeds one.
/// `pattern` is a resolved dotted name (import aliases followed) and matches itself and its
/// attributes ("numpy.random" matches numpy.random.rand); "pandas.read_*" matches by prefix;
/// "sklearn..KMeans" matches any sklearn module's KMeans; ".glob" matches a method of any object.
/// The first matching row wins, so exceptions come before the families they belong to.
struct CallKind
{
    constexpr CallKind(std::string_view pattern, Role role, std::string_view source = {},
        std::string_view family = {}, std::string_view unlessArgument = {},
        std::string_view onlyWithTrue = {}, bool needsUrl = false, bool anyReference = false)
        : pattern(pattern)
        , role(role)
        , source(source)
        , family(family)
        , unlessArgument(unlessArgument)
        , onlyWithTrue(onlyWithTrue)
        , needsUrl(needsUrl)
        , anyReference(anyReference)
    {
    }

    std::string_view pattern;
    Role role = Role::Source;
    std::string_view source; ///< random, clock, network, environment, order
    /// The seed that makes it repeatable ("numpy", "random", "torch", "tensorflow"; "*" for a seed
    /// of every family); empty: no global seed helps.
    std::string_view family;
    /// A keyword argument that makes it repeatable ("random_state"), or "*": any argument does.
    std::string_view unlessArgument;
    /// A source only when this keyword is passed as True (KFold's shuffle).
    std::string_view onlyWithTrue;
    bool needsUrl = false; ///< a source only when it reads a URL
    bool anyReference = false; ///< a source when read, called or not (os.environ)
};

// clang-format off
constexpr CallKind kCalls[] = {
    // Seeds, and what does not draw.
    {"numpy.random.seed", Role::Seed, "", "numpy"},
    {"numpy.random.set_state", Role::Seed, "", "numpy"},
    {"numpy.random.get_state", Role::Neutral},
    {"numpy.random.Generator", Role::Neutral},
    {"numpy.random.SeedSequence", Role::Neutral},
    {"numpy.random.default_rng", Role::Source, "random", "", "*"},
    {"numpy.random.RandomState", Role::Source, "random", "", "*"},
    {"numpy.random.PCG64", Role::Source, "random", "", "*"},
    {"numpy.random.MT19937", Role::Source, "random", "", "*"},
    {"numpy.random.Philox", Role::Source, "random", "", "*"},
    {"numpy.random.SFC64", Role::Source, "random", "", "*"},
    {"numpy.random", Role::Source, "random", "numpy"},
    {"random.seed", Role::Seed, "", "random"},
    {"random.setstate", Role::Seed, "", "random"},
    {"random.getstate", Role::Neutral},
    {"random.Random", Role::Source, "random", "", "*"},
    {"random.SystemRandom", Role::Source, "random"},
    {"random", Role::Source, "random", "random"},
    {"torch.manual_seed", Role::Seed, "", "torch"},
    {"torch.random.manual_seed", Role::Seed, "", "torch"},
    {"torch.rand", Role::Source, "random", "torch"},
    {"torch.rand_like", Role::Source, "random", "torch"},
    {"torch.randn", Role::Source, "random", "torch"},
    {"torch.randn_like", Role::Source, "random", "torch"},
    {"torch.randint", Role::Source, "random", "torch"},
    {"torch.randint_like", Role::Source, "random", "torch"},
    {"torch.randperm", Role::Source, "random", "torch"},
    {"torch.normal", Role::Source, "random", "torch"},
    {"torch.bernoulli", Role::Source, "random", "torch"},
    {"torch.multinomial", Role::Source, "random", "torch"},
    {"tensorflow.random.set_seed", Role::Seed, "", "tensorflow"},
    {"tensorflow.random", Role::Source, "random", "tensorflow"},
    {"lightning..seed_everything", Role::Seed, "", "*"},
    {"pytorch_lightning..seed_everything", Role::Seed, "", "*"},
    {"transformers.set_seed", Role::Seed, "", "*"},
    // scikit-learn draws from numpy's global generator when random_state is left unset.
    {"sklearn..train_test_split", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..KFold", Role::Source, "random", "numpy", "random_state", "shuffle"},
    {"sklearn..StratifiedKFold", Role::Source, "random", "numpy", "random_state", "shuffle"},
    {"sklearn..ShuffleSplit", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..StratifiedShuffleSplit", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..GroupShuffleSplit", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..RepeatedKFold", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..RepeatedStratifiedKFold", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..RandomizedSearchCV", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..RandomForestClassifier", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..RandomForestRegressor", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..ExtraTreesClassifier", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..ExtraTreesRegressor", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..GradientBoostingClassifier", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..GradientBoostingRegressor", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..BaggingClassifier", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..BaggingRegressor", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..AdaBoostClassifier", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..AdaBoostRegressor", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..IsolationForest", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..DecisionTreeClassifier", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..DecisionTreeRegressor", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..KMeans", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..MiniBatchKMeans", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..TSNE", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..MLPClassifier", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..MLPRegressor", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..SGDClassifier", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..SGDRegressor", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..GaussianMixture", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..make_blobs", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..make_classification", Role::Source, "random", "numpy", "random_state"},
    {"sklearn..make_regression", Role::Source, "random", "numpy", "random_state"},
    {"sklearn.utils.shuffle", Role::Source, "random", "numpy", "random_state"},
    {"sklearn.utils.resample", Role::Source, "random", "numpy", "random_state"},
    // pandas' DataFrame.sample and Series.sample draw from numpy's global generator too.
    {".sample", Role::Source, "random", "numpy", "random_state"},
    {"uuid.uuid1", Role::Source, "random"},
    {"uuid.uuid4", Role::Source, "random"},
    {"secrets", Role::Source, "random"},
    {"os.urandom", Role::Source, "random"},
    // The clock.
    {"datetime.datetime.now", Role::Source, "clock"},
    {"datetime.datetime.utcnow", Role::Source, "clock"},
    {"datetime.datetime.today", Role::Source, "clock"},
    {"datetime.date.today", Role::Source, "clock"},
    {"time.time", Role::Source, "clock"},
    {"time.time_ns", Role::Source, "clock"},
    {"time.perf_counter", Role::Source, "clock"},
    {"time.perf_counter_ns", Role::Source, "clock"},
    {"time.monotonic", Role::Source, "clock"},
    {"time.process_time", Role::Source, "clock"},
    {"time.localtime", Role::Source, "clock", "", "*"},
    {"time.ctime", Role::Source, "clock", "", "*"},
    {"pandas.Timestamp.now", Role::Source, "clock"},
    {"pandas.Timestamp.today", Role::Source, "clock"},
    {"pandas.Timestamp.utcnow", Role::Source, "clock"},
    // The network.
    {"pandas.read_*", Role::Source, "network", "", "", "", true},
    {"numpy.loadtxt", Role::Source, "network", "", "", "", true},
    {"numpy.genfromtxt", Role::Source, "network", "", "", "", true},
    {"requests.get", Role::Source, "network"},
    {"requests.post", Role::Source, "network"},
    {"requests.request", Role::Source, "network"},
    {"httpx.get", Role::Source, "network"},
    {"urllib.request.urlopen", Role::Source, "network"},
    {"urllib.urlopen", Role::Source, "network"},
    {"urllib2.urlopen", Role::Source, "network"},
    // The machine and the user running it.
    {"os.environ", Role::Source, "environment", "", "", "", false, true},
    {"os.getenv", Role::Source, "environment"},
    {"os.getlogin", Role::Source, "environment"},
    {"os.getpid", Role::Source, "environment"},
    {"os.cpu_count", Role::Source, "environment"},
    {"multiprocessing.cpu_count", Role::Source, "environment"},
    {"getpass.getuser", Role::Source, "environment"},
    {"platform", Role::Source, "environment"},
    {"socket.gethostname", Role::Source, "environment"},
    {"socket.getfqdn", Role::Source, "environment"},
    // Orders nobody chose: directory listings and sets (string hashes change per process).
    {"os.listdir", Role::Source, "order"},
    {"os.scandir", Role::Source, "order"},
    {"os.walk", Role::Source, "order"},
    {"glob.glob", Role::Source, "order"},
    {"glob.iglob", Role::Source, "order"},
    {".glob", Role::Source, "order"},
    {".rglob", Role::Source, "order"},
    {".iterdir", Role::Source, "order"},
    {"set", Role::Source, "order"},
    {"frozenset", Role::Source, "order"},
};

/// Calls whose arguments (and, for methods, whose object) end up in what the cell shows or writes.
constexpr std::string_view kSinks[] = {
    "print", "display", "IPython.display.display", "pprint.pprint", "matplotlib.pyplot", "seaborn",
    "plotly.express", "json.dump", "pickle.dump", "joblib.dump", "numpy.save", "numpy.savetxt",
    "numpy.savez", "torch.save", ".plot", ".hist", ".scatter", ".bar", ".barh", ".imshow", ".savefig",
    ".to_csv", ".to_excel", ".to_json", ".to_parquet", ".to_pickle", ".to_html", ".write", ".writelines",
};

/// Builtins whose result no longer depends on the order of what they are given.
constexpr std::string_view kOrderFree[] = {"sorted", "len", "sum", "min", "max", "any", "all"};
// clang-format on

bool matches(std::string_view pattern, std::string_view dotted, std::string_view method)
{
    if (pattern.front() == '.')
        return !method.empty() && method == pattern.substr(1);
    if (dotted.empty())
        return false;
    if (pattern.back() == '*')
        return dotted.starts_with(pattern.substr(0, pattern.size() - 1));
    if (const auto gap = pattern.find(".."); gap != std::string_view::npos)
        return dotted.starts_with(pattern.substr(0, gap + 1)) && dotted.ends_with(pattern.substr(gap + 1));
    return dotted == pattern || (dotted.starts_with(pattern) && dotted[pattern.size()] == '.');
}

const CallKind *lookup(std::string_view dotted, std::string_view method)
{
    for (const CallKind &kind : kCalls) {
        if (matches(kind.pattern, dotted, method))
            return &kind;
    }
    return nullptr;
}

bool isSink(std::string_view dotted, std::string_view method)
{
    for (const std::string_view sink : kSinks) {
        if (matches(sink, dotted, method))
            return true;
    }
    return false;
}

/// The message id (nondeterministic.advice.*) of what to do about a value of this kind.
std::string advice(const CallKind &kind)
{
    const std::string prefix = "nondeterministic.advice.";
    if (kind.source == "random") {
        if (kind.unlessArgument == "random_state")
            return prefix + "random-state";
        if (kind.unlessArgument == "*")
            return prefix + "seed-argument";
        for (const char *family : {"numpy", "random", "torch", "tensorflow"}) {
            if (kind.family == family)
                return prefix + family;
        }
        return prefix + "unseedable";
    }
    if (kind.source == "clock" || kind.source == "network" || kind.source == "environment")
        return prefix + std::string(kind.source);
    return prefix + "order";
}

/// Where a changing value came from.
struct Hit
{
    const CallKind *kind = nullptr;
    std::string what; ///< the source as written, e.g. "np.random.rand"
    int cell = -1;
    int line = 0;
    std::string name; ///< the variable it reached the output through, if any
};

/// What a notebook function does when called: draws from a source, seeds, shows something.
struct FunctionInfo
{
    std::optional<Hit> returns; ///< what its return value comes from
    std::optional<Hit> inside; ///< the first source its body draws from
    std::set<std::string, std::less<>> seeds;
    bool shows = false;
};

/// Walks the cells in document order, keeping which names hold changing values.
class Walker
{
public:
    explicit Walker(std::vector<Finding> &findings)
        : m_findings(findings)
    {
    }

    void cell(int index, const Cell &cell, const CellSymbols &symbols);

private:
    std::string_view text(std::uint32_t n) const
    {
        const SyntaxNode &s = m_tree.node(n);
        return m_text.substr(s.start, s.end - s.start);
    }
    SyntaxKind kind(std::uint32_t n) const { return m_tree.node(n).kind; }
    std::uint32_t child(std::uint32_t n, SyntaxField field) const
    {
        return n == kNone ? kNone : m_tree.child(n, field);
    }
    std::uint32_t first(std::uint32_t n) const { return n == kNone ? kNone : m_tree.node(n).firstChild; }
    std::uint32_t next(std::uint32_t n) const { return m_tree.node(n).nextSibling; }

    void statements(std::uint32_t block);
    void statement(std::uint32_t n);
    void compound(std::uint32_t n);
    void imports(std::uint32_t n);
    void function(std::uint32_t n);
    void simple(std::uint32_t n);
    void assign(std::uint32_t target, const std::optional<Hit> &hit);
    void applySeeds(std::uint32_t n);
    void sinks(std::uint32_t n, int depth = 0);
    void lastExpression(std::uint32_t root);

    std::string dotted(std::uint32_t n) const;
    std::string_view method(std::uint32_t callee) const;
    bool hasArgument(std::uint32_t call, std::string_view keyword) const;
    bool keywordIsTrue(std::uint32_t call, std::string_view keyword) const;
    bool readsUrl(std::uint32_t call) const;
    bool seeded(std::string_view family) const;
    std::optional<Hit> sourceOfCall(std::uint32_t call) const;
    std::optional<Hit> taint(std::uint32_t n, bool orderFree = false, int depth = 0) const;
    Hit hitAt(const CallKind &kind, std::uint32_t n) const;
    void report(std::uint32_t at, const Hit &hit, std::string_view how);

    std::vector<Finding> &m_findings;
    // The cell being walked.
    SyntaxTree m_tree;
    std::string_view m_text;
    const SourceMap *m_map = nullptr;
    const Cell *m_cellData = nullptr;
    int m_cell = -1;
    bool m_reported = false;
    bool m_quiet = false; ///< walking a function body: follow names, report nothing
    // What holds from one cell to the next.
    std::map<std::string, std::string, std::less<>> m_aliases; ///< bound name -> dotted module path
    std::set<std::string, std::less<>> m_seeded;
    std::map<std::string, Hit, std::less<>> m_tainted;
    std::map<std::string, FunctionInfo, std::less<>> m_functions;
    std::set<std::string, std::less<>> m_urlNames;
};

void Walker::cell(int index, const Cell &cell, const CellSymbols &symbols)
{
    for (const OpaqueConstruct &opaque : symbols.opaque) {
        if (opaque.kind == OpaqueConstruct::Kind::NotAnalysed)
            return;
    }
    if (!symbols.isPython || !symbols.syntaxErrors.empty())
        return;
    const SourceMap map(cell.source);
    const PrePassResult prepass = IPythonPrePass::run(cell.source, map);
    if (!prepass.isPython || prepass.localBody || !m_tree.parse(prepass.python, 2.0))
        return;
    m_text = prepass.python;
    m_map = &map;
    m_cellData = &cell;
    m_cell = index;
    m_reported = false;
    statements(m_tree.root());
    lastExpression(m_tree.root());
    m_map = nullptr;
    m_text = {};
}

void Walker::statements(std::uint32_t block)
{
    for (std::uint32_t c = first(block); c != kNone; c = next(c))
        statement(c);
}

void Walker::statement(std::uint32_t n)
{
    switch (kind(n)) {
    case SyntaxKind::ImportStatement:
    case SyntaxKind::ImportFromStatement:
        imports(n);
        return;
    case SyntaxKind::ExpressionStatement:
        simple(n);
        return;
    case SyntaxKind::ForStatement:
        sinks(child(n, SyntaxField::Right));
        assign(child(n, SyntaxField::Left), taint(child(n, SyntaxField::Right)));
        compound(n);
        return;
    case SyntaxKind::FunctionDefinition:
        function(n);
        return;
    case SyntaxKind::DecoratedDefinition:
        if (const std::uint32_t d = child(n, SyntaxField::Definition);
            d != kNone && kind(d) == SyntaxKind::FunctionDefinition)
            function(d);
        return;
    case SyntaxKind::IfStatement:
    case SyntaxKind::WhileStatement:
    case SyntaxKind::TryStatement:
    case SyntaxKind::WithStatement:
        compound(n);
        return;
    default:
        return;
    }
}

/// The blocks of a compound statement, walked as if at module level (they usually run there).
void Walker::compound(std::uint32_t n)
{
    for (std::uint32_t c = first(n); c != kNone; c = next(c)) {
        switch (kind(c)) {
        case SyntaxKind::Block:
            statements(c);
            break;
        case SyntaxKind::ElifClause:
        case SyntaxKind::ElseClause:
        case SyntaxKind::ExceptClause:
        case SyntaxKind::FinallyClause:
            compound(c);
            break;
        default:
            break;
        }
    }
}

void Walker::imports(std::uint32_t n)
{
    const bool isFrom = kind(n) == SyntaxKind::ImportFromStatement;
    const std::uint32_t module = child(n, SyntaxField::ModuleName);
    const std::string base = module == kNone ? std::string() : std::string(text(module));
    for (std::uint32_t c = first(n); c != kNone; c = next(c)) {
        if (c == module)
            continue;
        std::uint32_t name = c;
        std::uint32_t alias = kNone;
        if (kind(c) == SyntaxKind::AliasedImport) {
            name = child(c, SyntaxField::Name);
            alias = child(c, SyntaxField::Alias);
        } else if (kind(c) != SyntaxKind::DottedName) {
            continue;
        }
        const std::string path = isFrom ? base + '.' + std::string(text(name)) : std::string(text(name));
        if (alias != kNone)
            m_aliases[std::string(text(alias))] = path;
        else if (isFrom)
            m_aliases[std::string(text(name))] = path;
        else {
            // import a.b.c binds a
            const std::string head = path.substr(0, path.find('.'));
            m_aliases[head] = head;
        }
    }
}

void Walker::function(std::uint32_t n)
{
    const std::uint32_t name = child(n, SyntaxField::Name);
    const std::uint32_t body = child(n, SyntaxField::Body);
    if (name == kNone || body == kNone)
        return;
    FunctionInfo info;
    // Seeds inside the body take effect at the call, not at the definition: look past them.
    const auto seededBefore = m_seeded;
    const auto taintedBefore = m_tainted;
    m_seeded.clear();
    info.inside = taint(body);
    applySeeds(body);
    info.seeds = std::move(m_seeded);
    m_seeded.clear();
    // The body's own names, walked quietly, tell what its return values come from.
    const bool quietBefore = std::exchange(m_quiet, true);
    statements(body);
    m_quiet = quietBefore;
    std::vector<std::uint32_t> stack {body};
    while (!stack.empty()) {
        const std::uint32_t c = stack.back();
        stack.pop_back();
        if (kind(c) == SyntaxKind::FunctionDefinition || kind(c) == SyntaxKind::ClassDefinition)
            continue;
        if (kind(c) == SyntaxKind::ReturnStatement && !info.returns)
            info.returns = taint(c);
        if (kind(c) == SyntaxKind::Call) {
            const std::uint32_t callee = child(c, SyntaxField::Function);
            info.shows = info.shows || isSink(dotted(callee), method(callee));
        }
        for (std::uint32_t k = first(c); k != kNone; k = next(k))
            stack.push_back(k);
    }
    m_seeded = seededBefore;
    m_tainted = taintedBefore;
    m_functions[std::string(text(name))] = std::move(info);
}

/// An expression statement: assignments move values between names, calls may seed or show.
void Walker::simple(std::uint32_t n)
{
    applySeeds(n);
    sinks(n);
    for (std::uint32_t c = first(n); c != kNone; c = next(c)) {
        if (kind(c) == SyntaxKind::Assignment) {
            std::uint32_t value = c;
            std::vector<std::uint32_t> targets;
            while (value != kNone && kind(value) == SyntaxKind::Assignment) {
                targets.push_back(child(value, SyntaxField::Left));
                value = child(value, SyntaxField::Right);
            }
            const std::optional<Hit> hit = value == kNone ? std::nullopt : taint(value);
            const bool url = value != kNone && kind(value) == SyntaxKind::String
                && (text(value).find("://") != std::string_view::npos);
            for (const std::uint32_t target : targets) {
                assign(target, hit);
                if (url && kind(target) == SyntaxKind::Identifier)
                    m_urlNames.insert(std::string(text(target)));
            }
        } else if (kind(c) == SyntaxKind::AugmentedAssignment) {
            if (const auto hit = taint(child(c, SyntaxField::Right)))
                assign(child(c, SyntaxField::Left), hit);
        } else if (kind(c) == SyntaxKind::Call) {
            // x.append(v), random.shuffle(x): the object (or shuffled argument) now holds it.
            const auto hit = taint(c);
            const std::uint32_t callee = child(c, SyntaxField::Function);
            if (!hit || callee == kNone)
                continue;
            if (method(callee) == "shuffle" || dotted(callee).ends_with(".shuffle")) {
                for (std::uint32_t a = first(child(c, SyntaxField::Arguments)); a != kNone; a = next(a))
                    assign(a, hit);
            } else if (kind(callee) == SyntaxKind::Attribute) {
                std::uint32_t object = child(callee, SyntaxField::Object);
                while (object != kNone && kind(object) == SyntaxKind::Attribute)
                    object = child(object, SyntaxField::Object);
                if (object != kNone && kind(object) == SyntaxKind::Identifier
                    && !m_aliases.contains(text(object)) && !m_tainted.contains(text(object)))
                    assign(object, hit);
            }
        }
    }
}

/// Binding a name: it holds a changing value now, or no longer. Subscript and attribute
/// targets change the object they belong to, which keeps what it held.
void Walker::assign(std::uint32_t target, const std::optional<Hit> &hit)
{
    if (target == kNone)
        return;
    switch (kind(target)) {
    case SyntaxKind::Identifier: {
        const std::string name(text(target));
        m_aliases.erase(name);
        m_urlNames.erase(name);
        if (hit) {
            Hit held = *hit;
            if (held.name.empty())
                held.name = name;
            m_tainted[name] = held;
        } else {
            m_tainted.erase(name);
        }
        return;
    }
    case SyntaxKind::Subscript:
    case SyntaxKind::Attribute: {
        if (!hit)
            return;
        std::uint32_t object = child(target, SyntaxField::Value);
        if (object == kNone)
            object = child(target, SyntaxField::Object);
        if (object != kNone && kind(object) == SyntaxKind::Identifier && !m_tainted.contains(text(object)))
            assign(object, hit);
        return;
    }
    default:
        if (isTargetSequence(kind(target))) {
            for (std::uint32_t c = first(target); c != kNone; c = next(c))
                assign(c, hit);
        }
        return;
    }
}

void Walker::applySeeds(std::uint32_t n)
{
    std::vector<std::uint32_t> stack {n};
    while (!stack.empty()) {
        const std::uint32_t c = stack.back();
        stack.pop_back();
        if (kind(c) == SyntaxKind::Call) {
            const std::uint32_t callee = child(c, SyntaxField::Function);
            const std::string name = callee != kNone && kind(callee) == SyntaxKind::Identifier
                ? std::string(text(callee))
                : dotted(callee);
            const CallKind *call = lookup(dotted(callee), method(callee));
            if (call && call->role == Role::Seed && hasArgument(c, "*"))
                m_seeded.insert(std::string(call->family));
            if (const auto it = m_functions.find(name); it != m_functions.end())
                m_seeded.insert(it->second.seeds.begin(), it->second.seeds.end());
        }
        for (std::uint32_t k = first(c); k != kNone; k = next(k))
            stack.push_back(k);
    }
}

/// Calls that print, display, plot or write something that holds a changing value.
void Walker::sinks(std::uint32_t n, int depth)
{
    if (n == kNone || m_reported || depth > kMaxDepth)
        return;
    const SyntaxKind k = kind(n);
    if (k == SyntaxKind::Lambda || k == SyntaxKind::FunctionDefinition)
        return;
    if (k == SyntaxKind::Call) {
        const std::uint32_t callee = child(n, SyntaxField::Function);
        const std::string name = dotted(callee);
        const std::string_view verb = method(callee);
        std::optional<Hit> hit;
        std::string_view how = "plots";
        if (isSink(name, verb)) {
            hit = taint(child(n, SyntaxField::Arguments));
            if (!hit && kind(callee) == SyntaxKind::Attribute && name.empty())
                hit = taint(child(callee, SyntaxField::Object));
            how = name == "print" || name == "display" || name.ends_with(".display")
                    || name.ends_with("pprint")
                ? "prints"
                : verb.starts_with("to_") || verb.starts_with("write") || verb == "savefig"
                    || name.find("dump") != std::string::npos || name.find("save") != std::string::npos
                ? "writes"
                : "plots";
        } else if (callee != kNone && kind(callee) == SyntaxKind::Identifier) {
            // A notebook function that shows something shows what it draws, or what it is given.
            const auto it = m_functions.find(text(callee));
            if (it != m_functions.end() && it->second.shows) {
                const FunctionInfo &info = it->second;
                if (info.inside && info.seeds.empty() && !seeded(info.inside->kind->family))
                    hit = info.inside;
                else
                    hit = taint(child(n, SyntaxField::Arguments));
                how = "shows";
            }
        }
        if (hit) {
            report(n, *hit, how);
            return;
        }
    }
    for (std::uint32_t c = first(n); c != kNone; c = next(c))
        sinks(c, depth + 1);
}

/// The cell's last statement, when it is an expression, is what Jupyter displays.
void Walker::lastExpression(std::uint32_t root)
{
    std::uint32_t last = kNone;
    for (std::uint32_t c = first(root); c != kNone; c = next(c)) {
        if (kind(c) != SyntaxKind::Comment)
            last = c;
    }
    if (last == kNone || kind(last) != SyntaxKind::ExpressionStatement || m_reported)
        return;
    const std::uint32_t value = first(last);
    if (value == kNone || kind(value) == SyntaxKind::Assignment
        || kind(value) == SyntaxKind::AugmentedAssignment)
        return;
    // A trailing semicolon hides the value.
    const std::string_view rest = m_text.substr(m_tree.node(last).end);
    if (rest.find_first_not_of(" \t\r\n") != std::string_view::npos
        && rest[rest.find_first_not_of(" \t\r\n")] == ';')
        return;
    // estimator.fit(...) shows the estimator's parameters, not what it drew.
    if (kind(value) == SyntaxKind::Call && method(child(value, SyntaxField::Function)) == "fit")
        return;
    if (const auto hit = taint(value))
        report(value, *hit, "shows");
}

/// The dotted path a name or attribute chain stands for, import aliases followed; empty when its
/// head is a variable of the notebook rather than a module or a builtin.
std::string Walker::dotted(std::uint32_t n) const
{
    if (n == kNone)
        return {};
    if (kind(n) == SyntaxKind::Identifier) {
        const std::string_view name = text(n);
        if (const auto it = m_aliases.find(name); it != m_aliases.end())
            return it->second;
        if (PythonNames::isPredefined(name) && !m_tainted.contains(name))
            return std::string(name);
        return {};
    }
    if (kind(n) != SyntaxKind::Attribute)
        return {};
    const std::string head = dotted(child(n, SyntaxField::Object));
    const std::uint32_t attribute = child(n, SyntaxField::AttributeName);
    if (head.empty() || attribute == kNone)
        return {};
    return head + '.' + std::string(text(attribute));
}

std::string_view Walker::method(std::uint32_t callee) const
{
    if (callee == kNone || kind(callee) != SyntaxKind::Attribute)
        return {};
    const std::uint32_t attribute = child(callee, SyntaxField::AttributeName);
    return attribute == kNone ? std::string_view() : text(attribute);
}

/// `keyword` passed and not None; "*": any argument at all.
bool Walker::hasArgument(std::uint32_t call, std::string_view keyword) const
{
    for (std::uint32_t a = first(child(call, SyntaxField::Arguments)); a != kNone; a = next(a)) {
        if (kind(a) == SyntaxKind::Comment)
            continue;
        if (keyword == "*")
            return true;
        if (kind(a) == SyntaxKind::KeywordArgument) {
            const std::uint32_t name = child(a, SyntaxField::Name);
            const std::uint32_t value = child(a, SyntaxField::Value);
            if (name != kNone && text(name) == keyword && (value == kNone || text(value) != "None"))
                return true;
        }
    }
    return false;
}

bool Walker::keywordIsTrue(std::uint32_t call, std::string_view keyword) const
{
    for (std::uint32_t a = first(child(call, SyntaxField::Arguments)); a != kNone; a = next(a)) {
        if (kind(a) != SyntaxKind::KeywordArgument)
            continue;
        const std::uint32_t name = child(a, SyntaxField::Name);
        const std::uint32_t value = child(a, SyntaxField::Value);
        if (name != kNone && text(name) == keyword)
            return value != kNone && text(value) == "True";
    }
    return false;
}

/// The first argument is a URL, as a string literal or a name bound to one.
bool Walker::readsUrl(std::uint32_t call) const
{
    std::uint32_t a = first(child(call, SyntaxField::Arguments));
    while (a != kNone && kind(a) == SyntaxKind::Comment)
        a = next(a);
    if (a == kNone)
        return false;
    if (kind(a) == SyntaxKind::KeywordArgument)
        a = child(a, SyntaxField::Value);
    if (a == kNone)
        return false;
    if (kind(a) == SyntaxKind::Identifier)
        return m_urlNames.contains(text(a));
    const std::string_view literal = text(a);
    return (kind(a) == SyntaxKind::String || kind(a) == SyntaxKind::ConcatenatedString)
        && (literal.find("http://") != std::string_view::npos
            || literal.find("https://") != std::string_view::npos
            || literal.find("ftp://") != std::string_view::npos);
}

bool Walker::seeded(std::string_view family) const
{
    return !family.empty() && (m_seeded.contains(family) || m_seeded.contains("*"));
}

Hit Walker::hitAt(const CallKind &kind, std::uint32_t n) const
{
    int line = 0;
    int column = 0;
    m_map->position(m_tree.node(n).start, line, column);
    return Hit {&kind, std::string(text(n)), m_cell, line, {}};
}

std::optional<Hit> Walker::sourceOfCall(std::uint32_t call) const
{
    const std::uint32_t callee = child(call, SyntaxField::Function);
    const std::string name = dotted(callee);
    if (callee != kNone && kind(callee) == SyntaxKind::Identifier) {
        if (const auto it = m_functions.find(text(callee)); it != m_functions.end()) {
            const auto &source = it->second.returns;
            if (source && !seeded(source->kind->family) && it->second.seeds.empty())
                return source;
            return std::nullopt;
        }
    }
    const CallKind *kindOf = lookup(name, method(callee));
    if (!kindOf || kindOf->role != Role::Source || kindOf->anyReference)
        return std::nullopt;
    if (!kindOf->unlessArgument.empty() && hasArgument(call, kindOf->unlessArgument))
        return std::nullopt;
    if (!kindOf->onlyWithTrue.empty() && !keywordIsTrue(call, kindOf->onlyWithTrue))
        return std::nullopt;
    if ((kindOf->needsUrl && !readsUrl(call)) || seeded(kindOf->family))
        return std::nullopt;
    return hitAt(*kindOf, callee);
}

/// The first changing value `n` is computed from, if any.
std::optional<Hit> Walker::taint(std::uint32_t n, bool orderFree, int depth) const
{
    if (n == kNone || depth > kMaxDepth)
        return std::nullopt;
    const SyntaxNode &s = m_tree.node(n);
    const auto keep = [orderFree](const std::optional<Hit> &hit) {
        return hit && !(orderFree && hit->kind->source == "order");
    };
    switch (s.kind) {
    case SyntaxKind::Identifier: {
        if (s.field == SyntaxField::AttributeName || s.field == SyntaxField::Name)
            return std::nullopt;
        const auto it = m_tainted.find(text(n));
        if (it == m_tainted.end())
            return std::nullopt;
        std::optional<Hit> hit = it->second;
        return keep(hit) ? hit : std::nullopt;
    }
    case SyntaxKind::Call: {
        if (auto hit = sourceOfCall(n); keep(hit))
            return hit;
        const std::string name = dotted(child(n, SyntaxField::Function));
        for (const std::string_view free : kOrderFree)
            orderFree = orderFree || name == free;
        break;
    }
    case SyntaxKind::Attribute: {
        if (s.field != SyntaxField::Object) {
            const std::string name = dotted(n);
            const CallKind *kindOf = lookup(name, {});
            if (kindOf && kindOf->anyReference && kindOf->role == Role::Source)
                return hitAt(*kindOf, n);
        }
        break;
    }
    case SyntaxKind::Set:
    case SyntaxKind::SetComprehension:
        if (!orderFree)
            return hitAt(*lookup("set", {}), n);
        break;
    default:
        break;
    }
    for (std::uint32_t c = s.firstChild; c != kNone; c = m_tree.node(c).nextSibling) {
        if (auto hit = taint(c, orderFree, depth + 1))
            return hit;
    }
    return std::nullopt;
}

void Walker::report(std::uint32_t at, const Hit &hit, std::string_view how)
{
    if (m_reported || m_quiet)
        return;
    m_reported = true;
    const SourceRange range = m_map->range(m_tree.node(at).start, m_tree.node(at).end);
    Finding finding;
    finding.rule = "nondeterministic-output";
    finding.severity = Severity::Warning;
    finding.cell = m_cell;
    finding.cellId = m_cellData->id;
    finding.line = range.line;
    finding.column = range.column;
    finding.endLine = range.endLine;
    finding.endColumn = range.endColumn;
    if (!hit.name.empty())
        finding.names.push_back(hit.name);
    if (hit.cell != m_cell)
        finding.relatedCells.push_back(hit.cell);
    finding.changeSource = std::string(hit.kind->source);
    finding.setMessage(
        Message("nondeterministic-output")
            .cell("cell", m_cell)
            .arg("how", "nondeterministic." + std::string(how))
            .arg("what", hit.what.size() > 60 ? hit.what.substr(0, 57) + "..." : hit.what)
            .arg("where", hit.cell == m_cell ? "nondeterministic.where-line" : "nondeterministic.where-cell")
            .arg("line", hit.line)
            .cell("from_cell", hit.cell)
            .arg("source", std::string(hit.kind->source))
            .arg("advice", advice(*hit.kind)));
    m_findings.push_back(std::move(finding));
}

} // namespace

std::vector<Finding> Nondeterminism::findings(
    const Notebook &notebook, const std::vector<CellSymbols> &symbols)
{
    std::vector<Finding> findings;
    Walker walker(findings);
    for (std::size_t c = 0; c < notebook.cells.size() && c < symbols.size(); ++c) {
        if (notebook.cells[c].isCode())
            walker.cell(int(c), notebook.cells[c], symbols[c]);
    }
    return findings;
}

const std::vector<std::string_view> &Nondeterminism::sources()
{
    static const std::vector<std::string_view> names = {"random", "clock", "network", "environment", "order"};
    return names;
}

} // namespace tassel
