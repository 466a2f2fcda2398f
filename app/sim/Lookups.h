#pragma once

#include "app/sim/Collection.h"
#include "app/sim/SeededRandom.h"

#include <vector>

namespace Sim {

class JsonWriter;

// The small fixed lists of a tenant (company types and statuses, currencies, billing statuses, product
// types/categories/subcategories, units of measure, order statuses, members) and their records.
// The big entities reference them by id and name.
struct LookupRow
{
    int id;
    const char* name;
    int extra; // per table: default/closed/inactive flags, a subcategory's category id, ...
};

struct LookupTable
{
    const LookupRow* rows;
    int size;
    const LookupRow& at(int index) const { return rows[index]; }
    const LookupRow& pick(SeededRandom& random) const { return rows[random.bounded(size)]; }
};

struct CurrencyRow
{
    int id;
    const char* code;
    const char* symbol;
    const char* name;
};

struct MemberRow
{
    int id;
    const char* identifier;
    const char* firstName;
    const char* lastName;
    const char* title;
    char licenseClass; // 'F' full, 'A' API
    bool inactive;
};

namespace Lookups {

const LookupTable& companyTypes();
const LookupTable& companyStatuses(); // extra: 1 = default, 2 = inactive
const LookupTable& billingStatuses(); // extra: 1 = default, 2 = closed, 4 = sent
const LookupTable& productTypes();
const LookupTable& productCategories();
const LookupTable& productSubcategories(); // extra: category id
const LookupTable& unitsOfMeasure();
const LookupTable& orderStatuses(); // extra: 1 = default, 2 = closed
const CurrencyRow& currency(int index);
int currencyCount();
const MemberRow& member(int index);
int memberCount();
const MemberRow& salesRep(SeededRandom& random); // an active full member

std::vector<Record> companyTypeRecords(quint64 seed);
std::vector<Record> companyStatusRecords(quint64 seed);
std::vector<Record> currencyRecords(quint64 seed);
std::vector<Record> billingStatusRecords(quint64 seed);
std::vector<Record> productTypeRecords(quint64 seed);
std::vector<Record> productCategoryRecords(quint64 seed);
std::vector<Record> productSubcategoryRecords(quint64 seed);
std::vector<Record> unitOfMeasureRecords(quint64 seed);
std::vector<Record> orderStatusRecords(quint64 seed);
std::vector<Record> memberRecords(quint64 seed);

// A CurrencyReference: id, symbol, currencyCode and currencyIdentifier (the ISO code), name.
void writeCurrencyReference(JsonWriter& w, const char* key, const CurrencyRow& currency);

// The _info object every record carries: lastUpdated/updatedBy/dateEntered/enteredBy.
void writeInfo(JsonWriter& w, SeededRandom& random, const char* extraHref = nullptr, qint64 id = 0);

} // namespace Lookups

} // namespace Sim
