#pragma once

#include "analysis/gitleaksrulestail.h"
#include "util/keywordfinder.h"
#include "util/result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace tassel {

/// A regex of gitleaks' configuration, compiled by RE2 the first time a text needs it: most rules
/// never run on a notebook (their keywords do not occur), so start-up pays for none of them.
/// Copies share one compiled form; get() is thread-safe (compiled once, under std::call_once).
class GitleaksRegex
{
public:
    GitleaksRegex() = default;
    explicit GitleaksRegex(std::string pattern);

    const std::string &pattern() const;
    /// The compiled regex, or nullptr when RE2 refuses the pattern (error() says why).
    const re2::RE2 *get() const;
    /// Why RE2 refuses the pattern; empty when it compiles.
    std::string error() const;

private:
    struct Compiled;
    std::shared_ptr<Compiled> m_compiled;
};

/// The parts of a gitleaks allowlist that apply to notebooks (paths and commits do not).
struct GitleaksAllowlist
{
    std::vector<GitleaksRegex> regexes;
    std::string regexTarget; ///< what `regexes` test: "" (the secret), "match" or "line"
    std::vector<std::string> stopwords; ///< lower case; a secret holding one is allowed
    bool requireAll = false; ///< condition = "AND": regexes and stopwords must both allow

    /// Whether this allowlist lets the secret go.
    bool allows(std::string_view secret, std::string_view match, std::string_view line) const;
};

/// One rule of gitleaks' configuration, for RE2 (gitleaks' Go regexps are RE2 syntax).
struct GitleaksRule
{
    std::string id; ///< becomes the finding's secret kind, e.g. "shopify-access-token"
    std::string description;
    std::string regex;
    GitleaksRegex compiled; ///< `regex`, compiled when the rule first runs
    int secretGroup = 0; ///< the group holding the secret; 0 = the first non-empty group
    double entropy = 0.0; ///< a secret needs more bits per byte than this; 0 = no threshold
    std::vector<std::string> keywords; ///< lower case; the rule runs only near one of them
    std::vector<GitleaksAllowlist> allowlists;
};

/// Where one gitleaks rule found a secret: byte offsets of the secret in the scanned text.
struct GitleaksMatch
{
    std::size_t rule = 0; ///< index in GitleaksRules::rules
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// A rule matched elsewhere (SecretScanner's own rules) whose keywords GitleaksRules looks for in
/// the same pass as gitleaks' keywords, so each text is read once: find() tells which of these
/// rules may match, and SecretScanner runs only those.
struct CompanionRule
{
    std::string regex; ///< read for what it needs after its keywords (keywordTails())
    /// Every match holds one of these, in any ASCII case; without any the rule may match any text.
    std::vector<std::string> keywords;
    /// What every match has after its keyword, if the rule says (else keywordTails() reads the
    /// regex): a hit without it wakes no search.
    std::optional<KeywordTail> tail;

    bool operator==(const CompanionRule &) const = default;
};

/// Which companion rules may match a text: bit i for the i-th rule given to setCompanions().
using CompanionMask = std::uint64_t;

/// gitleaks' rule set (analysis/gitleaks/gitleaks.toml, MIT; see the README beside it), or another
/// file in its format, read with tomlplusplus. Left out, and listed in `skipped` with the reason:
/// gitleaks' generic-api-key (Tassel's keyword rule does that job), path-only rules and the rules
/// of families Tassel has its own rule for. Regexes are compiled when first needed; refused()
/// compiles them all and names the rules RE2 refuses (the tests call it, so none reaches a
/// release). Immutable after parse() (the lazy compilation is invisible and thread-safe);
/// embedded() is built once and shared between threads.
class GitleaksRules
{
public:
    struct Skipped
    {
        std::string id;
        std::string reason;
    };

    /// Many texts a notebook holds (metadata ids, flags) are shorter than any match of gitleaks'
    /// rules (the shortest, Slack's legacy tokens, have 12 bytes): they cost no search.
    static constexpr std::size_t kShortestMatch = 10;
    /// Where embedded() reads gitleaks' rules from (a Qt resource).
    static constexpr std::string_view kEmbeddedFile = ":/tassel/gitleaks/gitleaks.toml";
    /// Tassel's own vendor rules in gitleaks' format, read after gitleaks' (a Qt resource).
    static constexpr std::string_view kTasselRulesFile = ":/tassel/gitleaks/tassel-rules.toml";

    std::vector<GitleaksRule> rules;
    std::vector<Skipped> skipped;
    GitleaksAllowlist global; ///< the file's top-level allowlist, applied to every rule

