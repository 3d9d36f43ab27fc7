#include "analysis/notebookanalyzer.h"
#include "cli/cli.h"
#include "cli/commandregistry.h"
#include "notebook/notebookloader.h"
#include "util/outputguard.h"
#include "verify/verificationrecord.h"
#include "verify/verifier.h"
#include "verify/verifyreportwriter.h"

#include <QSaveFile>

#include <unistd.h>

#include <algorithm>
#include <cmath>

namespace tassel::cli {

namespace {

constexpr const char *kVerifyUsage
    = "usage: tassel verify [OPTIONS] NOTEBOOK\n\n"
      "Re-runs the notebook's code cells top to bottom in a fresh Python process, compares the outputs\n"
      "with the stored ones and explains each divergence with the static findings. The notebook file is\n"
      "never modified. Cells run in the notebook's folder and may read and write files there, unless\n"
      "--in-copy is given.\n\n"
      "Options:\n"
      "  --python PATH          interpreter to run the cells with (default: python3 on PATH)\n"
      "  --timeout SECONDS      wall-clock limit for the whole run (default 600)\n"
      "  --cell-timeout SECONDS wall-clock limit for one cell (default 120)\n"
      "  --order ORDER          document (default), execution (stored counts) or suggested\n"
      "  --runner RUNNER        driver (default: Tassel's driver runs the cells itself), nbclient (a real\n"
      "                         Jupyter kernel; needs nbclient and ipykernel in the interpreter) or auto\n"
      "                         (nbclient when the interpreter can import it, else the driver)\n"
      "  --in-copy              run in a temporary copy of the notebook's folder (removed afterwards), so\n"
      "                         cells that write files leave the folder alone; skips .git, caches,\n"
      "                         node_modules and virtual environments; refuses folders over 1 GiB or\n"
      "                         20000 files; symbolic links still point at their original targets\n"
      "  --containment MODE     auto (default: a PID namespace where one can be made, else a subreaper\n"
      "                         helper) or subreaper; either kills every process the cells started\n"
      "  --format FORMAT        text (default), json or html\n"
      "  --output FILE          write the report to FILE instead of standard output\n"
      "  --env NAME             pass environment variable NAME through (repeatable; others are withheld)\n"
      "  --keep-going           run on after a cell raises (default: stop, as Run All does)\n"
      "  --float-tolerance REL  relative tolerance for numbers in text outputs (default 1e-6)\n"
      "  --save-executed FILE   write a copy of the notebook with the new outputs to FILE (secrets "
      "masked)\n\n"
      "Exit status: 0 every cell reproduced, 1 divergences, 2 usage or I/O error.\n";

struct VerifyArguments
{
    std::string notebook;
    std::string format = "text";
    std::string output;
    std::string saveExecuted;
    VerifyOptions options;
};

bool parseSeconds(const std::string &text, double &target)
{
    try {
        std::size_t used = 0;
        const double value = std::stod(text, &used);
        if (used != text.size() || !(value > 0) || !std::isfinite(value))
            return false;
        target = value;
        return true;
    } catch (...) {
        return false;
    }
}

bool parse(const std::vector<std::string> &args, VerifyArguments &parsed, std::ostream &err)
{
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        std::string value;
        auto take = [&]() {
            if (i + 1 >= args.size()) {
                err << "tassel verify: " << arg << " needs a value\n";
                return false;
            }
            value = args[++i];
            return true;
        };
        if (arg == "--python") {
            if (!take())
                return false;
            parsed.options.python = value;
        } else if (arg == "--timeout" || arg == "--cell-timeout") {
            if (!take())
                return false;
            double &target
                = arg == "--timeout" ? parsed.options.timeoutSeconds : parsed.options.cellTimeoutSeconds;
            if (!parseSeconds(value, target)) {
                err << "tassel verify: " << arg << " takes a positive number of seconds, not '" << value
                    << "'\n";
                return false;
            }
        } else if (arg == "--order") {
            if (!take())
                return false;
            if (value != "document" && value != "execution" && value != "suggested") {
                err << "tassel verify: unknown order '" << value << "' (document, execution or suggested)\n";
                return false;
            }
            parsed.options.order = value;
        } else if (arg == "--runner") {
            if (!take())
                return false;
            if (value != "driver" && value != "nbclient" && value != "auto") {
                err << "tassel verify: unknown runner '" << value << "' (driver, nbclient or auto)\n";
                return false;
            }
            parsed.options.runner = value;
        } else if (arg == "--containment") {
            if (!take())
                return false;
            if (value != "auto" && value != "subreaper") {
                err << "tassel verify: unknown containment '" << value << "' (auto or subreaper)\n";
                return false;
            }
            parsed.options.containment = value;
        } else if (arg == "--in-copy") {
            parsed.options.runInCopy = true;
        } else if (arg == "--format") {
            if (!take())
                return false;
            if (value != "text" && value != "json" && value != "html") {
                err << "tassel verify: unknown format '" << value << "' (text, json or html)\n";
                return false;
            }
            parsed.format = value;
        } else if (arg == "--output" || arg == "-o") {
            if (!take())
                return false;
            parsed.output = value;
        } else if (arg == "--env") {
            if (!take())
                return false;
            parsed.options.environment.push_back(value);
        } else if (arg == "--keep-going") {
            parsed.options.keepGoing = true;
        } else if (arg == "--float-tolerance") {
            if (!take())
                return false;
            if (!parseSeconds(value, parsed.options.comparison.relativeTolerance)) {
                err << "tassel verify: --float-tolerance takes a positive number, not '" << value << "'\n";
                return false;
            }
        } else if (arg == "--save-executed") {
            if (!take())
                return false;
            parsed.saveExecuted = value;
        } else if (arg == "--") {
            positional.insert(positional.end(), args.begin() + std::ptrdiff_t(i) + 1, args.end());
            break;
        } else if (arg.size() > 1 && arg[0] == '-') {
            err << "tassel verify: unknown option '" << arg << "'\n";
            return false;
        } else {
            positional.push_back(arg);
        }
    }
    if (positional.size() != 1) {
        err << "tassel verify: give exactly one notebook\n";
        return false;
    }
    parsed.notebook = positional.front();
    return true;
}

bool writeFile(const std::string &path, const std::string &text, std::ostream &err)
{
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly)
        || file.write(text.data(), qint64(text.size())) != qint64(text.size()) || !file.commit()) {
        err << "tassel verify: cannot write " << path << ": " << file.errorString().toStdString() << '\n';
        return false;
    }
    return true;
}

