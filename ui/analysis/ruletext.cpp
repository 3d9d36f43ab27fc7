#include "analysis/ruletext.h"

#include "util/messagecatalog.h"

namespace tassel::ui {

namespace {
struct RuleWords
{
    const char *id;
    const char *title;
    const char *badge;
};

// QT_TRANSLATE_NOOP marks the words for lupdate; translation happens when they are shown.
constexpr RuleWords kRules[] = {
    {"use-before-definition", QT_TRANSLATE_NOOP("RuleText", "Used before definition"),
        QT_TRANSLATE_NOOP("RuleText", "use before def")},
    {"undefined-name", QT_TRANSLATE_NOOP("RuleText", "Undefined name"),
        QT_TRANSLATE_NOOP("RuleText", "undefined")},
    {"syntax-error", QT_TRANSLATE_NOOP("RuleText", "Syntax error"),
        QT_TRANSLATE_NOOP("RuleText", "syntax error")},
    {"python2", QT_TRANSLATE_NOOP("RuleText", "Python 2 code"), QT_TRANSLATE_NOOP("RuleText", "Python 2")},
    {"out-of-order-execution", QT_TRANSLATE_NOOP("RuleText", "Out-of-order execution"),
        QT_TRANSLATE_NOOP("RuleText", "out of order")},
    {"stale-output", QT_TRANSLATE_NOOP("RuleText", "Stale output"), QT_TRANSLATE_NOOP("RuleText", "stale")},
    {"unexecuted-cell", QT_TRANSLATE_NOOP("RuleText", "Unexecuted cell"),
        QT_TRANSLATE_NOOP("RuleText", "not run")},
    {"error-output", QT_TRANSLATE_NOOP("RuleText", "Stored error"),
        QT_TRANSLATE_NOOP("RuleText", "error output")},
    {"nondeterministic-output", QT_TRANSLATE_NOOP("RuleText", "Nondeterministic output"),
        QT_TRANSLATE_NOOP("RuleText", "changes per run")},
    {"execution-gap", QT_TRANSLATE_NOOP("RuleText", "Execution gap"), QT_TRANSLATE_NOOP("RuleText", "gap")},
    {"non-idempotent-cell", QT_TRANSLATE_NOOP("RuleText", "Non-idempotent cell"),
        QT_TRANSLATE_NOOP("RuleText", "not idempotent")},
    {"opaque-code", QT_TRANSLATE_NOOP("RuleText", "Opaque code"), QT_TRANSLATE_NOOP("RuleText", "opaque")},
    {"analysis-limit", QT_TRANSLATE_NOOP("RuleText", "Analysis limit"),
        QT_TRANSLATE_NOOP("RuleText", "limit")},
    {"hardcoded-secret", QT_TRANSLATE_NOOP("RuleText", "Hard-coded secret"),
        QT_TRANSLATE_NOOP("RuleText", "secret")},
    {"unpinned-dependency", QT_TRANSLATE_NOOP("RuleText", "Unpinned dependency"),
        QT_TRANSLATE_NOOP("RuleText", "unpinned")},
    {"undeclared-dependency", QT_TRANSLATE_NOOP("RuleText", "Undeclared dependency"),
        QT_TRANSLATE_NOOP("RuleText", "undeclared")},
    {"unused-declaration", QT_TRANSLATE_NOOP("RuleText", "Unused declaration"),
        QT_TRANSLATE_NOOP("RuleText", "unused")},
    {"shell-install", QT_TRANSLATE_NOOP("RuleText", "Install from a shell"),
        QT_TRANSLATE_NOOP("RuleText", "shell install")},
    {"hardcoded-path", QT_TRANSLATE_NOOP("RuleText", "Hard-coded path"),
        QT_TRANSLATE_NOOP("RuleText", "absolute path")},
    {"missing-input", QT_TRANSLATE_NOOP("RuleText", "Missing input file"),
        QT_TRANSLATE_NOOP("RuleText", "missing input")},
    {"network-input", QT_TRANSLATE_NOOP("RuleText", "Data read from the network"),
        QT_TRANSLATE_NOOP("RuleText", "network")},
    {"swallowed-exception", QT_TRANSLATE_NOOP("RuleText", "Swallowed exception"),
        QT_TRANSLATE_NOOP("RuleText", "swallowed")},
};

const RuleWords *find(const std::string &rule)
{
    for (const auto &words : kRules) {
        if (rule == words.id)
            return &words;
    }
    return nullptr;
}
} // namespace

QString RuleText::title(const std::string &rule)
{
    const auto *words = find(rule);
    return words ? tr(words->title) : QString::fromStdString(rule);
}

QString RuleText::badge(const std::string &rule)
{
    const auto *words = find(rule);
    return words ? tr(words->badge) : QString::fromStdString(rule);
}

QString RuleText::severity(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return tr("Info");
    case Severity::Warning:
        return tr("Warning");
    case Severity::Error:
        return tr("Error");
    }
    return tr("Warning");
}

QString RuleText::verdict(VerdictStatus status)
{
    switch (status) {
    case VerdictStatus::Ok:
        return tr("OK");
    case VerdictStatus::Risky:
        return tr("Risky");
    case VerdictStatus::Broken:
        return tr("Broken");
    }
    return tr("Broken");
}

QColor RuleText::severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return QColor(0x2b, 0x7b, 0xb9);
    case Severity::Warning:
        return QColor(0xd9, 0x82, 0x1e);
    case Severity::Error:
        return QColor(0xc9, 0x30, 0x2c);
    }
    return QColor(0xd9, 0x82, 0x1e);
}

QString RuleText::message(const Message &message, const std::string &english)
{
    if (!MessageCatalog::find(message.id))
        return QString::fromStdString(english);
    return QString::fromStdString(MessageCatalog::render(message, [](const char *text) {
        return QCoreApplication::translate(MessageCatalog::kContext, text).toStdString();
    }));
}

QString RuleText::message(const Finding &finding)
{
    return message(finding.messageKey, finding.message);
}

QString RuleText::fix(const RuleInfo &rule)
{
    // Core keeps the English sentence (reports print it); the translation is looked up by it.
    return QCoreApplication::translate("RuleFix", rule.fix.c_str());
}

} // namespace tassel::ui
