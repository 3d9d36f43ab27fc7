#include "analysis/ioinventory.h"

#include "analysis/frametracker.h"

#include "python/ipythonprepass.h"
#include "python/sourcemap.h"
#include "python/syntaxtree.h"
#include "util/text.h"

#include <QFileInfo>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string_view>

namespace tassel {

namespace {

enum class Direction : std::uint8_t { Read, Write };
/// Where a call's target is: an argument, or the object a method is called on (Path methods).
enum class TargetAt : std::uint8_t { Argument, Receiver, PathReceiver };

/// One call that reads or writes data. `call` is the dotted name after import aliases; a
/// `method` entry matches `<any object>.method(...)` that is not a module function.
struct KnownCall
{
    std::string_view call;
    std::string_view method;
    Direction direction;
    std::string_view kind; ///< "file", "directory", "url" or "database"
    TargetAt at = TargetAt::Argument;
    int position = 0; ///< positional index of the target argument
    std::string_view keywords = {}; ///< its keyword names, comma-separated
    int modePosition = -1; ///< open()-style mode argument deciding the direction, or -1
    std::string_view defaultTarget = {}; ///< when the target argument is left out (os.listdir())
};

constexpr std::string_view kPandasPath = "filepath_or_buffer,path_or_buf,path,io";
constexpr auto R = Direction::Read;
constexpr auto W = Direction::Write;

// The one table of known calls. A writer called without its target (df.to_csv()) returns text
// instead of writing: it is not listed then.
constexpr KnownCall kKnownCalls[] = {
    {"open", {}, R, "file", TargetAt::Argument, 0, "file", 1},
    {"io.open", {}, R, "file", TargetAt::Argument, 0, "file", 1},
    {"pandas.read_csv", {}, R, "file", TargetAt::Argument, 0, kPandasPath},
    {"pandas.read_table", {}, R, "file", TargetAt::Argument, 0, kPandasPath},
    {"pandas.read_fwf", {}, R, "file", TargetAt::Argument, 0, kPandasPath},
    {"pandas.read_excel", {}, R, "file", TargetAt::Argument, 0, kPandasPath},
    {"pandas.read_json", {}, R, "file", TargetAt::Argument, 0, kPandasPath},
    {"pandas.read_parquet", {}, R, "file", TargetAt::Argument, 0, kPandasPath},
    {"pandas.read_feather", {}, R, "file", TargetAt::Argument, 0, kPandasPath},
    {"pandas.read_orc", {}, R, "file", TargetAt::Argument, 0, kPandasPath},
    {"pandas.read_pickle", {}, R, "file", TargetAt::Argument, 0, kPandasPath},
    {"pandas.read_hdf", {}, R, "file", TargetAt::Argument, 0, kPandasPath},
    {"pandas.read_stata", {}, R, "file", TargetAt::Argument, 0, kPandasPath},
    {"pandas.read_sas", {}, R, "file", TargetAt::Argument, 0, kPandasPath},
    {"pandas.read_spss", {}, R, "file", TargetAt::Argument, 0, kPandasPath},
    {"pandas.read_xml", {}, R, "file", TargetAt::Argument, 0, kPandasPath},
    {"pandas.read_html", {}, R, "file", TargetAt::Argument, 0, kPandasPath},
    {"pandas.read_sql", {}, R, "database", TargetAt::Argument, 1, "con"},
    {"pandas.read_sql_query", {}, R, "database", TargetAt::Argument, 1, "con"},
    {"pandas.read_sql_table", {}, R, "database", TargetAt::Argument, 1, "con"},
    {"pandas.DataFrame.to_csv", "to_csv", W, "file", TargetAt::Argument, 0, "path_or_buf"},
    {"pandas.DataFrame.to_excel", "to_excel", W, "file", TargetAt::Argument, 0, "excel_writer"},
    {"pandas.DataFrame.to_json", "to_json", W, "file", TargetAt::Argument, 0, "path_or_buf"},
    {"pandas.DataFrame.to_parquet", "to_parquet", W, "file", TargetAt::Argument, 0, "path"},
    {"pandas.DataFrame.to_feather", "to_feather", W, "file", TargetAt::Argument, 0, "path"},
    {"pandas.DataFrame.to_pickle", "to_pickle", W, "file", TargetAt::Argument, 0, "path"},
    {"pandas.DataFrame.to_hdf", "to_hdf", W, "file", TargetAt::Argument, 0, "path_or_buf"},
    {"pandas.DataFrame.to_stata", "to_stata", W, "file", TargetAt::Argument, 0, "path"},
    {"pandas.DataFrame.to_xml", "to_xml", W, "file", TargetAt::Argument, 0, "path_or_buffer"},
    {"pandas.DataFrame.to_html", "to_html", W, "file", TargetAt::Argument, 0, "buf"},
    {"pandas.DataFrame.to_sql", "to_sql", W, "database", TargetAt::Argument, 1, "con"},
    {"pathlib.Path.read_text", "read_text", R, "file", TargetAt::Receiver},
    {"pathlib.Path.read_bytes", "read_bytes", R, "file", TargetAt::Receiver},
    {"pathlib.Path.write_text", "write_text", W, "file", TargetAt::Receiver},
    {"pathlib.Path.write_bytes", "write_bytes", W, "file", TargetAt::Receiver},
    {"pathlib.Path.open", "open", R, "file", TargetAt::PathReceiver, 0, {}, 0},
    {"pathlib.Path.glob", "glob", R, "directory", TargetAt::PathReceiver},
    {"pathlib.Path.rglob", "rglob", R, "directory", TargetAt::PathReceiver},
    {"pathlib.Path.iterdir", "iterdir", R, "directory", TargetAt::PathReceiver},
    {"numpy.load", {}, R, "file", TargetAt::Argument, 0, "file"},
    {"numpy.loadtxt", {}, R, "file", TargetAt::Argument, 0, "fname"},
    {"numpy.genfromtxt", {}, R, "file", TargetAt::Argument, 0, "fname"},
    {"numpy.fromfile", {}, R, "file", TargetAt::Argument, 0, "file"},
    {"numpy.save", {}, W, "file", TargetAt::Argument, 0, "file"},
    {"numpy.savetxt", {}, W, "file", TargetAt::Argument, 0, "fname"},
    {"numpy.savez", {}, W, "file", TargetAt::Argument, 0, "file"},
    {"numpy.savez_compressed", {}, W, "file", TargetAt::Argument, 0, "file"},
    {"joblib.load", {}, R, "file", TargetAt::Argument, 0, "filename"},
    {"joblib.dump", {}, W, "file", TargetAt::Argument, 1, "filename"},
    {"PIL.Image.open", {}, R, "file", TargetAt::Argument, 0, "fp"},
    {"matplotlib.pyplot.savefig", {}, W, "file", TargetAt::Argument, 0, "fname"},
    {"matplotlib.figure.Figure.savefig", "savefig", W, "file", TargetAt::Argument, 0, "fname"},
    {"sqlite3.connect", {}, R, "database", TargetAt::Argument, 0, "database"},
    {"sqlalchemy.create_engine", {}, R, "database", TargetAt::Argument, 0, "url"},
    {"glob.glob", {}, R, "directory", TargetAt::Argument, 0, "pathname"},
    {"glob.iglob", {}, R, "directory", TargetAt::Argument, 0, "pathname"},
    {"os.listdir", {}, R, "directory", TargetAt::Argument, 0, "path", -1, "."},
    {"os.scandir", {}, R, "directory", TargetAt::Argument, 0, "path", -1, "."},
    {"os.walk", {}, R, "directory", TargetAt::Argument, 0, "top"},
    {"requests.get", {}, R, "url", TargetAt::Argument, 0, "url"},
    {"requests.head", {}, R, "url", TargetAt::Argument, 0, "url"},
    {"requests.post", {}, W, "url", TargetAt::Argument, 0, "url"},
    {"requests.put", {}, W, "url", TargetAt::Argument, 0, "url"},
    {"httpx.get", {}, R, "url", TargetAt::Argument, 0, "url"},
    {"httpx.post", {}, W, "url", TargetAt::Argument, 0, "url"},
    {"urllib.request.urlopen", {}, R, "url", TargetAt::Argument, 0, "url"},
    {"urllib.request.urlretrieve", {}, R, "url", TargetAt::Argument, 0, "url"},
    {"urllib.request.urlretrieve", {}, W, "file", TargetAt::Argument, 1, "filename"},
};

/// What an expression is known to be: its text when constant, and whether it is a pathlib path
/// (so `/` joins and Path methods apply).
struct Value
{
    std::optional<std::string> text;
    bool path = false;
};

bool isUrl(std::string_view text)
{
    const std::size_t scheme = text.find("://");
    if (scheme == std::string_view::npos || scheme == 0)
        return false;
    for (char c : text.substr(0, scheme)) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '.' && c != '-')
            return false;
    }
    return true;
}

