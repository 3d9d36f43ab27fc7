#include "analysis/stdlibmodules.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>
#include <sstream>

namespace tassel {

namespace {

// Python 3.8's sys.stdlib_module_names (3.8 predates that attribute: the 3.10 list with the
// modules removed in between put back). Later versions apply the deltas below in order.
constexpr const char *kBase
    = "__future__ _abc _aix_support _ast _asyncio _bisect _blake2 _bootlocale _bootsubprocess _bz2 _codecs "
      "_codecs_cn _codecs_hk _codecs_iso2022 _codecs_jp _codecs_kr _codecs_tw _collections _collections_abc "
      "_compat_pickle _compression _contextvars _crypt _csv _ctypes _curses _curses_panel _datetime _dbm "
      "_decimal _dummy_thread _elementtree _frozen_importlib _frozen_importlib_external _functools _gdbm "
      "_hashlib _heapq _imp _io _json _locale _lsprof _lzma _markupbase _md5 _msi _multibytecodec "
      "_multiprocessing _opcode _operator _osx_support _overlapped _pickle _posixshmem _posixsubprocess "
      "_py_abc _pydecimal _pyio _queue _random _scproxy _sha1 _sha256 _sha3 _sha512 _signal _sitebuiltins "
      "_socket _sqlite3 _sre _ssl _stat _statistics _string _strptime _struct _symtable _thread "
      "_threading_local _tkinter _tokenize _tracemalloc _typing _uuid _warnings _weakref _weakrefset "
      "_winapi _zoneinfo abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit audioop "
      "base64 bdb binascii binhex bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code "
      "codecs codeop collections colorsys compileall concurrent configparser contextlib contextvars copy "
      "copyreg crypt csv ctypes curses dataclasses datetime dbm decimal difflib dis distutils doctest "
      "dummy_threading email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch "
      "formatter fractions ftplib functools gc genericpath getopt getpass gettext glob grp gzip hashlib "
      "heapq hmac html http idlelib imaplib imghdr imp importlib inspect io ipaddress itertools json "
      "keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal math mimetypes mmap "
      "modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath nturl2path numbers opcode "
      "operator optparse os ossaudiodev parser pathlib pdb pickle pickletools pipes pkgutil platform "
      "plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc pydoc_data "
      "pyexpat queue quopri random re readline reprlib resource rlcompleter runpy sched secrets select "
      "selectors shelve shlex shutil signal site smtpd smtplib sndhdr socket socketserver spwd sqlite3 "
      "sre_compile sre_constants sre_parse ssl stat statistics string stringprep struct subprocess sunau "
      "symbol symtable sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios textwrap this "
      "threading time timeit tkinter token tokenize trace traceback tracemalloc tty turtle turtledemo types "
      "typing unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser winreg winsound "
      "wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib ";

struct VersionDelta
{
    int minor;
    const char *added;
    const char *removed;
};

// From the "New modules" and "Removed" sections of each What's New (PEP 594 for 3.11–3.13).
constexpr VersionDelta kDeltas[] = {
    {9, "graphlib zoneinfo", "dummy_threading _dummy_thread"},
    {10, "", "formatter parser symbol _bootlocale"},
    {11, "tomllib", "binhex"},
    {12, "", "asynchat asyncore distutils imp smtpd"},
    {13, "_colorize _pyrepl",
        "aifc audioop cgi cgitb chunk crypt imghdr lib2to3 mailcap msilib nis nntplib ossaudiodev pipes "
        "sndhdr spwd "
        "sunau telnetlib uu xdrlib _crypt _msi"},
    {14, "annotationlib compression", ""},
};

std::set<std::string> words(const char *text)
{
    std::set<std::string> out;
    std::istringstream stream(text);
    std::string word;
    while (stream >> word)
        out.insert(word);
    return out;
}

const std::set<std::string> &namesFor(int minor)
{
    static const auto table = [] {
        std::vector<std::set<std::string>> sets;
        std::set<std::string> current = words(kBase);
        sets.push_back(current);
        for (const auto &delta : kDeltas) {
            for (const auto &name : words(delta.added))
                current.insert(name);
            for (const auto &name : words(delta.removed))
                current.erase(name);
            sets.push_back(current);
        }
        return sets;
    }();
    const int clamped = std::clamp(minor, StdlibModules::kOldestMinor, StdlibModules::kNewestMinor);
    return table[std::size_t(clamped - StdlibModules::kOldestMinor)];
}

} // namespace

bool StdlibModules::contains(std::string_view module, int minor)
{
    const std::string_view top = module.substr(0, module.find('.'));
    const auto &names = namesFor(minor);
    return names.find(std::string(top)) != names.end();
}

std::vector<std::string> StdlibModules::names(int minor)
{
    const auto &names = namesFor(minor);
    return {names.begin(), names.end()};
}

int StdlibModules::minorFromVersion(std::string_view version)
{
    const std::size_t three = version.find("3.");
    if (three == std::string_view::npos)
        return 0;
    if (three > 0 && std::isdigit(static_cast<unsigned char>(version[three - 1])))
        return 0;
    int minor = 0;
    const char *begin = version.data() + three + 2;
    const auto [end, error] = std::from_chars(begin, version.data() + version.size(), minor);
    if (error != std::errc() || end == begin)
        return 0;
    return minor;
}

} // namespace tassel
