#pragma once
// Small notebooks built in memory for tests, analysed by the real parser. Each cell is written
// "COUNT|SOURCE" ("-" for never executed; a trailing "|TEXT" gives the cell a stored stdout
// output); a spec without "|" is a markdown cell.
#include "notebook/notebook.h"

#include <QStringList>

namespace tassel::test {

inline Notebook makeNotebook(const QStringList &cells)
{
    Notebook notebook;
    notebook.metadata = {{"language_info", {{"name", "python"}}}};
    for (const QString &spec : cells) {
        const QStringList parts = spec.split(QLatin1Char('|'));
        Cell cell;
        if (parts.size() == 1) {
            cell.type = CellType::Markdown;
            cell.source = spec.toStdString();
        } else {
            if (parts[0] != QLatin1String("-"))
                cell.executionCount = parts[0].toInt();
            cell.source = parts[1].toStdString();
            if (parts.size() > 2) {
                Output output;
                output.type = OutputType::Stream;
                output.streamName = "stdout";
                output.text = parts[2].toStdString();
                cell.outputs.push_back(output);
            }
        }
        cell.id = "cell" + std::to_string(notebook.cells.size());
        notebook.cells.push_back(cell);
    }
    return notebook;
}

} // namespace tassel::test
