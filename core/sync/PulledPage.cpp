#include "core/sync/PulledPage.h"

namespace Cw::PulledPages {

// ConnectWise's timestamps are "2026-11-25T10:11:12Z": read by hand (QDateTime::fromString costs ten times more,
// once per pulled record); anything else goes to QDateTime.
QDateTime utcTime(const QString& text)
{
    if (text.size() == 20 && text.at(4) == QLatin1Char('-') && text.at(7) == QLatin1Char('-') &&
        text.at(10) == QLatin1Char('T') && text.at(13) == QLatin1Char(':') && text.at(16) == QLatin1Char(':') &&
        text.at(19) == QLatin1Char('Z')) {
        auto number = [&text](int from, int length, bool* ok) {
            int value = 0;
            for (int i = from; i < from + length; ++i) {
                const int digit = text.at(i).unicode() - '0';
                if (digit < 0 || digit > 9) {
                    *ok = false;
                }
                value = value * 10 + digit;
            }
            return value;
        };
        bool ok = true;
        const QDate date(number(0, 4, &ok), number(5, 2, &ok), number(8, 2, &ok));
        const QTime time(number(11, 2, &ok), number(14, 2, &ok), number(17, 2, &ok));
        if (ok && date.isValid() && time.isValid()) {
            return QDateTime(date, time, Qt::UTC);
        }
    }
    return QDateTime::fromString(text, Qt::ISODate);
}

std::shared_ptr<PulledPage> map(const SyncDescriptor& d, const LocalEntity& entity, const SyncInputs& inputs,
                                const std::vector<JsonRecord>& records)
{
    auto page = std::make_shared<PulledPage>();
    page->reserve(records.size());
    for (const JsonRecord& remote : records) {
        PulledRecord r;
        r.remoteId = remote.value(QLatin1String("id")).toInteger();
        r.newLocalId = QLatin1String("cw-") + QString::number(r.remoteId);
        r.updated = utcTime(remote.value(QLatin1String("_info")).value(QLatin1String("lastUpdated")).toString());
        r.pulled = d.fromRemote(remote, inputs);
        if (r.pulled.skipReason.isEmpty()) {
            r.row = SyncLocalWriter::pulledRow(entity, r.pulled.values, &r.snapshot);
            r.row[0] = r.newLocalId.toUtf8(); // the id column comes first
        }
        page->push_back(std::move(r));
    }
    return page;
}

} // namespace Cw::PulledPages
