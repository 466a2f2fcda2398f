#pragma once

// A NetworkAccessFactory a test injects: it makes the managers as the programs' factory does and records the thread
// each one was made in.

#include "core/connectwise/NetworkAccessFactory.h"

#include <QList>
#include <QMutex>
#include <QThread>

namespace CwTest {

class RecordingNetworkFactory final : public Cw::NetworkAccessFactory
{
public:
    QNetworkAccessManager* create(const Cw::ProxySettings& proxy, QObject* parent) const override
    {
        const QMutexLocker lock(&m_mutex);
        m_threads.append(QThread::currentThread());
        return Cw::NetworkAccessFactory::create(proxy, parent);
    }
    // The thread of every manager made so far, in order.
    QList<QThread*> threads() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_threads;
    }

private:
    mutable QMutex m_mutex;
    mutable QList<QThread*> m_threads;
};

} // namespace CwTest
