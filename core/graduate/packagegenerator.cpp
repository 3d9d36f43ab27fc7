#include "graduate/packagegenerator.h"

#include "analysis/secretmasking.h"
#include "analysis/stdlibmodules.h"
#include "graduate/importblock.h"
#include "graduate/ipythontransformer.h"
#include "graduate/packagechecks.h"
#include "graduate/pythonsource.h"
#include "util/escaping.h"
#include "util/text.h"

#include <algorithm>
#include <set>

namespace tassel {

namespace {

std::string join(const std::vector<std::string> &items, const std::string &separator)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? separator : "") + items[i];
    return out;
}

std::string upper(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
    return text;
}

using escaping::oneLine;
using escaping::pythonDocstring;
using escaping::pythonString;
using escaping::tomlString;

/// `body` indented by four spaces, except lines that continue a multi-line string, whose text
/// would change.
std::string indent(const std::string &body)
{
    std::string out;
    PythonSource::LineState state;
    for (const std::string &line : PythonSource::splitLines(body)) {
        const bool inString = state.quote != 0;
        state.feed(line);
        out += (inString || line.empty() ? line : "    " + line) + '\n';
    }
    return out;
}

std::string signature(const GraduationStep &step)
{
    std::vector<std::string> parameters = step.parameters;
    for (const std::string &name : step.configParameters)
        parameters.push_back(name);
    return step.name + "(" + join(parameters, ", ") + ")";
}

std::string callArguments(const GraduationStep &step, const std::string &valueOf, const std::string &configOf)
{
    std::vector<std::string> arguments;
    for (const std::string &name : step.parameters)
        arguments.push_back(name + "=" + (valueOf.empty() ? name : valueOf + "[\"" + name + "\"]"));
    for (const std::string &name : step.configParameters)
        arguments.push_back(name + "=" + configOf + "[\"" + name + "\"]");
    return join(arguments, ", ");
}

/// The import block of a generated module whose code is `body`: the notebook's statements,
/// trimmed to the names the body uses, and the package's own imports.
std::string importsFor(const GraduationPlan &plan, const std::vector<std::string> &statements,
    const std::string &body, const std::vector<std::pair<std::string, std::string>> &packageImports = {})
{
    ImportBlock block(plan.packageName, StdlibModules::minorFromVersion(plan.pythonVersion));
    for (const std::string &statement : statements)
        block.add(statement);
    const std::vector<std::string> words = PythonSource::names(body);
    block.keepOnly(std::set<std::string>(words.begin(), words.end()));
    for (const auto &[module, name] : packageImports)
        block.addFrom(plan.packageName + (module.empty() ? "" : "." + module), name);
    return block.empty() ? std::string() : "\n" + block.render();
}

/// The step's cell ids for comments and docstrings (escaped by the caller's target).
/// Cells as the notebook view numbers them (1-based), their ids after them: the numbers are what a
/// reader finds, the ids what survives inserting cells above.
std::string cellList(const std::vector<int> &cells, const std::vector<std::string> &ids)
{
    std::vector<std::string> numbers;
    for (int cell : cells)
        numbers.push_back(std::to_string(cell + 1));
    if (numbers.empty())
        return join(ids, ", ");
    return join(numbers, ", ") + (ids.empty() ? "" : " (ids " + join(ids, ", ") + ")");
}

std::string cellList(const GraduationStep &step)
{
    return cellList(step.cells, step.cellIds);
}

bool readsBesideTheNotebook(const GraduationPlan &plan)
{
    return std::any_of(plan.inputs.begin(), plan.inputs.end(),
        [](const DataInput &input) { return input.dataPath.empty(); });
}

/// The `INPUTS` table of `_runtime`: entry -> (path as the notebook read it, path below data/).
std::string inputsTable(const GraduationPlan &plan)
{
    std::string t
        = "# The notebook's inputs: [inputs] entry -> (its path relative to the notebook, its copy\n"
          "# below the data folder or None when it is read beside the notebook).\nINPUTS = {";
    std::vector<std::string> optional;
    if (!plan.inputs.empty())
        t += "\n";
    for (const DataInput &input : plan.inputs) {
        t += "    " + pythonString(input.name) + ": (" + pythonString(input.target) + ", "
            + (input.dataPath.empty() ? std::string("None") : pythonString(input.dataPath)) + "),\n";
        if (input.optional)
            optional.push_back(pythonString(input.name));
    }
    return t
        + "}\n# Inputs the notebook checks for before reading them: a run goes on without them.\n"
          "OPTIONAL_INPUTS = frozenset("
        + (optional.empty() ? std::string() : "{" + join(optional, ", ") + "}") + ")\n";
}

