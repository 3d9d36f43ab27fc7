<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>RuleText</name>
    <message>
        <source>Hard-coded path</source>
        <translation>Fest verdrahteter Pfad</translation>
    </message>
    <message>
        <source>absolute path</source>
        <translation>absoluter Pfad</translation>
    </message>
    <message>
        <source>Missing input file</source>
        <translation>Fehlende Eingabedatei</translation>
    </message>
    <message>
        <source>missing input</source>
        <translation>Eingabe fehlt</translation>
    </message>
    <message>
        <source>Data read from the network</source>
        <translation>Daten aus dem Netz gelesen</translation>
    </message>
    <message>
        <source>network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>Swallowed exception</source>
        <translation>Verschluckte Ausnahme</translation>
    </message>
    <message>
        <source>swallowed</source>
        <translation>verschluckt</translation>
    </message>
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
        <source>Analysis limit</source>
        <translation>Analysegrenze</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>Grenze</translation>
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
    <message>
        <source>Syntax error</source>
        <translation>Syntaxfehler</translation>
    </message>
    <message>
        <source>syntax error</source>
        <translation>Syntaxfehler</translation>
    </message>
    <message>
        <source>Python 2 code</source>
        <translation>Python-2-Code</translation>
    </message>
    <message>
        <source>Python 2</source>
        <translation>Python 2</translation>
    </message>
    <message>
        <source>Stored error</source>
        <translation>Gespeicherter Fehler</translation>
    </message>
    <message>
        <source>error output</source>
        <translation>Fehlerausgabe</translation>
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
    <message>
        <source>#%1: position %1 in the notebook.</source>
        <translation>#%1: Position %1 im Notebook.</translation>
    </message>
    <message>
        <source>[%1]: execution count, the order in which the kernel last ran this cell.</source>
        <translation>[%1]: Ausführungszähler, die Reihenfolge, in der der Kernel diese Zelle zuletzt ausgeführt hat.</translation>
    </message>
    <message>
        <source>[ ]: never run, so it has no execution count.</source>
        <translation>[ ]: nie ausgeführt, daher ohne Ausführungszähler.</translation>
    </message>
