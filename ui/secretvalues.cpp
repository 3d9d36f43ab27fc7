#include "secretvalues.h"

#include "notebookmodel.h"

#include "analysis/secretscanner.h"
#include "verify/verifyreportwriter.h"

#include <algorithm>

namespace tassel::ui {

namespace {
/// The text a finding's range covers in `text`, found by masking just that range and keeping
/// what differs, so the range arithmetic stays the notebook model's.
std::string rangeText(const std::string &text, const Finding &finding)
{
    const std::string masked = NotebookModel::maskRanges(text, {&finding});
    std::size_t prefix = 0;
    while (prefix < text.size() && prefix < masked.size() && text[prefix] == masked[prefix])
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < text.size() - prefix && suffix < masked.size() - prefix
        && text[text.size() - 1 - suffix] == masked[masked.size() - 1 - suffix])
        ++suffix;
    return text.substr(prefix, text.size() - prefix - suffix);
}

std::vector<std::string> candidateTexts(const Notebook &notebook, const Finding &finding)
{
    std::vector<std::string> texts;
    if (finding.cell < 0 || std::size_t(finding.cell) >= notebook.cells.size())
        return texts;
    const Cell &cell = notebook.cells[std::size_t(finding.cell)];
    if (finding.outputIndex < 0) {
        texts.push_back(cell.source);
        return texts;
    }
    if (std::size_t(finding.outputIndex) >= cell.outputs.size())
        return texts;
    const Output &output = cell.outputs[std::size_t(finding.outputIndex)];
    texts.push_back(output.text);
    for (const MimeItem &item : output.data) {
        if (!item.isBinary())
            texts.push_back(item.data);
    }
    std::string traceback;
    for (const std::string &line : output.traceback)
        traceback += line + '\n';
    texts.push_back(traceback);
    texts.push_back(output.errorValue);
    texts.push_back(output.plainText());
    return texts;
}
} // namespace

SecretValues::SecretValues(const Notebook &notebook, const NotebookAnalysis &analysis)
{
    for (const Finding &finding : analysis.findings) {
        if (finding.rule != "hardcoded-secret" || finding.line <= 0)
            continue;
        for (const std::string &text : candidateTexts(notebook, finding)) {
            const std::string value = rangeText(text, finding);
            // The fingerprint proves the range was read from the text the scanner saw.
            if (value.empty() || SecretScanner::fingerprint(finding.secretKind, value) != finding.fingerprint)
                continue;
            m_secrets.push_back(
                {value, finding.maskedPreview.empty() ? SecretScanner::mask(value) : finding.maskedPreview});
            break;
        }
    }
    // Longest first, so a secret that contains another is replaced whole.
    std::sort(m_secrets.begin(), m_secrets.end(),
        [](const Secret &a, const Secret &b) { return a.value.size() > b.value.size(); });
}

std::string SecretValues::mask(std::string_view text) const
{
    std::string masked(text);
    for (const Secret &secret : m_secrets) {
        for (std::size_t at = masked.find(secret.value); at != std::string::npos;
             at = masked.find(secret.value, at + secret.preview.size()))
            masked.replace(at, secret.value.size(), secret.preview);
    }
    return VerifyReportWriter::maskLikelySecrets(masked);
}

} // namespace tassel::ui