// The generated _runtime module, in three parts: its head (imports, where the package and the
// notebook are, the inputs table), the folders, and the inputs.
std::string runtimeHead(const GraduationPlan &plan)
{
    return R"PY("""Stand-ins for what IPython did around the notebook's code: displaying values, running
shell commands, showing figures; and where the notebook's data is read and written (generated by
Tassel)."""

import hashlib
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from )PY"
        + plan.packageName + R"PY( import _contracts
from )PY"
        + plan.packageName
        + R"PY(._contracts import ContractError

_figure_count = 0

# The package folder when run from its source tree (run.sh, pytest, python -m); else the working
# directory.
_SOURCE_TREE = Path(__file__).resolve().parents[2]
ROOT = _SOURCE_TREE if (_SOURCE_TREE / "pyproject.toml").is_file() else Path.cwd()
# The notebook's folder, relative to the package folder: inputs not copied are read there.
NOTEBOOK_DIR = )PY"
        // Only a package that reads beside the notebook says where the notebook was.
        + (plan.notebookFolder.empty() || !readsBesideTheNotebook(plan) ? std::string("None")
                                                                        : pythonString(plan.notebookFolder))
        + "\n" + inputsTable(plan) + R"PY(_folders = {"data": None, "output": None}
_inputs = {}


)PY";
}

std::string runtimeFolders(const std::string &outputVariable)
{
    return R"PY(class InputError(Exception):
    """An input is missing, or is not the file the notebook read."""


def show(*values):
    """Prints what IPython displayed for a value: its repr, nothing for None."""
    for value in values:
        if value is not None:
            print(repr(value))


def set_folders(data_dir=None, output_dir=None):
    """The data folder (--data-dir) and output folder (--output-dir); None: the defaults."""
    _folders["data"] = Path(data_dir).resolve() if data_dir else None
    _folders["output"] = Path(output_dir).resolve() if output_dir else None


def data_dir() -> Path:
    """Where the inputs copied from the notebook's folder are: --data-dir or the package's data/."""
    return _folders["data"] or ROOT / "data"


def output_dir() -> Path:
    """Where figures and files go: --output-dir, $)PY"
        + outputVariable + R"PY(, or the package's output/."""
    path = _folders["output"] or Path(os.environ.get(")PY"
        + outputVariable + R"PY(", ROOT / "output"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def output_path(path):
    """Where the notebook's relative output `path` goes: below the output folder."""
    path = Path(path)
    if path.is_absolute():
        return path
    path = output_dir() / path
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


)PY";
}

std::string runtimeInputs()
{
    return R"PY(def use_inputs(inputs):
    """The [inputs] entries of the configuration in use."""
    _inputs.clear()
    _inputs.update(inputs)


def input_path(name):
    """Where input `name` is read: its copy in the data folder, else beside the notebook; a path
    given in the configuration instead (relative to the working directory)."""
    notebook_path, copy = INPUTS[name]
    value = _inputs.get(name, notebook_path)
    if value != notebook_path:
        return Path(value).expanduser().resolve()
    if copy is not None:
        return data_dir() / copy
    if NOTEBOOK_DIR is not None:
        return (ROOT / NOTEBOOK_DIR / notebook_path).resolve()
    return ROOT / notebook_path


def file_sha256(path):
    """The SHA-256 of a file, in hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_inputs():
    """Stops before the first step when an input is missing or differs from the one the notebook
    read (data/MANIFEST.tsv), naming it: a run never uses other data silently. A missing optional
    input does not stop it (start_run logs it as absent): the notebook's own check skips it."""
    manifest = data_dir() / "MANIFEST.tsv"
    if manifest.is_file():
        for line in manifest.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            path, expected, _size, name = line.split("\t")
            file = data_dir() / path
            if not file.is_file() and name in OPTIONAL_INPUTS:
                continue
            if not file.is_file():
                raise InputError(f"input {name!r}: {file} is missing (listed in {manifest})")
            actual = file_sha256(file)
            if actual != expected:
                raise InputError(
                    f"input {name!r}: {file} has changed since the notebook read it "
                    f"(SHA-256 {actual}, {manifest} says {expected})"
                )
    for name, (notebook_path, copy) in INPUTS.items():
        path = input_path(name)
        if name in OPTIONAL_INPUTS and not path.exists():
            continue
        if not re.search(r"[*?[]", str(path)) and not path.exists():
            where = "copied into the data folder" if copy else "read beside the notebook"
            raise InputError(f"input {name!r}: {path} does not exist ({notebook_path}, {where})")
        _check_not_empty(name, path)


)PY";
}

std::string runtimeModule(const GraduationPlan &plan, const std::string &outputVariable)
{
    return runtimeHead(plan) + runtimeFolders(outputVariable) + runtimeInputs();
}

std::string runtimeTail()
{
    return R"PY(def save_figures():
    """Saves every open matplotlib figure into the output folder (where plt.show() showed them)."""
    global _figure_count
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is None:
        return
    for number in plt.get_fignums():
        figure = plt.figure(number)
        _figure_count += 1
        figure.savefig(output_dir() / f"figure_{_figure_count:03d}.png")
        plt.close(figure)


def run_shell(command):
    """Runs a shell command as `!command` did and prints its output; fails when it fails."""
    result = subprocess.run(command, shell=True, check=True, capture_output=True, text=True)
    print(result.stdout, end="")


def shell_lines(command):
    """The output lines of a shell command, as `value = !command` gave them."""
    result = subprocess.run(command, shell=True, check=True, capture_output=True, text=True)
    return result.stdout.splitlines()


def write_file(path, text, append=False):
    """What %%writefile did, message included."""
    existed = os.path.exists(path)
    with open(path, "a" if append else "w", encoding="utf-8") as handle:
        handle.write(text)
    print(("Appending to " if append else "Overwriting " if existed else "Writing ") + str(path))


_PACKAGE = Path(__file__).parent


def run_script(name, program):
    """Runs a %%bash/%%script cell's body, kept as a file of the package, and prints its output."""
    command = shlex.split(program) + [str(_PACKAGE / name)]
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    print(result.stdout, end="")


def write_resource(name, path, append=False):
    """What a %%writefile cell did: writes the body, kept as a file of the package, to `path`."""
    write_file(path, (_PACKAGE / name).read_text(encoding="utf-8"), append)


_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
# An object's default repr: IPython shows `<matplotlib.lines.Line2D at 0x…>`, print() and the
# package show `<matplotlib.lines.Line2D object at 0x…>`, with `__main__.` for a class the
# notebook defined where the package has the step's module.
_DEFAULT_REPR = re.compile(r"<(?:\w+\.)*(\w+)(?: object)? at 0x…>")
_OVERWRITING = re.compile(r"^Overwriting ", re.MULTILINE)
_TIMING = re.compile(r"^(CPU times: |Wall time: )|per loop \(mean")


def normalise_output(text):
    """Text output without what differs between runs: memory addresses, how IPython and print()
    differ in an object's default repr, timings, trailing spaces, whether %%writefile found its
    file already there."""
    text = _ADDRESS.sub("0x…", text)
    text = _DEFAULT_REPR.sub(r"<\1 at 0x…>", text)
    text = _OVERWRITING.sub("Writing ", text)
    lines = [line.rstrip() for line in text.splitlines() if not _TIMING.search(line)]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)
)PY";
}

