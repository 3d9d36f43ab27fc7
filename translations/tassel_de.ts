<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>RuleText</name>
    <message>
        <source>Used before definition</source>
        <translation>Vor der Definition verwendet</translation>
    </message>
    <message>
        <source>use before def</source>
        <translation>vor Definition</translation>
    </message>
    <message>
        <source>Undefined name</source>
        <translation>Undefinierter Name</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>undefiniert</translation>
    </message>
    <message>
        <source>Out-of-order execution</source>
        <translation>Ausführung außer der Reihe</translation>
    </message>
    <message>
        <source>out of order</source>
        <translation>außer der Reihe</translation>
    </message>
    <message>
        <source>Stale output</source>
        <translation>Veraltete Ausgabe</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>Unexecuted cell</source>
        <translation>Nicht ausgeführte Zelle</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <source>Execution gap</source>
        <translation>Lücke in der Ausführung</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>Lücke</translation>
    </message>
    <message>
        <source>Non-idempotent cell</source>
        <translation>Nicht idempotente Zelle</translation>
    </message>
    <message>
        <source>not idempotent</source>
        <translation>nicht idempotent</translation>
    </message>
    <message>
        <source>Opaque code</source>
        <translation>Undurchsichtiger Code</translation>
    </message>
    <message>
        <source>opaque</source>
        <translation>undurchsichtig</translation>
    </message>
    <message>
        <source>Hard-coded secret</source>
        <translation>Fest eingetragenes Geheimnis</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>Unpinned dependency</source>
        <translation>Nicht festgelegte Abhängigkeit</translation>
    </message>
    <message>
        <source>unpinned</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>Undeclared dependency</source>
        <translation>Nicht deklarierte Abhängigkeit</translation>
    </message>
    <message>
        <source>undeclared</source>
        <translation>nicht deklariert</translation>
    </message>
    <message>
        <source>Unused declaration</source>
        <translation>Unbenutzte Deklaration</translation>
    </message>
    <message>
        <source>unused</source>
        <translation>unbenutzt</translation>
    </message>
    <message>
        <source>Install from a shell</source>
        <translation>Installation aus der Shell</translation>
    </message>
    <message>
        <source>shell install</source>
        <translation>Shell-Installation</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>tassel::ui::CellDelegate</name>
    <message numerus="yes">
        <source>… %n more line(s) not shown</source>
        <translation>
            <numerusform>… %n weitere Zeile nicht angezeigt</numerusform>
            <numerusform>… %n weitere Zeilen nicht angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tassel::ui::DependencyGraphView</name>
    <message>
        <source>fine</source>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <source>stale output</source>
        <translation>veraltete Ausgabe</translation>
    </message>
    <message>
        <source>not executed</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <source>out of order</source>
        <translation>außer der Reihe</translation>
    </message>
    <message>
        <source>The graph could not be laid out: %1</source>
        <translation>Der Graph konnte nicht angeordnet werden: %1</translation>
    </message>
    <message>
        <source>Cell %1: %2</source>
        <translation>Zelle %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n code cell(s) without dependencies not shown</source>
        <translation>
            <numerusform>%n Code-Zelle ohne Abhängigkeiten nicht angezeigt</numerusform>
            <numerusform>%n Code-Zellen ohne Abhängigkeiten nicht angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tassel::ui::ExecutionTimeline</name>
    <message>
        <source>cell 1</source>
        <translation>Zelle 1</translation>
    </message>
    <message>
        <source>cell %1</source>
        <translation>Zelle %1</translation>
    </message>
    <message>
        <source>document position → · execution count ↑</source>
        <translation>Position im Dokument → · Ausführungszähler ↑</translation>
    </message>
    <message>
        <source>No code cells</source>
        <translation>Keine Code-Zellen</translation>
    </message>
</context>
<context>
    <name>tassel::ui::FindingsPanel</name>
    <message>
        <source>Filter findings</source>
        <translation>Befunde filtern</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Alle Schweregrade</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>No analysis yet.</source>
        <translation>Noch keine Analyse.</translation>
    </message>
    <message>
        <source>Analysis failed: %1</source>
        <translation>Analyse fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Reproducible top to bottom: yes</source>
        <translation>Von oben nach unten reproduzierbar: ja</translation>
    </message>
    <message>
        <source>Reproducible top to bottom: no</source>
        <translation>Von oben nach unten reproduzierbar: nein</translation>
    </message>
    <message>
        <source>Reproducible top to bottom: no — %1</source>
        <translation>Von oben nach unten reproduzierbar: nein — %1</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>Notebook</translation>
    </message>
    <message>
        <source>Cell %1, line %2</source>
        <translation>Zelle %1, Zeile %2</translation>
    </message>
    <message>
        <source>Cell %1</source>
        <translation>Zelle %1</translation>
    </message>
</context>
<context>
    <name>tassel::ui::MainWindow</name>
    <message>
        <source>Not found: %1</source>
        <translation>Nicht gefunden: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Find in Notebook…</source>
        <translation>Im Notebook &amp;suchen …</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <source>Ne&amp;xt Finding</source>
        <translation>&amp;Nächster Befund</translation>
    </message>
    <message>
        <source>Pre&amp;vious Finding</source>
        <translation>&amp;Vorheriger Befund</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Dependencies</source>
        <translation>Abhängigkeiten</translation>
    </message>
    <message>
        <source>Execution Timeline</source>
        <translation>Ausführungsverlauf</translation>
    </message>
    <message>
        <source>Find in notebook (Enter: next, Shift+Enter: previous)</source>
        <translation>Im Notebook suchen (Enter: weiter, Umschalt+Enter: zurück)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Tassel</source>
        <translation>Tassel</translation>
    </message>
    <message>
        <source>%1 — Tassel</source>
        <translation>%1 — Tassel</translation>
    </message>
    <message>
        <source>Open Notebook</source>
        <translation>Notebook öffnen</translation>
    </message>
    <message>
        <source>Jupyter notebooks (*.ipynb);;All files (*)</source>
        <translation>Jupyter-Notebooks (*.ipynb);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot open notebook</source>
        <translation>Notebook kann nicht geöffnet werden</translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s)</source>
        <translation>
            <numerusform>%n Zelle</numerusform>
            <numerusform>%n Zellen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n Befund</numerusform>
            <numerusform>%n Befunde</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was removed from disk</source>
        <translation>%1 wurde von der Festplatte entfernt</translation>
    </message>
    <message>
        <source>Notebook changed</source>
        <translation>Notebook geändert</translation>
    </message>
    <message>
        <source>%1 has changed on disk. Reload it?</source>
        <translation>%1 wurde auf der Festplatte geändert. Neu laden?</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>Analysiere …</translation>
    </message>
</context>
<context>
    <name>tassel::ui::NotebookView</name>
    <message>
        <source>Hide Secrets in This Cell</source>
        <translation>Geheimnisse in dieser Zelle verbergen</translation>
    </message>
    <message>
        <source>Reveal Secrets in This Cell</source>
        <translation>Geheimnisse in dieser Zelle anzeigen</translation>
    </message>
</context>
</TS>
