#include "analysis/gitleaksrules.h"

#include "analysis/secretscanner.h"
#include "util/toml.h"

#include <QFile>

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <map>
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

/// Whether a regex reads across lines by design: dot-all groups or explicit line breaks.
bool readsAcrossLines(std::string_view regex)
{
    return regex.find("(?s") != std::string_view::npos || regex.find("\\n") != std::string_view::npos
        || regex.find("\\r") != std::string_view::npos;
}

/// Calls `found` with the offset of each occurrence of a two-byte lower-case keyword in `text`,
/// ASCII case ignored: memchr finds its second byte (in either case), then the first is compared.
template <typename Found>
void forEachTwoByteKeyword(std::string_view text, std::string_view keyword, Found found)
{
    const auto next = [&](char c, std::size_t from) {
        const void *at
            = from < text.size() ? std::memchr(text.data() + from, c, text.size() - from) : nullptr;
        return at ? std::size_t(static_cast<const char *>(at) - text.data()) : std::string_view::npos;
    };
    const char second = keyword[1];
    const bool letter = second >= 'a' && second <= 'z';
    const char upper = letter ? char(second - 'a' + 'A') : second;
    std::size_t lowerAt = next(second, 1);
    std::size_t upperAt = letter ? next(upper, 1) : std::string_view::npos;
    while (std::min(lowerAt, upperAt) != std::string_view::npos) {
        const std::size_t at = std::min(lowerAt, upperAt);
        const char first = text[at - 1];
        if (first == keyword[0] || (first >= 'A' && first <= 'Z' && char(first - 'A' + 'a') == keyword[0]))
            found(at - 1);
        if (at == lowerAt)
            lowerAt = next(second, at + 1);
        else
            upperAt = next(upper, at + 1);
    }
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

std::shared_ptr<const re2::RE2> compile(const std::string &pattern, std::string *error)
{
    re2::RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_shared<const re2::RE2>(pattern, options);
    if (!re->ok()) {
        *error = "RE2 refuses its regex: " + re->error();
        return nullptr;
    }
    return re;
}

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

std::vector<std::string> strings(const toml::node_view<const toml::node> &node, bool lowerCase)
{
    std::vector<std::string> out;
    if (const toml::array *array = node.as_array()) {
        for (const toml::node &item : *array) {
            if (const auto text = item.value<std::string>(); text && item.is_string())
                out.push_back(lowerCase ? lower(*text) : *text);
        }
    }
    return out;
}

/// One allowlist table; nothing when it cannot apply to notebooks (it needs a path or commit,
/// or has nothing but paths), an Error text in `reason` when a regex does not compile.
std::optional<GitleaksAllowlist> readAllowlist(const toml::table &table, std::string *reason)
{
    GitleaksAllowlist allowlist;
    allowlist.requireAll = table["condition"].value_or(std::string()) == "AND";
    const bool needsPathOrCommit = table.contains("paths") || table.contains("commits");
    if (allowlist.requireAll && needsPathOrCommit)
        return std::nullopt;
    allowlist.regexTarget = table["regexTarget"].value_or(std::string());
    allowlist.stopwords = strings(table["stopwords"], true);
    for (const std::string &pattern : strings(table["regexes"], false)) {
        auto re = compile(pattern, reason);
        if (!re)
            return std::nullopt;
        allowlist.regexes.push_back(std::move(re));
    }
    if (allowlist.regexes.empty() && allowlist.stopwords.empty())
        return std::nullopt;
    return allowlist;
}

/// A rule's allowlists: `[[rules.allowlists]]` (gitleaks 8.21+) or `[rules.allowlist]`.
bool readAllowlists(const toml::table &table, GitleaksRule &rule, std::string *reason)
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
        if (auto allowlist = readAllowlist(*one, reason))
            rule.allowlists.push_back(std::move(*allowlist));
        else if (!reason->empty())
            return false;
    }
    return true;
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

/// One [[rules]] entry; nothing (with `reason`) when Tassel leaves it out or RE2 refuses it.
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
    rule.compiled = compile(rule.regex, reason);
    if (!rule.compiled || !readAllowlists(table, rule, reason))
        return std::nullopt;
    rule.secretGroup = int(table["secretGroup"].value_or(std::int64_t(0)));
    if (rule.secretGroup > rule.compiled->NumberOfCapturingGroups()) {
        *reason = "secretGroup names a group the regex does not have";
        return std::nullopt;
    }
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

bool GitleaksAllowlist::allows(std::string_view secret, std::string_view match, std::string_view line) const
{
    const std::string_view target = regexTarget == "match" ? match : regexTarget == "line" ? line : secret;
    const bool byRegex = std::any_of(regexes.begin(), regexes.end(),
        [&](const auto &re) { return RE2::PartialMatch(piece(target), *re); });
    bool byStopword = false;
    if (!stopwords.empty()) {
        const std::string l = lower(secret);
        byStopword = std::any_of(stopwords.begin(), stopwords.end(),
            [&](const std::string &word) { return l.find(word) != std::string::npos; });
    }
    if (requireAll)
        return (regexes.empty() || byRegex) && (stopwords.empty() || byStopword);
    return byRegex || byStopword;
}

