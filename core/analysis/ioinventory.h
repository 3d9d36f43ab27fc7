#pragma once

#include "analysis/datacontract.h"
#include "analysis/finding.h"
#include "analysis/notebookanalysis.h"
#include "notebook/notebook.h"

#include <map>
#include <string>
#include <vector>

namespace tassel {

/// Lists where a notebook's cells read and write data: pandas readers and writers, open(),
/// pathlib, numpy, joblib, PIL, savefig, sqlite3/sqlalchemy, glob/listdir and HTTP clients (one
/// table in ioinventory.cpp). Targets are resolved through literals, f-strings, `+`, `/` joins,
/// Path(...), os.path.join and module-level constants bound earlier in document order (the
/// parameters cell included); anything else is `computed`. Import aliases are followed
/// (`pd.read_csv` is pandas.read_csv). Also reports hardcoded-path, missing-input and
/// network-input findings. Stateless; safe from any thread.
class IoInventory
{
public:
    struct Result
    {
        std::vector<IoAccess> io;
        std::vector<Finding> findings;
        /// What the code says about each tabular read, by io[] index (for DataContracts).
        std::map<std::size_t, FrameCode> frames;
    };

    /// `cells` are the notebook's analysed symbols: cells that are not Python or were beyond an
    /// analysis limit are skipped. `folder` is the notebook's folder: relative targets are looked
    /// up there for `exists` and `size` (empty: both stay unknown, no missing-input).
    static Result analyze(
        const Notebook &notebook, const std::vector<CellSymbols> &cells, const std::string &folder);
};

} // namespace tassel
