#include "analysis/notebookanalyzer.h"
#include "analysis/rulecatalog.h"
#include "cli/batchcheck.h"
#include "cli/checkconfig.h"
#include "cli/cli.h"
#include "cli/commandregistry.h"
#include "cli/notebookfinder.h"
#include "report/reportformat.h"
#include "report/textreport.h"
#include "util/escaping.h"
#include "util/outputguard.h"

#include <QDir>
#include <QSaveFile>

#include <unistd.h>

#include <algorithm>
#include <functional>

namespace tassel::cli {

namespace {

constexpr const char *kCheckUsage
    = "usage: tassel check [OPTIONS] PATH...\n\n"
      "Analyses notebooks (files, or folders searched recursively) and reports findings.\n\n"
      "Options:\n"
      "  --format FORMAT     text (default), json, sarif, html or markdown\n"
      "  --output FILE       write the report to FILE (atomically) instead of standard output\n"
      "  --fail-on LEVEL     error (default), warning, info or never: exit 1 when a finding is at or above "
      "it\n"
      "  --jobs N            notebooks analysed in parallel (default: all cores)\n"
      "  --exclude GLOB      skip paths matching GLOB (repeatable)\n"
      "  --select RULE,...   report only these rules\n"
      "  --ignore RULE,...   do not report these rules\n"
      "  --quiet             no progress on standard error\n"
      "  --python-version V  judge imports against Python V (default: the notebook's)\n"
      "  --python PATH       ask this interpreter which distributions provide imports\n"
      "  --no-secrets, --no-dependencies   skip those checks\n";

struct CheckOptions
{
    std::string format = "text";
    std::string output;
    std::string failOn; ///< empty: from the configuration, else "error"
    int jobs = 0;
    std::vector<std::string> exclude;
    std::vector<std::string> select;
    std::vector<std::string> ignore;
    bool quiet = false;
    std::vector<std::string> paths;
    AnalysisOptions analysis;
};

bool validFailOn(const std::string &level)
{
    return level == "error" || level == "warning" || level == "info" || level == "never";
}

bool parse(const std::vector<std::string> &args, CheckOptions &options, std::ostream &err)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        auto value = [&](std::string &target) {
            if (i + 1 >= args.size()) {
                err << "tassel check: " << arg << " needs a value\n";
                return false;
            }
            target = args[++i];
            return true;
        };
        std::string number;
        if (arg == "--format") {
            if (!value(options.format))
                return false;
        } else if (arg == "--output" || arg == "-o") {
            if (!value(options.output))
                return false;
        } else if (arg == "--fail-on") {
            if (!value(options.failOn))
                return false;
        } else if (arg == "--jobs" || arg == "-j") {
            if (!value(number))
                return false;
            try {
                options.jobs = std::stoi(number);
            } catch (...) {
                options.jobs = -1;
            }
            if (options.jobs < 1) {
                err << "tassel check: --jobs takes a whole number of at least 1\n";
                return false;
            }
        } else if (arg == "--exclude") {
            if (!value(number))
                return false;
            options.exclude.push_back(number);
        } else if (arg == "--select" || arg == "--ignore") {
            if (!value(number))
                return false;
            auto &target = arg == "--select" ? options.select : options.ignore;
            std::size_t start = 0;
            while (start <= number.size()) {
                const std::size_t comma = std::min(number.find(',', start), number.size());
                const std::string rule = number.substr(start, comma - start);
                if (!rule.empty()) {
                    if (!RuleCatalog::find(rule)) {
                        err << "tassel check: unknown rule '" << rule << "'\n";
                        return false;
                    }
                    target.push_back(rule);
                }
                start = comma + 1;
            }
        } else if (arg == "--quiet" || arg == "-q") {
            options.quiet = true;
        } else if (arg == "--python-version") {
            if (!value(options.analysis.pythonVersion))
                return false;
        } else if (arg == "--python") {
            if (!value(options.analysis.pythonInterpreter))
                return false;
        } else if (arg == "--no-secrets") {
            options.analysis.secrets = false;
        } else if (arg == "--no-dependencies") {
            options.analysis.dependencies = false;
        } else if (arg == "--") {
            options.paths.insert(options.paths.end(), args.begin() + std::ptrdiff_t(i) + 1, args.end());
            break;
        } else if (arg.size() > 1 && arg[0] == '-') {
            err << "tassel check: unknown option '" << arg << "'\n";
            return false;
        } else {
            options.paths.push_back(arg);
        }
    }
    static const std::vector<std::string> formats = {"text", "json", "sarif", "html", "markdown"};
    if (std::find(formats.begin(), formats.end(), options.format) == formats.end()) {
        err << "tassel check: unknown format '" << options.format
            << "' (text, json, sarif, html or markdown)\n";
        return false;
    }
    if (!validFailOn(options.failOn) && !options.failOn.empty()) {
        err << "tassel check: --fail-on takes error, warning, info or never\n";
        return false;
    }
    if (options.paths.empty()) {
        err << "tassel check: no notebook or folder given\n";
        return false;
    }
    return true;
}

