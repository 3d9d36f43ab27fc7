#include "python/pythoncellanalyzer.h"

#include <QTest>

#include <algorithm>
#include <string>
#include <vector>

using namespace tassel;
using namespace Qt::StringLiterals;

namespace {

QString names(const std::vector<NameRef> &refs)
{
    QStringList list;
    for (const NameRef &r : refs)
        list << QString::fromStdString(r.name);
    list.sort();
    return list.join(u' ');
}

const char *magicKind(MagicRef::Kind kind)
{
    switch (kind) {
    case MagicRef::Kind::LineMagic:
        return "L";
    case MagicRef::Kind::CellMagic:
        return "C";
    case MagicRef::Kind::Shell:
        return "S";
    case MagicRef::Kind::Help:
        return "H";
    }
    return "?";
}

const char *opaqueKind(OpaqueConstruct::Kind kind)
{
    switch (kind) {
    case OpaqueConstruct::Kind::RunMagic:
        return "run";
    case OpaqueConstruct::Kind::StarImport:
        return "star";
    case OpaqueConstruct::Kind::ExecEval:
        return "exec";
    case OpaqueConstruct::Kind::GlobalsAccess:
        return "globals";
    case OpaqueConstruct::Kind::OtherMagic:
        return "other";
    case OpaqueConstruct::Kind::NotAnalysed:
        return "not-analysed";
    }
    return "?";
}

/// One aspect of the result as a canonical string, so rows can state expectations compactly.
QString describe(const CellSymbols &s, const QString &key)
{
    QStringList parts;
    if (key == u"deferred") {
        for (const DeferredScope &d : s.deferred) {
            QString entry = (d.isClass ? u"class "_s : QString()) + QString::fromStdString(d.name) + u'('
                + names(d.freeNames) + u')';
            if (!d.globalDefines.empty())
                entry += u" global("_s + names(d.globalDefines) + u')';
            parts << entry;
        }
        return parts.join(u"; ");
    }
    if (key == u"imports") {
        for (const ImportRef &i : s.imports) {
            QString flags;
            if (i.isFrom)
                flags += u'f';
            if (i.optional)
                flags += u'o';
            if (i.conditional)
                flags += u'c';
            if (i.dynamic)
                flags += u'd';
            parts << QString::fromStdString(i.module) + u'>' + QString::fromStdString(i.boundAs)
                    + (flags.isEmpty() ? QString() : u'[' + flags + u']');
        }
        return parts.join(u' ');
    }
    if (key == u"magics") {
        for (const MagicRef &m : s.magics) {
            parts << QString::fromLatin1(magicKind(m.kind)) + u':' + QString::fromStdString(m.name) + u':'
                    + QString::fromStdString(m.arguments)
                    + (m.assignedTo.empty() ? QString() : u'>' + QString::fromStdString(m.assignedTo));
        }
        return parts.join(u" | ");
    }
    if (key == u"opaque") {
        for (const OpaqueConstruct &o : s.opaque)
            parts << QString::fromLatin1(opaqueKind(o.kind));
        return parts.join(u' ');
    }
    if (key == u"calls")
        return names(s.calls);
    if (key == u"python")
        return s.isPython ? u"yes"_s : u"no"_s;
    if (key == u"errors")
        return s.syntaxErrors.empty() ? u"no"_s : u"yes"_s;
    if (key == u"python2") {
        for (const NameRef &construct : s.python2Syntax)
            parts << QString::fromStdString(construct.name);
        return parts.join(u" | ");
    }
    return u"unknown key "_s + key;
}

} // namespace

class TestPythonCellAnalyzer : public QObject
{
    Q_OBJECT
private slots:
    void symbols_data();
    void symbols();
    void positions_data();
    void positions();
    void pathologicalInput_data();
    void pathologicalInput();
    void prePassKeepsLength();
};