</context>
<context>
    <name>tassel::ui::DependencyGraphView</name>
    <message>
        <source>Focus</source>
        <translation>Fokus</translation>
    </message>
    <message>
        <source>Show only the selected cell and the cells a few steps upstream and downstream</source>
        <translation>Nur die ausgewählte Zelle und die Zellen wenige Schritte davor und danach zeigen</translation>
    </message>
    <message>
        <source>&amp;Steps:</source>
        <translation>&amp;Schritte:</translation>
    </message>
    <message>
        <source>Imports as badges</source>
        <translation>Importe als Plaketten</translation>
    </message>
    <message>
        <source>Show the imported names a cell uses as a badge on it instead of edges from the import cell</source>
        <translation>Die importierten Namen, die eine Zelle verwendet, als Plakette an ihr zeigen statt als Kanten von der Import-Zelle</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the graph to the window</source>
        <translation>Den Graphen ins Fenster einpassen</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>ausgewählt</translation>
    </message>
    <message>
        <source>upstream (it reads from)</source>
        <translation>vorgelagert (sie liest daraus)</translation>
    </message>
    <message>
        <source>downstream (reads from it)</source>
        <translation>nachgelagert (liest aus ihr)</translation>
    </message>
    <message>
        <source>arrow a → b: b uses names a defines; the label shows the first name and +N more (hover for all); &lt;span style=&quot;color: %1&quot;&gt;&lt;i&gt;np, pd&lt;/i&gt;&lt;/span&gt;: imported names used</source>
        <translation>Pfeil a → b: b verwendet Namen, die a definiert; die Beschriftung zeigt den ersten Namen und +N weitere (alle beim Darüberfahren); &lt;span style=&quot;color: %1&quot;&gt;&lt;i&gt;np, pd&lt;/i&gt;&lt;/span&gt;: verwendete importierte Namen</translation>
    </message>
    <message numerus="yes">
        <source>%n code cell(s) outside the focus not shown</source>
        <translation>
            <numerusform>%n Code-Zelle außerhalb des Fokus nicht angezeigt</numerusform>
            <numerusform>%n Code-Zellen außerhalb des Fokus nicht angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n code cell(s) not shown</source>
        <translation>
            <numerusform>%n Code-Zelle nicht angezeigt</numerusform>
            <numerusform>%n Code-Zellen nicht angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Uses imported names: %1</source>
        <translation>Verwendet importierte Namen: %1</translation>
    </message>
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
</context>
<context>
    <name>tassel::ui::HtmlSanitizer</name>
    <message>
        <source>… 1 more row</source>
        <translation>… 1 weitere Zeile</translation>
    </message>
    <message>
        <source>… %1 more rows</source>
        <translation>… %1 weitere Zeilen</translation>
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
    <message>
        <source>ran</source>
        <translation>ausgeführt</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <source>next run</source>
        <translation>nächste Ausführung</translation>
    </message>
    <message>
        <source>back up the document</source>
        <translation>zurück nach oben</translation>
    </message>
    <message>
        <source>counts skipped</source>
        <translation>Zähler übersprungen</translation>
    </message>
    <message>
        <source>execution count %1</source>
        <translation>Ausführungszähler %1</translation>
    </message>
    <message numerus="yes">
        <source>Cell %1: %2, %n finding(s)</source>
        <translation>
            <numerusform>Zelle %1: %2, %n Befund</numerusform>
            <numerusform>Zelle %1: %2, %n Befunde</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tassel::ui::FindingsPanel</name>
    <message>
        <source>How to fix: %1</source>
        <translation>So beheben: %1</translation>
    </message>
    <message>
        <source>%1 — %2 findings</source>
        <translation>%1 — %2 Befunde</translation>
    </message>
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
    <message>
        <source>Only secrets were checked: the kernel is %1, and Tassel analyses Python code only, so the dependency, import and order panels stay empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n use(s) of names defined later</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n name(s) defined nowhere</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nondeterministic output(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale output(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n never-run cell(s) others depend on</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stored error(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished">ja</translation>
    </message>
    <message>
        <source>no (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risky</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — runs top to bottom: %2; same outputs: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>; %n error-level finding(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tassel::ui::GraduationWizard</name>
    <message numerus="yes">
        <source>%n file(s) will be written.</source>
        <translation>
            <numerusform>%n Datei wird geschrieben.</numerusform>
            <numerusform>%n Dateien werden geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Target Folder</source>
        <translation>Zielordner</translation>
    </message>
    <message numerus="yes">
        <source>Writing failed after %n file(s): %1</source>
        <translation>
            <numerusform>Schreiben nach %n Datei fehlgeschlagen: %1</numerusform>
            <numerusform>Schreiben nach %n Dateien fehlgeschlagen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n file(s); %1 holds an incomplete package.</source>
        <translation>
            <numerusform>Nach %n Datei abgebrochen; %1 enthält ein unvollständiges Paket.</numerusform>
            <numerusform>Nach %n Dateien abgebrochen; %1 enthält ein unvollständiges Paket.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) written to %1.</source>
        <translation>
            <numerusform>%n Datei nach %1 geschrieben.</numerusform>
            <numerusform>%n Dateien nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Graduate Notebook</source>
        <translation>Notebook in ein Paket überführen</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>Name the package and choose how the notebook is cut into functions.</source>
        <translation>Benennen Sie das Paket und wählen Sie, wie das Notebook in Funktionen zerlegt wird.</translation>
    </message>
    <message>
        <source>Package &amp;name:</source>
        <translation>Paket&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Split into:</source>
        <translation>&amp;Aufteilen in:</translation>
    </message>
    <message>
        <source>One function per heading section</source>
        <translation>Eine Funktion je Überschriften-Abschnitt</translation>
    </message>
    <message>
        <source>One function per code cell</source>
        <translation>Eine Funktion je Code-Zelle</translation>
    </message>
    <message>
        <source>A single function</source>
        <translation>Eine einzige Funktion</translation>
    </message>
    <message>
        <source>Generate even when cells read names defined later or nowhere</source>
        <translation>Auch erzeugen, wenn Zellen später oder nirgends definierte Namen lesen</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Each step becomes a function. Double-click a title or function name to change it.</source>
        <translation>Jeder Schritt wird eine Funktion. Doppelklicken Sie auf einen Titel oder Funktionsnamen, um ihn zu ändern.</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Abschnitt</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Zellen</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Rückgabe</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>The files of the package, as they will be written.</source>
        <translation>Die Dateien des Pakets, so wie sie geschrieben werden.</translation>
    </message>
    <message>
        <source>The package is written into this folder, which is created if needed.</source>
        <translation>Das Paket wird in diesen Ordner geschrieben; er wird bei Bedarf angelegt.</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Write into a non-empty folder</source>
        <translation>In einen nicht leeren Ordner schreiben</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>&amp;Cancel Writing</source>
        <translation>Schreiben &amp;abbrechen</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>Ordner ö&amp;ffnen</translation>
    </message>
    <message>
        <source>cell %1: %2</source>
        <translation>Zelle %1: %2</translation>
    </message>
    <message>
        <source>Some cells read names defined later or nowhere, so the package would not run top to bottom. Fix the notebook, or tick the box to generate anyway.</source>
        <translation>Einige Zellen lesen später oder nirgends definierte Namen; das Paket liefe daher nicht von oben nach unten. Korrigieren Sie das Notebook oder setzen Sie das Häkchen, um trotzdem zu erzeugen.</translation>
    </message>
    <message>
        <source>Cell %1: %2</source>
        <translation>Zelle %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Package %1: %n step(s), %2 helper(s), %3 dependencies.</source>
        <translation>
            <numerusform>Paket %1: %n Schritt, %2 Hilfsfunktion(en), %3 Abhängigkeiten.</numerusform>
            <numerusform>Paket %1: %n Schritte, %2 Hilfsfunktion(en), %3 Abhängigkeiten.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no step %1.</source>
        <translation>Es gibt keinen Schritt %1.</translation>
    </message>
    <message>
        <source>“%1” is not a valid Python function name.</source>
        <translation>„%1“ ist kein gültiger Python-Funktionsname.</translation>
    </message>
    <message>
        <source>“%1” would hide a module of the same name.</source>
        <translation>„%1“ würde ein gleichnamiges Modul verdecken.</translation>
    </message>
    <message>
        <source>“%1” is a file the package already has.</source>
        <translation>„%1“ ist eine Datei, die das Paket bereits hat.</translation>
    </message>
    <message>
        <source>“%1” is a name the notebook already uses.</source>
        <translation>„%1“ ist ein Name, den das Notebook bereits verwendet.</translation>
    </message>
    <message>
        <source>Another step is already called “%1”.</source>
        <translation>Ein anderer Schritt heißt bereits „%1“.</translation>
    </message>
    <message>
        <source>A helper function is already called “%1”.</source>
        <translation>Eine Hilfsfunktion heißt bereits „%1“.</translation>
    </message>
    <message>
        <source>A configuration value is already called “%1”.</source>
        <translation>Ein Konfigurationswert heißt bereits „%1“.</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Erzeuge …</translation>
    </message>
    <message>
        <source>Choose a folder.</source>
        <translation>Wählen Sie einen Ordner.</translation>
    </message>
    <message>
        <source>%1 exists and is not a folder.</source>
        <translation>%1 existiert und ist kein Ordner.</translation>
    </message>
    <message>
        <source>%1 is not empty. Choose another folder, or tick the box to write into it.</source>
        <translation>%1 ist nicht leer. Wählen Sie einen anderen Ordner oder setzen Sie das Häkchen, um hineinzuschreiben.</translation>
    </message>
    <message>
        <source>Writing to %1…</source>
        <translation>Schreibe nach %1 …</translation>
    </message>
    <message>
        <source>Keep cells that are not Python 3 as commented TODOs</source>
        <translation>Zellen, die kein Python 3 sind, als auskommentierte TODOs behalten</translation>
    </message>
    <message>
        <source>Before Writing</source>
        <translation>Vor dem Schreiben</translation>
    </message>
    <message>
        <source>The package will run, but these points make it less repeatable.</source>
        <translation>Das Paket wird laufen, aber diese Punkte machen es weniger wiederholbar.</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>Next, in the package folder: run the pipeline, then its tests.</source>
        <translation>Danach im Paketordner: erst die Pipeline ausführen, dann ihre Tests.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Each markdown heading starts a new function holding the code cells below it. Best for notebooks organised in sections.</source>
        <translation>Jede Markdown-Überschrift beginnt eine neue Funktion mit den Code-Zellen darunter. Am besten für Notebooks, die in Abschnitte gegliedert sind.</translation>
    </message>
    <message>
        <source>Every code cell becomes its own function. Fine-grained; best when cells are already self-contained steps.</source>
        <translation>Jede Code-Zelle wird eine eigene Funktion. Feinkörnig; am besten, wenn die Zellen schon in sich geschlossene Schritte sind.</translation>
    </message>
    <message>
        <source>All code goes into one function. Simplest; best for short notebooks.</source>
        <translation>Der ganze Code kommt in eine Funktion. Am einfachsten; am besten für kurze Notebooks.</translation>
    </message>
    <message>
        <source>%1: version unknown, so requirements.lock does not pin it. Install the version the notebook used and pin it.</source>
        <translation>%1: Version unbekannt, daher legt requirements.lock sie nicht fest. Installieren Sie die Version, die das Notebook benutzt hat, und legen Sie sie fest.</translation>
    </message>
    <message>
        <source>Cells %1 (ids %2)</source>
        <translation>Zellen %1 (IDs %2)</translation>
    </message>
    <message>
        <source>%1 holds the notebook itself, which the package would replace. Choose another folder.</source>
        <translation>%1 enthält das Notebook selbst, das das Paket ersetzen würde. Wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>%1 goes through a symbolic link. Choose the folder it points to instead.</source>
        <translation>%1 führt über einen symbolischen Link. Wählen Sie stattdessen den Ordner, auf den er zeigt.</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Verträge</translation>
    </message>
    <message>
        <source>What the package checks of each input right after reading it. Untick a column to leave it out; tick Nullable where values may be missing.</source>
        <translation>Was das Paket an jeder Eingabe gleich nach dem Lesen prüft. Entfernen Sie den Haken einer Spalte, um sie wegzulassen; haken Sie „Darf fehlen“ an, wo Werte fehlen dürfen.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Nullable</source>
        <translation>Darf fehlen</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Ticked: values may be missing. Unticked: none may be missing. Half-ticked: nothing tells, so missing values are not checked.</source>
        <translation>Angehakt: Werte dürfen fehlen. Nicht angehakt: keiner darf fehlen. Halb angehakt: nichts sagt es, also werden fehlende Werte nicht geprüft.</translation>
    </message>
    <message>
        <source>array %1 of %2</source>
        <translation>Array %1 aus %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>kind: %1</source>
        <translation>Art: %1</translation>
    </message>
    <message>
        <source>nullable: %1</source>
        <translation>darf fehlen: %1</translation>
    </message>
    <message>
        <source>output of cell %1</source>
        <translation>Ausgabe von Zelle %1</translation>
    </message>
    <message>
        <source>code, cell %1, line %2</source>
        <translation>Code, Zelle %1, Zeile %2</translation>
    </message>
    <message>
        <source>code, cell %1</source>
        <translation>Code, Zelle %1</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>die Datei</translation>
    </message>
    <message>
        <source>Copy data files up to: type a size such as 20M, 500K or 0.</source>
        <translation>Datendateien kopieren bis: Geben Sie eine Größe wie 20M, 500K oder 0 ein.</translation>
    </message>
    <message>
        <source>&amp;Interpreter:</source>
        <translation>&amp;Interpreter:</translation>
    </message>
    <message>
        <source>Python the notebook ran with, to pin installed versions (empty: the notebook&apos;s own pins)</source>
        <translation>Python, mit dem das Notebook lief, um installierte Versionen festzuschreiben (leer: die Angaben des Notebooks)</translation>
    </message>
    <message>
        <source>&amp;Copy data files up to:</source>
        <translation>Daten&amp;dateien kopieren bis:</translation>
    </message>
    <message>
        <source>Files the notebook reads beside it are copied into the package&apos;s data/ while they add up to at most this size (K, M, G; 0 copies none).</source>
        <translation>Dateien neben dem Notebook, die es liest, werden in data/ des Pakets kopiert, solange sie zusammen höchstens diese Größe haben (K, M, G; 0 kopiert keine).</translation>
    </message>
    <message>
        <source>Re-run the notebook first and mark the tests of outputs that do not reproduce as expected failures</source>
        <translation>Das Notebook zuerst erneut ausführen und die Tests nicht reproduzierter Ausgaben als erwartete Fehlschläge markieren</translation>
    </message>
    <message>
        <source>Re-run</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <source>The notebook runs in a fresh process, in a copy of its folder; nothing is changed.</source>
        <translation>Das Notebook läuft in einem neuen Prozess, in einer Kopie seines Ordners; nichts wird verändert.</translation>
    </message>
    <message>
        <source>Re-running the notebook…</source>
        <translation>Das Notebook wird erneut ausgeführt …</translation>
    </message>
    <message>
        <source>Asking the interpreter for versions…</source>
        <translation>Der Interpreter wird nach Versionen gefragt …</translation>
    </message>
    <message>
        <source>The re-run could not be done: %1</source>
        <translation>Die erneute Ausführung war nicht möglich: %1</translation>
    </message>
    <message>
        <source>%1 of %2 code cells reproduced their stored outputs.</source>
        <translation>%1 von %2 Code-Zellen haben ihre gespeicherten Ausgaben reproduziert.</translation>
    </message>
    <message>
        <source>%1: tests marked as expected failures: %2</source>
        <translation>%1: Tests als erwartete Fehlschläge markiert: %2</translation>
    </message>
    <message>
        <source>%1 of %2 dependencies pinned.</source>
        <translation>%1 von %2 Abhängigkeiten mit fester Version.</translation>
    </message>
</context>
<context>
    <name>tassel::ui::ImportsPanel</name>
    <message>
        <source>standard library</source>
        <translation>Standardbibliothek</translation>
    </message>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>third-party</source>
        <translation>Drittanbieter</translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <source> (guessed)</source>
        <translation> (geraten)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>No imports.</source>
        <translation>Keine Importe.</translation>
    </message>
    <message numerus="yes">
        <source>%n import(s)</source>
        <translation>
            <numerusform>%n Import</numerusform>
            <numerusform>%n Importe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n third-party</source>
        <translation>
            <numerusform>%n von Drittanbietern</numerusform>
            <numerusform>%n von Drittanbietern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n undeclared</source>
        <translation>
            <numerusform>%n nicht deklariert</numerusform>
            <numerusform>%n nicht deklariert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unpinned</source>
        <translation>
            <numerusform>%n nicht festgelegt</numerusform>
            <numerusform>%n nicht festgelegt</numerusform>
        </translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Distribution</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>Deklariert</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Festgelegt</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Zelle</translation>
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
    <message>
        <source>&amp;Graduate…</source>
        <translation>In &amp;Paket überführen …</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Lade %1 …</translation>
    </message>
    <message>
        <source>&amp;Verify (Re-run)…</source>
        <translation>&amp;Überprüfen (erneut ausführen) …</translation>
    </message>
    <message>
        <source>Re-run the notebook&apos;s code cells in a separate Python process and compare the outputs</source>
        <translation>Die Code-Zellen des Notebooks in einem eigenen Python-Prozess erneut ausführen und die Ausgaben vergleichen</translation>
    </message>
    <message>
        <source>&amp;Cancel Verification</source>
        <translation>Überprüfung abbre&amp;chen</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Überprüfung</translation>
    </message>
    <message>
        <source>Verifying %1…</source>
        <translation>Überprüfe %1 …</translation>
    </message>
    <message>
        <source>Verifying: cell %1 of %2 (notebook cell %3)…</source>
        <translation>Überprüfung: Zelle %1 von %2 (Notebook-Zelle %3) …</translation>
    </message>
    <message>
        <source>Cancelling the verification…</source>
        <translation>Überprüfung wird abgebrochen …</translation>
    </message>
    <message>
        <source>Verification failed: %1</source>
        <translation>Überprüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Verification cancelled</source>
        <translation>Überprüfung abgebrochen</translation>
    </message>
    <message>
        <source>Verified: %1 of %2 code cells reproduced</source>
        <translation>Überprüft: %1 von %2 Code-Zellen reproduziert</translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation>Bericht &amp;exportieren …</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML-Bericht (*.html)</translation>
    </message>
    <message>
        <source>Markdown report (*.md)</source>
        <translation>Markdown-Bericht (*.md)</translation>
    </message>
    <message>
        <source>SARIF report (*.sarif)</source>
        <translation>SARIF-Bericht (*.sarif)</translation>
    </message>
    <message>
        <source>JSON report (*.json)</source>
        <translation>JSON-Bericht (*.json)</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Bericht nach %1 geschrieben</translation>
    </message>
    <message>
        <source>The notebook has not been analysed yet.</source>
        <translation>Das Notebook ist noch nicht analysiert.</translation>
    </message>
    <message>
        <source>%1 is the notebook itself. Choose another file.</source>
        <translation>%1 ist das Notebook selbst. Wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>Unknown report format: %1</source>
        <translation>Unbekanntes Berichtsformat: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
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
<context>
    <name>tassel::ui::VerifyDialog</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Run in a copy of the notebook&apos;s folder</source>
        <translation>In einer Kopie des Notebook-Ordners ausführen</translation>
    </message>
    <message>
        <source>Verify by Re-running</source>
        <translation>Durch erneutes Ausführen überprüfen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Document order (top to bottom)</source>
        <translation>Dokumentreihenfolge (von oben nach unten)</translation>
    </message>
    <message>
        <source>Execution order (stored execution counts)</source>
        <translation>Ausführungsreihenfolge (gespeicherte Ausführungszähler)</translation>
    </message>
    <message>
        <source>Suggested order (from the analysis)</source>
        <translation>Vorgeschlagene Reihenfolge (aus der Analyse)</translation>
    </message>
    <message>
        <source>Cells run in a temporary copy of the folder, so files they write do not change yours. Unchecked, cells may read and write files next to the notebook.</source>
        <translation>Die Zellen laufen in einer temporären Kopie des Ordners, sodass von ihnen geschriebene Dateien Ihre nicht verändern. Ohne Haken können Zellen Dateien neben dem Notebook lesen und schreiben.</translation>
    </message>
    <message>
        <source>Tassel&apos;s driver</source>
        <translation>Tassels eigener Treiber</translation>
    </message>
    <message>
        <source>Automatic (a Jupyter kernel when nbclient is installed)</source>
        <translation>Automatisch (ein Jupyter-Kernel, wenn nbclient installiert ist)</translation>
    </message>
    <message>
        <source>Jupyter kernel (nbclient)</source>
        <translation>Jupyter-Kernel (nbclient)</translation>
    </message>
    <message>
        <source>e.g. DATA_DIR, MPLBACKEND</source>
        <translation>z. B. DATA_DIR, MPLBACKEND</translation>
    </message>
    <message>
        <source>Names of environment variables to pass to Python, separated by commas. Others are withheld, except what an interpreter needs to start.</source>
        <translation>Namen der Umgebungsvariablen, die an Python weitergegeben werden, durch Kommas getrennt. Andere werden zurückgehalten, außer denen, die ein Interpreter zum Starten braucht.</translation>
    </message>
    <message>
        <source>&amp;Python interpreter:</source>
        <translation>&amp;Python-Interpreter:</translation>
    </message>
    <message>
        <source>Run &amp;time limit:</source>
        <translation>Zeitlimit für den &amp;Lauf:</translation>
    </message>
    <message>
        <source>&amp;Cell time limit:</source>
        <translation>Zeitlimit pro &amp;Zelle:</translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation>&amp;Reihenfolge:</translation>
    </message>
    <message>
        <source>R&amp;unner:</source>
        <translation>&amp;Ausführung durch:</translation>
    </message>
    <message>
        <source>&amp;Environment variables:</source>
        <translation>&amp;Umgebungsvariablen:</translation>
    </message>
    <message>
        <source>The notebook&apos;s code cells run in a separate Python process; the notebook file itself is never changed.</source>
        <translation>Die Code-Zellen des Notebooks laufen in einem eigenen Python-Prozess; die Notebook-Datei selbst wird nie verändert.</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <source>Python Interpreter</source>
        <translation>Python-Interpreter</translation>
    </message>
</context>
<context>
    <name>tassel::ui::VerifyPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cell %1 (%2 of %3)</source>
        <translation>Zelle %1 (%2 von %3)</translation>
    </message>
    <message>
        <source>Re-running the notebook in a separate Python process…</source>
        <translation>Das Notebook wird in einem eigenen Python-Prozess erneut ausgeführt …</translation>
    </message>
    <message>
        <source>Verification failed: %1</source>
        <translation>Überprüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Not verified yet. Use File ▸ Verify (Re-run)… to re-run the notebook&apos;s code cells and compare their outputs.</source>
        <translation>Noch nicht überprüft. Mit Datei ▸ Überprüfen (erneut ausführen) … werden die Code-Zellen des Notebooks erneut ausgeführt und ihre Ausgaben verglichen.</translation>
    </message>
    <message>
        <source>Repeatability: %1 % — %2 of %3 code cells reproduced</source>
        <translation>Wiederholbarkeit: %1 % — %2 von %3 Code-Zellen reproduziert</translation>
    </message>
    <message>
        <source>Differ: %1 · Errors: %2 · Not run: %3</source>
        <translation>Abweichend: %1 · Fehler: %2 · Nicht ausgeführt: %3</translation>
    </message>
    <message>
        <source>The run was cancelled.</source>
        <translation>Der Lauf wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The run time limit ended the run.</source>
        <translation>Das Zeitlimit hat den Lauf beendet.</translation>
    </message>
    <message>
        <source>Python %1 · %2 s</source>
        <translation>Python %1 · %2 s</translation>
    </message>
    <message>
        <source>Reproduced</source>
        <translation>Reproduziert</translation>
    </message>
    <message>
        <source>Differs</source>
        <translation>Weicht ab</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeit überschritten</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Not run</source>
        <translation>Nicht ausgeführt</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Zelle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Re-run</source>
        <translation>Erneut ausgeführt</translation>
    </message>
    <message>
        <source>Explained by</source>
        <translation>Erklärt durch</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cell %1: %2</source>
        <translation>Zelle %1: %2</translation>
    </message>
    <message>
        <source>Stored:</source>
        <translation>Gespeichert:</translation>
    </message>
    <message>
        <source>Re-run:</source>
        <translation>Erneut ausgeführt:</translation>
    </message>
    <message>
        <source>Explained by:</source>
        <translation>Erklärt durch:</translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1: %2</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Hinweise:</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>Cell %1: </source>
        <translation>Zelle %1: </translation>
    </message>
    <message>
        <source>Cell %1 (</source>
        <translation>Zelle %1 (</translation>
    </message>
</context>
</TS>
