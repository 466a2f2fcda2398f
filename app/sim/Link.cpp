#include "app/sim/Link.h"

#include <QTcpSocket>

#include <algorithm>
#include <limits>

namespace Sim {

namespace {
constexpr int kTickMs = 5;
constexpr qint64 kSlice = 4096; // bytes a socket writes before the next one's turn
constexpr double kBurstSeconds = 0.02; // the bucket holds 20 ms of the rate (at least one slice)
} // namespace

Link::Link(QObject* parent) : QObject(parent)
{
    m_timer.setInterval(kTickMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Link::drain);
    m_clock.start();
}

void Link::write(QTcpSocket* socket, const QByteArray& bytes, bool closeAfter)
{
    if (mbps() <= 0 && !m_queues.contains(socket)) {
        if (!bytes.isEmpty()) {
            socket->write(bytes);
        }
        if (closeAfter) {
            socket->disconnectFromHost(); // after the bytes buffered in the socket
        }
        return;
    }
    if (!m_queues.contains(socket)) {
        m_order.append(socket);
        connect(socket, &QObject::destroyed, this, [this, socket] { forget(socket); });
    }
    Queue& queue = m_queues[socket];
    if (!bytes.isEmpty()) {
        queue.chunks.push_back(bytes);
    }
    queue.closeAfter = queue.closeAfter || closeAfter;
    if (!m_timer.isActive()) {
        m_timer.start(); // the bucket filled up while the link was idle
    }
    drain();
}

qint64 Link::waitingBytes() const
{
    qint64 total = 0;
    for (const Queue& queue : m_queues) {
        for (const QByteArray& chunk : queue.chunks) {
            total += chunk.size();
        }
        total -= queue.sentOfFront;
    }
    return total;
}

void Link::drain()
{
    const int rate = mbps();
    const qint64 now = m_clock.elapsed();
    if (rate <= 0) {
        m_tokens = 0;
        while (!m_order.isEmpty()) { // the limit was lifted: everything waiting goes now
            send(m_order.first(), std::numeric_limits<qint64>::max());
        }
    } else {
        const double bytesPerMs = rate * 1e6 / 8 / 1000;
        const double burst = std::max(bytesPerMs * 1000 * kBurstSeconds, double(kSlice));
        m_tokens = std::min(m_tokens + bytesPerMs * double(now - m_lastRefill), burst);
        while (m_tokens >= 1 && !m_order.isEmpty()) {
            QTcpSocket* socket = m_order.takeFirst();
            m_order.append(socket); // its next turn is after the others'; send() removes it when done
            m_tokens -= double(send(socket, std::min<qint64>(kSlice, qint64(m_tokens))));
        }
    }
    m_lastRefill = now;
    if (m_order.isEmpty()) {
        m_timer.stop();
    }
}

qint64 Link::send(QTcpSocket* socket, qint64 budget)
{
    Queue& queue = m_queues[socket];
    qint64 sent = 0;
    while (sent < budget && !queue.chunks.empty()) {
        const QByteArray& chunk = queue.chunks.front();
        const qint64 n = std::min<qint64>(budget - sent, chunk.size() - queue.sentOfFront);
        socket->write(chunk.constData() + queue.sentOfFront, n);
        sent += n;
        queue.sentOfFront += n;
        if (queue.sentOfFront == chunk.size()) {
            queue.chunks.pop_front();
            queue.sentOfFront = 0;
        }
    }
    if (queue.chunks.empty()) {
        const bool close = queue.closeAfter;
        forget(socket);
        disconnect(socket, &QObject::destroyed, this, nullptr);
        if (close) {
            socket->disconnectFromHost();
        }
    }
    return sent;
}

void Link::forget(QTcpSocket* socket)
{
    m_queues.remove(socket);
    m_order.removeAll(socket);
}

} // namespace Sim
