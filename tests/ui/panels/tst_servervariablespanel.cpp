#include "core/config/Instance.h"
#include "tests/support/SimFixture.h"
#include "ui/panels/ServerVariablesPanel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Cw;

// The server-variables panel through its widgets, against cwconnector-sim: values picked from live lists,
// subcategories following the category, Refresh, and a status deleted in ConnectWise flagged by name.
class TestServerVariablesPanel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void picksFromLiveListsAndFlagsDeletedStatus();
    void subcategoryFollowsCategory();

private:
    QComboBox* combo(ServerVariablesPanel& panel, const char* key);
    bool refresh(ServerVariablesPanel& panel);

    CwTest::SimProcess m_sim;
    ApiClient* m_client = nullptr;
};

void TestServerVariablesPanel::initTestCase()
{
    QVERIFY2(m_sim.start(), qPrintable(m_sim.output()));
    m_client = CwTest::simClient(m_sim.baseUrl(), this);
}

QComboBox* TestServerVariablesPanel::combo(ServerVariablesPanel& panel, const char* key)
{
    return panel.findChild<QComboBox*>(QStringLiteral("variable_") + QLatin1String(key));
}

bool TestServerVariablesPanel::refresh(ServerVariablesPanel& panel)
{
    QSignalSpy refreshed(&panel, &SettingsPanel::listsRefreshed);
    auto* button = panel.findChild<QPushButton*>(QStringLiteral("refresh"));
    if (!button || !button->isEnabled()) {
        return false;
    }
    QTest::mouseClick(button, Qt::LeftButton);
    return refreshed.wait(60000);
}

void TestServerVariablesPanel::picksFromLiveListsAndFlagsDeletedStatus()
{
    ConnectorConfig config;
    config.serverVariables = {
        {QStringLiteral("import_account_status"), QStringLiteral("5"), QStringLiteral("Imported")},
        {QStringLiteral("credit_card_method_id"), QStringLiteral("cc"), QStringLiteral("cc")}};
    ServerVariablesPanel panel;
    Instance instance;
    instance.companyId = QStringLiteral("cwsim");
    instance.site = m_sim.baseUrl().toString();
    panel.setInstance(instance);
    panel.setPaymentMethods({QStringLiteral("VISA"), QStringLiteral("WIRE")});
    panel.setConfig(&config);
    panel.setApiClient(m_client);
    panel.load();
    panel.show();
    QVERIFY(refresh(panel));

    auto* company = panel.findChild<QLineEdit*>(QStringLiteral("variable_company_id"));
    QVERIFY(company->isReadOnly());
    QCOMPARE(company->text(), QStringLiteral("cwsim"));
    QVERIFY(!company->toolTip().isEmpty());
    // The payment-method ids are picked from the local system's payment methods; a stored one that is not among
    // them is kept, and says so.
    QComboBox* creditCard = combo(panel, "credit_card_method_id");
    QCOMPARE(creditCard->currentData().toString(), QStringLiteral("cc"));
    QVERIFY2(creditCard->currentText().contains(QLatin1String("not a payment method of the local system")),
             qPrintable(creditCard->currentText()));
    QComboBox* bankDeposit = combo(panel, "bank_deposit_method_id");
    QCOMPARE(bankDeposit->count(), 3); // (not set), VISA, WIRE
    QCOMPARE(bankDeposit->itemText(2), QStringLiteral("WIRE"));
    bankDeposit->setCurrentIndex(2);

    QComboBox* status = combo(panel, "import_account_status");
    QCOMPARE(status->currentData().toString(), QStringLiteral("5"));
    QVERIFY(status->currentText().contains(QLatin1String("Imported")));
    QVERIFY(status->toolTip().contains(QLatin1String("Example")));
    QCOMPARE(status->findText(QStringLiteral("Inactive (2)")), -1); // inactive statuses are not offered
    QCOMPARE(combo(panel, "product_billable_option")->count(), 4); // (not set) + the three values
    QComboBox* rep = combo(panel, "sales_representative");
    QCOMPARE(rep->count(), 13); // (not set) + 12 people; API and inactive members left out
    QVERIFY(panel.stale().isEmpty());
    QVERIFY(!panel.findChild<QLabel*>(QStringLiteral("status_import_account_status"))->isVisible());

    // Pick a sales representative by name through the combo box, then save.
    rep->setCurrentIndex(rep->findData(QStringLiteral("102")));
    QVERIFY(panel.isModified());
    QString error;
    QVERIFY(panel.save(&error));
    QVERIFY(!panel.isModified());
    const auto saved = ServerVariables::stored(config, QStringLiteral("sales_representative"));
    QVERIFY(saved);
    QCOMPARE(saved->remoteName, QStringLiteral("Maria Garcia"));
    const auto method = ServerVariables::stored(config, QStringLiteral("bank_deposit_method_id"));
    QVERIFY(method);
    QCOMPARE(method->remoteId, QStringLiteral("WIRE"));
    QCOMPARE(method->remoteName, QStringLiteral("WIRE"));
    QCOMPARE(ServerVariables::stored(config, QStringLiteral("credit_card_method_id"))->remoteId, QStringLiteral("cc"));

    // The status is deleted in ConnectWise; Refresh flags it with the reason and the fix.
    QVERIFY(CwTest::run(m_client, ApiRequest::del(QStringLiteral("company/companies/statuses/5"))).ok());
    QVERIFY(refresh(panel));
    QCOMPARE(panel.stale().size(), 1);
    QCOMPARE(panel.stale().first().key, QStringLiteral("import_account_status"));
    auto* flag = panel.findChild<QLabel*>(QStringLiteral("status_import_account_status"));
    QVERIFY(flag->isVisible());
    QVERIFY2(flag->text().contains(QLatin1String("no longer exists")), qPrintable(flag->text()));
    QCOMPARE(status->currentData().toString(), QStringLiteral("5")); // kept, never changed silently
    QVERIFY(status->currentText().contains(QLatin1String("not available")));

    // Picking another status clears the flag.
    status->setCurrentIndex(status->findData(QStringLiteral("1")));
    QVERIFY(panel.stale().isEmpty());
    QVERIFY(!flag->isVisible());
}

void TestServerVariablesPanel::subcategoryFollowsCategory()
{
    ConnectorConfig config;
    config.serverVariables = {{QStringLiteral("product_category"), QStringLiteral("2"), QStringLiteral("Networking")},
                              {QStringLiteral("product_subcategory"), QStringLiteral("4"), QStringLiteral("Switches")}};
    ServerVariablesPanel panel;
    panel.setConfig(&config);
    panel.load();
    panel.setLists(CwTest::fetchLists(m_client, RemoteLists::variableKinds()));
    QComboBox* sub = combo(panel, "product_subcategory");
    QCOMPARE(sub->count(), 4); // (not set) + Switches, Firewalls, Wireless
    QCOMPARE(sub->currentData().toString(), QStringLiteral("4"));

    // Another category: its subcategories are offered; the stored one is kept and flagged.
    QComboBox* category = combo(panel, "product_category");
    category->setCurrentIndex(category->findData(QStringLiteral("1")));
    QVERIFY(sub->findText(QStringLiteral("Laptops (1)")) >= 0);
    QCOMPARE(sub->currentData().toString(), QStringLiteral("4"));
    QCOMPARE(panel.stale().size(), 1);
    QCOMPARE(panel.stale().first().key, QStringLiteral("product_subcategory"));
    sub->setCurrentIndex(sub->findData(QStringLiteral("1")));
    QVERIFY(panel.stale().isEmpty());
}

QTEST_MAIN(TestServerVariablesPanel)
#include "tst_servervariablespanel.moc"
