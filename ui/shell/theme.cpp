#include "shell/theme.h"

#include "analysis/ruletext.h"
#include "notebook/syntaxrepository.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

namespace tassel::ui {

namespace {
const QString kSettingsKey = QStringLiteral("theme");
const QString kFusion = QStringLiteral("Fusion");

/// What the platform gave the application before the first apply(), to return to for System.
struct Platform
{
    QString style;
    QPalette palette;
};

const Platform &platform()
{
    static const Platform saved {QApplication::style()->name(), QApplication::palette()};
    return saved;
}

Theme::Mode &currentMode()
{
    static Theme::Mode mode = Theme::Mode::System;
    return mode;
}

QColor mix(const QColor &a, const QColor &b, qreal weightOfA)
{
    const auto channel = [&](int x, int y) { return int(x * weightOfA + y * (1 - weightOfA) + 0.5); };
    return QColor(channel(a.red(), b.red()), channel(a.green(), b.green()), channel(a.blue(), b.blue()));
}
} // namespace

QString Theme::name(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::Dark:
        return QStringLiteral("dark");
    case Mode::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<Theme::Mode> Theme::fromName(const QString &name)
{
    for (const Mode mode : {Mode::System, Mode::Light, Mode::Dark})
        if (name.compare(Theme::name(mode), Qt::CaseInsensitive) == 0)
            return mode;
    return std::nullopt;
}

Theme::Mode Theme::configured()
{
    return fromName(QSettings().value(kSettingsKey).toString()).value_or(Mode::System);
}

void Theme::setConfigured(Mode mode)
{
    QSettings settings;
    if (mode == Mode::System)
        settings.remove(kSettingsKey);
    else
        settings.setValue(kSettingsKey, name(mode));
}

void Theme::apply(Mode mode)
{
    const Platform &saved = platform();
    currentMode() = mode;
    if (mode == Mode::System) {
        if (QApplication::style()->name().compare(saved.style, Qt::CaseInsensitive) != 0)
            QApplication::setStyle(QStyleFactory::create(saved.style));
        QApplication::setPalette(saved.palette);
        return;
    }
    if (QApplication::style()->name().compare(kFusion, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(kFusion));
    QApplication::setPalette(mode == Mode::Dark ? darkPalette() : QApplication::style()->standardPalette());
}

Theme::Mode Theme::current()
{
    return currentMode();
}

bool Theme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

const KSyntaxHighlighting::Theme &Theme::syntaxTheme(const QPalette &palette)
{
    static const KSyntaxHighlighting::Theme light
        = SyntaxRepository::instance().defaultTheme(KSyntaxHighlighting::Repository::LightTheme);
    static const KSyntaxHighlighting::Theme dark
        = SyntaxRepository::instance().defaultTheme(KSyntaxHighlighting::Repository::DarkTheme);
    return isDark(palette) ? dark : light;
}

QColor Theme::fill(const QColor &lightFill, const QPalette &palette)
{
    // A third of the pastel over the dark base keeps the hue and the text on it readable.
    return isDark(palette) ? mix(lightFill, palette.color(QPalette::Base), 0.35) : lightFill;
}

QColor Theme::ink(const QColor &colour, const QPalette &palette)
{
    if (!isDark(palette))
        return colour;
    QColor light = colour.toHsl();
    light.setHsl(light.hslHue(), light.hslSaturation(), std::max(light.lightness(), 165));
    return light.toRgb();
}

QColor Theme::statusColor(VerdictStatus status, const QPalette &palette)
{
    switch (status) {
    case VerdictStatus::Ok:
        return ink(QColor(0x1b, 0x7f, 0x2a), palette);
    case VerdictStatus::Risky:
        return ink(RuleText::severityColor(Severity::Warning), palette);
    case VerdictStatus::Broken:
        break;
    }
    return ink(RuleText::severityColor(Severity::Error), palette);
}

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2e);
    const QColor base(0x1e, 0x1e, 0x21);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x2a));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3e));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x39));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4f));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x3e, 0x43));
    p.setColor(QPalette::Mid, QColor(0x5a, 0x5a, 0x60));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x1a));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0e));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb0, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xc0, 0x8c, 0xff));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace tassel::ui
