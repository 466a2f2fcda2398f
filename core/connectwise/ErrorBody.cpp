#include "core/connectwise/ErrorBody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Cw {

ErrorBody ErrorBody::parse(const QByteArray& body)
{
    ErrorBody result;
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        result.text = QString::fromUtf8(body).trimmed().left(500);
        return result;
    }
    result.isJson = true;
    const QJsonObject obj = doc.object();
    result.code = obj.value(QLatin1String("code")).toString();
    if (result.code.isEmpty()) {
        result.code = obj.value(QLatin1String("error")).toString(); // the rate limiter's shape
    }
    result.message = obj.value(QLatin1String("message")).toString();
    const QJsonArray errors = obj.value(QLatin1String("errors")).toArray();
    for (const QJsonValue& value : errors) {
        const QJsonObject e = value.toObject();
        FieldError fe;
        fe.code = e.value(QLatin1String("code")).toString();
        fe.message = e.value(QLatin1String("message")).toString();
        fe.resource = e.value(QLatin1String("resource")).toString();
        fe.field = e.value(QLatin1String("field")).toString();
        if (!fe.code.isEmpty() || !fe.message.isEmpty() || !fe.field.isEmpty()) {
            result.errors.append(fe);
        }
    }
    return result;
}

QStringList ErrorBody::fields() const
{
    QStringList out;
    for (const FieldError& e : errors) {
        if (!e.field.isEmpty() && !out.contains(e.field)) {
            out.append(e.field);
        }
    }
    return out;
}

bool ErrorBody::mentions(const QString& word) const
{
    const auto has = [&word](const QString& s) { return s.contains(word, Qt::CaseInsensitive); };
    if (has(code) || has(message) || has(text)) {
        return true;
    }
    for (const FieldError& e : errors) {
        if (has(e.code) || has(e.message) || has(e.field)) {
            return true;
        }
    }
    return false;
}

QString ErrorBody::serverMessage() const
{
    return message.isEmpty() ? text : message;
}

} // namespace Cw
