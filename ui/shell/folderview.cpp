#include "shell/folderview.h"

#include "shell/foldermodel.h"

#include "cli/batchcheck.h"
#include "cli/checkconfig.h"
#include "cli/notebookfinder.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace tassel::ui {

FolderView::FolderView(QWidget *parent)
    : QWidget(parent)
    , m_model(new FolderModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(this))
{
    setObjectName(QStringLiteral("folderView"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(FolderModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(FolderModel::StatusColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(FolderModel::NotebookColumn, QHeaderView::Stretch);
    for (int column = FolderModel::StatusColumn; column < FolderModel::kColumnCount; ++column)
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_summary->setWordWrap(true);
    m_progress->hide();
    m_cancel->hide();

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_progress);
    bar->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table);

    connect(m_cancel, &QPushButton::clicked, this, &FolderView::cancel);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        emit notebookActivated(index.data(FolderModel::PathRole).toString());
    });
    connect(&m_watcher, &QFutureWatcher<std::vector<FolderEntry>>::finished, this, [this] {
        if (m_watcher.property("generation").toInt() == m_generation)
            showResults();
    });
    retranslate();
}

FolderView::~FolderView()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
    m_watcher.waitForFinished();
}

void FolderView::openFolder(const QString &folder)
{
    // A cancelled run ends with the analyses already started; wait for them, as the run uses `this`.
    cancel();
    m_watcher.waitForFinished();
    m_folder = QDir(folder).absolutePath();
    ++m_generation;
    m_model->setEntries({});
    // The folder's project settings, as `tassel check` run there reads them; a malformed file
    // leaves the defaults (the CLI names the error).
    const auto config = cli::CheckConfig::discover(m_folder.toStdString());
    cli::BatchCheckOptions options;
    std::vector<std::string> exclude;
    if (config) {
        options.select = config->select;
        options.ignore = config->ignore;
        exclude = config->exclude;
    }
    std::vector<std::string> notebooks
        = cli::NotebookFinder::find({m_folder.toStdString()}, exclude).notebooks;
    m_found = int(notebooks.size());
    if (notebooks.size() > std::size_t(kMaxNotebooks))
        notebooks.resize(std::size_t(kMaxNotebooks));
    m_cancelFlag = std::make_shared<std::atomic_bool>(false);
    m_busy = true;
    showProgress(0, int(notebooks.size()));
    m_watcher.setProperty("generation", m_generation);
    const int generation = m_generation;
    m_watcher.setFuture(QtConcurrent::run([this, generation, notebooks = std::move(notebooks), options,
                                              cancel = m_cancelFlag, root = QDir(m_folder)] {
        // Queued to the GUI thread; the destructor waits for this run, so `this` outlives it.
        const auto progress = [this, generation](std::size_t done, std::size_t total) {
            QMetaObject::invokeMethod(
                this,
                [this, generation, done, total] {
                    if (generation == m_generation)
                        showProgress(int(done), int(total));
                },
                Qt::QueuedConnection);
        };
        const auto runs = VerificationRecord::read();
        std::vector<FolderEntry> entries;
        for (const NotebookAnalysis &analysis :
            cli::checkNotebooks(notebooks, options, progress, cancel.get()))
            entries.push_back(FolderEntry::fromAnalysis(analysis, root, runs));
        return entries;
    }));
}

void FolderView::cancel()
{
    if (m_cancelFlag)
        m_cancelFlag->store(true);
}

void FolderView::showProgress(int done, int total)
{
    const bool running = done < total;
    m_progress->setVisible(running);
    m_cancel->setVisible(running);
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(done);
    if (running)
        m_summary->setText(
            tr("Checking %n notebook(s) in %1…", nullptr, total).arg(QDir(m_folder).dirName()));
}

void FolderView::showResults()
{
    m_model->setEntries(m_watcher.result());
    m_busy = false;
    m_progress->hide();
    m_cancel->hide();
    retranslate();
    emit checkFinished();
}

void FolderView::retranslate()
{
    m_cancel->setText(tr("Cancel"));
    setWindowTitle(m_folder.isEmpty() ? tr("Folder") : tr("%1 — Folder").arg(QDir(m_folder).dirName()));
    if (m_busy)
        return;
    int counts[3] = {0, 0, 0};
    int unchecked = 0;
    for (const FolderEntry &entry : m_model->entries()) {
        if (entry.status)
            ++counts[int(*entry.status)];
        else
            ++unchecked;
    }
    QString text
        = tr("%n notebook(s) in %1", nullptr, int(m_model->entries().size())).arg(QDir(m_folder).dirName())
        + QStringLiteral(": ")
        + tr("%1 broken, %2 risky, %3 ok")
              .arg(counts[int(VerdictStatus::Broken)])
              .arg(counts[int(VerdictStatus::Risky)])
              .arg(counts[int(VerdictStatus::Ok)]);
    if (unchecked > 0)
        text += tr("; %n not checked or unreadable", nullptr, unchecked);
    if (m_found > kMaxNotebooks)
        text += tr("; only the first %1 of %2 are listed").arg(kMaxNotebooks).arg(m_found);
    m_summary->setText(m_folder.isEmpty() ? QString() : text);
    m_summary->setToolTip(QDir::toNativeSeparators(m_folder));
}

void FolderView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace tassel::ui
