#pragma once

#include "analysis/finding.h"
#include "analysis/notebookanalysis.h"
#include "analysis/rulecatalog.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace tassel::ui {

/// Words and colours for finding rules and severities. Core speaks rule ids ("stale-output");
/// the UI words them here, through tr(), so every panel says the same thing.
class RuleText
{
    Q_DECLARE_TR_FUNCTIONS(RuleText)
public:
    /// A title for a rule id, e.g. "Stale output"; the id itself for rules this build does not know.
    static QString title(const std::string &rule);
    /// A short badge label, e.g. "stale".
    static QString badge(const std::string &rule);
    /// The rule's one-line fix, translated where the catalogue has it (context "RuleFix").
    static QString fix(const RuleInfo &rule);
    /// A core message in the current language: its template translated (context "Message"),
    /// then the arguments put in; `english` (core's rendering) for an id the catalogue does not know.
    static QString message(const Message &message, const std::string &english);
    /// The finding's message in the current language.
    static QString message(const Finding &finding);
    static QString severity(Severity severity);
    /// The overall status: "OK", "Risky", "Broken".
    static QString verdict(VerdictStatus status);
    static QColor severityColor(Severity severity);
};

} // namespace tassel::ui
