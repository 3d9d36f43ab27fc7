#pragma once

#include "analysis/notebookanalysis.h"

#include <QCoreApplication>
#include <QPalette>
#include <QString>

#include <optional>

namespace KSyntaxHighlighting {
class Theme;
} // namespace KSyntaxHighlighting

namespace tassel::ui {

/// The GUI's colour scheme: the platform's style and palette (System), or Fusion with a light or
/// a dark palette. Hand-drawn views ask it whether the palette is dark and how to adapt their
/// fixed colours, so one notion of "dark" serves the delegate, the graph, the timeline, the
/// findings and the syntax highlighting. GUI thread only.
class Theme
{
    Q_DECLARE_TR_FUNCTIONS(Theme)
public:
    enum class Mode { System, Light, Dark };

    /// "system", "light" or "dark" (the settings value and `tassel gui --theme`).
    static QString name(Mode mode);
    static std::optional<Mode> fromName(const QString &name);
    /// The mode stored in QSettings (System when none is).
    static Mode configured();
    static void setConfigured(Mode mode);
    /// Sets the application's style and palette at once; every widget gets a PaletteChange.
    static void apply(Mode mode);
    /// The mode of the last apply() (System before any).
    static Mode current();

    /// Whether text is light on dark in `palette`.
    static bool isDark(const QPalette &palette);
    /// The KSyntaxHighlighting default theme (light or dark) that matches `palette`.
    static const KSyntaxHighlighting::Theme &syntaxTheme(const QPalette &palette);
    /// A fill made for a light background (a pastel), toned down to sit on a dark one.
    static QColor fill(const QColor &lightFill, const QPalette &palette);
    /// A colour for text or lines (severity red, link blue), lightened enough to read on a dark
    /// background; unchanged on a light one.
    static QColor ink(const QColor &colour, const QPalette &palette);
    /// The colour of an overall status (ok green, risky as a warning, broken as an error), readable
    /// on `palette`.
    static QColor statusColor(VerdictStatus status, const QPalette &palette);
    /// Fusion's colours for dark mode.
    static QPalette darkPalette();
};

} // namespace tassel::ui
