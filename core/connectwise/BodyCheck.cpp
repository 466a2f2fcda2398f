#include "core/connectwise/BodyCheck.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Cw {

namespace {
bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
} // namespace

ApiError BodyCheck::length(const ApiResult& reply)
{
    const QByteArray encoding = reply.header("Content-Encoding").trimmed();
    const QByteArray declared = reply.header("Content-Length").trimmed();
    if (declared.isEmpty() || (!encoding.isEmpty() && encoding.compare("identity", Qt::CaseInsensitive) != 0)) {
        return ApiError();
    }
    bool ok = false;
    const qint64 expected = declared.toLongLong(&ok);
    if (ok && reply.body.size() < expected) {
        return malformed(QStringLiteral("received %1 of the %2 bytes announced by Content-Length")
                             .arg(reply.body.size())
                             .arg(expected),
                         true);
    }
    return ApiError();
}

ApiError BodyCheck::rawJson(const ApiResult& reply)
{
    ApiError error = length(reply);
    if (!error.isOk()) {
        return error;
    }
    const QByteArray& body = reply.body;
    qsizetype first = 0;
    qsizetype last = body.size() - 1;
    while (first <= last && isSpace(body.at(first))) {
        ++first;
    }
    while (last >= first && isSpace(body.at(last))) {
        --last;
    }
    if (first > last) {
        return error;
    }
    const char open = body.at(first);
    if (open == '[' || open == '{') {
        const char close = open == '[' ? ']' : '}';
        if (body.at(last) != close) {
            return malformed(
                QStringLiteral("the JSON %1 is not closed").arg(QLatin1String(open == '[' ? "array" : "object")), true);
        }
        return error;
    }
    // A scalar is short: parse it inside an array, which QJsonDocument can read.
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson('[' + body.mid(first, last - first + 1) + ']', &parse);
    if (parse.error != QJsonParseError::NoError || document.array().size() != 1) {
        return malformed(QStringLiteral("the body is not JSON"), false);
    }
    return error;
}

ApiError BodyCheck::malformed(const QString& detail, bool truncated)
{
    ApiError error;
    error.kind = ApiError::Kind::MalformedResponse;
    error.truncated = truncated;
    error.detail = detail;
    return error;
}

} // namespace Cw
