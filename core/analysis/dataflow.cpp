#include "analysis/dataflow.h"

#include "analysis/executionorder.h"
#include "python/linescanner.h"
#include "python/starimportnames.h"

#include <algorithm>
#include <map>
#include <queue>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace tassel {

namespace {

std::string quoted(const std::string &name)
{
    return '`' + name + '`';
}

/// A name a cell needs from before it runs: read directly, or read by a notebook function
/// the cell calls (then `via` names the function).
struct Need
{
    std::string name;
    SourceRange range;
    std::string via;
    int viaDefinedIn = -1;
};

/// Which cell last wrote each name while cells run in some order.
struct Namespace
{
    std::unordered_map<std::string, int> lastWriter;
    std::unordered_map<std::string, std::pair<int, const DeferredScope *>> functions;
    std::unordered_map<std::string, int> deletedBy;
};

/// A notebook function a cell runs: called by the cell (`call`), or by a function it calls.
struct Callee
{
    const DeferredScope *scope = nullptr;
    int definedIn = -1;
    const NameRef *call = nullptr; ///< the cell's call that leads to it
};

bool before(const SourceRange &a, const SourceRange &b)
{
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
}

/// The names a star import of a well-known module binds, or nullptr (unknown module, or not one).
const std::vector<std::string> *starImportNames(const OpaqueConstruct &opaque)
{
    if (opaque.kind != OpaqueConstruct::Kind::StarImport)
        return nullptr;
    return StarImportNames::namesOf(opaque.module);
}

class Simulation
{
public:
    Simulation(const Notebook &notebook, const std::vector<CellSymbols> &symbols)
        : m_notebook(notebook)
        , m_symbols(symbols)
    {
    }

    /// Every notebook function cell `index` runs through its calls, each once, in call order;
    /// the functions known in `ns` when it runs, or defined by the cell itself.
    std::vector<Callee> calleesOf(int index, const Namespace &ns) const
    {
        const CellSymbols &cell = m_symbols[std::size_t(index)];
        std::unordered_map<std::string, const DeferredScope *> ownFunctions;
        for (const DeferredScope &scope : cell.deferred)
            ownFunctions.emplace(scope.name, &scope);
        auto lookup = [&](const std::string &name) -> std::pair<const DeferredScope *, int> {
            if (const auto own = ownFunctions.find(name); own != ownFunctions.end())
                return {own->second, index};
            if (const auto known = ns.functions.find(name); known != ns.functions.end())
                return {known->second.second, known->second.first};
            return {nullptr, -1};
        };
        std::unordered_set<std::string> ownDefines;
        for (const NameRef &d : cell.defines)
            ownDefines.insert(d.name);
        std::vector<Callee> callees;
        std::set<std::string> visited;
        for (const NameRef &call : cell.calls) {
            std::vector<std::pair<const DeferredScope *, int>> pending;
            if (const auto direct = lookup(call.name); direct.first)
                pending.push_back(direct);
            while (!pending.empty()) {
                const auto [scope, definedIn] = pending.back();
                pending.pop_back();
                if (!visited.insert(scope->name).second)
                    continue;
                callees.push_back({scope, definedIn, &call});
                for (const NameRef &free : scope->freeNames) {
                    // The cell's own binding wins when it has one (then only its own function).
                    if (ownDefines.count(free.name) == 0) {
                        if (const auto known = ns.functions.find(free.name); known != ns.functions.end())
                            pending.emplace_back(known->second.second, known->second.first);
                    } else if (const auto own = ownFunctions.find(free.name); own != ownFunctions.end()) {
                        pending.emplace_back(own->second, index);
                    }
                }
            }
        }
        return callees;
    }