/// A URL without user info, query and fragment: where credentials travel.
std::string withoutCredentials(std::string url)
{
    url = url.substr(0, url.find_first_of("?#"));
    const std::size_t host = url.find("://") + 3;
    const std::size_t at = url.find('@', host);
    if (at != std::string::npos && at < url.find('/', host))
        url.erase(host, at + 1 - host);
    return url;
}

bool isAbsolutePath(std::string_view text)
{
    if (text.starts_with('/') || text.starts_with('~') || text.starts_with("\\\\"))
        return true;
    return text.size() >= 3 && std::isalpha(static_cast<unsigned char>(text[0])) && text[1] == ':'
        && (text[2] == '\\' || text[2] == '/');
}

/// pathlib's spelling of a path: no "./" parts, no doubled or trailing slashes.
std::string normalPath(std::string_view text)
{
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('/', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view part = text.substr(start, end - start);
        if (start == 0 && part.empty() && !text.empty())
            out = "/";
        else if (!part.empty() && part != ".")
            out += (out.empty() || out == "/" ? "" : "/") + std::string(part);
        start = end + 1;
    }
    return out.empty() ? "." : out;
}

std::string joinPath(const std::string &left, const std::string &right)
{
    if (isAbsolutePath(right) || left.empty() || left == ".")
        return right;
    return left + (left.ends_with('/') ? "" : "/") + right;
}