    /// The rules compiled into Tassel (load(embeddedFiles())) with SecretScanner's own rules as
    /// companions, read and indexed once per process; an empty set with one `skipped` entry naming
    /// the problem if that fails (tst_secretscanner checks it).
    static const GitleaksRules &embedded();
    /// kEmbeddedFile, then kTasselRulesFile.
    static std::vector<std::string> embeddedFiles();
    /// Rules from a gitleaks configuration file: a path on disk or a Qt resource (":/...").
    /// An Error when it cannot be read or is not valid TOML.
    static Result<GitleaksRules> load(const std::string &path);
    /// Rules from several such files read as one, in order (their [[rules]] tables in sequence;
    /// the first file's top-level allowlist applies to all), with `companions` (setCompanions()).
    static Result<GitleaksRules> load(
        const std::vector<std::string> &paths, const std::vector<CompanionRule> &companions = {});
    /// Rules from the text of a gitleaks configuration file (`file` names it in errors), with
    /// `companions`; an Error for invalid TOML.
    static Result<GitleaksRules> parse(
        std::string_view toml, const std::string &file, const std::vector<CompanionRule> &companions = {});

    /// What a keyword search of a text found: whether gitleaks' rules need to look for a match
    /// (one of their keywords occurs, or a rule without keywords exists), and which companion
    /// rules may match (one of their keywords occurs with what their regex needs after it).
    struct Wakes
    {
        bool gitleaks = false;
        CompanionMask companions = 0;
        /// A keyword's check ran into the end of the text undecided: bytes after the text could
        /// wake a rule there (KeywordTail::Verdict::Cut).
        bool cut = false;

        Wakes &operator|=(const Wakes &other)
        {
            gitleaks = gitleaks || other.gitleaks;
            companions |= other.companions;
            cut = cut || other.cut;
            return *this;
        }
    };

    /// Rules whose keywords are searched for with gitleaks' keywords from now on; only the first
    /// 64 (the bits of CompanionMask; SecretScanner checks its rules fit at compile time).
    void setCompanions(const std::vector<CompanionRule> &companions);
    const std::vector<CompanionRule> &companions() const { return m_companions; }

    /// Compiles every regex now: the rules RE2 refuses (or whose secretGroup the regex lacks),
    /// and allowlists RE2 refuses, with the reason. Such a rule never matches.
    std::vector<Skipped> refused() const;

    /// The secrets gitleaks' rules find in `text`, after their entropy thresholds and allowlists.
    /// One pass over the bytes finds every keyword (KeywordFinder, ASCII case ignored); a rule's
    /// regex then runs only on the lines around its keywords' occurrences, never on the whole
    /// text, and not around an occurrence lacking the bytes the regex needs right after the
    /// keyword (keywordTails()). The inner parts of base64 runs of 4 KiB or more are not searched for
    /// keywords: a secret found there would lie inside the payload, which SecretScanner never reports
    /// (for its own rules as for gitleaks'). `wakes`, if given, is set to what the keyword search
    /// of those parts found.
    std::vector<GitleaksMatch> find(std::string_view text, Wakes *wakes = nullptr) const;
    /// What a keyword search of all of `text` finds.
    Wakes wakes(std::string_view text) const;
    /// The length of the longest keyword: a keyword overlapping a place lies within this many
    /// bytes of it.
    std::size_t longestKeyword() const { return m_longestKeyword; }

private:
    void index();
    bool allowed(const GitleaksRule &rule, std::string_view secret, std::string_view match,
        std::string_view text) const;
    void matchStretch(std::size_t ruleIndex, std::string_view text, std::size_t begin, std::size_t end,
        std::vector<GitleaksMatch> &out) const;

    /// A rule one keyword wakes, and what its regex needs after that keyword (keywordTails()).
    struct Woken
    {
        std::size_t rule; ///< in `rules`, or in the companions when `companion` is set
        std::vector<KeywordTail> tails; ///< empty: no check, the regex runs around every hit
        bool companion = false;
    };
    /// Calls `woken(rule)` for each rule a keyword at `at` wakes whose tail the text holds; sets
    /// `cut` where a tail's check ran into the end of the text.
    template <typename Visit>
    void forEachWoken(
        std::string_view text, std::size_t keyword, std::size_t at, bool &cut, Visit woken) const;

    KeywordFinder m_keywordFinder; ///< every rule's keywords, once each
    std::vector<std::size_t> m_keywordLengths;
    std::size_t m_longestKeyword = 0;
    std::vector<std::vector<Woken>> m_rulesOfKeyword;
    std::vector<int> m_linesAfter; ///< by rule: lines after the keyword's line its regex may read
    std::vector<std::size_t> m_keywordless; ///< rules without keywords run on every text
    std::vector<CompanionRule> m_companions;
    CompanionMask m_keywordlessCompanions = 0; ///< these may match any text
};

} // namespace tassel
