#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QString>

#include <deque>

namespace Sim {

// Every write the simulator refused for a model reason (an unknown member, a wrong type, a missing required
// member, an over-long string, a bad enum value, a rule ConnectWise enforces beyond the schema), and every PATCH
// of a nested path (answered 200 without a change, as ConnectWise does). Served by GET /_sim/violations and
// cleared by POST /_sim/reset, so that a test can assert at its end that no body the client sent broke the models.
class ViolationLog final
{
public:
    struct Entry
    {
        QDateTime time;
        QByteArray method;
        QString path; // under apis/3.0/, e.g. "finance/invoices/12/payments"
        int status = 400;
        QString code; // "ConnectWiseApi", "InvalidObject", or "NestedPatchPath" for a false 200
        QString message;
        QJsonArray errors; // InvalidObject: the errors[] sent
    };

    void record(Entry entry);
    QJsonArray toJson() const;
    void clear() { m_entries.clear(); }
    std::size_t size() const { return m_entries.size(); }

private:
    std::deque<Entry> m_entries; // the last 1,000
};

} // namespace Sim
