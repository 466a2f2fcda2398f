#include "app/sim/Countries.h"

#include "app/sim/JsonWriter.h"
#include "app/sim/Lookups.h"

namespace Sim::Countries {

namespace {

constexpr quint64 kCountryStream = 120;

// US first: the default country, the one of every seeded company's address.
const CountryRow kCountries[] = {
    {1, "United States", "US", "1", "State", "Zip", 1},
    {2, "Canada", "CA", "1", "Province", "Postal Code", 4},
    {3, "United Kingdom", "GB", "44", "County", "Postcode", 3},
    {4, "Ireland", "IE", "353", "County", "Eircode", 2},
    {5, "Germany", "DE", "49", "State", "PLZ", 2},
    {6, "France", "FR", "33", "Region", "Code Postal", 2},
    {7, "Netherlands", "NL", "31", "Province", "Postcode", 2},
    {8, "Belgium", "BE", "32", "Province", "Postcode", 2},
    {9, "Spain", "ES", "34", "Province",
     "C\xc3\xb3"
     "digo Postal",
     2},
    {10, "Italy", "IT", "39", "Province", "CAP", 2},
    {11, "Austria", "AT", "43", "State", "PLZ", 2},
    {12, "Switzerland", "CH", "41", "Canton", "PLZ", 0},
    {13, "Sweden", "SE", "46", "County", "Postnummer", 0},
    {14, "Norway", "NO", "47", "County", "Postnummer", 0},
    {15, "Denmark", "DK", "45", "Region", "Postnummer", 0},
    {16, "Poland", "PL", "48", "Voivodeship", "Kod Pocztowy", 0},
    {17, "Australia", "AU", "61", "State", "Postcode", 5},
    {18, "New Zealand", "NZ", "64", "Region", "Postcode", 0},
    {19, "South Africa", "ZA", "27", "Province", "Postal Code", 0},
    {20, "Mexico", "MX", "52", "State",
     "C\xc3\xb3"
     "digo Postal",
     0},
    {21, "Brazil", "BR", "55", "State", "CEP", 0},
    {22, "Japan", "JP", "81", "Prefecture", "Postal Code", 0},
    {23, "India", "IN", "91", "State", "PIN Code", 0},
    {24, "Singapore", "SG", "65", "Region", "Postal Code", 0},
};

} // namespace

const CountryRow& at(int index)
{
    return kCountries[index];
}

int count()
{
    return static_cast<int>(std::size(kCountries));
}

const CountryRow* byId(int id)
{
    return id >= 1 && id <= count() ? &kCountries[id - 1] : nullptr;
}

void writeReference(JsonWriter& w, const char* key, const CountryRow& country)
{
    w.beginObject(key);
    w.field("id", country.id);
    w.field("identifier", country.code);
    w.field("name", QString::fromUtf8(country.name));
    w.endObject();
}

std::vector<Record> records(quint64 seed)
{
    std::vector<Record> result;
    for (const CountryRow& c : kCountries) {
        SeededRandom random(seed, kCountryStream, static_cast<quint64>(c.id));
        JsonWriter w;
        w.beginObject();
        w.field("id", c.id);
        w.field("name", QString::fromUtf8(c.name));
        w.field("defaultFlag", c.id == 1);
        if (c.currencyId > 0) {
            Lookups::writeCurrencyReference(w, "currency", Lookups::currency(c.currencyId - 1));
        }
        w.field("cityCaption", "City");
        w.field("stateCaption", c.stateCaption);
        w.field("zipCaption", QString::fromUtf8(c.zipCaption));
        w.field("zipMinimumLength", 0);
        w.field("dialingPrefix", c.dialingPrefix);
        w.field("countryCode", c.code);
        Lookups::writeInfo(w, random);
        w.endObject();
        Record r;
        r.id = c.id;
        r.json = w.take();
        result.push_back(std::move(r));
    }
    return result;
}

} // namespace Sim::Countries
