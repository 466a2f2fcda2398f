#pragma once

#include "core/connectwise/ApiError.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QUrl>

namespace Cw {

// What a finished ApiCall hands back. On success `json` holds the parsed body (for JSON requests the raw
// body is then dropped to keep memory low); on failure `error` says what went wrong and `body` keeps the
// raw answer for diagnostics.
struct ApiResult
{
    ApiError error;
    int httpStatus = 0;
    QJsonDocument json; // parsed 2xx body (ApiRequest::expectJson)
    QByteArray body; // raw body when not parsed (expectJson = false, or failures)
    QList<QPair<QByteArray, QByteArray>> headers; // response headers as received
    QUrl url; // the URL of the last attempt (no credentials in it)
    int attempts = 0;
    qint64 elapsedMs = 0;

    bool ok() const { return error.isOk(); }
    QByteArray header(const QByteArray& name) const; // case-insensitive, empty if absent
    QJsonArray array() const { return json.array(); }
    QJsonObject object() const { return json.object(); }
};

} // namespace Cw

Q_DECLARE_METATYPE(Cw::ApiResult)