void TestPythonCellAnalyzer::symbols_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("defines");
    QTest::addColumn<QString>("uses");
    QTest::addColumn<QString>("modifies");
    QTest::addColumn<QString>("deletes");
    /// "key=value|key=value": describe(symbols, key) must equal value for each key.
    QTest::addColumn<QString>("extra");

    const auto row = [](const char *name, const char *source, const char *defines, const char *uses,
                         const char *modifies = "", const char *deletes = "", const char *extra = "") {
        QTest::addRow("%s", name) << QString::fromUtf8(source) << QString::fromUtf8(defines)
                                  << QString::fromUtf8(uses) << QString::fromUtf8(modifies)
                                  << QString::fromUtf8(deletes) << QString::fromUtf8(extra);
    };

    // Assignments
    row("simple assignment", "x = y", "x", "y");
    row("chained assignment", "a = b = c", "a b", "c");
    row("tuple unpacking", "a, b = c", "a b", "c");
    row("starred unpacking", "first, *rest = items", "first rest", "items");
    row("nested unpacking", "(a, (b, c)), d = pairs", "a b c d", "pairs");
    row("list target", "[a, b] = t", "a b", "t");
    row("swap reads before binding", "a, b = b, a", "a b", "a b");
    row("annotated assignment", "n: int = m", "n", "m");
    row("bare annotation binds nothing", "n: Counter", "", "Counter");
    row("self reference", "x = x + 1", "x", "x");
    row("use after definition in cell", "x = 1\ny = x", "x y", "");
    row("builtins are not uses", "print(len(range(3)))", "", "", "", "", "calls=");
    row("python 2 names are not builtins", "for i in xrange(3): pass", "i", "xrange");
    row("ipython names are not uses", "display(_, __, _3, _i2, In, Out, get_ipython, exit)", "", "");

    // Augmented assignment
    row("augmented assignment", "x += 1", "x", "x", "x");
    row("augmented after local definition", "x = 0\nx += 1", "x", "", "");
    row("augmented subscript", "d[k] += v", "", "d k v", "d");
    row("augmented attribute", "obj.count -= 1", "", "obj", "obj");

    // Walrus
    row("walrus", "if (n := len(a)) > 3: pass", "n", "a");
    row("walrus in comprehension binds outside", "ys = [y for x in xs if (y := f(x))]", "y ys", "f xs", "",
        "", "calls=f");
    row("walrus in generator binds outside", "any((m := v) > 2 for v in vals)\nprint(m)", "m", "vals");

    // Control flow
    row("if condition is a use", "if flag:\n    pass", "", "flag");
    row("conditional binding is maybe", "if c:\n    x = 1\nprint(x)", "x", "c x");
    row("if else binds on both paths", "if c:\n    x = 1\nelse:\n    x = 2\nprint(x)", "x", "c");
    row("elif chain without else", "if a:\n    x = 1\nelif b:\n    x = 2\nprint(x)", "x", "a b x");
    row("for target", "for i in items:\n    total = i", "i total", "items");
    row("loop variable after loop", "for i in range(3):\n    pass\nprint(i)", "i", "");
    row("for tuple target", "for k, v in d.items():\n    print(k, v)", "k v", "d");
    row("for else", "for i in x:\n    pass\nelse:\n    done = True", "done i", "x");
    row("while loop", "while n > 0:\n    n -= 1", "n", "n", "n");
    row("with as", "with open(p) as fh:\n    data = fh.read()", "data fh", "p");
    row("with tuple target", "with ctx() as (a, b):\n    pass", "a b", "ctx", "", "", "calls=ctx");
    row("with several items", "with A() as a, B(a) as b:\n    pass", "a b", "A B");
    row("except as is unbound after handler",
        "try:\n    f()\nexcept ValueError as e:\n    print(e)\nprint(e)", "", "e f");
    row("except body bindings are maybe", "try:\n    x = g()\nexcept Exception:\n    y = 0\nprint(x, y)",
        "x y", "g y");
    row("finally runs", "try:\n    pass\nfinally:\n    z = 1\nprint(z)", "z", "");
    row("try else", "try:\n    a = 1\nexcept E:\n    pass\nelse:\n    b = a", "a b", "E");
    row("return and raise in function", "def f():\n    raise Err(msg)", "f", "", "", "",
        "deferred=f(Err msg)");

    // del
    row("del name", "del df", "", "df", "", "df");
    row("del after define", "x = 1\ndel x", "", "", "", "x");
    row("del subscript", "del d[k]", "", "d k", "d");
    row("del attribute", "del obj.attr", "", "obj", "obj");
    row("del tuple", "del a, b", "", "a b", "", "a b");
    row("use after del", "x = 1\ndel x\nprint(x)", "", "x", "", "x");

    // Subscript and attribute stores, in-place calls
    row("subscript store", "d[k] = v", "", "d k v", "d");
    row("dataframe column store", "df['x'] = df['y'] * 2", "", "df", "df");
    row("attribute store", "obj.a = 1", "", "obj", "obj");
    row("nested attribute store", "model.layer.weight = w", "", "model w", "model");
    row("list append", "lst.append(1)", "", "lst", "lst");
    row("dict update", "cfg.update(extra)", "", "cfg extra", "cfg");
    row("set add", "seen.add(x)", "", "seen x", "seen");
    row("list sort", "scores.sort()", "", "scores", "scores");
    row("pop", "queue.pop(0)", "", "queue", "queue");
    row("inplace true", "df.drop(columns=['a'], inplace=True)", "", "df", "df");
    row("inplace false is no change", "df2 = df.drop(columns=['a'], inplace=False)", "df2", "df");
    row("fillna inplace", "df['a'].fillna(0, inplace=True)", "", "df", "df");
    row("non mutating method", "s = text.upper()", "s", "text");
    row("shuffle argument", "np.random.shuffle(idx)", "", "idx np", "idx");
    row("append to own list", "lst = []\nlst.append(1)", "lst", "", "");
    row("attribute of expression", "(a + b).c", "", "a b");
    row("method chain reads root", "df.groupby(k).agg(f).reset_index()", "", "df f k");

    // Imports
    row("import", "import numpy", "numpy", "", "", "", "imports=numpy>numpy");
    row("import dotted binds head", "import os.path", "os", "", "", "", "imports=os.path>os");
    row("import as", "import numpy as np", "np", "", "", "", "imports=numpy>np");
    row("import several", "import os, sys as system", "os system", "", "", "", "imports=os>os sys>system");
    row("from import", "from collections import Counter, OrderedDict as OD", "Counter OD", "", "", "",
        "imports=collections>Counter[f]");
    row("relative import", "from .utils import helper", "helper", "", "", "", "imports=.utils>helper[f]");
    row("star import is opaque", "from pylab import *", "", "", "", "", "imports=pylab>*[f]|opaque=star");
    row("future import", "from __future__ import annotations", "", "", "", "", "imports=__future__>[f]");
    row("import in function is conditional", "def f():\n    import json\n    return json.dumps(x)", "f", "",
        "", "", "imports=json>json[c]|deferred=f(x)");
    row("import in if is conditional", "if gpu:\n    import cupy as xp", "xp", "gpu", "", "",
        "imports=cupy>xp[c]");
    row("optional import", "try:\n    import ujson as json\nexcept ImportError:\n    import json", "json", "",
        "", "", "imports=ujson>json[o] json>json[c]");
    row("module not found error is optional",
        "try:\n    import torch\nexcept ModuleNotFoundError:\n    torch = None", "torch", "", "", "",
        "imports=torch>torch[o]");
    row("importlib import_module", "import importlib\nm = importlib.import_module('yaml')", "importlib m", "",
        "", "", "imports=importlib>importlib yaml>[d]");
    row("dunder import", "m = __import__('json')", "m", "", "", "", "imports=json>[d]");
    row("dynamic import of non literal is skipped", "import importlib\nm = importlib.import_module(name)",
        "importlib m", "name", "", "", "imports=importlib>importlib");

    // Functions, deferred bodies
    row("def binds name, body deferred", "def f(a):\n    return a + b", "f", "", "", "", "deferred=f(b)");
    row("decorator is immediate", "@cache(size)\ndef f():\n    pass", "f", "cache size", "", "",
        "deferred=f()");
    row("default value is immediate", "def f(a=default, *, b=other):\n    return a", "f", "default other", "",
        "", "deferred=f()");
    row("annotations are immediate", "def f(a: Tensor) -> Result:\n    return a", "f", "Result Tensor", "",
        "", "deferred=f()");
    row("params are local", "def f(x, *args, y=1, **kw):\n    return x, args, y, kw", "f", "", "", "",
        "deferred=f()");
    row("local assignment shadows", "def f():\n    x = 1\n    return x", "f", "", "", "", "deferred=f()");
    row("global declaration", "def f():\n    global counter\n    counter += 1", "f", "", "", "",
        "deferred=f(counter) global(counter)");
    row("nonlocal resolves to enclosing",
        "def outer():\n    n = 0\n    def inner():\n        nonlocal n\n        n += 1\n    return inner",
        "outer", "", "", "", "deferred=outer()");
    row("nested function free names", "def outer():\n    def inner():\n        return g\n    return inner",
        "outer", "", "", "", "deferred=outer(g)");
    row("closure over enclosing local", "def outer(k):\n    def inner():\n        return k\n    return inner",
        "outer", "", "", "", "deferred=outer()");
    row("recursive function", "def fact(n):\n    return 1 if n < 2 else n * fact(n - 1)", "fact", "", "", "",
        "deferred=fact(fact)");
    row("call of cell function", "def f():\n    return y\nf()", "f", "", "", "", "calls=f|deferred=f(y)");
    row("async function", "async def fetch(u):\n    return await session.get(u)", "fetch", "", "", "",
        "deferred=fetch(session)");
    row("lambda assigned is deferred", "f = lambda x: x * scale", "f", "", "", "", "deferred=f(scale)");
    row("lambda argument is immediate", "df.apply(lambda r: r.a * factor)", "", "df factor");
    row("lambda default immediate", "g = lambda x=d0: x", "g", "d0", "", "", "deferred=g()");

    // Classes
    row("class body is immediate", "class C(Base, metaclass=Meta):\n    x = const", "C", "Base Meta const",
        "", "", "deferred=class C()");
    row("class body not visible in methods", "class C:\n    size = 3\n    def m(self):\n        return size",
        "C", "", "", "", "deferred=class C(size)");
    row("class attribute reads in body", "class C:\n    a = 1\n    b = a + 1", "C", "", "", "",
        "deferred=class C()");
    row("method free names", "class M:\n    def fit(self, X):\n        return np.mean(X)", "M", "", "", "",
        "deferred=class M(np)");
    row("decorated class", "@dataclass\nclass P:\n    x: int = 0", "P", "dataclass");
    row("class in function", "def f():\n    class C:\n        y = z\n    return C", "f", "", "", "",
        "deferred=f(z)");

    // Comprehensions and lambdas have their own scope
    row("comprehension variable is local", "squares = [x * x for x in nums]", "squares", "nums");
    row("comprehension leaks nothing", "[x for x in a]\nprint(x)", "", "a x");
    row("first iterable outside", "r = [y for x in x for y in x]", "r", "x");
    row("nested comprehension", "m = [[i * j for j in cols] for i in rows]", "m", "cols rows");
    row("dict comprehension", "inv = {v: k for k, v in d.items()}", "inv", "d");
    row("set comprehension with condition", "s = {w for w in words if w not in stop}", "s", "stop words");
    row("generator expression argument", "total = sum(x for x in xs)", "total", "xs");
    row("comprehension in class sees module", "class C:\n    k = 2\n    v = [k for _ in range(3)]", "C", "k");

    // match, PEP 695
    row("match capture patterns",
        "match cmd:\n    case [action, obj]:\n        pass\n    case _:\n        pass", "action obj", "cmd");
    row("match class pattern", "match p:\n    case Point(x=px, y=0) as pt:\n        pass", "pt px",
        "Point p");
    row("match value pattern", "match c:\n    case Color.RED:\n        pass", "", "Color c");
    row("match guard", "match v:\n    case n if n > limit:\n        pass", "n", "limit v");
    row("match star and mapping",
        "match d:\n    case {'k': val, **rest}:\n        pass\n    case [h, *t]:\n        pass",
        "h rest t val", "d");
    row("pep 695 function type params", "def first[T](xs: list[T]) -> T:\n    return xs[0]", "first", "", "",
        "", "deferred=first()");
    row("pep 695 class type params", "class Box[T: Base]:\n    item: T", "Box", "Base", "", "",
        "deferred=class Box()");
    row("pep 695 type alias", "type Pair[K] = tuple[K, V]", "Pair", "V");

    // Opaque code
    row("exec", "exec(code)", "", "code", "", "", "opaque=exec");
    row("eval", "r = eval(expr)", "r", "expr", "", "", "opaque=exec");
    row("globals subscript", "globals()['x'] = 1", "", "", "", "", "opaque=globals");
    row("globals update", "globals().update(params)", "", "params", "", "", "opaque=globals");

    // IPython syntax
    row("line magic", "%matplotlib inline\nx = y", "x", "y", "", "", "magics=L:matplotlib:inline");
    row("pip magic", "%pip install pandas==2.2", "", "", "", "", "magics=L:pip:install pandas==2.2");
    row("shell escape", "!pip install x", "", "", "", "", "magics=S:!:pip install x");
    row("double bang", "!!ls", "", "", "", "", "magics=S:!!:ls");
    row("shell assignment", "files = !ls *.csv\nprint(files)", "files", "", "", "",
        "magics=S:!:ls *.csv>files");
    row("magic assignment", "t = %timeit -o f()", "t", "f", "", "", "magics=L:timeit:-o f()>t");
    row("shell variable expansion", "!echo $name {path}", "", "name path");
    row("indented shell in loop", "for f in fs:\n    !cat {f}", "f", "fs");
    row("time statement analysed", "%time model = fit(X)", "model", "X fit", "", "",
        "magics=L:time:model = fit(X)");
    row("timeit statement analysed", "%timeit -n 10 sorted(data)", "", "data");
    row("time cell magic body is python", "%%time\nresult = compute(data)", "result", "compute data", "", "",
        "magics=C:time:|python=yes|calls=compute");
    row("capture defines its name", "%%capture out\nrun_it()", "out", "run_it", "", "",
        "magics=C:capture:out|python=yes");
    row("timeit cell keeps bindings local", "%%timeit\nx = f(y)\nz = x", "", "f y", "", "", "python=yes");
    row("bash cell is not python", "%%bash\nexport X=1\necho $X", "", "", "", "", "python=no|magics=C:bash:");
    row("sql cell is not python", "%%sql\nSELECT * FROM t", "", "", "", "", "python=no");
    row("writefile cell is not python", "%%writefile helpers.py\ndef f(): pass", "", "", "", "", "python=no");
    row("run magic is opaque", "%run helpers.py", "", "", "", "", "opaque=run|magics=L:run:helpers.py");
    row("store restore defines", "%store -r model", "model", "", "", "", "magics=L:store:-r model");
    row("store saves a use", "%store model", "", "model");
    row("xdel deletes", "%xdel big", "", "big", "", "big");
    row("help postfix reads", "df.head?", "", "df", "", "", "magics=H:pinfo:df.head");
    row("help prefix", "??np.mean", "", "", "", "", "magics=H:pinfo2:np.mean");
    row("automagic pip", "pip install requests", "", "", "", "", "magics=L:pip:install requests");
    row("automagic cd", "cd data", "", "", "", "", "magics=L:cd:data");
    row("automagic name assigned is python", "time = 5\nls = []", "ls time", "", "", "", "magics=");
    row("automagic name in expression is python", "elapsed = time - start", "elapsed", "start time", "", "",
        "magics=");
    row("bare variable named history stays python", "history", "", "history", "", "", "magics=");
    row("magic inside brackets is not a magic", "x = [\n%s\n]", "x", "", "", "", "errors=yes|magics=");
    row("magic with continuation", "!pip install a \\\n    b\nz = 1", "z", "", "", "",
        "magics=S:!:pip install a b");
    row("percent in string is not a magic", "s = '''\n%time\n'''", "s", "", "", "", "magics=");
    row("modulo line continues expression", "x = (a\n% b)", "x", "a b", "", "", "magics=");

    // Syntax errors do not stop the analysis
    row("syntax error keeps the bindings, not the reads", "x = (\ny = 2\nz = w", "x z", "", "", "",
        "errors=yes");
    row("python 2 print", "print 'hello', name", "", "", "", "",
        "errors=yes|python2=python2.print-statement");
    row("python 2 print chevron", "print >>f, x", "", "", "", "", "python2=python2.print-statement");
    row("python 3 print call", "print('hello', name)", "", "name", "", "", "errors=no|python2=");
    row("python 2 exec statement", "exec code in ns", "", "", "", "",
        "python2=python2.exec-statement|opaque=exec");
    row("python 2 backticks", "s = `x`", "s", "", "", "", "python2=python2.backticks");
    row("backticks in strings and comments", "s = '`x`'  # `y`", "s", "", "", "", "errors=no|python2=");
    row("python 2 not-equal", "if a <> b:\n    pass", "", "", "", "", "python2=python2.not-equal");
    row("python 2 except comma", "try:\n    f()\nexcept ValueError, e:\n    pass", "", "", "", "",
        "python2=python2.except-comma");
    row("python 3 except tuple", "try:\n    f()\nexcept (ValueError, KeyError):\n    pass", "", "f", "", "",
        "errors=no");
    row("python 2 long literal", "n = 10L", "n", "", "", "", "python2=python2.long-literal");
    row("python 2 octal literal", "mode = 0777", "mode", "", "", "", "python2=python2.octal-literal");
    row("python 3 literals", "a = 0\nb = 00\nc = 0o777\nd = 0x1F\ne = 1_000", "a b c d e", "", "", "",
        "errors=no");
    row("python 2 ur string", "s = ur'x'", "s", "", "", "", "python2=python2.ur-prefix");
    row("python 3 string prefixes", "s = rb'x' + Rb'y' + u'z' + f'{w}'", "s", "w", "", "", "errors=no");
    row("shell command without bang: names dropped, definitions kept",
        "import os\naws s3 cp data.csv s3://bucket/data.csv --region us-east-1\ntotal = 1", "os total", "",
        "", "", "errors=yes");
    row("a cell that does not parse reads nothing", "git status\nprint(x)\ny = z", "y", "", "", "",
        "errors=yes");
    row("empty cell", "", "", "");
    row("only comments", "# nothing here\n", "", "");
    row("comment-shaped lines inside an f-string are code", "s = f\"\"\"\n#{x}\n  # {y}\n\"\"\"", "s", "x y");
    row("comment lines inside brackets", "z = [\n    # first\n    a,\n  # second\n    b]", "z", "a b");
    row("unicode identifiers", "é = 1\nprint(é + ü)", "é", "ü");
}

