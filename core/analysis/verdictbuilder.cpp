#include "analysis/verdictbuilder.h"

namespace tassel {

namespace {

void count(std::vector<std::string> &parts, int n, const char *one, const char *many)
{
    if (n > 0)
        parts.push_back(std::to_string(n) + ' ' + (n == 1 ? one : many));
}

std::string answer(bool yes, const std::vector<std::string> &parts)
{
    if (yes)
        return "yes";
    std::string text = "no (";
    for (std::size_t k = 0; k < parts.size(); ++k)
        text += (k ? ", " : "") + parts[k];
    return text + ')';
}

} // namespace

void VerdictBuilder::complete(Verdict &verdict, const std::vector<Finding> &findings)
{
    RunsVerdict runs;
    SameOutputsVerdict same;
    int errors = 0;
    for (const Finding &finding : findings) {
        const std::string &rule = finding.rule;
        runs.useBeforeDefinition += rule == "use-before-definition";
        runs.undefinedNames += rule == "undefined-name";
        runs.syntaxErrors += rule == "syntax-error";
        same.staleOutputs += rule == "stale-output";
        same.unexecutedCells += rule == "unexecuted-cell";
        same.errorOutputs += rule == "error-output";
        same.nondeterministicOutputs += rule == "nondeterministic-output";
        errors += finding.severity == Severity::Error;
    }
    runs.yes = runs.useBeforeDefinition == 0 && runs.undefinedNames == 0 && runs.syntaxErrors == 0;
    same.yes = same.staleOutputs == 0 && same.unexecutedCells == 0 && same.errorOutputs == 0
        && same.nondeterministicOutputs == 0;
    verdict.runs = runs;
    verdict.sameOutputs = same;
    verdict.errorFindings = errors;
    verdict.status = !runs.yes || errors > 0 ? VerdictStatus::Broken
        : !same.yes                          ? VerdictStatus::Risky
                                             : VerdictStatus::Ok;
}

std::string_view VerdictBuilder::statusName(VerdictStatus status)
{
    switch (status) {
    case VerdictStatus::Ok:
        return "ok";
    case VerdictStatus::Risky:
        return "risky";
    case VerdictStatus::Broken:
        break;
    }
    return "broken";
}

std::string VerdictBuilder::statusLine(const Verdict &verdict)
{
    std::vector<std::string> runs;
    count(
        runs, verdict.runs.useBeforeDefinition, "use of a name defined later", "uses of names defined later");
    count(runs, verdict.runs.undefinedNames, "name defined nowhere", "names defined nowhere");
    count(runs, verdict.runs.syntaxErrors, "cell that does not parse", "cells that do not parse");
    std::vector<std::string> same;
    const SameOutputsVerdict &s = verdict.sameOutputs;
    count(same, s.nondeterministicOutputs, "nondeterministic output", "nondeterministic outputs");
    count(same, s.staleOutputs, "stale output", "stale outputs");
    count(same, s.unexecutedCells, "never-run cell others depend on", "never-run cells others depend on");
    count(same, s.errorOutputs, "stored error", "stored errors");
    std::string line = "Status: " + std::string(statusName(verdict.status)) + " — runs top to bottom: "
        + answer(verdict.runs.yes, runs) + "; same outputs: " + answer(s.yes, same);
    if (verdict.errorFindings > 0)
        line += "; " + std::to_string(verdict.errorFindings)
            + (verdict.errorFindings == 1 ? " error-level finding" : " error-level findings");
    return line + '.';
}

} // namespace tassel
