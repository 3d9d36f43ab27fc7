#include "analysis/importspanel.h"

#include "shell/theme.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace tassel::ui {

ImportsPanel::ImportsPanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_summary->setWordWrap(true);
    m_proxy->setSourceModel(m_model);
    m_tree->setObjectName(QStringLiteral("importsTree"));
    m_tree->setModel(m_proxy);
    m_tree->setRootIsDecorated(false);
    m_tree->setSortingEnabled(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->sortByColumn(-1, Qt::AscendingOrder);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const int row = m_proxy->mapToSource(index).row();
        if (row >= 0 && std::size_t(row) < m_imports.size() && m_imports[std::size_t(row)].cell >= 0)
            emit cellActivated(m_imports[std::size_t(row)].cell);
    });
    connect(m_tree, &QTreeView::clicked, m_tree, &QTreeView::activated);
    retranslate();
}

QAbstractItemModel *ImportsPanel::model() const
{
    return m_proxy;
}

void ImportsPanel::setAnalysis(const NotebookAnalysis &analysis)
{
    m_imports = analysis.imports;
    fill();
}

void ImportsPanel::clear()
{
    m_imports.clear();
    fill();
}

QString ImportsPanel::summaryText() const
{
    return m_summary->text();
}

void ImportsPanel::fill()
{
    m_model->removeRows(0, m_model->rowCount());
    int thirdParty = 0;
    int undeclared = 0;
    int unpinned = 0;
    for (std::size_t i = 0; i < m_imports.size(); ++i) {
        const ImportInfo &info = m_imports[i];
        const bool external = info.kind == "third-party";
        QString kind = info.kind == "stdlib" ? tr("standard library")
            : info.kind == "local"           ? tr("local")
            : external                       ? tr("third-party")
                                             : QString::fromStdString(info.kind);
        if (info.optional)
            kind += tr(" (optional)");
        QString distribution = QString::fromStdString(info.distribution);
        if (info.distributionGuessed && !distribution.isEmpty())
            distribution += tr(" (guessed)");
        const auto yesNo = [&](bool value) { return external ? (value ? tr("yes") : tr("no")) : QString(); };
        QList<QStandardItem *> row;
        row << new QStandardItem(QString::fromStdString(info.module)) << new QStandardItem(distribution)
            << new QStandardItem(kind) << new QStandardItem(yesNo(info.declared))
            << new QStandardItem(yesNo(info.pinned))
            << new QStandardItem(info.version ? QString::fromStdString(*info.version) : QString())
            << new QStandardItem(QString::fromStdString(info.source));
        auto *cell = new QStandardItem;
        if (info.cell >= 0)
            cell->setData(info.cell + 1, Qt::DisplayRole);
        row << cell;
        for (QStandardItem *item : std::as_const(row))
            item->setData(int(i), ImportIndexRole);
        if (external && (!info.declared || !info.pinned)) {
            // Undeclared or unpinned third-party imports are what breaks a re-run elsewhere.
            const QColor warning(0xd3, 0x54, 0x00);
            row[info.declared ? PinnedColumn : DeclaredColumn]->setForeground(Theme::ink(warning, palette()));
        }
        m_model->appendRow(row);
        if (external) {
            ++thirdParty;
            undeclared += !info.declared;
            unpinned += !info.pinned;
        }
    }
    for (int column = 0; column < ColumnCount; ++column)
        m_tree->resizeColumnToContents(column);
    if (m_imports.empty())
        m_summary->setText(tr("No imports."));
    else
        m_summary->setText(tr("%n import(s)", nullptr, int(m_imports.size())) + QStringLiteral(" · ")
            + tr("%n third-party", nullptr, thirdParty) + QStringLiteral(" · ")
            + tr("%n undeclared", nullptr, undeclared) + QStringLiteral(" · ")
            + tr("%n unpinned", nullptr, unpinned));
}

void ImportsPanel::retranslate()
{
    m_model->setHorizontalHeaderLabels({tr("Module"), tr("Distribution"), tr("Kind"), tr("Declared"),
        tr("Pinned"), tr("Version"), tr("Source"), tr("Cell")});
    fill();
}

void ImportsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace tassel::ui
