#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrlQuery>

namespace Sim {

// A parsed HTTP/1.1 request. Header names are kept as sent; header() looks them up case-insensitively.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // raw request target, e.g. "/v4_6_release/apis/3.0/company/companies?page=2"
    QByteArray path; // target without the query, percent-decoded
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool keepAlive = true; // HTTP/1.1 unless "Connection: close"; HTTP/1.0 only with "Connection: keep-alive"
    int connection = 0; // which connection it came on (the server numbers them from 1 as it accepts them)

    QByteArray header(const QByteArray& name) const
    {
        for (const auto& h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
                return h.second;
            }
        }
        return {};
    }
    bool hasHeader(const QByteArray& name) const
    {
        for (const auto& h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
                return true;
            }
        }
        return false;
    }
};

// What the server does with a request. Besides a normal reply it can misbehave on purpose, the way
// real networks and servers do: answer late, cut the body short, or drop the connection.
struct HttpResponse
{
    enum class Delivery {
        Normal,
        Truncated, // send the headers and only part of the body, then close
        Drop, // close the connection without answering
    };

    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Delivery delivery = Delivery::Normal;
    int delayMs = 0; // answer after this long

    void setHeader(const QByteArray& name, const QByteArray& value)
    {
        for (auto& h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
                h.second = value;
                return;
            }
        }
        headers.append({name, value});
    }

    static HttpResponse json(int status, const QByteArray& body)
    {
        HttpResponse r;
        r.status = status;
        r.body = body;
        r.setHeader("Content-Type", "application/json; charset=utf-8");
        return r;
    }
};

} // namespace Sim
