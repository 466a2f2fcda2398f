// The wizard's pages only bind widgets to SetupController: none of them writes the database, opens a connector or
// builds a network client (PRODUCT.md: the flow lives in core/setup). Read from the sources, so a page that starts
// reaching past the controller fails here by name; tst_setupflow proves the controller does the work instead.
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

class TestWizardBindings final : public QObject
{
    Q_OBJECT

private slots:
    void pagesDoNotTouchTheDatabaseOrTheNetwork_data();
    void pagesDoNotTouchTheDatabaseOrTheNetwork();
    void theRulesCatchAViolation();

private:
    static QStringList violations(const QString& source);
};

// What a page must not name: the database and its repositories and stores, the controller's database handle,
// SQL, network managers and factories, sessions opened by hand, and API clients built with `new`.
QStringList TestWizardBindings::violations(const QString& source)
{
    static const QList<QRegularExpression> rules {
        QRegularExpression(QStringLiteral("#include \"core/store/")),
        QRegularExpression(QStringLiteral("\\bDatabase\\b")),
        QRegularExpression(QStringLiteral("\\b\\w+Repository\\b")),
        QRegularExpression(QStringLiteral("\\bLocalRecordStore\\b")),
        QRegularExpression(QStringLiteral("\\bdatabase\\(\\)")),
        QRegularExpression(QStringLiteral("\\bQSql\\w*")),
        QRegularExpression(QStringLiteral("\\bNetworkAccessFactory\\b")),
        QRegularExpression(QStringLiteral("\\bQNetworkAccessManager\\b")),
        QRegularExpression(QStringLiteral("\\bConnectorSession\\b")),
        QRegularExpression(QStringLiteral("\\bnew\\s+ApiClient\\b")),
        QRegularExpression(QStringLiteral("\\bnetwork\\(\\)")),
    };
    QStringList found;
    for (const QRegularExpression& rule : rules) {
        const QRegularExpressionMatch match = rule.match(source);
        if (match.hasMatch()) {
            found.append(match.captured(0));
        }
    }
    return found;
}

void TestWizardBindings::pagesDoNotTouchTheDatabaseOrTheNetwork_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(CW_WIZARD_SOURCE_DIR));
    const QStringList files = dir.entryList({QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files);
    QVERIFY(files.size() >= 10); // the pages are there to read
    for (const QString& file : files) {
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }
}

void TestWizardBindings::pagesDoNotTouchTheDatabaseOrTheNetwork()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList found = violations(QString::fromUtf8(file.readAll()));
    QVERIFY2(found.isEmpty(),
             qPrintable(QStringLiteral("%1 names %2: go through SetupController")
                            .arg(QFileInfo(path).fileName(), found.join(QStringLiteral(", ")))));
}

void TestWizardBindings::theRulesCatchAViolation()
{
    QVERIFY(violations(QStringLiteral("controller().setSite(m_site->text());")).isEmpty());
    QCOMPARE(violations(QStringLiteral("InstanceRepository(controller().database()).save(d);")).size(), 2);
    QCOMPARE(violations(QStringLiteral("auto* c = new ApiClient(nam, connection, this);")),
             QStringList {QStringLiteral("new ApiClient")});
    QCOMPARE(violations(QStringLiteral("const NetworkAccessFactory network;")).size(), 1);
    QCOMPARE(violations(QStringLiteral("ConnectorSession::open(i, k, n, &e);")).size(), 1);
}

QTEST_GUILESS_MAIN(TestWizardBindings)
#include "tst_wizard_bindings.moc"