/// The folder a glob pattern looks in: its parts before the first one with a wildcard.
std::string patternFolder(const std::string &pattern)
{
    const std::size_t wild = pattern.find_first_of("*?[");
    if (wild == std::string::npos)
        return pattern;
    const std::size_t slash = pattern.rfind('/', wild);
    return slash == std::string::npos ? std::string(".") : pattern.substr(0, slash + 1);
}

/// Decodes the escapes Python gives a meaning to in paths and URLs; unknown ones stay as written.
std::string unescape(std::string_view body)
{
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] != '\\' || i + 1 == body.size()) {
            out += body[i];
            continue;
        }
        const char next = body[++i];
        switch (next) {
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case '\\':
        case '\'':
        case '"':
            out += next;
            break;
        default:
            out += '\\';
            out += next;
        }
    }
    return out;
}

std::string unbrace(std::string_view body)
{
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
        out += body[i];
        if ((body[i] == '{' || body[i] == '}') && i + 1 < body.size() && body[i + 1] == body[i])
            ++i;
    }
    return out;
}

/// What a call expression calls: a dotted name through import aliases ("pandas.read_csv",
/// "open"), or a method on an object that is not a module (`df.to_csv`).
struct Callee
{
    std::string name; ///< set when the callee is a name or a module attribute
    std::string_view method; ///< set for obj.method(...) on anything else
    std::uint32_t receiver = SyntaxNode::kNone;
};

bool isPathConstructor(std::string_view name)
{
    return name == "pathlib.Path" || name == "pathlib.PurePath" || name == "pathlib.PosixPath"
        || name == "pathlib.PurePosixPath" || name == "pathlib.WindowsPath"
        || name == "pathlib.PureWindowsPath";
}

/// Walks a notebook's cells in document order, keeping the import aliases and the module-level
/// constants bound so far, and lists the known calls it meets.
class Walker
{
public:
    Walker(const Notebook &notebook, const std::string &folder)
        : m_notebook(notebook)
        , m_folder(folder)
    {
    }

    void walkCell(int index);
    IoInventory::Result result;
    FrameTracker frames;

private:
    static constexpr int kMaxDepth = 48; ///< nested expressions followed when resolving a value

    const SyntaxNode &node(std::uint32_t n) const { return m_tree.node(n); }
    SyntaxKind kind(std::uint32_t n) const
    {
        return n == SyntaxNode::kNone ? SyntaxKind::Other : node(n).kind;
    }
    std::string_view textOf(std::uint32_t n) const
    {
        return m_text.substr(node(n).start, node(n).end - node(n).start);
    }
    std::string dotted(std::uint32_t n) const;
    void noteImport(std::uint32_t statement);
    Callee callee(std::uint32_t function) const;
    /// The first known call `callee` matches after `after` (one call may read and write).
    const KnownCall *match(const Callee &callee, const KnownCall *after = nullptr) const;
    std::vector<std::uint32_t> positionals(std::uint32_t call) const;
    std::uint32_t argument(std::uint32_t call, int position, std::string_view keywords) const;
    std::optional<Value> evaluate(std::uint32_t n, int depth = 0) const;
    std::optional<Value> evaluateCall(std::uint32_t n, int depth) const;
    std::optional<Value> evaluateBinary(std::uint32_t n, int depth) const;
    std::optional<std::string> stringValue(std::uint32_t n, int depth) const;
    std::optional<std::string> text(std::uint32_t n, int depth) const;
    bool isBoundTarget(std::uint32_t n) const;
    void noteBindings(std::uint32_t statement);
    void noteCall(std::uint32_t call);
    void noteAccess(std::uint32_t call, const Callee &called, const KnownCall &known);
    void record(std::uint32_t call, std::uint32_t target, const KnownCall &known, Direction direction,
        const std::optional<Value> &value);
    bool writtenEarlier(const IoAccess &access) const;
    bool guarded(std::uint32_t call, std::uint32_t target, std::uint32_t &checked, bool &stops) const;
    std::uint32_t checkedPath(std::uint32_t condition, std::uint32_t target) const;
    std::uint32_t exitUnlessExists(
        std::uint32_t block, std::uint32_t statement, std::uint32_t target, bool &stops) const;
    bool catchesMissingFile(std::uint32_t tryStatement) const;
    void addFinding(const IoAccess &access, std::string rule, Message message);

    const Notebook &m_notebook;
    const std::string &m_folder;
    SyntaxTree m_tree;
    std::string_view m_text;
    const SourceMap *m_map = nullptr;
    int m_cell = -1;
    std::map<std::string, std::string, std::less<>> m_aliases; ///< bound name -> dotted module path
    std::map<std::string, Value, std::less<>> m_constants;
    std::set<std::string, std::less<>> m_written; ///< targets written so far: reading them later is fine
};

std::string Walker::dotted(std::uint32_t n) const
{
    std::string out;
    for (char c : textOf(n)) {
        if (!std::isspace(static_cast<unsigned char>(c)))
            out += c;
    }
    return out;
}

