#include "python/pythonnames.h"

#include <algorithm>

namespace tassel {
namespace {

template <std::size_t N>
bool contains(const std::string_view (&sorted)[N], std::string_view name)
{
    return std::binary_search(sorted, sorted + N, name);
}

// Python 3.13's dir(builtins), sorted (binary search). Python 2 names are not here on purpose.
constexpr std::string_view kBuiltins[] = {"ArithmeticError", "AssertionError", "AttributeError",
    "BaseException", "BaseExceptionGroup", "BlockingIOError", "BrokenPipeError", "BufferError",
    "BytesWarning", "ChildProcessError", "ConnectionAbortedError", "ConnectionError",
    "ConnectionRefusedError", "ConnectionResetError", "DeprecationWarning", "EOFError", "Ellipsis",
    "EncodingWarning", "EnvironmentError", "Exception", "ExceptionGroup", "False", "FileExistsError",
    "FileNotFoundError", "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError", "ImportError",
    "ImportWarning", "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError", "KeyError",
    "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError", "None",
    "NotADirectoryError", "NotImplemented", "NotImplementedError", "OSError", "OverflowError",
    "PendingDeprecationWarning", "PermissionError", "ProcessLookupError", "PythonFinalizationError",
    "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
    "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit",
    "TabError", "TimeoutError", "True", "TypeError", "UnboundLocalError", "UnicodeDecodeError",
    "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning",
    "ValueError", "Warning", "ZeroDivisionError", "_IncompleteInputError", "__build_class__", "__builtins__",
    "__debug__", "__doc__", "__import__", "__loader__", "__name__", "__package__", "__spec__", "abs", "aiter",
    "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable", "chr",
    "classmethod", "compile", "complex", "copyright", "credits", "delattr", "dict", "dir", "divmod",
    "enumerate", "eval", "exec", "exit", "filter", "float", "format", "frozenset", "getattr", "globals",
    "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len",
    "license", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord",
    "pow", "print", "property", "quit", "range", "repr", "reversed", "round", "set", "setattr", "slice",
    "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip"};

constexpr std::string_view kIPython[]
    = {"In", "Out", "_", "__", "___", "_dh", "_i", "_ih", "_ii", "_iii", "_oh", "display", "get_ipython"};

constexpr std::string_view kAutomagics[] = {"alias", "alias_magic", "autoawait", "autocall", "automagic",
    "autosave", "bookmark", "cat", "cd", "clear", "colors", "conda", "config", "connect_info", "cp", "debug",
    "dhist", "dirs", "doctest_mode", "ed", "edit", "env", "gui", "hist", "history", "killbgscripts", "ldir",
    "less", "lf", "lk", "ll", "load", "load_ext", "loadpy", "logoff", "logon", "logstart", "logstate",
    "logstop", "ls", "lsmagic", "lx", "macro", "magic", "mamba", "man", "matplotlib", "micromamba", "mkdir",
    "more", "mv", "notebook", "page", "pastebin", "pdb", "pdef", "pdoc", "pfile", "pinfo", "pinfo2", "pip",
    "popd", "pprint", "precision", "prun", "psearch", "psource", "pushd", "pwd", "pycat", "pylab",
    "qtconsole", "quickref", "recall", "rehashx", "reload_ext", "rep", "rerun", "reset", "reset_selective",
    "rm", "rmdir", "run", "save", "sc", "set_env", "store", "sx", "system", "tb", "time", "timeit", "unalias",
    "unload_ext", "uv", "who", "who_ls", "whos", "xdel", "xmode"};

constexpr std::string_view kTransparent[]
    = {"capture", "debug", "ipytest", "prun", "pypy", "python", "python2", "python3", "time", "timeit"};

bool isDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

bool PythonNames::isBuiltin(std::string_view name)
{
    return contains(kBuiltins, name);
}

bool PythonNames::isIPythonName(std::string_view name)
{
    if (contains(kIPython, name))
        return true;
    // _N (output of cell N) and _iN (input of cell N).
    if (name.size() > 1 && name[0] == '_') {
        if (isDigits(name.substr(1)))
            return true;
        if (name.size() > 2 && name[1] == 'i' && isDigits(name.substr(2)))
            return true;
    }
    return false;
}

bool PythonNames::isAutomagic(std::string_view name)
{
    return contains(kAutomagics, name);
}

bool PythonNames::isTransparentCellMagic(std::string_view name)
{
    return contains(kTransparent, name);
}

} // namespace tassel
