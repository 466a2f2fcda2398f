#pragma once

#include "core/connectwise/ApiClient.h"

#include <QObject>
#include <QThread>

namespace Cw {

// An ApiClient for the same connection as another one, with a network manager of its own, living in a thread of
// its own. For work whose consumer keeps its own thread busy: a pull that writes each page into the database
// would otherwise hold up the next transfer and the parsing until the write ends, because replies are handled
// on the thread that made the request.
//
// The client adopts what the source already knows (the connection, its proxy and keys, the company lookup's
// answer), gets its manager from the source's NetworkAccessFactory and shares the source's RateGovernor: requests of
// both count against one limit, and a 429 on either pauses both. Nothing else is shared afterwards. Objects that use
// client() must live in thread() (create them there, e.g. with QMetaObject::invokeMethod(context(), ...)). The
// destructor stops the thread and deletes the client, its manager and every object parented to context() in that
// thread.
class ClientThread final
{
    Q_DISABLE_COPY_MOVE(ClientThread)

public:
    explicit ClientThread(const ApiClient& source);
    ~ClientThread();

    ApiClient* client() const { return m_client; }
    QObject* context() const { return m_context; } // lives in thread(): parent for objects made there
    QThread* thread() { return &m_thread; }

private:
    QThread m_thread;
    QObject* m_context = nullptr;
    ApiClient* m_client = nullptr;
};

} // namespace Cw
