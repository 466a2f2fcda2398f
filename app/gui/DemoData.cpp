#include "app/gui/DemoData.h"

#include <QStringList>

namespace Cw {

namespace {

// Records from a header and rows of texts, like a CSV file: the first column is the id.
QList<LocalRecord> table(const QStringList& header, const QList<QStringList>& rows)
{
    QList<LocalRecord> records;
    for (const QStringList& row : rows) {
        LocalRecord record;
        record.id = row.first();
        for (int i = 0; i < header.size() && i < row.size(); ++i) {
            if (!row.at(i).isEmpty()) {
                record.values.insert(header.at(i), row.at(i));
            }
        }
        records.append(record);
    }
    return records;
}

QStringList split(const char* text)
{
    return QString::fromUtf8(text).split(QLatin1Char('|'));
}

} // namespace

QList<DemoBatch> DemoData::batches()
{
    const QStringList lineHeader = split("id|%1|product_id|description|quantity|price");
    auto lines = [&lineHeader](const char* parent, const QList<QStringList>& rows) {
        QStringList header = lineHeader;
        header[1] = QLatin1String(parent);
        return table(header, rows);
    };
    return {
        {Entity::Users,
         table(split("id|name|email"),
               {split("DU1|John Smith|jsmith@simulated-msp.example"),
                split("DU2|Maria Garcia|mgarcia@simulated-msp.example"),
                split("DU3|David Chen|dchen@simulated-msp.example")})},
        {Entity::Accounts,
         table(split("id|name|account_type|currency|phone|website|address_line1|city|state|zip|country"),
               {split("DA1|Northwind Traders|Client|USD|555-0100|https://northwind.example|1 Harbor Way|Tampa|FL|"
                      "33602|United States"),
                split("DA2|Maple Leaf Logistics|Client|CAD|555-0110||200 King St W|Toronto|ON|M5H 3T4|Canada"),
                split("DA3|Fabrikam Supplies|Vendor|USD|555-0120||77 Market St|Austin|TX|73301|United States")})},
        {Entity::Products,
         table(split("id|name|description|product_type|unit_type|price|cost"),
               {split("DP1|Business Laptop 14|14-inch laptop, 16 GB|Hardware|Laptops|1200|900"),
                split("DP2|Managed Firewall|Firewall appliance with a year of updates|Hardware|Firewalls|850|600"),
                split("DP3|Microsoft 365 Business|Per user and month|Subscription|Microsoft 365|22|18"),
                split("DP4|Cat6 Cable 3 m|Patch cable|Hardware|Cables|6|2")})},
        {Entity::Invoices,
         table(split("id|number|account_id|invoice_stage|invoice_type|currency|date|due_date|total"),
               {split("DI1|DEMO-1001|DA1|New|Standard|USD|2024-05-02|2024-06-01|2460"),
                split("DI2|DEMO-1002|DA2|New|Standard|CAD|2024-05-06|2024-06-05|880")})},
        {Entity::InvoiceLines,
         lines("invoice_id",
               {split("DI1-1|DI1|DP1|Laptops for the new office|2|1200"), split("DI1-2|DI1|DP4|Patch cables|10|6"),
                split("DI2-1|DI2|DP2|Branch firewall|1|850"), split("DI2-2|DI2|DP4|Patch cables|5|6")})},
        {Entity::Orders,
         table(split("id|account_id|order_stage|currency|date|total|description|user_id"),
               {split("DO1|DA1|New|USD|2024-05-10|176|Microsoft 365 for the sales team|DU2")})},
        {Entity::OrderLines, lines("order_id", {split("DO1-1|DO1|DP3|Microsoft 365 Business|8|22")})},
        {Entity::Payments,
         table(split("id|invoice_id|method|amount|date"),
               {split("DY1|DI1|VISA|1000|2024-05-20"), split("DY2|DI2|WIRE|880|2024-05-28")})},
    };
}

} // namespace Cw
