#include "shell/language.h"

#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace tassel::ui {

namespace {
const QString kSettingsKey = QStringLiteral("language");
const QString kResourceFolder = QStringLiteral(":/i18n");

QTranslator *&installed()
{
    static QTranslator *translator = nullptr;
    return translator;
}

/// Qt's own translation (qtbase_<lang>.qm: standard buttons, QWizard's Back/Next), when installed.
QTranslator *&installedQt()
{
    static QTranslator *translator = nullptr;
    return translator;
}

void remove(QTranslator *&translator)
{
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
    translator = nullptr;
}

void installQtTranslation(const QString &code)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(
            QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        return;
    installedQt() = translator.release();
    QCoreApplication::installTranslator(installedQt());
}

QString &currentCode()
{
    static QString code = QStringLiteral("en");
    return code;
}
} // namespace

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QString Language::nativeName(const QString &code)
{
    const QLocale locale(code);
    const QString name = locale.nativeLanguageName();
    return name.isEmpty() ? code : name.left(1).toUpper() + name.mid(1);
}

QString Language::configured()
{
    return QSettings().value(kSettingsKey).toString();
}

void Language::setConfigured(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(kSettingsKey);
    else
        settings.setValue(kSettingsKey, code);
}

bool Language::apply(const QString &code)
{
    remove(installedQt());
    remove(installed());
    auto translator = std::make_unique<QTranslator>();
    bool loaded = false;
    if (code.isEmpty()) {
        loaded = translator->load(
            QLocale::system(), QStringLiteral("tassel"), QStringLiteral("_"), kResourceFolder);
    } else if (code != QStringLiteral("en")) {
        loaded = translator->load(QStringLiteral("tassel_") + code, kResourceFolder);
    }
    if (!loaded) {
        currentCode() = QStringLiteral("en");
        // Tell widgets anyway, so switching back to English re-words them.
        if (QCoreApplication::instance()) {
            QEvent change(QEvent::LanguageChange);
            QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
        }
        return code.isEmpty() || code == QStringLiteral("en");
    }
    currentCode() = translator->language().section(QLatin1Char('_'), 0, 0);
    installQtTranslation(currentCode());
    installed() = translator.release();
    QCoreApplication::installTranslator(installed());
    return true;
}

QString Language::current()
{
    return currentCode();
}

} // namespace tassel::ui
