#include "analysis/notebookanalyzer.h"
#include "cli/cli.h"
#include "cli/commandregistry.h"
#include "graduate/graduationplanner.h"
#include "graduate/packagegenerator.h"
#include "graduate/packagewriter.h"
#include "notebook/notebookloader.h"
#include "util/bytesize.h"
#include "util/escaping.h"
#include "verify/verifier.h"

#include <QDir>
#include <QFileInfo>

#include <cctype>
#include <cstdint>
#include <map>
#include <optional>

namespace tassel::cli {

namespace {

constexpr const char *kGraduateUsage
    = "usage: tassel graduate NOTEBOOK --output DIR [OPTIONS]\n\n"
      "Turns a notebook into a tested Python package: one function per section, a pipeline,\n"
      "configuration, pinned dependencies, a run script and regression tests.\n\n"
      "Options:\n"
      "  --output DIR, -o DIR   folder to create (must be empty unless --force)\n"
      "  --name NAME            package name (default: from the notebook's name)\n"
      "  --split MODE           headings (default), cells or single\n"
      "  --force                write into a non-empty folder\n"
      "  --dry-run              print the files and their content instead of writing\n"
      "  --allow-hidden-state   generate even when cells read names defined later or nowhere\n"
      "  --allow-broken-cells   keep cells that do not parse as Python 3 (or use an unsupported\n"
      "                         cell magic) as commented TODOs that raise NotImplementedError\n"
      "  --python PATH          ask this interpreter for installed versions (pins)\n"
      "  --verify               re-run the notebook first (as tassel verify, in a copy of its\n"
      "                         folder): tests of steps whose output does not reproduce are xfail\n"
      "  --copy-data-limit SIZE copy input files beside the notebook into data/ while they add up\n"
      "                         to at most SIZE (bytes, or with K, M, G; default 20M; 0 copies none)\n";

/// What `tassel graduate` was asked to do.
struct GraduateRequest
{
    std::string notebookPath;
    std::string output;
    bool force = false;
    bool dryRun = false;
    bool verify = false;
    GraduationOptions options;
    AnalysisOptions analysisOptions;
};

std::optional<GraduationOptions::Split> splitNamed(const std::string &name)
{
    if (name == "headings")
        return GraduationOptions::Split::Headings;
    if (name == "cells")
        return GraduationOptions::Split::Cells;
    if (name == "single")
        return GraduationOptions::Split::Single;
    return std::nullopt;
}

/// Reads the arguments into `request`; returns an exit status when the command ends here.
std::optional<int> parseArguments(
    const std::vector<std::string> &args, GraduateRequest &request, std::ostream &out, std::ostream &err)
{
    GraduationOptions &options = request.options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        auto value = [&](std::string &target) {
            if (i + 1 >= args.size()) {
                err << "tassel graduate: " << arg << " needs a value\n";
                return false;
            }
            target = args[++i];
            return true;
        };
        std::string text;
        if (arg == "--help" || arg == "-h") {
            out << kGraduateUsage;
            return ExitClean;
        } else if (arg == "--output" || arg == "-o") {
            if (!value(request.output))
                return ExitUsage;
        } else if (arg == "--name") {
            if (!value(options.name))
                return ExitUsage;
        } else if (arg == "--split") {
            if (!value(text))
                return ExitUsage;
            const auto split = splitNamed(text);
            if (!split) {
                err << "tassel graduate: --split must be headings, cells or single, not '" << text << "'\n";
                return ExitUsage;
            }
            options.split = *split;
        } else if (arg == "--python") {
            if (!value(request.analysisOptions.pythonInterpreter))
                return ExitUsage;
        } else if (arg == "--copy-data-limit") {
            if (!value(text))
                return ExitUsage;
            const auto limit = parseSize(text);
            if (!limit) {
                err << "tassel graduate: --copy-data-limit takes a size such as 20M or 0, not '" << text
                    << "'\n";
                return ExitUsage;
            }
            options.copyDataLimit = *limit;
        } else if (arg == "--verify") {
            request.verify = true;
        } else if (arg == "--force") {
            request.force = true;
        } else if (arg == "--dry-run") {
            request.dryRun = true;
        } else if (arg == "--allow-hidden-state") {
            options.allowHiddenState = true;
        } else if (arg == "--allow-broken-cells") {
            options.allowBrokenCells = true;
        } else if (!arg.empty() && arg.front() == '-') {
            err << "tassel graduate: unknown option " << arg << "\n" << kGraduateUsage;
            return ExitUsage;
        } else if (request.notebookPath.empty()) {
            request.notebookPath = arg;
        } else {
            err << "tassel graduate: one notebook at a time (got '" << request.notebookPath << "' and '"
                << arg << "')\n";
            return ExitUsage;
        }
    }
    if (request.notebookPath.empty() || (request.output.empty() && !request.dryRun)) {
        err << kGraduateUsage;
        return ExitUsage;
    }
    return std::nullopt;
}

/// --verify: re-runs the notebook in a copy of its folder and marks the steps whose output does
/// not reproduce. False when the re-run could not happen.
bool rerunAndMark(GraduationPlan &plan, const Notebook &notebook, const NotebookAnalysis &analysis,
    const GraduateRequest &request, std::ostream &err)
{
    VerifyOptions verifyOptions;
    verifyOptions.python = request.analysisOptions.pythonInterpreter;
    verifyOptions.runInCopy = true; // the notebook's folder stays as it is
    auto report = Verifier::run(notebook, verifyOptions);
    if (!report) {
        err << "tassel graduate: --verify: " << report.error().toString() << "\n";
        return false;
    }
    Verifier::explain(report.value(), analysis);
    GraduationPlanner::markUnreproduced(plan, notebook, *report, analysis);
    err << request.notebookPath << ": verify: " << report->count(VerifyStatus::Reproduced) << " of "
        << report->cells.size() << " code cells reproduced\n";
    return true;
}

/// --dry-run: a diff against nothing, what would be created, line by line.
void printDryRun(const std::vector<GeneratedFile> &files, const std::string &output, std::ostream &out)
{
    for (const GeneratedFile &file : files) {
        out << "--- /dev/null\n+++ " << (output.empty() ? std::string() : output + "/") << file.path << "\n";
        if (file.path.rfind("data/", 0) == 0 && file.path != "data/MANIFEST.tsv") {
            out << "+(" << file.content.size() << " bytes copied from the notebook's folder)\n";
            continue;
        }
        std::size_t start = 0;
        while (start < file.content.size()) {
            std::size_t end = file.content.find('\n', start);
            if (end == std::string::npos)
                end = file.content.size();
            out << '+' << file.content.substr(start, end - start) << '\n';
            start = end + 1;
        }
    }
}

/// Writes the package; neither the notebook nor the data it reads may be replaced by a generated file.
int writePackage(const std::vector<GeneratedFile> &files, const GraduationPlan &plan,
    const GraduateRequest &request, std::ostream &out, std::ostream &err)
{
    std::vector<std::string> inputs = {request.notebookPath};
    const QDir notebookDir = QFileInfo(QString::fromStdString(request.notebookPath)).absoluteDir();
    for (const DataInput &input : plan.inputs)
        inputs.push_back(notebookDir.filePath(QString::fromStdString(input.target)).toStdString());
    auto written = PackageWriter::write(files, request.output, request.force, inputs);
    if (!written) {
        err << "tassel graduate: " << written.error().toString() << "\n";
        return ExitUsage;
    }
    for (const std::string &path : *written)
        out << request.output << "/" << path << "\n";
    out << written->size() << " files written (package " << plan.packageName << ", " << plan.steps.size()
        << " steps)\n";
    return ExitClean;
}

int runGraduate(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    GraduateRequest request;
    if (const auto stop = parseArguments(args, request, out, err))
        return *stop;
    const std::string &notebookPath = request.notebookPath;
    auto notebook = NotebookLoader().loadFile(notebookPath);
    if (!notebook) {
        err << "tassel graduate: " << notebook.error().toString() << "\n";
        return ExitUsage;
    }
    const NotebookAnalysis analysis = analyzeNotebook(*notebook, request.analysisOptions);
    auto plan = GraduationPlanner::plan(*notebook, analysis, request.options);
    if (!plan) {
        err << "tassel graduate: " << plan.error().toString() << "\n";
        // Hidden state is a finding the user may override; anything else cannot become Python.
        return plan.error().code == "hidden-state" ? ExitFindings : ExitUsage;
    }
    if (request.verify && !rerunAndMark(plan.value(), *notebook, analysis, request, err))
        return ExitUsage;
    if (!request.output.empty())
        plan->notebookFolder = GraduationPlanner::notebookFolderFrom(request.output, notebookPath);
    const std::vector<GeneratedFile> files = PackageGenerator::generate(*plan);
    if (const std::string why = PackageWriter::checkGeneratedPython(files); !why.empty()) {
        err << "tassel graduate: " << notebookPath << ": " << why << "\n";
        return ExitUsage;
    }
    for (const TransformNote &note : plan->notes)
        err << notebookPath << ": cell " << note.cell + 1
            << (note.line > 0 ? ":" + std::to_string(note.line) : "") << ": " << note.kind << ": "
            << escaping::oneLine(note.message) << "\n";
    if (request.dryRun) {
        printDryRun(files, request.output, out);
        out << files.size() << " files would be written (package " << plan->packageName << ")\n";
        return ExitClean;
    }
    return writePackage(files, *plan, request, out, err);
}

} // namespace

Command graduateCommand()
{
    return {"graduate", "turn a notebook into a tested Python package", runGraduate};
}

} // namespace tassel::cli
