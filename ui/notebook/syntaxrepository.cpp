#include "notebook/syntaxrepository.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>

#include <QRegularExpression>

namespace tassel::ui {

KSyntaxHighlighting::Repository &SyntaxRepository::instance()
{
    static KSyntaxHighlighting::Repository repository;
    return repository;
}

KSyntaxHighlighting::Definition SyntaxRepository::definitionForLanguage(const QString &language)
{
    auto &repository = instance();
    // Kernel metadata names that KSyntaxHighlighting spells differently.
    static const QHash<QString, QString> aliases = {
        {QStringLiteral("r"), QStringLiteral("R Script")},
        {QStringLiteral("f#"), QStringLiteral("FSharp")},
        {QStringLiteral("c++"), QStringLiteral("C++")},
        {QStringLiteral("wolfram language"), QStringLiteral("Mathematica")},
        {QStringLiteral("sage"), QStringLiteral("Python")},
    };
    const QString key = language.toLower();
    const QString name = aliases.value(key, language);
    auto definition = repository.definitionForName(name);
    if (definition.isValid())
        return definition;
    for (const auto &candidate : repository.definitions()) {
        if (candidate.name().toLower() == key)
            return candidate;
    }
    return {};
}

KSyntaxHighlighting::Definition SyntaxRepository::definitionForCell(
    const QString &source, const QString &language)
{
    static const QRegularExpression cellMagic(QStringLiteral("^\\s*%%(\\w+)"));
    auto &repository = instance();
    if (!language.isEmpty() && language.compare(QStringLiteral("python"), Qt::CaseInsensitive) != 0) {
        const auto definition = definitionForLanguage(language);
        if (definition.isValid())
            return definition;
        return repository.definitionForName(QStringLiteral("None"));
    }
    const auto match = cellMagic.match(source);
    if (match.hasMatch()) {
        const QString magic = match.captured(1);
        static const QHash<QString, QString> definitionByMagic = {
            {QStringLiteral("bash"), QStringLiteral("Bash")},
            {QStringLiteral("sh"), QStringLiteral("Bash")},
            {QStringLiteral("script"), QStringLiteral("Bash")},
            {QStringLiteral("sql"), QStringLiteral("SQL")},
            {QStringLiteral("html"), QStringLiteral("HTML")},
            {QStringLiteral("HTML"), QStringLiteral("HTML")},
            {QStringLiteral("javascript"), QStringLiteral("JavaScript")},
            {QStringLiteral("js"), QStringLiteral("JavaScript")},
            {QStringLiteral("latex"), QStringLiteral("LaTeX")},
            {QStringLiteral("markdown"), QStringLiteral("Markdown")},
            {QStringLiteral("perl"), QStringLiteral("Perl")},
            {QStringLiteral("ruby"), QStringLiteral("Ruby")},
            {QStringLiteral("svg"), QStringLiteral("XML")},
            {QStringLiteral("writefile"), QStringLiteral("Python")},
        };
        const auto it = definitionByMagic.constFind(magic);
        if (it != definitionByMagic.constEnd()) {
            const auto definition = repository.definitionForName(it.value());
            if (definition.isValid())
                return definition;
        }
    }
    return repository.definitionForName(QStringLiteral("Python"));
}

} // namespace tassel::ui
