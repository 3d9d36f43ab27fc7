#pragma once
// Golden files: a test compares what Tassel produces with the reviewed expectation under
// tests/data/ and always leaves what it produced at the same relative path under the build's
// tests/golden-actual/. tests/update-reference-data.sh copies those over the expectations for
// review (as KSyntaxHighlighting's update-reference-data.sh does); a test never rewrites them.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

#include <string>

namespace tassel::test {

/// Writes `actual` to golden-actual/<relativePath>; false when it cannot.
inline bool keepActual(const QString &relativePath, const std::string &actual)
{
    const QString path = QStringLiteral(TASSEL_GOLDEN_ACTUAL_DIR "/") + relativePath;
    QFile out(path);
    return QDir().mkpath(QFileInfo(path).path()) && out.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && out.write(actual.data(), qint64(actual.size())) == qint64(actual.size());
}

} // namespace tassel::test