    /// The names cell `index` needs, given the functions known in `ns` when it runs.
    std::vector<Need> needsOf(int index, const Namespace &ns) const
    {
        const CellSymbols &cell = m_symbols[std::size_t(index)];
        const std::vector<Callee> callees = calleesOf(index, ns);
        // A name a called function binds through `global` is defined after that call.
        std::unordered_map<std::string, SourceRange> boundByCall;
        for (const Callee &callee : callees) {
            for (const NameRef &bound : callee.scope->globalDefines)
                boundByCall.emplace(bound.name, callee.call->range);
        }
        auto provided = [&](const std::string &name, const SourceRange &at) {
            const auto call = boundByCall.find(name);
            return call != boundByCall.end() && before(call->second, at);
        };
        std::vector<Need> needs;
        std::unordered_set<std::string> seen;
        for (const NameRef &use : cell.uses) {
            if (!provided(use.name, use.range) && seen.insert(use.name).second)
                needs.push_back({use.name, use.range, {}, -1});
        }
        std::unordered_set<std::string> ownDefines;
        for (const NameRef &d : cell.defines)
            ownDefines.insert(d.name);

        // Free names of called functions, followed through functions they call in turn.
        std::unordered_set<std::string> seenViaCall;
        for (const Callee &callee : callees) {
            for (const NameRef &free : callee.scope->freeNames) {
                if (ownDefines.count(free.name) || provided(free.name, callee.call->range))
                    continue; // the calling cell, or a call before, provides it
                // A function that binds a global itself, e.g. `global sess; try: sess.close()`,
                // is taken to provide it (a first call before any definition is not followed).
                if (std::any_of(callee.scope->globalDefines.begin(), callee.scope->globalDefines.end(),
                        [&](const NameRef &bound) { return bound.name == free.name; }))
                    continue;
                // Kept even when read directly too: a `del` between the read and the call matters.
                if (seenViaCall.insert(free.name).second)
                    needs.push_back({free.name, callee.call->range, callee.call->name, callee.definedIn});
            }
        }
        return needs;
    }

    /// Names cell `index` binds when it runs in `ns`: its own, those its called functions bind
    /// through `global`, and the known names of its star imports.
    std::vector<std::string> definesOf(int index, const Namespace &ns) const
    {
        const CellSymbols &cell = m_symbols[std::size_t(index)];
        std::vector<std::string> names;
        for (const NameRef &d : cell.defines)
            names.push_back(d.name);
        for (const Callee &callee : calleesOf(index, ns)) {
            for (const NameRef &bound : callee.scope->globalDefines)
                names.push_back(bound.name);
        }
        for (const OpaqueConstruct &opaque : cell.opaque) {
            if (const auto *known = starImportNames(opaque))
                names.insert(names.end(), known->begin(), known->end());
        }
        return names;
    }

    void apply(int index, Namespace &ns) const
    {
        const CellSymbols &cell = m_symbols[std::size_t(index)];
        const std::vector<Callee> callees = calleesOf(index, ns);
        for (const std::string &name : definesOf(index, ns)) {
            ns.lastWriter[name] = index;
            ns.deletedBy.erase(name);
            ns.functions.erase(name);
        }
        for (const NameRef &m : cell.modifies)
            ns.lastWriter[m.name] = index;
        for (const DeferredScope &scope : cell.deferred)
            ns.functions[scope.name] = {index, &scope};
        auto remove = [&](const std::string &name) {
            ns.lastWriter.erase(name);
            ns.functions.erase(name);
            ns.deletedBy[name] = index;
        };
        for (const NameRef &d : cell.deletes)
            remove(d.name);
        for (const Callee &callee : callees) {
            for (const NameRef &deleted : callee.scope->globalDeletes) {
                // Bound again by the cell after the call: still defined.
                const bool rebound
                    = std::any_of(cell.defines.begin(), cell.defines.end(), [&](const NameRef &d) {
                          return d.name == deleted.name && before(callee.call->range, d.range);
                      });
                if (!rebound)
                    remove(deleted.name);
            }
        }
    }

