#include "analysis/rulecatalog.h"

#include <QtGlobal>

#include <algorithm>

namespace tassel {

const std::vector<RuleInfo> &RuleCatalog::all()
{
    // The fixes are marked for lupdate: the GUI shows them translated (RuleText::fix).
    static const std::vector<RuleInfo> rules = {
        {"use-before-definition", "Use before definition",
            "Run top to bottom, a cell uses a name that is first defined in a later cell, directly or "
            "through a "
            "notebook function it calls: a NameError waiting to happen.",
            Severity::Error,
            QT_TRANSLATE_NOOP("RuleFix",
                "Move the defining cell above its first use, or define the name in the cell that uses it.")},
        {"undefined-name", "Undefined name",
            "A cell uses a name that no cell, import or builtin defines, or that was deleted: hidden state "
            "left by a "
            "deleted or edited cell.",
            Severity::Error,
            QT_TRANSLATE_NOOP("RuleFix",
                "Define the name in a cell (or import it), then restart the kernel and run all cells to "
                "check.")},
        {"syntax-error", "Syntax error",
            "A code cell does not parse as Python 3 (a shell command without !, merge-conflict markers, "
            "typographic quotes, a non-breaking space): it fails when run, and its names are not checked.",
            Severity::Error,
            QT_TRANSLATE_NOOP("RuleFix",
                "Fix the cell so it parses: prefix shell commands with !, remove conflict markers, use plain "
                "quotes and spaces.")},
        {"python2", "Python 2",
            "The notebook is Python 2 (its kernel, or cells using print statements, backticks, <>, "
            "except X, e): Python 3 cannot run it as it is.",
            Severity::Error,
            QT_TRANSLATE_NOOP("RuleFix",
                "Port the code to Python 3 (print(), except X as e, range) or run it with a Python 2 "
                "kernel.")},
        {"out-of-order-execution", "Out-of-order execution",
            "Execution counts do not increase in document order: the stored outputs came from a different "
            "order than "
            "the notebook shows.",
            Severity::Warning,
            QT_TRANSLATE_NOOP("RuleFix",
                "Restart the kernel, run all cells top to bottom and save, so the outputs match the order "
                "shown.")},
        {"stale-output", "Stale output",
            "A cell's outputs were produced before a cell it depends on was executed again, or the cell "
            "holds outputs but no code (it was removed), so they may not match the code.",
            Severity::Warning,
            QT_TRANSLATE_NOOP("RuleFix",
                "Re-run the cell (after the cells it depends on), or clear outputs whose code was removed.")},
        {"unexecuted-cell", "Unexecuted cell",
            "A code cell was never run although executed cells below it depend on what it defines or "
            "changes.",
            Severity::Warning,
            QT_TRANSLATE_NOOP("RuleFix",
                "Run the cell, or delete it if the cells below do not need it, then restart and run all.")},
        {"error-output", "Error output",
            "The notebook was saved with a traceback in a cell's outputs (an error output or a printed "
            "traceback): its stored results come from a run that failed.",
            Severity::Warning,
            QT_TRANSLATE_NOOP("RuleFix",
                "Fix the error, re-run the cell and save; or clear its output if the error is expected.")},
        {"nondeterministic-output", "Nondeterministic output",
            "A cell shows, plots or writes a value that changes from run to run: unseeded randomness, the "
            "clock, data read from a URL, the environment, or the order of a set or directory listing.",
            Severity::Warning,
            QT_TRANSLATE_NOOP("RuleFix",
                "Seed the generator (random_state, np.random.seed), sort unordered results, or pass the time "
                "in "
                "as a parameter.")},
        {"execution-gap", "Execution gap",
            "Execution counts jump: cells were re-run, edited or deleted between the executions the notebook "
            "shows.",
            Severity::Info,
            QT_TRANSLATE_NOOP("RuleFix",
                "Restart the kernel and run all cells, so no run outside the notebook shaped its outputs.")},
        {"non-idempotent-cell", "Non-idempotent cell",
            "Re-running the cell changes state again (x += 1, lst.append(...), in-place changes of a value "
            "made "
            "elsewhere).",
            Severity::Info,
            QT_TRANSLATE_NOOP("RuleFix",
                "Build the value inside the cell (assign instead of +=/append to an earlier name), so "
                "re-running "
                "gives the same state.")},
        {"opaque-code", "Opaque code",
            "%run, star imports, exec/eval or globals()[...] may define any name: what they do cannot be "
            "proved "
            "statically.",
            Severity::Info,
            QT_TRANSLATE_NOOP("RuleFix",
                "Replace the star import, exec or %run with explicit imports and code, so the names are "
                "visible.")},
        {"analysis-limit", "Analysis limit",
            "Part of the notebook was not analysed because it exceeded a limit (cell source length, parse "
            "time, output size); findings that depend on it may be missing.",
            Severity::Warning,
            QT_TRANSLATE_NOOP(
                "RuleFix", "Split the very large cell or output, or raise the limit, to have it analysed.")},
        {"hardcoded-secret", "Hard-coded secret",
            "A credential (API key, token, private key, password) is stored in the notebook's code, outputs "
            "or "
            "metadata.",
            Severity::Error,
            QT_TRANSLATE_NOOP("RuleFix",
                "Remove the value, revoke it if it was shared, and read it from an environment variable or a "
                "secrets store.")},
        {"unpinned-dependency", "Unpinned dependency",
            "A third-party import has no exact == pin anywhere the notebook or its project declares "
            "dependencies.",
            Severity::Warning,
            QT_TRANSLATE_NOOP(
                "RuleFix", "Pin an exact version (name==x.y.z) in the install line or requirements file.")},
        {"undeclared-dependency", "Undeclared dependency",
            "A third-party module is imported but no requirements file, pyproject.toml or %pip line declares "
            "it.",
            Severity::Warning,
            QT_TRANSLATE_NOOP("RuleFix",
                "Declare the distribution in a requirements file, a %pip install line or a PEP 723 block.")},
        {"unused-declaration", "Unused declaration",
            "A dependency is declared but the notebook never imports it.", Severity::Info,
            QT_TRANSLATE_NOOP("RuleFix", "Remove the declaration, or import what it installs.")},
        {"shell-install", "Shell install",
            "!pip install may install into a different environment than the kernel's; use %pip install.",
            Severity::Warning,
            QT_TRANSLATE_NOOP(
                "RuleFix", "Use %pip install, which installs into the kernel's own environment.")},
        {"hardcoded-path", "Hard-coded path",
            "A cell reads or writes an absolute or home path (/home/..., /Users/..., C:\\..., ~/...): the "
            "notebook only runs on its author's machine. Fix: a path relative to the notebook or a "
            "parameter.",
            Severity::Warning,
            QT_TRANSLATE_NOOP("RuleFix", "Use a path relative to the notebook, or a parameter.")},
        {"missing-input", "Missing input",
            "A cell reads a relative file or folder that does not exist beside the notebook: a re-run or the "
            "graduated package will fail. A read the notebook does without (behind an existence check, or "
            "whose missing-file error it catches) is not reported. Fix: add the file beside the notebook or "
            "correct the path.",
            Severity::Warning,
            QT_TRANSLATE_NOOP(
                "RuleFix", "Put the file beside the notebook (or fix the path), so a fresh run finds it.")},
        {"network-input", "Network input",
            "A cell reads data from a URL: it is not versioned and a run offline fails. Fix: download it "
            "once, keep it with a checksum and read the local copy.",
            Severity::Warning,
            QT_TRANSLATE_NOOP("RuleFix",
                "Download the data once, keep it beside the notebook with a checksum, and read the local "
                "copy.")},
        {"swallowed-exception", "Swallowed exception",
            "An except:, except Exception: or except BaseException: handler only passes, continues or "
            "prints/logs and goes on: any error, a missing file or a renamed column included, passes "
            "unnoticed. A named, narrower exception (except ImportError: pass) is not reported. Fix: catch "
            "the exception you expect, or log and re-raise.",
            Severity::Warning,
            QT_TRANSLATE_NOOP(
                "RuleFix", "Catch the specific exception you expect, and log or re-raise the rest.")},
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