bool atOrAbove(Severity severity, const std::string &threshold)
{
    if (threshold == "never")
        return false;
    const Severity limit = threshold == "error" ? Severity::Error
        : threshold == "warning"                ? Severity::Warning
                                                : Severity::Info;
    return int(severity) >= int(limit);
}

int runCheck(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    if (std::find(args.begin(), args.end(), "--help") != args.end()
        || std::find(args.begin(), args.end(), "-h") != args.end()) {
        out << kCheckUsage;
        return ExitClean;
    }
    CheckOptions options;
    if (!parse(args, options, err)) {
        err << kCheckUsage;
        return ExitUsage;
    }

    // Project settings fill in what the command line left out.
    const auto config = CheckConfig::discover(QDir::currentPath().toStdString());
    if (!config) {
        err << "tassel check: " << config.error().toString() << '\n';
        return ExitUsage;
    }
    if (options.failOn.empty())
        options.failOn = config->failOn.value_or("error");
    if (!validFailOn(options.failOn)) {
        err << "tassel check: " << config->file << ": fail-on takes error, warning, info or never\n";
        return ExitUsage;
    }
    if (options.jobs == 0 && config->jobs)
        options.jobs = *config->jobs;
    if (options.select.empty())
        options.select = config->select;
    if (options.ignore.empty())
        options.ignore = config->ignore;
    options.exclude.insert(options.exclude.end(), config->exclude.begin(), config->exclude.end());
    for (const auto &rule : options.select)
        if (!RuleCatalog::find(rule)) {
            err << "tassel check: " << config->file << ": unknown rule '" << rule << "'\n";
            return ExitUsage;
        }

    const NotebookFinder::Result found = NotebookFinder::find(options.paths, options.exclude);
    if (!options.output.empty())
        if (const auto refused = outputguard::checkFile(options.output, found.notebooks)) {
            err << "tassel check: " << refused->toString() << '\n';
            return ExitUsage;
        }
    bool ioError = false;
    for (const auto &missing : found.missing) {
        err << "tassel check: " << missing << ": no such file or folder\n";
        ioError = true;
    }

    // Deterministic output: results come back in the order of the sorted file list whatever
    // the number of threads.
    const bool showProgress = !options.quiet && isatty(STDERR_FILENO) && found.notebooks.size() > 1;
    const auto progress = [&](std::size_t finished, std::size_t total) {
        err << "\r[" << finished << '/' << total << "] checking notebooks" << std::flush;
    };
    const BatchCheckOptions batch {options.analysis, options.jobs, options.select, options.ignore};
    const std::vector<NotebookAnalysis> analyses = checkNotebooks(found.notebooks, batch,
        showProgress ? std::function<void(std::size_t, std::size_t)>(progress) : nullptr);
    if (showProgress)
        err << "\r\033[K" << std::flush;

    bool failing = false;
    for (const NotebookAnalysis &analysis : analyses) {
        if (analysis.error) {
            ioError = true;
            err << "tassel check: " << escaping::oneLine(*analysis.error) << '\n';
        }
        for (const Finding &finding : analysis.findings)
            failing = failing || atOrAbove(finding.severity, options.failOn);
    }

    const bool toTerminal = options.output.empty() && isatty(STDOUT_FILENO);
    const auto rendered = reportformat::render(options.format, analyses);
    const std::string report = rendered ? *rendered : TextReport::render(analyses, toTerminal);
    if (options.output.empty()) {
        out << report;
    } else {
        QSaveFile file(QString::fromStdString(options.output));
        if (!file.open(QIODevice::WriteOnly)
            || file.write(report.data(), qint64(report.size())) != qint64(report.size()) || !file.commit()) {
            err << "tassel check: cannot write " << options.output << ": " << file.errorString().toStdString()
                << '\n';
            return ExitUsage;
        }
    }
    if (ioError)
        return ExitUsage;
    return failing ? ExitFindings : ExitClean;
}

} // namespace

Command checkCommand()
{
    return {"check", "analyse notebooks and report findings (text, json, sarif, html, markdown)", runCheck};
}

} // namespace tassel::cli
