#pragma once

#include "analysis/notebookanalysis.h"

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTreeView;

namespace tassel::ui {

/// The notebook's imports, one row each: module, distribution, kind, whether it is declared
/// and pinned, the version and where the declaration came from. Activating a row emits the
/// cell that imports it.
class ImportsPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        ModuleColumn,
        DistributionColumn,
        KindColumn,
        DeclaredColumn,
        PinnedColumn,
        VersionColumn,
        SourceColumn,
        CellColumn,
        ColumnCount
    };
    enum Role { ImportIndexRole = Qt::UserRole + 1 };

    explicit ImportsPanel(QWidget *parent = nullptr);

    void setAnalysis(const NotebookAnalysis &analysis);
    void clear();
    QTreeView *treeView() const { return m_tree; }
    /// The sorted model behind the tree, for tests.
    QAbstractItemModel *model() const;
    QString summaryText() const;

signals:
    void cellActivated(int cell);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fill();

    QLabel *m_summary;
    QTreeView *m_tree;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    std::vector<ImportInfo> m_imports;
};

} // namespace tassel::ui
