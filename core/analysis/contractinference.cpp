#include "analysis/contractinference.h"

#include "analysis/csvsample.h"
#include "analysis/dtypekinds.h"
#include "analysis/outputtables.h"

#include <QFile>

#include <algorithm>

namespace tassel {

namespace {

const ContractSource kFile {"file", -1, 0};

ContractColumn *find(DataContract &contract, const std::string &name)
{
    const auto it = std::find_if(contract.columns.begin(), contract.columns.end(),
        [&](const ContractColumn &column) { return column.name == name; });
    return it == contract.columns.end() ? nullptr : &*it;
}

bool contains(const std::vector<FrameCode::Use> &uses, const std::string &name)
{
    return std::any_of(uses.begin(), uses.end(), [&](const FrameCode::Use &use) { return use.name == name; });
}

void setRows(DataContract &contract, std::int64_t observed, const ContractSource &source)
{
    ContractRows rows;
    rows.observed = observed;
    rows.source = source;
    rows.min = observed > 0 ? std::max<std::int64_t>(1, observed / 10) : 0;
    if (observed > 0)
        rows.max = observed * 10;
    contract.rows = rows;
}

/// The separator pandas uses for this read; 0 when it is not one character (a regex).
char separatorOf(const IoAccess &access, const FrameCode &frame)
{
    if (!frame.separator.empty())
        return frame.separator == "\\t" ? '\t' : frame.separator.size() == 1 ? frame.separator[0] : '\0';
    return access.call == "pandas.read_table" ? '\t' : ',';
}

void fromCsv(DataContract &contract, const std::string &path, char separator)
{
    const CsvSample sample = CsvSample::read(path, separator);
    for (std::size_t c = 0; c < sample.header.size(); ++c) {
        ContractColumn column;
        column.name = sample.header[c];
        column.nameSource = kFile;
        bool missing = false;
        for (const auto &record : sample.records) {
            const std::string kind = c < record.size() ? DtypeKinds::ofValue(record[c]) : std::string();
            missing = missing || kind.empty();
            column.dtype = DtypeKinds::widen(column.dtype, kind);
        }
        // pandas reads whole numbers with gaps as float64, and True/False with gaps as objects.
        if (missing && column.dtype == "int")
            column.dtype = "float";
        else if (missing && column.dtype == "bool")
            column.dtype = "string";
        if (!column.dtype.empty())
            column.dtypeSource = kFile;
        if (!sample.records.empty()) {
            column.nullable = missing;
            column.nullableSource = kFile;
        }
        contract.columns.push_back(std::move(column));
    }
    if (sample.header.empty())
        return;
    std::int64_t rows = std::int64_t(sample.records.size());
    if (!sample.complete && sample.bytesRead > 0)
        rows = std::int64_t(double(rows) * double(sample.fileSize) / double(sample.bytesRead));
    setRows(contract, rows, kFile);
}

/// A .npy file's header: {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }.
void fromNpy(DataContract &contract, const std::string &path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QByteArray head = file.read(4096);
    if (!head.startsWith("\x93NUMPY"))
        return;
    const std::string header = head.mid(10).toStdString();
    const std::size_t descr = header.find("'descr': '");
    const std::size_t shape = header.find("'shape': ");
    if (descr == std::string::npos || shape == std::string::npos)
        return;
    const std::size_t descrEnd = header.find('\'', descr + 10);
    const std::string dtype = DtypeKinds::ofPandas(header.substr(descr + 10, descrEnd - descr - 10));
    const std::size_t shapeEnd = header.find(')', shape);
    const auto facts = OutputTables::readText(header.substr(shape + 9, shapeEnd - shape - 8), "shape", false);
    contract.shape = facts.shape;
    if (!facts.shape.empty())
        setRows(contract, facts.shape.front(), kFile);
    contract.dtype = dtype;
}

void fromFile(
    DataContract &contract, const IoAccess &access, const FrameCode &frame, const std::string &folder)
{
    if (folder.empty() || !access.target || access.exists != true || access.absolute)
        return;
    const std::string path = folder + '/' + *access.target;
    if (access.call == "numpy.load")
        return fromNpy(contract, path);
    const char separator = separatorOf(access, frame);
    if ((access.call == "pandas.read_csv" || access.call == "pandas.read_table") && separator != '\0')
        fromCsv(contract, path, separator);
    if (!frame.usecols.empty()) {
        std::erase_if(contract.columns,
            [&](const ContractColumn &column) { return !contains(frame.usecols, column.name); });
    }
}

void mergeOutput(DataContract &contract, const OutputTables::Facts &facts, const ContractSource &source,
    const FrameCode &frame, bool fileKnown)
{
    for (const OutputTables::Column &seen : facts.columns) {
        if (std::find(frame.assigned.begin(), frame.assigned.end(), seen.name) != frame.assigned.end())
            continue; // made by the notebook, not read
        ContractColumn *column = find(contract, seen.name);
        if (!column && (fileKnown || (!frame.usecols.empty() && !contains(frame.usecols, seen.name))))
            continue; // the file's header decides which columns exist
        if (!column) {
            contract.columns.push_back(
                {seen.name, std::string(), std::nullopt, source, std::nullopt, std::nullopt});
            column = &contract.columns.back();
        }
        // Only a different kind moves the fact: sources that agree keep the first one.
        if (!seen.dtype.empty() && seen.dtype != column->dtype
            && (!column->dtypeSource || column->dtypeSource->from == "file")) {
            column->dtype = seen.dtype;
            column->dtypeSource = source;
        }
        if (seen.nullable && (!column->nullable || (*seen.nullable && !*column->nullable))) {
            column->nullable = seen.nullable;
            column->nullableSource = source;
        }
    }
    if (!facts.shape.empty() && contract.shape.empty() && contract.reader.starts_with("numpy."))
        contract.shape = facts.shape;
    if (facts.rows && !(contract.rows && contract.rows->source.from == "file"))
        setRows(contract, *facts.rows, source);
}

void mergeCode(DataContract &contract, const FrameCode &frame, bool fileKnown)
{
    const auto add = [&](const FrameCode::Use &use) -> ContractColumn * {
        ContractColumn *column = find(contract, use.name);
        if (column || fileKnown)
            return column;
        contract.columns.push_back(
            {use.name, std::string(), std::nullopt, use.source, std::nullopt, std::nullopt});
        return &contract.columns.back();
    };
    for (const FrameCode::Use &use : frame.usecols)
        add(use);
    for (const auto &[use, dtype] : frame.dtypes) {
        if (ContractColumn *column = add(use); column && !DtypeKinds::ofPandas(dtype).empty()) {
            column->dtype = DtypeKinds::ofPandas(dtype);
            column->dtypeSource = use.source;
        }
    }
    for (const FrameCode::Use &use : frame.parseDates) {
        if (ContractColumn *column = add(use)) {
            column->dtype = "datetime";
            column->dtypeSource = use.source;
        }
    }
    for (const FrameCode::Use &use : frame.reads)
        add(use);
}

} // namespace

DataContract ContractInference::infer(
    const Notebook &notebook, const IoAccess &access, const FrameCode &frame, const std::string &folder)
{
    DataContract contract;
    contract.input = access.target.value_or(std::string());
    contract.reader = access.call;
    fromFile(contract, access, frame, folder);
    const bool fileKnown = !contract.columns.empty();
    for (const FrameCode::Display &display : frame.displays) {
        if (display.cell < 0 || std::size_t(display.cell) >= notebook.cells.size())
            continue;
        const OutputTables::Facts facts
            = OutputTables::read(notebook.cells[std::size_t(display.cell)], display.what);
        mergeOutput(contract, facts, {"output", display.cell, 0}, frame, fileKnown);
    }
    mergeCode(contract, frame, fileKnown);
    return contract;
}

void ContractInference::attach(const Notebook &notebook, std::vector<IoAccess> &io,
    const std::map<std::size_t, FrameCode> &frames, const std::string &folder)
{
    for (const auto &[index, frame] : frames) {
        if (index < io.size())
            io[index].contract = infer(notebook, io[index], frame, folder);
    }
}

} // namespace tassel
