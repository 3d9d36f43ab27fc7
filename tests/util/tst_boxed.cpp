// Boxed<T> keeps Output a value type while its rare fields live behind one pointer (issue 19):
// an empty box must read, compare and copy as T{} does.
#include "notebook/notebook.h"
#include "util/boxed.h"

#include <QTest>

using namespace tassel;

class TestBoxed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void comparesByValue_data();
    void comparesByValue();
    void copiesAreIndependent_data();
    void copiesAreIndependent();
};

void TestBoxed::comparesByValue_data()
{
    QTest::addColumn<bool>("openFirst"); // editDetails() called on the first output, nothing written
    QTest::addColumn<QString>("errorName"); // written into the second output's details; empty: only opened
    QTest::addColumn<bool>("equal");
    QTest::addRow("neither opened") << false << QString() << true;
    QTest::addRow("opened but empty equals never opened") << false << QStringLiteral("") << true;
    QTest::addRow("both opened, both empty") << true << QStringLiteral("") << true;
    QTest::addRow("an error name differs") << false << QStringLiteral("ValueError") << false;
    QTest::addRow("opened and written differ") << true << QStringLiteral("KeyError") << false;
}

void TestBoxed::comparesByValue()
{
    QFETCH(bool, openFirst);
    QFETCH(QString, errorName);
    QFETCH(bool, equal);
    Output first;
    Output second;
    if (openFirst)
        first.editDetails();
    if (!errorName.isNull())
        second.editDetails().errorName = errorName.toStdString();
    QCOMPARE(first == second, equal);
    QCOMPARE(second == first, equal);
    QCOMPARE(second.details().errorName, errorName.toStdString());
}

void TestBoxed::copiesAreIndependent_data()
{
    QTest::addColumn<QString>("traceback");
    QTest::addRow("empty box") << QString();
    QTest::addRow("a traceback line") << QStringLiteral("Traceback (most recent call last)");
}

void TestBoxed::copiesAreIndependent()
{
    QFETCH(QString, traceback);
    Output original;
    original.text = "step 1\n";
    if (!traceback.isNull())
        original.editDetails().traceback.push_back(traceback.toStdString());
    Output copy = original;
    QVERIFY(copy == original);
    copy.editDetails().traceback.push_back("more");
    QVERIFY(!(copy == original));
    QCOMPARE(original.details().traceback.size(), std::size_t(traceback.isNull() ? 0 : 1));
    Output assigned;
    assigned = copy;
    QVERIFY(assigned == copy);
    Output moved = std::move(assigned);
    QVERIFY(moved == copy);
}

QTEST_GUILESS_MAIN(TestBoxed)
#include "tst_boxed.moc"
