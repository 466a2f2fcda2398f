#pragma once

// Shared by the configuration tests and the panels' tests: the live lists of a running cwconnector-sim.

#include "core/config/RemoteListsLoader.h"
#include "tests/core/connectwise/SimFixture.h"

namespace CwTest {

inline Cw::RemoteLists fetchLists(Cw::ApiClient* client, const QStringList& kinds, Cw::ApiError* errorOut = nullptr)
{
    Cw::RemoteListsLoader loader(client);
    QSignalSpy spy(&loader, &Cw::RemoteListsLoader::finished);
    loader.start(kinds);
    if (!spy.wait(60000) && spy.isEmpty()) {
        qWarning("lists not fetched in time");
        return {};
    }
    if (errorOut) {
        *errorOut = spy.first().first().value<Cw::ApiError>();
    }
    return loader.lists();
}

} // namespace CwTest
