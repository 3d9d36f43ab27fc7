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

int runGraduate(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    std::string notebookPath;
    std::string output;
    bool force = false;
    bool dryRun = false;
    bool verify = false;
    GraduationOptions options;
    AnalysisOptions analysisOptions;
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
        std::string split;
        if (arg == "--help" || arg == "-h") {
            out << kGraduateUsage;
            return ExitClean;
        } else if (arg == "--output" || arg == "-o") {
            if (!value(output))
                return ExitUsage;
        } else if (arg == "--name") {
            if (!value(options.name))
                return ExitUsage;
        } else if (arg == "--split") {
            if (!value(split))
                return ExitUsage;
            if (split == "headings")
                options.split = GraduationOptions::Split::Headings;
            else if (split == "cells")
                options.split = GraduationOptions::Split::Cells;
            else if (split == "single")
                options.split = GraduationOptions::Split::Single;
            else {
                err << "tassel graduate: --split must be headings, cells or single, not '" << split << "'\n";
                return ExitUsage;
            }
        } else if (arg == "--python") {
            if (!value(analysisOptions.pythonInterpreter))
                return ExitUsage;
        } else if (arg == "--copy-data-limit") {
            std::string size;
            if (!value(size))
                return ExitUsage;
            const auto limit = parseSize(size);
            if (!limit) {
                err << "tassel graduate: --copy-data-limit takes a size such as 20M or 0, not '" << size
                    << "'\n";
                return ExitUsage;
            }
            options.copyDataLimit = *limit;
        } else if (arg == "--verify") {
            verify = true;
        } else if (arg == "--force") {
            force = true;
        } else if (arg == "--dry-run") {
            dryRun = true;
        } else if (arg == "--allow-hidden-state") {
            options.allowHiddenState = true;
        } else if (arg == "--allow-broken-cells") {
            options.allowBrokenCells = true;
        } else if (!arg.empty() && arg.front() == '-') {
            err << "tassel graduate: unknown option " << arg << "\n" << kGraduateUsage;
            return ExitUsage;
        } else if (notebookPath.empty()) {
            notebookPath = arg;
        } else {
            err << "tassel graduate: one notebook at a time (got '" << notebookPath << "' and '" << arg
                << "')\n";
            return ExitUsage;
        }
    }
    if (notebookPath.empty() || (output.empty() && !dryRun)) {
        err << kGraduateUsage;
        return ExitUsage;
    }

    auto notebook = NotebookLoader().loadFile(notebookPath);
    if (!notebook) {
        err << "tassel graduate: " << notebook.error().toString() << "\n";
        return ExitUsage;
    }
    const NotebookAnalysis analysis = analyzeNotebook(*notebook, analysisOptions);
    auto plan = GraduationPlanner::plan(*notebook, analysis, options);
    if (!plan) {
        err << "tassel graduate: " << plan.error().toString() << "\n";
        // Hidden state is a finding the user may override; anything else cannot become Python.
        return plan.error().code == "hidden-state" ? ExitFindings : ExitUsage;
    }
    if (verify) {
        VerifyOptions verifyOptions;
        verifyOptions.python = analysisOptions.pythonInterpreter;
        verifyOptions.runInCopy = true; // the notebook's folder stays as it is
        auto report = Verifier::run(*notebook, verifyOptions);
        if (!report) {
            err << "tassel graduate: --verify: " << report.error().toString() << "\n";
            return ExitUsage;
        }
        Verifier::explain(report.value(), analysis);
        GraduationPlanner::markUnreproduced(plan.value(), *notebook, *report, analysis);
        err << notebookPath << ": verify: " << report->count(VerifyStatus::Reproduced) << " of "
            << report->cells.size() << " code cells reproduced\n";
    }
    if (!output.empty())
        plan->notebookFolder = GraduationPlanner::notebookFolderFrom(output, notebookPath);
    const std::vector<GeneratedFile> files = PackageGenerator::generate(*plan);
    if (const std::string why = PackageWriter::checkGeneratedPython(files); !why.empty()) {
        err << "tassel graduate: " << notebookPath << ": " << why << "\n";
        return ExitUsage;
    }
    for (const TransformNote &note : plan->notes)
        err << notebookPath << ": cell " << note.cell + 1
            << (note.line > 0 ? ":" + std::to_string(note.line) : "") << ": " << note.kind << ": "
            << escaping::oneLine(note.message) << "\n";

    if (dryRun) {
        // A diff against nothing: what would be created, line by line.
        for (const GeneratedFile &file : files) {
            out << "--- /dev/null\n+++ " << (output.empty() ? std::string() : output + "/") << file.path
                << "\n";
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
        out << files.size() << " files would be written (package " << plan->packageName << ")\n";
        return ExitClean;
    }
    // Neither the notebook nor the data it reads may be replaced by a generated file.
    std::vector<std::string> inputs = {notebookPath};
    const QDir notebookDir = QFileInfo(QString::fromStdString(notebookPath)).absoluteDir();
    for (const DataInput &input : plan->inputs)
        inputs.push_back(notebookDir.filePath(QString::fromStdString(input.target)).toStdString());
    auto written = PackageWriter::write(files, output, force, inputs);
    if (!written) {
        err << "tassel graduate: " << written.error().toString() << "\n";
        return ExitUsage;
    }
    for (const std::string &path : *written)
        out << output << "/" << path << "\n";
    out << written->size() << " files written (package " << plan->packageName << ", " << plan->steps.size()
        << " steps)\n";
    return ExitClean;
}

} // namespace

Command graduateCommand()
{
    return {"graduate", "turn a notebook into a tested Python package", runGraduate};
}

} // namespace tassel::cli
