#include "analysis/erroroutputs.h"

#include <string_view>

namespace tassel {

namespace {

bool isTracebackStream(const Output &output)
{
    return output.type == OutputType::Stream
        && output.text.find("Traceback (most recent call last)") != std::string::npos;
}

} // namespace

std::vector<Finding> ErrorOutputs::findings(const Notebook &notebook)
{
    std::vector<Finding> findings;
    for (std::size_t c = 0; c < notebook.cells.size(); ++c) {
        const Cell &cell = notebook.cells[c];
        for (std::size_t o = 0; o < cell.outputs.size(); ++o) {
            const Output &output = cell.outputs[o];
            if (output.type != OutputType::Error && !isTracebackStream(output))
                continue;
            Finding finding;
            finding.rule = "error-output";
            finding.severity = Severity::Warning;
            finding.cell = int(c);
            finding.cellId = cell.id;
            finding.outputIndex = int(o);
            finding.location = "output";
            // The exception's name only: its value may quote data or credentials.
            Message message = output.type == OutputType::Error && !output.details().errorName.empty()
                ? Message("error-output").arg("error", output.details().errorName)
                : Message("error-output.stream")
                      .arg("stream", output.streamName.empty() ? std::string("stream") : output.streamName);
            finding.setMessage(std::move(message.cell("cell", int(c)).arg("output", o + 1)));
            findings.push_back(std::move(finding));
            break; // one finding per cell
        }
    }
    return findings;
}

} // namespace tassel
