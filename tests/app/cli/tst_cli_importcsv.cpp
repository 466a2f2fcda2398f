#include "tests/support/SimProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using CwTest::ProcessResult;
using CwTest::runProcess;

// cwconnector-cli import-csv as a script uses it: encodings (--encoding), the refusal of a file that is not
// UTF-8, and --skip-bad-rows, against a SQLite file in a fresh data folder.
class TestCliImportCsv final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void windows1252RefusedThenImported();
    void unknownEncodingIsBadUsage();
    void skipBadRowsImportsTheGoodOnes();

private:
    ProcessResult cli(const QStringList& args);
    QString writeFile(const QString& name, const QByteArray& content);
    QTemporaryDir m_dir;
};

void TestCliImportCsv::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

ProcessResult TestCliImportCsv::cli(const QStringList& args)
{
    return runProcess(QStringLiteral(CW_CLI_EXECUTABLE),
                      QStringList {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("data"))} + args, {}, {},
                      60000);
}

QString TestCliImportCsv::writeFile(const QString& name, const QByteArray& content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        return QString();
    }
    return path;
}

void TestCliImportCsv::windows1252RefusedThenImported()
{
    // As Excel on Windows saves it: "ü" is the single byte 0xFC.
    const QString excel = writeFile(QStringLiteral("users-1252.csv"), "id,name,email\r\nu1,Ann,\r\nu2,M\xFCller,\r\n");
    ProcessResult r = cli({QStringLiteral("import-csv"), QStringLiteral("users"), excel});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("Line 3 is not UTF-8 (byte 0xFC at column 5)"), r.err.constData());
    QVERIFY2(r.err.contains("--encoding windows-1252"), r.err.constData());

    r = cli({QStringLiteral("--json"), QStringLiteral("import-csv"), QStringLiteral("users"), excel,
             QStringLiteral("--encoding"), QStringLiteral("windows-1252")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("inserted")).toInt(), 2); // nothing was written by the refused run
    QCOMPARE(o.value(QStringLiteral("encoding")).toString(), QStringLiteral("windows-1252"));

    // The same names in UTF-8 are unchanged: "Müller" was stored right, not as "M�ller".
    const QString utf8 = writeFile(QStringLiteral("users-utf8.csv"), "id,name,email\nu1,Ann,\nu2,Müller,\n");
    r = cli({QStringLiteral("--json"), QStringLiteral("import-csv"), QStringLiteral("users"), utf8});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("unchanged")).toInt(), 2);
}

void TestCliImportCsv::unknownEncodingIsBadUsage()
{
    const QString file = writeFile(QStringLiteral("u.csv"), "id,name,email\nu9,X,\n");
    const ProcessResult r = cli({QStringLiteral("import-csv"), QStringLiteral("users"), file,
                                 QStringLiteral("--encoding"), QStringLiteral("ebcdic")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("ebcdic") && r.err.contains("windows-1252, iso-8859-1"), r.err.constData());
    const ProcessResult help = runProcess(QStringLiteral(CW_CLI_EXECUTABLE), {QStringLiteral("--help")});
    QVERIFY2(help.out.contains("import-csv ENTITY FILE [--encoding NAME] [--skip-bad-rows]"), help.out.constData());
}

void TestCliImportCsv::skipBadRowsImportsTheGoodOnes()
{
    const QString file = writeFile(QStringLiteral("payments.csv"),
                                   "id,invoice_id,method,amount,date\n"
                                   "P1,I1,credit_card,10.00,2026-01-01\n"
                                   "P2,I1,,5,2026-01-02\n");
    ProcessResult r = cli({QStringLiteral("import-csv"), QStringLiteral("payments"), file});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("Row 2 (line 3)") && r.err.contains("--skip-bad-rows"), r.err.constData());
    r = cli({QStringLiteral("--json"), QStringLiteral("import-csv"), QStringLiteral("payments"), file,
             QStringLiteral("--skip-bad-rows")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("inserted")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("badRowCount")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("badRows")).toArray().first().toObject().value(QStringLiteral("line")).toInt(), 3);
}

QTEST_GUILESS_MAIN(TestCliImportCsv)
#include "tst_cli_importcsv.moc"
