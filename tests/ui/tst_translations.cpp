// The GUI speaks German all the way through: core's finding messages (a template id and
// arguments, rendered from the translated template), the rule fixes, and Qt's own buttons
// (qtbase_de.qm). Findings come from notebooks built in memory and analysed by the real parser.
#include "analysis/ruletext.h"
#include "notebookspec.h"
#include "shell/foldermodel.h"
#include "shell/language.h"

#include "analysis/notebookanalyzer.h"
#include "analysis/rulecatalog.h"
#include "util/messagecatalog.h"

#include <QAbstractButton>
#include <QCryptographicHash>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QWizard>

using namespace tassel;
using namespace tassel::ui;

namespace {
/// A placeholder the renderer left as written: `{name}`, `{@name}`, `{name|…}`, `{name:list}`.
const QRegularExpression kPlaceholder(QStringLiteral("\\{@?[a-z_]+[}|:]"));

/// The first finding of `rule`, or null.
const Finding *firstOf(const NotebookAnalysis &analysis, const QString &rule)
{
    const auto found = std::find_if(analysis.findings.begin(), analysis.findings.end(),
        [&](const Finding &f) { return QString::fromStdString(f.rule) == rule; });
    return found == analysis.findings.end() ? nullptr : &*found;
}

QString german(const char *context, const char *english)
{
    return QCoreApplication::translate(context, english);
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void init() { QVERIFY(Language::apply(QStringLiteral("de"))); }
    void cleanupTestCase() { Language::apply(QStringLiteral("en")); }
    void findingMessageInGerman_data();
    void findingMessageInGerman();
    void argumentsInGerman_data();
    void argumentsInGerman();
    void nestedKindsNeedNoAgreement_data();
    void nestedKindsNeedNoAgreement();
    void everyTemplateHasGerman_data();
    void everyTemplateHasGerman();
    void everyFixHasGerman_data();
    void everyFixHasGerman();
    void qtButtonsFollowTheLanguage();
    void folderStatusInGerman();
};

void TestTranslations::findingMessageInGerman_data()
{
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("expected");
    QTest::addRow("use before definition")
        << QStringList {QStringLiteral("1|print(x)"), QStringLiteral("2|x = 1")}
        << QStringLiteral("use-before-definition")
        << QStringLiteral("Zelle 1 verwendet `x`, das erst später in Zelle 2 definiert wird: Von oben nach "
                          "unten ausgeführt löst das einen NameError aus.");
    QTest::addRow("use before definition, read by a function, two later cells")
        << QStringList {QStringLiteral("1|def f():\n    return x"), QStringLiteral("2|f()"),
               QStringLiteral("3|x = 1"), QStringLiteral("4|x = 2")}
        << QStringLiteral("use-before-definition")
        << QStringLiteral(
               "Zelle 2 verwendet `x` (gelesen von `f`, hier aufgerufen und in Zelle 1 definiert), "
               "das erst später in Zellen 3 und 4 definiert wird: Von oben nach unten ausgeführt "
               "löst das einen NameError aus.");
    QTest::addRow("out of order")
        << QStringList {QStringLiteral("2|a = 1"), QStringLiteral("1|b = 2")}
        << QStringLiteral("out-of-order-execution")
        << QStringLiteral("Zelle 2 lief als Ausführung 1, vor Zelle 1 darüber (Ausführung 2): Das Notebook "
                          "wurde nicht von oben nach unten ausgeführt.");
    QTest::addRow("execution gap, plural")
        << QStringList {QStringLiteral("1|a = 1"), QStringLiteral("4|b = 2")}
        << QStringLiteral("execution-gap")
        << QStringLiteral(
               "Die Ausführungszähler springen von 1 (Zelle 1) auf 4 (Zelle 2): 2 Ausführungen "
               "fehlen im Notebook, also wurden Zellen dazwischen erneut ausgeführt, geändert oder "
               "gelöscht.");
    QTest::addRow("execution gap at the start, singular")
        << QStringList {QStringLiteral("2|a = 1")} << QStringLiteral("execution-gap")
        << QStringLiteral(
               "Der erste Ausführungszähler ist 2 (Zelle 1): 1 frühere Ausführung fehlt im Notebook");
    QTest::addRow("undefined name in a cell that ran")
        << QStringList {QStringLiteral("1|print(ghost)")} << QStringLiteral("undefined-name")
        << QStringLiteral(
               "(die gespeicherte Ausführung zeigt, dass diese Zelle lief, der Kernel hatte es also)");
    QTest::addRow("unexecuted cell")
        << QStringList {QStringLiteral("-|a = 1"), QStringLiteral("1|print(a)")}
        << QStringLiteral("unexecuted-cell")
        << QStringLiteral("Zelle 1 wurde nie ausgeführt, doch Zelle 2, die lief, hängt von dem ab, was sie "
                          "definiert (`a`): Ihre Ausgaben stammen von Code, der nicht im Notebook steht.");
    QTest::addRow("syntax error with a hint")
        << QStringList {QStringLiteral("1|https://example.com/data.csv")} << QStringLiteral("syntax-error")
        << QStringLiteral("Zelle 1 ist kein gültiges Python 3 (Zeile 1): eine URL, kein Code; Namen in der "
                          "Anweisung werden nicht geprüft");
    QTest::addRow("non-idempotent cell")
        << QStringList {QStringLiteral("1|items = []"), QStringLiteral("2|items.append(1)")}
        << QStringLiteral("non-idempotent-cell")
        << QStringLiteral("Zelle 2 erneut auszuführen ändert `items` erneut");
    QTest::addRow("star import") << QStringList {QStringLiteral("1|from os.path import *")}
                                 << QStringLiteral("opaque-code")
                                 << QStringLiteral("`from os.path import *` kann jeden Namen definieren");
    QTest::addRow("nondeterministic output")
        << QStringList {QStringLiteral("1|import random\nprint(random.random())")}
        << QStringLiteral("nondeterministic-output")
        << QStringLiteral("Zelle 1 druckt einen Wert, der aus `random.random` stammt (Zeile 2, random)");
    QTest::addRow("swallowed exception")
        << QStringList {QStringLiteral("1|try:\n    x = 1\nexcept:\n    pass")}
        << QStringLiteral("swallowed-exception")
        << QStringLiteral("Zelle 1 Zeile 3: `except:` fängt jeden Fehler ab und macht weiter");
    QTest::addRow("hard-coded path") << QStringList {QStringLiteral(
        "1|import pandas as pd\ndf = pd.read_csv('/home/alice/sales.csv')")}
                                     << QStringLiteral("hardcoded-path")
                                     << QStringLiteral("Zelle 1 liest `/home/alice/sales.csv` (");
    QTest::addRow("shell install") << QStringList {QStringLiteral("1|!pip install numpy")}
                                   << QStringLiteral("shell-install")
                                   << QStringLiteral(
                                          "pip install in Zelle 1 installiert womöglich in ein anderes "
                                          "Python als das des Kernels; verwenden Sie stattdessen %pip "
                                          "install.");
}

void TestTranslations::findingMessageInGerman()
{
    QFETCH(QStringList, cells);
    QFETCH(QString, rule);
    QFETCH(QString, expected);
    const NotebookAnalysis analysis = analyzeNotebook(test::makeNotebook(cells));
    const Finding *found = firstOf(analysis, rule);
    QVERIFY2(found, qPrintable(rule + QStringLiteral(" not found")));
    QVERIFY(MessageCatalog::find(found->messageKey.id));
    // Core keeps the English sentence; the GUI renders the same template in German.
    QCOMPARE(found->message, found->messageKey.english());
    const QString text = RuleText::message(*found);
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY2(!text.contains(kPlaceholder), qPrintable(text));
}

void TestTranslations::argumentsInGerman_data()
{
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<qulonglong>("maxSourceBytes"); // 0: the default analysis limit
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("english"); // a word of the English argument, not in the German
    // Token-shaped values are assembled here, never written whole in the source.
    const QString token = QStringLiteral("gh") + QStringLiteral("p_") + QStringLiteral("Zx9").repeated(12);
    QTest::addRow("secret kind") << QStringList {QStringLiteral("1|token = '") + token + QStringLiteral("'")}
                                 << qulonglong(0) << QStringLiteral("hardcoded-secret")
                                 << QStringLiteral("Ein GitHub-Token (") << QStringLiteral("GitHub token");
    QTest::addRow("secret kind, two words")
        << QStringList {QStringLiteral("1|url = 'https://hooks.slack.com/services/T0000/B0000/")
               + QStringLiteral("Xy7").repeated(8) + QStringLiteral("'")}
        << qulonglong(0) << QStringLiteral("hardcoded-secret") << QStringLiteral("Eine Slack-Webhook-URL")
        << QStringLiteral("webhook URL");
    QTest::addRow("python 2 construct")
        << QStringList {QStringLiteral("1|print 'hello'")} << qulonglong(0) << QStringLiteral("python2")
        << QStringLiteral("(print-Anweisung)") << QStringLiteral("statement");
    QTest::addRow("analysis limit") << QStringList {QStringLiteral("1|x = 1 + 2 + 3 + 4 + 5")}
                                    << qulonglong(8) << QStringLiteral("analysis-limit")
                                    << QStringLiteral("der Quelltext der Zelle hat 21 Bytes, mehr als")
                                    << QStringLiteral("source has");
    QTest::addRow("declaration source")
        << QStringList {QStringLiteral("1|%pip install requests\nimport requests")} << qulonglong(0)
        << QStringLiteral("unpinned-dependency")
        << QStringLiteral("ist ohne jede Versionsangabe deklariert (Quelle: %pip in Zelle 1)")
        << QStringLiteral("in cell");
    QTest::addRow("stale-output providers")
        << QStringList {QStringLiteral("3|x = 1"), QStringLiteral("2|print(x)|1")} << qulonglong(0)
        << QStringLiteral("stale-output") << QStringLiteral("Zelle 1 (Ausführung 3) definiert `x`")
        << QStringLiteral("defines");
}

/// Arguments that are words themselves (a secret's kind, a Python 2 construct, why a cell was
/// not analysed, where a dependency is declared, which cells made outputs stale) are templates
/// too: the German sentence is German throughout.
void TestTranslations::argumentsInGerman()
{
    QFETCH(QStringList, cells);
    QFETCH(qulonglong, maxSourceBytes);
    QFETCH(QString, rule);
    QFETCH(QString, expected);
    QFETCH(QString, english);
    AnalysisOptions options;
    if (maxSourceBytes > 0)
        options.cellLimits.maxSourceBytes = std::size_t(maxSourceBytes);
    const NotebookAnalysis analysis = analyzeNotebook(test::makeNotebook(cells), options);
    const Finding *found = firstOf(analysis, rule);
    QVERIFY2(found, qPrintable(rule + QStringLiteral(" not found")));
    // The English sentence (reports) still says it in English.
    QVERIFY2(QString::fromStdString(found->message).contains(english), found->message.c_str());
    const QString text = RuleText::message(*found);
    QVERIFY2(text.contains(expected), qPrintable(text));
    QVERIFY2(!text.contains(english), qPrintable(text));
    QVERIFY2(!text.contains(kPlaceholder), qPrintable(text));
}

void TestTranslations::nestedKindsNeedNoAgreement_data()
{
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("kind"); // the nested argument in German, whose gender varies
    // Token-shaped values are assembled here, never written whole in the source.
    const QString dashes = QStringLiteral("-----");
    const QString pem = dashes + QStringLiteral("BEGIN RSA ") + QStringLiteral("PRIVATE KEY") + dashes
        + QStringLiteral("\n")
        + QString::fromLatin1(QCryptographicHash::hash("tassel", QCryptographicHash::Sha512).toBase64())
        + QStringLiteral("\n") + dashes + QStringLiteral("END RSA ") + QStringLiteral("PRIVATE KEY") + dashes;
    QTest::addRow("secret of a feminine kind")
        << QStringList {QStringLiteral("1|key = '") + QStringLiteral("AK") + QStringLiteral("IA")
               + QStringLiteral("Q7RZ2M4KXW5PNB3T'")}
        << QStringLiteral("hardcoded-secret") << QStringLiteral("Eine AWS-Zugriffsschlüssel-ID (");
    QTest::addRow("secret of a masculine kind")
        << QStringList {QStringLiteral("1|key = \"\"\"") + pem + QStringLiteral("\"\"\"")}
        << QStringLiteral("hardcoded-secret") << QStringLiteral("Ein privater Schlüssel (");
    // The place brings its own preposition: "im Quelltext", not "in dem Quelltext".
    QTest::addRow("where a secret stands")
        << QStringList {QStringLiteral("1|key = '") + QStringLiteral("AK") + QStringLiteral("IA")
               + QStringLiteral("Q7RZ2M4KXW5PNB3T'")}
        << QStringLiteral("hardcoded-secret")
        << QStringLiteral("steht im Klartext im Quelltext von Zelle 1 (Zeile 1)");
    QTest::addRow("dependency declared in a PEP 723 block")
        << QStringList {QStringLiteral(
               "1|# /// script\n# dependencies = [\"requests\"]\n# ///\nimport requests")}
        << QStringLiteral("unpinned-dependency") << QStringLiteral("PEP-723-Block in Zelle 1");
    QTest::addRow("input missing beside the notebook")
        << QStringList {QStringLiteral("1|import pandas as pd\nprices = pd.read_csv(\"data/nowhere.csv\")")}
        << QStringLiteral("missing-input") << QStringLiteral("liest `data/nowhere.csv`");
}

/// A nested argument (a secret's kind, where a dependency is declared) is a German noun phrase
/// whose gender and case the outer template cannot know: after it, the sentence uses no
/// pronoun, article or preposition that would have to agree with it.
void TestTranslations::nestedKindsNeedNoAgreement()
{
    QFETCH(QStringList, cells);
    QFETCH(QString, rule);
    QFETCH(QString, kind);
    // Saved in an empty folder, so an input it reads is missing beside it.
    const QTemporaryDir folder;
    Notebook notebook = test::makeNotebook(cells);
    notebook.path = folder.filePath(QStringLiteral("analysis.ipynb")).toStdString();
    const NotebookAnalysis analysis = analyzeNotebook(notebook);
    const Finding *found = firstOf(analysis, rule);
    QVERIFY2(found, qPrintable(rule + QStringLiteral(" not found")));
    const QString text = RuleText::message(*found);
    const qsizetype at = text.indexOf(kind);
    QVERIFY2(at >= 0, qPrintable(text));
    // Third-person pronouns (lower case: "laden Sie" is the polite address, not a pronoun).
    static const QRegularExpression pronoun(QStringLiteral("\\b(er|es|sie|ihn|ihm|ihr)\\b"));
    const QString after = text.mid(at + kind.size());
    QVERIFY2(!after.contains(pronoun), qPrintable(text));
    // "in PEP-723-Block" lacks the article a masculine noun needs ("im"); an article-free
    // position ("Quelle: …") fits every kind.
    QVERIFY2(!text.contains(QStringLiteral(" in ") + kind), qPrintable(text));
}

void TestTranslations::everyTemplateHasGerman_data()
{
    QTest::addColumn<QString>("id");
    for (const MessageCatalog::Entry &entry : MessageCatalog::all())
        QTest::addRow("%s", entry.id) << QString::fromLatin1(entry.id);
}

void TestTranslations::everyTemplateHasGerman()
{
    QFETCH(QString, id);
    const char *english = MessageCatalog::find(id.toStdString());
    QVERIFY(english);
    const QString translated = german(MessageCatalog::kContext, english);
    QVERIFY2(translated != QString::fromUtf8(english), "no German translation: run translations/update.sh");
    // The translation uses the template's placeholders, no more and no fewer.
    auto placeholders = [](const std::string &text) {
        auto names = MessageCatalog::placeholders(text);
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
        return names;
    };
    QCOMPARE(placeholders(translated.toStdString()), placeholders(english));
    // Every placeholder filled (a nested one with nothing), none is left as written.
    Message message(id.toStdString());
    for (const std::string &name : placeholders(english))
        message.arg(name, std::string(english).find("{@" + name) != std::string::npos ? "" : "2");
    QVERIFY2(!QString::fromStdString(message.english()).contains(kPlaceholder), english);
    const QString shown = RuleText::message(message, {});
    QVERIFY2(!shown.isEmpty() && !shown.contains(kPlaceholder), qPrintable(shown));
}

void TestTranslations::everyFixHasGerman_data()
{
    QTest::addColumn<QString>("rule");
    for (const RuleInfo &rule : RuleCatalog::all())
        QTest::addRow("%s", rule.id.c_str()) << QString::fromStdString(rule.id);
}

void TestTranslations::everyFixHasGerman()
{
    QFETCH(QString, rule);
    const RuleInfo *info = RuleCatalog::find(rule.toStdString());
    QVERIFY(info);
    QVERIFY2(RuleText::fix(*info) != QString::fromStdString(info->fix), info->fix.c_str());
}

void TestTranslations::qtButtonsFollowTheLanguage()
{
    auto buttons = [] {
        QWizard wizard;
        wizard.addPage(new QWizardPage);
        wizard.addPage(new QWizardPage);
        return wizard.button(QWizard::BackButton)->text().remove(QLatin1Char('&')) + QLatin1Char('|')
            + wizard.button(QWizard::NextButton)->text().remove(QLatin1Char('&'));
    };
    QCOMPARE(buttons(), QStringLiteral("< Zurück|Weiter >"));
    QVERIFY(Language::apply(QStringLiteral("en")));
    QCOMPARE(buttons(), QStringLiteral("< Back|Next >"));
}

void TestTranslations::folderStatusInGerman()
{
    // The folder view's Status column says the overall status in the GUI's language.
    FolderEntry entry;
    entry.status = VerdictStatus::Broken;
    QCOMPARE(FolderModel::statusText(entry), QStringLiteral("Kaputt"));
    entry.status = VerdictStatus::Risky;
    QCOMPARE(FolderModel::statusText(entry), QStringLiteral("Riskant"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
