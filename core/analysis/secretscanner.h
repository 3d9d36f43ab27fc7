#pragma once

#include "analysis/finding.h"
#include "analysis/gitleaksrules.h"
#include "notebook/notebook.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tassel {

/// How bare `name=value` pairs (no quotes) are read: in prose (markdown, outputs, metadata)
/// anywhere; in code only inside string literals, comments and shell or magic lines, where the
/// value cannot be a variable.
enum class TextKind { Code, Prose };

/// Where one secret sits, with its clear value. Only code that rewrites the notebook (graduation)
/// should ask for these, and the value must never be written anywhere; everything else uses the
/// masked Findings of SecretScanner::scan.
struct SecretSpan
{
    int cell = -1; ///< 0-based over all cells; -1 for notebook metadata
    std::string location; ///< "source", "output", "metadata", "notebook-metadata", "attachment"
    int outputIndex = -1; ///< for "output": index of the output in the cell
    /// Byte offsets of the value in the scanned text (the cell source for "source").
    std::size_t begin = 0;
    std::size_t end = 0;
    /// 1-based line/column (columns in code points) in the scanned text, end exclusive.
    SourceRange range;
    std::string kind; ///< family, e.g. "github-token"
    std::string name; ///< the variable or key name for the keyword rule, else empty
    std::string value; ///< the clear value: keep in memory only
    std::string fingerprint;

    bool operator==(const SecretSpan &) const = default;
};

/// Finds hard-coded credentials in a parsed notebook: decoded cell sources, text-like outputs,
/// tracebacks (ANSI stripped) and metadata strings, never binary payloads. One keyword pass over
/// each text (GitleaksRules::find) finds the keywords of every rule: Tassel's own patterns run
/// together in one RE2::Set (linear time), and only on a text holding one of their keywords (most
/// texts hold none); gitleaks' vendor rules each run only near one of theirs. A keyword rule with a
/// placeholder filter and an entropy threshold covers the rest. One value found by several rules is reported
/// once, by the most specific: Tassel's token rules, then gitleaks', then Tassel's URL and
/// keyword rules. Honours `metadata.tassel.allow` (fingerprints)
/// and `# tassel: allow-secret` on the line. Immutable after construction and safe to share
/// between threads; build one and reuse it (compiling the patterns takes tens
/// of milliseconds).
class SecretScanner
{
public:
    /// Tassel's rules and gitleaks' rules as embedded in Tassel.
    SecretScanner();
    /// Tassel's rules and the given gitleaks rules (tests and the benchmark use their own).
    explicit SecretScanner(const GitleaksRules &gitleaks);
    ~SecretScanner();
    SecretScanner(const SecretScanner &) = delete;
    SecretScanner &operator=(const SecretScanner &) = delete;

    /// One scanner for the process, built on first use (thread-safe).
    static const SecretScanner &shared();

    /// Findings with rule "hardcoded-secret", severity Error, never holding the value.
    std::vector<Finding> scan(const Notebook &notebook) const;
    /// The same secrets with their clear values and byte ranges, for code that replaces them.
    std::vector<SecretSpan> locate(const Notebook &notebook) const;
    /// One of Tassel's own rules: its secret kind, regex and keywords (it runs only on texts that
    /// hold one of them), in priority order. For tests that check the keywords.
    struct OwnRule
    {
        std::string kind;
        CompanionRule rule;
    };
    static std::vector<OwnRule> ownRules();
    /// ownRules() as GitleaksRules' companions (their keywords searched in its one pass).
    static std::vector<CompanionRule> companionRules();

    /// Secrets in one piece of text (offsets relative to it); allowlists do not apply.
    std::vector<SecretSpan> scanText(std::string_view text, TextKind kind = TextKind::Code) const;

    /// First characters and length, e.g. "ghp_…(40 chars)"; shorter values show fewer characters
    /// so a short password is never half revealed.
    static std::string mask(std::string_view value);
    /// Stable 16-hex-digit id of a secret (sha256 of rule, kind and value), for allowlists.
    static std::string fingerprint(std::string_view kind, std::string_view value);
    /// Shannon entropy in bits per byte.
    static double entropy(std::string_view value);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace tassel