/// `@pytest.mark.xfail(...)` and a line break for a test whose output did not reproduce; empty
/// when it did.
std::string xfailMark(const std::string &reason)
{
    return reason.empty()
        ? std::string()
        : "@pytest.mark.xfail(reason=" + pythonString(oneLine(reason)) + ", strict=False)\n";
}

/// The steps whose output did not reproduce under --verify, by name; empty when none.
std::string unreproducedSteps(const GraduationPlan &plan)
{
    std::vector<std::string> names;
    for (const GraduationStep &step : plan.steps)
        if (!step.xfailReason.empty())
            names.push_back(step.name);
    return join(names, ", ");
}

/// One step in `pipeline.run`: stop here under `until`, else run it through `run_step` (logged,
/// timed, recorded) and keep what it returns.
std::string stepCall(const GraduationStep &step)
{
    std::vector<std::string> returns;
    for (const std::string &name : step.returns)
        returns.push_back(pythonString(name));
    const std::string arguments = callArguments(step, "", "_config");
    std::string t = "        if _until == \"" + step.name
        + "\":\n            return finish_run(\"stopped\", _values)\n";
    t += "        # " + oneLine(step.title + " (notebook cells " + cellList(step) + ")") + "\n        ";
    if (!step.returns.empty())
        t += join(step.returns, ", ") + " = ";
    t += "run_step(\"" + step.name + "\", (" + join(returns, ", ") + (returns.size() == 1 ? "," : "") + "), "
        + step.name + (arguments.empty() ? "" : ", " + arguments) + ")\n";
    for (const std::string &name : step.returns)
        t += "        _values[\"" + name + "\"] = " + name + "\n";
    return t;
}

/// The package README's word on the notebook's inputs.
std::string dataSection(const GraduationPlan &plan)
{
    std::string t = "Inputs (the `[inputs]` table of `config/params.toml`; `--input NAME=PATH` reads another "
                    "file):\n\n";
    for (const DataInput &input : plan.inputs)
        t += "- `" + oneLine(input.name) + "`: `" + oneLine(input.target) + "`, "
            + (input.dataPath.empty() ? std::string("read beside the notebook (not copied)")
                                      : "copied to `data/" + oneLine(input.dataPath) + "`")
            + (input.optional ? "; optional: the notebook checks for it and goes on without it" : "") + "\n";
    return t
        + "\nCopies are checked against `data/MANIFEST.tsv` (SHA-256) before the first step: a missing or "
          "changed input stops the run with its name and path, except that a missing optional input is "
          "logged as absent and the notebook's own fallback runs. `--data-dir DIR` reads the copies from "
          "another folder; `--output-dir DIR` writes files and figures elsewhere.";
}

/// Where the generated files say they come from.
std::string originOf(const GraduationPlan &plan)
{
    return "generated by Tassel from " + plan.notebookFileName;
}

/// The environment variable that moves the output folder.
std::string outputVariableOf(const GraduationPlan &plan)
{
    return upper(plan.packageName) + "_OUTPUT_DIR";
}

/// The environment variable that names another parameters file.
std::string configVariableOf(const GraduationPlan &plan)
{
    return upper(plan.packageName) + "_CONFIG";
}

/// pyproject.toml: hatchling, the direct dependencies, pytest and ruff settings.
std::string pyprojectToml(const GraduationPlan &plan)
{
    const std::string &pkg = plan.packageName;
    std::string t
        = "[build-system]\nrequires = [\"hatchling>=1.26\"]\nbuild-backend = \"hatchling.build\"\n\n";
    t += "[project]\nname = " + tomlString(plan.distributionName) + "\nversion = " + tomlString(plan.version)
        + "\ndescription = " + tomlString(plan.description) + "\nreadme = \"README.md\"\n";
    t += "requires-python = \">=" + plan.pythonVersion + "\"\n";
    t += "dependencies = [\n";
    for (const PackageDependency &dependency : plan.dependencies)
        if (dependency.requiredBy.empty())
            t += "    "
                + tomlString(
                    dependency.distribution + (dependency.version.empty() ? "" : "==" + dependency.version))
                + ",\n";
    t += "]\n\n[project.scripts]\n" + plan.distributionName + " = \"" + pkg + ".cli:main\"\n\n";
    t += "[dependency-groups]\ntest = [\"pytest>=8\"]\ndev = [{include-group = \"test\"}, "
         "\"ruff>=0.6\"]\n\n";
    t += "[tool.hatch.build.targets.wheel]\npackages = [\"src/" + pkg + "\"]\n\n";
    t += "[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\naddopts = [\"--import-mode=importlib\"]\n"
         "pythonpath = [\"src\"]\n\n";
    t += "[tool.ruff]\nline-length = 100\nsrc = [\"src\", \"tests\"]\ntarget-version = \"py" + [&] {
        std::string v = plan.pythonVersion;
        v.erase(std::remove(v.begin(), v.end(), '.'), v.end());
        return v;
    }() + "\"\n\n";
    // Tassel's own tests lint every generated package with exactly these rules.
    t += "[tool.ruff.lint]\nselect = [\"E4\", \"E7\", \"E9\", \"F\", \"I\"]\n\n"
         "[tool.ruff.lint.isort]\nknown-first-party = [\""
        + pkg + "\"]\n";
    return t;
}

