#pragma once

#include "core/check/CheckReport.h"
#include "core/check/CheckTarget.h"
#include "core/connectwise/Connection.h"
#include "core/mapping/UserMatcher.h"

#include <QObject>

namespace Cw {

class ApiClient;
class ConnectorSession;
class MembersStep;
class SystemsCheck;

// What the check probes beyond connectivity and authentication: the endpoints whose permission is
// tested (those the enabled sync options and lookups use), the lookup lists that must not be empty,
// and whether members are pulled for user mapping.
struct CheckPlan
{
    struct ListSource
    {
        QString path;
        QString name; // translated, "company types"
        QString setupTable; // where to add values in ConnectWise, "Company › Company Type"
    };

    QStringList permissionPaths;
    QList<ListSource> lists;
    bool pullMembers = true;

    // Every endpoint and lookup list the product uses.
    static CheckPlan full();
};

// The whole systems check of one connection, PRODUCT.md's layers in order:
//   input -> DNS -> TCP -> TLS -> company lookup -> authentication -> permission per module
//         -> members pull, lookup lists not empty
// Its API client comes from the connector's session: the probes, which run in parallel where they can, share the
// session's rate governor (a 429 pauses them all) and its company info.
class ConnectionCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionCheck)

public:
    ConnectionCheck(const ConnectorSession& session, const CheckPlan& plan, QObject* parent = nullptr);
    ~ConnectionCheck() override;

    SystemsCheck* check() const { return m_check; }
    ApiClient* client() const { return m_client; }
    void start();
    void cancel();

    // Mappable members, once the members layer passed.
    QList<Member> members() const;
    // The report of the last run: connection facts at the top, the keys redacted everywhere.
    CheckReport report() const;

    static CheckTarget targetFor(const Connection& connection);

signals:
    void finished(const Cw::CheckSummary& summary);

private:
    Connection m_connection;
    ApiClient* m_client;
    SystemsCheck* m_check;
    MembersStep* m_members = nullptr;
};

} // namespace Cw
