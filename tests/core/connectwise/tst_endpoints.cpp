#include "core/connectwise/Endpoints.h"

#include <QSet>
#include <QTest>

using Cw::Endpoint;
using Cw::Endpoints;

class TestEndpoints final : public QObject
{
    Q_OBJECT

private slots:
    void tableIsComplete();
    void find_data();
    void find();
    void unknownPathFallsBackToModule();
};

void TestEndpoints::tableIsComplete()
{
    QSet<QString> paths;
    for (const Endpoint& e : Endpoints::all()) {
        QVERIFY2(!e.path.startsWith(QLatin1Char('/')) && !e.path.endsWith(QLatin1Char('/')), qPrintable(e.path));
        QVERIFY2(!e.purpose().isEmpty(), qPrintable(e.path));
        QVERIFY2(!e.module.isEmpty() && !e.entry.isEmpty(), qPrintable(e.path));
        QVERIFY2(!paths.contains(e.path), qPrintable(e.path));
        paths.insert(e.path);
    }
    for (const QString& p :
         {Endpoints::systemInfo(), Endpoints::members(), Endpoints::companies(), Endpoints::companyTypes(),
          Endpoints::companyStatuses(), Endpoints::currencies(), Endpoints::billingStatuses(), Endpoints::invoices(),
          Endpoints::catalog(), Endpoints::productTypes(), Endpoints::productCategories(),
          Endpoints::productSubcategories(), Endpoints::unitsOfMeasure(), Endpoints::salesOrders(),
          Endpoints::orderStatuses()}) {
        QVERIFY2(paths.contains(p), qPrintable(p));
    }
}

void TestEndpoints::find_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("permission");
    QTest::newRow("companies") << "company/companies"
                               << "Companies > Company Maintenance";
    QTest::newRow("company by id") << "/company/companies/12"
                                   << "Companies > Company Maintenance";
    QTest::newRow("company count") << "company/companies/count?conditions=x"
                                   << "Companies > Company Maintenance";
    QTest::newRow("company types") << "company/companies/types"
                                   << "System > Table Setup (Company / Company Type)";
    QTest::newRow("invoices") << "finance/invoices"
                              << "Finance > Invoicing";
    QTest::newRow("payments") << "finance/invoices/3/payments"
                              << "Finance > Invoicing";
    QTest::newRow("catalog") << "procurement/catalog/"
                             << "Procurement > Product Catalog";
    QTest::newRow("orders") << "sales/orders"
                            << "Sales > Sales Order";
    QTest::newRow("order statuses") << "sales/orders/statuses/2"
                                    << "System > Table Setup (Sales / Order Status)";
    QTest::newRow("members") << "system/members"
                             << "System > Member Maintenance";
    QTest::newRow("full url") << "https://h/v2025_1/apis/3.0/finance/invoices/count"
                              << "Finance > Invoicing";
    QTest::newRow("no partial segment") << "finance/invoicesX"
                                        << "Finance";
}

void TestEndpoints::find()
{
    QFETCH(QString, path);
    QFETCH(QString, permission);
    QCOMPARE(Endpoints::permissionFor(path), permission);
}

void TestEndpoints::unknownPathFallsBackToModule()
{
    QVERIFY(!Endpoints::find(QStringLiteral("procurement/adjustments")));
    QCOMPARE(Endpoints::permissionFor(QStringLiteral("procurement/adjustments")), QStringLiteral("Procurement"));
    QCOMPARE(Endpoints::permissionFor(QStringLiteral("nothing/here")), QString());
}

QTEST_GUILESS_MAIN(TestEndpoints)
#include "tst_endpoints.moc"