/// requirements.lock: every dependency, with where its version came from.
std::string requirementsLock(const GraduationPlan &plan)
{
    const std::string origin = originOf(plan);
    std::string t = "# Exact pins for " + plan.distributionName + " (" + origin
        + ").\n"
          "# Each line says where its version came from; a line without a version had none known:\n"
          "# pin it (pip freeze in the notebook's environment) before relying on this file.\n";
    for (const PackageDependency &dependency : plan.dependencies) {
        if (dependency.version.empty())
            t += oneLine(dependency.distribution) + "  # version unknown"
                + (dependency.module.empty() ? std::string() : ": imported as " + oneLine(dependency.module))
                + "\n";
        else
            t += oneLine(dependency.distribution + "==" + dependency.version) + "  # from "
                + (dependency.source.empty() ? std::string("the notebook's environment")
                                             : oneLine(dependency.source))
                + "\n";
    }
    return t;
}

/// .env.example: the environment variables that replace the secrets.
std::string envExample(const GraduationPlan &plan)
{
    std::string t = "# Secrets the pipeline reads from the environment. They were found in the notebook\n"
                    "# and are not copied anywhere: copy this file to .env and fill the values in.\n";
    for (const SecretVariable &secret : plan.secrets)
        t += "# " + oneLine(secret.kind) + ", from notebook cell " + oneLine(secret.cellId) + "\n"
            + secret.environmentName + "=\n";
    return t;
}

/// run.sh: uv, a fresh .venv or --offline; secrets from .env checked first.
std::string runScript(const GraduationPlan &plan)
{
    const std::string &pkg = plan.packageName;
    const std::string origin = originOf(plan);
    std::string t = "#!/usr/bin/env bash\n# Runs the " + pkg + " pipeline reproducibly (" + origin
        + ").\n"
          "#   ./run.sh [--offline] [PIPELINE OPTIONS...]\n"
          "# With uv: uv sync --locked (when uv.lock exists) and uv run; without: a .venv made with\n"
          "# python3 -m venv and requirements.lock. --offline runs with the current interpreter's "
          "packages.\n"
          "set -euo pipefail\n# Paths given as options stay relative to where the user is (cli.py reads "
          "this).\n"
          "export RUN_SH_CALLER_DIR=\"$PWD\"\ncd \"$(dirname \"$0\")\"\n\noffline=0\nargs=()\nfor arg in "
          "\"$@\"; do\n"
          "    if [ \"$arg\" = --offline ]; then offline=1; else args+=(\"$arg\"); fi\ndone\n\n"
          "if [ -f .env ]; then set -a; . ./.env; set +a; fi\n";
    if (!plan.secrets.empty()) {
        std::vector<std::string> names;
        for (const SecretVariable &secret : plan.secrets)
            names.push_back(secret.environmentName);
        t += "missing=()\nfor name in " + join(names, " ")
            + "; do\n    [ -n \"${!name:-}\" ] || missing+=(\"$name\")\ndone\n"
              "if [ ${#missing[@]} -gt 0 ]; then\n"
              "    echo \"run.sh: missing environment variables: ${missing[*]} (see .env.example)\" >&2\n"
              "    exit 1\nfi\n";
    }
    t += "export PYTHONHASHSEED=0\n\n";
    t += "if [ \"$offline\" = 1 ]; then\n    PYTHONPATH=\"$PWD/src${PYTHONPATH:+:$PYTHONPATH}\" exec "
         "python3 -m "
        + pkg + " \"${args[@]}\"\nfi\n";
    t += "if command -v uv >/dev/null 2>&1; then\n"
         "    if [ -f uv.lock ]; then\n        uv sync --locked\n        exec uv run --locked python -m "
        + pkg
        + " \"${args[@]}\"\n    fi\n"
          "    [ -d .venv ] || uv venv .venv\n"
          "    uv pip install --python .venv/bin/python -r requirements.lock\n"
          "    uv pip install --python .venv/bin/python --no-deps .\nelse\n"
          "    [ -d .venv ] || python3 -m venv .venv\n"
          "    .venv/bin/python -m pip install --quiet -r requirements.lock\n"
          "    .venv/bin/python -m pip install --quiet --no-deps .\nfi\n"
          "exec .venv/bin/python -m "
        + pkg + " \"${args[@]}\"\n";
    return t;
}

/// config/params.toml: the parameters and the [inputs] table.
std::string paramsToml(const GraduationPlan &plan)
{
    const std::string &pkg = plan.packageName;
    std::string t = "# Parameters of " + pkg
        + ", from the notebook's parameters and constants cells.\n"
          "# Edit them here, pass --config FILE, or override one with --NAME VALUE.\n";
    for (const ConfigParameter &parameter : plan.config) {
        if (parameter.tomlValue.empty())
            t += "# " + parameter.name + ": not a TOML value (" + oneLine(parameter.pythonValue.substr(0, 60))
                + "); its default lives in src/" + pkg + "/config.py\n";
        else
            t += parameter.name + " = " + parameter.tomlValue + "  # notebook cell "
                + oneLine(parameter.cellId) + "\n";
    }
    if (!plan.inputs.empty())
        t += "\n[inputs]\n# Files the notebook reads, by their path relative to the notebook. While a "
             "path is\n"
             "# unchanged its copy in the data folder (--data-dir; data/MANIFEST.tsv) or the file "
             "beside\n"
             "# the notebook is read; another path is taken relative to the working directory.\n";
    for (const DataInput &input : plan.inputs)
        t += input.name + " = " + tomlString(input.target) + "  # "
            + (input.dataPath.empty() ? std::string("read beside the notebook")
                                      : "copied to data/" + oneLine(input.dataPath))
            + (input.optional ? "; optional" : "") + "\n";
    return t;
}

