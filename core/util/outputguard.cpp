#include "util/outputguard.h"

#include <QDir>
#include <QFileInfo>

#include <sys/stat.h>

namespace tassel::outputguard {

namespace {

QString withoutTrailingSlashes(QString path)
{
    while (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

/// The absolute path as typed, with `.` and `..` removed lexically (no link is resolved).
QString lexical(const std::string &path)
{
    return QDir::cleanPath(
        QFileInfo(withoutTrailingSlashes(QString::fromStdString(path))).absoluteFilePath());
}

bool sameFile(const std::string &a, const std::string &b)
{
    struct stat first;
    struct stat second;
    if (::stat(a.c_str(), &first) != 0 || ::stat(b.c_str(), &second) != 0)
        return resolved(a) == resolved(b);
    return first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

} // namespace

std::string resolved(const std::string &path)
{
    QString existing = withoutTrailingSlashes(QFileInfo(QString::fromStdString(path)).absoluteFilePath());
    QStringList missing;
    // Walk up to the deepest part that exists (a dangling link counts as missing: it is not
    // followed below, and writing to it is refused by the writers).
    while (!QFileInfo::exists(existing) && existing != QStringLiteral("/")) {
        missing.prepend(QFileInfo(existing).fileName());
        existing = QFileInfo(existing).path();
    }
    QString canonical = QFileInfo(existing).canonicalFilePath();
    if (canonical.isEmpty())
        canonical = existing;
    for (const QString &part : missing)
        canonical = QDir::cleanPath(canonical + QLatin1Char('/') + part);
    return canonical.toStdString();
}

std::optional<Error> checkFile(const std::string &output, const std::vector<std::string> &inputs)
{
    for (const std::string &input : inputs)
        if (sameFile(output, input))
            return Error {"output-is-input",
                "refusing to write over the input notebook " + input + " (choose another output file)",
                output, 0, 0, {}};
    return std::nullopt;
}

std::optional<Error> checkFolder(const std::string &target, const std::vector<std::string> &relativePaths,
    const std::vector<std::string> &inputs)
{
    const std::string real = resolved(target);
    const QString typed = lexical(target);
    bool viaLink = typed.toStdString() != real; // a link followed before a `..`
    for (qsizetype slash = 0; slash >= 0 && !viaLink; slash = typed.indexOf(QLatin1Char('/'), slash + 1))
        viaLink = QFileInfo(slash == 0 ? typed : typed.left(slash)).isSymLink(); // dangling ones too
    if (viaLink)
        return Error {"bad-target",
            "the target folder's path goes through a symbolic link (it resolves to " + real
                + "); refusing to follow it: give the resolved folder instead",
            target, 0, 0, {}};
    for (const std::string &path : relativePaths)
        for (const std::string &input : inputs)
            if (sameFile(real + "/" + path, input))
                return Error {"output-is-input",
                    "refusing to write " + path + " over the input notebook " + input
                        + " (choose an output folder that does not hold it)",
                    target, 0, 0, {}};
    return std::nullopt;
}

} // namespace tassel::outputguard
