#include "analysis/secretscanner.h"

#include "analysis/gitleaksrules.h"
#include "util/messagecatalog.h"
#include "util/text.h"

#include <QByteArray>
#include <QCryptographicHash>

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <optional>

namespace tassel {

namespace {

enum class RuleType {
    Token, ///< a family with a documented shape: the pattern is enough
    UrlCredential, ///< scheme://user:pass@host; group 1 is the user, group 2 the password
    RandomToken, ///< https://TOKEN@host, Bearer TOKEN: only when the token looks random
    Keyword, ///< name = "literal": group 1 is the name, group 2 the value
    /// name=value, name: value, --name value without quotes: group 1 is the name, group 2 the
    /// value. In code only inside a string literal or on a shell or magic line, where a value
    /// cannot be a variable.
    BareKeyword,
};

struct RuleSpec
{
    const char *kind; ///< also names its description in the message catalogue: secret.kind.KIND
    const char *pattern; ///< group 1 (or 2 for UrlCredential/Keyword) is the value
    RuleType type = RuleType::Token;
    /// Every match holds one of these ('|' between them) in some ASCII case: the rule runs only on
    /// a text that holds one (GitleaksRules finds them in its keyword pass).
    const char *keywords = "";
    /// Every match has user information (…@) right after its keyword "://".
    bool userInfo = false;
};

/// What the keyword rules' names hold ("passw" stands for password and passwd).
constexpr const char *kSecretWords = "passw|pwd|secret|token|api_key|apikey|access_key|accesskey|auth_key|"
                                     "authkey|private_key|privatekey|credential";

// Order is priority: when two rules match overlapping text, the earlier one names the finding.
// Prefix guards like (?:^|[^\w-]) stand in for the look-behind RE2 does not have.
const std::array kRules = {
    RuleSpec {"private-key",
        R"((-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:\\[rn]|\s)*(?:[A-Za-z-]+: [^\r\n\\]*(?:\\[rn]|\s)+)*[A-Za-z0-9+/=]{20}[A-Za-z0-9+/=\s\\]*(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)?))",
        RuleType::Token, "private key"},
    RuleSpec {"putty-private-key",
        R"((PuTTY-User-Key-File-[23]:[^\r\n]*(?s:.)*?Private-Lines:\s*\d+(?:\\[rn]|\s)+[A-Za-z0-9+/=]{20,}))",
        RuleType::Token, "putty-user-key-file-"},
    RuleSpec {"aws-access-key-id", R"(\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b)", RuleType::Token,
        "akia|asia|abia|acca"},
    RuleSpec {"aws-secret-access-key",
        R"((?i)aws_?(?:secret|private)_?(?:access_?)?key['"]?\s*(?:=|:|,|\s)\s*[rb]?['"]?([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$))",
        RuleType::Token, "aws"},
    RuleSpec {"google-api-key", R"((?:^|[^\w-])(AIza[\w-]{35})(?:[^\w-]|$))", RuleType::Token, "aiza"},
    RuleSpec {
        "azure-storage-key", R"(AccountKey=([A-Za-z0-9+/]{86,88}={0,2}))", RuleType::Token, "accountkey="},
    RuleSpec {"github-token", R"(\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,})\b)", RuleType::Token,
        "ghp_|gho_|ghu_|ghs_|ghr_"},
    RuleSpec {"github-token", R"(\b(github_pat_\w{82}))", RuleType::Token, "github_pat_"},
    RuleSpec {"gitlab-token", R"(\b(glpat-[\w-]{20,50})(?:[^\w-]|$))", RuleType::Token, "glpat-"},
    RuleSpec {"slack-token", R"(\b(xox[bpeasr]-[0-9]{6,15}-[0-9A-Za-z-]{8,}))", RuleType::Token, "xox"},
    RuleSpec {"slack-token", R"(\b(xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]{16,}))", RuleType::Token, "xapp-"},
    RuleSpec {"slack-webhook", R"((hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_-]{20,}))",
        RuleType::Token, "hooks.slack.com/"},
    RuleSpec {"anthropic-api-key", R"(\b(sk-ant-(?:api|admin)\d\d-[\w-]{80,}AA)(?:[^\w-]|$))",
        RuleType::Token, "sk-ant-"},
    RuleSpec {"openai-api-key",
        R"(\b(sk-(?:(?:proj|svcacct|admin)-)?[\w-]{20,}T3BlbkFJ[\w-]{20,})(?:[^\w-]|$))", RuleType::Token,
        "t3blbkfj"},
    RuleSpec {
        "huggingface-token", R"(\b((?:hf_|api_org_)[A-Za-z0-9]{34})\b)", RuleType::Token, "hf_|api_org_"},
    RuleSpec {"stripe-key", R"(\b((?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,})\b)", RuleType::Token,
        "sk_live_|sk_test_|sk_prod_|rk_live_|rk_test_|rk_prod_"},
    RuleSpec {"twilio-api-key", R"(\b(SK[0-9a-fA-F]{32})\b)", RuleType::Token, "sk"},
    RuleSpec {"sendgrid-api-key", R"(\b(SG\.[\w-]{22}\.[\w-]{43})(?:[^\w-]|$))", RuleType::Token, "sg."},
    RuleSpec {"pypi-token", R"((pypi-AgEIcHlwaS5vcmc[\w-]{50,}))", RuleType::Token, "pypi-ageichlwas5vcmc"},
    RuleSpec {"databricks-token", R"(\b(dapi[a-f0-9]{32}(?:-\d)?)\b)", RuleType::Token, "dapi"},
    RuleSpec {"jwt", R"(\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}))",
        RuleType::Token, "eyj"},
    RuleSpec {"url-credentials",
        R"(\b[A-Za-z][A-Za-z0-9+.-]{1,15}://([^\s:@/?#'"<>\\]+):([^\s@/?#'"<>\\]+)@[A-Za-z0-9_.{}-]+)",
        RuleType::UrlCredential, "://", true},
    RuleSpec {"url-token", R"(\bhttps?://([A-Za-z0-9_-]{20,})@[A-Za-z0-9.-]+\.[A-Za-z]{2,})",
        RuleType::RandomToken, "://", true},
    RuleSpec {"generic-secret",
        R"((?i)([a-z0-9_.-]*(?:passw(?:or)?d|pwd|secret|token|api_?key|apikey|access_?key|auth_?key|private_?key|credentials?)(?:_[a-z0-9_]*)?)['"]?\]?\s*(?::\s*[a-z_][\w.\[\], ]*\s*)?(?:=|:|:=|=>)\s*[rbuf]{0,2}['"]([^'"\r\n]*)['"])",
        RuleType::Keyword, kSecretWords},
    // os.environ.setdefault("DB_PASSWORD", "..."), ("api_key", "...") pairs.
    RuleSpec {"generic-secret",
        R"((?i)['"]([a-z0-9_.-]*(?:passw(?:or)?d|pwd|secret|token|api_?key|apikey|access_?key|auth_?key|private_?key|credentials?)(?:_[a-z0-9_]*)?)['"]\s*,\s*[rbuf]{0,2}['"]([^'"\r\n]*)['"])",
        RuleType::Keyword, kSecretWords},
    RuleSpec {"bearer-token", R"(\bBearer[ \t]+([A-Za-z0-9._~+/-]{20,}=*))", RuleType::RandomToken, "bearer"},
    RuleSpec {"generic-secret",
        R"((?i)([a-z0-9_.-]*(?:passw(?:or)?d|pwd|secret|token|api_?key|apikey|access_?key|auth_?key|private_?key|credentials?)(?:_[a-z0-9_]*)?)(?:[ \t]*=[ \t]*|:[ \t]*)([^\s'"`,;&{}()<>\[\]\\|]{7,}[^\s'"`,;&{}()<>\[\]\\|.:]))",
        RuleType::BareKeyword, kSecretWords},
    RuleSpec {"generic-secret",
        R"((?i)(?:--|%(?:set_)?env[ \t]+)([a-z0-9_.-]*(?:passw(?:or)?d|pwd|secret|token|api_?key|apikey|access_?key|auth_?key|private_?key|credentials?)(?:[_-][a-z0-9_]*)?)[ \t]+([^\s'"`,;&{}()<>\[\]\\|=]{8,}))",
        RuleType::BareKeyword, kSecretWords},
};

/// After a URL's "://": an '@' before the first byte that ends user:password (RE2's \s, a slash,
/// ?, #, quotes, angle brackets, a backslash). Most of a notebook's URLs have none, so their texts
/// need no search for credentials.
KeywordTail userInfoTail()
{
    KeywordTail tail;
    tail.reaches.set('@');
    tail.scope.set();
    for (const char c : std::string_view(" \t\n\f\r/?#'\"<>\\"))
        tail.scope.reset(static_cast<unsigned char>(c));
    return tail;
}

// GitleaksRules tells which of these may match in one 64-bit mask (CompanionMask).
static_assert(kRules.size() <= 64, "more rules than CompanionMask has bits");

constexpr std::string_view kServiceAccountMarker = "service_account";
constexpr std::string_view kAllowComment = "tassel: allow-secret";

// RE2 speaks absl::string_view, which Debian's absl does not alias to std::string_view.
re2::StringPiece piece(std::string_view text)
{
    return re2::StringPiece(text.data(), text.size());
}

bool contains(std::string_view haystack, std::string_view needle)
{
    return haystack.find(needle) != std::string_view::npos;
}

bool isUuid(std::string_view v)
{
    static const RE2 uuid(R"([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
    return RE2::FullMatch(piece(v), uuid);
}

/// True for values that only stand in for a secret: <YOUR_KEY>, xxx, ${VAR}, changeme, ...
/// UUIDs are not looked at: some vendors' keys (Heroku's) are UUIDs.
bool isStandIn(std::string_view value)
{
    if (value.empty())
        return true;
    for (std::string_view marker : {"<", ">", "${", "{{", "{", "}", "%(", "%s", "$(", "[", "]", "*"}) {
        if (contains(value, marker))
            return true;
    }
    if (value.front() == '$' || value.front() == '%')
        return true;
    const std::string l = asciiLower(value);
    for (std::string_view word : {"xxx", "...", "your", "changeme", "change_me", "change-me", "example",
             "placeholder", "dummy", "insert", "replace", "redacted", "enter_", "enter-", "todo", "fixme",
             "sample", "secret_here", "here", "mask", "0000000", "1234567", "abcdef", "password", "passwd",
             "undefined", "null", "none"}) {
        if (contains(l, word))
            return true;
    }
    return std::all_of(value.begin(), value.end(), [&](char c) { return c == value.front(); });
}

/// A stand-in, or a UUID (which free-form values hold as ids, not secrets).
bool isPlaceholder(std::string_view value)
{
    return isStandIn(value) || isUuid(value);
}

bool looksLikeNonSecretText(std::string_view value)
{
    // Environment variable names (YOUR_MAPS_API_KEY), dotted or dashed lowercase words
    // (bert-base-uncased), paths, URLs and file names are references to secrets, not secrets.
    static const RE2 envName(R"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)");
    static const RE2 words(R"([a-z]+(?:[-_.][a-z]+)*)");
    static const RE2 fileName(
        R"(.*\.(?i:json|txt|pem|key|csv|ya?ml|env|p12|pfx|crt|cfg|ini|toml|py|pkl|h5))");
    if (RE2::FullMatch(piece(value), envName) || RE2::FullMatch(piece(value), words)
        || RE2::FullMatch(piece(value), fileName))
        return true;
    if (contains(value, "://") || value.starts_with('/') || value.starts_with("./")
        || value.starts_with("~/"))
        return true;
    return false;
}

bool isNonSecretName(std::string_view name)
{
    const std::string l = asciiLower(name);
    for (std::string_view suffix :
        {"_name", "_id", "_type", "_file", "_path", "_url", "_uri", "_dir", "_env", "_var", "_len", "_length",
            "_field", "_header", "_prefix", "_count", "_size", "_endpoint", "_location", "_filename",
            "_key_name", "_ref", "_format", "_pattern", "_regex", "_label", "_column", "_col"}) {
        if (l.ends_with(suffix))
            return true;
    }
    return false;
}

bool isPlausibleKeywordValue(std::string_view name, std::string_view value)
{
    if (value.size() < 8 || isNonSecretName(name))
        return false;
    if (std::any_of(
            value.begin(), value.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }))
        return false;
    if (isPlaceholder(value) || looksLikeNonSecretText(value))
        return false;
    const bool lettersOnly = std::all_of(
        value.begin(), value.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    const double bits = SecretScanner::entropy(value);
    if (lettersOnly)
        return value.size() >= 20 && bits >= 4.0;
    return bits >= 3.0;
}

/// Runs of base64 text this long are encoded payloads (data: URIs, pickled blobs), not tokens.
constexpr std::size_t kBlobRun = 160;

struct Blob
{
    std::size_t begin;
    std::size_t end;
};

std::vector<Blob> findBlobs(std::string_view text)
{
    std::vector<Blob> blobs;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!isBase64Char(text[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && isBase64Char(text[j]))
            ++j;
        const bool dataUri = i >= 7 && text.substr(i - 7, 7) == "base64,";
        if (j - i >= kBlobRun || (dataUri && j - i >= 16))
            blobs.push_back({i, j});
        i = j;
    }
    return blobs;
}

bool insideBlob(const std::vector<Blob> &blobs, std::size_t begin, std::size_t end)
{
    return std::any_of(
        blobs.begin(), blobs.end(), [&](const Blob &b) { return begin >= b.begin && end <= b.end; });
}

/// Maps byte offsets to 1-based line and code-point column.
class LineIndex
{
public:
    explicit LineIndex(std::string_view text)
        : m_text(text)
    {
        m_starts.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n')
                m_starts.push_back(i + 1);
        }
    }

    std::pair<int, int> position(std::size_t offset) const
    {
        const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
        const std::size_t lineIndex = std::size_t(it - m_starts.begin()) - 1;
        int column = 1;
        for (std::size_t i = m_starts[lineIndex]; i < offset && i < m_text.size(); ++i) {
            if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80)
                ++column;
        }
        return {int(lineIndex) + 1, column};
    }

    std::string_view lineAt(std::size_t offset) const
    {
        const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
        const std::size_t start = *(it - 1);
        const std::size_t end = it == m_starts.end() ? m_text.size() : *it;
        return m_text.substr(start, end - start);
    }

private:
    std::string_view m_text;
    std::vector<std::size_t> m_starts;
};

/// The longest run of an f-string's or template's value outside its {fields}: the part a person
/// typed, which can be a secret while the fields are not.
std::string_view longestLiteralRun(std::string_view value)
{
    std::string_view best;
    std::size_t start = 0;
    int depth = 0;
    for (std::size_t i = 0; i <= value.size(); ++i) {
        const char c = i < value.size() ? value[i] : '{';
        if (c == '{') {
            if (depth == 0 && i - start > best.size())
                best = value.substr(start, i - start);
            ++depth;
        } else if (c == '}') {
            depth = std::max(depth - 1, 0);
            if (depth == 0)
                start = i + 1;
        }
    }
    return best;
}

/// Whether `offset` of a code cell sits where a bare value cannot be a variable: inside a string
/// literal on its line, in a comment, on a shell (`!`) or magic (`%`) line, or in a cell magic.
bool inLiteralContext(std::string_view text, const LineIndex &lines, std::size_t offset)
{
    const std::size_t firstCode = text.find_first_not_of(" \t\r\n");
    if (firstCode != std::string_view::npos && text.substr(firstCode, 2) == "%%")
        return true;
    const std::string_view line = lines.lineAt(offset);
    const std::string_view before = line.substr(0, offset - std::size_t(line.data() - text.data()));
    const std::size_t indent = line.find_first_not_of(" \t");
    if (indent != std::string_view::npos && (line[indent] == '!' || line[indent] == '%'))
        return true;
    char quote = 0;
    for (std::size_t i = 0; i < before.size(); ++i) {
        const char c = before[i];
        if (quote != 0 && c == '\\')
            ++i;
        else if (quote != 0 && c == quote)
            quote = 0;
        else if (quote == 0 && (c == '\'' || c == '"'))
            quote = c;
        else if (quote == 0 && c == '#')
            return true;
    }
    return quote != 0;
}

/// The value a rule's match stands for once its filters are applied, or nothing when the match
/// is a placeholder, a reference or too plain to be a secret.
std::optional<std::string_view> acceptedValue(RuleType type, std::string_view name, std::string_view value,
    TextKind kind, std::string_view text, const LineIndex &lines, std::size_t matchBegin)
{
    switch (type) {
    case RuleType::Token:
        return value;
    case RuleType::UrlCredential:
        if (isPlaceholder(value) || value.size() < 3)
            return std::nullopt;
        return value;
    case RuleType::RandomToken:
        if (isPlaceholder(value) || SecretScanner::entropy(value) < 3.5)
            return std::nullopt;
        return value;
    case RuleType::Keyword:
        if (value.find_first_of("{}") != std::string_view::npos)
            value = longestLiteralRun(value);
        if (!isPlausibleKeywordValue(name, value))
            return std::nullopt;
        return value;
    case RuleType::BareKeyword:
        if (kind == TextKind::Code && !inLiteralContext(text, lines, matchBegin))
            return std::nullopt;
        if (std::all_of(value.begin(), value.end(),
                [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })
            || !isPlausibleKeywordValue(name, value))
            return std::nullopt;
        return value;
    }
    return std::nullopt;
}

std::string stripAnsi(std::string_view text)
{
    static const RE2 ansi(R"(\x1b\[[0-9;?]*[A-Za-z])");
    std::string out(text);
    RE2::GlobalReplace(&out, ansi, "");
    return out;
}

/// Whether a metadata key names a digest (sha256, contentHash, md5, etag): its value is a hash by
/// design. Whole words only, so "shared_password" or "sharepoint_token" are not digests.
bool isDigestKey(std::string_view key)
{
    if (asciiLower(key) == "id")
        return true;
    std::vector<std::string> words(1);
    for (std::size_t i = 0; i < key.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(key[i]);
        const bool camelStart
            = std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(key[i - 1]));
        if (!std::isalnum(c) || camelStart) {
            if (!words.back().empty())
                words.emplace_back();
            if (!std::isalnum(c))
                continue;
        }
        words.back() += char(std::tolower(c));
    }
    return std::any_of(words.begin(), words.end(), [](const std::string &word) {
        static const RE2 digestWord(R"(hash|digest|checksum|etag|crc\d*|md5|sha\d*(?:sum)?)");
        return RE2::FullMatch(piece(word), digestWord);
    });
}

/// Tassel's allowlist entries are 16-hex-digit fingerprints; anything else there is scanned.
bool isFingerprint(std::string_view value)
{
    return value.size() == 16 && std::all_of(value.begin(), value.end(), [](char c) {
        return std::isxdigit(static_cast<unsigned char>(c));
    });
}

/// Text payloads of a cell's attachments (`{"name": {"text/plain": "..."}}`); images stay out.
std::string attachmentText(const nlohmann::json &attachments)
{
    std::string text;
    if (!attachments.is_object())
        return text;
    for (const auto &[name, bundle] : attachments.items()) {
        if (!bundle.is_object())
            continue;
        for (const auto &[mimeType, data] : bundle.items()) {
            MimeItem item;
            item.mimeType = mimeType;
            if (!item.isTextLike())
                continue;
            if (data.is_string())
                text += data.get<std::string>();
            for (const auto &line : data.is_array() ? data : nlohmann::json::array())
                if (line.is_string())
                    text += line.get<std::string>();
            text += '\n';
        }
    }
    return text;
}

/// The catalogue id of the kind's description ("A GitHub token"). Kinds without one are ids of
/// rules in gitleaks' format, gitleaks' own ("shopify-access-token") or Tassel's ("pinecone-api-key").
std::string describe(std::string_view kind)
{
    const std::string id = "secret.kind." + std::string(kind);
    return MessageCatalog::find(id) ? id : std::string("secret.kind.rule");
}

/// Settles overlaps, lower first: Tassel's token rules (in their order, bearer and URL tokens
/// among them), then gitleaks' vendor rules, then Tassel's URL password and keyword rules, which
/// know less about the value.
std::size_t specificity(std::string_view kind)
{
    for (std::size_t i = 0; i < kRules.size(); ++i) {
        if (kind != kRules[i].kind)
            continue;
        const bool token = kRules[i].type == RuleType::Token || kRules[i].type == RuleType::RandomToken;
        return token ? i : kRules.size() + 1 + i;
    }
    if (kind == "gcp-service-account")
        return 0;
    return kRules.size();
}

} // namespace

struct SecretScanner::Private
{
    std::vector<std::unique_ptr<RE2>> rules;
    std::unique_ptr<RE2::Set> set;
    std::vector<std::size_t> ruleOfSetIndex; ///< a pattern RE2 rejects is left out, not misaligned
    GitleaksRules gitleaks;

    /// `known`, if given, is what a keyword search already told of `text` (the text is not searched
    /// again unless gitleaks' rules need to look); `seen`, if given, is set to what it found.
    void scanInto(std::string_view text, TextKind kind, std::vector<SecretSpan> &out,
        const GitleaksRules::Wakes *known = nullptr, GitleaksRules::Wakes *seen = nullptr) const;
    void scanMetadata(const nlohmann::json &value, const std::string &key, int cell,
        const std::string &location, std::vector<SecretSpan> &out) const;
    /// A metadata value read as `key = "value"`; `textWakes`: what the value alone holds of the
    /// rules' keywords.
    std::vector<SecretSpan> keyedValue(
        const std::string &key, const std::string &text, const GitleaksRules::Wakes &textWakes) const;
};

std::vector<SecretScanner::OwnRule> SecretScanner::ownRules()
{
    std::vector<OwnRule> out;
    for (const RuleSpec &spec : kRules) {
        OwnRule rule {spec.kind, {spec.pattern, {}, {}}};
        for (std::string_view words = spec.keywords; !words.empty();) {
            const std::size_t bar = std::min(words.find('|'), words.size());
            rule.rule.keywords.emplace_back(words.substr(0, bar));
            words.remove_prefix(std::min(bar + 1, words.size()));
        }
        if (spec.userInfo)
            rule.rule.tail = userInfoTail();
        out.push_back(std::move(rule));
    }
    return out;
}

std::vector<CompanionRule> SecretScanner::companionRules()
{
    std::vector<CompanionRule> companions;
    for (OwnRule &rule : ownRules())
        companions.push_back(std::move(rule.rule));
    return companions;
}

SecretScanner::SecretScanner()
    : SecretScanner(GitleaksRules::embedded())
{
}

SecretScanner::SecretScanner(const GitleaksRules &gitleaks)
    : d(std::make_unique<Private>())
{
    d->gitleaks = gitleaks;
    // embedded() comes indexed with these already; other rule sets are indexed again with them.
    if (const std::vector<CompanionRule> companions = companionRules();
        d->gitleaks.companions() != companions)
        d->gitleaks.setCompanions(companions);
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(64 << 20);
    d->set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const auto &rule : kRules) {
        d->rules.push_back(std::make_unique<RE2>(rule.pattern, options));
        std::string error;
        // A pattern RE2 rejects is a programming error the per-family tests catch; map set
        // indexes to rules so one bad pattern cannot shift the others.
        if (d->set->Add(rule.pattern, &error) >= 0)
            d->ruleOfSetIndex.push_back(d->rules.size() - 1);
    }
    d->set->Compile();
}

SecretScanner::~SecretScanner() = default;

void SecretScanner::Private::scanInto(std::string_view text, TextKind kind, std::vector<SecretSpan> &out,
    const GitleaksRules::Wakes *known, GitleaksRules::Wakes *seen) const
{
    if (seen)
        *seen = {};
    if (text.empty())
        return;
    GitleaksRules::Wakes wakes;
    std::vector<GitleaksMatch> vendorMatches;
    if (!known || known->gitleaks)
        vendorMatches = gitleaks.find(text, &wakes);
    else
        wakes = *known;
    if (seen)
        *seen = wakes;
    // No rule of Tassel's can match a text without one of its keywords (kRules' `keywords`).
    std::vector<int> matched;
    if (wakes.companions != 0)
        set->Match(piece(text), &matched);
    if (matched.empty() && vendorMatches.empty())
        return;
    std::sort(matched.begin(), matched.end());
    const std::vector<Blob> blobs = findBlobs(text);
    const LineIndex lines(text);
    std::vector<SecretSpan> found;
    auto keep = [&](std::size_t begin, std::size_t end, std::string kind, std::string_view name) {
        if (insideBlob(blobs, begin, end) || contains(lines.lineAt(begin), kAllowComment))
            return;
        SecretSpan span;
        span.begin = begin;
        span.end = end;
        span.kind = std::move(kind);
        span.name = std::string(name);
        span.value = std::string(text.substr(begin, end - begin));
        const auto [line, column] = lines.position(begin);
        const auto [endLine, endColumn] = lines.position(end);
        span.range = {line, column, endLine, endColumn};
        found.push_back(std::move(span));
    };
    for (int setIndex : matched) {
        const std::size_t ruleIndex = ruleOfSetIndex[std::size_t(setIndex)];
        const RuleSpec &spec = kRules[ruleIndex];
        const RE2 &re = *rules[ruleIndex];
        const int groupCount = std::min(re.NumberOfCapturingGroups(), 2);
        std::array<re2::StringPiece, 3> groups;
        std::size_t pos = 0;
        while (pos <= text.size()
            && re.Match(piece(text), pos, text.size(), RE2::UNANCHORED, groups.data(), groupCount + 1)) {
            const std::size_t matchEnd = std::size_t(groups[0].data() - text.data()) + groups[0].size();
            pos = std::max(matchEnd, pos + 1);
            const bool twoGroups = spec.type == RuleType::UrlCredential || spec.type == RuleType::Keyword
                || spec.type == RuleType::BareKeyword;
            const re2::StringPiece valuePiece = twoGroups ? groups[2] : groups[1];
            if (valuePiece.data() == nullptr)
                continue;
            std::string_view value(valuePiece.data(), valuePiece.size());
            const std::string_view name
                = twoGroups ? std::string_view(groups[1].data(), groups[1].size()) : std::string_view();
            const std::optional<std::string_view> kept = acceptedValue(
                spec.type, name, value, kind, text, lines, std::size_t(groups[0].data() - text.data()));
            if (!kept)
                continue;
            const std::size_t begin = std::size_t(kept->data() - text.data());
            const bool named = spec.type == RuleType::Keyword || spec.type == RuleType::BareKeyword;
            keep(begin, begin + kept->size(), spec.kind, named ? name : std::string_view());
        }
    }
    for (const GitleaksMatch &match : vendorMatches) {
        if (!isStandIn(text.substr(match.begin, match.end - match.begin)))
            keep(match.begin, match.end, gitleaks.rules[match.rule].id, {});
    }
    // Keep the more specific rule's span of any overlapping pair.
    std::stable_sort(found.begin(), found.end(),
        [](const SecretSpan &a, const SecretSpan &b) { return a.begin < b.begin; });
    std::vector<SecretSpan> kept;
    for (auto &span : found) {
        bool replaced = false;
        bool dropped = false;
        for (auto &other : kept) {
            if (span.begin < other.end && other.begin < span.end) {
                if (specificity(span.kind) < specificity(other.kind) && !replaced) {
                    other = span;
                    replaced = true;
                } else {
                    dropped = true;
                }
            }
        }
        if (!replaced && !dropped)
            kept.push_back(std::move(span));
    }
    const bool serviceAccount = contains(text, kServiceAccountMarker) && contains(text, "private_key");
    for (auto &span : kept) {
        if (serviceAccount && span.kind == "private-key")
            span.kind = "gcp-service-account";
        span.fingerprint = fingerprint(span.kind, span.value);
        out.push_back(std::move(span));
    }
}

void SecretScanner::Private::scanMetadata(const nlohmann::json &value, const std::string &key, int cell,
    const std::string &location, std::vector<SecretSpan> &out) const
{
    if (value.is_object()) {
        for (const auto &[childKey, child] : value.items()) {
            // Tassel's own allowlist holds fingerprints, which are no secrets; any other value
            // there is scanned like the rest, so metadata.tassel cannot hide one.
            if (key.empty() && childKey == "tassel" && child.is_object() && child.contains("allow")) {
                nlohmann::json rest = child;
                nlohmann::json allow = nlohmann::json::array();
                for (const auto &entry :
                    rest["allow"].is_array() ? rest["allow"] : nlohmann::json::array({rest["allow"]}))
                    if (!entry.is_string() || !isFingerprint(entry.get_ref<const std::string &>()))
                        allow.push_back(entry);
                rest.erase("allow");
                rest["allow"] = allow;
                scanMetadata(rest, childKey, cell, location, out);
                continue;
            }
            scanMetadata(child, childKey, cell, location, out);
        }
    } else if (value.is_array()) {
        for (const auto &child : value)
            scanMetadata(child, key, cell, location, out);
    } else if (value.is_string()) {
        const std::string &text = value.get_ref<const std::string &>();
        std::vector<SecretSpan> spans;
        GitleaksRules::Wakes wakes;
        scanInto(text, TextKind::Prose, spans, nullptr, &wakes);
        // A bare value under a secret-sounding key ("api_key": "...") has no "=" for the
        // keyword pattern to see: check the pair directly. Digests are hashes by design: only
        // the token families apply to them.
        if (spans.empty() && !isDigestKey(key))
            spans = keyedValue(key, text, wakes);
        for (auto &span : spans) {
            span.cell = cell;
            span.location = location;
            out.push_back(std::move(span));
        }
    }
}

std::vector<SecretSpan> SecretScanner::Private::keyedValue(
    const std::string &key, const std::string &text, const GitleaksRules::Wakes &textWakes) const
{
    const std::string probe = key + " = \"" + text + "\"";
    const std::size_t shift = key.size() + 4;
    // No rule finds anything in the probe unless one of its keywords occurs in it: in the value
    // (the caller's search told), or overlapping the added key and quotes, which the probe's
    // first and last bytes show; the value's bytes need no second search. Unless a keyword's
    // check ran into the end of the value or of the first bytes, where the closing quote or the
    // rest of the value could decide it: then the whole probe is searched.
    const std::string_view probeView(probe);
    const std::size_t edge = gitleaks.longestKeyword();
    GitleaksRules::Wakes wakes = textWakes;
    const GitleaksRules::Wakes head = textWakes.cut || shift + 2 * edge >= probe.size()
        ? GitleaksRules::Wakes {false, 0, true}
        : gitleaks.wakes(probeView.substr(0, shift + edge));
    if (head.cut) {
        wakes |= gitleaks.wakes(probeView);
    } else {
        wakes |= head;
        wakes |= gitleaks.wakes(probeView.substr(probe.size() - edge));
    }
    std::vector<SecretSpan> keyed;
    scanInto(probe, TextKind::Code, keyed, &wakes);
    std::vector<SecretSpan> spans;
    for (auto &span : keyed) {
        if (span.begin < shift || span.end > shift + text.size())
            continue;
        span.begin -= shift;
        span.end -= shift;
        const LineIndex lines(text);
        const auto [line, column] = lines.position(span.begin);
        const auto [endLine, endColumn] = lines.position(span.end);
        span.range = {line, column, endLine, endColumn};
        spans.push_back(std::move(span));
    }
    return spans;
}

const SecretScanner &SecretScanner::shared()
{
    static const SecretScanner scanner;
    return scanner;
}

std::vector<SecretSpan> SecretScanner::scanText(std::string_view text, TextKind kind) const
{
    std::vector<SecretSpan> spans;
    d->scanInto(text, kind, spans);
    return spans;
}

std::vector<SecretSpan> SecretScanner::locate(const Notebook &notebook) const
{
    std::vector<SecretSpan> spans;
    auto add = [&](std::string_view text, int cell, const char *location, int outputIndex,
                   TextKind kind = TextKind::Prose) {
        std::vector<SecretSpan> found;
        d->scanInto(text, kind, found);
        for (auto &span : found) {
            span.cell = cell;
            span.location = location;
            span.outputIndex = outputIndex;
            spans.push_back(std::move(span));
        }
    };
    d->scanMetadata(notebook.metadata, {}, -1, "notebook-metadata", spans);
    for (std::size_t c = 0; c < notebook.cells.size(); ++c) {
        const Cell &cell = notebook.cells[c];
        const int cellIndex = int(c);
        add(cell.source, cellIndex, "source", -1, cell.isCode() ? TextKind::Code : TextKind::Prose);
        add(attachmentText(cell.attachments), cellIndex, "attachment", -1);
        d->scanMetadata(cell.metadata, {}, cellIndex, "metadata", spans);
        for (std::size_t o = 0; o < cell.outputs.size(); ++o) {
            const Output &output = cell.outputs[o];
            const int outputIndex = int(o);
            if (!output.text.empty())
                add(stripAnsi(output.text), cellIndex, "output", outputIndex);
            for (const MimeItem &item : output.data) {
                // Base64 images and other binary payloads are never text.
                if (item.isTextLike() || item.isJson)
                    add(item.data, cellIndex, "output", outputIndex);
            }
            if (!output.details().traceback.empty()) {
                std::string joined;
                for (const auto &line : output.details().traceback)
                    joined += line + '\n';
                add(stripAnsi(joined), cellIndex, "output", outputIndex);
            } else if (!output.details().errorValue.empty()) {
                add(stripAnsi(output.details().errorValue), cellIndex, "output", outputIndex);
            }
        }
    }
    // Users allow a reviewed value by fingerprint, never by value.
    std::vector<std::string> allowed;
    if (const auto tassel = notebook.metadata.find("tassel");
        tassel != notebook.metadata.end() && tassel->is_object()) {
        if (const auto allow = tassel->find("allow"); allow != tassel->end() && allow->is_array()) {
            for (const auto &entry : *allow) {
                if (entry.is_string())
                    allowed.push_back(entry.get<std::string>());
            }
        }
    }
    std::erase_if(spans, [&](const SecretSpan &span) {
        return std::find(allowed.begin(), allowed.end(), span.fingerprint) != allowed.end();
    });
    return spans;
}

std::vector<Finding> SecretScanner::scan(const Notebook &notebook) const
{
    std::vector<Finding> findings;
    for (const SecretSpan &span : locate(notebook)) {
        Finding finding;
        finding.rule = "hardcoded-secret";
        finding.severity = Severity::Error;
        finding.cell = span.cell;
        if (span.cell >= 0 && std::size_t(span.cell) < notebook.cells.size())
            finding.cellId = notebook.cells[std::size_t(span.cell)].id;
        finding.line = span.range.line;
        finding.column = span.range.column;
        finding.endLine = span.range.endLine;
        finding.endColumn = span.range.endColumn;
        if (!span.name.empty())
            finding.names.push_back(span.name);
        finding.secretKind = span.kind;
        finding.maskedPreview = mask(span.value);
        finding.fingerprint = span.fingerprint;
        finding.outputIndex = span.outputIndex;
        finding.location = span.location;
        const Message what = Message(describe(span.kind)).arg("secret_rule", span.kind);
        finding.setMessage(Message("hardcoded-secret")
                               .arg("what", what.english())
                               .arg("what_id", what.id)
                               .arg("secret_rule", span.kind)
                               .arg("masked", finding.maskedPreview)
                               .arg("place", "secret.place." + span.location)
                               .cell("cell", span.cell)
                               .arg("line", span.range.line)
                               .arg("output", span.outputIndex + 1));
        findings.push_back(std::move(finding));
    }
    return findings;
}

std::string SecretScanner::mask(std::string_view value)
{
    // Count code points so the length matches what a person sees.
    std::size_t length = 0;
    for (unsigned char c : value) {
        if ((c & 0xC0) != 0x80)
            ++length;
    }
    const std::size_t shown = length >= 16 ? 4 : length / 4;
    std::size_t bytes = 0;
    for (std::size_t seen = 0; bytes < value.size();) {
        if ((static_cast<unsigned char>(value[bytes]) & 0xC0) != 0x80) {
            if (seen == shown)
                break;
            ++seen;
        }
        ++bytes;
    }
    return std::string(value.substr(0, bytes)) + "\u2026(" + std::to_string(length) + " chars)";
}

std::string SecretScanner::fingerprint(std::string_view kind, std::string_view value)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView("hardcoded-secret\n"));
    hash.addData(QByteArrayView(kind.data(), qsizetype(kind.size())));
    hash.addData(QByteArrayView("\n"));
    hash.addData(QByteArrayView(value.data(), qsizetype(value.size())));
    return hash.result().toHex().left(16).toStdString();
}

double SecretScanner::entropy(std::string_view value)
{
    if (value.empty())
        return 0.0;
    std::array<int, 256> counts {};
    for (unsigned char c : value)
        ++counts[c];
    double bits = 0.0;
    const double n = double(value.size());
    for (int count : counts) {
        if (count > 0) {
            const double p = count / n;
            bits -= p * std::log2(p);
        }
    }
    return bits;
}

} // namespace tassel
