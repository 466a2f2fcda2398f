#include "core/sync/CreateLookup.h"

#include "core/connectwise/ApiRequest.h"
#include "core/connectwise/ApiResult.h"
#include "core/connectwise/Conditions.h"
#include "core/sync/SyncLog.h"
#include "core/sync/SyncRun.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace Cw {

CreateLookup::CreateLookup(SyncRun& run, const SyncDescriptor& descriptor) : m_run(run), m_descriptor(descriptor) { }

qint64 CreateLookup::find(const PushBody& built, const QHash<QString, SyncLink>& links, ApiError* error) const
{
    const SyncDescriptor& d = m_descriptor;
    ApiRequest request = ApiRequest::get(built.path);
    request.addQuery(QStringLiteral("pageSize"), QStringLiteral("1000"));
    if (!d.keyField.isEmpty()) {
        request.addQuery(QStringLiteral("conditions"), Conditions::equals(d.keyField, built.key).toString());
    }
    const ApiResult result = m_run.call(request);
    if (!result.ok()) {
        *error = result.error;
        return 0;
    }
    QSet<qint64> taken;
    for (const SyncLink& l : links) {
        if (l.remoteId > 0) {
            taken.insert(l.remoteId);
        }
    }
    for (const QJsonValue& v : result.array()) {
        const QJsonObject o = v.toObject();
        const qint64 id = o.value(QStringLiteral("id")).toInteger();
        if (taken.contains(id)) {
            continue;
        }
        bool same = true;
        if (d.keyField.isEmpty()) { // no unique key (payments): the same amount on the same date
            for (const QString& field : {QStringLiteral("amount"), QStringLiteral("paymentDate")}) {
                same = same && o.value(field) == built.body.value(field);
            }
        } else {
            same = o.value(d.keyField).toString().compare(built.key, Qt::CaseInsensitive) == 0;
        }
        if (same) {
            qCInfo(lcSync) << "found" << d.remoteName << id << "created by an earlier run";
            return id;
        }
    }
    return 0;
}

} // namespace Cw
