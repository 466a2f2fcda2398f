#pragma once

#include "core/connectwise/JsonView.h"
#include "core/localdata/LocalSchema.h"
#include "core/sync/SyncDescriptor.h"
#include "core/sync/SyncLocalWriter.h"

#include <QDateTime>

#include <memory>
#include <vector>

namespace Cw {

// A pulled record as the descriptor maps it: done on the parsing thread (Pager::setRawPrepare), so the next page is
// mapped while this one is stored. Pull mappings only read the settings (never links), so this is thread-safe.
struct PulledRecord
{
    qint64 remoteId = 0;
    QDateTime updated;
    PullValues pulled;
    QString newLocalId; // the id the record gets if it is new locally: cw-{ConnectWise id}
    // For a record that is new locally (the common case of a large pull), what is written is the pulled values
    // themselves: the row (with its id) and the link's snapshot are made here too.
    SyncLocalWriter::Row row;
    QByteArray snapshot; // UTF-8
};
using PulledPage = std::vector<PulledRecord>;

namespace PulledPages {

// The page's records mapped through the descriptor (inputs: the settings only).
std::shared_ptr<PulledPage> map(const SyncDescriptor& d, const LocalEntity& entity, const SyncInputs& inputs,
                                const std::vector<JsonRecord>& records);
// ConnectWise's "2026-11-25T10:11:12Z" as UTC (anything else through QDateTime's ISO reader).
QDateTime utcTime(const QString& text);

} // namespace PulledPages

} // namespace Cw
