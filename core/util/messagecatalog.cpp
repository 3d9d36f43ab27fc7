#include "util/messagecatalog.h"

#include <QtGlobal>

#include <algorithm>
#include <optional>

namespace tassel {

namespace {

// clang-format off
// One entry per sentence core says. QT_TRANSLATE_NOOP only marks the text for lupdate
// (translations/update.sh); the GUI translates it when shown.
constexpr MessageCatalog::Entry kEntries[] = {
    // Shared pieces.
    {"list.and", QT_TRANSLATE_NOOP("Message", " and ")},
    // Execution order (analysis/executionorder.cpp).
    {"out-of-order-execution",
        QT_TRANSLATE_NOOP("Message", "cell {cell} ran as execution {count}, before cell {above} above it (execution {above_count}): the notebook was not run top to bottom.")},
    {"execution-gap",
        QT_TRANSLATE_NOOP("Message", "Execution counts jump from {previous_count} (cell {previous}) to {count} (cell {cell}): {missing} {missing|execution is|executions are} not in the notebook, so cells were re-run, edited or deleted in between.")},
    {"execution-gap.first",
        QT_TRANSLATE_NOOP("Message", "The first execution count is {count} (cell {cell}): {missing} {missing|earlier execution is|earlier executions are} not in the notebook, so the kernel ran code that is no longer here.")},
    // Stored errors (analysis/erroroutputs.cpp).
    {"error-output",
        QT_TRANSLATE_NOOP("Message", "cell {cell} was saved with a `{error}` traceback (output {output}): the stored outputs come from a run that failed here; run it again or clear the output.")},
    {"error-output.stream",
        QT_TRANSLATE_NOOP("Message", "cell {cell} was saved with a traceback in its {stream} (output {output}): the stored outputs come from a run that failed here; run it again or clear the output.")},
    // Syntax (analysis/syntaxcheck.cpp); syntax-hint.* complete syntax-error.hint.
    {"syntax-error",
        QT_TRANSLATE_NOOP("Message", "cell {cell} does not parse as Python 3 (line {line}); names in the statement are not checked")},
    {"syntax-error.hint",
        QT_TRANSLATE_NOOP("Message", "cell {cell} does not parse as Python 3 (line {line}): {@hint}; names in the statement are not checked")},
    {"syntax-hint.merge-conflict",
        QT_TRANSLATE_NOOP("Message", "merge-conflict markers (<<<<<<<, =======, >>>>>>>) are left in the cell")},
    {"syntax-hint.nbsp",
        QT_TRANSLATE_NOOP("Message", "a non-breaking space (U+00A0) instead of a space")},
    {"syntax-hint.quotes",
        QT_TRANSLATE_NOOP("Message", "typographic quotes (‘ ’ “ ”) instead of ' and \"")},
    {"syntax-hint.url",
        QT_TRANSLATE_NOOP("Message", "a URL, not code")},
    {"syntax-hint.sql",
        QT_TRANSLATE_NOOP("Message", "SQL outside a %%sql cell")},
    {"syntax-hint.shell",
        QT_TRANSLATE_NOOP("Message", "a shell command without `!` (write `!{command}…` or use a %%bash cell)")},
    {"python2.kernel",
        QT_TRANSLATE_NOOP("Message", "the notebook's kernel is Python 2 ({kernel}): no cell uses Python 2 syntax, but division, strings and dictionary views behave differently in Python 3")},
    {"python2",
        QT_TRANSLATE_NOOP("Message", "Python 2 code ({@what_id}) in {cells_count|cell|cells} {cells}: Python 3 cannot run it; port the notebook (e.g. with 2to3) first")},
    // Python 2 constructs (python/syntaxtree.cpp) for {@what_id}.
    {"python2.print-statement",
        QT_TRANSLATE_NOOP("Message", "print statement")},
    {"python2.exec-statement",
        QT_TRANSLATE_NOOP("Message", "exec statement")},
    {"python2.not-equal",
        QT_TRANSLATE_NOOP("Message", "`<>` operator")},
    {"python2.except-comma",
        QT_TRANSLATE_NOOP("Message", "`except X, e`")},
    {"python2.long-literal",
        QT_TRANSLATE_NOOP("Message", "long integer literal (`10L`)")},
    {"python2.octal-literal",
        QT_TRANSLATE_NOOP("Message", "octal literal without `0o`")},
    {"python2.backticks",
        QT_TRANSLATE_NOOP("Message", "backticks (`x` for repr(x))")},
    {"python2.ur-prefix",
        QT_TRANSLATE_NOOP("Message", "`ur''` string prefix")},
    // Swallowed exceptions (analysis/swallowedexceptions.cpp).
    {"swallowed-exception",
        QT_TRANSLATE_NOOP("Message", "cell {cell} line {line}: `{handler}:` catches every error and goes on: a missing file or a renamed column passes unnoticed; catch the exception you expect, or re-raise after logging.")},
    // Nondeterminism (analysis/nondeterminism.cpp): {@how}, {@where} and {@advice} name the pieces below.
    {"nondeterministic-output",
        QT_TRANSLATE_NOOP("Message", "cell {cell} {@how} a value that comes from `{what}` ({@where}, {source}) and may differ on every run: {@advice}.")},
    {"nondeterministic.plots",
        QT_TRANSLATE_NOOP("Message", "plots")},
    {"nondeterministic.prints",
        QT_TRANSLATE_NOOP("Message", "prints")},
    {"nondeterministic.writes",
        QT_TRANSLATE_NOOP("Message", "writes")},
    {"nondeterministic.shows",
        QT_TRANSLATE_NOOP("Message", "shows")},
    {"nondeterministic.where-line",
        QT_TRANSLATE_NOOP("Message", "line {line}")},
    {"nondeterministic.where-cell",
        QT_TRANSLATE_NOOP("Message", "cell {from_cell}")},
    {"nondeterministic.advice.random-state",
        QT_TRANSLATE_NOOP("Message", "pass random_state=... (or call np.random.seed(...) before it)")},
    {"nondeterministic.advice.seed-argument",
        QT_TRANSLATE_NOOP("Message", "pass it a seed")},
    {"nondeterministic.advice.numpy",
        QT_TRANSLATE_NOOP("Message", "call np.random.seed(...) before it, or draw from np.random.default_rng(seed)")},
    {"nondeterministic.advice.random",
        QT_TRANSLATE_NOOP("Message", "call random.seed(...) before it")},
    {"nondeterministic.advice.torch",
        QT_TRANSLATE_NOOP("Message", "call torch.manual_seed(...) before it")},
    {"nondeterministic.advice.tensorflow",
        QT_TRANSLATE_NOOP("Message", "call tf.random.set_seed(...) before it")},
    {"nondeterministic.advice.unseedable",
        QT_TRANSLATE_NOOP("Message", "it cannot be seeded: pass the value in as a parameter")},
    {"nondeterministic.advice.clock",
        QT_TRANSLATE_NOOP("Message", "inject the time as a parameter instead of reading the clock")},
    {"nondeterministic.advice.network",
        QT_TRANSLATE_NOOP("Message", "download the data once and read a local, versioned copy")},
    {"nondeterministic.advice.environment",
        QT_TRANSLATE_NOOP("Message", "pass the value in as a parameter")},
    {"nondeterministic.advice.order",
        QT_TRANSLATE_NOOP("Message", "sort it (sorted(...)) before showing it")},
    // Secrets (analysis/secretscanner.cpp): {@what_id} is one of secret.kind.* (the argument {what}
    // keeps its English for reports); {@place} one of secret.place.*.
    {"hardcoded-secret",
        QT_TRANSLATE_NOOP("Message", "{@what_id} ({masked}) is written in clear text in {@place}; load it from the environment or a secret store instead.")},
    {"secret.kind.private-key",
        QT_TRANSLATE_NOOP("Message", "A private key")},
    {"secret.kind.putty-private-key",
        QT_TRANSLATE_NOOP("Message", "A PuTTY private key")},
    {"secret.kind.aws-access-key-id",
        QT_TRANSLATE_NOOP("Message", "An AWS access key id")},
    {"secret.kind.aws-secret-access-key",
        QT_TRANSLATE_NOOP("Message", "An AWS secret access key")},
    {"secret.kind.google-api-key",
        QT_TRANSLATE_NOOP("Message", "A Google API key")},
    {"secret.kind.azure-storage-key",
        QT_TRANSLATE_NOOP("Message", "An Azure storage account key")},
    {"secret.kind.github-token",
        QT_TRANSLATE_NOOP("Message", "A GitHub token")},
    {"secret.kind.gitlab-token",
        QT_TRANSLATE_NOOP("Message", "A GitLab token")},
    {"secret.kind.slack-token",
        QT_TRANSLATE_NOOP("Message", "A Slack token")},
    {"secret.kind.slack-webhook",
        QT_TRANSLATE_NOOP("Message", "A Slack webhook URL")},
    {"secret.kind.anthropic-api-key",
        QT_TRANSLATE_NOOP("Message", "An Anthropic API key")},
    {"secret.kind.openai-api-key",
        QT_TRANSLATE_NOOP("Message", "An OpenAI API key")},
    {"secret.kind.huggingface-token",
        QT_TRANSLATE_NOOP("Message", "A Hugging Face token")},
    {"secret.kind.stripe-key",
        QT_TRANSLATE_NOOP("Message", "A Stripe secret key")},
    {"secret.kind.twilio-api-key",
        QT_TRANSLATE_NOOP("Message", "A Twilio API key")},
    {"secret.kind.sendgrid-api-key",
        QT_TRANSLATE_NOOP("Message", "A SendGrid API key")},
    {"secret.kind.pypi-token",
        QT_TRANSLATE_NOOP("Message", "A PyPI upload token")},
    {"secret.kind.databricks-token",
        QT_TRANSLATE_NOOP("Message", "A Databricks token")},
    {"secret.kind.jwt",
        QT_TRANSLATE_NOOP("Message", "A JSON Web Token")},
    {"secret.kind.url-credentials",
        QT_TRANSLATE_NOOP("Message", "A password in a URL")},
    {"secret.kind.url-token",
        QT_TRANSLATE_NOOP("Message", "A token in a URL")},
    {"secret.kind.generic-secret",
        QT_TRANSLATE_NOOP("Message", "A hard-coded credential")},
    {"secret.kind.bearer-token",
        QT_TRANSLATE_NOOP("Message", "A bearer token")},
    {"secret.kind.gcp-service-account",
        QT_TRANSLATE_NOOP("Message", "A Google Cloud service-account key")},
    {"secret.kind.rule",
        QT_TRANSLATE_NOOP("Message", "A secret matching the {secret_rule} rule")},
    {"secret.place.source",
        QT_TRANSLATE_NOOP("Message", "the source of cell {cell} (line {line})")},
    {"secret.place.output",
        QT_TRANSLATE_NOOP("Message", "output {output} of cell {cell} (line {line})")},
    {"secret.place.metadata",
        QT_TRANSLATE_NOOP("Message", "the metadata of cell {cell}")},
    {"secret.place.attachment",
        QT_TRANSLATE_NOOP("Message", "an attachment of cell {cell} (line {line})")},
    {"secret.place.notebook-metadata",
        QT_TRANSLATE_NOOP("Message", "the notebook metadata")},
    // Dependencies (analysis/dependencychecker.cpp): {@source_id} says where a declaration is, one of declaration.*.
    {"shell-install",
        QT_TRANSLATE_NOOP("Message", "{installer} install in cell {cell} may install into another Python than the kernel's; use {magic} install instead.")},
    {"undeclared-dependency",
        QT_TRANSLATE_NOOP("Message", "{module} is imported in cell {cell} but its distribution {distribution} is not declared in any install line, PEP 723 block or requirements file.")},
    {"undeclared-dependency.guessed",
        QT_TRANSLATE_NOOP("Message", "{module} is imported in cell {cell} but its distribution {distribution} (name guessed from the import) is not declared in any install line, PEP 723 block or requirements file.")},
    {"unpinned-dependency",
        QT_TRANSLATE_NOOP("Message", "{distribution} (imported as {module} in cell {cell}) is declared by {@source_id} without any version constraint.")},
    {"unpinned-dependency.constraint",
        QT_TRANSLATE_NOOP("Message", "{distribution} (imported as {module} in cell {cell}) is declared by {@source_id} with '{specifier}' but no exact == pin.")},
    {"unused-declaration",
        QT_TRANSLATE_NOOP("Message", "{distribution} is declared by {@source_id} but no cell imports a module it provides (it may be a plugin or a command-line tool).")},
    // Where a dependency is declared (analysis/requirementreader.cpp, analysis/dependencychecker.cpp),
    // for {@source_id}; {source} keeps the English for reports.
    {"declaration.install",
        QT_TRANSLATE_NOOP("Message", "{installer} in cell {source_cell}")},
    {"declaration.via-install",
        QT_TRANSLATE_NOOP("Message", "{@file_source} (via {installer} -r in cell {source_cell})")},
    {"declaration.pep723",
        QT_TRANSLATE_NOOP("Message", "PEP 723 block in cell {source_cell}")},
    {"declaration.file-line",
        QT_TRANSLATE_NOOP("Message", "{file} line {source_line}")},
    {"declaration.file-table-line",
        QT_TRANSLATE_NOOP("Message", "{file} {table} line {source_line}")},
    // Files and URLs (analysis/ioinventory.cpp): {@access} is one of io.*.
    {"hardcoded-path",
        QT_TRANSLATE_NOOP("Message", "cell {cell} {@access}: an absolute or home path exists only on its author's machine; use a path relative to the notebook or a parameter.")},
    {"missing-input",
        QT_TRANSLATE_NOOP("Message", "cell {cell} {@access}, which does not exist beside the notebook: a re-run or the graduated package will fail; add it beside the notebook or fix the path.")},
    {"network-input",
        QT_TRANSLATE_NOOP("Message", "cell {cell} {@access} over the network: it is not versioned and a run offline fails; download it once and keep a checksum.")},
    {"network-input.runtime-url",
        QT_TRANSLATE_NOOP("Message", "cell {cell} reads from a URL known only at run time ({call}) over the network: it is not versioned and a run offline fails; download it once and keep a checksum.")},
    {"io.read-target",
        QT_TRANSLATE_NOOP("Message", "reads `{target}` ({call})")},
    {"io.write-target",
        QT_TRANSLATE_NOOP("Message", "writes `{target}` ({call})")},
    {"io.read-call",
        QT_TRANSLATE_NOOP("Message", "reads {call}")},
    {"io.write-call",
        QT_TRANSLATE_NOOP("Message", "writes {call}")},
    // Names and state (analysis/dataflow.cpp): {@via} is empty or one of dataflow.via*.
    {"dataflow.via",
        QT_TRANSLATE_NOOP("Message", " (read by `{function}`, called here)")},
    {"dataflow.via-defined",
        QT_TRANSLATE_NOOP("Message", " (read by `{function}`, called here and defined in cell {function_cell})")},
    {"undefined-name.deleted-then-called",
        QT_TRANSLATE_NOOP("Message", "cell {cell} deletes `{name}` on line {deleted_line}, then calls `{function}`, which reads it: this raises NameError.")},
    {"use-before-definition",
        QT_TRANSLATE_NOOP("Message", "cell {cell} uses `{name}`{@via}, which is first defined later in {later_count|cell|cells} {later:list}: run top to bottom, this raises NameError.")},
    {"use-before-definition.same-cell",
        QT_TRANSLATE_NOOP("Message", "cell {cell} uses `{name}`{@via} before this cell defines it, and no earlier cell does: run top to bottom, this raises NameError.")},
    {"undefined-name.deleted",
        QT_TRANSLATE_NOOP("Message", "cell {cell} uses `{name}`{@via}, which cell {deleted_by} deletes with `del` and no later cell defines again.")},
    {"undefined-name",
        QT_TRANSLATE_NOOP("Message", "cell {cell} uses `{name}`{@via}, which no cell, import or builtin defines: hidden state from a deleted or edited cell.")},
    {"undefined-name.ran",
        QT_TRANSLATE_NOOP("Message", "cell {cell} uses `{name}`{@via}, which no cell, import or builtin defines: hidden state from a deleted or edited cell (the stored execution shows this cell ran, so the kernel had it).")},
    {"stale-output",
        QT_TRANSLATE_NOOP("Message", "The outputs of cell {cell} (execution {count}) were produced before cells it depends on ran again: {providers:parts}.")},
    {"stale-output.provider",
        QT_TRANSLATE_NOOP("Message", "cell {provider} (execution {provider_count}) defines {names}")},
    {"stale-output.no-code",
        QT_TRANSLATE_NOOP("Message", "cell {cell} holds {outputs} {outputs|stored output|stored outputs} but no code, only comments or blank lines: the code that produced {outputs|it|them} was removed, so a re-run shows nothing there.")},
    {"unexecuted-cell",
        QT_TRANSLATE_NOOP("Message", "cell {cell} was never run, yet {dependants_count|cell|cells} {dependants:list}, which ran, {dependants_count|depends|depend} on what it defines ({names}): {dependants_count|its|their} outputs came from code that is not in the notebook.")},
    {"non-idempotent-cell",
        QT_TRANSLATE_NOOP("Message", "Running cell {cell} again changes `{name}` again (it modifies a value made before the cell instead of creating it): its result depends on how many times it ran.")},
    {"opaque-code.run",
        QT_TRANSLATE_NOOP("Message", "`{code}` runs another file in the notebook's namespace; the names it defines cannot be known from the notebook alone.")},
    {"opaque-code.star-import-known",
        QT_TRANSLATE_NOOP("Message", "`{code}` binds {count} names Tassel knows of, and may bind others in other versions; names no cell defines are not reported after it.")},
    {"opaque-code.star-import",
        QT_TRANSLATE_NOOP("Message", "`{code}` may define any name; Tassel cannot tell which names later cells take from it.")},
    {"opaque-code.exec",
        QT_TRANSLATE_NOOP("Message", "`{code}` runs code built at run time; its reads and writes cannot be proved statically.")},
    {"opaque-code.globals",
        QT_TRANSLATE_NOOP("Message", "`{code}` reads or writes global names by string; those names are invisible to analysis.")},
    {"opaque-code",
        QT_TRANSLATE_NOOP("Message", "`{code}` may define or change names in ways Tassel cannot see.")},
    {"analysis-limit",
        QT_TRANSLATE_NOOP("Message", "The cell was not analysed: {@reason_id}. The names it defines and uses are unknown, so findings after it may be missing.")},
    {"analysis-limit.source-bytes",
        QT_TRANSLATE_NOOP("Message", "the cell's source has {bytes} bytes, more than the analysis limit of {limit}")},
    {"analysis-limit.parse-seconds",
        QT_TRANSLATE_NOOP("Message", "parsing the cell took longer than the analysis limit of {limit}")},
    // Verification (verify/verifier.cpp, verify/outputcomparer.cpp): why a cell's re-run is not "reproduced".
    {"verify.never-executed",
        QT_TRANSLATE_NOOP("Message", "never executed in the stored notebook, so not part of the execution order.")},
    {"verify.cancelled-in-cell",
        QT_TRANSLATE_NOOP("Message", "cancelled while this cell ran; {@killed}")},
    {"verify.run-limit-in-cell",
        QT_TRANSLATE_NOOP("Message", "the run exceeded its limit of {seconds} s while this cell ran; {@killed}")},
    {"verify.cell-limit",
        QT_TRANSLATE_NOOP("Message", "killed after {seconds} s (the per-cell limit); {@killed}")},
    {"verify.killed.both",
        QT_TRANSLATE_NOOP("Message", "the driver's and the kernel's process groups were killed.")},
    {"verify.killed.both-contained",
        QT_TRANSLATE_NOOP("Message", "the driver's and the kernel's process groups were killed, and every other process of the run (contained in {containment}).")},
    {"verify.killed.driver",
        QT_TRANSLATE_NOOP("Message", "the Python process group was killed.")},
    {"verify.killed.driver-contained",
        QT_TRANSLATE_NOOP("Message", "the Python process group was killed, and every other process of the run (contained in {containment}).")},
    {"verify.process-ended-in-cell",
        QT_TRANSLATE_NOOP("Message", "the Python process ended while this cell ran (exit code {exit_code}).")},
    {"verify.raised",
        QT_TRANSLATE_NOOP("Message", "raised {error}: {value}")},
    {"verify.output-kind",
        QT_TRANSLATE_NOOP("Message", "output {output} is {actual_label} where the notebook stored {expected_label}.")},
    {"verify.image-size",
        QT_TRANSLATE_NOOP("Message", "image {output} has a different size.")},
    {"verify.image-looks",
        QT_TRANSLATE_NOOP("Message", "image {output} looks different ({distance} of 64 hash bits differ).")},
    {"verify.other-error",
        QT_TRANSLATE_NOOP("Message", "the cell raised a different error than the stored one.")},
    {"verify.output-differs",
        QT_TRANSLATE_NOOP("Message", "output {output} ({label}) differs.")},
    {"verify.fewer-outputs",
        QT_TRANSLATE_NOOP("Message", "the re-run produced {actual_count} of the {expected_count} stored outputs.")},
    {"verify.more-outputs",
        QT_TRANSLATE_NOOP("Message", "the re-run produced {actual_count} outputs where the notebook stored {expected_count}.")},
    {"verify.never-ran",
        QT_TRANSLATE_NOOP("Message", "{@difference} The stored notebook never ran this cell.")},
    {"verify.cancelled-before",
        QT_TRANSLATE_NOOP("Message", "the run was cancelled before this cell.")},
    {"verify.run-limit-before",
        QT_TRANSLATE_NOOP("Message", "the run limit of {seconds} s ended the run before this cell.")},
    {"verify.stopped-timeout",
        QT_TRANSLATE_NOOP("Message", "cell {stop_cell} timed out and the run stopped there.")},
    {"verify.stopped-error",
        QT_TRANSLATE_NOOP("Message", "the run stopped at the error in cell {stop_cell} (use --keep-going to run on).")},
    {"verify.process-ended-early",
        QT_TRANSLATE_NOOP("Message", "the Python process ended early (exit code {exit_code}).")},
    {"verify.not-run",
        QT_TRANSLATE_NOOP("Message", "not run.")},
    // Graduation plan notes (graduate/ipythontransformer.cpp, graduate/graduationplanner.cpp): what
    // the package does instead of the notebook's IPython syntax; {magic} is a magic's name.
    {"plan.script-cell",
        QT_TRANSLATE_NOOP("Message", "%%{magic} cell became {path}, run by the step")},
    {"plan.writefile-cell",
        QT_TRANSLATE_NOOP("Message", "%%{magic} cell became {path}, written to {target} by the step")},
    {"plan.capture-cell",
        QT_TRANSLATE_NOOP("Message", "%%capture {arguments}: the captured output is not kept; the body runs as plain Python")},
    {"plan.transparent-cell",
        QT_TRANSLATE_NOOP("Message", "%%{magic} removed; the body runs as plain Python")},
    {"plan.display-cell",
        QT_TRANSLATE_NOOP("Message", "%%{magic} cell dropped (display only)")},
    {"plan.shell-install",
        QT_TRANSLATE_NOOP("Message", "!{command} became declared dependencies")},
    {"plan.shell-lines",
        QT_TRANSLATE_NOOP("Message", "{target} = !... turned into shell_lines(...)")},
    {"plan.run-shell",
        QT_TRANSLATE_NOOP("Message", "!... turned into run_shell(...)")},
    {"plan.magic-install",
        QT_TRANSLATE_NOOP("Message", "%{magic} install became declared dependencies")},
    {"plan.timing-magic",
        QT_TRANSLATE_NOOP("Message", "%{magic} removed; the statement runs once")},
    {"plan.cd",
        QT_TRANSLATE_NOOP("Message", "%cd turned into os.chdir(...)")},
    {"plan.env",
        QT_TRANSLATE_NOOP("Message", "%env turned into os.environ[...]")},
    {"plan.pylab",
        QT_TRANSLATE_NOOP("Message", "%pylab turned into the imports of numpy's and pylab's names")},
    {"plan.session-magic",
        QT_TRANSLATE_NOOP("Message", "%{magic} removed (interactive session only)")},
    {"plan.kept-magic",
        QT_TRANSLATE_NOOP("Message", "%{magic} has no plain-Python equivalent; kept as a comment")},
    {"plan.help-request",
        QT_TRANSLATE_NOOP("Message", "help request {request} removed")},
    {"plan.set-up",
        QT_TRANSLATE_NOOP("Message", "imports and session set-up only: runs once before the steps (session.set_up()), not as a step")},
    {"plan.hidden-state",
        QT_TRANSLATE_NOOP("Message", "'{name}' is not defined before step {step}; the step reads it as a global (NameError if nothing defines it)")},
    {"plan.failure-path",
        QT_TRANSLATE_NOOP("Message", "step `{step}`: {@finding}")},
};
// clang-format on

constexpr int kMaxDepth = 4;

std::string listText(std::string_view value, const MessageCatalog::Translate &translate)
{
    std::vector<std::string_view> items;
    while (!value.empty()) {
        const auto comma = value.find(", ");
        items.push_back(value.substr(0, comma));
        value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 2);
    }
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            text += i + 1 == items.size() ? translate(MessageCatalog::find("list.and")) : std::string(", ");
        text += items[i];
    }
    return text;
}

