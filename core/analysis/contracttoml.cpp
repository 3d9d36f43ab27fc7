#include "analysis/contracttoml.h"

#include "util/escaping.h"
#include "util/text.h"

#include <charconv>

namespace tassel {

namespace {

std::string line(std::string_view key, std::string_view value)
{
    return std::string(key) + " = " + std::string(value) + '\n';
}

std::string quoted(std::string_view text)
{
    return escaping::tomlString(text);
}

std::string columnText(const ContractColumn &column)
{
    std::string out = "\n[[columns]]\n" + line("name", quoted(column.name));
    if (!column.dtype.empty())
        out += line("dtype", quoted(column.dtype));
    if (column.nullable)
        out += line("nullable", *column.nullable ? "true" : "false");
    std::string sources = "name = " + quoted(ContractToml::sourceText(column.nameSource));
    if (column.dtypeSource)
        sources += ", dtype = " + quoted(ContractToml::sourceText(*column.dtypeSource));
    if (column.nullableSource)
        sources += ", nullable = " + quoted(ContractToml::sourceText(*column.nullableSource));
    return out + line("source", "{ " + sources + " }");
}

Error invalid(const toml::node &node, const TomlOrigin &origin, const std::string &what)
{
    return Error {"invalid-contract", what, origin.file, tomlLine(node.source(), origin), 0, {}};
}

void readSources(const toml::table &sources, ContractColumn &column)
{
    const auto get = [&](std::string_view key) -> std::optional<ContractSource> {
        const auto text = sources[key].value<std::string>();
        return text ? ContractToml::sourceFrom(*text) : std::nullopt;
    };
    if (auto name = get("name"))
        column.nameSource = *name;
    column.dtypeSource = get("dtype");
    column.nullableSource = get("nullable");
}

Result<ContractColumn> readColumn(const toml::node &node, const TomlOrigin &origin)
{
    const toml::table *table = node.as_table();
    if (!table || !(*table)["name"].is_string())
        return invalid(node, origin, "a column needs a name (a string)");
    ContractColumn column;
    column.name = *(*table)["name"].value<std::string>();
    column.dtype = (*table)["dtype"].value_or(std::string());
    if (const auto *nullable = (*table)["nullable"].node()) {
        if (!nullable->is_boolean())
            return invalid(*nullable, origin, "nullable is true or false");
        column.nullable = *nullable->value<bool>();
    }
    if (const toml::table *sources = (*table)["source"].as_table())
        readSources(*sources, column);
    return column;
}

ContractRows readRows(const toml::table &table)
{
    ContractRows rows;
    rows.min = table["min"].value_or(std::int64_t(1));
    rows.max = table["max"].value<std::int64_t>();
    rows.observed = table["observed"].value_or(std::int64_t(0));
    rows.source = ContractToml::sourceFrom(table["source"].value_or(std::string("file")))
                      .value_or(ContractSource {"file"});
    return rows;
}

} // namespace

std::string ContractToml::sourceText(const ContractSource &source)
{
    std::string text = source.from;
    if (source.cell >= 0)
        text += ", cell " + std::to_string(source.cell + 1);
    if (source.line > 0)
        text += ", line " + std::to_string(source.line);
    return text;
}

std::optional<ContractSource> ContractToml::sourceFrom(std::string_view text)
{
    ContractSource source;
    const std::size_t comma = std::min(text.find(','), text.size());
    source.from = std::string(trimmed(text.substr(0, comma)));
    if (source.from != "file" && source.from != "output" && source.from != "code")
        return std::nullopt;
    for (std::size_t at = comma; at < text.size();) {
        const std::size_t end = std::min(text.find(',', at + 1), text.size());
        const std::string_view part = trimmed(text.substr(at + 1, end - at - 1));
        const std::size_t space = part.find(' ');
        int value = 0;
        const std::string_view number = space == std::string_view::npos ? part : part.substr(space + 1);
        if (std::from_chars(number.data(), number.data() + number.size(), value).ec != std::errc())
            return std::nullopt;
        if (part.starts_with("cell "))
            source.cell = value - 1;
        else if (part.starts_with("line "))
            source.line = value;
        else
            return std::nullopt;
        at = end;
    }
    return source;
}

std::string ContractToml::write(const DataContract &contract)
{
    std::string out = "# What the notebook expects of " + escaping::oneLine(contract.input)
        + ", inferred by Tassel from the file, the stored outputs and the code.\n"
          "# Edit freely: remove a column that is not needed, set nullable, widen the rows.\n";
    out += line("input", quoted(contract.input));
    out += line("reader", quoted(contract.reader));
    if (!contract.dtype.empty())
        out += line("dtype", quoted(contract.dtype));
    if (!contract.shape.empty()) {
        std::string shape;
        for (const std::int64_t size : contract.shape)
            shape += (shape.empty() ? "" : ", ") + std::to_string(size);
        out += line("shape", '[' + shape + ']');
    }
    if (contract.rows) {
        out += "\n[rows]\n" + line("min", std::to_string(contract.rows->min));
        if (contract.rows->max)
            out += line("max", std::to_string(*contract.rows->max));
        out += line("observed", std::to_string(contract.rows->observed));
        out += line("source", quoted(sourceText(contract.rows->source)));
    }
    for (const ContractColumn &column : contract.columns)
        out += columnText(column);
    return out;
}

Result<DataContract> ContractToml::read(std::string_view text, const TomlOrigin &origin)
{
    Result<toml::table> parsed = parseToml(text, origin);
    if (!parsed)
        return parsed.error();
    const toml::table &document = parsed.value();
    DataContract contract;
    contract.input = document["input"].value_or(std::string());
    contract.reader = document["reader"].value_or(std::string());
    contract.dtype = document["dtype"].value_or(std::string());
    if (const toml::array *shape = document["shape"].as_array()) {
        for (const toml::node &size : *shape)
            contract.shape.push_back(size.value_or(std::int64_t(0)));
    }
    if (const toml::table *rows = document["rows"].as_table())
        contract.rows = readRows(*rows);
    if (const toml::node *columns = document["columns"].node()) {
        if (!columns->is_array_of_tables())
            return invalid(*columns, origin, "columns is an array of tables ([[columns]])");
        for (const toml::node &node : *columns->as_array()) {
            Result<ContractColumn> column = readColumn(node, origin);
            if (!column)
                return column.error();
            contract.columns.push_back(std::move(column.value()));
        }
    }
    return contract;
}

} // namespace tassel
