#include "core/config/RemoteListFetcher.h"

#include "core/connectwise/Endpoints.h"
#include "core/connectwise/Pager.h"

#include <QJsonObject>

namespace Cw {

RemoteListFetcher::RemoteListFetcher(ApiClient* client, QObject* parent) : QObject(parent), m_client(client) { }

QString RemoteListFetcher::pathFor(const QString& kind)
{
    static const QHash<QString, QString> paths {
        {QLatin1String(RemoteResolver::companyStatus), Endpoints::companyStatuses()},
        {QLatin1String(RemoteResolver::companyType), Endpoints::companyTypes()},
        {QLatin1String(RemoteResolver::productCategory), Endpoints::productCategories()},
        {QLatin1String(RemoteResolver::productSubcategory), Endpoints::productSubcategories()},
        {QLatin1String(RemoteResolver::productType), Endpoints::productTypes()},
        {QLatin1String(RemoteResolver::unitOfMeasure), Endpoints::unitsOfMeasure()},
        {QLatin1String(RemoteResolver::member), Endpoints::members()},
        {QLatin1String(RemoteResolver::currency), Endpoints::currencies()},
        {QLatin1String(RemoteResolver::billingStatus), Endpoints::billingStatuses()},
        {QLatin1String(RemoteResolver::orderStatus), Endpoints::orderStatuses()},
        {QLatin1String(RemoteResolver::country), Endpoints::countries()},
    };
    return paths.value(kind);
}

void RemoteListFetcher::start(const QStringList& kinds, const QList<QPair<QString, QString>>& localNames)
{
    m_pending.clear();
    for (const QString& kind : kinds) {
        if (!pathFor(kind).isEmpty() && !m_pending.contains(kind)) {
            m_pending.append(kind);
        }
    }
    // Local-system values are the same wherever the configuration goes.
    for (const auto& [kind, name] : localNames) {
        if (pathFor(kind).isEmpty()) {
            m_resolver.add(kind, name, name);
        }
    }
    fetchNext();
}

void RemoteListFetcher::fetchNext()
{
    if (m_pending.isEmpty()) {
        // Always report from the event loop, also when there was nothing to fetch.
        QMetaObject::invokeMethod(
            this, [this] { emit finished(ApiError()); }, Qt::QueuedConnection);
        return;
    }
    m_current = m_pending.takeFirst();
    PageQuery query;
    query.path = pathFor(m_current);
    m_pager = new Pager(m_client, query, this);
    connect(m_pager, &Pager::pageReady, this, [this](const Page& page) {
        for (const QJsonValue& v : page.records) {
            const QJsonObject o = v.toObject();
            const QString id = QString::number(o.value(QStringLiteral("id")).toInteger());
            for (const char* field : {"name", "identifier", "currencyIdentifier", "countryCode"}) {
                const QString name = o.value(QLatin1String(field)).toString();
                if (!name.isEmpty()) {
                    m_resolver.add(m_current, name, id);
                }
            }
        }
    });
    connect(m_pager, &Pager::finished, this, [this](const PagerResult& result) {
        m_pager->deleteLater();
        if (!result.ok()) {
            m_pending.clear();
            emit finished(result.error);
            return;
        }
        fetchNext();
    });
    m_pager->start();
}

} // namespace Cw
