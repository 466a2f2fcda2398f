#include "app/sim/ApiError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Sim::ApiError {

QByteArray body(const QString& code, const QString& message, const std::vector<FieldError>& errors)
{
    QJsonObject object {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (errors.empty()) {
        object.insert(QStringLiteral("errors"), QJsonValue::Null);
    } else {
        QJsonArray list;
        for (const FieldError& e : errors) {
            list.append(QJsonObject {{QStringLiteral("code"), e.code},
                                     {QStringLiteral("message"), e.message},
                                     {QStringLiteral("resource"), e.resource},
                                     {QStringLiteral("field"), e.field}});
        }
        object.insert(QStringLiteral("errors"), list);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

HttpResponse reply(int status, const QString& code, const QString& message, const std::vector<FieldError>& errors)
{
    return HttpResponse::json(status, body(code, message, errors));
}

HttpResponse notFound(const QString& message)
{
    return reply(404, QStringLiteral("NotFound"),
                 message.isEmpty() ? QStringLiteral("The requested resource was not found.") : message);
}

HttpResponse plainText(int status, const QByteArray& text)
{
    HttpResponse r;
    r.status = status;
    r.body = text;
    r.setHeader("Content-Type", "text/plain; charset=utf-8");
    return r;
}

} // namespace Sim::ApiError