void Walker::noteImport(std::uint32_t statement)
{
    const bool from = kind(statement) == SyntaxKind::ImportFromStatement;
    const std::uint32_t moduleNode
        = from ? m_tree.child(statement, SyntaxField::ModuleName) : SyntaxNode::kNone;
    if (from && kind(moduleNode) != SyntaxKind::DottedName)
        return; // relative imports name the notebook's own modules
    const std::string module = from ? dotted(moduleNode) + '.' : std::string();
    for (std::uint32_t c = node(statement).firstChild; c != SyntaxNode::kNone; c = node(c).nextSibling) {
        if (node(c).field != SyntaxField::Name)
            continue;
        if (kind(c) == SyntaxKind::AliasedImport) {
            const std::uint32_t alias = m_tree.child(c, SyntaxField::Alias);
            if (alias != SyntaxNode::kNone)
                m_aliases[std::string(textOf(alias))] = module + dotted(m_tree.child(c, SyntaxField::Name));
        } else if (kind(c) == SyntaxKind::DottedName) {
            const std::string name = dotted(c);
            const std::string bound = from ? name : name.substr(0, name.find('.'));
            m_aliases[bound] = module + bound;
        }
    }
}

Callee Walker::callee(std::uint32_t function) const
{
    std::vector<std::string_view> attributes; // outermost first
    std::uint32_t n = function;
    while (kind(n) == SyntaxKind::Attribute) {
        const std::uint32_t attribute = m_tree.child(n, SyntaxField::AttributeName);
        if (attribute == SyntaxNode::kNone)
            return {};
        attributes.push_back(textOf(attribute));
        n = m_tree.child(n, SyntaxField::Object);
    }
    Callee result;
    if (kind(n) == SyntaxKind::Identifier) {
        const auto alias = m_aliases.find(textOf(n));
        if (alias != m_aliases.end() || attributes.empty()) {
            result.name = alias != m_aliases.end() ? alias->second : std::string(textOf(n));
            for (auto it = attributes.rbegin(); it != attributes.rend(); ++it)
                result.name += '.' + std::string(*it);
            return result;
        }
    }
    if (!attributes.empty()) {
        result.method = attributes.front();
        result.receiver = m_tree.child(function, SyntaxField::Object);
    }
    return result;
}

const KnownCall *Walker::match(const Callee &callee, const KnownCall *after) const
{
    for (const KnownCall &known : kKnownCalls) {
        if (after) {
            after = &known == after ? nullptr : after;
            continue;
        }
        if (callee.name.empty() ? known.method == callee.method && !known.method.empty()
                                : known.method.empty() && known.call == callee.name)
            return &known;
    }
    return nullptr;
}

std::vector<std::uint32_t> Walker::positionals(std::uint32_t call) const
{
    std::vector<std::uint32_t> out;
    const std::uint32_t arguments = m_tree.child(call, SyntaxField::Arguments);
    if (kind(arguments) != SyntaxKind::ArgumentList)
        return out;
    for (std::uint32_t c = node(arguments).firstChild; c != SyntaxNode::kNone; c = node(c).nextSibling) {
        if (kind(c) == SyntaxKind::ListSplat)
            break; // *args: later positions are unknown
        if (kind(c) != SyntaxKind::KeywordArgument && kind(c) != SyntaxKind::DictionarySplat)
            out.push_back(c);
    }
    return out;
}

std::uint32_t Walker::argument(std::uint32_t call, int position, std::string_view keywords) const
{
    const std::uint32_t arguments = m_tree.child(call, SyntaxField::Arguments);
    if (kind(arguments) != SyntaxKind::ArgumentList)
        return SyntaxNode::kNone;
    for (std::uint32_t c = node(arguments).firstChild; c != SyntaxNode::kNone; c = node(c).nextSibling) {
        const std::uint32_t name = m_tree.child(c, SyntaxField::Name);
        if (kind(c) != SyntaxKind::KeywordArgument || name == SyntaxNode::kNone)
            continue;
        for (std::size_t start = 0; start < keywords.size();) {
            const std::size_t end = std::min(keywords.find(',', start), keywords.size());
            if (keywords.substr(start, end - start) == textOf(name))
                return m_tree.child(c, SyntaxField::Value);
            start = end + 1;
        }
    }
    const std::vector<std::uint32_t> values = positionals(call);
    return position >= 0 && std::size_t(position) < values.size() ? values[std::size_t(position)]
                                                                  : SyntaxNode::kNone;
}

std::optional<std::string> Walker::text(std::uint32_t n, int depth) const
{
    std::optional<Value> value = evaluate(n, depth);
    return value ? std::move(value->text) : std::nullopt;
}

std::optional<Value> Walker::evaluate(std::uint32_t n, int depth) const
{
    if (n == SyntaxNode::kNone || depth > kMaxDepth)
        return std::nullopt;
    switch (kind(n)) {
    case SyntaxKind::String:
        if (auto value = stringValue(n, depth))
            return Value {std::move(value), false};
        return std::nullopt;
    case SyntaxKind::ConcatenatedString: {
        std::string joined;
        for (std::uint32_t c = node(n).firstChild; c != SyntaxNode::kNone; c = node(c).nextSibling) {
            const auto part = stringValue(c, depth + 1);
            if (!part)
                return std::nullopt;
            joined += *part;
        }
        return Value {std::move(joined), false};
    }
    case SyntaxKind::Identifier: {
        const auto it = m_constants.find(textOf(n));
        return it == m_constants.end() ? std::nullopt : std::optional<Value>(it->second);
    }
    case SyntaxKind::ParenthesizedExpression:
        return evaluate(node(n).firstChild, depth + 1);
    case SyntaxKind::Call:
        return evaluateCall(n, depth + 1);
    case SyntaxKind::Other:
        return evaluateBinary(n, depth + 1);
    default:
        return std::nullopt;
    }
}

