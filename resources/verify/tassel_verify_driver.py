"""Tassel's re-execution driver: runs notebook code cells in one namespace, in a fresh process.

Tassel embeds this file and runs it with the interpreter the user chose (`tassel verify --python`).
It reads one JSON request on stdin and writes JSON lines (one event each) to the standard output
it was started with; the code of the notebook gets its own stdout/stderr, so nothing a cell
prints, not even a child process writing to file descriptor 1, can break the protocol.

Request: {"cells": [{"index": 3, "source": "...", "stop_on_error": true}, ...],
          "stored_images": [{"key": "3:0", "data": "<base64>"}, ...], "runner": "driver"}
Events:  hello, stored-images, start (cell), done (cell, outputs, seconds, notes), end.

Only the standard library is required. IPython (to translate magics and format values as the
kernel's display hook does), matplotlib (figures) and Pillow (image hashes) are used when they
can be imported.
"""

import ast
import base64
import io
import json
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
        if name in ("time", "timeit", "prun"):
            body = line.split(None, 0)[0] if line else ""
            if name == "timeit":
                body = " ".join(part for part in line.split() if not part.startswith("-"))
            if not body.strip():
                return None
            started = (time.perf_counter(), time.process_time())
            value = run_code(body, self.user_ns, "<magic>")
            if name == "time":
                report_time(started)
            return value
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
        if name in ("time", "timeit", "prun", "capture", "python", "python3"):
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


def _shell_quote(text):
    return "'" + text.replace("'", "'\"'\"'") + "'"


# --- Running a cell -----------------------------------------------------------------------------


def run_code(source, namespace, filename):
    """Runs `source`; returns the value of a final expression statement, else None."""
    tree = ast.parse(source, filename=filename)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    if tree.body:
        exec(compile(tree, filename, "exec"), namespace)
    if last is not None:
        return eval(compile(last, filename, "eval"), namespace)
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


def main():
    global PROTOCOL
    # The protocol keeps the original stdout; file descriptor 1 then points at stderr so that
    # child processes and C code writing to it cannot interleave with events.
    PROTOCOL = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    sys.stdin = io.StringIO("")

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
    emit("hello", pid=os.getpid(), pgid=os.getpgid(0), cwd=os.getcwd(), **versions)

    images = {}
    for item in request.get("stored_images", []):
        try:
            images[item["key"]] = image_signature(item["data"])
        except Exception as error:
            images[item["key"]] = {"width": 0, "height": 0, "ahash": "", "error": str(error)}
    emit("stored-images", images=images)

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
        for output in capture.outputs:
            for key, value in output.get("data", {}).items():
                if key in ("image/png", "image/jpeg") and isinstance(value, str):
                    output.setdefault("metadata", {}).setdefault("tassel", {})[key] = image_signature(value)
        emit("done", cell=index, count=count, seconds=round(time.perf_counter() - started, 6),
             outputs=capture.outputs, notes=capture.notes, failed=failed)
        if failed and cell.get("stop_on_error", True):
            break
    emit("end")


if __name__ == "__main__":
    main()
