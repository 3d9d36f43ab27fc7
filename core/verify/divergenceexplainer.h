#pragma once

#include "analysis/notebookanalysis.h"
#include "verify/verifyreport.h"

namespace tassel {

/// Links each divergence of a re-run (a cell that differs or raised) to the static findings that
/// explain it, most specific first: a NameError to the use-before-definition of that name, a
/// URLError to the network-input the cell reads, a differing number to the unseeded random
/// source it comes from, a changed repr to the unpinned library that made it. Stateless.
class DivergenceExplainer
{
public:
    static void explain(VerifyReport &report, const NotebookAnalysis &analysis);
};

} // namespace tassel
