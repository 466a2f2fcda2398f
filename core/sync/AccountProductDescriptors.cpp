// The account <-> company and product <-> catalog item descriptors.
#include "core/connectwise/Endpoints.h"
#include "core/sync/SyncDescriptor.h"
#include "core/sync/SyncIdentifier.h"
#include "core/sync/SyncMapping.h"

#include <QJsonArray>

#include <algorithm>

namespace Cw {

using namespace SyncMapping;

namespace {

QString value(const LocalRecord& record, const char* column)
{
    return text(record.values.value(QLatin1String(column)));
}

// Maps a remote reference back through a lookup: true and *out set (maybe empty when absent), or false with
// the skip reason when the remote value has no local value.
bool reverse(const SyncInputs& in, const QString& lookup, const JsonView& ref, QVariant* out, QString* reason)
{
    const QString id = referenceId(ref);
    if (id.isEmpty()) {
        *out = QVariant();
        return true;
    }
    const QString local = in.settings->reverseLookup(lookup, id);
    if (local.isEmpty()) {
        *reason = SyncSettings::unmappedReason(lookup, ref.toObject().value(QLatin1String("name")).toString(id));
        return false;
    }
    *out = local;
    return true;
}

PushBody companyBody(const LocalRecord& r, const SyncInputs& in)
{
    PushBody out;
    out.path = Endpoints::companies();
    const QString name = value(r, "name");
    if (name.isEmpty() || name.size() > 50) {
        out.skipReason =
            SyncSettings::invalidFieldReason(QStringLiteral("name"), SyncSettings::tr("must have 1 to 50 characters"));
        return out;
    }
    // ConnectWise refuses a company without any address field: say so before the POST.
    const QStringList addressColumns = {QStringLiteral("address_line1"), QStringLiteral("city"),
                                        QStringLiteral("state"), QStringLiteral("zip"), QStringLiteral("country")};
    if (std::all_of(addressColumns.cbegin(), addressColumns.cend(),
                    [&r](const QString& c) { return text(r.values.value(c)).isEmpty(); })) {
        out.skipReason =
            SyncSettings::invalidFieldReason(QStringLiteral("address"),
                                             SyncSettings::tr("is empty: ConnectWise needs at least one of %1")
                                                 .arg(addressColumns.join(QLatin1String(", "))));
        return out;
    }
    out.key = SyncIdentifier::make(name, r.id);
    QJsonObject& b = out.body;
    b.insert(QStringLiteral("identifier"), out.key);
    b.insert(QStringLiteral("name"), name);
    const QString status = in.settings->variable(QStringLiteral("import_account_status"));
    if (status.isEmpty()) {
        out.skipReason = SyncSettings::missingVariableReason(QStringLiteral("import_account_status"));
        return out;
    }
    b.insert(QStringLiteral("status"), reference(status));
    // The lookups: account type -> types (a list), currency and country -> references; an unmapped value skips.
    for (const char* column : {"account_type", "currency", "country"}) {
        const QString local = value(r, column);
        const QString lookup = QLatin1String(column);
        const QString id = local.isEmpty() ? QString() : in.settings->lookup(lookup, local);
        if (!local.isEmpty() && id.isEmpty()) {
            out.skipReason = SyncSettings::unmappedReason(lookup, local);
            return out;
        }
        if (id.isEmpty()) {
            continue;
        }
        if (lookup == QLatin1String("account_type")) {
            b.insert(QStringLiteral("types"), QJsonArray {reference(id)});
        } else {
            b.insert(lookup, reference(id)); // the member is named like the lookup
        }
    }
    QJsonObject site;
    site.insert(QStringLiteral("name"), QStringLiteral("Main"));
    b.insert(QStringLiteral("site"), site);
    put(&b, QStringLiteral("addressLine1"), value(r, "address_line1"));
    put(&b, QStringLiteral("city"), value(r, "city"));
    put(&b, QStringLiteral("state"), value(r, "state"));
    put(&b, QStringLiteral("zip"), value(r, "zip"));
    put(&b, QStringLiteral("phoneNumber"), value(r, "phone"));
    put(&b, QStringLiteral("website"), value(r, "website"));
    return out;
}

// Plain text goes in as UTF-8 (JsonView::toUtf8): it is stored as UTF-8, so a pull never converts it to UTF-16.
PullValues accountValues(const JsonRecord& c, const SyncInputs& in)
{
    PullValues out;
    PulledFields& v = out.values;
    v.insert(QStringLiteral("name"), c.value(QLatin1String("name")).toUtf8());
    QVariant mapped;
    const JsonView types = c.value(QLatin1String("types")).toArray();
    if (!reverse(in, QStringLiteral("account_type"), types.isEmpty() ? JsonView() : types.first(), &mapped,
                 &out.skipReason)) {
        return out;
    }
    v.insert(QStringLiteral("account_type"), mapped);
    if (!reverse(in, QStringLiteral("currency"), c.value(QLatin1String("currency")), &mapped, &out.skipReason)) {
        return out;
    }
    v.insert(QStringLiteral("currency"), mapped);
    v.insert(QStringLiteral("phone"), c.value(QLatin1String("phoneNumber")).toUtf8());
    v.insert(QStringLiteral("website"), c.value(QLatin1String("website")).toUtf8());
    v.insert(QStringLiteral("address_line1"), c.value(QLatin1String("addressLine1")).toUtf8());
    v.insert(QStringLiteral("city"), c.value(QLatin1String("city")).toUtf8());
    v.insert(QStringLiteral("state"), c.value(QLatin1String("state")).toUtf8());
    v.insert(QStringLiteral("zip"), c.value(QLatin1String("zip")).toUtf8());
    if (!reverse(in, QStringLiteral("country"), c.value(QLatin1String("country")), &mapped, &out.skipReason)) {
        return out;
    }
    v.insert(QStringLiteral("country"), mapped);
    return out;
}

PushBody catalogBody(const LocalRecord& r, const SyncInputs& in)
{
    PushBody out;
    out.path = Endpoints::catalog();
    const QString name = value(r, "name");
    if (name.isEmpty() || name.size() > 60) {
        out.skipReason =
            SyncSettings::invalidFieldReason(QStringLiteral("name"), SyncSettings::tr("must have 1 to 60 characters"));
        return out;
    }
    out.key = SyncIdentifier::make(name, r.id);
    QJsonObject& b = out.body;
    b.insert(QStringLiteral("identifier"), out.key);
    b.insert(QStringLiteral("description"), name);
    const QString description = value(r, "description");
    b.insert(QStringLiteral("customerDescription"), description.isEmpty() ? name : description);
    const QString type = value(r, "product_type");
    const QString typeId = in.settings->lookup(QStringLiteral("product_type"), type);
    if (typeId.isEmpty()) {
        out.skipReason = type.isEmpty()
            ? SyncSettings::invalidFieldReason(QStringLiteral("product_type"), SyncSettings::tr("is empty"))
            : SyncSettings::unmappedReason(QStringLiteral("product_type"), type);
        return out;
    }
    b.insert(QStringLiteral("type"), reference(typeId));
    const QString unit = value(r, "unit_type");
    QString subcategory = unit.isEmpty() ? QString() : in.settings->lookup(QStringLiteral("unit_type"), unit);
    if (subcategory.isEmpty()) {
        subcategory = in.settings->variable(QStringLiteral("product_subcategory"));
    }
    if (subcategory.isEmpty()) {
        out.skipReason = unit.isEmpty() ? SyncSettings::missingVariableReason(QStringLiteral("product_subcategory"))
                                        : SyncSettings::unmappedReason(QStringLiteral("unit_type"), unit);
        return out;
    }
    b.insert(QStringLiteral("subcategory"), reference(subcategory));
    // product_billable_option is the default of invoice and order lines (ProductItem), not a CatalogItem member.
    for (const char* key : {"product_category", "product_uom"}) {
        const QString k = QLatin1String(key);
        const QString id = in.settings->variable(k);
        if (id.isEmpty()) {
            out.skipReason = SyncSettings::missingVariableReason(k);
            return out;
        }
        if (k == QLatin1String("product_category")) {
            b.insert(QStringLiteral("category"), reference(id));
        } else {
            b.insert(QStringLiteral("unitOfMeasure"), reference(id));
        }
    }
    put(&b, QStringLiteral("price"), money(r.values.value(QStringLiteral("price"))));
    put(&b, QStringLiteral("cost"), money(r.values.value(QStringLiteral("cost"))));
    return out;
}

PullValues productValues(const JsonRecord& c, const SyncInputs& in)
{
    PullValues out;
    PulledFields& v = out.values;
    v.insert(QStringLiteral("name"), c.value(QLatin1String("description")).toUtf8());
    v.insert(QStringLiteral("description"), c.value(QLatin1String("customerDescription")).toUtf8());
    QVariant mapped;
    if (!reverse(in, QStringLiteral("product_type"), c.value(QLatin1String("type")), &mapped, &out.skipReason)) {
        return out;
    }
    v.insert(QStringLiteral("product_type"), mapped);
    // The subcategory maps back to a unit type only when one is mapped to it (else it is the default one).
    const QString sub = referenceId(c.value(QLatin1String("subcategory")));
    const QString unit = in.settings->reverseLookup(QStringLiteral("unit_type"), sub);
    v.insert(QStringLiteral("unit_type"), unit.isEmpty() ? QVariant() : QVariant(unit));
    const QString price = moneyText(c.value(QLatin1String("price")));
    const QString cost = moneyText(c.value(QLatin1String("cost")));
    v.insert(QStringLiteral("price"), price.isEmpty() ? QVariant() : QVariant(price));
    v.insert(QStringLiteral("cost"), cost.isEmpty() ? QVariant() : QVariant(cost));
    return out;
}

} // namespace

SyncDescriptor SyncDescriptors::accounts()
{
    SyncDescriptor d;
    d.entity = Entity::Accounts;
    d.remoteName = QStringLiteral("company");
    d.path = Endpoints::companies();
    d.keyField = QStringLiteral("identifier");
    d.requiredVariables = {QStringLiteral("import_account_status")};
    d.variables = d.requiredVariables;
    d.lookups = {QStringLiteral("account_type"), QStringLiteral("currency"), QStringLiteral("country")};
    d.updatableFields = {QStringLiteral("name"),    QStringLiteral("currency"),    QStringLiteral("addressLine1"),
                         QStringLiteral("city"),    QStringLiteral("state"),       QStringLiteral("zip"),
                         QStringLiteral("country"), QStringLiteral("phoneNumber"), QStringLiteral("website")};
    // Leaf fields only: the members accountValues reads (a reference's name for an unmapped value's message).
    d.pullFields = {QStringLiteral("id"),
                    QStringLiteral("identifier"),
                    QStringLiteral("name"),
                    QStringLiteral("types/id"),
                    QStringLiteral("types/name"),
                    QStringLiteral("currency/id"),
                    QStringLiteral("currency/name"),
                    QStringLiteral("phoneNumber"),
                    QStringLiteral("website"),
                    QStringLiteral("addressLine1"),
                    QStringLiteral("city"),
                    QStringLiteral("state"),
                    QStringLiteral("zip"),
                    QStringLiteral("country/id"),
                    QStringLiteral("country/name"),
                    QStringLiteral("_info/lastUpdated")};
    d.toRemote = companyBody;
    d.fromRemote = accountValues;
    return d;
}

SyncDescriptor SyncDescriptors::products()
{
    SyncDescriptor d;
    d.entity = Entity::Products;
    d.remoteName = QStringLiteral("catalog item");
    d.path = Endpoints::catalog();
    d.keyField = QStringLiteral("identifier");
    d.requiredVariables = {QStringLiteral("product_category"), QStringLiteral("product_uom")};
    d.variables = d.requiredVariables + QStringList {QStringLiteral("product_subcategory")};
    d.lookups = {QStringLiteral("product_type"), QStringLiteral("unit_type")};
    d.updatableFields = {QStringLiteral("description"), QStringLiteral("customerDescription"),
                         QStringLiteral("type"),        QStringLiteral("subcategory"),
                         QStringLiteral("category"),    QStringLiteral("unitOfMeasure"),
                         QStringLiteral("price"),       QStringLiteral("cost")};
    d.pullFields = {QStringLiteral("id"),
                    QStringLiteral("identifier"),
                    QStringLiteral("description"),
                    QStringLiteral("customerDescription"),
                    QStringLiteral("type/id"),
                    QStringLiteral("type/name"),
                    QStringLiteral("subcategory/id"),
                    QStringLiteral("price"),
                    QStringLiteral("cost"),
                    QStringLiteral("_info/lastUpdated")};
    d.toRemote = catalogBody;
    d.fromRemote = productValues;
    return d;
}

} // namespace Cw
