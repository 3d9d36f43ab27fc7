#pragma once

#include "analysis/datacontract.h"
#include "analysis/notebookanalysis.h"
#include "notebook/notebook.h"

#include <map>
#include <string>
#include <vector>

namespace tassel {

/// Infers a DataContract for each tabular read in io[] from three sources and merges them:
/// the input file beside the notebook (a CSV header and sample, a .npy header), the stored
/// outputs of cells that show the frame, and the code (reader arguments, columns read).
///
/// When sources disagree: the file decides which columns exist and how many rows there are
/// (it is the data a re-run reads; outputs may be stale and show columns the notebook made);
/// the dtype comes from the code's explicit dtype=/parse_dates, else from the outputs (pandas's
/// own reading of the data: ints with gaps are float64, dates stay text without parse_dates),
/// else from the file sample; a column is nullable when any source saw a missing value.
/// Stateless; safe from any thread.
class ContractInference
{
public:
    /// Sets `contract` on each io[] entry that has a FrameCode in `frames`. `folder` is the
    /// notebook's folder (empty: no file is read).
    static void attach(const Notebook &notebook, std::vector<IoAccess> &io,
        const std::map<std::size_t, FrameCode> &frames, const std::string &folder);
    /// The contract of one read.
    static DataContract infer(
        const Notebook &notebook, const IoAccess &access, const FrameCode &frame, const std::string &folder);
};

} // namespace tassel
