#pragma once
// Where the corpus-driven tests read their notebooks. By default the curated subset bundled in
// tests/data/corpus, so a clone with nothing beside it runs every test; the CTest entries labelled
// `corpus` (registered with CORPUS_FUNCTIONS in tests/CMakeLists.txt) set TASSEL_CORPUS_DIR to the
// whole shared corpus and run the same functions over it.
#include <QFileInfo>
#include <QString>
#include <QTest>

namespace tassel::test {

/// The bundled subset: always there.
inline QString bundledCorpusDir()
{
    return QStringLiteral(TASSEL_TEST_DATA_DIR "/corpus");
}

/// True in the `corpus`-labelled entries, which read the whole shared corpus.
inline bool wholeCorpus()
{
    return qEnvironmentVariableIsSet("TASSEL_CORPUS_DIR");
}

/// The corpus this run reads: the whole shared corpus in a `corpus` entry, else the bundled subset.
inline QString corpusDir()
{
    return wholeCorpus() ? qEnvironmentVariable("TASSEL_CORPUS_DIR") : bundledCorpusDir();
}

} // namespace tassel::test

/// Skips the calling test function, with the reason CTest shows, when a `corpus` entry runs on a
/// machine without the shared corpus (tests/CMakeLists.txt maps that reason to "Skipped").
#define TASSEL_REQUIRE_CORPUS()                                                                              \
    do {                                                                                                     \
        if (!QFileInfo::exists(tassel::test::corpusDir() + QStringLiteral("/MANIFEST.tsv")))                 \
            QSKIP(qPrintable(QStringLiteral("the shared corpus is not at %1 (set TASSEL_CORPUS_DIR)")        \
                                 .arg(tassel::test::corpusDir())));                                          \
    } while (false)
