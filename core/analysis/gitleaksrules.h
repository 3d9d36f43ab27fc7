#pragma once

#include "util/result.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class RE2;
}

namespace tassel {

/// The parts of a gitleaks allowlist that apply to notebooks (paths and commits do not).
struct GitleaksAllowlist
{
    std::vector<std::shared_ptr<const re2::RE2>> regexes;
    std::string regexTarget; ///< what `regexes` test: "" (the secret), "match" or "line"
    std::vector<std::string> stopwords; ///< lower case; a secret holding one is allowed
    bool requireAll = false; ///< condition = "AND": regexes and stopwords must both allow

    /// Whether this allowlist lets the secret go.
    bool allows(std::string_view secret, std::string_view match, std::string_view line) const;
};

/// One rule of gitleaks' configuration, compiled for RE2 (gitleaks' Go regexps are RE2 syntax).
struct GitleaksRule
{
    std::string id; ///< becomes the finding's secret kind, e.g. "shopify-access-token"
    std::string description;
    std::string regex;
    std::shared_ptr<const re2::RE2> compiled;
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

/// gitleaks' rule set (analysis/gitleaks/gitleaks.toml, MIT; see the README beside it), read with
/// tomlplusplus. Left out, and listed in `skipped` with the reason: rules RE2 refuses, gitleaks'
/// generic-api-key (Tassel's keyword rule does that job), path-only rules and the rules of
/// families Tassel has its own rule for. Immutable after parse(); embedded() is built once and
/// shared between threads.
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

    std::vector<GitleaksRule> rules;
    std::vector<Skipped> skipped;
    GitleaksAllowlist global; ///< the file's top-level allowlist, applied to every rule

    /// The rules compiled into Tassel: Qt resources :/tassel/gitleaks/gitleaks.toml, then Tassel's own
    /// rules in gitleaks' format, tassel-rules.toml.
    static const GitleaksRules &embedded();
    /// Rules from the text of a gitleaks configuration file; an Error for invalid TOML.
    static Result<GitleaksRules> parse(std::string_view toml, const std::string &file);

    /// The secrets gitleaks' rules find in `text`, after their entropy thresholds and allowlists.
    /// One pass finds every keyword (ASCII case ignored); a rule's regex then runs only on the
    /// lines around its keywords' occurrences, never on the whole text.
    std::vector<GitleaksMatch> find(std::string_view text) const;

private:
    void index();
    bool allowed(const GitleaksRule &rule, std::string_view secret, std::string_view match,
        std::string_view text) const;
    void matchStretch(std::size_t ruleIndex, std::string_view text, std::size_t begin, std::size_t end,
        std::vector<GitleaksMatch> &out) const;

    /// Every rule's keywords, once each, longest first, as one case-blind alternation: RE2's DFA
    /// finds them in one pass at a few cycles per byte, whatever their number.
    std::shared_ptr<const re2::RE2> m_keywordFinder;
    std::vector<std::string> m_keywords; ///< lower case, sorted
    std::vector<std::size_t> m_twoByteKeywords; ///< found with memchr, not in the alternation
    std::vector<std::vector<std::size_t>> m_rulesOfKeyword;
    /// By keyword: the shorter keywords it starts with, which occur where it does.
    std::vector<std::vector<std::size_t>> m_prefixesOfKeyword;
    std::vector<int> m_linesAfter; ///< by rule: lines after the keyword's line its regex may read
    std::vector<std::size_t> m_keywordless; ///< rules without keywords run on every text
};

} // namespace tassel