    bool runs(int index) const
    {
        const Cell &cell = m_notebook.cells[std::size_t(index)];
        return cell.isCode() && std::size_t(index) < m_symbols.size()
            && m_symbols[std::size_t(index)].isPython;
    }

private:
    const Notebook &m_notebook;
    const std::vector<CellSymbols> &m_symbols;
};

Finding findingAt(
    const Notebook &notebook, int cell, std::string rule, Severity severity, const SourceRange &range)
{
    Finding finding;
    finding.rule = std::move(rule);
    finding.severity = severity;
    finding.cell = cell;
    finding.cellId = notebook.cells[std::size_t(cell)].id;
    finding.line = range.line;
    finding.column = range.column;
    finding.endLine = range.endLine;
    finding.endColumn = range.endColumn;
    finding.location = "source";
    return finding;
}

bool cellRan(const Cell &cell)
{
    return cell.executionCount.has_value() || !cell.outputs.empty();
}

Message opaqueExplanation(const OpaqueConstruct &opaque)
{
    switch (opaque.kind) {
    case OpaqueConstruct::Kind::RunMagic:
        return Message("opaque-code.run").arg("code", opaque.text);
    case OpaqueConstruct::Kind::StarImport:
        if (const auto *known = starImportNames(opaque))
            return Message("opaque-code.star-import-known")
                .arg("code", opaque.text)
                .arg("count", known->size());
        return Message("opaque-code.star-import").arg("code", opaque.text);
    case OpaqueConstruct::Kind::ExecEval:
        return Message("opaque-code.exec").arg("code", opaque.text);
    case OpaqueConstruct::Kind::GlobalsAccess:
        return Message("opaque-code.globals").arg("code", opaque.text);
    case OpaqueConstruct::Kind::NotAnalysed: {
        // {@reason_id} says it in the reader's language; {reason} keeps the English for reports.
        Message reason(opaque.text);
        reason.args = opaque.arguments;
        return Message("analysis-limit").arg("reason", reason.english()).nest("reason_id", reason);
    }
    case OpaqueConstruct::Kind::OtherMagic:
        break;
    }
    return Message("opaque-code").arg("code", opaque.text);
}

/// A message about `need` in cell `cell`: its name and the function that reads it (`{@via}`).
Message needMessage(const char *id, int cell, const Need &need)
{
    Message message(id);
    message.cell("cell", cell).arg("name", need.name);
    if (need.via.empty())
        return message.arg("via", "");
    const bool elsewhere = need.viaDefinedIn >= 0 && need.viaDefinedIn != cell;
    return message.arg("via", elsewhere ? "dataflow.via-defined" : "dataflow.via")
        .arg("function", need.via)
        .cell("function_cell", need.viaDefinedIn);
}

/// `a`, `b` for a message.
template <typename Names>
std::string quotedList(const Names &names)
{
    std::string list;
    for (const std::string &name : names)
        list += (list.empty() ? "" : ", ") + quoted(name);
    return list;
}

/// Dataflow::analyze's stages over one notebook; each stage reads what the stages before it left.
class Analysis
{
public:
    Analysis(const Notebook &notebook, const std::vector<CellSymbols> &symbols)
        : m_notebook(notebook)
        , m_symbols(symbols)
        , m_cellCount(int(std::min(notebook.cells.size(), symbols.size())))
        , m_simulation(notebook, symbols)
        , m_providerOf(std::size_t(m_cellCount))
        , m_needsOf(std::size_t(m_cellCount))
    {
    }

    Dataflow::Result run();

private:
    /// In which order of running an edge was seen (bits).
    static constexpr unsigned kDocument = 1;
    static constexpr unsigned kExecution = 2;
    /// Edges, keyed by (from, to): names and the orders they were seen in.
    using Edges = std::map<std::pair<int, int>, std::pair<std::set<std::string>, unsigned>>;

    void collectDefiners();
    void walkTopToBottom();
    void checkNeed(int cell, const Need &need, const Namespace &ns);
    bool deletedBeforeCall(int cell, const Need &need);
    void reportMissing(int cell, const Need &need, const Namespace &ns);
    void walkByExecutionCount();
    void addEdge(int from, int to, const std::string &name, unsigned order);
    void writeDependencies();
    void findStaleOutputs();
    void findOutputsWithoutCode();
    void findUnexecutedProviders();
    void findUnexecutedProvider(int cell);
    void findStatefulCells();
    void writeVerdict();
    void suggestOrder();
    int providerFor(int cell, const std::string &name) const;

    const CellSymbols &symbolsOf(int cell) const { return m_symbols[std::size_t(cell)]; }
    const Cell &cellAt(int cell) const { return m_notebook.cells[std::size_t(cell)]; }
    Finding findingAt(int cell, std::string rule, Severity severity, const SourceRange &range) const
    {
        return tassel::findingAt(m_notebook, cell, std::move(rule), severity, range);
    }
    void add(Finding finding) { m_result.findings.push_back(std::move(finding)); }

