<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Message</name>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>cell {cell} ran as execution {count}, before cell {above} above it (execution {above_count}): the notebook was not run top to bottom.</source>
        <translation>Zelle {cell} lief als Ausführung {count}, vor Zelle {above} darüber (Ausführung {above_count}): Das Notebook wurde nicht von oben nach unten ausgeführt.</translation>
    </message>
    <message>
        <source>Execution counts jump from {previous_count} (cell {previous}) to {count} (cell {cell}): {missing} {missing|execution is|executions are} not in the notebook, so cells were re-run, edited or deleted in between.</source>
        <translation>Die Ausführungszähler springen von {previous_count} (Zelle {previous}) auf {count} (Zelle {cell}): {missing} {missing|Ausführung fehlt|Ausführungen fehlen} im Notebook, also wurden Zellen dazwischen erneut ausgeführt, geändert oder gelöscht.</translation>
    </message>
    <message>
        <source>The first execution count is {count} (cell {cell}): {missing} {missing|earlier execution is|earlier executions are} not in the notebook, so the kernel ran code that is no longer here.</source>
        <translation>Der erste Ausführungszähler ist {count} (Zelle {cell}): {missing} {missing|frühere Ausführung fehlt|frühere Ausführungen fehlen} im Notebook, also hat der Kernel Code ausgeführt, der nicht mehr da ist.</translation>
    </message>
    <message>
        <source>cell {cell} was saved with a `{error}` traceback (output {output}): the stored outputs come from a run that failed here; run it again or clear the output.</source>
        <translation>Zelle {cell} wurde mit einem `{error}`-Traceback gespeichert (Ausgabe {output}): Die gespeicherten Ausgaben stammen aus einem Lauf, der hier fehlschlug; führen Sie sie erneut aus oder leeren Sie die Ausgabe.</translation>
    </message>
    <message>
        <source>cell {cell} was saved with a traceback in its {stream} (output {output}): the stored outputs come from a run that failed here; run it again or clear the output.</source>
        <translation>Zelle {cell} wurde mit einem Traceback in {stream} gespeichert (Ausgabe {output}): Die gespeicherten Ausgaben stammen aus einem Lauf, der hier fehlschlug; führen Sie sie erneut aus oder leeren Sie die Ausgabe.</translation>
    </message>
    <message>
        <source>cell {cell} does not parse as Python 3 (line {line}); names in the statement are not checked</source>
        <translation>Zelle {cell} ist kein gültiges Python 3 (Zeile {line}); Namen in der Anweisung werden nicht geprüft</translation>
    </message>
    <message>
        <source>cell {cell} does not parse as Python 3 (line {line}): {@hint}; names in the statement are not checked</source>
        <translation>Zelle {cell} ist kein gültiges Python 3 (Zeile {line}): {@hint}; Namen in der Anweisung werden nicht geprüft</translation>
    </message>
    <message>
        <source>merge-conflict markers (&lt;&lt;&lt;&lt;&lt;&lt;&lt;, =======, &gt;&gt;&gt;&gt;&gt;&gt;&gt;) are left in the cell</source>
        <translation>in der Zelle stehen noch Merge-Konfliktmarker (&lt;&lt;&lt;&lt;&lt;&lt;&lt;, =======, &gt;&gt;&gt;&gt;&gt;&gt;&gt;)</translation>
    </message>
    <message>
        <source>a non-breaking space (U+00A0) instead of a space</source>
        <translation>ein geschütztes Leerzeichen (U+00A0) statt eines Leerzeichens</translation>
    </message>
    <message>
        <source>typographic quotes (‘ ’ “ ”) instead of &apos; and &quot;</source>
        <translation>typografische Anführungszeichen (‘ ’ “ ”) statt &apos; und &quot;</translation>
    </message>
    <message>
        <source>a URL, not code</source>
        <translation>eine URL, kein Code</translation>
    </message>
    <message>
        <source>SQL outside a %%sql cell</source>
        <translation>SQL außerhalb einer %%sql-Zelle</translation>
    </message>
    <message>
        <source>a shell command without `!` (write `!{command}…` or use a %%bash cell)</source>
        <translation>ein Shell-Befehl ohne `!` (schreiben Sie `!{command}…` oder verwenden Sie eine %%bash-Zelle)</translation>
    </message>
    <message>
        <source>the notebook&apos;s kernel is Python 2 ({kernel}): no cell uses Python 2 syntax, but division, strings and dictionary views behave differently in Python 3</source>
        <translation>Der Kernel des Notebooks ist Python 2 ({kernel}): Keine Zelle verwendet Python-2-Syntax, aber Division, Zeichenketten und Dictionary-Views verhalten sich in Python 3 anders</translation>
    </message>
    <message>
        <source>cell {cell} line {line}: `{handler}:` catches every error and goes on: a missing file or a renamed column passes unnoticed; catch the exception you expect, or re-raise after logging.</source>
        <translation>Zelle {cell} Zeile {line}: `{handler}:` fängt jeden Fehler ab und macht weiter: Eine fehlende Datei oder eine umbenannte Spalte bleibt unbemerkt; fangen Sie die erwartete Ausnahme ab oder lösen Sie sie nach dem Protokollieren erneut aus.</translation>
    </message>
    <message>
        <source>cell {cell} {@how} a value that comes from `{what}` ({@where}, {source}) and may differ on every run: {@advice}.</source>
        <translation>Zelle {cell} {@how} einen Wert, der aus `{what}` stammt ({@where}, {source}) und bei jedem Lauf anders sein kann: {@advice}.</translation>
    </message>
    <message>
        <source>plots</source>
        <translation>zeichnet</translation>
    </message>
    <message>
        <source>prints</source>
        <translation>druckt</translation>
    </message>
    <message>
        <source>writes</source>
        <translation>schreibt</translation>
    </message>
    <message>
        <source>shows</source>
        <translation>zeigt</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>Zeile {line}</translation>
    </message>
    <message>
        <source>cell {from_cell}</source>
        <translation>Zelle {from_cell}</translation>
    </message>
    <message>
        <source>pass random_state=... (or call np.random.seed(...) before it)</source>
        <translation>übergeben Sie random_state=... (oder rufen Sie vorher np.random.seed(...) auf)</translation>
    </message>
    <message>
        <source>pass it a seed</source>
        <translation>übergeben Sie einen Seed</translation>
    </message>
    <message>
        <source>call np.random.seed(...) before it, or draw from np.random.default_rng(seed)</source>
        <translation>rufen Sie vorher np.random.seed(...) auf oder ziehen Sie aus np.random.default_rng(seed)</translation>
    </message>
    <message>
        <source>call random.seed(...) before it</source>
        <translation>rufen Sie vorher random.seed(...) auf</translation>
    </message>
    <message>
        <source>call torch.manual_seed(...) before it</source>
        <translation>rufen Sie vorher torch.manual_seed(...) auf</translation>
    </message>
    <message>
        <source>call tf.random.set_seed(...) before it</source>
        <translation>rufen Sie vorher tf.random.set_seed(...) auf</translation>
    </message>
    <message>
        <source>it cannot be seeded: pass the value in as a parameter</source>
        <translation>er lässt sich nicht seeden: übergeben Sie den Wert als Parameter</translation>
    </message>
    <message>
        <source>inject the time as a parameter instead of reading the clock</source>
        <translation>übergeben Sie die Zeit als Parameter, statt die Uhr zu lesen</translation>
    </message>
    <message>
        <source>download the data once and read a local, versioned copy</source>
        <translation>laden Sie die Daten einmal herunter und lesen Sie eine lokale, versionierte Kopie</translation>
    </message>
    <message>
        <source>pass the value in as a parameter</source>
        <translation>übergeben Sie den Wert als Parameter</translation>
    </message>
    <message>
        <source>sort it (sorted(...)) before showing it</source>
        <translation>sortieren Sie ihn (sorted(...)), bevor Sie ihn zeigen</translation>
    </message>
    <message>
        <source>the source of cell {cell} (line {line})</source>
        <translation>im Quelltext von Zelle {cell} (Zeile {line})</translation>
    </message>
    <message>
        <source>output {output} of cell {cell} (line {line})</source>
        <translation>in Ausgabe {output} von Zelle {cell} (Zeile {line})</translation>
    </message>
    <message>
        <source>the metadata of cell {cell}</source>
        <translation>in den Metadaten von Zelle {cell}</translation>
    </message>
    <message>
        <source>an attachment of cell {cell} (line {line})</source>
        <translation>in einem Anhang von Zelle {cell} (Zeile {line})</translation>
    </message>
    <message>
        <source>the notebook metadata</source>
        <translation>in den Metadaten des Notebooks</translation>
    </message>
    <message>
        <source>{installer} install in cell {cell} may install into another Python than the kernel&apos;s; use {magic} install instead.</source>
        <translation>{installer} install in Zelle {cell} installiert womöglich in ein anderes Python als das des Kernels; verwenden Sie stattdessen {magic} install.</translation>
    </message>
    <message>
        <source>{module} is imported in cell {cell} but its distribution {distribution} is not declared in any install line, PEP 723 block or requirements file.</source>
        <translation>{module} wird in Zelle {cell} importiert, aber seine Distribution {distribution} ist in keiner Installationszeile, keinem PEP-723-Block und keiner Requirements-Datei deklariert.</translation>
    </message>
    <message>
        <source>{module} is imported in cell {cell} but its distribution {distribution} (name guessed from the import) is not declared in any install line, PEP 723 block or requirements file.</source>
        <translation>{module} wird in Zelle {cell} importiert, aber seine Distribution {distribution} (Name aus dem Import geraten) ist in keiner Installationszeile, keinem PEP-723-Block und keiner Requirements-Datei deklariert.</translation>
    </message>
    <message>
        <source>cell {cell} {@access}: an absolute or home path exists only on its author&apos;s machine; use a path relative to the notebook or a parameter.</source>
        <translation>Zelle {cell} {@access}: Ein absoluter oder Home-Pfad existiert nur auf dem Rechner des Autors; verwenden Sie einen Pfad relativ zum Notebook oder einen Parameter.</translation>
    </message>
    <message>
        <source>cell {cell} {@access}, which does not exist beside the notebook: a re-run or the graduated package will fail; add it beside the notebook or fix the path.</source>
        <translation>Zelle {cell} {@access}; diese Datei fehlt neben dem Notebook: Ein erneuter Lauf oder das erzeugte Paket schlägt fehl; legen Sie die Datei neben das Notebook oder korrigieren Sie den Pfad.</translation>
    </message>
    <message>
        <source>cell {cell} {@access} over the network: it is not versioned and a run offline fails; download it once and keep a checksum.</source>
        <translation>Zelle {cell} {@access} über das Netzwerk: Das ist nicht versioniert und ein Lauf ohne Netz schlägt fehl; laden Sie es einmal herunter und bewahren Sie eine Prüfsumme auf.</translation>
    </message>
    <message>
        <source>cell {cell} reads from a URL known only at run time ({call}) over the network: it is not versioned and a run offline fails; download it once and keep a checksum.</source>
        <translation>Zelle {cell} liest von einer erst zur Laufzeit bekannten URL ({call}) über das Netzwerk: Das ist nicht versioniert und ein Lauf ohne Netz schlägt fehl; laden Sie es einmal herunter und bewahren Sie eine Prüfsumme auf.</translation>
    </message>
    <message>
        <source>reads `{target}` ({call})</source>
        <translation>liest `{target}` ({call})</translation>
    </message>
    <message>
        <source>writes `{target}` ({call})</source>
        <translation>schreibt `{target}` ({call})</translation>
    </message>
    <message>
        <source>reads {call}</source>
        <translation>liest {call}</translation>
    </message>
    <message>
        <source>writes {call}</source>
        <translation>schreibt {call}</translation>
    </message>
    <message>
        <source> (read by `{function}`, called here)</source>
        <translation> (gelesen von `{function}`, hier aufgerufen)</translation>
    </message>
    <message>
        <source> (read by `{function}`, called here and defined in cell {function_cell})</source>
        <translation> (gelesen von `{function}`, hier aufgerufen und in Zelle {function_cell} definiert)</translation>
    </message>
    <message>
        <source>cell {cell} deletes `{name}` on line {deleted_line}, then calls `{function}`, which reads it: this raises NameError.</source>
        <translation>Zelle {cell} löscht `{name}` in Zeile {deleted_line} und ruft dann `{function}` auf, das es liest: Das löst einen NameError aus.</translation>
    </message>
    <message>
        <source>cell {cell} uses `{name}`{@via}, which is first defined later in {later_count|cell|cells} {later:list}: run top to bottom, this raises NameError.</source>
        <translation>Zelle {cell} verwendet `{name}`{@via}, das erst später in {later_count|Zelle|Zellen} {later:list} definiert wird: Von oben nach unten ausgeführt löst das einen NameError aus.</translation>
    </message>
    <message>
        <source>cell {cell} uses `{name}`{@via} before this cell defines it, and no earlier cell does: run top to bottom, this raises NameError.</source>
        <translation>Zelle {cell} verwendet `{name}`{@via}, bevor diese Zelle es definiert, und keine frühere Zelle tut es: Von oben nach unten ausgeführt löst das einen NameError aus.</translation>
    </message>
    <message>
        <source>cell {cell} uses `{name}`{@via}, which cell {deleted_by} deletes with `del` and no later cell defines again.</source>
        <translation>Zelle {cell} verwendet `{name}`{@via}, das Zelle {deleted_by} mit `del` löscht und keine spätere Zelle neu definiert.</translation>
    </message>
    <message>
        <source>cell {cell} uses `{name}`{@via}, which no cell, import or builtin defines: hidden state from a deleted or edited cell.</source>
        <translation>Zelle {cell} verwendet `{name}`{@via}, das keine Zelle, kein Import und kein Builtin definiert: versteckter Zustand aus einer gelöschten oder geänderten Zelle.</translation>
    </message>
    <message>
        <source>cell {cell} uses `{name}`{@via}, which no cell, import or builtin defines: hidden state from a deleted or edited cell (the stored execution shows this cell ran, so the kernel had it).</source>
        <translation>Zelle {cell} verwendet `{name}`{@via}, das keine Zelle, kein Import und kein Builtin definiert: versteckter Zustand aus einer gelöschten oder geänderten Zelle (die gespeicherte Ausführung zeigt, dass diese Zelle lief, der Kernel hatte es also).</translation>
    </message>
    <message>
        <source>cell {provider} (execution {provider_count}) defines {names}</source>
        <translation>Zelle {provider} (Ausführung {provider_count}) definiert {names}</translation>
    </message>
    <message>
        <source>cell {cell} holds {outputs} {outputs|stored output|stored outputs} but no code, only comments or blank lines: the code that produced {outputs|it|them} was removed, so a re-run shows nothing there.</source>
        <translation>Zelle {cell} enthält {outputs} {outputs|gespeicherte Ausgabe|gespeicherte Ausgaben}, aber keinen Code, nur Kommentare oder Leerzeilen: Der Code, der {outputs|sie|sie} erzeugt hat, wurde entfernt, ein erneuter Lauf zeigt dort also nichts.</translation>
    </message>
    <message>
        <source>cell {cell} was never run, yet {dependants_count|cell|cells} {dependants:list}, which ran, {dependants_count|depends|depend} on what it defines ({names}): {dependants_count|its|their} outputs came from code that is not in the notebook.</source>
        <translation>Zelle {cell} wurde nie ausgeführt, doch {dependants_count|Zelle|Zellen} {dependants:list}, {dependants_count|die lief, hängt|die liefen, hängen} von dem ab, was sie definiert ({names}): {dependants_count|Ihre|Deren} Ausgaben stammen von Code, der nicht im Notebook steht.</translation>
    </message>
    <message>
        <source>Running cell {cell} again changes `{name}` again (it modifies a value made before the cell instead of creating it): its result depends on how many times it ran.</source>
        <translation>Zelle {cell} erneut auszuführen ändert `{name}` erneut (sie verändert einen vor der Zelle erzeugten Wert, statt ihn zu erzeugen): Ihr Ergebnis hängt davon ab, wie oft sie lief.</translation>
    </message>
    <message>
        <source>`{code}` runs another file in the notebook&apos;s namespace; the names it defines cannot be known from the notebook alone.</source>
        <translation>`{code}` führt eine andere Datei im Namensraum des Notebooks aus; welche Namen sie definiert, lässt sich aus dem Notebook allein nicht wissen.</translation>
    </message>
    <message>
        <source>`{code}` binds {count} names Tassel knows of, and may bind others in other versions; names no cell defines are not reported after it.</source>
        <translation>`{code}` bindet {count} Namen, die Tassel kennt, und in anderen Versionen womöglich weitere; Namen, die keine Zelle definiert, werden danach nicht gemeldet.</translation>
    </message>
    <message>
        <source>`{code}` may define any name; Tassel cannot tell which names later cells take from it.</source>
        <translation>`{code}` kann jeden Namen definieren; Tassel kann nicht sagen, welche Namen spätere Zellen daraus nehmen.</translation>
    </message>
    <message>
        <source>`{code}` runs code built at run time; its reads and writes cannot be proved statically.</source>
        <translation>`{code}` führt zur Laufzeit erzeugten Code aus; was er liest und schreibt, lässt sich statisch nicht beweisen.</translation>
    </message>
    <message>
        <source>`{code}` reads or writes global names by string; those names are invisible to analysis.</source>
        <translation>`{code}` liest oder schreibt globale Namen über Zeichenketten; diese Namen sind für die Analyse unsichtbar.</translation>
    </message>
    <message>
        <source>`{code}` may define or change names in ways Tassel cannot see.</source>
        <translation>`{code}` kann Namen auf eine Weise definieren oder ändern, die Tassel nicht sieht.</translation>
    </message>
    <message>
        <source>never executed in the stored notebook, so not part of the execution order.</source>
        <translation>im gespeicherten Notebook nie ausgeführt, daher nicht Teil der Ausführungsreihenfolge.</translation>
    </message>
    <message>
        <source>cancelled while this cell ran; {@killed}</source>
        <translation>abgebrochen, während diese Zelle lief; {@killed}</translation>
    </message>
    <message>
        <source>the run exceeded its limit of {seconds} s while this cell ran; {@killed}</source>
        <translation>der Lauf überschritt sein Limit von {seconds} s, während diese Zelle lief; {@killed}</translation>
    </message>
    <message>
        <source>killed after {seconds} s (the per-cell limit); {@killed}</source>
        <translation>nach {seconds} s beendet (das Limit pro Zelle); {@killed}</translation>
    </message>
    <message>
        <source>the driver&apos;s and the kernel&apos;s process groups were killed.</source>
        <translation>die Prozessgruppen des Treibers und des Kernels wurden beendet.</translation>
    </message>
    <message>
        <source>the driver&apos;s and the kernel&apos;s process groups were killed, and every other process of the run (contained in {containment}).</source>
        <translation>die Prozessgruppen des Treibers und des Kernels wurden beendet, ebenso jeder andere Prozess des Laufs (eingeschlossen in {containment}).</translation>
    </message>
    <message>
        <source>the Python process group was killed.</source>
        <translation>die Python-Prozessgruppe wurde beendet.</translation>
    </message>
    <message>
        <source>the Python process group was killed, and every other process of the run (contained in {containment}).</source>
        <translation>die Python-Prozessgruppe wurde beendet, ebenso jeder andere Prozess des Laufs (eingeschlossen in {containment}).</translation>
    </message>
    <message>
        <source>the Python process ended while this cell ran (exit code {exit_code}).</source>
        <translation>der Python-Prozess endete, während diese Zelle lief (Exit-Code {exit_code}).</translation>
    </message>
    <message>
        <source>raised {error}: {value}</source>
        <translation>löste {error} aus: {value}</translation>
    </message>
    <message>
        <source>output {output} is {actual_label} where the notebook stored {expected_label}.</source>
        <translation>Ausgabe {output} ist {actual_label}, wo das Notebook {expected_label} gespeichert hat.</translation>
    </message>
    <message>
        <source>image {output} has a different size.</source>
        <translation>Bild {output} hat eine andere Größe.</translation>
    </message>
    <message>
        <source>image {output} looks different ({distance} of 64 hash bits differ).</source>
        <translation>Bild {output} sieht anders aus ({distance} von 64 Hash-Bits unterscheiden sich).</translation>
    </message>
    <message>
        <source>the cell raised a different error than the stored one.</source>
        <translation>die Zelle löste einen anderen Fehler aus als den gespeicherten.</translation>
    </message>
    <message>
        <source>output {output} ({label}) differs.</source>
        <translation>Ausgabe {output} ({label}) unterscheidet sich.</translation>
    </message>
    <message>
        <source>the re-run produced {actual_count} of the {expected_count} stored outputs.</source>
        <translation>der erneute Lauf erzeugte {actual_count} der {expected_count} gespeicherten Ausgaben.</translation>
    </message>
    <message>
        <source>the re-run produced {actual_count} outputs where the notebook stored {expected_count}.</source>
        <translation>der erneute Lauf erzeugte {actual_count} Ausgaben, wo das Notebook {expected_count} gespeichert hat.</translation>
    </message>
    <message>
        <source>{@difference} The stored notebook never ran this cell.</source>
        <translation>{@difference} Das gespeicherte Notebook hat diese Zelle nie ausgeführt.</translation>
    </message>
    <message>
        <source>the run was cancelled before this cell.</source>
        <translation>der Lauf wurde vor dieser Zelle abgebrochen.</translation>
    </message>
    <message>
        <source>the run limit of {seconds} s ended the run before this cell.</source>
        <translation>das Laufzeitlimit von {seconds} s beendete den Lauf vor dieser Zelle.</translation>
    </message>
    <message>
        <source>cell {stop_cell} timed out and the run stopped there.</source>
        <translation>Zelle {stop_cell} überschritt ihr Zeitlimit und der Lauf endete dort.</translation>
    </message>
    <message>
        <source>the run stopped at the error in cell {stop_cell} (use --keep-going to run on).</source>
        <translation>der Lauf endete am Fehler in Zelle {stop_cell} (mit --keep-going läuft er weiter).</translation>
    </message>
    <message>
        <source>the Python process ended early (exit code {exit_code}).</source>
        <translation>der Python-Prozess endete vorzeitig (Exit-Code {exit_code}).</translation>
    </message>
    <message>
        <source>not run.</source>
        <translation>nicht ausgeführt.</translation>
    </message>
    <message>
        <source>Python 2 code ({@what_id}) in {cells_count|cell|cells} {cells}: Python 3 cannot run it; port the notebook (e.g. with 2to3) first</source>
        <translation>Python-2-Code ({@what_id}) in {cells_count|Zelle|Zellen} {cells}: Python 3 kann ihn nicht ausführen; portieren Sie das Notebook zuerst (z. B. mit 2to3)</translation>
    </message>
    <message>
        <source>print statement</source>
        <translation>print-Anweisung</translation>
    </message>
    <message>
        <source>exec statement</source>
        <translation>exec-Anweisung</translation>
    </message>
    <message>
        <source>`&lt;&gt;` operator</source>
        <translation>`&lt;&gt;`-Operator</translation>
    </message>
    <message>
        <source>`except X, e`</source>
        <translation>die Form `except X, e`</translation>
    </message>
    <message>
        <source>long integer literal (`10L`)</source>
        <translation>long-Ganzzahlliteral (`10L`)</translation>
    </message>
    <message>
        <source>octal literal without `0o`</source>
        <translation>Oktalliteral ohne `0o`</translation>
    </message>
    <message>
        <source>backticks (`x` for repr(x))</source>
        <translation>Backticks (`x` für repr(x))</translation>
    </message>
    <message>
        <source>`ur&apos;&apos;` string prefix</source>
        <translation>Zeichenkettenpräfix `ur&apos;&apos;`</translation>
    </message>
    <message>
        <source>{@what_id} ({masked}) is written in clear text in {@place}; load it from the environment or a secret store instead.</source>
        <translation>{@what_id} ({masked}) steht im Klartext {@place}; laden Sie den Wert stattdessen aus der Umgebung oder einem Secret-Store.</translation>
    </message>
    <message>
        <source>A private key</source>
        <translation>Ein privater Schlüssel</translation>
    </message>
    <message>
        <source>A PuTTY private key</source>
        <translation>Ein privater PuTTY-Schlüssel</translation>
    </message>
    <message>
        <source>An AWS access key id</source>
        <translation>Eine AWS-Zugriffsschlüssel-ID</translation>
    </message>
    <message>
        <source>An AWS secret access key</source>
        <translation>Ein geheimer AWS-Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>A Google API key</source>
        <translation>Ein Google-API-Schlüssel</translation>
    </message>
    <message>
        <source>An Azure storage account key</source>
        <translation>Ein Azure-Speicherkontoschlüssel</translation>
    </message>
    <message>
        <source>A GitHub token</source>
        <translation>Ein GitHub-Token</translation>
    </message>
    <message>
        <source>A GitLab token</source>
        <translation>Ein GitLab-Token</translation>
    </message>
    <message>
        <source>A Slack token</source>
        <translation>Ein Slack-Token</translation>
    </message>
    <message>
        <source>A Slack webhook URL</source>
        <translation>Eine Slack-Webhook-URL</translation>
    </message>
    <message>
        <source>An Anthropic API key</source>
        <translation>Ein Anthropic-API-Schlüssel</translation>
    </message>
    <message>
        <source>An OpenAI API key</source>
        <translation>Ein OpenAI-API-Schlüssel</translation>
    </message>
    <message>
        <source>A Hugging Face token</source>
        <translation>Ein Hugging-Face-Token</translation>
    </message>
    <message>
        <source>A Stripe secret key</source>
        <translation>Ein geheimer Stripe-Schlüssel</translation>
    </message>
    <message>
        <source>A Twilio API key</source>
        <translation>Ein Twilio-API-Schlüssel</translation>
    </message>
    <message>
        <source>A SendGrid API key</source>
        <translation>Ein SendGrid-API-Schlüssel</translation>
    </message>
    <message>
        <source>A PyPI upload token</source>
        <translation>Ein PyPI-Upload-Token</translation>
    </message>
    <message>
        <source>A Databricks token</source>
        <translation>Ein Databricks-Token</translation>
    </message>
    <message>
        <source>A JSON Web Token</source>
        <translation>Ein JSON-Web-Token</translation>
    </message>
    <message>
        <source>A password in a URL</source>
        <translation>Ein Passwort in einer URL</translation>
    </message>
    <message>
        <source>A token in a URL</source>
        <translation>Ein Token in einer URL</translation>
    </message>
    <message>
        <source>A hard-coded credential</source>
        <translation>Ein fest eingetragenes Zugangsdatum</translation>
    </message>
    <message>
        <source>A bearer token</source>
        <translation>Ein Bearer-Token</translation>
    </message>
    <message>
        <source>A Google Cloud service-account key</source>
        <translation>Ein Google-Cloud-Dienstkontoschlüssel</translation>
    </message>
    <message>
        <source>A secret matching the {secret_rule} rule</source>
        <translation>Ein Geheimnis, das die Regel {secret_rule} erkennt</translation>
    </message>
    <message>
        <source>{distribution} (imported as {module} in cell {cell}) is declared by {@source_id} without any version constraint.</source>
        <translation>{distribution} (importiert als {module} in Zelle {cell}) ist ohne jede Versionsangabe deklariert (Quelle: {@source_id}).</translation>
    </message>
    <message>
        <source>{distribution} (imported as {module} in cell {cell}) is declared by {@source_id} with &apos;{specifier}&apos; but no exact == pin.</source>
        <translation>{distribution} (importiert als {module} in Zelle {cell}) ist mit &apos;{specifier}&apos; deklariert, aber ohne exakten ==-Pin (Quelle: {@source_id}).</translation>
    </message>
    <message>
        <source>{distribution} is declared by {@source_id} but no cell imports a module it provides (it may be a plugin or a command-line tool).</source>
        <translation>{distribution} ist deklariert (Quelle: {@source_id}), aber keine Zelle importiert ein Modul daraus (vielleicht ein Plugin oder ein Kommandozeilenwerkzeug).</translation>
    </message>
    <message>
        <source>{installer} in cell {source_cell}</source>
        <translation>{installer} in Zelle {source_cell}</translation>
    </message>
    <message>
        <source>{@file_source} (via {installer} -r in cell {source_cell})</source>
        <translation>{@file_source} (über {installer} -r in Zelle {source_cell})</translation>
    </message>
    <message>
        <source>PEP 723 block in cell {source_cell}</source>
        <translation>PEP-723-Block in Zelle {source_cell}</translation>
    </message>
    <message>
        <source>{file} line {source_line}</source>
        <translation>{file} Zeile {source_line}</translation>
    </message>
    <message>
        <source>{file} {table} line {source_line}</source>
        <translation>{file} {table} Zeile {source_line}</translation>
    </message>
    <message>
        <source>The outputs of cell {cell} (execution {count}) were produced before cells it depends on ran again: {providers:parts}.</source>
        <translation>Die Ausgaben von Zelle {cell} (Ausführung {count}) entstanden, bevor Zellen, von denen sie abhängt, erneut liefen: {providers:parts}.</translation>
    </message>
    <message>
        <source>The cell was not analysed: {@reason_id}. The names it defines and uses are unknown, so findings after it may be missing.</source>
        <translation>Die Zelle wurde nicht analysiert: {@reason_id}. Welche Namen sie definiert und verwendet, ist unbekannt, daher können Befunde danach fehlen.</translation>
    </message>
    <message>
        <source>the cell&apos;s source has {bytes} bytes, more than the analysis limit of {limit}</source>
        <translation>der Quelltext der Zelle hat {bytes} Bytes, mehr als die Analysegrenze von {limit}</translation>
    </message>
    <message>
        <source>parsing the cell took longer than the analysis limit of {limit}</source>
        <translation>das Parsen der Zelle dauerte länger als die Analysegrenze von {limit}</translation>
    </message>
    <message>
        <source>%%{magic} cell became {path}, run by the step</source>
        <translation>Die %%{magic}-Zelle wurde zu {path}, das der Schritt ausführt</translation>
    </message>
    <message>
        <source>%%{magic} cell became {path}, written to {target} by the step</source>
        <translation>Die %%{magic}-Zelle wurde zu {path}, das der Schritt nach {target} schreibt</translation>
    </message>
    <message>
        <source>%%capture {arguments}: the captured output is not kept; the body runs as plain Python</source>
        <translation>%%capture {arguments}: Die abgefangene Ausgabe wird nicht behalten; der Rumpf läuft als reines Python</translation>
    </message>
    <message>
        <source>%%{magic} removed; the body runs as plain Python</source>
        <translation>%%{magic} entfernt; der Rumpf läuft als reines Python</translation>
    </message>
    <message>
        <source>%%{magic} cell dropped (display only)</source>
        <translation>%%{magic}-Zelle verworfen (nur Anzeige)</translation>
    </message>
    <message>
        <source>!{command} became declared dependencies</source>
        <translation>!{command} wurde zu deklarierten Abhängigkeiten</translation>
    </message>
    <message>
        <source>{target} = !... turned into shell_lines(...)</source>
        <translation>{target} = !... wurde zu shell_lines(...)</translation>
    </message>
    <message>
        <source>!... turned into run_shell(...)</source>
        <translation>!... wurde zu run_shell(...)</translation>
    </message>
    <message>
        <source>%{magic} install became declared dependencies</source>
        <translation>%{magic} install wurde zu deklarierten Abhängigkeiten</translation>
    </message>
    <message>
        <source>%{magic} removed; the statement runs once</source>
        <translation>%{magic} entfernt; die Anweisung läuft einmal</translation>
    </message>
    <message>
        <source>%cd turned into os.chdir(...)</source>
        <translation>%cd wurde zu os.chdir(...)</translation>
    </message>
    <message>
        <source>%env turned into os.environ[...]</source>
        <translation>%env wurde zu os.environ[...]</translation>
    </message>
    <message>
        <source>%pylab turned into the imports of numpy&apos;s and pylab&apos;s names</source>
        <translation>%pylab wurde zu den Importen der Namen von numpy und pylab</translation>
    </message>
    <message>
        <source>%{magic} removed (interactive session only)</source>
        <translation>%{magic} entfernt (nur für die interaktive Sitzung)</translation>
    </message>
    <message>
        <source>%{magic} has no plain-Python equivalent; kept as a comment</source>
        <translation>%{magic} hat keine Entsprechung in reinem Python; als Kommentar behalten</translation>
    </message>
    <message>
        <source>help request {request} removed</source>
        <translation>Hilfeanfrage {request} entfernt</translation>
    </message>
    <message>
        <source>imports and session set-up only: runs once before the steps (session.set_up()), not as a step</source>
        <translation>nur Importe und Sitzungseinrichtung: läuft einmal vor den Schritten (session.set_up()), nicht als Schritt</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not defined before step {step}; the step reads it as a global (NameError if nothing defines it)</source>
        <translation>&apos;{name}&apos; ist vor Schritt {step} nicht definiert; der Schritt liest es als globalen Namen (NameError, wenn nichts es definiert)</translation>
    </message>
    <message>
        <source>step `{step}`: {@finding}</source>
        <translation>Schritt `{step}`: {@finding}</translation>
    </message>
