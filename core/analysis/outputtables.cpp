#include "analysis/outputtables.h"

#include "analysis/dtypekinds.h"
#include "util/text.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <sstream>

namespace tassel {

namespace {

using Column = OutputTables::Column;
using Facts = OutputTables::Facts;

std::vector<std::string> words(std::string_view line)
{
    std::vector<std::string> out;
    std::istringstream stream {std::string(line)};
    for (std::string word; stream >> word;)
        out.push_back(word);
    return out;
}

std::optional<std::int64_t> number(std::string_view text)
{
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() ? std::optional(value) : std::nullopt;
}

/// "(4, 7)" -> {4, 7}; "(4,)" -> {4}.
std::vector<std::int64_t> shapeOf(std::string_view text)
{
    text = trimmed(text);
    if (!text.starts_with('(') || !text.ends_with(')'))
        return {};
    std::vector<std::int64_t> shape;
    std::string_view inside = text.substr(1, text.size() - 2);
    for (std::size_t start = 0; start < inside.size();) {
        const std::size_t end = std::min(inside.find(',', start), inside.size());
        const std::string_view part = trimmed(inside.substr(start, end - start));
        if (!part.empty()) {
            const auto value = number(part);
            if (!value)
                return {};
            shape.push_back(*value);
        }
        start = end + 1;
    }
    return shape;
}

/// `df.dtypes`: "name   int64" lines closed by "dtype: object".
Facts readDtypes(std::string_view text)
{
    Facts facts;
    for (std::string_view line : splitLines(text)) {
        line = trimmed(line);
        const std::size_t gap = line.find_last_of(" \t");
        if (line.starts_with("dtype:") || gap == std::string_view::npos)
            continue;
        const std::string kind = DtypeKinds::ofPandas(line.substr(gap + 1));
        if (!kind.empty())
            facts.columns.push_back({std::string(trimmed(line.substr(0, gap))), kind, std::nullopt});
    }
    return facts;
}

/// `df.info()`: "RangeIndex: 4 entries" and " 2   amount  3 non-null  float64" rows.
Facts readInfo(std::string_view text)
{
    Facts facts;
    std::vector<std::pair<Column, std::int64_t>> counted;
    for (std::string_view line : splitLines(text)) {
        const std::size_t entries = line.find(" entries");
        if ((line.starts_with("RangeIndex: ") || line.starts_with("Index: "))
            && entries != std::string_view::npos) {
            facts.rows = number(line.substr(line.find(' ') + 1, entries - line.find(' ') - 1));
            continue;
        }
        const std::size_t nonNull = line.find(" non-null");
        const std::vector<std::string> parts = words(line);
        if (nonNull == std::string_view::npos || parts.size() < 5 || !number(parts.front()))
            continue;
        const std::vector<std::string> before = words(line.substr(0, nonNull));
        const std::vector<std::string> after = words(line.substr(nonNull + 9));
        if (before.size() < 3 || after.empty() || !number(before.back()))
            continue;
        const std::int64_t count = *number(before.back());
        // The name is everything between the position and the count (it may hold spaces).
        const std::size_t nameStart = line.find(before[1]);
        const std::size_t countStart = line.rfind(before.back(), nonNull);
        const std::string name(trimmed(line.substr(nameStart, countStart - nameStart)));
        counted.push_back({Column {name, DtypeKinds::ofPandas(after.front()), std::nullopt}, count});
    }
    for (auto &[column, count] : counted) {
        if (facts.rows)
            column.nullable = count < *facts.rows;
        facts.columns.push_back(std::move(column));
    }
    return facts;
}

/// A frame printed as text: the words of its header line and of its first row.
struct PrintedTable
{
    std::vector<std::string> header;
    std::vector<std::string> firstRow;
};

/// `text` read as a printed frame; nullopt when it has no row below the header.
std::optional<PrintedTable> printedTable(std::string_view text)
{
    const std::vector<std::string_view> lines = splitLines(text);
    if (lines.size() < 2)
        return std::nullopt;
    return PrintedTable {words(lines[0]), words(lines[1])};
}

/// `df.describe()`: a header of column names, then "count" with each column's non-null count;
/// a count below the largest one shows missing values.
Facts readDescribe(std::string_view text)
{
    Facts facts;
    const auto table = printedTable(text);
    if (!table)
        return facts;
    const std::vector<std::string> &names = table->header;
    const std::vector<std::string> &counts = table->firstRow;
    if (names.empty() || counts.empty() || counts.front() != "count" || counts.size() != names.size() + 1)
        return facts;
    std::vector<double> values;
    for (std::size_t c = 1; c < counts.size(); ++c) {
        double value = 0;
        const std::string &count = counts[c];
        if (std::from_chars(count.data(), count.data() + count.size(), value).ec != std::errc())
            return facts;
        values.push_back(value);
    }
    const double most = *std::max_element(values.begin(), values.end());
    for (std::size_t c = 0; c < names.size(); ++c) {
        const bool gaps = values[c] < most;
        facts.columns.push_back({names[c], std::string(), gaps ? std::optional(true) : std::nullopt});
    }
    return facts;
}

/// The text/plain of `df.head()`: its first line holds the column names (pandas aligns them;
/// a name with spaces cannot be told apart, which is why the HTML table is preferred).
Facts readHeadText(std::string_view text)
{
    Facts facts;
    const auto table = printedTable(text);
    if (!table)
        return facts;
    for (const std::string &name : table->header) {
        if (name != "...")
            facts.columns.push_back({name, std::string(), std::nullopt});
    }
    return facts;
}

std::string htmlText(std::string_view html)
{
    std::string out;
    for (std::size_t i = 0; i < html.size(); ++i) {
        if (html[i] == '<') {
            i = std::min(html.find('>', i), html.size());
            continue;
        }
        if (html[i] != '&') {
            out += html[i];
            continue;
        }
        static constexpr std::pair<std::string_view, char> kEntities[]
            = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
        bool known = false;
        for (const auto &[entity, c] : kEntities) {
            if (html.substr(i, entity.size()) == entity) {
                out += c;
                i += entity.size() - 1;
                known = true;
                break;
            }
        }
        if (!known)
            out += '&';
    }
    return std::string(trimmed(out));
}

/// The cells (`tag` "th" or "td") of one table row, as text.
std::vector<std::string> rowCells(std::string_view row, std::string_view tag)
{
    std::vector<std::string> cells;
    const std::string open = '<' + std::string(tag);
    const std::string close = "</" + std::string(tag) + '>';
    for (std::size_t at = row.find(open); at != std::string_view::npos; at = row.find(open, at + 1)) {
        const char after = at + open.size() < row.size() ? row[at + open.size()] : '\0';
        if (after != '>' && after != ' ')
            continue; // <thead> is not a <th>
        const std::size_t start = row.find('>', at);
        const std::size_t end = row.find(close, at);
        if (start == std::string_view::npos || end == std::string_view::npos)
            break;
        cells.push_back(htmlText(row.substr(start + 1, end - start - 1)));
    }
    return cells;
}

/// pandas's `<table class="dataframe">`: column names from a one-row header (the first cell
/// is the index), nullable where a shown value is missing.
Facts readHeadHtml(std::string_view html)
{
    Facts facts;
    const std::size_t table = html.find("class=\"dataframe\"");
    const std::size_t head = html.find("<thead>", table);
    const std::size_t headEnd = html.find("</thead>", head);
    if (table == std::string_view::npos || headEnd == std::string_view::npos)
        return facts;
    const std::string_view thead = html.substr(head, headEnd - head);
    if (thead.find("<tr") != thead.rfind("<tr"))
        return facts; // MultiIndex columns or an index name row: not a plain table
    std::vector<std::string> names = rowCells(thead, "th");
    if (names.empty())
        return facts;
    names.erase(names.begin());
    for (std::string &name : names)
        facts.columns.push_back({std::move(name), std::string(), std::nullopt});
    const std::size_t bodyEnd = html.find("</tbody>", headEnd);
    for (std::size_t row = html.find("<tr", headEnd); row < bodyEnd; row = html.find("<tr", row + 1)) {
        const std::vector<std::string> values
            = rowCells(html.substr(row, html.find("</tr>", row) - row), "td");
        for (std::size_t c = 0; c < values.size() && c < facts.columns.size(); ++c) {
            if (DtypeKinds::isMissing(values[c]))
                facts.columns[c].nullable = true;
        }
    }
    for (Column &column : facts.columns) {
        if (column.name == "...")
            column.name.clear();
    }
    std::erase_if(facts.columns, [](const Column &column) { return column.name.empty(); });
    return facts;
}

} // namespace

Facts OutputTables::readText(const std::string &text, const std::string &what, bool html)
{
    if (html)
        return what == "head" ? readHeadHtml(text) : Facts {};
    if (what == "dtypes")
        return readDtypes(text);
    if (what == "info")
        return readInfo(text);
    if (what == "describe")
        return readDescribe(text);
    if (what == "shape") {
        Facts facts;
        facts.shape = shapeOf(text);
        if (!facts.shape.empty())
            facts.rows = facts.shape.front();
        return facts;
    }
    return what == "head" ? readHeadText(text) : Facts {};
}

Facts OutputTables::read(const Cell &cell, const std::string &what)
{
    for (const Output &output : cell.outputs) {
        // df.info() prints; what a cell shows as its value is a display. A printed head() is
        // not read: its first line cannot be told from any other print.
        if (output.type == OutputType::Stream && output.streamName == "stdout" && what != "head") {
            Facts facts = readText(output.text, what, false);
            if (!facts.columns.empty() || facts.rows)
                return facts;
            continue;
        }
        if (const MimeItem *html = output.find("text/html")) {
            Facts facts = readText(html->data, what, true);
            if (!facts.columns.empty())
                return facts;
        }
        if (const MimeItem *plain = output.find("text/plain")) {
            Facts facts = readText(plain->data, what, false);
            if (!facts.columns.empty() || facts.rows)
                return facts;
        }
    }
    return {};
}

} // namespace tassel
