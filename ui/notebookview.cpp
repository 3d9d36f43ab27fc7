#include "notebookview.h"

#include "cellwidget.h"

#include <QVBoxLayout>

namespace tassel::ui {

NotebookView::NotebookView(QWidget *parent)
    : QScrollArea(parent)
{
    setWidgetResizable(true);
    setObjectName(QStringLiteral("notebookView"));
}

void NotebookView::setNotebook(const Notebook &notebook)
{
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setSpacing(6);
    int index = 0;
    for (const auto &cell : notebook.cells)
        layout->addWidget(new CellWidget(cell, index++, content));
    layout->addStretch(1);
    setWidget(content); // deletes the previous content
    m_content = content;
}

QList<CellWidget *> NotebookView::cellWidgets() const
{
    if (!m_content)
        return {};
    return m_content->findChildren<CellWidget *>(Qt::FindDirectChildrenOnly);
}

} // namespace tassel::ui
