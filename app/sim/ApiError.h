#pragma once

#include "app/sim/HttpMessage.h"

#include <QString>

#include <vector>

namespace Sim {

// ConnectWise-shaped error replies:
// {"code":"...","message":"...","errors":[{"code":"...","message":"...","resource":"...","field":"..."}]}
struct FieldError
{
    QString code;
    QString message;
    QString resource;
    QString field;
};

namespace ApiError {

QByteArray body(const QString& code, const QString& message, const std::vector<FieldError>& errors = {});
HttpResponse reply(int status, const QString& code, const QString& message, const std::vector<FieldError>& errors = {});
HttpResponse notFound(const QString& message = QString());
HttpResponse plainText(int status, const QByteArray& text);

} // namespace ApiError

} // namespace Sim
