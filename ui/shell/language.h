#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace tassel::ui {

/// Which translation the GUI speaks: the system locale unless Settings override it. The
/// translations are compiled into the binary (qt_add_translations, resource prefix /i18n).
class Language
{
    Q_DECLARE_TR_FUNCTIONS(Language)
public:
    /// Language codes with a translation, plus "en" (the source language).
    static QStringList available();
    /// The language's own name, e.g. "Deutsch".
    static QString nativeName(const QString &code);
    /// The override stored in QSettings; empty means "follow the system".
    static QString configured();
    static void setConfigured(const QString &code);
    /// Installs the translation for `code` (empty: the system locale) in the application, with
    /// Qt's own (qtbase_<code>.qm from QLibraryInfo's translations path, when installed) for
    /// standard buttons and dialogs; widgets get a LanguageChange event. Returns false when no
    /// translation exists for it.
    static bool apply(const QString &code);
    /// The language code in effect after the last apply().
    static QString current();
};

} // namespace tassel::ui