int runVerify(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    if (std::find(args.begin(), args.end(), "--help") != args.end()
        || std::find(args.begin(), args.end(), "-h") != args.end()) {
        out << kVerifyUsage;
        return ExitClean;
    }
    VerifyArguments parsed;
    if (!parse(args, parsed, err)) {
        err << kVerifyUsage;
        return ExitUsage;
    }
    for (const std::string *output : {&parsed.output, &parsed.saveExecuted})
        if (!output->empty())
            if (const auto refused = outputguard::checkFile(*output, {parsed.notebook})) {
                err << "tassel verify: " << refused->toString() << '\n';
                return ExitUsage;
            }
    const auto notebook = NotebookLoader().loadFile(parsed.notebook);
    if (!notebook) {
        err << "tassel verify: " << notebook.error().toString() << '\n';
        return ExitUsage;
    }
    const NotebookAnalysis analysis = analyzeNotebook(*notebook);
    parsed.options.suggestedOrder = analysis.verdict.suggestedOrder;

    // The content this run verifies: the record says "stale" once the notebook changes.
    const std::string sha256 = VerificationRecord::contentHash(parsed.notebook);
    const bool progress = isatty(STDERR_FILENO) != 0;
    auto report = Verifier::run(*notebook, parsed.options, nullptr, [&](int cell, int position, int total) {
        if (progress)
            err << "\r\033[K[" << position << '/' << total << "] running cell " << cell + 1 << std::flush;
    });
    if (progress)
        err << "\r\033[K" << std::flush;
    if (!report) {
        err << "tassel verify: " << report.error().toString() << '\n';
        return ExitUsage;
    }
    Verifier::explain(report.value(), analysis);
    if (const std::string why = VerificationRecord::record(*report, parsed.notebook, sha256); !why.empty())
        err << "tassel verify: the run is not recorded: " << why << '\n';

    if (!parsed.saveExecuted.empty()) {
        const auto saved = Verifier::saveExecuted(parsed.notebook, *report, parsed.saveExecuted);
        if (!saved) {
            err << "tassel verify: " << saved.error().toString() << '\n';
            return ExitUsage;
        }
    }
    std::string text;
    if (parsed.format == "json")
        text = VerifyReportWriter::json(*report);
    else if (parsed.format == "html")
        text = VerifyReportWriter::html(*report);
    else
        text = VerifyReportWriter::text(*report, parsed.output.empty() && isatty(STDOUT_FILENO));
    if (parsed.output.empty())
        out << text;
    else if (!writeFile(parsed.output, text, err))
        return ExitUsage;
    return report->allReproduced() ? ExitClean : ExitFindings;
}

} // namespace

Command verifyCommand()
{
    return {"verify", "re-run a notebook in a fresh Python process and explain outputs that do not come back",
        runVerify};
}

} // namespace tassel::cli
