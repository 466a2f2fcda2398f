#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>

#include <deque>

namespace Sim {

// One line per request: time, method, target, status, ms (and the reply's encoding when it has one). Never headers, so
// never the Authorization header or keys. Written to a file or stderr ("-") when asked, and kept (the last 10,000) for
// GET /_sim/requests.
class RequestLog final
{
public:
    struct Entry
    {
        QDateTime time;
        QByteArray method;
        QByteArray target;
        int status = 0; // 0 = connection dropped without an answer
        qint64 ms = 0;
        int connection = 0; // HttpRequest::connection
        QByteArray encoding; // the reply's Content-Encoding ("gzip"), empty when sent as is
        qint64 bytes = 0; // the reply's body as sent (compressed when encoded)
    };

    RequestLog() = default;
    bool open(const QString& path, QString* error); // "-" = stderr
    void record(Entry entry);
    QJsonArray toJson() const;
    void clear() { m_entries.clear(); }

    static QByteArray format(const Entry& entry);

private:
    QFile m_file;
    std::deque<Entry> m_entries;
};

} // namespace Sim
