#include "verify/outputcomparer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <re2/re2.h>

namespace tassel {

namespace {

bool isHex(char c)
{
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isWordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

/// Length of a hex run starting at `at`.
std::size_t hexRun(std::string_view text, std::size_t at)
{
    std::size_t end = at;
    while (end < text.size() && isHex(text[end]))
        ++end;
    return end - at;
}

/// Matches 8-4-4-4-12 hex digits at `at`; returns its length or 0.
std::size_t uuidAt(std::string_view text, std::size_t at)
{
    static constexpr std::size_t groups[] = {8, 4, 4, 4, 12};
    std::size_t pos = at;
    for (std::size_t g = 0; g < 5; ++g) {
        if (hexRun(text, pos) < groups[g])
            return 0;
        pos += groups[g];
        if (g < 4) {
            if (pos >= text.size() || text[pos] != '-')
                return 0;
            ++pos;
        }
    }
    if (pos < text.size() && isWordChar(text[pos]))
        return 0;
    return pos - at;
}

/// A number at `at` (digits, optional fraction), returns its length or 0.
std::size_t decimalAt(std::string_view text, std::size_t at)
{
    std::size_t pos = at;
    while (pos < text.size() && isDigit(text[pos]))
        ++pos;
    if (pos == at)
        return 0;
    if (pos + 1 < text.size() && text[pos] == '.' && isDigit(text[pos + 1])) {
        ++pos;
        while (pos < text.size() && isDigit(text[pos]))
            ++pos;
    }
    return pos - at;
}

/// A time unit right after a number ("1.2 ms", "3s", "45.6 µs per loop"); returns the length
/// of the optional space and unit, or 0.
std::size_t timeUnitAt(std::string_view text, std::size_t at)
{
    std::size_t pos = at;
    if (pos < text.size() && text[pos] == ' ')
        ++pos;
    static constexpr std::string_view units[] = {"seconds", "second", "secs", "sec", "ns", "\xC2\xB5s",
        "\xCE\xBCs", "us", "ms", "min", "s", "it/s", "s/it"};
    // Longest units first so "secs" wins over "s"; "it/s" comes from progress bars.
    for (std::string_view unit : {std::string_view("it/s"), std::string_view("s/it")}) {
        if (text.substr(pos, unit.size()) == unit)
            return pos - at + unit.size();
    }
    for (std::string_view unit : units) {
        if (text.substr(pos, unit.size()) != unit)
            continue;
        const std::size_t end = pos + unit.size();
        if (end < text.size() && isWordChar(text[end]))
            continue;
        return end - at;
    }
    return 0;
}

/// "2024-05-01 12:34:56.789012" (what datetime.now() prints); returns its length or 0.
std::size_t timestampAt(std::string_view text, std::size_t at)
{
    static constexpr std::string_view shape = "dddd-dd-dd?dd:dd:dd.dddddd";
    if (at + shape.size() > text.size())
        return 0;
    for (std::size_t k = 0; k < shape.size(); ++k) {
        const char c = text[at + k];
        const char want = shape[k];
        if (want == 'd' ? !isDigit(c) : want == '?' ? (c != ' ' && c != 'T') : c != want)
            return 0;
    }
    return shape.size();
}

struct Token
{
    bool number = false;
    std::string text;
    double value = 0;
    bool integer = true;
};

std::vector<Token> tokenize(std::string_view text)
{
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t start = i;
        const bool signedNumber = (text[i] == '-' || text[i] == '+') && i + 1 < text.size()
            && isDigit(text[i + 1]) && (i == 0 || !isWordChar(text[i - 1]));
        if (isDigit(text[i]) || signedNumber) {
            if (start > 0
                && (std::isalpha(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '_')) {
                // Digits inside an identifier (x1, var_2) are text.
            } else {
                std::size_t pos = signedNumber ? i + 1 : i;
                bool integer = true;
                while (pos < text.size() && isDigit(text[pos]))
                    ++pos;
                if (pos + 1 < text.size() && text[pos] == '.' && isDigit(text[pos + 1])) {
                    integer = false;
                    ++pos;
                    while (pos < text.size() && isDigit(text[pos]))
                        ++pos;
                } else if (pos < text.size() && text[pos] == '.') {
                    integer = false; // "1." as numpy prints it
                    ++pos;
                }
                if (pos + 1 < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
                    std::size_t exp = pos + 1;
                    if (exp < text.size() && (text[exp] == '-' || text[exp] == '+'))
                        ++exp;
                    if (exp < text.size() && isDigit(text[exp])) {
                        integer = false;
                        pos = exp;
                        while (pos < text.size() && isDigit(text[pos]))
                            ++pos;
                    }
                }
                Token token;
                token.number = true;
                token.text = std::string(text.substr(start, pos - start));
                token.integer = integer;
                token.value = std::strtod(token.text.c_str(), nullptr);
                tokens.push_back(std::move(token));
                i = pos;
                continue;
            }
        }
        // Text up to the next possible number start; runs of spaces and tabs count as one.
        std::string chunk;
        while (i < text.size()) {
            const char c = text[i];
            if ((isDigit(c) || ((c == '-' || c == '+') && i + 1 < text.size() && isDigit(text[i + 1])))
                && !(i > 0 && (std::isalpha(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_')))
                break;
            if (c == ' ' || c == '\t') {
                while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
                    ++i;
                chunk += ' ';
                continue;
            }
            chunk += c;
            ++i;
        }
        if (!chunk.empty()) {
            if (!tokens.empty() && !tokens.back().number)
                tokens.back().text += chunk;
            else
                tokens.push_back({false, std::move(chunk), 0, true});
        } else if (i == start) {
            // A digit glued to an identifier: take it as text.
            if (!tokens.empty() && !tokens.back().number)
                tokens.back().text += text[i];
            else
                tokens.push_back({false, std::string(1, text[i]), 0, true});
            ++i;
        }
    }
    return tokens;
}

std::string firstLineWhere(std::string_view text, std::size_t offset)
{
    std::size_t begin = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    begin = begin == std::string_view::npos || offset == 0 ? 0 : begin + 1;
    std::size_t end = text.find('\n', offset);
    if (end == std::string_view::npos)
        end = text.size();
    std::string line(text.substr(begin, end - begin));
    if (line.size() > 200)
        line = line.substr(0, 200) + "…";
    return line;
}

/// The first line where two normalised texts differ, as excerpts of each.
std::pair<std::string, std::string> firstDifferentLines(std::string_view a, std::string_view b)
{
    std::size_t offset = 0;
    while (offset < a.size() && offset < b.size() && a[offset] == b[offset])
        ++offset;
    std::string left = firstLineWhere(a, std::min(offset, a.size()));
    std::string right = firstLineWhere(b, std::min(offset, b.size()));
    if (a.size() <= offset && left.empty())
        left = "(end of output)";
    if (b.size() <= offset && right.empty())
        right = "(end of output)";
    return {left, right};
}

/// IPython's %timeit summary, "10.3 ms ± 120 µs per loop (mean ± std. dev. of 7 runs, 100 loops
/// each)" (or "+-" without a UTF-8 terminal), and the pre-5.0 "100 loops, best of 3: 5.4 ms per
/// loop". Every figure in it, the run and loop counts included, depends on the machine.
bool isTimeitSummary(std::string_view line)
{
    if (line.find("per loop") == std::string_view::npos)
        return false;
    // RE2, not std::regex: libstdc++'s matcher recurses per character and a long output line
    // would overflow the stack (issue 19).
    static const RE2 current(
        "\\s*\\S.* (\xC2\xB1|\\+-) .+ per loop \\(mean (\xC2\xB1|\\+-) std\\. dev\\. of [0-9,]+ "
        "runs?, [0-9,]+ loops? each\\)\\s*");
    static const RE2 old("\\s*[0-9,]+ loops?, best of [0-9]+: .+ per loop\\s*");
    const re2::StringPiece text(line.data(), line.size());
    return RE2::FullMatch(text, current) || RE2::FullMatch(text, old);
}

/// "The slowest run took 5.12 times longer than the fastest. This could mean that an intermediate
/// result is being cached.": %timeit prints it or not depending on the machine's caches.
bool isTimeitWarning(std::string_view line)
{
    return line.substr(0, 21) == "The slowest run took "
        && line.find("times longer than the fastest") != std::string_view::npos;
}

std::string describe(const ComparableOutput &output)
{
    switch (output.kind) {
    case ComparableOutput::Kind::Image:
        return output.label + " " + std::to_string(output.image.width) + "x"
            + std::to_string(output.image.height);
    case ComparableOutput::Kind::Error:
        return output.text;
    case ComparableOutput::Kind::Text:
        break;
    }
    return output.label + ": " + firstLineWhere(output.text, 0);
}

/// Width over height equal within `tolerance` (a fraction), so one image is the other scaled.
bool sameAspect(const ImageSignature &a, const ImageSignature &b, double tolerance)
{
    if (a.width <= 0 || a.height <= 0 || b.width <= 0 || b.height <= 0)
        return false;
    const double left = double(a.width) * b.height;
    const double right = double(b.width) * a.height;
    return std::abs(left - right) <= tolerance * std::max(left, right);
}

/// Python's default object reprs, `<pkg.Name object at 0x…>`, `<pkg.Name at 0x…>` (older IPython
/// display objects) and `<pkg.NAME object>` (newer ones), as one form: they carry no value, and
/// which of them appears depends only on the library's version. Runs after addresses were replaced.
std::string withDefaultReprsAlike(const std::string &text)
{
    static constexpr std::array<std::string_view, 3> kTails
        = {" object at 0x<address>>", " at 0x<address>>", " object>"};
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        std::size_t end = i + 1;
        while (text[i] == '<' && end < text.size() && (isWordChar(text[end]) || text[end] == '.'))
            ++end;
        const std::string_view rest = std::string_view(text).substr(end);
        const auto tail = std::find_if(
            kTails.begin(), kTails.end(), [&](std::string_view t) { return rest.starts_with(t); });
        if (text[i] != '<' || end == i + 1 || tail == kTails.end()) {
            out += text[i++];
            continue;
        }
        out += '<';
        for (std::size_t k = i + 1; k < end; ++k)
            out += char(std::tolower(static_cast<unsigned char>(text[k])));
        out += " object>";
        i = end + tail->size();
    }
    return out;
}

} // namespace

std::string OutputComparer::normalize(std::string_view input)
{
    // Terminal semantics first: CR LF is LF; a bare CR (progress bars) rewrites the line.
    std::string lines;
    lines.reserve(input.size());
    for (std::size_t i = 0; i < input.size(); ++i) {
        const char c = input[i];
        if (c == '\r') {
            if (i + 1 < input.size() && input[i + 1] == '\n')
                continue;
            const std::size_t lineStart = lines.rfind('\n');
            lines.resize(lineStart == std::string::npos ? 0 : lineStart + 1);
            continue;
        }
        if (c == '\x1b' && i + 1 < input.size() && input[i + 1] == '[') {
            // ANSI colour and cursor codes (IPython colours tracebacks).
            std::size_t end = i + 2;
            while (end < input.size() && !(input[end] >= '@' && input[end] <= '~'))
                ++end;
            i = end;
            continue;
        }
        lines += c;
    }

    // Whole lines that only timing produces: the %timeit summary becomes one placeholder, its
    // "slowest run" warning goes.
    if (lines.find("per loop") != std::string::npos || lines.find("The slowest run") != std::string::npos) {
        std::string kept;
        kept.reserve(lines.size());
        std::size_t start = 0;
        while (start < lines.size()) {
            std::size_t end = lines.find('\n', start);
            const std::size_t next = end == std::string::npos ? lines.size() : end + 1;
            if (end == std::string::npos)
                end = lines.size();
            const std::string_view line = std::string_view(lines).substr(start, end - start);
            if (!isTimeitWarning(line)) { // else the line goes with its newline
                kept += isTimeitSummary(line) ? std::string_view("<timeit>") : line;
                kept.append(lines, end, next - end);
            }
            start = next;
        }
        lines = std::move(kept);
    }

    std::string out;
    out.reserve(lines.size());
    const std::string_view text = lines;
    for (std::size_t i = 0; i < text.size();) {
        const bool wordStart = i == 0 || !isWordChar(text[i - 1]);
        if (wordStart && text.substr(i, 2) == "0x" && hexRun(text, i + 2) >= 4) {
            out += "0x<address>";
            i += 2 + hexRun(text, i + 2);
            continue;
        }
        if (wordStart && isHex(text[i])) {
            if (const std::size_t length = uuidAt(text, i)) {
                out += "<uuid>";
                i += length;
                continue;
            }
        }
        if (wordStart && isDigit(text[i])) {
            if (const std::size_t length = timestampAt(text, i)) {
                out += "<timestamp>";
                i += length;
                continue;
            }
            if (const std::size_t number = decimalAt(text, i)) {
                if (const std::size_t unit = timeUnitAt(text, i + number)) {
                    out += "<time>";
                    i += number + unit;
                    continue;
                }
            }
        }
        out += text[i];
        ++i;
    }

    // Trailing whitespace of each line and trailing blank lines.
    std::string result;
    result.reserve(out.size());
    std::size_t start = 0;
    while (start <= out.size()) {
        std::size_t end = out.find('\n', start);
        if (end == std::string::npos)
            end = out.size();
        std::size_t last = end;
        while (last > start && (out[last - 1] == ' ' || out[last - 1] == '\t'))
            --last;
        result.append(out, start, last - start);
        if (end == out.size())
            break;
        result += '\n';
        start = end + 1;
    }
    while (!result.empty() && result.back() == '\n')
        result.pop_back();
    return withDefaultReprsAlike(result);
}

bool OutputComparer::textsMatch(std::string_view expected, std::string_view actual, const Options &options)
{
    const std::string a = normalize(expected);
    const std::string b = normalize(actual);
    if (a == b)
        return true;
    const std::vector<Token> left = tokenize(a);
    const std::vector<Token> right = tokenize(b);
    if (left.size() != right.size())
        return false;
    for (std::size_t k = 0; k < left.size(); ++k) {
        const Token &x = left[k];
        const Token &y = right[k];
        if (x.number != y.number)
            return false;
        if (!x.number) {
            if (x.text != y.text)
                return false;
            continue;
        }
        if (x.integer && y.integer) {
            if (x.text != y.text)
                return false;
            continue;
        }
        if (std::isnan(x.value) || std::isnan(y.value))
            return false;
        const double difference = std::fabs(x.value - y.value);
        const double scale = std::max(std::fabs(x.value), std::fabs(y.value));
        if (difference > options.absoluteTolerance && difference > options.relativeTolerance * scale)
            return false;
    }
    return true;
}

int OutputComparer::hashDistance(std::string_view a, std::string_view b)
{
    if (a.size() != b.size() || a.empty())
        return 64;
    int distance = 0;
    for (std::size_t k = 0; k < a.size(); ++k) {
        const int x
            = std::isdigit(static_cast<unsigned char>(a[k])) ? a[k] - '0' : std::tolower(a[k]) - 'a' + 10;
        const int y
            = std::isdigit(static_cast<unsigned char>(b[k])) ? b[k] - '0' : std::tolower(b[k]) - 'a' + 10;
        distance += __builtin_popcount(unsigned(x ^ y) & 0xfu);
    }
    return distance;
}

std::vector<ComparableOutput> OutputComparer::comparable(
    const std::vector<Output> &outputs, const SignatureLookup &images)
{
    std::vector<ComparableOutput> result;
    for (std::size_t index = 0; index < outputs.size(); ++index) {
        const Output &output = outputs[index];
        ComparableOutput item;
        item.outputIndex = int(index);
        switch (output.type) {
        case OutputType::Stream: {
            if (output.streamName != "stdout")
                continue;
            // Jupyter splits a stream into several outputs at will; join neighbours.
            if (!result.empty() && result.back().kind == ComparableOutput::Kind::Text
                && result.back().label == "stdout" && result.back().outputIndex == int(index) - 1) {
                result.back().text += output.text;
                result.back().outputIndex = int(index);
                continue;
            }
            item.label = "stdout";
            item.text = output.text;
            break;
        }
        case OutputType::ExecuteResult:
        case OutputType::DisplayData: {
            const MimeItem *image = output.find("image/png");
            if (!image)
                image = output.find("image/jpeg");
            if (image) {
                item.kind = ComparableOutput::Kind::Image;
                item.label = image->mimeType;
                if (images)
                    item.image = images(int(index), *image);
                break;
            }
            const MimeItem *text = output.find("text/plain");
            if (!text)
                text = output.find("text/html");
            if (!text && !output.data.empty())
                text = &output.data.front();
            if (!text)
                continue;
            item.label = text->mimeType;
            item.text = text->data;
            break;
        }
        case OutputType::Error:
            item.kind = ComparableOutput::Kind::Error;
            item.label = "error";
            item.text = output.details().errorName + ": " + output.details().errorValue;
            break;
        case OutputType::Unknown:
            continue;
        }
        result.push_back(std::move(item));
    }
    // Blank stdout (a print() of nothing) reproduces trivially; keep it out of the count.
    std::erase_if(result, [](const ComparableOutput &item) {
        return item.kind == ComparableOutput::Kind::Text && item.label == "stdout"
            && normalize(item.text).empty();
    });
    return result;
}

OutputComparer::Difference OutputComparer::compare(const std::vector<ComparableOutput> &expected,
    const std::vector<ComparableOutput> &actual, const Options &options)
{
    Difference difference;
    const std::size_t common = std::min(expected.size(), actual.size());
    for (std::size_t k = 0; k < common; ++k) {
        const ComparableOutput &a = expected[k];
        const ComparableOutput &b = actual[k];
        difference.index = int(k);
        difference.outputIndex = a.outputIndex;
        if (a.kind != b.kind || a.label != b.label) {
            difference.same = false;
            difference.expected = describe(a);
            difference.actual = describe(b);
            difference.reason = Message("verify.output-kind")
                                    .arg("output", k + 1)
                                    .arg("actual_label", b.label)
                                    .arg("expected_label", a.label);
            return difference;
        }
        if (a.kind == ComparableOutput::Kind::Image) {
            const auto near = [&](int x, int y) {
                return std::abs(x - y)
                    <= std::max(1, int(std::lround(options.maxSizeDifference * std::max(x, y))));
            };
            const bool hashesKnown = !a.image.averageHash.empty() && !b.image.averageHash.empty();
            // The same figure at another resolution (matplotlib-inline's default dpi went from
            // 72 to 100) is the same result: the average hash is taken at 8x8 whatever the size.
            const bool sizeMatches
                = (near(a.image.width, b.image.width) && near(a.image.height, b.image.height))
                || (hashesKnown && sameAspect(a.image, b.image, options.maxSizeDifference));
            const int distance = hashesKnown ? hashDistance(a.image.averageHash, b.image.averageHash) : 0;
            if (!sizeMatches || distance > options.maxHashDistance) {
                difference.same = false;
                difference.expected = describe(a) + (hashesKnown ? " hash " + a.image.averageHash : "");
                difference.actual = describe(b) + (hashesKnown ? " hash " + b.image.averageHash : "");
                difference.reason = Message(sizeMatches ? "verify.image-looks" : "verify.image-size")
                                        .arg("output", k + 1)
                                        .arg("distance", distance);
                return difference;
            }
            continue;
        }
        if (!textsMatch(a.text, b.text, options)) {
            difference.same = false;
            const auto [left, right] = firstDifferentLines(normalize(a.text), normalize(b.text));
            difference.expected = left;
            difference.actual = right;
            difference.reason = a.kind == ComparableOutput::Kind::Error
                ? Message("verify.other-error")
                : Message("verify.output-differs").arg("output", k + 1).arg("label", a.label);
            return difference;
        }
    }
    if (expected.size() != actual.size()) {
        difference.same = false;
        difference.index = int(common);
        if (expected.size() > actual.size()) {
            difference.outputIndex = expected[common].outputIndex;
            difference.expected = describe(expected[common]);
            difference.actual = "(nothing)";
            difference.reason = Message("verify.fewer-outputs")
                                    .arg("actual_count", actual.size())
                                    .arg("expected_count", expected.size());
        } else {
            difference.outputIndex = actual[common].outputIndex;
            difference.expected = "(nothing)";
            difference.actual = describe(actual[common]);
            difference.reason = Message("verify.more-outputs")
                                    .arg("actual_count", actual.size())
                                    .arg("expected_count", expected.size());
        }
    }
    return difference;
}

} // namespace tassel
