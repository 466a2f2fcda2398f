#pragma once

#include "core/config/RemoteLists.h"
#include "core/connectwise/ApiError.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace Cw {

class ApiClient;
class Pager;

// Pulls the live ConnectWise lists behind the given kinds (RemoteResolver kinds) page by page, one list
// after the other, into a RemoteLists. finished() comes once, from the event loop; on the first error
// the lists fetched so far stay available and the failing kind is failedKind().
class RemoteListsLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteListsLoader)

public:
    explicit RemoteListsLoader(ApiClient* client, QObject* parent = nullptr);

    void start(const QStringList& kinds);
    void cancel();
    const RemoteLists& lists() const { return m_lists; }
    QString failedKind() const { return m_failedKind; }

signals:
    void finished(const Cw::ApiError& error);

private:
    void fetchNext();

    ApiClient* m_client;
    RemoteLists m_lists;
    QStringList m_pending;
    QString m_current;
    QString m_failedKind;
    QList<RemoteItem> m_items;
    QPointer<Pager> m_pager;
};

} // namespace Cw
