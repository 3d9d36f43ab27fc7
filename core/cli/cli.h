#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace tassel::cli {

/// Exit codes of the `tassel` command, shared by every subcommand.
enum ExitCode : int {
    ExitClean = 0, ///< ran; nothing at or above the failure threshold
    ExitFindings = 1, ///< ran; findings at or above the threshold
    ExitUsage = 2, ///< bad usage, unreadable input, or an I/O error
};

/// True when the arguments name a headless subcommand (or --version/--help), which runs
/// without a display; false when they ask for the GUI.
bool isHeadless(const std::vector<std::string> &args);

/// Runs a headless subcommand. `args` excludes the program name.
int run(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

/// The text of `tassel --help`.
std::string helpText();

} // namespace tassel::cli
