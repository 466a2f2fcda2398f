#pragma once

#include "app/sim/Collection.h"
#include "app/sim/Ledger.h"

#include <QJsonObject>

#include <map>
#include <memory>

namespace Sim {

// All simulated records of the tenant, by endpoint path under apis/3.0/. Collections are generated
// lazily on first use (companies eagerly by warmUp()), deterministically from (seed, records).
class Dataset final
{
public:
    Dataset(int records, quint64 seed);

    Collection* collection(const QString& path); // nullptr for an unknown path
    Collection& payments() { return *m_payments; } // invoice payments (served under finance/invoices/{id}/payments)
    QStringList paths() const;
    WriteHooks& hooks() { return m_ledger; } // keeps invoice and order totals in step with lines and payments

    void warmUp(); // generate the companies now (startup) rather than on the first request
    void reset(quint64 seed); // drop all changes and regenerate from this seed
    QJsonObject counts(); // generates what is not generated yet

    int recordCount() const { return m_records; }
    quint64 seed() const { return m_seed; }

private:
    void build();
    void makeInvoices();

    int m_records;
    quint64 m_seed;
    std::map<QString, std::unique_ptr<Collection>> m_collections;
    Collection* m_payments = nullptr;
    std::unique_ptr<Collection> m_paymentsOwner;
    std::vector<Record> m_pendingInvoices;
    std::vector<Record> m_pendingPayments;
    bool m_invoicesMade = false;
    Ledger m_ledger;
};

} // namespace Sim
