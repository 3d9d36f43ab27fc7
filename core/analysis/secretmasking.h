#pragma once

#include "analysis/finding.h"
#include "notebook/notebook.h"

#include <string>
#include <string_view>
#include <vector>

namespace tassel {

/// The one place that hides hard-coded secrets in what Tassel writes or shows. Three ways:
/// - by value: SecretMask holds every value the scanner found anywhere in a notebook and hides
///   it wherever it occurs (`hide`, for files: notebook copies, fixtures, generated code) or
///   replaces it by its preview (`preview`, for reports and the GUI);
/// - by range: `maskRanges` replaces the text a Finding's line/column range covers;
/// - by shape: `maskLikelyTokens`, a last resort for text no scanner saw.
/// A SecretMask holds clear values: keep it in memory only, never write or log it. A plain
/// value; const use is thread-safe.
class SecretMask
{
public:
    SecretMask() = default;
    explicit SecretMask(const std::vector<std::string> &values);

    /// Every value SecretScanner finds in `notebook`: sources of every cell type, outputs of
    /// every MIME type, tracebacks, cell and notebook metadata, text attachments.
    static SecretMask of(const Notebook &notebook);

    void add(const std::string &value);
    /// Adds what the scanner finds in text the notebook never stored (a re-run's output).
    void addFoundIn(std::string_view text);
    void addFoundIn(const Notebook &notebook);

    /// `text` with every value replaced by `***`: as written, as a JSON string escapes it, and
    /// line by line for values of several lines (a notebook stores text as a list of lines), so
    /// it serves plain text and a notebook's raw JSON alike.
    std::string hide(std::string text) const;
    /// `text` with every value replaced by its preview (SecretScanner::mask, e.g. "ghp_…(40
    /// chars)"), as written or as its separate lines.
    std::string preview(std::string text) const;

    const std::vector<std::string> &values() const { return m_values; }
    std::size_t size() const { return m_values.size(); }
    bool empty() const { return m_values.empty(); }

private:
    std::string replaced(std::string text, bool withPreview) const;

    std::vector<std::string> m_values; ///< unique, longest first so a value that holds another goes whole
};

/// A byte range of a text and what replaces it.
struct MaskedRange
{
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string replacement;
};

/// The bytes a secret finding covers in `text` (the text it was found in): its 1-based
/// line/column range, clamped to the text, to the end of its line when the finding has no end.
MaskedRange rangeOf(std::string_view text, const Finding &finding);
/// `value` as one bullet (•) per character, newlines kept: what the GUI shows for a secret.
std::string bullets(std::string_view value);
/// `text` with each range replaced; overlapping ranges are cut where the later one starts.
std::string maskRanges(std::string text, std::vector<MaskedRange> ranges);

/// Any token of 20 or more letters, digits and `_-+/=` that mixes letters and digits shows
/// only its first four characters and its length. For text no scanner saw.
std::string maskLikelyTokens(std::string_view text);

} // namespace tassel
