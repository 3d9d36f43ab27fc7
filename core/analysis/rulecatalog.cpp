#include "analysis/rulecatalog.h"

#include <algorithm>

namespace tassel {

const std::vector<RuleInfo> &RuleCatalog::all()
{
    static const std::vector<RuleInfo> rules = {
        {"use-before-definition", "Use before definition",
            "Run top to bottom, a cell uses a name that is first defined in a later cell, directly or "
            "through a "
            "notebook function it calls: a NameError waiting to happen.",
            Severity::Error},
        {"undefined-name", "Undefined name",
            "A cell uses a name that no cell, import or builtin defines, or that was deleted: hidden state "
            "left by a "
            "deleted or edited cell.",
            Severity::Error},
        {"syntax-error", "Syntax error",
            "A code cell does not parse as Python 3 (a shell command without !, merge-conflict markers, "
            "typographic quotes, a non-breaking space): it fails when run, and its names are not checked.",
            Severity::Error},
        {"python2", "Python 2",
            "The notebook is Python 2 (its kernel, or cells using print statements, backticks, <>, "
            "except X, e): Python 3 cannot run it as it is.",
            Severity::Error},
        {"out-of-order-execution", "Out-of-order execution",
            "Execution counts do not increase in document order: the stored outputs came from a different "
            "order than "
            "the notebook shows.",
            Severity::Warning},
        {"stale-output", "Stale output",
            "A cell's outputs were produced before a cell it depends on was executed again, or the cell "
            "holds outputs but no code (it was removed), so they may not match the code.",
            Severity::Warning},
        {"unexecuted-cell", "Unexecuted cell",
            "A code cell was never run although executed cells below it depend on what it defines or "
            "changes.",
            Severity::Warning},
        {"error-output", "Error output",
            "The notebook was saved with a traceback in a cell's outputs (an error output or a printed "
            "traceback): its stored results come from a run that failed.",
            Severity::Warning},
        {"nondeterministic-output", "Nondeterministic output",
            "A cell shows, plots or writes a value that changes from run to run: unseeded randomness, the "
            "clock, data read from a URL, the environment, or the order of a set or directory listing.",
            Severity::Warning},
        {"execution-gap", "Execution gap",
            "Execution counts jump: cells were re-run, edited or deleted between the executions the notebook "
            "shows.",
            Severity::Info},
        {"non-idempotent-cell", "Non-idempotent cell",
            "Re-running the cell changes state again (x += 1, lst.append(...), in-place changes of a value "
            "made "
            "elsewhere).",
            Severity::Info},
        {"opaque-code", "Opaque code",
            "%run, star imports, exec/eval or globals()[...] may define any name: what they do cannot be "
            "proved "
            "statically.",
            Severity::Info},
        {"analysis-limit", "Analysis limit",
            "Part of the notebook was not analysed because it exceeded a limit (cell source length, parse "
            "time, output size); findings that depend on it may be missing.",
            Severity::Warning},
        {"hardcoded-secret", "Hard-coded secret",
            "A credential (API key, token, private key, password) is stored in the notebook's code, outputs "
            "or "
            "metadata.",
            Severity::Error},
        {"unpinned-dependency", "Unpinned dependency",
            "A third-party import has no exact == pin anywhere the notebook or its project declares "
            "dependencies.",
            Severity::Warning},
        {"undeclared-dependency", "Undeclared dependency",
            "A third-party module is imported but no requirements file, pyproject.toml or %pip line declares "
            "it.",
            Severity::Warning},
        {"unused-declaration", "Unused declaration",
            "A dependency is declared but the notebook never imports it.", Severity::Info},
        {"shell-install", "Shell install",
            "!pip install may install into a different environment than the kernel's; use %pip install.",
            Severity::Warning},
        {"hardcoded-path", "Hard-coded path",
            "A cell reads or writes an absolute or home path (/home/..., /Users/..., C:\\..., ~/...): the "
            "notebook only runs on its author's machine. Fix: a path relative to the notebook or a "
            "parameter.",
            Severity::Warning},
        {"missing-input", "Missing input",
            "A cell reads a relative file or folder that does not exist beside the notebook: a re-run or the "
            "graduated package will fail. Fix: add the file beside the notebook or correct the path.",
            Severity::Warning},
        {"network-input", "Network input",
            "A cell reads data from a URL: it is not versioned and a run offline fails. Fix: download it "
            "once, keep it with a checksum and read the local copy.",
            Severity::Warning},
        {"swallowed-exception", "Swallowed exception",
            "An except:, except Exception: or except BaseException: handler only passes, continues or "
            "prints/logs and goes on: any error, a missing file or a renamed column included, passes "
            "unnoticed. A named, narrower exception (except ImportError: pass) is not reported. Fix: catch "
            "the exception you expect, or log and re-raise.",
            Severity::Warning},
    };
    return rules;
}

const RuleInfo *RuleCatalog::find(const std::string &id)
{
    const auto &rules = all();
    const auto it
        = std::find_if(rules.begin(), rules.end(), [&](const RuleInfo &rule) { return rule.id == id; });
    return it == rules.end() ? nullptr : &*it;
}

int RuleCatalog::indexOf(const std::string &id)
{
    const auto &rules = all();
    const auto it
        = std::find_if(rules.begin(), rules.end(), [&](const RuleInfo &rule) { return rule.id == id; });
    return it == rules.end() ? -1 : int(it - rules.begin());
}

} // namespace tassel