/// README.md of the package.
std::string packageReadme(const GraduationPlan &plan)
{
    const std::string &pkg = plan.packageName;
    const std::string origin = originOf(plan);
    const std::string outputVariable = outputVariableOf(plan);
    std::string t = "# " + oneLine(plan.description) + "\n\nA Python package " + origin
        + ": the notebook's sections became functions, run in order by `" + pkg + ".pipeline`.\n\n";
    t += "- Source notebook: `notebooks/" + plan.notebookFileName
        + "` (secrets masked), SHA-256 of the original: `"
        + (plan.notebookSha256.empty() ? std::string("unknown") : plan.notebookSha256) + "`\n";
    t += "- Steps: ";
    std::vector<std::string> steps;
    for (const GraduationStep &step : plan.steps)
        steps.push_back("`" + step.name + "`");
    t += (steps.empty() ? std::string("none") : join(steps, ", ")) + "\n\n";
    t += "## Run\n\n```sh\n./run.sh             # uv or a fresh .venv from requirements.lock\n"
         "./run.sh --offline   # with the current interpreter's packages\npython -m "
        + pkg
        + " --help      # parameters\n```\n\nFigures and the files the notebook writes go to `output/` "
          "(`--output-dir DIR`, or `$"
        + outputVariable + "`).";
    if (!plan.inputs.empty())
        t += "\n\n" + dataSection(plan);
    if (!plan.secrets.empty())
        t += " Secrets come from the environment: copy `.env.example` to `.env` and fill it in.";
    t += PackageChecks::readmeSection(plan);
    t += "\n\n## Test\n\n```sh\npython -m pytest\n```\n\n`tests/test_regression.py` compares what the "
         "pipeline "
         "prints with what the notebook showed (`tests/fixtures/`).\n";
    if (!unreproducedSteps(plan).empty()) {
        t += "\n## Outputs that do not reproduce\n\nThese steps show other output than the notebook "
             "stored (a finding of the analysis, or the re-run of `tassel graduate --verify`), so their "
             "regression tests are expected to fail (xfail).\n\n";
        for (const GraduationStep &step : plan.steps)
            if (!step.xfailReason.empty())
                t += "- `" + step.name + "`: " + oneLine(step.xfailReason) + "\n";
    }
    if (!plan.failurePaths.empty()) {
        t += "\n## Failure paths to review\n\nThe notebook catches these exceptions and goes on; the "
             "package keeps the code as written. Check that each still does what a pipeline should "
             "(let it fail, or log and re-raise).\n\n";
        for (const TransformNote &path : plan.failurePaths)
            t += "- " + oneLine(path.message) + "\n"; // the message names the cell and line
    }
    if (!plan.notes.empty()) {
        t += "\n## What changed from the notebook\n\n";
        for (const TransformNote &note : plan.notes)
            t += "- cell " + escaping::markdownCode(note.cellId)
                + (note.line > 0 ? ", line " + std::to_string(note.line) : std::string()) + ": "
                + oneLine(note.message) + "\n";
    }
    return t;
}

/// config.py: DEFAULTS, then a TOML file, then the command line.
std::string configModule(const GraduationPlan &plan)
{
    const std::string &pkg = plan.packageName;
    const std::string configVariable = configVariableOf(plan);
    std::string t = "\"\"\"Configuration: the notebook's parameters and inputs, overridable from a TOML "
                    "file and the "
                    "command line.\"\"\"\n\nimport os\nimport tomllib\n\nfrom "
        + pkg + "._runtime import INPUTS, ROOT\n\nDEFAULTS = {\n";
    for (const ConfigParameter &parameter : plan.config)
        t += "    " + pythonString(parameter.name) + ": " + parameter.pythonValue + ",  # notebook cell "
            + oneLine(parameter.cellId) + "\n";
    t += "}\n\n\ndef load_config(path=None, overrides=None):\n"
         "    \"\"\"DEFAULTS, then the TOML file (path, $"
        + configVariable
        + ", or the package's config/params.toml), then overrides.\n\n"
          "    Paths of the notebook's inputs are the table \"inputs\" (entry -> path).\"\"\"\n"
          "    config = dict(DEFAULTS)\n"
          "    config[\"inputs\"] = {name: notebook_path for name, (notebook_path, _copy) in "
          "INPUTS.items()}\n"
          "    if path is None:\n"
          "        path = os.environ.get(\""
        + configVariable
        + "\")\n"
          "    if path is None and (ROOT / \"config\" / \"params.toml\").is_file():\n"
          "        path = ROOT / \"config\" / \"params.toml\"\n"
          "    if path is not None:\n"
          "        with open(path, \"rb\") as handle:\n"
          "            values = tomllib.load(handle)\n"
          "        inputs = values.pop(\"inputs\", {})\n"
          "        unknown = sorted(set(values) - set(DEFAULTS)) + sorted(\n"
          "            \"inputs.\" + name for name in set(inputs) - set(INPUTS)\n"
          "        )\n"
          "        if unknown:\n"
          "            raise ValueError(f\"{path}: unknown parameters: {', '.join(unknown)}\")\n"
          "        config.update(values)\n"
          "        config[\"inputs\"].update(inputs)\n"
          "    overrides = dict(overrides or {})\n"
          "    config[\"inputs\"].update(overrides.pop(\"inputs\", {}))\n"
          "    config.update(overrides)\n"
          "    return config\n";
    return t;
}

