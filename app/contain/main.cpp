// tassel-contain: the intermediate process `tassel verify` starts the Python driver through.
//
//   tassel-contain [--no-namespace] -- PROGRAM ARGS...
//
// It runs PROGRAM so that every process it starts, including ones that call setsid or
// double-fork, ends when PROGRAM ends or when this helper gets SIGTERM, SIGINT or SIGHUP (or its
// parent dies). The strongest containment available is used:
//   1. a PID namespace (with a user namespace where only that makes it possible) and a private
//      /proc: when its first process dies, the kernel kills everything in it;
//   2. otherwise a child subreaper (prctl): orphans are re-parented to this helper, which kills
//      every descendant (walking /proc until none is left) before it exits.
// Before PROGRAM starts, one JSON line on stdout says which: {"event": "containment", ...}.
// Started with a clean environment, it passes that environment on and adds nothing, so what a
// cell reads at /proc/<its parent>/environ is the run's environment, never Tassel's.
// No Qt, one file: it must start fast and stay small enough to read at once.

#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <string>
#include <vector>

namespace {

constexpr int kSetupFailed = 125;

const int kEndSignals[] = {SIGTERM, SIGINT, SIGHUP};

bool writeAll(int fd, const std::string &text)
{
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += std::size_t(n);
    }
    return true;
}

bool writeFile(const char *path, const std::string &text)
{
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = writeAll(fd, text);
    ::close(fd);
    return ok;
}

void announce(const char *mode, bool userNamespace, bool privateProc)
{
    std::string line = std::string("{\"event\": \"containment\", \"mode\": \"") + mode
        + "\", \"user_namespace\": " + (userNamespace ? "true" : "false")
        + ", \"private_proc\": " + (privateProc ? "true" : "false") + "}\n";
    writeAll(STDOUT_FILENO, line);
}

sigset_t handledSignals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    for (int signal : kEndSignals)
        sigaddset(&set, signal);
    return set;
}

int exitCodeOf(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return 1;
}

/// Forks and execs the program with this process's environment and default signal handling.
pid_t startProgram(char **argv)
{
    const pid_t pid = ::fork();
    if (pid != 0)
        return pid;
    const sigset_t set = handledSignals();
    sigprocmask(SIG_UNBLOCK, &set, nullptr);
    ::execvp(argv[0], argv);
    std::fprintf(stderr, "tassel-contain: cannot run %s: %s\n", argv[0], std::strerror(errno));
    ::_exit(127);
}

/// The parent of every process in /proc.
std::map<pid_t, pid_t> parents()
{
    std::map<pid_t, pid_t> result;
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return result;
    while (const dirent *entry = ::readdir(proc)) {
        char *end = nullptr;
        const long pid = std::strtol(entry->d_name, &end, 10);
        if (pid <= 0 || *end)
            continue;
        char path[64];
        std::snprintf(path, sizeof path, "/proc/%ld/stat", pid);
        FILE *file = std::fopen(path, "re");
        if (!file)
            continue;
        char text[1024];
        const std::size_t n = std::fread(text, 1, sizeof text - 1, file);
        std::fclose(file);
        text[n] = 0;
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
        const char *close = std::strrchr(text, ')');
        char state = 0;
        long ppid = 0;
        if (close && std::sscanf(close + 1, " %c %ld", &state, &ppid) == 2)
            result[pid_t(pid)] = pid_t(ppid);
    }
    ::closedir(proc);
    return result;
}

std::vector<pid_t> descendants(pid_t root)
{
    const std::map<pid_t, pid_t> parent = parents();
    std::vector<pid_t> result;
    for (const auto &[pid, ppid] : parent) {
        pid_t up = ppid;
        for (int depth = 0; up > 1 && up != root && depth < 4096; ++depth) {
            const auto it = parent.find(up);
            up = it == parent.end() ? 0 : it->second;
        }
        if (up == root && pid != root)
            result.push_back(pid);
    }
    return result;
}

/// Kills every descendant and reaps them, until this process has no child left. Orphans come
/// back to us (we are their subreaper), so "no child" means no descendant.
void killDescendants()
{
    const timespec pause = {0, 10 * 1000 * 1000};
    for (int round = 0; round < 1000; ++round) { // 10 s at most
        for (pid_t pid : descendants(::getpid()))
            ::kill(pid, SIGKILL);
        int status = 0;
        pid_t reaped;
        while ((reaped = ::waitpid(-1, &status, WNOHANG)) > 0) { }
        if (reaped < 0 && errno == ECHILD)
            return;
        ::nanosleep(&pause, nullptr);
    }
}