</context>
<context>
    <name>RuleFix</name>
    <message>
        <source>Move the defining cell above its first use, or define the name in the cell that uses it.</source>
        <translation>Verschieben Sie die definierende Zelle vor die erste Verwendung oder definieren Sie den Namen in der Zelle, die ihn verwendet.</translation>
    </message>
    <message>
        <source>Define the name in a cell (or import it), then restart the kernel and run all cells to check.</source>
        <translation>Definieren (oder importieren) Sie den Namen in einer Zelle, starten Sie dann den Kernel neu und führen Sie zur Prüfung alle Zellen aus.</translation>
    </message>
    <message>
        <source>Fix the cell so it parses: prefix shell commands with !, remove conflict markers, use plain quotes and spaces.</source>
        <translation>Korrigieren Sie die Zelle, bis sie sich parsen lässt: Shell-Befehle mit ! beginnen, Konfliktmarker entfernen, einfache Anführungszeichen und Leerzeichen verwenden.</translation>
    </message>
    <message>
        <source>Port the code to Python 3 (print(), except X as e, range) or run it with a Python 2 kernel.</source>
        <translation>Portieren Sie den Code nach Python 3 (print(), except X as e, range) oder führen Sie ihn mit einem Python-2-Kernel aus.</translation>
    </message>
    <message>
        <source>Restart the kernel, run all cells top to bottom and save, so the outputs match the order shown.</source>
        <translation>Starten Sie den Kernel neu, führen Sie alle Zellen von oben nach unten aus und speichern Sie, damit die Ausgaben zur gezeigten Reihenfolge passen.</translation>
    </message>
    <message>
        <source>Re-run the cell (after the cells it depends on), or clear outputs whose code was removed.</source>
        <translation>Führen Sie die Zelle erneut aus (nach den Zellen, von denen sie abhängt), oder leeren Sie Ausgaben, deren Code entfernt wurde.</translation>
    </message>
    <message>
        <source>Run the cell, or delete it if the cells below do not need it, then restart and run all.</source>
        <translation>Führen Sie die Zelle aus oder löschen Sie sie, wenn die Zellen darunter sie nicht brauchen; starten Sie dann neu und führen Sie alles aus.</translation>
    </message>
    <message>
        <source>Fix the error, re-run the cell and save; or clear its output if the error is expected.</source>
        <translation>Beheben Sie den Fehler, führen Sie die Zelle erneut aus und speichern Sie; oder leeren Sie ihre Ausgabe, wenn der Fehler erwartet ist.</translation>
    </message>
    <message>
        <source>Seed the generator (random_state, np.random.seed), sort unordered results, or pass the time in as a parameter.</source>
        <translation>Setzen Sie einen Seed (random_state, np.random.seed), sortieren Sie ungeordnete Ergebnisse oder übergeben Sie die Zeit als Parameter.</translation>
    </message>
    <message>
        <source>Restart the kernel and run all cells, so no run outside the notebook shaped its outputs.</source>
        <translation>Starten Sie den Kernel neu und führen Sie alle Zellen aus, damit kein Lauf außerhalb des Notebooks seine Ausgaben geprägt hat.</translation>
    </message>
    <message>
        <source>Build the value inside the cell (assign instead of +=/append to an earlier name), so re-running gives the same state.</source>
        <translation>Erzeugen Sie den Wert in der Zelle (zuweisen statt += oder append auf einen früheren Namen), damit ein erneuter Lauf denselben Zustand ergibt.</translation>
    </message>
    <message>
        <source>Replace the star import, exec or %run with explicit imports and code, so the names are visible.</source>
        <translation>Ersetzen Sie den Stern-Import, exec oder %run durch explizite Importe und Code, damit die Namen sichtbar sind.</translation>
    </message>
    <message>
        <source>Split the very large cell or output, or raise the limit, to have it analysed.</source>
        <translation>Teilen Sie die sehr große Zelle oder Ausgabe auf oder erhöhen Sie das Limit, damit sie analysiert wird.</translation>
    </message>
    <message>
        <source>Remove the value, revoke it if it was shared, and read it from an environment variable or a secrets store.</source>
        <translation>Entfernen Sie den Wert, widerrufen Sie ihn, falls er geteilt wurde, und lesen Sie ihn aus einer Umgebungsvariable oder einem Secret-Store.</translation>
    </message>
    <message>
        <source>Pin an exact version (name==x.y.z) in the install line or requirements file.</source>
        <translation>Legen Sie eine exakte Version (name==x.y.z) in der Installationszeile oder Requirements-Datei fest.</translation>
    </message>
    <message>
        <source>Declare the distribution in a requirements file, a %pip install line or a PEP 723 block.</source>
        <translation>Deklarieren Sie die Distribution in einer Requirements-Datei, einer %pip-install-Zeile oder einem PEP-723-Block.</translation>
    </message>
    <message>
        <source>Remove the declaration, or import what it installs.</source>
        <translation>Entfernen Sie die Deklaration oder importieren Sie, was sie installiert.</translation>
    </message>
    <message>
        <source>Use %pip install, which installs into the kernel&apos;s own environment.</source>
        <translation>Verwenden Sie %pip install, das in die Umgebung des Kernels installiert.</translation>
    </message>
    <message>
        <source>Use a path relative to the notebook, or a parameter.</source>
        <translation>Verwenden Sie einen Pfad relativ zum Notebook oder einen Parameter.</translation>
    </message>
    <message>
        <source>Put the file beside the notebook (or fix the path), so a fresh run finds it.</source>
        <translation>Legen Sie die Datei neben das Notebook (oder korrigieren Sie den Pfad), damit ein frischer Lauf sie findet.</translation>
    </message>
    <message>
        <source>Download the data once, keep it beside the notebook with a checksum, and read the local copy.</source>
        <translation>Laden Sie die Daten einmal herunter, legen Sie sie mit Prüfsumme neben das Notebook und lesen Sie die lokale Kopie.</translation>
    </message>
    <message>
        <source>Catch the specific exception you expect, and log or re-raise the rest.</source>
        <translation>Fangen Sie die erwartete Ausnahme gezielt ab und protokollieren Sie den Rest oder lösen Sie ihn erneut aus.</translation>
    </message>