/// cli.py: the command line of the pipeline and `diff`.
std::string cliModule(const GraduationPlan &plan)
{
    const std::string &pkg = plan.packageName;
    return "\"\"\"Command line: python -m " + pkg
        + " [--config FILE] [--data-dir DIR] [--output-dir DIR] [--input NAME=PATH] [--no-validate]\n"
          "[--log-format human|json] [--NAME VALUE ...], or python -m "
        + pkg
        + " diff RUN1.json RUN2.json\"\"\"\n\n"
          "import argparse\nimport ast\nimport os\nimport sys\n\nfrom "
        + pkg + " import pipeline\nfrom " + pkg + "._contracts import ContractError\nfrom " + pkg
        + "._observe import StepFailed, configure_logging, diff\nfrom " + pkg
        + "._runtime import INPUTS, InputError, output_dir, set_folders, set_validation\nfrom " + pkg
        + ".config import DEFAULTS, load_config\n\n\n"
          "def _value(text):\n    try:\n        return ast.literal_eval(text)\n    except (ValueError, "
          "SyntaxError):\n"
          "        return text\n\n\n"
          "def _given(path):\n"
          "    \"\"\"A path from the command line as the user meant it: run.sh changes into the "
          "package\n"
          "    folder first and says in RUN_SH_CALLER_DIR where the user was.\"\"\"\n"
          "    caller = os.environ.get(\"RUN_SH_CALLER_DIR\")\n"
          "    return os.path.join(caller, path) if path and caller and not os.path.isabs(path) else "
          "path\n\n\n"
          "def _input(text):\n"
          "    name, _, path = text.partition(\"=\")\n"
          "    if name not in INPUTS or not path:\n"
          "        raise argparse.ArgumentTypeError(f\"NAME=PATH with NAME one of {', "
          "'.join(INPUTS)}\")\n"
          "    return name, _given(path)\n\n\n"
          "def _diff(paths):\n"
          "    \"\"\"diff RUN1.json RUN2.json: what changed between two runs; exit 1 when something "
          "did.\"\"\"\n"
          "    if len(paths) != 2:\n"
          "        print(\"usage: python -m "
        + pkg
        + " diff RUN1.json RUN2.json\", file=sys.stderr)\n"
          "        return 2\n"
          "    lines = diff(*paths)\n"
          "    print(\"\\n\".join(lines) if lines else \"no differences\")\n"
          "    return 1 if lines else 0\n\n\n"
          "def main(argv=None):\n"
          "    argv = sys.argv[1:] if argv is None else list(argv)\n"
          "    if argv[:1] == [\"diff\"]:\n"
          "        return _diff(argv[1:])\n"
          "    parser = argparse.ArgumentParser(prog="
        + pythonString(plan.distributionName) + ", description=" + pythonString(plan.description)
        + ")\n"
          "    parser.add_argument(\"--config\", help=\"TOML file of parameters (default: "
          "config/params.toml)\")\n"
          "    parser.add_argument(\"--data-dir\", help=\"folder of the copied inputs (default: "
          "data/)\")\n"
          "    parser.add_argument(\"--output-dir\", help=\"folder for files and figures (default: "
          "output/)\")\n"
          "    parser.add_argument(\"--input\", action=\"append\", type=_input, default=[], "
          "metavar=\"NAME=PATH\",\n"
          "                        help=\"read input NAME from PATH instead\")\n"
          "    parser.add_argument(\"--no-validate\", action=\"store_true\", help=\"do not check the "
          "inputs "
          "against contracts/\")\n"
          "    parser.add_argument(\"--log-format\", choices=(\"human\", \"json\"), default=\"human\", "
          "help=\"log lines on stderr\")\n"
          "    for name, default in DEFAULTS.items():\n"
          "        parser.add_argument(\"--\" + name.replace(\"_\", \"-\"), dest=name, type=_value, "
          "help=f\"default: {default!r}\")\n"
          "    args = parser.parse_args(argv)\n"
          "    overrides = {name: getattr(args, name) for name in DEFAULTS if getattr(args, name) is not "
          "None}\n"
          "    overrides[\"inputs\"] = dict(args.input)\n"
          "    set_folders(_given(args.data_dir), _given(args.output_dir))\n"
          "    set_validation(not args.no_validate)\n"
          "    configure_logging(args.log_format)\n"
          "    try:\n"
          "        pipeline.run(load_config(_given(args.config), overrides))\n"
          "    except (InputError, ContractError) as error:\n"
          "        print(f\"{parser.prog}: error: {error}\", file=sys.stderr)\n"
          "        return 2\n"
          "    except StepFailed as error:\n"
          "        print(f\"{parser.prog}: error: {error} (traceback in {output_dir() / 'run.log'})\", "
          "file=sys.stderr)\n"
          "        return 1\n"
          "    return 0\n";
}

/// functions.py: the helpers, with the imports they need.
std::string functionsModule(const GraduationPlan &plan)
{
    std::string t = "\"\"\"Functions and classes the notebook defines, shared by the steps.\"\"\"\n";
    std::string definitions;
    for (const HelperDefinition &helper : plan.helpers)
        definitions += "\n\n# From notebook cell " + oneLine(helper.cellId) + " (cell "
            + std::to_string(helper.cell + 1) + ").\n"
            + helper.source.substr(std::min(helper.source.find_first_not_of('\n'), helper.source.size()));
    t += importsFor(plan, plan.helperImports, definitions) + definitions;
    return t;
}

