#pragma once

#include "app/sim/Collection.h"

#include <vector>

namespace Sim {

// Seeded generators for the big entities. Record i depends only on (seed, i) and, for references,
// on the number of companies, so the same seed and count always give byte-identical JSON.
namespace RecordFactory {

QString companyName(quint64 seed, qint64 id);
QString companyIdentifier(quint64 seed, qint64 id);

std::vector<Record> companies(quint64 seed, int count);
std::vector<Record> catalogItems(quint64 seed, int count, int companyCount);
// Invoices and their payments are made together (a payment belongs to an invoice and pays part of it).
void invoicesAndPayments(quint64 seed, int count, int companyCount, std::vector<Record>* invoices,
                         std::vector<Record>* payments);
std::vector<Record> salesOrders(quint64 seed, int count, int companyCount);

} // namespace RecordFactory

} // namespace Sim