std::optional<Value> Walker::evaluateCall(std::uint32_t n, int depth) const
{
    const Callee called = callee(m_tree.child(n, SyntaxField::Function));
    std::vector<std::optional<std::string>> texts;
    for (std::uint32_t arg : positionals(n))
        texts.push_back(text(arg, depth));
    const bool allKnown
        = std::all_of(texts.begin(), texts.end(), [](const auto &t) { return t.has_value(); });
    if (isPathConstructor(called.name) || called.name == "os.path.join") {
        const bool path = called.name != "os.path.join";
        if (!allKnown || (!path && texts.empty()))
            return Value {std::nullopt, path};
        std::string joined = path ? "." : *texts.front();
        for (std::size_t i = path ? 0 : 1; i < texts.size(); ++i)
            joined = joinPath(joined, *texts[i]);
        return Value {path ? normalPath(joined) : joined, path};
    }
    if (called.name == "pathlib.Path.home")
        return Value {"~", true};
    if (called.name == "pathlib.Path.cwd")
        return Value {".", true};
    if (called.name == "str" || called.name == "os.fspath" || called.name == "os.path.expanduser"
        || called.name == "os.path.normpath") {
        if (texts.size() != 1 || !texts.front())
            return std::nullopt;
        return Value {texts.front(), false};
    }
    if (called.method.empty())
        return std::nullopt;
    const std::optional<Value> receiver = evaluate(called.receiver, depth);
    if (!receiver || !receiver->path)
        return std::nullopt;
    if (called.method == "joinpath") {
        if (!allKnown || !receiver->text)
            return Value {std::nullopt, true};
        std::string joined = *receiver->text;
        for (const auto &part : texts)
            joined = joinPath(joined, *part);
        return Value {normalPath(joined), true};
    }
    if (called.method == "resolve" || called.method == "absolute" || called.method == "expanduser")
        return receiver;
    return std::nullopt;
}

std::optional<Value> Walker::evaluateBinary(std::uint32_t n, int depth) const
{
    // binary_operator is a node of kind Other with left and right fields; its operator is the
    // text between them.
    const std::uint32_t left = m_tree.child(n, SyntaxField::Left);
    const std::uint32_t right = m_tree.child(n, SyntaxField::Right);
    if (left == SyntaxNode::kNone || right == SyntaxNode::kNone)
        return std::nullopt;
    const std::string_view op = trimmed(m_text.substr(node(left).end, node(right).start - node(left).end));
    const std::optional<Value> a = evaluate(left, depth);
    const std::optional<Value> b = evaluate(right, depth);
    if (op == "/" && ((a && a->path) || (b && b->path))) {
        if (!a || !b || !a->text || !b->text)
            return Value {std::nullopt, true};
        return Value {normalPath(joinPath(*a->text, *b->text)), true};
    }
    if (op == "+" && a && b && a->text && b->text && !a->path && !b->path)
        return Value {*a->text + *b->text, false};
    return std::nullopt;
}

std::optional<std::string> Walker::stringValue(std::uint32_t n, int depth) const
{
    if (kind(n) != SyntaxKind::String)
        return std::nullopt;
    const std::string_view whole = textOf(n);
    const std::size_t quote = whole.find_first_of("'\"");
    if (quote == std::string_view::npos)
        return std::nullopt;
    std::string prefix(whole.substr(0, quote));
    for (char &c : prefix)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    const std::string_view opening = whole.substr(quote, 3);
    const std::size_t quoteLength = opening == "'''" || opening == "\"\"\"" ? 3 : 1;
    if (whole.size() < quote + 2 * quoteLength)
        return std::nullopt;
    const bool raw = prefix.find('r') != std::string::npos;
    const bool formatted = prefix.find('f') != std::string::npos;
    const auto bodyStart = std::uint32_t(node(n).start + quote + quoteLength);
    const auto bodyEnd = std::uint32_t(node(n).end - quoteLength);
    const auto literal = [&](std::uint32_t from, std::uint32_t to) {
        const std::string_view piece = m_text.substr(from, to > from ? to - from : 0);
        const std::string braces = formatted ? unbrace(piece) : std::string(piece);
        return raw ? braces : unescape(braces);
    };
    std::string out;
    std::uint32_t at = bodyStart;
    for (std::uint32_t c = node(n).firstChild; c != SyntaxNode::kNone; c = node(c).nextSibling) {
        if (kind(c) != SyntaxKind::Interpolation)
            continue;
        const std::uint32_t expression = node(c).firstChild;
        // A conversion or format spec (`{x!r}`, `{i:02d}`) changes the text: not followed.
        if (expression == SyntaxNode::kNone || node(expression).nextSibling != SyntaxNode::kNone)
            return std::nullopt;
        const std::optional<std::string> value = text(expression, depth + 1);
        if (!value)
            return std::nullopt;
        out += literal(at, node(c).start) + *value;
        at = node(c).end;
    }
    return out + literal(at, bodyEnd);
}

