#include "core/config/RemoteResolver.h"
#include "tests/support/SimFixture.h"
#include "ui/panels/LookupsPanel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>

using namespace Cw;

// The lookups panel through its widgets: auto-map on tricky local values against the simulator's lists,
// unmapped values highlighted, a value added by the admin, a manual pick, an empty list's fix.
class TestLookupsPanel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void autoMapThenEditThenSave();
    void autoMapAllTablesKeepsWhatTheAdminSet();
    void emptyListSaysWhichTableToCustomise();

private:
    int rowOf(LookupsPanel& panel, const QString& local);
    QComboBox* comboOf(LookupsPanel& panel, const QString& local);
    void show(LookupsPanel& panel); // with the simulator's lists, loaded
    static QHash<QString, QString> save(LookupsPanel& panel, const ConnectorConfig& config);
    CwTest::SimProcess m_sim;
    RemoteLists m_lists;
};

void TestLookupsPanel::initTestCase()
{
    QVERIFY2(m_sim.start(), qPrintable(m_sim.output()));
    ApiClient* client = CwTest::simClient(m_sim.baseUrl(), this);
    ApiError error;
    m_lists = CwTest::fetchLists(client, RemoteLists::lookupKinds(), &error);
    QVERIFY2(error.isOk(), qPrintable(error.message()));
}

int TestLookupsPanel::rowOf(LookupsPanel& panel, const QString& local)
{
    for (int r = 0; r < panel.table()->rowCount(); ++r) {
        if (panel.table()->item(r, 0)->text() == local) {
            return r;
        }
    }
    return -1;
}

void TestLookupsPanel::autoMapThenEditThenSave()
{
    ConnectorConfig config;
    LookupsPanel panel;
    panel.setConfig(&config);
    panel.setLocalValues({{QStringLiteral("account_type"),
                           {QStringLiteral("  CLIENT "), QStringLiteral("Véndor"), QStringLiteral("Wholesale")}},
                          {QStringLiteral("currency"), {QStringLiteral("eur")}},
                          {QStringLiteral("country"),
                           {QStringLiteral("DE"), QStringLiteral("united kingdom"), QStringLiteral("Narnia")}}});
    show(panel);
    panel.showLookup(QStringLiteral("account_type"));
    QCOMPARE(panel.table()->rowCount(), 3);
    // Before auto-map every value is unmapped and highlighted.
    const QBrush unmapped = panel.table()->item(rowOf(panel, QStringLiteral("Wholesale")), 0)->background();
    QVERIFY(unmapped.style() != Qt::NoBrush);

    QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("autoMap")), Qt::LeftButton);
    const int client = rowOf(panel, QStringLiteral("  CLIENT "));
    auto* clientCombo = qobject_cast<QComboBox*>(panel.table()->cellWidget(client, 1));
    QCOMPARE(clientCombo->currentData().toString(), QStringLiteral("1"));
    QVERIFY(panel.table()->item(client, 2)->text().contains(QLatin1Char('%')));
    QCOMPARE(panel.table()->item(client, 0)->background().style(), Qt::NoBrush);
    const int vendor = rowOf(panel, QStringLiteral("Véndor"));
    QCOMPARE(qobject_cast<QComboBox*>(panel.table()->cellWidget(vendor, 1))->currentData().toString(),
             QStringLiteral("3"));
    const int wholesale = rowOf(panel, QStringLiteral("Wholesale"));
    auto* wholesaleCombo = qobject_cast<QComboBox*>(panel.table()->cellWidget(wholesale, 1));
    QVERIFY(wholesaleCombo->currentData().toString().isEmpty()); // never guessed
    QVERIFY(panel.table()->item(wholesale, 0)->background().style() != Qt::NoBrush);

    // The admin maps it by hand and adds a value.
    wholesaleCombo->setCurrentIndex(wholesaleCombo->findData(QStringLiteral("6")));
    QCOMPARE(panel.table()->item(wholesale, 0)->background().style(), Qt::NoBrush);
    panel.findChild<QLineEdit*>(QStringLiteral("newValue"))->setText(QStringLiteral("Distributor"));
    QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("addValue")), Qt::LeftButton);
    QCOMPARE(panel.table()->rowCount(), 4);
    QCOMPARE(panel.addedValues().size(), 1);

    panel.showLookup(QStringLiteral("currency"));
    QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("autoMap")), Qt::LeftButton);
    QCOMPARE(qobject_cast<QComboBox*>(panel.table()->cellWidget(0, 1))->currentData().toString(), QStringLiteral("2"));

    QVERIFY(panel.isModified());
    const QHash<QString, QString> saved = save(panel, config);
    QCOMPARE(saved.value(QStringLiteral("account_type:  CLIENT ")), QStringLiteral("1"));
    QCOMPARE(saved.value(QStringLiteral("account_type:Wholesale")), QStringLiteral("6"));
    QCOMPARE(saved.value(QStringLiteral("currency:eur")), QStringLiteral("2"));
    QVERIFY(!saved.contains(QStringLiteral("account_type:Distributor"))); // unmapped values are not stored

    // The eighth table: the accounts' countries, auto-mapped by ISO code or by name, never guessed.
    QCOMPARE(panel.findChild<QComboBox*>(QStringLiteral("lookup"))->count(), 8);
    panel.showLookup(QStringLiteral("country"));
    QCOMPARE(panel.table()->rowCount(), 3);
    QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("autoMap")), Qt::LeftButton);
    auto countryOf = [&panel, this](const QString& local) {
        return qobject_cast<QComboBox*>(panel.table()->cellWidget(rowOf(panel, local), 1))->currentText();
    };
    QCOMPARE(countryOf(QStringLiteral("DE")), QStringLiteral("Germany (DE, 5)"));
    QCOMPARE(countryOf(QStringLiteral("united kingdom")), QStringLiteral("United Kingdom (GB, 3)"));
    QVERIFY(panel.table()->item(rowOf(panel, QStringLiteral("Narnia")), 0)->background().style() != Qt::NoBrush);

    // Invoice types come from the fixed enum.
    panel.showLookup(QStringLiteral("invoice_type"));
    panel.findChild<QLineEdit*>(QStringLiteral("newValue"))->setText(QStringLiteral("standard"));
    QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("addValue")), Qt::LeftButton);
    QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("autoMap")), Qt::LeftButton);
    QCOMPARE(qobject_cast<QComboBox*>(panel.table()->cellWidget(0, 1))->currentData().toString(),
             QStringLiteral("Standard"));
}

