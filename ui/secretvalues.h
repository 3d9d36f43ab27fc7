#pragma once

#include "analysis/notebookanalysis.h"
#include "notebook/notebook.h"

#include <string>
#include <string_view>
#include <vector>

namespace tassel::ui {

/// The values of the hard-coded secrets an analysis found, recovered from the notebook at the
/// findings' ranges and confirmed by their fingerprints, so that text the notebook did not
/// store (a re-run's output) can be masked as the notebook view masks the cells. A plain value;
/// keep it no longer than the notebook it came from.
class SecretValues
{
public:
    SecretValues() = default;
    SecretValues(const Notebook &notebook, const NotebookAnalysis &analysis);

    /// `text` with every known secret replaced by its masked preview, then any other long
    /// letter-and-digit token masked as the verify report does.
    std::string mask(std::string_view text) const;
    std::size_t size() const { return m_secrets.size(); }

private:
    struct Secret
    {
        std::string value;
        std::string preview;
    };
    std::vector<Secret> m_secrets;
};

} // namespace tassel::ui