void TestPythonCellAnalyzer::symbols()
{
    QFETCH(QString, source);
    QFETCH(QString, defines);
    QFETCH(QString, uses);
    QFETCH(QString, modifies);
    QFETCH(QString, deletes);
    QFETCH(QString, extra);

    const CellSymbols s = PythonCellAnalyzer().analyze(source.toStdString());
    QCOMPARE(names(s.defines), defines);
    QCOMPARE(names(s.uses), uses);
    QCOMPARE(names(s.modifies), modifies);
    QCOMPARE(names(s.deletes), deletes);
    if (!extra.isEmpty()) {
        for (const QString &expectation : extra.split(u'|')) {
            const qsizetype eq = expectation.indexOf(u'=');
            QVERIFY2(eq > 0, qPrintable(expectation));
            const QString key = expectation.left(eq);
            QCOMPARE(describe(s, key), expectation.mid(eq + 1));
        }
    }
    // Without IPython syntax or errors, nothing in the cell is opaque unless asked for.
    if (!source.contains(u'%') && !source.contains(u'!') && !extra.contains(u"opaque="))
        QVERIFY(s.opaque.empty());
}

void TestPythonCellAnalyzer::positions_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("list");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("endColumn");

    QTest::addRow("use on second line") << u"a = 1\nprint(x)"_s << u"uses"_s << u"x"_s << 2 << 7 << 8;
    QTest::addRow("first occurrence wins") << u"f(x)\ng(x)"_s << u"uses"_s << u"x"_s << 1 << 3 << 4;
    QTest::addRow("columns count code points")
        << u"s = 'äöü'; t = zz"_s << u"uses"_s << u"zz"_s << 1 << 16 << 18;
    QTest::addRow("after a magic line")
        << u"%matplotlib inline\nx = y"_s << u"uses"_s << u"y"_s << 2 << 5 << 6;
    QTest::addRow("after a cell magic")
        << u"%%time\n\nvalue = 1"_s << u"defines"_s << u"value"_s << 3 << 1 << 6;
    QTest::addRow("inside time statement") << u"%time r = f(q)"_s << u"uses"_s << u"q"_s << 1 << 13 << 14;
    QTest::addRow("shell expansion") << u"!echo $who_am"_s << u"uses"_s << u"who_am"_s << 1 << 8 << 14;
    QTest::addRow("modified name") << u"\n  \nd[k] = 1"_s << u"modifies"_s << u"d"_s << 3 << 1 << 2;
    QTest::addRow("deferred free name")
        << u"def f():\n    return g"_s << u"deferred"_s << u"g"_s << 2 << 12 << 13;
    QTest::addRow("magic range") << u"x = 1\n%pip install a"_s << u"magics"_s << u"pip"_s << 2 << 1 << 15;
    QTest::addRow("import range") << u"\nimport os"_s << u"imports"_s << u"os"_s << 2 << 1 << 10;
}

