#include "core/config/RemoteListsLoader.h"

#include "core/config/ConfigLog.h"
#include "core/config/RemoteListFetcher.h"
#include "core/connectwise/Pager.h"

namespace Cw {

RemoteListsLoader::RemoteListsLoader(ApiClient* client, QObject* parent) : QObject(parent), m_client(client) { }

void RemoteListsLoader::start(const QStringList& kinds)
{
    m_pending.clear();
    m_failedKind.clear();
    for (const QString& kind : kinds) {
        if (!RemoteListFetcher::pathFor(kind).isEmpty() && !m_pending.contains(kind)) {
            m_pending.append(kind);
        }
    }
    fetchNext();
}

void RemoteListsLoader::cancel()
{
    m_pending.clear();
    if (m_pager) {
        m_pager->cancel();
    }
}

void RemoteListsLoader::fetchNext()
{
    if (m_pending.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this] { emit finished(ApiError()); }, Qt::QueuedConnection);
        return;
    }
    m_current = m_pending.takeFirst();
    m_items.clear();
    PageQuery query;
    query.path = RemoteListFetcher::pathFor(m_current);
    m_pager = new Pager(m_client, query, this);
    connect(m_pager, &Pager::pageReady, this, [this](const Page& page) {
        for (const QJsonValue& v : page.records) {
            m_items.append(RemoteLists::fromJson(m_current, v.toObject()));
        }
    });
    connect(m_pager, &Pager::finished, this, [this](const PagerResult& result) {
        m_pager->deleteLater();
        if (!result.ok()) {
            qCInfo(lcConfig) << "list" << m_current << "failed:" << result.error.message();
            m_failedKind = m_current;
            m_pending.clear();
            emit finished(result.error);
            return;
        }
        m_lists.set(m_current, m_items);
        fetchNext();
    });
    m_pager->start();
}

} // namespace Cw
