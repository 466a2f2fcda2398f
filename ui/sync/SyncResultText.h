#pragma once

#include "core/sync/SyncTypes.h"

#include <QCoreApplication>

namespace Cw {

// The Sync now window's result line: what a preview or sync did, why it stopped, what did not start and how to
// fix it. Its strings keep the Sync now window's translation context.
class SyncResultText final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::SyncDialog)

public:
    static QString of(const SyncSummary& summary);
};

} // namespace Cw
