#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Cw {

// The body ConnectWise sends with a failure:
//   {"code":"InvalidObject","message":"...","errors":[{"code":"...","message":"...","resource":"...","field":"..."}]}
// The 429 body from the edge may be {"error":"...","message":"..."} or plain text; plain-text bodies
// (e.g. "Cannot process request: clientId header is required") are kept in `text`.
struct ErrorBody
{
    struct FieldError
    {
        QString code;
        QString message;
        QString resource;
        QString field;
    };

    bool isJson = false; // the body was a JSON object
    QString code; // "Unauthorized", "InvalidObject", "Security", "ConnectWiseApi", ...
    QString message;
    QList<FieldError> errors;
    QString text; // the body as text (trimmed, at most 500 characters) when it was not a JSON object

    static ErrorBody parse(const QByteArray& body);

    bool isEmpty() const { return code.isEmpty() && message.isEmpty() && errors.isEmpty() && text.isEmpty(); }
    QStringList fields() const; // errors[].field, non-empty ones, in order, without duplicates
    // True when code, message, text or any error mentions `word` (case-insensitive).
    bool mentions(const QString& word) const;
    // message, else text: what the server said, for display.
    QString serverMessage() const;
};

} // namespace Cw
