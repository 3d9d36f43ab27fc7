#include "analysis/csvsample.h"

#include <QFile>

namespace tassel {

namespace {

/// Splits records off `text`; stops at `maxRecords` or at a record the text cuts short.
class RecordSplitter
{
public:
    RecordSplitter(std::string_view text, char separator, bool wholeText)
        : m_text(text)
        , m_separator(separator)
        , m_wholeText(wholeText)
    {
    }

    /// The next record; false at the end of the text (or of its complete records).
    bool next(std::vector<std::string> &fields);
    std::size_t position() const { return m_position; }
    bool atEnd() const { return m_position >= m_text.size(); }

private:
    std::string_view m_text;
    char m_separator;
    bool m_wholeText;
    std::size_t m_position = 0;
};

bool RecordSplitter::next(std::vector<std::string> &fields)
{
    while (m_position < m_text.size() && (m_text[m_position] == '\n' || m_text[m_position] == '\r'))
        ++m_position; // blank lines are skipped, as pandas does by default
    if (m_position >= m_text.size())
        return false;
    fields.assign(1, std::string());
    bool quoted = false;
    std::size_t i = m_position;
    for (; i < m_text.size(); ++i) {
        const char c = m_text[i];
        if (quoted) {
            if (c != '"')
                fields.back() += c;
            else if (i + 1 < m_text.size() && m_text[i + 1] == '"')
                fields.back() += m_text[++i];
            else
                quoted = false;
        } else if (c == '"') {
            quoted = true;
        } else if (c == m_separator) {
            fields.emplace_back();
        } else if (c == '\n' || c == '\r') {
            break;
        } else {
            fields.back() += c;
        }
    }
    if (i >= m_text.size() && !m_wholeText)
        return false; // the sample ends inside this record
    m_position = i;
    return true;
}

} // namespace

CsvSample CsvSample::parse(std::string_view text, char separator, bool wholeFile)
{
    CsvSample sample;
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    RecordSplitter splitter(text, separator, wholeFile);
    if (!splitter.next(sample.header))
        return sample;
    std::vector<std::string> fields;
    while (sample.records.size() < kMaxRecords && splitter.next(fields))
        sample.records.push_back(fields);
    sample.bytesRead = splitter.position();
    sample.complete = wholeFile && splitter.atEnd();
    return sample;
}

CsvSample CsvSample::read(const std::string &path, char separator)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.read(qint64(kMaxBytes));
    const bool whole = file.atEnd();
    CsvSample sample
        = parse(std::string_view(bytes.constData(), std::size_t(bytes.size())), separator, whole);
    sample.fileSize = file.size();
    return sample;
}

} // namespace tassel