void TestLookupsPanel::show(LookupsPanel& panel)
{
    panel.setLists(m_lists);
    panel.load();
    panel.show();
}

// save(), then "lookup:local value" -> the ConnectWise id stored.
QHash<QString, QString> TestLookupsPanel::save(LookupsPanel& panel, const ConnectorConfig& config)
{
    QString error;
    if (!panel.save(&error)) {
        qWarning("save: %s", qPrintable(error));
        return {};
    }
    QHash<QString, QString> saved;
    for (const LookupValue& v : config.lookups) {
        saved.insert(v.lookup + QLatin1Char(':') + v.localValue, v.remoteId);
    }
    return saved;
}

QComboBox* TestLookupsPanel::comboOf(LookupsPanel& panel, const QString& local)
{
    const int row = rowOf(panel, local);
    return row < 0 ? nullptr : qobject_cast<QComboBox*>(panel.table()->cellWidget(row, 1));
}

// Auto-map all tables maps, in every table, the values with an exact name or ISO code match, never a fuzzy one,
// never over a stored mapping or a value the admin set by hand (even to unmapped), and says per table what it did;
// Undo auto-map takes back what it mapped, except what the admin changed since.
void TestLookupsPanel::autoMapAllTablesKeepsWhatTheAdminSet()
{
    ConnectorConfig config;
    config.lookups = {{QStringLiteral("currency"), QStringLiteral("usd"), QStringLiteral("4"),
                       QStringLiteral("Canadian Dollar")}}; // the admin's choice, though USD exists
    LookupsPanel panel;
    panel.setConfig(&config);
    panel.setLocalValues({{QStringLiteral("account_type"),
                           {QStringLiteral("  CLIENT "), QStringLiteral("Véndor"), QStringLiteral("Client Former"),
                            QStringLiteral("Wholesale"), QStringLiteral("Reseller"), QStringLiteral("Prospect")}},
                          {QStringLiteral("currency"), {QStringLiteral("eur"), QStringLiteral("usd")}},
                          {QStringLiteral("invoice_type"), {QStringLiteral("standard")}},
                          {QStringLiteral("country"),
                           {QStringLiteral("DE"), QStringLiteral("united kingdom"), QStringLiteral("Narnia")}}});
    show(panel);
    auto* summary = panel.findChild<QLabel*>(QStringLiteral("autoMapSummary"));
    auto* undo = panel.findChild<QPushButton*>(QStringLiteral("undoAutoMap"));
    QVERIFY(summary && !summary->isVisible() && undo && !undo->isVisible());

    // By hand: Reseller to Partner, Prospect to Competitor and back to unmapped.
    panel.showLookup(QStringLiteral("account_type"));
    comboOf(panel, QStringLiteral("Reseller"))
        ->setCurrentIndex(comboOf(panel, QStringLiteral("Reseller"))->findData(QStringLiteral("4")));
    QComboBox* prospect = comboOf(panel, QStringLiteral("Prospect"));
    prospect->setCurrentIndex(prospect->findData(QStringLiteral("5")));
    prospect->setCurrentIndex(0);

    panel.showLookup(QStringLiteral("country")); // the table shown does not matter
    QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("autoMapAll")), Qt::LeftButton);
    QVERIFY(panel.isModified());
    QVERIFY(summary->isVisible() && undo->isVisible());
    const QString text = summary->text();
    QVERIFY2(text.startsWith(QStringLiteral("Auto-map all tables (exact name or ISO code matches): 6 mapped, 4 left "
                                            "unmapped.")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("• Account type → company type: mapped CLIENT to Client, Véndor to Vendor; "
                                          "left unmapped: Client Former, Prospect (set to unmapped by hand), "
                                          "Wholesale; kept 1 already mapped")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("• Currency → currency: mapped eur to Euro; kept 1 already mapped")),
             qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("• Country → country: mapped DE to Germany, united kingdom to United Kingdom; "
                                     "left unmapped: Narnia")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("• Invoice type → invoice type: mapped standard to Standard")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("No values in use: ")) &&
                 text.contains(QStringLiteral("Order stage → order status")),
             qPrintable(text));

    // The widgets show it, table by table.
    QCOMPARE(comboOf(panel, QStringLiteral("DE"))->currentText(), QStringLiteral("Germany (DE, 5)"));
    panel.showLookup(QStringLiteral("account_type"));
    QCOMPARE(comboOf(panel, QStringLiteral("  CLIENT "))->currentData().toString(), QStringLiteral("1"));
    QCOMPARE(comboOf(panel, QStringLiteral("Véndor"))->currentData().toString(), QStringLiteral("3"));
    QVERIFY(comboOf(panel, QStringLiteral("Client Former"))->currentData().toString().isEmpty()); // 80 %, not exact
    QCOMPARE(comboOf(panel, QStringLiteral("Reseller"))->currentData().toString(), QStringLiteral("4"));
    QVERIFY(comboOf(panel, QStringLiteral("Prospect"))->currentData().toString().isEmpty());
    panel.showLookup(QStringLiteral("currency"));
    QCOMPARE(comboOf(panel, QStringLiteral("usd"))->currentData().toString(), QStringLiteral("4"));
    QCOMPARE(comboOf(panel, QStringLiteral("eur"))->currentData().toString(), QStringLiteral("2"));

    // The admin corrects one; Undo auto-map takes back the others and keeps that one.
    panel.showLookup(QStringLiteral("country"));
    QComboBox* de = comboOf(panel, QStringLiteral("DE"));
    de->setCurrentIndex(de->findData(comboOf(panel, QStringLiteral("united kingdom"))->currentData()));
    const QString corrected = de->currentData().toString();
    QTest::mouseClick(undo, Qt::LeftButton);
    QVERIFY(!undo->isVisible());
    QVERIFY2(summary->text().contains(QStringLiteral("Auto-map undone: 5 unmapped again.")),
             qPrintable(summary->text()));
    QCOMPARE(comboOf(panel, QStringLiteral("DE"))->currentData().toString(), corrected);
    QVERIFY(comboOf(panel, QStringLiteral("united kingdom"))->currentData().toString().isEmpty());
    panel.showLookup(QStringLiteral("account_type"));
    QVERIFY(comboOf(panel, QStringLiteral("  CLIENT "))->currentData().toString().isEmpty());
    QCOMPARE(comboOf(panel, QStringLiteral("Reseller"))->currentData().toString(), QStringLiteral("4"));

    const QHash<QString, QString> saved = save(panel, config);
    QCOMPARE(saved.value(QStringLiteral("currency:usd")), QStringLiteral("4"));
    QCOMPARE(saved.value(QStringLiteral("account_type:Reseller")), QStringLiteral("4"));
    QCOMPARE(saved.value(QStringLiteral("country:DE")), corrected);
    QVERIFY(!saved.contains(QStringLiteral("currency:eur")));
    QVERIFY(!saved.contains(QStringLiteral("account_type:  CLIENT ")));

    // Reloading (Settings' Revert, the wizard page shown again) clears the report.
    panel.load();
    QVERIFY(!summary->isVisible() && !undo->isVisible());
}

void TestLookupsPanel::emptyListSaysWhichTableToCustomise()
{
    LookupsPanel panel;
    RemoteLists lists = m_lists;
    lists.set(QLatin1String(RemoteResolver::orderStatus), {});
    panel.setLists(lists);
    panel.load();
    panel.show();
    panel.showLookup(QStringLiteral("order_stage"));
    auto* empty = panel.findChild<QLabel*>(QStringLiteral("emptyList"));
    QVERIFY(empty->isVisible());
    QVERIFY2(empty->text().contains(QStringLiteral("Sales › Order Status")), qPrintable(empty->text()));
    panel.showLookup(QStringLiteral("currency"));
    QVERIFY(!empty->isVisible());
}

QTEST_MAIN(TestLookupsPanel)
#include "tst_lookupspanel.moc"
