#pragma once

#include "app/sim/Collection.h"

#include <vector>

namespace Sim {

class JsonWriter;

// The tenant's country list (company/countries): name, ISO 3166-1 alpha-2 code (countryCode), dialing prefix,
// address captions and the country's currency when the tenant has it. Companies' country references point into it.
struct CountryRow
{
    int id;
    const char* name;
    const char* code; // ISO 3166-1 alpha-2
    const char* dialingPrefix;
    const char* stateCaption;
    const char* zipCaption;
    int currencyId; // 0 = none of the tenant's currencies
};

namespace Countries {

const CountryRow& at(int index);
int count();
const CountryRow* byId(int id);
void writeReference(JsonWriter& w, const char* key, const CountryRow& country);
std::vector<Record> records(quint64 seed);

} // namespace Countries

} // namespace Sim