bool Walker::isBoundTarget(std::uint32_t n) const
{
    std::uint32_t current = n;
    std::uint32_t parent = node(n).parent;
    while (parent != SyntaxNode::kNone) {
        const SyntaxKind k = kind(parent);
        if (k != SyntaxKind::PatternList && k != SyntaxKind::TuplePattern && k != SyntaxKind::ListPattern
            && k != SyntaxKind::Tuple && k != SyntaxKind::List && k != SyntaxKind::ParenthesizedExpression
            && k != SyntaxKind::ListSplatPattern && k != SyntaxKind::ExpressionList)
            break;
        current = parent;
        parent = node(parent).parent;
    }
    const SyntaxKind k = kind(parent);
    const SyntaxField field = node(current).field;
    if (field == SyntaxField::Left)
        return k == SyntaxKind::Assignment || k == SyntaxKind::AugmentedAssignment
            || k == SyntaxKind::ForStatement;
    if (field == SyntaxField::Name)
        return k == SyntaxKind::NamedExpression || k == SyntaxKind::FunctionDefinition
            || k == SyntaxKind::ClassDefinition;
    return k == SyntaxKind::AsPatternTarget;
}

/// `NAME = value` at module level makes NAME a constant when its value is known; any other
/// binding of a name forgets it.
void Walker::noteBindings(std::uint32_t statement)
{
    const std::uint32_t assignment = node(statement).firstChild;
    if (kind(statement) == SyntaxKind::ExpressionStatement && kind(assignment) == SyntaxKind::Assignment
        && node(assignment).nextSibling == SyntaxNode::kNone) {
        std::vector<std::uint32_t> targets {m_tree.child(assignment, SyntaxField::Left)};
        std::uint32_t value = m_tree.child(assignment, SyntaxField::Right);
        while (kind(value) == SyntaxKind::Assignment) { // a = b = 'x'
            targets.push_back(m_tree.child(value, SyntaxField::Left));
            value = m_tree.child(value, SyntaxField::Right);
        }
        if (targets.size() == 1 && kind(targets.front()) == SyntaxKind::Identifier) {
            if (value == SyntaxNode::kNone)
                return; // an annotation binds nothing
            if (std::optional<Value> known = evaluate(value))
                m_constants[std::string(textOf(targets.front()))] = std::move(*known);
            else
                m_constants.erase(std::string(textOf(targets.front())));
            return;
        }
    }
    const std::uint32_t end = node(statement).nextSibling == SyntaxNode::kNone
        ? std::uint32_t(m_tree.nodes().size())
        : node(statement).nextSibling;
    for (std::uint32_t n = statement; n < end; ++n) {
        if (kind(n) == SyntaxKind::Identifier && isBoundTarget(n))
            m_constants.erase(std::string(textOf(n)));
    }
}

void Walker::noteCall(std::uint32_t call)
{
    const Callee called = callee(m_tree.child(call, SyntaxField::Function));
    for (const KnownCall *known = match(called); known; known = match(called, known))
        noteAccess(call, called, *known);
}

void Walker::noteAccess(std::uint32_t call, const Callee &called, const KnownCall &knownCall)
{
    const KnownCall *known = &knownCall;
    std::optional<Value> value;
    std::uint32_t target = SyntaxNode::kNone;
    if (known->at != TargetAt::Argument) {
        target = called.receiver;
        value = evaluate(target);
        if (known->at == TargetAt::PathReceiver && !(value && value->path))
            return; // .open() or .glob() of something not proved to be a Path
    } else if (target = argument(call, known->position, known->keywords); target != SyntaxNode::kNone) {
        // A file object or buffer made right there is no target: the open() inside is listed.
        if (kind(target) == SyntaxKind::Call) {
            const Callee inner = callee(m_tree.child(target, SyntaxField::Function));
            const KnownCall *innerKnown = match(inner);
            if ((innerKnown && innerKnown->kind == "file") || inner.name == "io.StringIO"
                || inner.name == "io.BytesIO")
                return;
        }
        value = evaluate(target);
    } else if (!known->defaultTarget.empty()) {
        value = Value {std::string(known->defaultTarget), false};
    } else {
        return; // df.to_csv() returns text: nothing is written
    }
    Direction direction = known->direction;
    if (known->modePosition >= 0) {
        const std::optional<std::string> mode = text(argument(call, known->modePosition, "mode"), 0);
        direction
            = mode && mode->find_first_of("wax") != std::string::npos ? Direction::Write : Direction::Read;
    }
    record(call, target, *known, direction, value);
    if (direction == Direction::Read && FrameTracker::isTabular(known->call)) {
        frames.noteRead(result.io.size() - 1, call, known->call,
            [this](std::uint32_t c, int position, std::string_view keywords) {
                return argument(c, position, keywords);
            });
    }
}