</context>
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
    <message>
        <source>Nondeterministic output</source>
        <translation>Nichtdeterministische Ausgabe</translation>
    </message>
    <message>
        <source>changes per run</source>
        <translation>ändert sich je Lauf</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Risky</source>
        <translation>Riskant</translation>
    </message>
    <message>
        <source>Broken</source>
        <translation>Kaputt</translation>
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
        <translation>Nur Geheimnisse wurden geprüft: Der Kernel ist %1, und Tassel analysiert nur Python-Code, daher bleiben die Abhängigkeits-, Import- und Reihenfolge-Ansichten leer.</translation>
    </message>
    <message numerus="yes">
        <source>%n use(s) of names defined later</source>
        <translation>
            <numerusform>%n Verwendung eines später definierten Namens</numerusform>
            <numerusform>%n Verwendungen später definierter Namen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n name(s) defined nowhere</source>
        <translation>
            <numerusform>%n nirgends definierter Name</numerusform>
            <numerusform>%n nirgends definierte Namen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nondeterministic output(s)</source>
        <translation>
            <numerusform>%n nichtdeterministische Ausgabe</numerusform>
            <numerusform>%n nichtdeterministische Ausgaben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stale output(s)</source>
        <translation>
            <numerusform>%n veraltete Ausgabe</numerusform>
            <numerusform>%n veraltete Ausgaben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n never-run cell(s) others depend on</source>
        <translation>
            <numerusform>%n nie ausgeführte Zelle, von der andere abhängen</numerusform>
            <numerusform>%n nie ausgeführte Zellen, von denen andere abhängen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stored error(s)</source>
        <translation>
            <numerusform>%n gespeicherter Fehler</numerusform>
            <numerusform>%n gespeicherte Fehler</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no (%1)</source>
        <translation>nein (%1)</translation>
    </message>
    <message>
        <source>%1 — runs top to bottom: %2; same outputs: %3</source>
        <translation>%1 — läuft von oben nach unten: %2; gleiche Ausgaben: %3</translation>
    </message>
    <message numerus="yes">
        <source>; %n error-level finding(s)</source>
        <translation>
            <numerusform>; %n Befund der Stufe Fehler</numerusform>
            <numerusform>; %n Befunde der Stufe Fehler</numerusform>
        </translation>
    </message>
    <message>
        <source>; re-run: %1 of %2 code cells reproduced</source>
        <translation>; erneuter Lauf: %1 von %2 Codezellen reproduziert</translation>
    </message>
    <message numerus="yes">
        <source>, %n not explained by a finding</source>
        <translation>
            <numerusform>, %n nicht durch einen Befund erklärt</numerusform>
            <numerusform>, %n nicht durch einen Befund erklärt</numerusform>
        </translation>
    </message>
    <message>
        <source>same outputs</source>
        <translation>gleiche Ausgaben</translation>
    </message>
