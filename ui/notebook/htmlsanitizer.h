#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace tassel::ui {

/// Turns untrusted HTML (a notebook's `text/html` outputs, raw HTML in its markdown) into HTML
/// that QTextDocument shows without doing anything its author asked for. An allowlist of tags
/// and attributes: no scripts, styles, event attributes, forms, frames or loading CSS ever
/// reach the document; links survive only as http(s), mailto or in-notebook anchors (`#id`);
/// images only from cell attachments, `data:image/…` URIs or relative files, and are never
/// loaded by the document itself: each is listed in Result::images and appears in the HTML as
/// `tassel-image:<index>`, for the caller to resolve and add as a resource. Output tags are
/// balanced. Pure functions over QtCore (no Widgets), safe from any thread.
class HtmlSanitizer
{
    Q_DECLARE_TR_FUNCTIONS(tassel::ui::HtmlSanitizer)
public:
    struct Options
    {
        /// Body rows kept per table (0: all); the rest become one "… N more rows" line.
        int maxTableRows = 0;
    };
    struct Result
    {
        QString html;
        QStringList images; ///< allowed image sources, by index of `tassel-image:<index>`
        int droppedRows = 0; ///< table rows left out by Options::maxTableRows
        QStringList anchors; ///< the `id` and `name` values kept, in-notebook link targets
    };

    static Result sanitize(const QString &html, const Options &options);
    static Result sanitize(const QString &html) { return sanitize(html, Options()); }
    /// Whether a link may stay a link: http, https, mailto, or an anchor within the notebook.
    static bool isSafeLink(const QString &href);
    /// Whether an image may be shown: `attachment:`, `data:image/{png,jpeg,gif,bmp,webp}`, or a
    /// relative path that stays inside the notebook's folder.
    static bool isSafeImageSource(const QString &src);
    /// The scheme prefix sanitised image sources carry in the HTML.
    static QString imageScheme() { return QStringLiteral("tassel-image"); }
};

} // namespace tassel::ui
