#include "cli/batchcheck.h"

#include <QFileInfo>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <mutex>
#include <thread>

namespace tassel::cli {

void filterFindings(NotebookAnalysis &analysis, const std::vector<std::string> &select,
    const std::vector<std::string> &ignore)
{
    auto listed = [](const std::vector<std::string> &rules, const std::string &rule) {
        return std::find(rules.begin(), rules.end(), rule) != rules.end();
    };
    std::erase_if(analysis.findings, [&](const Finding &finding) {
        return (!select.empty() && !listed(select, finding.rule)) || listed(ignore, finding.rule);
    });
}

std::vector<NotebookAnalysis> checkNotebooks(const std::vector<std::string> &notebooks,
    const BatchCheckOptions &options, const std::function<void(std::size_t, std::size_t)> &progress,
    const std::atomic_bool *cancel)
{
    QThreadPool pool;
    pool.setMaxThreadCount(
        options.jobs > 0 ? options.jobs : int(std::max(1u, std::thread::hardware_concurrency())));
    const std::size_t total = notebooks.size();
    // Largest files first, so that one big notebook near the end of the list does not leave the
    // other threads idle while it runs alone; each result still goes to its file's slot.
    std::vector<std::size_t> schedule(total);
    std::vector<qint64> sizes(total);
    for (std::size_t i = 0; i < total; ++i) {
        schedule[i] = i;
        sizes[i] = QFileInfo(QString::fromStdString(notebooks[i])).size();
    }
    std::stable_sort(
        schedule.begin(), schedule.end(), [&](std::size_t a, std::size_t b) { return sizes[a] > sizes[b]; });
    std::vector<NotebookAnalysis> analyses(total);
    std::size_t done = 0;
    std::mutex progressMutex;
    QtConcurrent::blockingMap(&pool, schedule, [&](std::size_t index) {
        NotebookAnalysis analysis;
        if (cancel && cancel->load()) {
            analysis.path = notebooks[index];
            analysis.error = kCancelledError;
        } else {
            analysis = analyzeFile(notebooks[index], options.analysis);
            filterFindings(analysis, options.select, options.ignore);
        }
        analyses[index] = std::move(analysis);
        if (progress) {
            const std::lock_guard lock(progressMutex);
            progress(++done, total);
        }
    });
    return analyses;
}

} // namespace tassel::cli