</context>
<context>
    <name>tassel::ui::FolderModel</name>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>Notebook</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Geheimnisse</translation>
    </message>
    <message>
        <source>Last verification</source>
        <translation>Letzte Überprüfung</translation>
    </message>
    <message>
        <source>stale (%1)</source>
        <translation>veraltet (%1)</translation>
    </message>
    <message>
        <source>%1: reproduced</source>
        <translation>%1: reproduziert</translation>
    </message>
    <message>
        <source>%1: %2 of %3 reproduced</source>
        <translation>%1: %2 von %3 reproduziert</translation>
    </message>
    <message>
        <source>The notebook changed since its last verification: run Verify again</source>
        <translation>Das Notebook hat sich seit der letzten Überprüfung geändert: Überprüfen Sie es erneut</translation>
    </message>
    <message>
        <source>%1 of %2 code cells reproduced when this content was last verified</source>
        <translation>%1 von %2 Codezellen reproduziert, als dieser Inhalt zuletzt überprüft wurde</translation>
    </message>
    <message>
        <source>No verification of this notebook is recorded (File ▸ Verify (Re-run)…, or tassel verify)</source>
        <translation>Keine Überprüfung dieses Notebooks aufgezeichnet (Datei ▸ Überprüfen (erneut ausführen) … oder tassel verify)</translation>
    </message>
