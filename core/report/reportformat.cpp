#include "reportformat.h"

#include "htmlreport.h"
#include "jsonreport.h"
#include "sarifreport.h"

namespace tassel::reportformat {

const std::vector<std::string> &names()
{
    static const std::vector<std::string> formats = {"json", "sarif", "html", "markdown"};
    return formats;
}

std::optional<std::string> render(const std::string &format, const std::vector<NotebookAnalysis> &analyses)
{
    if (format == "json")
        return JsonReport::render(analyses);
    if (format == "sarif")
        return SarifReport::render(analyses);
    if (format == "html")
        return HtmlReport::render(analyses);
    if (format == "markdown")
        return MarkdownReport::render(analyses);
    return std::nullopt;
}

} // namespace tassel::reportformat