/// session.py: the set-up cells, run before the steps.
std::string sessionModule(const GraduationPlan &plan)
{
    std::string t = pythonDocstring("Session set-up from notebook cells "
                        + cellList(plan.setUp.cells, plan.setUp.cellIds)
                        + ": display options and plot style, applied before the steps.")
        + "\n";
    t += importsFor(plan, plan.setUp.imports, plan.setUp.body);
    t += "\n\ndef set_up():\n    "
        + pythonDocstring("What the notebook's set-up cells did besides importing.") + "\n"
        + indent(plan.setUp.body);
    return t;
}

/// One step as a function in its own module.
std::string stepModule(const GraduationPlan &plan, const GraduationStep &step)
{
    std::string t
        = pythonDocstring(step.title + ": notebook cells " + cellList(step) + " as a function.") + "\n";
    std::vector<std::pair<std::string, std::string>> own;
    for (const std::string &name : step.runtime)
        own.emplace_back("_runtime", name);
    for (const std::string &name : step.helpers)
        own.emplace_back("functions", name);
    t += importsFor(plan, step.imports, step.body, own);
    t += "\n\n# Source: notebook cells " + oneLine(cellList(step)) + ".\ndef " + signature(step) + ":\n";
    t += "    " + pythonDocstring(step.title) + "\n";
    t += indent(step.body);
    if (!step.returns.empty())
        t += "    return " + join(step.returns, ", ") + "\n";
    return t;
}

/// pipeline.py: runs the steps in order, logged and recorded.
std::string pipelineModule(const GraduationPlan &plan)
{
    std::string t
        = pythonDocstring("Runs the steps of " + plan.description + " in the notebook's order.") + "\n\n";
    std::vector<std::pair<std::string, std::string>> own;
    for (const GraduationStep &step : plan.steps)
        own.emplace_back(step.module, step.name);
    own.emplace_back("_observe", "finish_run");
    own.emplace_back("_observe", "run_step");
    own.emplace_back("_observe", "start_run");
    own.emplace_back("_runtime", "save_figures");
    own.emplace_back("_runtime", "use_inputs");
    own.emplace_back("_runtime", "check_inputs");
    own.emplace_back("config", "load_config");
    if (!plan.setUp.body.empty())
        own.emplace_back("session", "set_up");
    t += importsFor(plan, {}, {}, own).substr(1) + "\n\n";
    t += "def run(config=None, *, until=None):\n"
         "    \"\"\"Runs every step; with `until` (a step name), stops before it. Returns the values "
         "made.\n\n    Each step is logged and timed; output/run.json records the run.\"\"\"\n"
         "    # Underscored names cannot clash with the notebook's own variables below.\n"
         "    _config, _until, _values = (load_config() if config is None else config), until, {}\n";
    t += "    use_inputs(_config[\"inputs\"])\n    check_inputs()\n    start_run(_config)\n    try:\n";
    if (!plan.setUp.body.empty())
        t += "        set_up()\n";
    for (const GraduationStep &step : plan.steps)
        t += stepCall(step);
    t += "        save_figures()\n    except BaseException:\n        finish_run(\"failed\")\n        "
         "raise\n"
         "    return finish_run(\"succeeded\", _values)\n";
    return t;
}

/// tests/conftest.py: figures to a temporary folder; missing secrets stop the tests.
std::string conftest(const GraduationPlan &plan)
{
    const std::string outputVariable = outputVariableOf(plan);
    // `os` only where the secrets check needs it (ruff F401).
    std::string t = "\"\"\"Shared test set-up: figures go to a temporary folder.\"\"\"\n\n"
        + std::string(plan.secrets.empty() ? "" : "import os\n\n") + "import pytest\n\n";
    if (!plan.secrets.empty()) {
        std::vector<std::string> names;
        for (const SecretVariable &secret : plan.secrets)
            names.push_back(pythonString(secret.environmentName));
        t += "_SECRETS = [" + join(names, ", ")
            + "]\n_MISSING = [name for name in _SECRETS if not os.environ.get(name)]\n"
              "if _MISSING:\n    pytest.exit(\"missing environment variables: \" + \", \".join(_MISSING) "
              "+ "
              "\" (see .env.example)\", returncode=1)\n\n";
    }
    t += "\n@pytest.fixture(autouse=True)\ndef _output_dir(tmp_path, monkeypatch):\n    "
         "monkeypatch.setenv(\""
        + outputVariable + "\", str(tmp_path / \"output\"))\n";
    return t;
}

/// tests/test_<step>.py: the step on the earlier steps' values against what the notebook showed.
std::string stepTest(const GraduationPlan &plan, const GraduationStep &step)
{
    std::string t = pythonDocstring("Step " + step.name + " (notebook cells " + cellList(step)
                        + ") on the values the earlier steps make, against what the notebook showed.")
        + "\n"
        + importsFor(plan, {"from pathlib import Path", "import pytest"},
            step.xfailReason.empty() ? "Path" : "Path pytest",
            {{"", "pipeline"}, {"_runtime", "normalise_output"}, {"config", "load_config"},
                {step.module, step.name}})
        + "\nFIXTURE = Path(__file__).parent / \"fixtures\" / \"" + step.name + ".txt\"\n\n\n"
        + xfailMark(step.xfailReason) + "def test_" + step.name
        + "(capsys):\n    config = load_config()\n"
        // Only a step with parameters reads the earlier steps' values (ruff F841 otherwise).
        + "    " + (step.parameters.empty() ? "" : "values = ") + "pipeline.run(config, until=\"" + step.name
        + "\")\n    capsys.readouterr()\n    " + (step.returns.empty() ? "" : "result = ") + step.name + "("
        + callArguments(step, "values", "config")
        + ")\n    printed = capsys.readouterr().out\n"
          "    assert normalise_output(printed) == "
          "normalise_output(FIXTURE.read_text(encoding=\"utf-8\"))\n";
    if (step.returns.size() == 1)
        t += "    assert result is not None\n";
    else if (step.returns.size() > 1)
        t += "    assert isinstance(result, tuple) and len(result) == " + std::to_string(step.returns.size())
            + "\n";
    return t;
}

