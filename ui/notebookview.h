#pragma once

#include "notebook/notebook.h"

#include <QScrollArea>

namespace tassel::ui {

class CellWidget;

/// A scrolling column of CellWidgets for one notebook.
class NotebookView : public QScrollArea
{
    Q_OBJECT
public:
    explicit NotebookView(QWidget *parent = nullptr);

    void setNotebook(const Notebook &notebook);
    QList<CellWidget *> cellWidgets() const;

private:
    QWidget *m_content = nullptr;
};

} // namespace tassel::ui