</context>
<context>
    <name>tassel::ui::FolderView</name>
    <message numerus="yes">
        <source>Checking %n notebook(s) in %1…</source>
        <translation>
            <numerusform>Prüfe %n Notebook in %1 …</numerusform>
            <numerusform>Prüfe %n Notebooks in %1 …</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>%1 — Folder</source>
        <translation>%1 — Ordner</translation>
    </message>
    <message numerus="yes">
        <source>%n notebook(s) in %1</source>
        <translation>
            <numerusform>%n Notebook in %1</numerusform>
            <numerusform>%n Notebooks in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 broken, %2 risky, %3 ok</source>
        <translation>%1 kaputt, %2 riskant, %3 in Ordnung</translation>
    </message>
    <message numerus="yes">
        <source>; %n not checked or unreadable</source>
        <translation>
            <numerusform>; %n nicht geprüft oder nicht lesbar</numerusform>
            <numerusform>; %n nicht geprüft oder nicht lesbar</numerusform>
        </translation>
    </message>
    <message>
        <source>; only the first %1 of %2 are listed</source>
        <translation>; nur die ersten %1 von %2 sind aufgeführt</translation>
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
        <translation>Python, mit dem das Notebook lief, um installierte Versionen festzulegen (leer: die eigenen Pins des Notebooks)</translation>
    </message>
    <message>
        <source>&amp;Copy data files up to:</source>
        <translation>Datendateien &amp;kopieren bis:</translation>
    </message>
    <message>
        <source>Files the notebook reads beside it are copied into the package&apos;s data/ while they add up to at most this size (K, M, G; 0 copies none).</source>
        <translation>Dateien, die das Notebook neben sich liest, werden nach data/ des Pakets kopiert, solange sie zusammen höchstens diese Größe haben (K, M, G; 0 kopiert keine).</translation>
    </message>
    <message>
        <source>Re-run the notebook first and mark the tests of outputs that do not reproduce as expected failures</source>
        <translation>Das Notebook zuerst erneut ausführen und die Tests nicht reproduzierbarer Ausgaben als erwartete Fehlschläge markieren</translation>
    </message>
    <message>
        <source>Re-run</source>
        <translation>Erneut ausführen</translation>
    </message>
    <message>
        <source>The notebook runs in a fresh process, in a copy of its folder; nothing is changed.</source>
        <translation>Das Notebook läuft in einem frischen Prozess, in einer Kopie seines Ordners; nichts wird verändert.</translation>
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
        <translation>Der erneute Lauf war nicht möglich: %1</translation>
    </message>
    <message>
        <source>%1 of %2 code cells reproduced their stored outputs.</source>
        <translation>%1 von %2 Codezellen reproduzierten ihre gespeicherten Ausgaben.</translation>
    </message>
    <message>
        <source>%1: tests marked as expected failures: %2</source>
        <translation>%1: als erwartete Fehlschläge markierte Tests: %2</translation>
    </message>
    <message>
        <source>%1 of %2 dependencies pinned.</source>
        <translation>%1 von %2 Abhängigkeiten festgelegt.</translation>
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
    <message>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen …</translation>
    </message>
    <message>
        <source>Check every notebook under a folder and list their status</source>
        <translation>Jedes Notebook unter einem Ordner prüfen und ihren Status auflisten</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Erscheinungsbild</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>Open Folder of Notebooks</source>
        <translation>Ordner mit Notebooks öffnen</translation>
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