void Walker::record(std::uint32_t call, std::uint32_t target, const KnownCall &known, Direction direction,
    const std::optional<Value> &value)
{
    IoAccess access;
    access.cell = m_cell;
    access.cellId = m_notebook.cells[std::size_t(m_cell)].id;
    m_map->position(node(call).start, access.line, access.column);
    if (target != SyntaxNode::kNone)
        access.targetRange = m_map->range(node(target).start, node(target).end);
    access.direction = direction == Direction::Read ? "read" : "write";
    access.call = std::string(known.call);
    access.kind = "computed";
    std::uint32_t checked = SyntaxNode::kNone;
    bool stops = false; // the notebook raises or exits when the input is absent
    access.optional = direction == Direction::Read && guarded(call, target, checked, stops);
    if (checked != SyntaxNode::kNone)
        access.guardRange = m_map->range(node(checked).start, node(checked).end);
    if (value && value->text) {
        const std::string &target = *value->text;
        const bool url = isUrl(target);
        access.target = url ? withoutCredentials(target) : target;
        access.kind = known.kind == "database" ? "database" : url ? "url" : std::string(known.kind);
        access.absolute = !url && isAbsolutePath(target);
        if (!url && !access.absolute && !m_folder.empty() && target != ":memory:" && !target.empty()) {
            const QFileInfo info(QString::fromStdString(
                m_folder + '/' + (access.kind == "directory" ? patternFolder(target) : target)));
            access.exists = info.exists();
            if (info.isFile())
                access.size = info.size();
        }
    }
    const auto message = [&](const char *id) {
        return Message(id)
            .cell("cell", m_cell)
            .arg("access", "io." + access.direction + (access.target ? "-target" : "-call"))
            .arg("target", access.target.value_or(std::string()))
            .arg("call", access.call);
    };
    if (access.absolute)
        addFinding(access, "hardcoded-path", message("hardcoded-path"));
    if (direction == Direction::Write && access.target)
        m_written.insert(*access.target);
    // A read the notebook skips or survives when its file is absent is no reason to fail; one
    // behind a raise or an exit still stops the run, only with a clearer message.
    if (direction == Direction::Read && access.exists == false && access.kind != "database"
        && (!access.optional || stops) && !writtenEarlier(access))
        addFinding(access, "missing-input", message("missing-input"));
    if (direction == Direction::Read && (access.kind == "url" || (!access.target && known.kind == "url")))
        addFinding(
            access, "network-input", message(access.target ? "network-input" : "network-input.runtime-url"));
    result.io.push_back(std::move(access));
}

/// Whether the notebook wrote the file, or a file inside the folder, before reading it.
bool Walker::writtenEarlier(const IoAccess &access) const
{
    if (m_written.count(*access.target))
        return true;
    std::string folder = access.kind == "directory" ? patternFolder(*access.target) : std::string();
    if (folder.empty())
        return false;
    if (!folder.ends_with('/'))
        folder += '/';
    return std::any_of(m_written.begin(), m_written.end(),
        [&](const std::string &written) { return written.starts_with(folder) || folder == "./"; });
}

/// Whether the read at `call` runs only when its target exists, or its failure is caught;
/// `checked` becomes the path expression of the existence check that guards it, if one does, and
/// `stops` whether that check raises or exits (rather than returns) when the target is absent.
bool Walker::guarded(std::uint32_t call, std::uint32_t target, std::uint32_t &checked, bool &stops) const
{
    for (std::uint32_t n = call; n != SyntaxNode::kNone; n = node(n).parent) {
        const std::uint32_t parent = node(n).parent;
        if (kind(parent) == SyntaxKind::Block || kind(parent) == SyntaxKind::Module) {
            checked = exitUnlessExists(parent, n, target, stops);
            if (checked != SyntaxNode::kNone)
                return true;
        }
        if (kind(n) != SyntaxKind::Block || parent == SyntaxNode::kNone)
            continue;
        if (kind(parent) == SyntaxKind::IfStatement && node(n).field == SyntaxField::Consequence) {
            checked = checkedPath(m_tree.child(parent, SyntaxField::Condition), target);
            if (checked != SyntaxNode::kNone)
                return true;
        }
        if (kind(parent) == SyntaxKind::TryStatement && node(n).field == SyntaxField::Body
            && catchesMissingFile(parent))
            return true;
    }
    return false;
}

/// The path expression `condition` checks with os.path.exists/isfile, or calls `.exists()` /
/// `.is_file()` on, when it is `target` (the same resolved path or the same source text) and the
/// check is not negated; kNone otherwise.
std::uint32_t Walker::checkedPath(std::uint32_t condition, std::uint32_t target) const
{
    if (condition == SyntaxNode::kNone || target == SyntaxNode::kNone
        || textOf(condition).starts_with("not "))
        return SyntaxNode::kNone;
    const std::optional<std::string> path = text(target, 0);
    const auto same = [&](std::uint32_t other) {
        if (other == SyntaxNode::kNone)
            return false;
        if (textOf(other) == textOf(target))
            return true;
        const std::optional<std::string> otherPath = text(other, 0);
        return path && otherPath && normalPath(*path) == normalPath(*otherPath);
    };
    // Nodes are stored in document order: the condition's subtree starts at it.
    for (std::uint32_t n = condition; n < m_tree.nodes().size() && node(n).start < node(condition).end; ++n) {
        if (kind(n) != SyntaxKind::Call)
            continue;
        const Callee called = callee(m_tree.child(n, SyntaxField::Function));
        const std::uint32_t argument = this->argument(n, 0, "path");
        if ((called.name == "os.path.exists" || called.name == "os.path.isfile") && same(argument))
            return argument;
        if ((called.method == "exists" || called.method == "is_file") && same(called.receiver))
            return called.receiver;
    }
    return SyntaxNode::kNone;
}

