#pragma once

#include "core/config/RemoteResolver.h"
#include "core/connectwise/ApiError.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace Cw {

class ApiClient;
class Pager;

// Fetches the ConnectWise lists behind the given RemoteResolver kinds (company statuses, product
// categories, members, ...) page by page and fills a MapResolver with name -> id, so that an imported
// configuration can be re-resolved by name. Kinds that are not ConnectWise lists (local values) resolve to
// themselves.
class RemoteListFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteListFetcher)

public:
    RemoteListFetcher(ApiClient* client, QObject* parent = nullptr);

    void start(const QStringList& kinds, const QList<QPair<QString, QString>>& localNames = {});
    MapResolver& resolver() { return m_resolver; }

    // The endpoint of a kind, or empty when it is not a ConnectWise list.
    static QString pathFor(const QString& kind);

signals:
    void finished(const Cw::ApiError& error);

private:
    void fetchNext();

    ApiClient* m_client;
    MapResolver m_resolver;
    QStringList m_pending;
    QString m_current;
    QPointer<Pager> m_pager;
};

} // namespace Cw
