#include "app/sim/ViolationLog.h"

#include "app/sim/SimLog.h"

#include <QJsonObject>

namespace Sim {

namespace {
constexpr std::size_t kKept = 1000;
} // namespace

void ViolationLog::record(Entry entry)
{
    qCInfo(lcSim).noquote() << "model violation:" << entry.method << entry.path << entry.status << entry.message;
    m_entries.push_back(std::move(entry));
    while (m_entries.size() > kKept) {
        m_entries.pop_front();
    }
}

QJsonArray ViolationLog::toJson() const
{
    QJsonArray result;
    for (const Entry& e : m_entries) {
        result.append(QJsonObject {
            {QStringLiteral("time"), e.time.toString(Qt::ISODateWithMs)},
            {QStringLiteral("method"), QString::fromLatin1(e.method)},
            {QStringLiteral("path"), e.path},
            {QStringLiteral("status"), e.status},
            {QStringLiteral("code"), e.code},
            {QStringLiteral("message"), e.message},
            {QStringLiteral("errors"), e.errors},
        });
    }
    return result;
}

} // namespace Sim
