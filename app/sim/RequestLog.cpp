#include "app/sim/RequestLog.h"

#include <QJsonObject>

#include <cstdio>

namespace Sim {

namespace {
constexpr std::size_t kKeep = 10000;
}

bool RequestLog::open(const QString& path, QString* error)
{
    const bool ok = path == QLatin1String("-")
        ? m_file.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered)
        : (m_file.setFileName(path), m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text));
    if (!ok && error) {
        *error = m_file.errorString();
    }
    return ok;
}

QByteArray RequestLog::format(const Entry& entry)
{
    return entry.time.toString(Qt::ISODateWithMs).toUtf8() + ' ' + entry.method + ' ' + entry.target + ' ' +
        (entry.status == 0 ? QByteArray("dropped") : QByteArray::number(entry.status)) + ' ' +
        QByteArray::number(entry.ms) + "ms" + (entry.encoding.isEmpty() ? QByteArray() : ' ' + entry.encoding) + '\n';
}

void RequestLog::record(Entry entry)
{
    if (m_file.isOpen()) {
        m_file.write(format(entry));
        m_file.flush();
    }
    m_entries.push_back(std::move(entry));
    while (m_entries.size() > kKeep) {
        m_entries.pop_front();
    }
}

QJsonArray RequestLog::toJson() const
{
    QJsonArray list;
    for (const Entry& e : m_entries) {
        list.append(QJsonObject {{QStringLiteral("time"), e.time.toString(Qt::ISODateWithMs)},
                                 {QStringLiteral("method"), QString::fromUtf8(e.method)},
                                 {QStringLiteral("target"), QString::fromUtf8(e.target)},
                                 {QStringLiteral("status"), e.status},
                                 {QStringLiteral("ms"), e.ms},
                                 {QStringLiteral("connection"), e.connection},
                                 {QStringLiteral("encoding"), QString::fromLatin1(e.encoding)},
                                 {QStringLiteral("bytes"), e.bytes}});
    }
    return list;
}

} // namespace Sim