/// The path expression an earlier statement of `block` (before `statement`) checks in
/// `if not os.path.exists(P):` ending in return, raise or sys.exit(): what follows runs only
/// when `target` exists. kNone when no statement does.
std::uint32_t Walker::exitUnlessExists(
    std::uint32_t block, std::uint32_t statement, std::uint32_t target, bool &stops) const
{
    for (std::uint32_t s = node(block).firstChild; s != statement && s != SyntaxNode::kNone;
         s = node(s).nextSibling) {
        const std::uint32_t condition = m_tree.child(s, SyntaxField::Condition);
        const std::uint32_t body = m_tree.child(s, SyntaxField::Consequence);
        if (kind(s) != SyntaxKind::IfStatement || condition == SyntaxNode::kNone || body == SyntaxNode::kNone
            || !textOf(condition).starts_with("not ") || node(body).lastChild == SyntaxNode::kNone)
            continue;
        const std::uint32_t last = node(body).lastChild;
        const bool exits = kind(last) == SyntaxKind::ReturnStatement || textOf(last) == "raise"
            || textOf(last).starts_with("raise ") || textOf(last).starts_with("sys.exit(");
        // The negation's operand is its only named child.
        const std::uint32_t checked
            = exits ? checkedPath(node(condition).firstChild, target) : SyntaxNode::kNone;
        if (checked != SyntaxNode::kNone) {
            stops = kind(last) != SyntaxKind::ReturnStatement;
            return checked;
        }
    }
    return SyntaxNode::kNone;
}

/// Whether a handler of `tryStatement` catches a missing file: FileNotFoundError, OSError or
/// IOError by name, Exception or BaseException, or anything (a bare `except:`).
bool Walker::catchesMissingFile(std::uint32_t tryStatement) const
{
    for (std::uint32_t c = node(tryStatement).firstChild; c != SyntaxNode::kNone; c = node(c).nextSibling) {
        if (kind(c) != SyntaxKind::ExceptClause)
            continue;
        // The handler's head (the types before its block) runs from the clause in document order.
        bool named = false;
        for (std::uint32_t n = c + 1; n < m_tree.nodes().size() && kind(n) != SyntaxKind::Block; ++n) {
            const std::string_view name = textOf(n);
            named = named || kind(n) == SyntaxKind::Identifier;
            if (kind(n) == SyntaxKind::Identifier
                && (name == "FileNotFoundError" || name == "OSError" || name == "IOError"
                    || name == "Exception" || name == "BaseException"))
                return true;
        }
        if (!named)
            return true;
    }
    return false;
}

void Walker::addFinding(const IoAccess &access, std::string rule, Message message)
{
    Finding finding;
    finding.rule = std::move(rule);
    finding.severity = Severity::Warning;
    finding.cell = access.cell;
    finding.cellId = access.cellId;
    finding.line = access.line;
    finding.column = access.column;
    finding.setMessage(std::move(message));
    result.findings.push_back(std::move(finding));
}

void Walker::walkCell(int index)
{
    const Cell &cell = m_notebook.cells[std::size_t(index)];
    const SourceMap map(cell.source);
    const PrePassResult prepass = IPythonPrePass::run(cell.source, map);
    if (!prepass.isPython || !m_tree.parse(prepass.python, 2.0) || m_tree.root() == SyntaxNode::kNone)
        return;
    m_text = prepass.python;
    m_map = &map;
    m_cell = index;
    frames.startCell(m_tree, m_text, map, index, [this](std::uint32_t n) { return text(n, 0); });
    // Nodes are stored in document order: a statement's subtree runs up to its next sibling.
    const auto nodeCount = std::uint32_t(m_tree.nodes().size());
    for (std::uint32_t s = node(m_tree.root()).firstChild; s != SyntaxNode::kNone; s = node(s).nextSibling) {
        const std::uint32_t end = node(s).nextSibling == SyntaxNode::kNone ? nodeCount : node(s).nextSibling;
        for (std::uint32_t n = s; n < end; ++n) {
            if (kind(n) == SyntaxKind::ImportStatement || kind(n) == SyntaxKind::ImportFromStatement)
                noteImport(n);
            else if (kind(n) == SyntaxKind::Call)
                noteCall(n);
            frames.noteNode(n);
        }
        noteBindings(s);
        frames.noteStatement(s, node(s).nextSibling == SyntaxNode::kNone);
    }
    m_map = nullptr;
    m_text = {};
}

} // namespace

IoInventory::Result IoInventory::analyze(
    const Notebook &notebook, const std::vector<CellSymbols> &cells, const std::string &folder)
{
    Walker walker(notebook, folder);
    for (std::size_t c = 0; c < notebook.cells.size(); ++c) {
        const bool analysed = c < cells.size() && cells[c].isPython
            && std::none_of(cells[c].opaque.begin(), cells[c].opaque.end(),
                [](const OpaqueConstruct &o) { return o.kind == OpaqueConstruct::Kind::NotAnalysed; });
        if (notebook.cells[c].isCode() && analysed)
            walker.walkCell(int(c));
    }
    walker.result.frames = std::move(walker.frames.frames);
    return std::move(walker.result);
}

} // namespace tassel
