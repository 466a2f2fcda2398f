#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>

class QTcpSocket;

namespace CwTest {

// A small authenticating HTTP proxy on a free loopback port, for the manual proxy login tests. A request without
// `Proxy-Authorization: Basic base64(user:password)` gets 407 (Proxy-Authenticate: Basic) and the connection is
// closed; with it, a CONNECT is tunnelled to its target (the simulator over TLS, as ConnectWise is reached through a
// proxy). Anything but CONNECT is answered 501: every test of it runs the simulator with TLS.
class AuthProxy final : public QObject
{
public:
    AuthProxy(const QString& user, const QString& password);

    quint16 port() const { return m_server.serverPort(); }
    int rejected() const { return m_rejected; } // 407 answers
    int tunnels() const { return m_tunnels; } // CONNECTs let through
    QList<QByteArray> requestHeads() const { return m_heads; } // every request head received, as sent

private:
    void accept();
    void readHead(QTcpSocket* client);
    void tunnel(QTcpSocket* client, const QByteArray& target);

    QTcpServer m_server;
    QByteArray m_expected; // the Proxy-Authorization value that lets a request through
    int m_rejected = 0;
    int m_tunnels = 0;
    QList<QByteArray> m_heads;
};

} // namespace CwTest
