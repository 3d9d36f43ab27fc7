#pragma once

#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tassel {

/// What a gitleaks rule's regex needs right after one of its keywords: at least `minimum` bytes
/// of the class `bytes` (ASCII letters in both cases). vault-service-token's `s.` must be followed
/// by 24 letters or digits: a hit whose next bytes are "read_csv(" cannot start a match, so the
/// rule's regex need not run around it.
struct KeywordTail
{
    std::bitset<256> bytes;
    std::size_t minimum = 0;
    /// If any is set: after the keyword (and the `minimum` bytes), at most `within` bytes of
    /// `scope`, then one of these. linear-client-secret's `linear` must be followed by
    /// `[ \t\w.-]{0,20}[\s'"]{0,3}` and then `=`, `>`, `:`, `|`, `?` or `,`: "linear regression
    /// of the" cannot start a match. A URL's "://" needs the '@' of user:password@ before its path.
    std::bitset<256> reaches;
    std::bitset<256> scope;
    std::size_t within = std::size_t(-1);

    /// What `text` shows from `at` on: the tail, not the tail, or the tail so far, where the text
    /// ends before it says (more bytes could complete it). It never reads past the text.
    enum class Verdict { Held, Missing, Cut };

    bool operator==(const KeywordTail &) const = default;
    Verdict check(std::string_view text, std::size_t at) const;
    bool heldBy(std::string_view text, std::size_t at) const { return check(text, at) == Verdict::Held; }
};

/// For each of a rule's keywords (lower case, as GitleaksRule::keywords), the tails its regex
/// needs after it: one KeywordTail for each place the keyword stands in the regex as literal text
/// (a match through that place has the keyword there, then the tail); a hit needs only one of
/// them. Derived from the regex string by a small RE2-syntax reader, and only when every match of
/// the regex must contain one of the keywords as literal text (else a match could come from a
/// keyword elsewhere in the text): for a keyword the reader does not understand in every place,
/// for a regex it cannot read, or without that guarantee, the list is empty (no check: the rule
/// runs around every hit, as without this analysis).
std::vector<std::vector<KeywordTail>> keywordTails(
    std::string_view regex, const std::vector<std::string> &keywords);

} // namespace tassel
