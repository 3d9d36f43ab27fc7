#include "cli/notebookfinder.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace tassel::cli {

namespace {

bool excluded(const QString &path, const std::vector<QRegularExpression> &patterns)
{
    return std::any_of(patterns.begin(), patterns.end(),
        [&](const QRegularExpression &pattern) { return pattern.match(path).hasMatch(); });
}

bool insideHiddenFolder(const QString &relativePath)
{
    const auto parts = relativePath.split(QLatin1Char('/'));
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        if (parts[i].startsWith(QLatin1Char('.')) && parts[i] != QLatin1String(".")
            && parts[i] != QLatin1String(".."))
            return true;
    }
    return false;
}

} // namespace

NotebookFinder::Result NotebookFinder::find(
    const std::vector<std::string> &paths, const std::vector<std::string> &excludeGlobs)
{
    std::vector<QRegularExpression> patterns;
    for (const auto &glob : excludeGlobs) {
        const QString pattern = QString::fromStdString(glob);
        // A glob matches the whole path or any trailing part of it ("*.ipynb", "drafts/*").
        patterns.emplace_back(QStringLiteral("(^|/)")
            + QRegularExpression::wildcardToRegularExpression(
                pattern, QRegularExpression::UnanchoredWildcardConversion)
            + QStringLiteral("$"));
    }

    Result result;
    for (const auto &argument : paths) {
        const QString path = QString::fromStdString(argument);
        const QFileInfo info(path);
        if (!info.exists()) {
            result.missing.push_back(argument);
            continue;
        }
        if (!info.isDir()) {
            if (!excluded(path, patterns))
                result.notebooks.push_back(argument);
            continue;
        }
        QDirIterator it(path, {QStringLiteral("*.ipynb")}, QDir::Files | QDir::NoDotAndDotDot,
            QDirIterator::Subdirectories);
        const QDir root(path);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString relative = root.relativeFilePath(file);
            if (insideHiddenFolder(relative) || relative.contains(QStringLiteral(".ipynb_checkpoints"))
                || excluded(file, patterns))
                continue;
            result.notebooks.push_back(file.toStdString());
        }
    }
    std::sort(result.notebooks.begin(), result.notebooks.end());
    result.notebooks.erase(
        std::unique(result.notebooks.begin(), result.notebooks.end()), result.notebooks.end());
    return result;
}

} // namespace tassel::cli
