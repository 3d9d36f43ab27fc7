"""Tassel's re-execution driver: runs notebook code cells in one namespace, in a fresh process.

Tassel embeds this file and runs it with the interpreter the user chose (`tassel verify --python`).
It reads one JSON request on stdin and writes JSON lines (one event each) to the standard output
it was started with; the code of the notebook gets its own stdout/stderr, so nothing a cell
prints, not even a child process writing to file descriptor 1, can break the protocol.

Request: {"cells": [{"index": 3, "source": "...", "stop_on_error": true}, ...],
          "stored_images": [{"key": "3:0", "data": "<base64>"}, ...],
          "runner": "driver" | "nbclient" | "auto"}
Events:  hello (runner), stored-images, kernel (pid, pgid; nbclient only), start (cell),
         done (cell, outputs, seconds, notes), end; fatal (message) when the run cannot start.

Runners: "driver" runs the cells in this process, in one namespace, imitating the kernel;
"nbclient" starts a real Jupyter kernel (ipykernel, with this interpreter) through nbclient and
sends it the cells one at a time; "auto" is nbclient when nbclient and ipykernel import, else the
driver. jupyter_client starts the kernel in a session of its own, so killing this process's group
does not reach it: the "kernel" event tells Tassel which process group to kill as well.

Only the standard library is required. IPython (to translate magics and format values as the
kernel's display hook does), matplotlib (figures) and Pillow (image hashes) are used when they
can be imported.
"""

import ast
import base64
import io
import json
import math
import os
import subprocess
import sys
import time
import traceback
import warnings

PROTOCOL = None
# Tassel runs this file with `python -c` so that sys.path[0] is the notebook's folder, as in a
# kernel; its frames then come from "<string>".
DRIVER_FILE = globals().get("__file__") or "<string>"


def emit(event, **fields):
    fields["event"] = event
    PROTOCOL.write(json.dumps(fields) + "\n")
    PROTOCOL.flush()


# --- Capturing what a cell prints ----------------------------------------------------------------


class Capture:
    """Collects a cell's outputs in nbformat 4 shape, in the order they happen."""

    def __init__(self):
        self.outputs = []
        self.notes = []

    def write_stream(self, name, text):
        if not text:
            return
        if self.outputs and self.outputs[-1].get("output_type") == "stream" and self.outputs[-1]["name"] == name:
            self.outputs[-1]["text"] += text
        else:
            self.outputs.append({"output_type": "stream", "name": name, "text": text})

    def add_display(self, bundle, output_type="display_data", count=None):
        output = {"output_type": output_type, "data": bundle, "metadata": {}}
        if output_type == "execute_result":
            output["execution_count"] = count
        self.outputs.append(output)


class StreamProxy(io.TextIOBase):
    def __init__(self, name):
        self.name = name
        self.capture = None

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        if self.capture is not None:
            self.capture.write_stream(self.name, text)
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False

    @property
    def encoding(self):
        return "utf-8"


STDOUT = StreamProxy("stdout")
STDERR = StreamProxy("stderr")
CURRENT = Capture()


# --- Formatting values as the kernel does ---------------------------------------------------------

FORMATTER = None


def mime_bundle(obj):
    """The kernel's MIME bundle for a value; text/plain is IPython's pretty repr, else repr()."""
    if FORMATTER is not None:
        try:
            data, _metadata = FORMATTER.format(obj)
            return {key: value for key, value in data.items() if isinstance(value, (str, dict, list))}
        except Exception:  # a broken _repr_*_ must not stop the run
            pass
    return {"text/plain": repr(obj)}


def display(*objs, **kwargs):
    for obj in objs:
        if kwargs.get("raw") and isinstance(obj, dict):
            CURRENT.add_display(obj)
        else:
            CURRENT.add_display(mime_bundle(obj))


# --- Figures ----------------------------------------------------------------------------------------

PYPLOT = None


