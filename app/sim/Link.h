#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>

class QTcpSocket;

namespace Sim {

// The modelled network link between the simulator and its clients (--link-mbps, the "linkMbps" fault): one
// bandwidth limit shared by all connections, as a token bucket on the bytes written. Writes of one socket leave in
// order; the sockets with bytes waiting share the budget round robin, so two parallel transfers together never
// exceed the rate. With no rate (0) bytes go straight to the socket.
class Link final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Link)

public:
    using Rate = std::function<int()>; // the current limit in Mbit/s (10^6 bit/s); 0 = unlimited

    explicit Link(QObject* parent = nullptr);
    void setRate(Rate rate) { m_rate = std::move(rate); }

    // Sends bytes on socket now or as the budget allows, after the bytes already waiting for it. closeAfter:
    // disconnect once everything given for the socket is written (bytes may then be empty).
    void write(QTcpSocket* socket, const QByteArray& bytes, bool closeAfter = false);
    qint64 waitingBytes() const;

private:
    struct Queue
    {
        std::deque<QByteArray> chunks;
        qsizetype sentOfFront = 0; // bytes of chunks.front() already written (not cut off: no copy per slice)
        bool closeAfter = false;
    };
    int mbps() const { return m_rate ? m_rate() : 0; }
    void drain();
    // Writes up to budget bytes of socket's queue; returns how many. Closes and forgets a finished queue.
    qint64 send(QTcpSocket* socket, qint64 budget);
    void forget(QTcpSocket* socket);

    Rate m_rate;
    QHash<QTcpSocket*, Queue> m_queues;
    QList<QTcpSocket*> m_order; // round robin among the sockets with bytes waiting
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastRefill = 0;
    double m_tokens = 0; // bytes that may be written now
};

} // namespace Sim