void TestPythonCellAnalyzer::positions()
{
    QFETCH(QString, source);
    QFETCH(QString, list);
    QFETCH(QString, name);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(int, endColumn);

    const CellSymbols s = PythonCellAnalyzer().analyze(source.toStdString());
    const std::string wanted = name.toStdString();
    std::optional<SourceRange> found;
    const auto search = [&](const std::vector<NameRef> &refs) {
        for (const NameRef &r : refs) {
            if (r.name == wanted && !found)
                found = r.range;
        }
    };
    if (list == u"uses")
        search(s.uses);
    else if (list == u"defines")
        search(s.defines);
    else if (list == u"modifies")
        search(s.modifies);
    else if (list == u"deferred" && !s.deferred.empty())
        search(s.deferred.front().freeNames);
    else if (list == u"magics" && !s.magics.empty())
        found = s.magics.front().range;
    else if (list == u"imports" && !s.imports.empty())
        found = s.imports.front().range;
    QVERIFY2(found.has_value(), qPrintable(name + u" not found in "_s + list));
    QCOMPARE(found->line, line);
    QCOMPARE(found->column, column);
    QCOMPARE(found->endColumn, endColumn);
}

void TestPythonCellAnalyzer::pathologicalInput_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("expectedUse");

    QTest::addRow("10000 nested parentheses")
        << QByteArray(10000, '(') + "deep" + QByteArray(10000, ')') << u"deep"_s;
    QByteArray sum = "total = a0";
    for (int i = 1; i < 20000; ++i)
        sum += " + a" + QByteArray::number(i % 7);
    QTest::addRow("20000 term sum") << sum << u"a6"_s;
    QByteArray lists = "x = " + QByteArray(5000, '[') + "inner" + QByteArray(5000, ']');
    QTest::addRow("5000 nested lists") << lists << u"inner"_s;
    QByteArray calls = "y = ";
    for (int i = 0; i < 3000; ++i)
        calls += "f(";
    calls += "arg" + QByteArray(3000, ')');
    QTest::addRow("3000 nested calls") << calls << u"arg"_s;
    QByteArray blocks;
    for (int i = 0; i < 300; ++i)
        blocks += QByteArray(i * 4, ' ') + "if c" + QByteArray::number(i) + ":\n";
    blocks += QByteArray(300 * 4, ' ') + "v = w\n";
    QTest::addRow("300 nested ifs") << blocks << u"w"_s;
    // tree-sitter-python rescans every following comment line at each one inside a block
    // (quadratic): parsing took past the 2 s limit until comment-only lines were blanked.
    QByteArray comments = "def f():\n";
    for (int i = 0; i < 20000; ++i)
        comments += "    # step " + QByteArray::number(i) + "\n";
    comments += "    return 1\nv = w\n";
    QTest::addRow("20000 comment lines in a function") << comments << u"w"_s;
    // A cell that does not parse reads nothing (Python would run none of it): no use expected.
    QTest::addRow("unbalanced brackets") << QByteArray("f(((([[[{{{ q") << QString();
    QTest::addRow("binary garbage") << QByteArray("\x01\x02\xff\xfe ok = zz \x80") << QString();
}

