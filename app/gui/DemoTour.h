#pragma once

#include "core/config/ConnectorConfig.h"
#include "core/config/RemoteLists.h"
#include "core/setup/SetupController.h"

#include <QCoreApplication>

namespace Cw {

class Database;

// `cwconnector --demo` as a complete tour: the local system gets sample records (DemoData, written through
// LocalRecordStore like a CSV import), and the demo connector starts with sensible options, its lookups
// auto-mapped, its users matched by e-mail and its server variables picked from the simulator's live lists,
// so that accepting every wizard page ends in a Sync now that writes records. Real connectors get none of it.
class DemoTour final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::DemoTour)

public:
    explicit DemoTour(Database& database) : m_database(database) { }

    // Writes the sample records, once: nothing when the local system already has accounts. False with *error.
    bool seedLocalData(QString* error);
    // The simulator's settings with the starter configuration added (DemoSettings::starter).
    DemoSettings withStarter(DemoSettings settings) const;
    // Push options on (pulls stay off: the simulator's own records stay there), every lookup value auto-mapped,
    // users matched and confirmed, server variables from the lists and the local payment methods.
    ConnectorConfig starterConfig(const RemoteLists& lists) const;

private:
    Database& m_database;
};

} // namespace Cw
