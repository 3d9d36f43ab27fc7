#include "analysis/gitleaksrules.h"

#include "analysis/secretscanner.h"
#include "util/text.h"
#include "util/toml.h"

#include <QFile>

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>

namespace tassel {

namespace {

/// Left out: in notebooks Tassel's keyword rule, with its placeholder filter, does this job.
constexpr std::string_view kGenericRule = "generic-api-key";
/// gitleaks rules for families Tassel has its own notebook-tuned rule for (word boundaries, public
/// keys and bare PEM headers left alone): Tassel's rule names these values, so they are reported
/// once, under one kind, with the fingerprints users already allowed.
constexpr std::array<std::pair<std::string_view, std::string_view>, 25> kCoveredByTassel = {{
    {"anthropic-admin-api-key", "anthropic-api-key"},
    {"anthropic-api-key", "anthropic-api-key"},
    {"aws-access-token", "aws-access-key-id"},
    {"databricks-api-token", "databricks-token"},
    {"gcp-api-key", "google-api-key"},
    {"github-app-token", "github-token"},
    {"github-fine-grained-pat", "github-token"},
    {"github-oauth", "github-token"},
    {"github-pat", "github-token"},
    {"github-refresh-token", "github-token"},
    {"gitlab-pat", "gitlab-token"},
    {"huggingface-access-token", "huggingface-token"},
    {"huggingface-organization-api-token", "huggingface-token"},
    {"jwt", "jwt"},
    {"openai-api-key", "openai-api-key"},
    {"private-key", "private-key"},
    {"pypi-upload-token", "pypi-token"},
    {"sendgrid-api-token", "sendgrid-api-key"},
    {"slack-app-token", "slack-token"},
    {"slack-bot-token", "slack-token"},
    {"slack-user-token", "slack-token"},
    {"slack-webhook-url", "slack-webhook"},
    {"stripe-access-token", "stripe-key"},
    {"twilio-api-key", "twilio-api-key"},
    {"pkcs12-file", ""},
}};

/// Where a rule's regex looks around one of its keywords: from the start of the keyword's line,
/// at most kBeforeKeyword bytes back (gitleaks' generated rules allow 50 bytes of name before the
/// keyword), to the end of the next line (a value below its name), or of the sixth line for rules
/// that read across lines (curl commands, base64 JWTs), at most kAfterKeyword bytes on (the
/// longest fixed-prefix tokens, 1Password service accounts, Bedrock keys, stay well inside).
constexpr std::size_t kBeforeKeyword = 128;
constexpr std::size_t kAfterKeyword = 1024;
constexpr int kLinesAfter = 1;
/// Stretches of one rule closer than this are searched as one.
constexpr std::size_t kMergeGap = 2048;
constexpr int kLinesAfterMultiLine = 5;

/// Runs of base64 characters at least this long (no space, line break or punctuation: an inline
/// image, a pickled blob) are encoded payloads. A keyword there whose whole stretch lies inside
/// the run, kBeforeKeyword bytes or more from its start and kAfterKeyword from its end, can only
/// lead to a secret inside the payload, which SecretScanner never reports (a value in a base64 run
/// of 160 bytes or more is no token): such keywords are not looked for.
constexpr std::size_t kPayloadRun = 4096;

/// The runs of kPayloadRun or more base64 characters in `text`. Each window of kPayloadRun bytes is
/// read from its end back to the first byte that is no base64, where the next window starts: in
/// ordinary text that byte is a few bytes away, so most of the text is never read.
std::vector<std::pair<std::size_t, std::size_t>> payloadRuns(std::string_view text)
{
    std::vector<std::pair<std::size_t, std::size_t>> runs;
    std::size_t start = 0;
    while (start + kPayloadRun <= text.size()) {
        std::size_t back = start + kPayloadRun;
        while (back > start && isBase64Char(text[back - 1]))
            --back;
        if (back > start) {
            start = back;
            continue;
        }
        const std::size_t end = base64RunEnd(text, start + kPayloadRun);
        runs.emplace_back(start, end);
        start = end;
    }
    return runs;
}

/// Whether a regex reads across lines by design: dot-all groups or explicit line breaks.
bool readsAcrossLines(std::string_view regex)
{
    return regex.find("(?s") != std::string_view::npos || regex.find("\\n") != std::string_view::npos
        || regex.find("\\r") != std::string_view::npos;
}

/// The stretch [begin, end) of `text` around a keyword at `offset`, as described above.
std::pair<std::size_t, std::size_t> stretchAround(
    std::string_view text, std::size_t offset, std::size_t length, int linesAfter)
{
    std::size_t begin = offset;
    const std::size_t earliest = offset > kBeforeKeyword ? offset - kBeforeKeyword : 0;
    while (begin > earliest && text[begin - 1] != '\n')
        --begin;
    const std::size_t latest = std::min(text.size(), offset + kAfterKeyword);
    std::size_t end = std::min(offset + length, latest);
    for (int line = 0; line <= linesAfter && end < latest; ++line) {
        const std::size_t newline = text.find('\n', end);
        // The line break itself belongs to the stretch: rules end a secret at \s.
        end = newline == std::string_view::npos ? latest : std::min(newline + 1, latest);
    }
    return {begin, end};
}

// RE2 speaks absl::string_view, which Debian's absl does not alias to std::string_view.
re2::StringPiece piece(std::string_view text)
{
    return re2::StringPiece(text.data(), text.size());
}

std::vector<std::string> strings(const toml::node_view<const toml::node> &node, bool lowerCase)
{
    std::vector<std::string> out;
    if (const toml::array *array = node.as_array()) {
        for (const toml::node &item : *array) {
            if (const auto text = item.value<std::string>(); text && item.is_string())
                out.push_back(lowerCase ? asciiLower(*text) : *text);
        }
    }
    return out;
}

/// One allowlist table; nothing when it cannot apply to notebooks (it needs a path or commit,
/// or has nothing but paths).
std::optional<GitleaksAllowlist> readAllowlist(const toml::table &table)
{
    GitleaksAllowlist allowlist;
    allowlist.requireAll = table["condition"].value_or(std::string()) == "AND";
    const bool needsPathOrCommit = table.contains("paths") || table.contains("commits");
    if (allowlist.requireAll && needsPathOrCommit)
        return std::nullopt;
    allowlist.regexTarget = table["regexTarget"].value_or(std::string());
    allowlist.stopwords = strings(table["stopwords"], true);
    for (std::string &pattern : strings(table["regexes"], false))
        allowlist.regexes.emplace_back(std::move(pattern));
    if (allowlist.regexes.empty() && allowlist.stopwords.empty())
        return std::nullopt;
    return allowlist;
}

/// A rule's allowlists: `[[rules.allowlists]]` (gitleaks 8.21+) or `[rules.allowlist]`.
void readAllowlists(const toml::table &table, GitleaksRule &rule)
{
    std::vector<const toml::table *> tables;
    if (const toml::table *single = table["allowlist"].as_table())
        tables.push_back(single);
    if (const toml::array *many = table["allowlists"].as_array()) {
        for (const toml::node &node : *many) {
            if (const toml::table *one = node.as_table())
                tables.push_back(one);
        }
    }
    for (const toml::table *one : tables) {
        if (auto allowlist = readAllowlist(*one))
            rule.allowlists.push_back(std::move(*allowlist));
    }
}

/// Why Tassel leaves a rule out, or nothing when it adopts it.
std::optional<std::string> leftOut(const toml::table &table, std::string_view id)
{
    if (id == kGenericRule)
        return "Tassel's keyword rule covers generic keys";
    for (const auto &[gitleaksId, tasselKind] : kCoveredByTassel) {
        if (id == gitleaksId && !tasselKind.empty())
            return "Tassel's " + std::string(tasselKind) + " rule covers this family";
    }
    if (!table.contains("regex") || table.contains("path"))
        return "matches file paths, or only in certain files (a notebook is none of them)";
    return std::nullopt;
}

/// One [[rules]] entry, its regexes not compiled yet; nothing (with `reason`) when Tassel leaves
/// it out.
std::optional<GitleaksRule> readRule(const toml::table &table, std::string *reason)
{
    GitleaksRule rule;
    rule.id = table["id"].value_or(std::string());
    if (auto why = leftOut(table, rule.id)) {
        *reason = std::move(*why);
        return std::nullopt;
    }
    rule.description = table["description"].value_or(rule.id);
    rule.regex = table["regex"].value_or(std::string());
    rule.compiled = GitleaksRegex(rule.regex);
    readAllowlists(table, rule);
    rule.secretGroup = int(table["secretGroup"].value_or(std::int64_t(0)));
    rule.entropy = table["entropy"].value_or(0.0);
    rule.keywords = strings(table["keywords"], true);
    return rule;
}

/// The lines a match touches, as gitleaks' `regexTarget = "line"` sees them.
std::string_view linesAround(std::string_view text, std::string_view match)
{
    const std::size_t begin = std::size_t(match.data() - text.data());
    const std::size_t lineBegin = begin == 0 ? 0 : text.rfind('\n', begin - 1) + 1;
    std::size_t lineEnd = text.find('\n', begin + match.size());
    if (lineEnd == std::string_view::npos)
        lineEnd = text.size();
    return text.substr(lineBegin, lineEnd - lineBegin);
}

} // namespace

struct GitleaksRegex::Compiled
{
    std::string pattern;
    std::once_flag once;
    std::unique_ptr<const re2::RE2> re;
};

GitleaksRegex::GitleaksRegex(std::string pattern)
    : m_compiled(std::make_shared<Compiled>())
{
    m_compiled->pattern = std::move(pattern);
}

const std::string &GitleaksRegex::pattern() const
{
    static const std::string none;
    return m_compiled ? m_compiled->pattern : none;
}

const re2::RE2 *GitleaksRegex::get() const
{
    if (!m_compiled)
        return nullptr;
    Compiled &c = *m_compiled;
    std::call_once(c.once, [&c] {
        re2::RE2::Options options;
        options.set_log_errors(false);
        c.re = std::make_unique<const re2::RE2>(c.pattern, options);
    });
    return c.re->ok() ? c.re.get() : nullptr;
}

std::string GitleaksRegex::error() const
{
    if (!m_compiled)
        return "no regex";
    return get() ? std::string() : m_compiled->re->error();
}

bool GitleaksAllowlist::allows(std::string_view secret, std::string_view match, std::string_view line) const
{
    const std::string_view target = regexTarget == "match" ? match : regexTarget == "line" ? line : secret;
    const bool byRegex = std::any_of(regexes.begin(), regexes.end(), [&](const GitleaksRegex &regex) {
        const re2::RE2 *re = regex.get();
        return re && RE2::PartialMatch(piece(target), *re);
    });
    bool byStopword = false;
    if (!stopwords.empty()) {
        const std::string l = asciiLower(secret);
        byStopword = std::any_of(stopwords.begin(), stopwords.end(),
            [&](const std::string &word) { return l.find(word) != std::string::npos; });
    }
    if (requireAll)
        return (regexes.empty() || byRegex) && (stopwords.empty() || byStopword);
    return byRegex || byStopword;
}

Result<GitleaksRules> GitleaksRules::parse(
    std::string_view toml, const std::string &file, const std::vector<CompanionRule> &companions)
{
    const auto document = parseToml(toml, TomlOrigin {file, 1});
    if (!document.ok())
        return document.error();
    GitleaksRules out;
    if (const toml::table *global = (*document)["allowlist"].as_table()) {
        if (auto allowlist = readAllowlist(*global))
            out.global = std::move(*allowlist);
    }
    if (const toml::array *rules = (*document)["rules"].as_array()) {
        for (const toml::node &node : *rules) {
            const toml::table *table = node.as_table();
            if (!table)
                continue;
            std::string reason;
            if (auto rule = readRule(*table, &reason))
                out.rules.push_back(std::move(*rule));
            else
                out.skipped.push_back({(*table)["id"].value_or(std::string()), reason});
        }
    }
    out.setCompanions(companions);
    return out;
}

Result<GitleaksRules> GitleaksRules::load(const std::string &path)
{
    return load(std::vector<std::string> {path});
}

Result<GitleaksRules> GitleaksRules::load(
    const std::vector<std::string> &paths, const std::vector<CompanionRule> &companions)
{
    QByteArray text;
    std::string names;
    for (const std::string &path : paths) {
        QFile file(QString::fromStdString(path));
        if (!file.open(QIODevice::ReadOnly))
            return Error {"unreadable-file", "cannot read " + path, path, 0, 0, {}};
        text += file.readAll() + '\n';
        const std::size_t slash = path.rfind('/');
        names += (names.empty() ? "" : " + ") + (slash == std::string::npos ? path : path.substr(slash + 1));
    }
    return parse(std::string_view(text.constData(), std::size_t(text.size())), names, companions);
}

std::vector<std::string> GitleaksRules::embeddedFiles()
{
    return {std::string(kEmbeddedFile), std::string(kTasselRulesFile)};
}

const GitleaksRules &GitleaksRules::embedded()
{
    static const GitleaksRules rules = [] {
        auto loaded = load(embeddedFiles(), SecretScanner::companionRules());
        // The files are part of the build; tst_secretscanner checks that all of them are read.
        if (!loaded.ok()) {
            GitleaksRules none;
            none.skipped.push_back({"*", loaded.error().toString()});
            return none;
        }
        return std::move(loaded).value();
    }();
    return rules;
}

std::vector<GitleaksRules::Skipped> GitleaksRules::refused() const
{
    std::vector<Skipped> out;
    auto checkAllowlist = [&](const std::string &id, const GitleaksAllowlist &allowlist) {
        for (const GitleaksRegex &regex : allowlist.regexes) {
            if (!regex.get())
                out.push_back({id, "RE2 refuses an allowlist regex: " + regex.error()});
        }
    };
    checkAllowlist("allowlist", global);
    for (const GitleaksRule &rule : rules) {
        const re2::RE2 *re = rule.compiled.get();
        if (!re)
            out.push_back({rule.id, "RE2 refuses its regex: " + rule.compiled.error()});
        else if (rule.secretGroup > re->NumberOfCapturingGroups())
            out.push_back({rule.id, "secretGroup names a group the regex does not have"});
        for (const GitleaksAllowlist &allowlist : rule.allowlists)
            checkAllowlist(rule.id, allowlist);
    }
    return out;
}

void GitleaksRules::setCompanions(const std::vector<CompanionRule> &companions)
{
    m_companions = companions;
    m_companions.resize(std::min<std::size_t>(m_companions.size(), 64));
    index();
}

void GitleaksRules::index()
{
    std::map<std::string, std::vector<Woken>, std::less<>> rulesOfKeyword;
    m_linesAfter.clear();
    m_keywordless.clear();
    for (std::size_t r = 0; r < rules.size(); ++r) {
        m_linesAfter.push_back(readsAcrossLines(rules[r].regex) ? kLinesAfterMultiLine : kLinesAfter);
        std::vector<std::vector<KeywordTail>> tails = keywordTails(rules[r].regex, rules[r].keywords);
        bool indexed = false;
        for (std::size_t k = 0; k < rules[r].keywords.size(); ++k) {
            const std::string &keyword = rules[r].keywords[k];
            if (!keyword.empty())
                rulesOfKeyword[keyword].push_back({r, std::move(tails[k])});
            indexed = indexed || !keyword.empty();
        }
        if (!indexed)
            m_keywordless.push_back(r);
    }
    m_keywordlessCompanions = 0;
    for (std::size_t c = 0; c < m_companions.size(); ++c) {
        const CompanionRule &companion = m_companions[c];
        std::vector<std::string> keywords;
        for (const std::string &keyword : companion.keywords) {
            if (!keyword.empty())
                keywords.push_back(asciiLower(keyword));
        }
        if (keywords.empty())
            m_keywordlessCompanions |= CompanionMask(1) << c;
        std::vector<std::vector<KeywordTail>> tails = companion.tail
            ? std::vector<std::vector<KeywordTail>>(keywords.size(), {*companion.tail})
            : keywordTails(companion.regex, keywords);
        for (std::size_t k = 0; k < keywords.size(); ++k)
            rulesOfKeyword[keywords[k]].push_back({c, std::move(tails[k]), true});
    }
    std::vector<std::string> keywords;
    m_keywordLengths.clear();
    m_rulesOfKeyword.clear();
    m_longestKeyword = 0;
    for (auto &[keyword, ruleIndexes] : rulesOfKeyword) {
        keywords.push_back(keyword);
        m_keywordLengths.push_back(keyword.size());
        m_longestKeyword = std::max(m_longestKeyword, keyword.size());
        m_rulesOfKeyword.push_back(std::move(ruleIndexes));
    }
    m_keywordFinder = KeywordFinder(keywords);
}

template <typename Visit>
void GitleaksRules::forEachWoken(
    std::string_view text, std::size_t keyword, std::size_t at, bool &cut, Visit woken) const
{
    const std::size_t after = at + m_keywordLengths[keyword];
    for (const Woken &w : m_rulesOfKeyword[keyword]) {
        bool held = w.tails.empty();
        for (std::size_t t = 0; t < w.tails.size() && !held; ++t) {
            const KeywordTail::Verdict verdict = w.tails[t].check(text, after);
            held = verdict == KeywordTail::Verdict::Held;
            cut = cut || verdict == KeywordTail::Verdict::Cut;
        }
        if (held)
            woken(w);
    }
}

GitleaksRules::Wakes GitleaksRules::wakes(std::string_view text) const
{
    Wakes wakes;
    wakes.gitleaks = !m_keywordless.empty();
    wakes.companions = m_keywordlessCompanions;
    m_keywordFinder.forEach(text, [&](std::size_t keyword, std::size_t at) {
        forEachWoken(text, keyword, at, wakes.cut, [&](const Woken &woken) {
            if (woken.companion)
                wakes.companions |= CompanionMask(1) << woken.rule;
            else
                wakes.gitleaks = true;
        });
    });
    return wakes;
}

std::vector<GitleaksMatch> GitleaksRules::find(std::string_view text, Wakes *wakes) const
{
    std::vector<GitleaksMatch> out;
    if (wakes)
        *wakes = {};
    if (rules.empty() && m_companions.empty())
        return out;
    if (text.size() < kShortestMatch) {
        if (wakes)
            *wakes = this->wakes(text);
        return out;
    }
    struct Stretch
    {
        std::size_t rule;
        std::size_t begin;
        std::size_t end;
    };
    std::vector<Stretch> stretches;
    Wakes found;
    found.gitleaks = !m_keywordless.empty();
    found.companions = m_keywordlessCompanions;
    // Keywords starting in [from, to) (and perhaps a few after: the piece reaches on by the
    // longest keyword), outside the inner parts of payload runs.
    auto search = [&](std::size_t from, std::size_t to) {
        const std::size_t pieceEnd = std::min(text.size(), to + m_longestKeyword);
        m_keywordFinder.forEach(text.substr(from, pieceEnd - from), [&](std::size_t keyword, std::size_t at) {
            forEachWoken(text, keyword, from + at, found.cut, [&](const Woken &woken) {
                if (woken.companion) {
                    found.companions |= CompanionMask(1) << woken.rule;
                    return;
                }
                found.gitleaks = true;
                const auto [begin, end]
                    = stretchAround(text, from + at, m_keywordLengths[keyword], m_linesAfter[woken.rule]);
                stretches.push_back({woken.rule, begin, end});
            });
        });
    };
    std::size_t from = 0;
    for (const auto &[runBegin, runEnd] : payloadRuns(text)) {
        search(from, runBegin + kBeforeKeyword);
        from = runEnd - kAfterKeyword;
    }
    search(from, text.size());
    for (std::size_t rule : m_keywordless)
        stretches.push_back({rule, 0, text.size()});
    if (wakes)
        *wakes = found;
    std::sort(stretches.begin(), stretches.end(), [](const Stretch &a, const Stretch &b) {
        return a.rule != b.rule ? a.rule < b.rule : a.begin < b.begin;
    });
    // Overlapping stretches of one rule are read as one, so no match is reported twice; so are
    // stretches close to each other: reading the gap costs less than starting another search.
    for (std::size_t i = 0; i < stretches.size();) {
        Stretch merged = stretches[i++];
        while (i < stretches.size() && stretches[i].rule == merged.rule
            && stretches[i].begin <= merged.end + kMergeGap)
            merged.end = std::max(merged.end, stretches[i++].end);
        matchStretch(merged.rule, text, merged.begin, merged.end, out);
    }
    return out;
}

void GitleaksRules::matchStretch(std::size_t ruleIndex, std::string_view text, std::size_t begin,
    std::size_t end, std::vector<GitleaksMatch> &out) const
{
    const GitleaksRule &rule = rules[ruleIndex];
    const re2::RE2 *re = rule.compiled.get();
    // A regex RE2 refuses, or a secretGroup it lacks, never matches (refused() names them).
    if (!re || rule.secretGroup > re->NumberOfCapturingGroups())
        return;
    std::vector<re2::StringPiece> groups(std::size_t(re->NumberOfCapturingGroups()) + 1);
    std::size_t pos = begin;
    // The text around the stretch stays the regex's context, so \b, ^ and $ see what is there.
    while (
        pos <= end && re->Match(piece(text), pos, end, RE2::UNANCHORED, groups.data(), int(groups.size()))) {
        std::string_view match(groups[0].data(), groups[0].size());
        pos = std::max(std::size_t(match.data() - text.data()) + match.size(), pos + 1);
        // As gitleaks does: the match loses the line breaks around it; the secret is the rule's
        // secretGroup, else its first non-empty group, else the match.
        while (match.starts_with('\n'))
            match.remove_prefix(1);
        while (match.ends_with('\n'))
            match.remove_suffix(1);
        std::string_view secret = match;
        if (rule.secretGroup > 0) {
            const re2::StringPiece &group = groups[std::size_t(rule.secretGroup)];
            secret = std::string_view(group.data(), group.size());
        } else {
            const auto first = std::find_if(
                groups.begin() + 1, groups.end(), [](const re2::StringPiece &g) { return !g.empty(); });
            if (first != groups.end())
                secret = std::string_view(first->data(), first->size());
        }
        if (secret.empty() || secret.data() == nullptr || allowed(rule, secret, match, text))
            continue;
        const std::size_t secretBegin = std::size_t(secret.data() - text.data());
        out.push_back({ruleIndex, secretBegin, secretBegin + secret.size()});
    }
}

bool GitleaksRules::allowed(
    const GitleaksRule &rule, std::string_view secret, std::string_view match, std::string_view text) const
{
    if (rule.entropy > 0 && SecretScanner::entropy(secret) <= rule.entropy)
        return true;
    const std::string_view line = linesAround(text, match);
    return global.allows(secret, match, line)
        || std::any_of(rule.allowlists.begin(), rule.allowlists.end(),
            [&](const GitleaksAllowlist &allowlist) { return allowlist.allows(secret, match, line); });
}

} // namespace tassel
