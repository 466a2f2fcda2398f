#pragma once

#include "core/domain/Entity.h"
#include "core/localdata/CsvEntityParser.h"

#include <QList>

namespace Cw {

// The demo's local system: a few accounts, products, invoices with lines, an order with lines, payments and
// users, in the order a system exports them (parents first). Their lookup values use the names cwconnector-sim
// has (company type "Client", currency "USD", country "United States", ...) so auto-map finds them, the users
// have the e-mail addresses of the simulator's members, and the payments use the methods "VISA" and "WIRE".
struct DemoBatch
{
    Entity entity;
    QList<LocalRecord> records;
};

class DemoData final
{
public:
    static QList<DemoBatch> batches();
    static QString creditCardMethod() { return QStringLiteral("VISA"); }
    static QString bankDepositMethod() { return QStringLiteral("WIRE"); }
};

} // namespace Cw