std::string renderText(
    std::string_view text, const Message &message, const MessageCatalog::Translate &translate, int depth);

/// The sentences under `name`, each rendered from its own (translated) template; nullopt when
/// the message has none.
std::optional<std::string> partsText(
    std::string_view name, const Message &message, const MessageCatalog::Translate &translate, int depth)
{
    const auto list = std::find_if(
        message.parts.begin(), message.parts.end(), [&](const auto &entry) { return entry.first == name; });
    if (list == message.parts.end() || depth >= kMaxDepth)
        return std::nullopt;
    std::string text;
    for (const Message &part : list->second) {
        const char *english = MessageCatalog::find(part.id);
        if (!text.empty())
            text += MessageCatalog::kPartSeparator;
        text += english ? renderText(translate(english), part, translate, depth + 1) : part.id;
    }
    return text;
}

/// What one placeholder (without braces) stands for, or nullopt to leave it as written.
std::optional<std::string> expand(
    std::string_view spec, const Message &message, const MessageCatalog::Translate &translate, int depth)
{
    if (spec.starts_with('@')) {
        const std::string *id = message.find(spec.substr(1));
        if (!id)
            return std::nullopt;
        const char *nested = MessageCatalog::find(*id);
        if (id->empty() || !nested || depth >= kMaxDepth)
            return id->empty() ? std::optional<std::string>(std::string()) : std::nullopt;
        return renderText(translate(nested), message, translate, depth + 1);
    }
    const auto bar = spec.find('|');
    const auto colon = spec.find(':');
    const std::string_view name = spec.substr(0, std::min(bar, colon));
    const std::string *value = message.find(name);
    if (!value)
        return std::nullopt;
    if (bar != std::string_view::npos) {
        const std::string_view forms = spec.substr(bar + 1);
        const auto second = forms.find('|');
        if (second == std::string_view::npos)
            return std::nullopt;
        return std::string(*value == "1" ? forms.substr(0, second) : forms.substr(second + 1));
    }
    if (colon != std::string_view::npos && spec.substr(colon + 1) == "list")
        return listText(*value, translate);
    if (colon != std::string_view::npos && spec.substr(colon + 1) == "parts")
        return partsText(name, message, translate, depth).value_or(*value);
    return *value;
}

