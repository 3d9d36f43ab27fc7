#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tassel {

/// The header and first records of a delimited text file, read the way pandas.read_csv reads
/// them by default: one separator character, fields in double quotes may hold separators, line
/// breaks and doubled quotes (""), CRLF or LF line ends, blank lines skipped. Reads at most
/// kMaxBytes; `complete` says whether that was the whole file. A value; no state.
struct CsvSample
{
    static constexpr std::size_t kMaxBytes = 1 << 20;
    static constexpr std::size_t kMaxRecords = 2000;

    std::vector<std::string> header;
    std::vector<std::vector<std::string>> records; ///< data rows after the header
    bool complete = false; ///< every record of the file is in `records`
    std::int64_t fileSize = 0;
    std::size_t bytesRead = 0; ///< bytes the records came from (to estimate the rows of the rest)

    /// Parses `text` (all of it, or its first part when `complete` is false).
    static CsvSample parse(std::string_view text, char separator, bool wholeFile);
    /// Reads `path`; an unreadable file gives an empty sample.
    static CsvSample read(const std::string &path, char separator);

    bool operator==(const CsvSample &) const = default;
};

} // namespace tassel
