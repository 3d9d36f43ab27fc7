#pragma once

#include "util/message.h"

#include <optional>
#include <string>
#include <string_view>

namespace tassel {

/// One declared dependency: a PEP 508 requirement (or a conda spec) and where it was written.
struct Requirement
{
    std::string name; ///< as written
    std::string specifier; ///< ">=1.2,<2", "==2.0.1", "@ git+https://...", or empty
    /// The exact version when the specifier pins one (==X or ===X, no wildcard; conda =X too).
    std::optional<std::string> pinnedVersion;
    /// Where it was written, for people: "%pip in cell 3", "requirements.txt line 4".
    std::string source;
    Message sourceKey; ///< the template id (declaration.*) and arguments `source` was rendered from
    int cell = -1; ///< 0-based cell for inline declarations, else -1
    int line = 0; ///< 1-based line in the cell or the file
    std::string file; ///< file name relative to the notebook folder, empty for inline ones

    /// Sets `sourceKey` and its English rendering `source`.
    void setSource(Message key)
    {
        source = key.english();
        sourceKey = std::move(key);
    }

    /// The PEP 503 normalised name, for comparisons.
    std::string normalizedName() const;

    /// Parses one PEP 508 requirement ("requests[socks]>=2.0; python_version<'3.9'",
    /// "pkg @ https://...", "git+https://...#egg=pkg"); nothing for paths and plain URLs.
    static std::optional<Requirement> parse(std::string_view text);
    /// Parses one conda match spec ("numpy=1.21", "conda-forge::scipy>=1.8", "python=3.11").
    static std::optional<Requirement> parseConda(std::string_view text);
    /// PEP 503: lower case, runs of "-", "_" and "." become one "-".
    static std::string normalize(std::string_view name);

    bool operator==(const Requirement &) const = default;
};

} // namespace tassel