void TestPythonCellAnalyzer::pathologicalInput()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, expectedUse);

    const CellSymbols s = PythonCellAnalyzer().analyze(std::string_view(source.constData(), source.size()));
    if (expectedUse.isEmpty())
        QVERIFY(!s.syntaxErrors.empty() && s.uses.empty());
    else
        QVERIFY2(std::any_of(s.uses.begin(), s.uses.end(),
                     [&](const NameRef &r) { return r.name == expectedUse.toStdString(); }),
            qPrintable(u"no use of "_s + expectedUse + u" among: "_s + names(s.uses)));
    for (const NameRef &r : s.uses) {
        QVERIFY(r.range.line >= 1);
        QVERIFY(r.range.column >= 1);
    }
}

void TestPythonCellAnalyzer::prePassKeepsLength()
{
    // Every line after IPython syntax keeps its columns: a name after each kind of syntax is
    // found at the column it has in the original text.
    const std::string source
        = "%load_ext autoreload\n!ls -la\nv = !pwd\nobj?\n%time a1 = b1\npip install x\nzz";
    const CellSymbols s = PythonCellAnalyzer().analyze(source);
    QCOMPARE(s.magics.size(), std::size_t(6));
    const auto use
        = std::find_if(s.uses.begin(), s.uses.end(), [](const NameRef &r) { return r.name == "zz"; });
    QVERIFY(use != s.uses.end());
    QCOMPARE(use->range.line, 7);
    QCOMPARE(use->range.column, 1);
    QVERIFY(s.syntaxErrors.empty());
}

QTEST_GUILESS_MAIN(TestPythonCellAnalyzer)
#include "tst_pythoncellanalyzer.moc"