/// tests/test_regression.py: all the pipeline prints against all the notebook showed.
std::string regressionTest(const GraduationPlan &plan)
{
    const std::string &pkg = plan.packageName;
    const std::string unreproduced = unreproducedSteps(plan);
    return "\"\"\"What the pipeline prints must equal what the notebook showed (normalised).\"\"\"\n\n"
           "from pathlib import Path\n\n"
        + std::string(unreproduced.empty() ? "" : "import pytest\n\n") + "from " + pkg
        + " import pipeline\nfrom " + pkg
        + "._runtime import normalise_output\n\nEXPECTED = Path(__file__).parent / \"fixtures\" / "
          "\"expected_output.txt\"\n\n\n"
        + xfailMark(unreproduced.empty() ? std::string() : "steps that do not reproduce: " + unreproduced)
        + "def test_output_matches_the_notebook(capsys):\n    pipeline.run()\n    printed = "
          "capsys.readouterr().out\n"
          "    assert normalise_output(printed) == "
          "normalise_output(EXPECTED.read_text(encoding=\"utf-8\"))\n";
}

} // namespace

std::vector<GeneratedFile> PackageGenerator::generate(const GraduationPlan &plan)
{
    std::vector<GeneratedFile> files;
    const std::string &pkg = plan.packageName;
    const std::string src = "src/" + pkg + "/";
    auto add = [&](std::string path, std::string content, bool executable = false) {
        files.push_back({std::move(path), std::move(content), executable});
    };

    add("pyproject.toml", pyprojectToml(plan));
    add("requirements.lock", requirementsLock(plan));
    add(".python-version", plan.pythonVersion + "\n");
    add(".env.example", envExample(plan));
    add(".gitignore",
        ".venv/\n__pycache__/\n*.egg-info/\ndist/\nbuild/\noutput/\n.env\n.pytest_cache/\n.ruff_cache/\n");

    add("run.sh", runScript(plan), true);
    add("config/params.toml", paramsToml(plan));
    add("README.md", packageReadme(plan));

    // The package.
    add(src + "__init__.py",
        pythonDocstring(plan.description + " (" + originOf(plan) + ").")
            + "\n\nimport os\n\n"
              "# Figures are saved, never shown: no display is "
              "needed.\nos.environ.setdefault(\"MPLBACKEND\", \"Agg\")\n\n"
              "__version__ = "
            + pythonString(plan.version) + "\n");
    add(src + "__main__.py",
        "\"\"\"python -m " + pkg + "\"\"\"\n\nfrom " + pkg
            + ".cli import main\n\nraise SystemExit(main())\n");
    add(src + "_runtime.py",
        runtimeModule(plan, outputVariableOf(plan)) + PackageChecks::runtimeCode(plan) + runtimeTail());
    for (GeneratedFile &file : PackageChecks::files(plan))
        files.push_back(std::move(file));
    for (const PackageResource &resource : plan.resources)
        add(src + resource.path, resource.content, resource.executable);
    add(src + "config.py", configModule(plan));
    add(src + "cli.py", cliModule(plan));
    if (!plan.helpers.empty())
        add(src + "functions.py", functionsModule(plan));
    for (const LocalModule &module : plan.localModules)
        for (const auto &[path, content] : module.files)
            add(src + path, content);
    if (!plan.setUp.body.empty())
        add(src + "session.py", sessionModule(plan));
    for (const GraduationStep &step : plan.steps)
        add(src + step.module + ".py", stepModule(plan, step));
    add(src + "pipeline.py", pipelineModule(plan));

    // Tests.
    add("tests/conftest.py", conftest(plan));
    std::string allOutput;
    for (const GraduationStep &step : plan.steps) {
        allOutput += step.storedOutput;
        add("tests/fixtures/" + step.name + ".txt", step.storedOutput);
        add("tests/test_" + step.name + ".py", stepTest(plan, step));
    }
    add("tests/fixtures/expected_output.txt", allOutput);
    add("tests/test_pipeline.py",
        "\"\"\"The whole pipeline, end to end, through the command line.\"\"\"\n\nfrom " + pkg
            + ".cli import main\n\n\ndef test_pipeline_runs_to_the_end(capsys):\n    assert main([]) == 0\n");
    add("tests/test_regression.py", regressionTest(plan));

    if (!plan.notebookCopy.empty())
        add("notebooks/" + plan.notebookFileName, plan.notebookCopy);
    for (const DataInput &input : plan.inputs)
        if (!input.dataPath.empty())
            add("data/" + input.dataPath, input.content);

    // Last line of defence: no secret value survives in any file.
    const SecretMask secretMask(plan.secretValues);
    for (GeneratedFile &file : files)
        file.content = secretMask.hide(std::move(file.content));
    // The manifest hashes the copies as written, after masking.
    std::string manifest;
    for (const DataInput &input : plan.inputs)
        for (const GeneratedFile &file : files)
            if (!input.dataPath.empty() && file.path == "data/" + input.dataPath)
                manifest += input.dataPath + "\t" + sha256Hex(file.content) + "\t"
                    + std::to_string(file.content.size()) + "\t" + input.name + "\n";
    if (!manifest.empty())
        add("data/MANIFEST.tsv",
            "# Inputs copied from the notebook's folder; the pipeline stops when one is missing or differs.\n"
            "# path\tsha256\tbytes\tinput\n"
                + manifest);
    return files;
}

} // namespace tassel