/// Waits for `child` to end or for an end signal; returns the exit code to leave with.
/// `onEnd` runs in both cases before returning.
template <typename OnEnd>
int superviseUntilEnd(pid_t child, OnEnd onEnd)
{
    const sigset_t set = handledSignals();
    int code = 0;
    while (true) {
        siginfo_t info;
        const int signal = sigwaitinfo(&set, &info);
        if (signal < 0)
            continue;
        if (signal != SIGCHLD) {
            code = 128 + signal;
            break;
        }
        int status = 0;
        pid_t reaped;
        bool childEnded = false;
        while ((reaped = ::waitpid(-1, &status, WNOHANG)) > 0) {
            if (reaped == child) {
                code = exitCodeOf(status);
                childEnded = true;
            }
        }
        if (childEnded)
            break;
    }
    onEnd();
    return code;
}

/// Enters new PID and mount namespaces (their children's, for PID), with a user namespace
/// first where that is what allows it. False when neither can be made.
bool enterNamespaces(bool &userNamespace)
{
    userNamespace = false;
    if (::unshare(CLONE_NEWPID | CLONE_NEWNS) == 0)
        return true;
    const uid_t uid = ::getuid();
    const gid_t gid = ::getgid();
    if (::unshare(CLONE_NEWUSER) != 0)
        return false;
    userNamespace = true;
    // The same ids inside as outside: the cells do not become root in the namespace.
    if (!writeFile("/proc/self/setgroups", "deny")
        || !writeFile("/proc/self/uid_map", std::to_string(uid) + " " + std::to_string(uid) + " 1")
        || !writeFile("/proc/self/gid_map", std::to_string(gid) + " " + std::to_string(gid) + " 1")) {
        std::fprintf(stderr, "tassel-contain: cannot map the user id in a user namespace\n");
        ::_exit(kSetupFailed);
    }
    if (::unshare(CLONE_NEWPID | CLONE_NEWNS) != 0) {
        std::fprintf(
            stderr, "tassel-contain: a user namespace but no PID namespace: %s\n", std::strerror(errno));
        ::_exit(kSetupFailed);
    }
    return true;
}

/// A /proc of the new PID namespace only, so the cells see their own processes and no other.
/// The mount stays in our mount namespace: propagation is made private first, or nothing is
/// mounted.
bool mountPrivateProc()
{
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0
        && ::mount(nullptr, "/proc", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return false;
    return ::mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) == 0;
}

/// Process 1 of the namespace: starts the program, reaps whatever is re-parented to it, and
/// leaves with the program's exit code; the kernel then kills the rest of the namespace.
[[noreturn]] void runAsNamespaceInit(char **argv, bool userNamespace)
{
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    announce("pid-namespace", userNamespace, mountPrivateProc());
    const pid_t program = startProgram(argv);
    if (program < 0)
        ::_exit(kSetupFailed);
    int status = 0;
    while (true) {
        const pid_t reaped = ::waitpid(-1, &status, 0);
        if (reaped == program)
            ::_exit(exitCodeOf(status));
        if (reaped < 0 && errno != EINTR)
            ::_exit(kSetupFailed);
    }
}

int runInNamespace(char **argv, bool userNamespace)
{
    const pid_t init = ::fork();
    if (init < 0)
        return kSetupFailed;
    if (init == 0)
        runAsNamespaceInit(argv, userNamespace);
    return superviseUntilEnd(init, [init] {
        ::kill(init, SIGKILL); // the kernel kills the rest of the namespace with it
        killDescendants();
    });
}

int runAsSubreaper(char **argv)
{
    announce("subreaper", false, false);
    const pid_t program = startProgram(argv);
    if (program < 0)
        return kSetupFailed;
    return superviseUntilEnd(program, [] { killDescendants(); });
}

} // namespace

int main(int argc, char **argv)
{
    bool namespaces = true;
    int first = 1;
    for (; first < argc; ++first) {
        if (std::strcmp(argv[first], "--no-namespace") == 0) {
            namespaces = false;
        } else if (std::strcmp(argv[first], "--") == 0) {
            ++first;
            break;
        } else {
            break;
        }
    }
    if (first >= argc) {
        std::fprintf(stderr, "usage: tassel-contain [--no-namespace] -- PROGRAM [ARGS...]\n");
        return 2;
    }
    // Signals are taken with sigwaitinfo; the program gets them unblocked again.
    const sigset_t set = handledSignals();
    sigprocmask(SIG_BLOCK, &set, nullptr);
    // Tassel gone (crashed, killed): end the run as on a cancel.
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    // Orphans come to us in both modes; in a namespace its process 1 takes them first.
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);
    bool userNamespace = false;
    // _exit everywhere: all output went out with write(2), and a sanitizer's leak check at exit
    // (which stops the world with ptrace) has no business in a namespace's process 1.
    if (namespaces && enterNamespaces(userNamespace))
        ::_exit(runInNamespace(argv + first, userNamespace));
    ::_exit(runAsSubreaper(argv + first));
}
