#include "core/check/ConnectionCheck.h"

#include "core/check/ApiSteps.h"
#include "core/check/NetworkSteps.h"
#include "core/check/SystemsCheck.h"
#include "core/config/ConnectorSession.h"
#include "core/connectwise/ApiClient.h"
#include "core/connectwise/Endpoints.h"
#include "core/connectwise/NetworkAccessFactory.h"

#include <QSslCertificate>

namespace Cw {

namespace {
constexpr int kSocketTimeoutMs = 15000;
}

CheckPlan CheckPlan::full()
{
    CheckPlan plan;
    plan.permissionPaths = {Endpoints::members(),
                            Endpoints::companies(),
                            Endpoints::companyTypes(),
                            Endpoints::companyStatuses(),
                            Endpoints::currencies(),
                            Endpoints::countries(),
                            Endpoints::billingStatuses(),
                            Endpoints::invoices(),
                            Endpoints::catalog(),
                            Endpoints::productItems(),
                            Endpoints::productTypes(),
                            Endpoints::productCategories(),
                            Endpoints::productSubcategories(),
                            Endpoints::unitsOfMeasure(),
                            Endpoints::salesOrders(),
                            Endpoints::orderStatuses()};
    plan.lists = {
        {Endpoints::companyTypes(), SystemsCheck::tr("company types"), SystemsCheck::tr("Company › Company Type")},
        {Endpoints::companyStatuses(), SystemsCheck::tr("company statuses"),
         SystemsCheck::tr("Company › Company Status")},
        {Endpoints::currencies(), SystemsCheck::tr("currencies"), SystemsCheck::tr("Company › Currency")},
        {Endpoints::countries(), SystemsCheck::tr("countries"), SystemsCheck::tr("Company › Country")},
        {Endpoints::billingStatuses(), SystemsCheck::tr("billing statuses"),
         SystemsCheck::tr("Invoicing › Billing Status")},
        {Endpoints::productTypes(), SystemsCheck::tr("product types"), SystemsCheck::tr("Products › Product Type")},
        {Endpoints::productCategories(), SystemsCheck::tr("product categories"),
         SystemsCheck::tr("Products › Category")},
        {Endpoints::productSubcategories(), SystemsCheck::tr("product subcategories"),
         SystemsCheck::tr("Products › Subcategory")},
        {Endpoints::unitsOfMeasure(), SystemsCheck::tr("units of measure"), SystemsCheck::tr("Products › UOM")},
        {Endpoints::orderStatuses(), SystemsCheck::tr("sales order statuses"),
         SystemsCheck::tr("Sales › Order Status")},
    };
    return plan;
}

CheckTarget ConnectionCheck::targetFor(const Connection& connection)
{
    CheckTarget target;
    target.host = connection.site.host();
    target.tls = connection.site.isHttps();
    target.port = connection.site.port() > 0 ? static_cast<quint16>(connection.site.port())
                                             : (target.tls ? quint16(443) : quint16(80));
    if (!connection.caFile.isEmpty()) {
        target.extraCaCertificates = QSslCertificate::fromPath(connection.caFile, QSsl::Pem);
    }
    switch (connection.proxy.mode) {
    case ProxySettings::Mode::System:
        target.proxy = QNetworkProxy(QNetworkProxy::DefaultProxy);
        break;
    case ProxySettings::Mode::None:
        target.proxy = QNetworkProxy(QNetworkProxy::NoProxy);
        break;
    case ProxySettings::Mode::Manual:
        target.proxy = NetworkAccessFactory::manualProxy(connection.proxy);
        break;
    }
    return target;
}

ConnectionCheck::ConnectionCheck(const ConnectorSession& session, const CheckPlan& plan, QObject* parent)
    : QObject(parent)
    , m_connection(session.connection())
    , m_client(session.newClient(this))
    , m_check(new SystemsCheck(this))
{
    const CheckTarget target = targetFor(m_connection);
    m_check->addStep(new InputStep(m_connection, m_client));
    m_check->addStep(new DnsStep(target));
    m_check->addStep(new TcpStep(target, kSocketTimeoutMs));
    m_check->addStep(new TlsStep(target, kSocketTimeoutMs));
    m_check->addStep(new CompanyStep(m_client, {QStringLiteral("tls")}));
    m_check->addStep(new AuthStep(m_client));
    for (const QString& path : plan.permissionPaths) {
        m_check->addStep(new PermissionStep(m_client, path));
    }
    if (plan.pullMembers) {
        m_members = new MembersStep(m_client,
                                    {plan.permissionPaths.contains(Endpoints::members())
                                         ? PermissionStep::idFor(Endpoints::members())
                                         : QStringLiteral("auth")});
        m_check->addStep(m_members);
    }
    for (const CheckPlan::ListSource& list : plan.lists) {
        m_check->addStep(new ListNotEmptyStep(m_client, list.path, list.name, list.setupTable));
    }
    connect(m_check, &SystemsCheck::finished, this, &ConnectionCheck::finished);
}

ConnectionCheck::~ConnectionCheck() = default;

void ConnectionCheck::start()
{
    m_check->start();
}

void ConnectionCheck::cancel()
{
    m_check->cancel();
}

QList<Member> ConnectionCheck::members() const
{
    return m_members ? m_members->members() : QList<Member>();
}

CheckReport ConnectionCheck::report() const
{
    CheckReport report(m_check->summary());
    QMap<QString, QString> context {
        {tr("Company ID"), m_connection.companyId},
        {tr("Site"), m_connection.site.toString()},
        {tr("Client ID"), m_connection.clientId.isEmpty() ? tr("(not set)") : m_connection.clientId},
        {tr("Proxy"), m_connection.proxy.describe()},
    };
    if (!m_client->baseUrl().isEmpty()) {
        context.insert(tr("API URL"), m_client->baseUrl().toString());
    }
    if (!m_connection.caFile.isEmpty()) {
        context.insert(tr("CA file"), m_connection.caFile);
    }
    report.setContext(context);
    const QString basic =
        QString::fromLatin1(QString(m_connection.companyId + QLatin1Char('+') + m_connection.publicKey +
                                    QLatin1Char(':') + m_connection.privateKey)
                                .toUtf8()
                                .toBase64());
    report.addSecrets({m_connection.publicKey, m_connection.privateKey, basic});
    return report;
}

} // namespace Cw
