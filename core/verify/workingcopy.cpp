#include "verify/workingcopy.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>

#include <set>
#include <vector>

namespace tassel {

namespace {

Error copyError(std::string message, std::string file)
{
    return Error::of("verify-copy", std::move(message), std::move(file));
}

bool skippedFolder(const QFileInfo &info)
{
    static const std::set<QString> names = {QStringLiteral(".git"), QStringLiteral(".ipynb_checkpoints"),
        QStringLiteral("__pycache__"), QStringLiteral("node_modules")};
    return names.count(info.fileName()) != 0
        || QFileInfo::exists(info.absoluteFilePath() + QStringLiteral("/pyvenv.cfg"));
}

struct Entry
{
    enum class Kind { Folder, File, Link };
    Kind kind = Kind::File;
    QString relative;
    QString linkTarget;
};

} // namespace

WorkingCopy::WorkingCopy() = default;

WorkingCopy::~WorkingCopy()
{
    remove();
}

std::string WorkingCopy::path() const
{
    return m_dir && m_dir->isValid() ? m_dir->path().toStdString() : std::string();
}

Result<std::string> WorkingCopy::create(const std::string &sourcePath, const Limits &limits)
{
    remove();
    const QString source = QFileInfo(QString::fromStdString(sourcePath)).absoluteFilePath();
    if (!QFileInfo(source).isDir())
        return copyError("the working folder does not exist", sourcePath);
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/tassel-verify-XXXXXX"));
    if (!m_dir->isValid())
        return copyError("cannot make a temporary folder: " + m_dir->errorString().toStdString(), sourcePath);
    const QString copyRoot = QFileInfo(m_dir->path()).canonicalFilePath();

    // First the plan, so an oversized folder is refused before anything is written.
    std::vector<Entry> entries;
    long long bytes = 0;
    long long files = 0;
    std::vector<QString> pending = {QString()};
    const QDir root(source);
    while (!pending.empty()) {
        const QString relative = pending.back();
        pending.pop_back();
        const QDir folder(relative.isEmpty() ? source : root.filePath(relative));
        const QFileInfoList list = folder.entryInfoList(
            QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
        for (const QFileInfo &info : list) {
            const QString name = relative.isEmpty() ? info.fileName() : relative + u'/' + info.fileName();
            if (info.isSymLink()) {
                entries.push_back({Entry::Kind::Link, name, info.symLinkTarget()});
                ++files;
            } else if (info.isDir()) {
                // The copy itself when the temporary folder lies inside the working folder.
                if (skippedFolder(info) || info.canonicalFilePath() == copyRoot)
                    continue;
                entries.push_back({Entry::Kind::Folder, name, {}});
                pending.push_back(name);
            } else if (info.isFile()) {
                entries.push_back({Entry::Kind::File, name, {}});
                ++files;
                bytes += info.size();
            }
            if (files > limits.maxFiles || bytes > limits.maxBytes) {
                remove();
                return copyError("the working folder is too large to copy (more than "
                        + std::to_string(limits.maxFiles) + " files or "
                        + std::to_string(limits.maxBytes >> 20)
                        + " MiB, not counting .git, caches, node_modules and virtual environments); "
                          "run without a copy or from a smaller folder",
                    sourcePath);
            }
        }
    }

    const QDir target(m_dir->path());
    for (const Entry &entry : entries) {
        const QString to = target.filePath(entry.relative);
        bool done = false;
        switch (entry.kind) {
        case Entry::Kind::Folder:
            done = target.mkpath(entry.relative);
            break;
        case Entry::Kind::File:
            done = QFile::copy(root.filePath(entry.relative), to);
            break;
        case Entry::Kind::Link:
            done = QFile::link(entry.linkTarget, to);
            break;
        }
        if (!done) {
            remove();
            return copyError(
                "cannot copy " + entry.relative.toStdString() + " into a temporary folder", sourcePath);
        }
    }
    return m_dir->path().toStdString();
}

bool WorkingCopy::remove()
{
    if (!m_dir)
        return true;
    const QString path = m_dir->path();
    // A cell may have made folders read-only; a process of the run that was killed a moment ago
    // may still be writing: a few tries.
    for (int attempt = 0; attempt < 5 && QFileInfo::exists(path); ++attempt) {
        if (attempt > 0) {
            QDirIterator folders(path, QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::NoSymLinks,
                QDirIterator::Subdirectories);
            while (folders.hasNext()) {
                const QString folder = folders.next();
                QFile::setPermissions(
                    folder, QFile::permissions(folder) | QFile::WriteOwner | QFile::ExeOwner);
            }
            QThread::msleep(100);
        }
        m_dir->remove();
    }
    const bool gone = !QFileInfo::exists(path);
    m_dir.reset();
    return gone;
}

} // namespace tassel