std::string renderText(
    std::string_view text, const Message &message, const MessageCatalog::Translate &translate, int depth)
{
    std::string out;
    while (!text.empty()) {
        const auto open = text.find('{');
        const auto close = open == std::string_view::npos ? open : text.find('}', open);
        if (close == std::string_view::npos) {
            out += text;
            break;
        }
        out += text.substr(0, open);
        const auto value = expand(text.substr(open + 1, close - open - 1), message, translate, depth);
        out += value ? *value : std::string(text.substr(open, close - open + 1));
        text.remove_prefix(close + 1);
    }
    return out;
}

} // namespace

std::span<const MessageCatalog::Entry> MessageCatalog::all()
{
    return kEntries;
}

const char *MessageCatalog::find(std::string_view id)
{
    for (const Entry &entry : kEntries) {
        if (id == entry.id)
            return entry.text;
    }
    return nullptr;
}

std::string MessageCatalog::render(const Message &message, const Translate &translate)
{
    const Translate identity = [](const char *english) { return std::string(english); };
    const Translate &lookup = translate ? translate : identity;
    const char *english = find(message.id);
    return english ? renderText(lookup(english), message, lookup, 0) : message.id;
}

std::vector<std::string> MessageCatalog::placeholders(std::string_view text)
{
    std::vector<std::string> names;
    for (auto open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        const auto close = text.find('}', open);
        if (close == std::string_view::npos)
            break;
        std::string_view spec = text.substr(open + 1, close - open - 1);
        if (spec.starts_with('@'))
            spec.remove_prefix(1);
        names.emplace_back(spec.substr(0, std::min(spec.find('|'), spec.find(':'))));
    }
    return names;
}

} // namespace tassel