def flush_figures():
    """Emits every open figure as PNG, as the inline backend does at the end of a cell."""
    if PYPLOT is None:
        return
    for number in PYPLOT.get_fignums():
        figure = PYPLOT.figure(number)
        buffer = io.BytesIO()
        try:
            figure.savefig(buffer, format="png", bbox_inches="tight")
        except Exception as error:
            CURRENT.notes.append("figure %d could not be drawn: %s" % (number, error))
            continue
        png = buffer.getvalue()
        bundle = {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": repr(figure)}
        CURRENT.add_display(bundle)
    PYPLOT.close("all")


def setup_matplotlib():
    """Hooks pyplot once the notebook has imported it; importing it up front would cost every
    run a second or more. Tassel starts the driver with MPLBACKEND=Agg."""
    global PYPLOT
    pyplot = sys.modules.get("matplotlib.pyplot")
    if PYPLOT is not None or pyplot is None:
        return
    PYPLOT = pyplot
    pyplot.show = lambda *args, **kwargs: flush_figures()


# --- Image hashes -------------------------------------------------------------------------------


def image_signature(data):
    """Width, height and a 64-bit average hash of a PNG/JPEG given as base64 text."""
    raw = base64.b64decode(data)
    signature = {"width": 0, "height": 0, "ahash": ""}
    if raw[:8] == b"\x89PNG\r\n\x1a\n" and len(raw) >= 24:
        signature["width"] = int.from_bytes(raw[16:20], "big")
        signature["height"] = int.from_bytes(raw[20:24], "big")
    try:
        from PIL import Image

        image = Image.open(io.BytesIO(raw))
        signature["width"], signature["height"] = image.size
        if image.mode in ("RGBA", "LA", "P"):
            # Transparent pixels count as white, as a notebook's background shows them.
            image = image.convert("RGBA")
            background = Image.new("RGBA", image.size, (255, 255, 255, 255))
            background.alpha_composite(image)
            image = background
        grey = image.convert("L").resize((8, 8), Image.Resampling.BOX)
        pixels = list(grey.getdata())
        mean = sum(pixels) / len(pixels)
        bits = 0
        for value in pixels:
            bits = (bits << 1) | (1 if value >= mean else 0)
        signature["ahash"] = "%016x" % bits
    except Exception:
        pass
    return signature


# --- IPython syntax -----------------------------------------------------------------------------

TRANSFORM = None


def setup_ipython():
    global TRANSFORM, FORMATTER
    try:
        from IPython.core.inputtransformer2 import TransformerManager

        manager = TransformerManager()
        TRANSFORM = manager.transform_cell
    except Exception:
        TRANSFORM = None
    try:
        from IPython.core.formatters import DisplayFormatter

        FORMATTER = DisplayFormatter()
    except Exception:
        FORMATTER = None


def fallback_transform(source):
    """Without IPython: drop magics and shell lines (with a note) so the rest still runs."""
    lines = []
    dropped = []
    in_cell_magic = False
    for number, line in enumerate(source.splitlines(), 1):
        stripped = line.lstrip()
        if number == 1 and stripped.startswith("%%"):
            in_cell_magic = True
        if in_cell_magic or stripped.startswith(("%", "!")) or stripped.endswith("?"):
            dropped.append(number)
            lines.append(line[: len(line) - len(stripped)] + "pass")
            continue
        lines.append(line)
    return "\n".join(lines) + "\n", dropped


class Shell:
    """The part of IPython's shell that translated magics call (get_ipython())."""

    def __init__(self, namespace):
        self.user_ns = namespace

    def system(self, command):
        completed = subprocess.run(command, shell=True, capture_output=True, text=True, errors="replace")
        sys.stdout.write(completed.stdout)
        sys.stderr.write(completed.stderr)
        self.user_ns["_exit_code"] = completed.returncode

    def getoutput(self, command, split=True):
        completed = subprocess.run(command, shell=True, capture_output=True, text=True, errors="replace")
        return completed.stdout.splitlines() if split else completed.stdout

    def run_line_magic(self, name, line, _stack_depth=1):
        if name in ("matplotlib", "config", "load_ext", "reload_ext", "autoreload", "aimport"):
            return None
        if name == "timeit":
            options, body = split_timeit_options(line)
            return timeit(self.user_ns, options, "", body)
        if name in ("time", "prun"):
            body = line.split(None, 0)[0] if line else ""
            if not body.strip():
                return None
            started = (time.perf_counter(), time.process_time())
            value = run_code(body, self.user_ns, "<magic>")
            if name == "time":
                report_time(started)
            return value
        if name == "pylab":
            # IPython's import_pylab: numpy's and pylab's names into the namespace, as the kernel
            # does (figures then come out as with %matplotlib inline).
            exec("import numpy\nimport matplotlib\nfrom matplotlib import pylab, mlab, pyplot\nnp = numpy\n"
                 "plt = pyplot\nfrom pylab import *\nfrom numpy import *\n", self.user_ns)
            sys.stdout.write("%pylab is deprecated, use %matplotlib inline and import the required libraries.\n"
                             "Populating the interactive namespace from numpy and matplotlib\n")
            return None
        if name == "cd":
            os.chdir(os.path.expanduser(line.strip() or "~"))
            return None
        if name in ("pip", "conda", "mamba", "uv"):
            CURRENT.notes.append("%%%s %s was not run: verify does not install packages" % (name, line))
            return None
        if name == "env":
            if "=" in line:
                key, value = line.split("=", 1)
                os.environ[key.strip()] = value.strip()
            return None
        CURRENT.notes.append("line magic %%%s is not supported by the driver and was skipped" % name)
        return None

    def run_cell_magic(self, name, line, cell):
        if name == "timeit":
            options, setup = split_timeit_options(line)
            timeit(self.user_ns, options, setup, cell)
            return None
        if name in ("time", "prun", "capture", "python", "python3"):
            if name == "capture":
                saved = CURRENT.outputs[:]
                run_code(cell, self.user_ns, "<cell magic>")
                CURRENT.outputs[:] = saved
                return None
            if name in ("python", "python3"):
                self.system("%s -c %s" % (sys.executable, _shell_quote(cell)))
                return None
            started = (time.perf_counter(), time.process_time())
            run_code(cell, self.user_ns, "<cell magic>")
            if name == "time":
                report_time(started)
            return None
        if name in ("bash", "sh", "script"):
            self.system(cell if name != "script" else "%s <<'EOF'\n%sEOF" % (line, cell))
            return None
        if name == "writefile":
            arguments = line.split()
            append = "-a" in arguments or "--append" in arguments
            target = [a for a in arguments if not a.startswith("-")]
            if target:
                with open(target[-1], "a" if append else "w", encoding="utf-8") as handle:
                    handle.write(cell)
                sys.stdout.write("%s %s\n" % ("Appending to" if append else "Writing", target[-1]))
            return None
        if name in ("html", "HTML", "markdown", "latex", "svg", "javascript", "js"):
            mime = {"html": "text/html", "HTML": "text/html", "markdown": "text/markdown", "latex": "text/latex",
                    "svg": "image/svg+xml"}.get(name, "application/javascript")
            CURRENT.add_display({mime: cell, "text/plain": "<IPython.core.display.%s object>" % name.upper()})
            return None
        CURRENT.notes.append("cell magic %%%%%s is not supported by the driver and was skipped" % name)
        return None

    def run_line_magic_compat(self, *args):
        return self.run_line_magic(*args)

    magic = run_line_magic_compat


def report_time(started):
    """Prints what IPython's %time prints (the comparison normalises the figures)."""
    wall = time.perf_counter() - started[0]
    cpu = time.process_time() - started[1]
    sys.stdout.write("CPU times: user %.2f s, sys: 0 ns, total: %.2f s\nWall time: %.2f s\n" % (cpu, cpu, wall))


def split_timeit_options(line):
    """IPython's %timeit options (-n N -r R -p P -t -c -q -o) and the statement after them."""
    options = {}
    rest = line.strip()
    while rest.startswith("-") and len(rest) > 1 and rest[1].isalpha():
        parts = rest.split(None, 1)
        letters, rest = parts[0][1:], (parts[1] if len(parts) > 1 else "")
        for position, letter in enumerate(letters):
            if letter in "nrp":
                value = letters[position + 1:]
                if not value:
                    parts = rest.split(None, 1)
                    value, rest = (parts[0], parts[1] if len(parts) > 1 else "") if parts else ("", "")
                options[letter] = value
                break
            options[letter] = True
        rest = rest.lstrip()
    return options, rest


TIMEIT_BUDGET = 0.2  # seconds of repeated runs at most; verify must not turn into a benchmark
TIMEIT_MAX_RUNS = 7


def format_timespan(seconds):
    """IPython's _format_time: three significant digits and s, ms, µs or ns."""
    units = ["s", "ms", "\u03bcs", "ns"]  # IPython writes the Greek mu
    order = min(-int(math.floor(math.log10(seconds)) // 3), 3) if seconds > 0 else 3
    return "%.*g %s" % (3, seconds * [1, 1e3, 1e6, 1e9][order], units[order])


def timeit(namespace, options, setup, body):
    """%timeit and %%timeit: runs the body once, timed, and repeats it only while that stays
    within TIMEIT_BUDGET; prints IPython's summary line (its run and loop counts differ from the
    stored ones, which is why the comparison reads the whole line as one placeholder). As in
    IPython, names bound by the body stay local to the timing."""
    if not body.strip():
        return None
    local = {}
    if setup.strip():
        run_code(setup, namespace, "<timeit setup>", local)
    runs = []
    while True:
        started = time.perf_counter()
        run_code(body, namespace, "<timeit>", local)
        runs.append(time.perf_counter() - started)
        if len(runs) >= TIMEIT_MAX_RUNS or sum(runs) + runs[-1] > TIMEIT_BUDGET:
            break
    result = None
    try:
        from IPython.core.magics.execution import TimeitResult

        result = TimeitResult(1, len(runs), min(runs), max(runs), runs, 0.0, 3)
        line = str(result)
    except Exception:
        mean = sum(runs) / len(runs)
        deviation = (sum((run - mean) ** 2 for run in runs) / len(runs)) ** 0.5
        line = "%s \u00b1 %s per loop (mean \u00b1 std. dev. of %d run%s, 1 loop each)" % (
            format_timespan(mean), format_timespan(deviation), len(runs), "" if len(runs) == 1 else "s")
    if not options.get("q"):
        sys.stdout.write(line + "\n")
    return result if options.get("o") else None


def _shell_quote(text):
    return "'" + text.replace("'", "'\"'\"'") + "'"


# --- Running a cell -----------------------------------------------------------------------------


def run_code(source, namespace, filename, local=None):
    """Runs `source`; returns the value of a final expression statement, else None. With
    `local`, names it binds go there instead of the namespace (as in a function body)."""
    tree = ast.parse(source, filename=filename)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    if tree.body:
        exec(compile(tree, filename, "exec"), namespace, local)
    if last is not None:
        return eval(compile(last, filename, "eval"), namespace, local)
    return None


def ends_with_semicolon(source):
    """IPython's rule: a trailing ';' on the last line silences the displayed value."""
    for line in reversed(source.rstrip().splitlines()):
        code = line.split("#", 1)[0].rstrip()
        if code:
            return code.endswith(";")
    return False


def run_cell(index, source, namespace, count):
    global CURRENT
    CURRENT = Capture()
    setup_matplotlib()
    STDOUT.capture = CURRENT
    STDERR.capture = CURRENT
    filename = "<cell %d>" % index
    if TRANSFORM is not None:
        try:
            python = TRANSFORM(source)
        except Exception:
            python = source
    else:
        python, dropped = fallback_transform(source)
        if dropped:
            CURRENT.notes.append("IPython is not importable: lines %s (magics, shell) were not run"
                                 % ", ".join(map(str, dropped)))
    failed = False
    try:
        value = run_code(python, namespace, filename)
        if value is not None and not ends_with_semicolon(source):
            namespace["_"] = value
            namespace.setdefault("Out", {})[count] = value
            CURRENT.add_display(mime_bundle(value), "execute_result", count)
    except KeyboardInterrupt:
        raise
    except BaseException as error:  # SystemExit too: a cell that calls exit() must not end the run
        failed = True
        ename = type(error).__name__
        evalue = str(error)
        lines = traceback.format_exception(type(error), error, error.__traceback__)
        # The driver's own frames are noise to the reader of the report.
        lines = [line for line in lines if ('File "%s"' % DRIVER_FILE) not in line]
        CURRENT.outputs.append({"output_type": "error", "ename": ename, "evalue": evalue,
                                "traceback": "".join(lines).rstrip("\n").split("\n")})
    try:
        setup_matplotlib()
        flush_figures()
    except Exception as error:
        CURRENT.notes.append("figures could not be collected: %s" % error)
    STDOUT.capture = None
    STDERR.capture = None
    return CURRENT, failed


def add_image_signatures(outputs):
    for output in outputs:
        for key, value in output.get("data", {}).items():
            if key in ("image/png", "image/jpeg") and isinstance(value, str):
                output.setdefault("metadata", {}).setdefault("tassel", {})[key] = image_signature(value)


def run_in_driver(request):
    namespace = {"__name__": "__main__", "__builtins__": __builtins__, "display": display, "In": [""], "Out": {}}
    shell = Shell(namespace)
    namespace["get_ipython"] = lambda: shell
    sys.stdout = STDOUT
    sys.stderr = STDERR
    count = 0
    for cell in request.get("cells", []):
        count += 1
        index = cell["index"]
        emit("start", cell=index, count=count)
        namespace["In"].append(cell["source"])
        started = time.perf_counter()
        capture, failed = run_cell(index, cell["source"], namespace, count)
        add_image_signatures(capture.outputs)
        emit("done", cell=index, count=count, seconds=round(time.perf_counter() - started, 6),
             outputs=capture.outputs, notes=capture.notes, failed=failed)
        if failed and cell.get("stop_on_error", True):
            break


# --- Running in a Jupyter kernel ------------------------------------------------------------------


def nbclient_importable():
    try:
        import ipykernel  # noqa: F401
        import nbclient  # noqa: F401
        import nbformat  # noqa: F401

        return True
    except Exception:
        return False


def run_in_kernel(request):
    """Runs the cells in an ipykernel started with this very interpreter, through nbclient."""
    import nbformat
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError

    class ThisInterpreter(KernelSpecManager):
        """Whatever kernelspecs the user installed, the kernel is this interpreter's ipykernel."""

        def get_kernel_spec(self, kernel_name, *args, **kwargs):
            return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                              display_name="Python (tassel verify)", language="python",
                              metadata={"debugger": False})

    # Tassel sets MPLBACKEND=Agg for the driver; the kernel picks its inline backend only when
    # the variable is unset, and the inline backend is what produced the stored figures.
    os.environ.pop("MPLBACKEND", None)
    cells = request.get("cells", [])
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(cell["source"]) for cell in cells]
    manager = AsyncKernelManager(kernel_name="tassel-verify", kernel_spec_manager=ThisInterpreter())
    # No nbclient timeout: Tassel enforces the per-cell and whole-run limits from outside.
    client = NotebookClient(notebook, km=manager, timeout=None, allow_errors=True, record_timing=False,
                            kernel_name="tassel-verify", shutdown_kernel="graceful")
    replies = {}

    def on_cell_executed(cell, cell_index, execute_reply):
        replies[cell_index] = execute_reply

    client.on_cell_executed = on_cell_executed
    # The kernel gets no stdin (allow_stdin is off as well, so input() raises in the cell).
    client.start_new_kernel(cwd=os.getcwd(), stdin=subprocess.DEVNULL)
    provisioner = manager.provisioner
    kernel_pid = getattr(provisioner, "pid", None)
    kernel_pgid = getattr(provisioner, "pgid", None)
    emit("kernel", pid=kernel_pid, pgid=kernel_pgid)
    try:
        with client.setup_kernel(cleanup_kc=True):
            count = 0
            for position, cell in enumerate(cells):
                count += 1
                index = cell["index"]
                emit("start", cell=index, count=count)
                started = time.perf_counter()
                node = notebook.cells[position]
                notes = []
                failed = False
                try:
                    client.execute_cell(node, position, execution_count=count)
                except DeadKernelError as error:
                    failed = True
                    notes.append("the kernel died while this cell ran: %s" % error)
                outputs = json.loads(json.dumps(node.get("outputs", [])))
                reply = replies.get(position) or {}
                failed = failed or reply.get("content", {}).get("status") == "error" or any(
                    output.get("output_type") == "error" for output in outputs)
                add_image_signatures(outputs)
                emit("done", cell=index, count=count, seconds=round(time.perf_counter() - started, 6),
                     outputs=outputs, notes=notes, failed=failed)
                if failed and (cell.get("stop_on_error", True) or notes):
                    break
    finally:
        # setup_kernel shut the kernel down; whatever the notebook started in its group goes too.
        if kernel_pgid and hasattr(os, "killpg"):
            try:
                os.killpg(kernel_pgid, 9)
            except OSError:
                pass


def main():
    global PROTOCOL
    # The protocol keeps the original stdout; file descriptor 1 then points at stderr so that
    # child processes and C code writing to it cannot interleave with events.
    PROTOCOL = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    sys.stdin = io.StringIO("")

    runner = request.get("runner", "driver")
    if runner == "auto":
        runner = "nbclient" if nbclient_importable() else "driver"
    if runner == "driver":
        setup_ipython()
    # A show() that ran before the driver could hook pyplot only warns; the figure still comes
    # out at the end of the cell, as with the inline backend.
    warnings.filterwarnings("ignore", message=".*non-interactive.*")
    versions = {"python": "%d.%d.%d" % sys.version_info[:3], "executable": sys.executable}
    try:
        import IPython

        versions["ipython"] = IPython.__version__
    except Exception:
        versions["ipython"] = None
    emit("hello", pid=os.getpid(), pgid=os.getpgid(0), cwd=os.getcwd(), runner=runner, **versions)
    if runner == "nbclient" and not nbclient_importable():
        emit("fatal", message="the nbclient runner needs nbclient, nbformat and ipykernel, which %s cannot "
                              "import" % sys.executable)
        return

    images = {}
    for item in request.get("stored_images", []):
        try:
            images[item["key"]] = image_signature(item["data"])
        except Exception as error:
            images[item["key"]] = {"width": 0, "height": 0, "ahash": "", "error": str(error)}
    emit("stored-images", images=images)

    if runner == "nbclient":
        run_in_kernel(request)
    else:
        run_in_driver(request)
    emit("end")


if __name__ == "__main__":
    main()
