#pragma once

// Helpers shared by the tests that talk to the real cwconnector-sim over loopback (started by SimProcess): a
// Connection, a session and an ApiClient for it, blocking requests, the simulator's control API and its live lists.

#include "core/config/ConnectorSession.h"
#include "core/config/RemoteListsLoader.h"
#include "core/connectwise/ApiClient.h"
#include "core/connectwise/NetworkAccessFactory.h"
#include "tests/support/SimProcess.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

namespace CwTest {

inline QString tlsFile(const char* name)
{
    return QStringLiteral(CW_TEST_DATA_DIR "/tls/") + QString::fromLatin1(name);
}

inline QStringList tlsArgs(const char* certBase)
{
    const QString base = QString::fromLatin1(certBase);
    return {QStringLiteral("--tls-cert"), QStringLiteral(CW_TEST_DATA_DIR "/tls/") + base + QStringLiteral(".pem"),
            QStringLiteral("--tls-key"), QStringLiteral(CW_TEST_DATA_DIR "/tls/") + base + QStringLiteral(".key")};
}

// A Connection to the simulator with its default company and keys.
inline Cw::Connection simConnection(const QUrl& simUrl)
{
    Cw::Connection c;
    c.site = *Cw::Site::parse(simUrl.toString()).site;
    c.companyId = QStringLiteral("cwsim");
    c.clientId = QStringLiteral("9f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f");
    c.publicKey = QStringLiteral("demopublickey0001");
    c.privateKey = QStringLiteral("demoprivatekey0001");
    c.proxy.mode = Cw::ProxySettings::Mode::None;
    c.transferTimeoutMs = 20000;
    c.retry.baseDelayMs = 50; // keep retries quick; the policy itself is what is tested
    c.retry.maxDelayMs = 200;
    return c;
}

// A saved connector of the simulator (on-premise site, company cwsim, no proxy), as ConnectorSession::open takes it;
// its keys are the simulator's defaults.
inline Cw::Instance simInstance(const QUrl& simUrl)
{
    Cw::Instance i;
    i.id = 7;
    i.keyId = QStringLiteral("test-db/7");
    i.name = QStringLiteral("Sim");
    i.deployment = Cw::nameOf(Cw::Deployment::OnPremise);
    i.site = simUrl.toString();
    i.companyId = QStringLiteral("cwsim");
    i.proxyMode = Cw::Instance::ProxyMode::None;
    return i;
}

// The network factory of the tests: what main() makes and passes down in the programs.
inline const Cw::NetworkAccessFactory& network()
{
    static const Cw::NetworkAccessFactory factory;
    return factory;
}

// A session of `connection` (its own governor and company info), as the programs open connectors.
inline Cw::ConnectorSession session(const Cw::Connection& connection)
{
    return Cw::ConnectorSession::forConnection(connection, network());
}

// Opens a saved connector as the programs do (its keys, and a manual proxy's login, from store) and waits for the
// answer; an empty OpenedSession when none came within timeoutMs.
inline Cw::OpenedSession openSaved(const Cw::Instance& instance, Cw::SecretStore& store,
                                   const Cw::NetworkAccessFactory& factory, int timeoutMs = 10000)
{
    Cw::OpenedSession result;
    bool done = false;
    QObject context;
    Cw::ConnectorSession::open(instance, store, factory, &context, [&](const Cw::OpenedSession& opened) {
        result = opened;
        done = true;
    });
    const QDeadlineTimer deadline(timeoutMs);
    while (!done && !deadline.hasExpired()) {
        QTest::qWait(10);
    }
    return result;
}

// An ApiClient for the simulator, with its own QNetworkAccessManager; owned by parent.
inline Cw::ApiClient* simClient(const QUrl& simUrl, QObject* parent)
{
    return session(simConnection(simUrl)).newClient(parent);
}

// An ApiClient of `connection` with a network manager of its own (deleted with the client).
inline std::unique_ptr<Cw::ApiClient> makeClient(const Cw::Connection& connection)
{
    return std::unique_ptr<Cw::ApiClient>(session(connection).newClient());
}

// Waits (generously) for a job's finished signal and returns its single argument.
template <typename Result, typename Job>
Result waitFor(Job* job, void (Job::*signal)(const Result&), int timeoutMs = 60000)
{
    QSignalSpy spy(job, signal);
    if (!spy.wait(timeoutMs) && spy.isEmpty()) {
        qWarning("job did not finish within %d ms", timeoutMs);
        return Result();
    }
    return spy.first().first().template value<Result>();
}

inline Cw::ApiResult run(Cw::ApiClient* client, const Cw::ApiRequest& request)
{
    return waitFor<Cw::ApiResult>(client->send(request), &Cw::ApiCall::finished);
}

// GET on the simulator's control API (no auth), parsed.
inline QJsonDocument simControl(const QUrl& simUrl, const QString& path, const QByteArray& postBody = QByteArray())
{
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
    QUrl url = simUrl;
    url.setPath(path);
    QNetworkRequest request(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(QSslCertificate::fromPath(tlsFile("ca.pem")));
    request.setSslConfiguration(tls);
    QNetworkReply* reply = postBody.isNull() ? nam.get(request) : nam.post(request, postBody);
    QSignalSpy spy(reply, &QNetworkReply::finished);
    spy.wait(30000);
    const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
    delete reply;
    return doc;
}

// The simulator's request log entries whose target contains `needle`.
inline QJsonArray simRequests(const QUrl& simUrl, const QString& needle)
{
    const QJsonDocument doc = simControl(simUrl, QStringLiteral("/_sim/requests"));
    const QJsonArray all = doc.isArray() ? doc.array() : doc.object().value(QLatin1String("requests")).toArray();
    QJsonArray out;
    for (const QJsonValue& v : all) {
        const QJsonObject o = v.toObject();
        const QString target = o.value(QLatin1String("target")).toString();
        if (target.contains(needle)) {
            out.append(o);
        }
    }
    return out;
}

// The live lists of the simulator (RemoteLists::variableKinds(), ...), fetched as the configuration panels do.
inline Cw::RemoteLists fetchLists(Cw::ApiClient* client, const QStringList& kinds, Cw::ApiError* errorOut = nullptr)
{
    Cw::RemoteListsLoader loader(client);
    QSignalSpy spy(&loader, &Cw::RemoteListsLoader::finished);
    loader.start(kinds);
    if (!spy.wait(60000) && spy.isEmpty()) {
        qWarning("lists not fetched in time");
        return {};
    }
    if (errorOut) {
        *errorOut = spy.first().first().value<Cw::ApiError>();
    }
    return loader.lists();
}

// A loopback port with nothing listening on it.
inline quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace CwTest
