#pragma once

#include "python/cellsymbols.h"
#include "util/message.h"

#include <optional>
#include <string>
#include <vector>

namespace tassel {

enum class Severity { Info, Warning, Error };

std::string_view severityName(Severity severity); ///< "info", "warning", "error"

/// One explained problem in a notebook. Rule ids are stable strings (the JSON report's
/// "rule"): use-before-definition, undefined-name, syntax-error, python2, out-of-order-execution,
/// stale-output, unexecuted-cell, execution-gap, non-idempotent-cell, opaque-code, hardcoded-secret,
/// unpinned-dependency, undeclared-dependency, unused-declaration, shell-install, error-output,
/// nondeterministic-output, hardcoded-path, missing-input, network-input, swallowed-exception.
struct Finding
{
    std::string rule;
    Severity severity = Severity::Warning;
    int cell = -1; ///< 0-based index over all cells; -1 for the whole notebook
    std::string cellId;
    /// 1-based within the cell source; 0 when the finding concerns the whole cell.
    int line = 0;
    int column = 0;
    int endLine = 0;
    int endColumn = 0;
    std::vector<std::string> names;
    std::vector<int> relatedCells;
    std::string message; ///< one sentence in English: what, where and why
    Message messageKey; ///< the template id and arguments `message` was rendered from

    /// Sets `messageKey` and its English rendering `message`.
    void setMessage(Message key)
    {
        message = key.english();
        messageKey = std::move(key);
    }

    // hardcoded-secret only
    std::string secretKind; ///< family, e.g. "github-token"
    std::string maskedPreview; ///< first 4 characters + length, never the value
    std::string fingerprint; ///< stable hash of rule, kind and value (for allowlists)
    int outputIndex = -1; ///< when found in an output: its index in the cell, else -1
    std::string location; ///< "source", "output", "metadata", "notebook-metadata", "attachment"

    // nondeterministic-output only: random, clock, network, environment or order
    std::string changeSource;

    bool operator==(const Finding &) const = default;
};

} // namespace tassel
