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
    void emptyListSaysWhichTableToCustomise();

private:
    int rowOf(LookupsPanel& panel, const QString& local);
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
    panel.setLists(m_lists);
    panel.load();
    panel.show();
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
    QString error;
    QVERIFY(panel.save(&error));
    QHash<QString, QString> saved;
    for (const LookupValue& v : config.lookups) {
        saved.insert(v.lookup + QLatin1Char(':') + v.localValue, v.remoteId);
    }
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