    const Notebook &m_notebook;
    const std::vector<CellSymbols> &m_symbols;
    const int m_cellCount;
    const Simulation m_simulation;
    Dataflow::Result m_result;
    /// Every cell that binds each name, for "defined later" and suggested-order questions.
    std::unordered_map<std::string, std::vector<int>> m_definers;
    int m_firstOpaqueCell = -1;
    Edges m_edges;
    /// m_providerOf[cell][name] = the cell whose value of `name` this cell sees top to bottom.
    std::vector<std::unordered_map<std::string, int>> m_providerOf;
    std::vector<std::vector<Need>> m_needsOf;
    std::set<std::pair<int, std::string>> m_reported;
    int m_useBeforeDefinition = 0;
    int m_undefinedNames = 0;
    int m_staleCells = 0;
    int m_unexecutedCells = 0;
};

Dataflow::Result Analysis::run()
{
    collectDefiners();
    walkTopToBottom();
    walkByExecutionCount();
    writeDependencies();
    findStaleOutputs();
    findOutputsWithoutCode();
    findUnexecutedProviders();
    findStatefulCells();
    writeVerdict();
    if (m_useBeforeDefinition > 0)
        suggestOrder();
    std::stable_sort(
        m_result.findings.begin(), m_result.findings.end(), [](const Finding &a, const Finding &b) {
            return std::tie(a.cell, a.line, a.column) < std::tie(b.cell, b.line, b.column);
        });
    return std::move(m_result);
}

/// Who binds each name, in document order, and the first cell whose code the analysis cannot see
/// through.
void Analysis::collectDefiners()
{
    Namespace documentOrder;
    for (int i = 0; i < m_cellCount; ++i) {
        if (!m_simulation.runs(i))
            continue;
        for (const std::string &name : m_simulation.definesOf(i, documentOrder)) {
            auto &cells = m_definers[name];
            if (cells.empty() || cells.back() != i)
                cells.push_back(i);
        }
        m_simulation.apply(i, documentOrder);
        for (const OpaqueConstruct &opaque : symbolsOf(i).opaque) {
            if (opaque.kind != OpaqueConstruct::Kind::OtherMagic && m_firstOpaqueCell < 0)
                m_firstOpaqueCell = i;
        }
    }
}

void Analysis::addEdge(int from, int to, const std::string &name, unsigned order)
{
    if (from == to)
        return;
    auto &edge = m_edges[{from, to}];
    edge.first.insert(name);
    edge.second |= order;
}

/// Runs the cells top to bottom: each need is met by an earlier cell (an edge) or reported.
void Analysis::walkTopToBottom()
{
    Namespace ns;
    for (int i = 0; i < m_cellCount; ++i) {
        if (!m_simulation.runs(i))
            continue;
        m_needsOf[std::size_t(i)] = m_simulation.needsOf(i, ns);
        for (const Need &need : m_needsOf[std::size_t(i)])
            checkNeed(i, need, ns);
        m_simulation.apply(i, ns);
    }
}

void Analysis::checkNeed(int cell, const Need &need, const Namespace &ns)
{
    if (!need.via.empty() && deletedBeforeCall(cell, need))
        return;
    if (const auto writer = ns.lastWriter.find(need.name); writer != ns.lastWriter.end()) {
        m_providerOf[std::size_t(cell)][need.name] = writer->second;
        addEdge(writer->second, cell, need.name, kDocument);
        return;
    }
    // A binding earlier in this cell that may not have run (in a branch or a loop, as
    // `if step >= best: best_weights = ...` then `set_weights(best_weights)`): the read
    // may see it, so it is no certain NameError.
    const std::vector<NameRef> &defines = symbolsOf(cell).defines;
    const bool maybeBoundHere = need.via.empty()
        && std::any_of(defines.begin(), defines.end(),
            [&](const NameRef &d) { return d.name == need.name && before(d.range, need.range); });
    if (maybeBoundHere || !m_reported.insert({cell, need.name}).second)
        return;
    reportMissing(cell, need, ns);
}

/// `del x` earlier in this cell, then a call of a function that reads x: reported once, and the
/// need is settled.
bool Analysis::deletedBeforeCall(int cell, const Need &need)
{
    const std::vector<NameRef> &deletes = symbolsOf(cell).deletes;
    const auto deletedHere = std::find_if(deletes.begin(), deletes.end(),
        [&](const NameRef &d) { return d.name == need.name && before(d.range, need.range); });
    if (deletedHere == deletes.end())
        return false;
    if (m_reported.insert({cell, need.name}).second) {
        Finding finding = findingAt(cell, "undefined-name", Severity::Error, need.range);
        finding.names = {need.name};
        finding.setMessage(needMessage("undefined-name.deleted-then-called", cell, need)
                               .arg("deleted_line", deletedHere->range.line));
        add(std::move(finding));
        ++m_undefinedNames;
    }
    return true;
}

/// A need no earlier cell meets: defined later (or only later in this cell), deleted, or nowhere.
void Analysis::reportMissing(int cell, const Need &need, const Namespace &ns)
{
    const auto defined = m_definers.find(need.name);
    std::vector<int> later;
    bool definedHereOnly = false;
    if (defined != m_definers.end()) {
        for (int d : defined->second) {
            if (d > cell)
                later.push_back(d);
            else if (d == cell)
                definedHereOnly = true;
        }
    }
    const auto deleted = ns.deletedBy.find(need.name);
    if (!later.empty() || definedHereOnly) {
        Finding finding = findingAt(cell, "use-before-definition", Severity::Error, need.range);
        finding.names = {need.name};
        finding.relatedCells = later;
        if (!later.empty())
            finding.setMessage(needMessage("use-before-definition", cell, need).cells("later", later));
        else
            finding.setMessage(needMessage("use-before-definition.same-cell", cell, need));
        add(std::move(finding));
        ++m_useBeforeDefinition;
    } else if (deleted != ns.deletedBy.end()) {
        Finding finding = findingAt(cell, "undefined-name", Severity::Error, need.range);
        finding.names = {need.name};
        finding.relatedCells = {deleted->second};
        finding.setMessage(
            needMessage("undefined-name.deleted", cell, need).cell("deleted_by", deleted->second));
        add(std::move(finding));
        ++m_undefinedNames;
    } else if (m_firstOpaqueCell < 0 || m_firstOpaqueCell > cell) {
        const bool ran = cellRan(cellAt(cell));
        Finding finding
            = findingAt(cell, "undefined-name", ran ? Severity::Error : Severity::Warning, need.range);
        finding.names = {need.name};
        finding.setMessage(needMessage(ran ? "undefined-name.ran" : "undefined-name", cell, need));
        add(std::move(finding));
        ++m_undefinedNames;
    }
}

/// Runs the executed cells by execution count: the edges of the order the notebook last ran in.
void Analysis::walkByExecutionCount()
{
    Namespace ns;
    for (int i : ExecutionOrder::executedCellsByCount(m_notebook)) {
        if (i >= m_cellCount || !m_simulation.runs(i))
            continue;
        for (const Need &need : m_simulation.needsOf(i, ns)) {
            if (const auto writer = ns.lastWriter.find(need.name); writer != ns.lastWriter.end())
                addEdge(writer->second, i, need.name, kExecution);
        }
        m_simulation.apply(i, ns);
    }
}

void Analysis::writeDependencies()
{
    for (const auto &[key, value] : m_edges) {
        Dependency dependency;
        dependency.from = key.first;
        dependency.to = key.second;
        dependency.names.assign(value.first.begin(), value.first.end());
        dependency.order = value.second == (kDocument | kExecution) ? "both"
            : value.second == kDocument                             ? "document"
                                                                    : "execution";
        m_result.dependencies.push_back(std::move(dependency));
    }
}

/// Stale outputs: a provider re-ran after this cell produced its outputs.
void Analysis::findStaleOutputs()
{
    for (int i = 0; i < m_cellCount; ++i) {
        const Cell &cell = cellAt(i);
        if (!m_simulation.runs(i) || !cell.executionCount || cell.outputs.empty())
            continue;
        std::map<int, std::vector<std::string>> newerProviders;
        for (const auto &[name, provider] : m_providerOf[std::size_t(i)]) {
            const Cell &source = cellAt(provider);
            if (source.executionCount && *source.executionCount > *cell.executionCount)
                newerProviders[provider].push_back(name);
        }
        if (newerProviders.empty())
            continue;
        ++m_staleCells;
        Finding finding = findingAt(i, "stale-output", Severity::Warning, {});
        Message message("stale-output");
        message.cell("cell", i).arg("count", *cell.executionCount);
        for (auto &[provider, names] : newerProviders) {
            std::sort(names.begin(), names.end());
            finding.relatedCells.push_back(provider);
            for (const auto &name : names)
                finding.names.push_back(name);
            message.part("providers",
                Message("stale-output.provider")
                    .cell("provider", provider)
                    .arg("provider_count", *cellAt(provider).executionCount)
                    .arg("names", quotedList(names)));
        }
        finding.setMessage(std::move(message));
        add(std::move(finding));
    }
}

/// Outputs without the code that made them (exercise notebooks strip their solutions).
void Analysis::findOutputsWithoutCode()
{
    for (int i = 0; i < m_cellCount; ++i) {
        const Cell &cell = cellAt(i);
        if (!cell.isCode() || cell.outputs.empty() || LineScanner::hasCode(cell.source))
            continue;
        ++m_staleCells;
        Finding finding = findingAt(i, "stale-output", Severity::Warning, {});
        finding.setMessage(
            Message("stale-output.no-code").cell("cell", i).arg("outputs", cell.outputs.size()));
        add(std::move(finding));
    }
}

/// Unexecuted cells that executed cells below depend on (only in a notebook that ran at all).
void Analysis::findUnexecutedProviders()
{
    const bool anyExecuted = std::any_of(m_notebook.cells.begin(), m_notebook.cells.end(),
        [](const Cell &c) { return c.isCode() && c.executionCount; });
    if (!anyExecuted)
        return;
    for (int u = 0; u < m_cellCount; ++u) {
        if (m_simulation.runs(u) && !cellAt(u).executionCount)
            findUnexecutedProvider(u);
    }
}

void Analysis::findUnexecutedProvider(int cell)
{
    std::vector<int> dependants;
    std::set<std::string> names;
    for (int e = cell + 1; e < m_cellCount; ++e) {
        if (!cellAt(e).executionCount)
            continue;
        bool depends = false;
        for (const auto &[name, provider] : m_providerOf[std::size_t(e)]) {
            if (provider == cell) {
                names.insert(name);
                depends = true;
            }
        }
        if (depends)
            dependants.push_back(e);
    }
    if (dependants.empty())
        return;
    ++m_unexecutedCells;
    Finding finding = findingAt(cell, "unexecuted-cell", Severity::Warning, {});
    finding.names.assign(names.begin(), names.end());
    finding.relatedCells = dependants;
    finding.setMessage(Message("unexecuted-cell")
                           .cell("cell", cell)
                           .cells("dependants", dependants)
                           .arg("names", quotedList(names)));
    add(std::move(finding));
}

/// Cells that change state each time they run, and code the analysis cannot see through.
void Analysis::findStatefulCells()
{
    for (int i = 0; i < m_cellCount; ++i) {
        if (!m_simulation.runs(i))
            continue;
        const CellSymbols &cell = symbolsOf(i);
        std::set<std::string> fromBefore;
        for (const NameRef &use : cell.uses)
            fromBefore.insert(use.name);
        std::set<std::string> done;
        for (const NameRef &modified : cell.modifies) {
            if (!fromBefore.count(modified.name) || !done.insert(modified.name).second)
                continue;
            Finding finding = findingAt(i, "non-idempotent-cell", Severity::Info, modified.range);
            finding.names = {modified.name};
            const auto provider = m_providerOf[std::size_t(i)].find(modified.name);
            if (provider != m_providerOf[std::size_t(i)].end())
                finding.relatedCells = {provider->second};
            finding.setMessage(Message("non-idempotent-cell").cell("cell", i).arg("name", modified.name));
            add(std::move(finding));
        }
        for (const OpaqueConstruct &opaque : cell.opaque) {
            const bool skipped = opaque.kind == OpaqueConstruct::Kind::NotAnalysed;
            Finding finding = findingAt(i, skipped ? "analysis-limit" : "opaque-code",
                skipped ? Severity::Warning : Severity::Info, opaque.range);
            finding.setMessage(opaqueExplanation(opaque));
            add(std::move(finding));
        }
    }
}

void Analysis::writeVerdict()
{
    Verdict &verdict = m_result.verdict;
    verdict.reproducibleTopToBottom
        = m_useBeforeDefinition == 0 && m_undefinedNames == 0 && m_staleCells == 0 && m_unexecutedCells == 0;
    std::vector<std::string> reasons;
    auto reason = [&](int count, const char *one, const char *many) {
        if (count > 0)
            reasons.push_back(std::to_string(count) + ' ' + (count == 1 ? one : many));
    };
    reason(m_useBeforeDefinition, "use of a name defined later", "uses of names defined later");
    reason(m_undefinedNames, "name defined nowhere", "names defined nowhere");
    reason(m_staleCells, "cell with stale outputs", "cells with stale outputs");
    reason(
        m_unexecutedCells, "never-run cell that others depend on", "never-run cells that others depend on");
    if (reasons.empty()) {
        verdict.summary = "Reproducible top to bottom: yes.";
        return;
    }
    verdict.summary = "Reproducible top to bottom: no — ";
    for (std::size_t k = 0; k < reasons.size(); ++k)
        verdict.summary += (k ? ", " : "") + reasons[k];
    verdict.summary += '.';
}

/// The cell that provides `name` to `cell` in a working order: the nearest definer above, else the
/// first one below; -1 if none.
int Analysis::providerFor(int cell, const std::string &name) const
{
    const auto defined = m_definers.find(name);
    if (defined == m_definers.end())
        return -1;
    int provider = -1;
    for (int d : defined->second) {
        if (d < cell)
            provider = d;
    }
    if (provider >= 0)
        return provider;
    for (int d : defined->second) {
        if (d > cell)
            return d;
    }
    return -1;
}

/// Kahn's algorithm over "provider before user" edges, preferring document order; a cycle is
/// broken at its first cell in document order.
void Analysis::suggestOrder()
{
    std::vector<std::set<int>> successors(static_cast<std::size_t>(m_cellCount));
    std::vector<int> indegree(std::size_t(m_cellCount), 0);
    for (int i = 0; i < m_cellCount; ++i) {
        for (const Need &need : m_needsOf[std::size_t(i)]) {
            const int provider = providerFor(i, need.name);
            if (provider >= 0 && successors[std::size_t(provider)].insert(i).second)
                ++indegree[std::size_t(i)];
        }
    }
    std::priority_queue<int, std::vector<int>, std::greater<>> ready;
    std::vector<bool> placed(std::size_t(m_cellCount), false);
    for (int i = 0; i < m_cellCount; ++i) {
        if (m_simulation.runs(i) && indegree[std::size_t(i)] == 0)
            ready.push(i);
    }
    std::vector<int> &order = m_result.verdict.suggestedOrder;
    while (true) {
        while (!ready.empty()) {
            const int next = ready.top();
            ready.pop();
            if (placed[std::size_t(next)])
                continue;
            placed[std::size_t(next)] = true;
            order.push_back(next);
            for (int successor : successors[std::size_t(next)]) {
                if (--indegree[std::size_t(successor)] == 0 && !placed[std::size_t(successor)])
                    ready.push(successor);
            }
        }
        int stuck = -1;
        for (int i = 0; i < m_cellCount && stuck < 0; ++i) {
            if (m_simulation.runs(i) && !placed[std::size_t(i)])
                stuck = i;
        }
        if (stuck < 0)
            break;
        indegree[std::size_t(stuck)] = 0;
        ready.push(stuck);
    }
}

} // namespace

Dataflow::Result Dataflow::analyze(const Notebook &notebook, const std::vector<CellSymbols> &symbols)
{
    return Analysis(notebook, symbols).run();
}

} // namespace tassel
