#pragma once

#include "core/check/CheckStep.h"
#include "core/check/CheckTarget.h"

#include <QPointer>
#include <QSslError>

class QSslSocket;
class QTcpSocket;
class QTimer;

namespace Cw {

// DNS: the site's host name resolves (or, behind a manual proxy, the proxy's does).
class DnsStep final : public CheckStep
{
    Q_OBJECT

public:
    explicit DnsStep(const CheckTarget& target, QObject* parent = nullptr);

protected:
    void run() override;
    void abort() override;

private:
    CheckTarget m_target;
    int m_lookupId = -1;
};

// TCP: a connection to the site's port opens (through the proxy when one is set).
class TcpStep final : public CheckStep
{
    Q_OBJECT

public:
    TcpStep(const CheckTarget& target, int timeoutMs, QObject* parent = nullptr);

protected:
    void run() override;
    void abort() override;

private:
    CheckTarget m_target;
    int m_timeoutMs;
    QPointer<QTcpSocket> m_socket;
};

// TLS: the handshake succeeds and the certificate is trusted; a failure names the reason.
class TlsStep final : public CheckStep
{
    Q_OBJECT

public:
    TlsStep(const CheckTarget& target, int timeoutMs, QObject* parent = nullptr);

    // What a list of TLS errors means for an admin: the reason and the fix, translated.
    static void describe(const QList<QSslError>& errors, const QString& host, QString* diagnosis, QString* fix);

protected:
    void run() override;
    void abort() override;

private:
    CheckTarget m_target;
    int m_timeoutMs;
    QPointer<QSslSocket> m_socket;
    QList<QSslError> m_errors;
};

} // namespace Cw