Result<GitleaksRules> GitleaksRules::parse(std::string_view toml, const std::string &file)
{
    const auto document = parseToml(toml, TomlOrigin {file, 1});
    if (!document.ok())
        return document.error();
    GitleaksRules out;
    if (const toml::table *global = (*document)["allowlist"].as_table()) {
        std::string reason;
        if (auto allowlist = readAllowlist(*global, &reason))
            out.global = std::move(*allowlist);
        else if (!reason.empty())
            out.skipped.push_back({"allowlist", reason});
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
    out.index();
    return out;
}

void GitleaksRules::index()
{
    std::map<std::string, std::vector<std::size_t>, std::less<>> rulesOfKeyword;
    for (std::size_t r = 0; r < rules.size(); ++r) {
        m_linesAfter.push_back(readsAcrossLines(rules[r].regex) ? kLinesAfterMultiLine : kLinesAfter);
        bool indexed = false;
        for (const std::string &keyword : rules[r].keywords) {
            if (!keyword.empty())
                rulesOfKeyword[keyword].push_back(r);
            indexed = indexed || !keyword.empty();
        }
        if (!indexed)
            m_keywordless.push_back(r);
    }
    for (auto &[keyword, ruleIndexes] : rulesOfKeyword) {
        m_keywords.push_back(keyword);
        m_rulesOfKeyword.push_back(std::move(ruleIndexes));
    }
    // Longest first, so the alternation reports the longest keyword at a place; the shorter
    // ones that start it are looked up, not searched for.
    std::vector<std::size_t> order(m_keywords.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        order[k] = k;
    std::stable_sort(order.begin(), order.end(),
        [&](std::size_t a, std::size_t b) { return m_keywords[a].size() > m_keywords[b].size(); });
    std::string alternation;
    m_prefixesOfKeyword.resize(m_keywords.size());
    for (std::size_t k : order) {
        // Two-byte keywords ("s." of Vault's legacy tokens) occur everywhere in code: they are
        // found by their second byte with memchr, so each occurrence costs no regex search.
        if (m_keywords[k].size() == 2) {
            m_twoByteKeywords.push_back(k);
            continue;
        }
        alternation += (alternation.empty() ? "" : "|") + RE2::QuoteMeta(m_keywords[k]);
        for (std::size_t other = 0; other < m_keywords.size(); ++other) {
            if (other != k && m_keywords[k].starts_with(m_keywords[other]))
                m_prefixesOfKeyword[k].push_back(other);
        }
    }
    if (alternation.empty())
        return;
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(false);
    options.set_encoding(RE2::Options::EncodingLatin1); // ASCII keywords: bytes keep the DFA small
    m_keywordFinder = std::make_shared<const RE2>("(" + alternation + ")", options);
}

const GitleaksRules &GitleaksRules::embedded()
{
    static const GitleaksRules rules = [] {
        // Tassel's own rules, in gitleaks' format, follow gitleaks' as more [[rules]] tables.
        QByteArray text;
        bool opened = true;
        for (const QString &name : {QStringLiteral("gitleaks.toml"), QStringLiteral("tassel-rules.toml")}) {
            QFile file(QStringLiteral(":/tassel/gitleaks/") + name);
            opened = file.open(QIODevice::ReadOnly) && opened;
            text += file.readAll() + '\n';
        }
        auto parsed = parse(std::string_view(text.constData(), std::size_t(text.size())),
            "gitleaks.toml + tassel-rules.toml");
        // The files are part of the build; tst_secretscanner checks that every rule of both is read.
        if (!opened || !parsed.ok()) {
            GitleaksRules none;
            none.skipped.push_back({"*", opened ? parsed.error().toString() : "not embedded"});
            return none;
        }
        return std::move(parsed).value();
    }();
    return rules;
}

std::vector<GitleaksMatch> GitleaksRules::find(std::string_view text) const
{
    std::vector<GitleaksMatch> out;
    if (rules.empty() || text.size() < kShortestMatch)
        return out;
    struct Stretch
    {
        std::size_t rule;
        std::size_t begin;
        std::size_t end;
    };
    std::vector<Stretch> stretches;
    auto addStretches = [&](std::size_t keyword, std::size_t offset) {
        for (std::size_t rule : m_rulesOfKeyword[keyword]) {
            const auto [begin, end]
                = stretchAround(text, offset, m_keywords[keyword].size(), m_linesAfter[rule]);
            stretches.push_back({rule, begin, end});
        }
    };
    for (std::size_t keyword : m_twoByteKeywords)
        forEachTwoByteKeyword(text, m_keywords[keyword], [&](std::size_t at) { addStretches(keyword, at); });
    re2::StringPiece hit;
    for (std::size_t pos = 0; m_keywordFinder && pos < text.size();) {
        if (!m_keywordFinder->Match(piece(text), pos, text.size(), RE2::UNANCHORED, &hit, 1))
            break;
        const std::size_t offset = std::size_t(hit.data() - text.data());
        const std::size_t keyword = std::size_t(std::lower_bound(m_keywords.begin(), m_keywords.end(),
                                                    lower(std::string_view(hit.data(), hit.size())))
            - m_keywords.begin());
        addStretches(keyword, offset);
        for (std::size_t prefix : m_prefixesOfKeyword[keyword])
            addStretches(prefix, offset);
        pos = offset + 1; // keywords may overlap
    }
    for (std::size_t rule : m_keywordless)
        stretches.push_back({rule, 0, text.size()});
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
    std::vector<re2::StringPiece> groups(std::size_t(rule.compiled->NumberOfCapturingGroups()) + 1);
    std::size_t pos = begin;
    // The text around the stretch stays the regex's context, so \b, ^ and $ see what is there.
    while (pos <= end
        && rule.compiled->Match(piece(text), pos, end, RE2::UNANCHORED, groups.data(), int(groups.size()))) {
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
