#pragma once

// The word lists the simulator's generated records are drawn from (names, streets, cities, products): data, kept
// apart from the generators in RecordFactory.cpp. Only RecordFactory.cpp includes it (const: internal linkage).
namespace Sim::RecordFactory {

const char* const kNameFirst[] = {"Northwind", "Blue Harbor", "Summit",        "Granite",  "Redwood",   "Silverline",
                                  "Evergreen", "Pioneer",     "Keystone",      "Lakeside", "Ironclad",  "Brightpath",
                                  "Cedar",     "Falcon",      "Horizon",       "Oakridge", "Riverbend", "Sterling",
                                  "Maple",     "Coastal",     "M\xc3\xbcller", "O'Brien",  "Zenith",    "Atlas"};
const char* const kNameSecond[] = {"Logistics", "Dental",    "Legal",       "Manufacturing", "Accounting",
                                   "Builders",  "Medical",   "Engineering", "Foods",         "Realty",
                                   "Insurance", "Marketing", "Plumbing",    "Consulting",    "Transport"};
const char* const kNameSuffix[] = {"LLC", "Inc", "Ltd", "Group", "& Co", "Partners", "GmbH", "Corp"};
const char* const kStreets[] = {"Main St", "Oak Ave", "Harbor Rd", "Elm St", "Park Blvd", "Mill Lane", "High St"};
struct City
{
    const char* city;
    const char* state;
    const char* zip;
};
const City kCities[] = {{"Tampa", "FL", "33602"},    {"Austin", "TX", "78701"},  {"Denver", "CO", "80202"},
                        {"Portland", "OR", "97201"}, {"Chicago", "IL", "60601"}, {"Boston", "MA", "02108"},
                        {"Atlanta", "GA", "30303"},  {"Seattle", "WA", "98101"}};
const char* const kProducts[] = {
    "Laptop 14\"",        "Desktop Tower",          "Rack Server",          "24-port Switch",
    "Firewall Appliance", "Access Point",           "Office Suite License", "Endpoint Protection",
    "Cloud Backup 1TB",   "Microsoft 365 Business", "USB-C Dock",           "Monitor 27\""};
const char* const kManufacturers[] = {"Dell", "HP", "Lenovo", "Cisco", "Ubiquiti", "Microsoft", "Datto", "Fortinet"};
const char* const kInvoiceTypes[] = {"Standard", "Standard", "Standard", "Agreement", "Miscellaneous", "CreditMemo"};

} // namespace Sim::RecordFactory
