#include "graduate/packagewriter.h"

#include "python/syntaxtree.h"
#include "util/outputguard.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

namespace tassel {

std::string PackageWriter::checkRelativePath(const std::string &path)
{
    if (path.empty())
        return "empty path";
    if (path.front() == '/' || path.find('\\') != std::string::npos || path.find(':') != std::string::npos)
        return "not a relative '/'-separated path";
    if (path.find('\0') != std::string::npos)
        return "NUL in path";
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        const std::string part = path.substr(start, end - start);
        if (part.empty() || part == "." || part == "..")
            return "path part '" + part + "' would leave or confuse the target folder";
        start = end + 1;
    }
    return {};
}

std::string PackageWriter::checkGeneratedPython(const std::vector<GeneratedFile> &files)
{
    SyntaxTree tree;
    for (const GeneratedFile &file : files) {
        if (!file.path.ends_with(".py") || !tree.parse(file.content) || tree.errorRanges().empty())
            continue;
        const std::uint32_t at = tree.errorRanges().front().first;
        const auto line = std::count(file.content.begin(), file.content.begin() + at, '\n') + 1;
        return "generated " + file.path + " does not parse as Python 3 at line " + std::to_string(line)
            + ": this is a bug in Tassel; nothing was written";
    }
    return {};
}

Result<std::vector<std::string>> PackageWriter::write(const std::vector<GeneratedFile> &files,
    const std::string &targetDir, bool force, const std::vector<std::string> &inputs)
{
    if (targetDir.empty())
        return Error::of("bad-target", "no target folder given", targetDir);
    if (const std::string why = checkGeneratedPython(files); !why.empty())
        return Error::of("generated-code", why, targetDir);
    std::vector<std::string> paths;
    for (const GeneratedFile &file : files)
        paths.push_back(file.path);
    if (auto refused = outputguard::checkFolder(targetDir, paths, inputs))
        return *refused;
    QString target = QString::fromStdString(targetDir);
    while (target.size() > 1 && target.endsWith(QLatin1Char('/')))
        target.chop(1); // `link/` is `link`: lstat would follow the link
    const QFileInfo targetInfo(target);
    if (targetInfo.isSymLink())
        return Error::of(
            "bad-target", "the target folder is a symbolic link; refusing to follow it", targetDir);
    if (targetInfo.exists() && !targetInfo.isDir())
        return Error::of("bad-target", "the target exists and is not a folder", targetDir);
    if (targetInfo.exists() && !force
        && !QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return Error::of(
            "target-not-empty", "the target folder is not empty (use --force to write into it)", targetDir);

    // Check everything before writing anything.
    for (const GeneratedFile &file : files) {
        const std::string why = checkRelativePath(file.path);
        if (!why.empty())
            return Error::of("unsafe-path", "refusing to write '" + file.path + "': " + why, targetDir);
        QString walked = target;
        const QStringList parts = QString::fromStdString(file.path).split(QLatin1Char('/'));
        for (const QString &part : parts) {
            walked += QLatin1Char('/') + part;
            const QFileInfo info(walked);
            if (info.isSymLink())
                return Error::of("unsafe-path",
                    "refusing to write '" + file.path + "': " + walked.toStdString() + " is a symbolic link",
                    targetDir);
        }
    }
    if (!QDir().mkpath(target))
        return Error::of("io-error", "cannot create the target folder", targetDir);
    const QString canonicalTarget = QFileInfo(target).canonicalFilePath();

    std::vector<std::string> written;
    for (const GeneratedFile &file : files) {
        const QString path = target + QLatin1Char('/') + QString::fromStdString(file.path);
        const QString folder = QFileInfo(path).path();
        if (!QDir().mkpath(folder))
            return Error::of("io-error", "cannot create folder for '" + file.path + "'", targetDir);
        const QString canonicalFolder = QFileInfo(folder).canonicalFilePath();
        if (canonicalFolder != canonicalTarget
            && !canonicalFolder.startsWith(canonicalTarget + QLatin1Char('/')))
            return Error::of(
                "unsafe-path", "'" + file.path + "' resolves outside the target folder", targetDir);
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return Error::of("io-error",
                "cannot write '" + file.path + "': " + out.errorString().toStdString(), targetDir);
        out.write(file.content.data(), qint64(file.content.size()));
        if (!out.commit())
            return Error::of("io-error",
                "cannot write '" + file.path + "': " + out.errorString().toStdString(), targetDir);
        if (file.executable)
            QFile::setPermissions(path,
                QFile::permissions(path) | QFileDevice::ExeOwner | QFileDevice::ExeGroup
                    | QFileDevice::ExeOther);
        written.push_back(file.path);
    }
    return written;
}

} // namespace tassel
