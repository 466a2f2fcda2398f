#include "core/config/RemoteLists.h"

#include "core/check/ApiSteps.h"
#include "core/config/RemoteResolver.h"

namespace Cw {

namespace {

QString kindName(const char* kind)
{
    return QLatin1String(kind);
}

} // namespace

QString RemoteItem::label() const
{
    if (!code.isEmpty() && code != name) {
        return QStringLiteral("%1 (%2, %3)").arg(name, code, id);
    }
    return QStringLiteral("%1 (%2)").arg(name, id);
}

std::optional<RemoteItem> RemoteLists::find(const QString& kind, const QString& id) const
{
    const auto it = m_lists.constFind(kind);
    if (it == m_lists.constEnd()) {
        return std::nullopt;
    }
    for (const RemoteItem& item : *it) {
        if (item.id == id) {
            return item;
        }
    }
    return std::nullopt;
}

QList<Member> RemoteLists::members() const
{
    QList<Member> out;
    for (const RemoteItem& item : m_lists.value(kindName(RemoteResolver::member))) {
        out.append(item.member);
    }
    return out;
}

QList<RemoteItem> RemoteLists::mappableMembers() const
{
    QList<RemoteItem> out;
    for (const RemoteItem& item : m_lists.value(kindName(RemoteResolver::member))) {
        if (item.member.isMappable()) {
            out.append(item);
        }
    }
    return out;
}

QList<RemoteValue> RemoteLists::values(const QString& kind) const
{
    QList<RemoteValue> out;
    for (const RemoteItem& item : m_lists.value(kind)) {
        RemoteValue v;
        v.id = item.id.toInt();
        v.name = kind == kindName(RemoteResolver::currency) && !item.code.isEmpty() ? item.code : item.name;
        v.inactive = item.inactive;
        out.append(v);
    }
    return out;
}

RemoteItem RemoteLists::fromJson(const QString& kind, const QJsonObject& json)
{
    RemoteItem item;
    item.id = QString::number(json.value(QStringLiteral("id")).toInteger());
    item.name = json.value(QStringLiteral("name")).toString();
    item.inactive = json.value(QStringLiteral("inactiveFlag")).toBool();
    if (kind == kindName(RemoteResolver::member)) {
        item.member = MembersStep::memberFromJson(json);
        item.name = item.member.fullName();
        item.code = item.member.identifier;
        item.inactive = item.member.inactive;
    } else if (kind == kindName(RemoteResolver::currency)) {
        item.code = json.value(QStringLiteral("currencyIdentifier")).toString(); // the ISO code
    } else if (kind == kindName(RemoteResolver::country)) {
        item.code = json.value(QStringLiteral("countryCode")).toString(); // ISO 3166-1 alpha-2
    } else if (kind == kindName(RemoteResolver::productSubcategory)) {
        const QJsonObject category = json.value(QStringLiteral("category")).toObject();
        if (!category.isEmpty()) {
            item.parentId = QString::number(category.value(QStringLiteral("id")).toInteger());
        }
    }
    if (item.name.isEmpty()) {
        item.name = json.value(QStringLiteral("description")).toString();
    }
    return item;
}

QStringList RemoteLists::variableKinds()
{
    return {kindName(RemoteResolver::companyStatus), kindName(RemoteResolver::productCategory),
            kindName(RemoteResolver::productSubcategory), kindName(RemoteResolver::unitOfMeasure),
            kindName(RemoteResolver::member)};
}

QStringList RemoteLists::lookupKinds()
{
    return {kindName(RemoteResolver::companyType),
            kindName(RemoteResolver::currency),
            kindName(RemoteResolver::billingStatus),
            kindName(RemoteResolver::productType),
            kindName(RemoteResolver::productSubcategory),
            kindName(RemoteResolver::orderStatus),
            kindName(RemoteResolver::country)};
}

QString RemoteLists::setupTableFor(const QString& kind)
{
    static const QHash<QString, const char*> tables {
        {kindName(RemoteResolver::companyStatus), QT_TR_NOOP("Company › Company Status")},
        {kindName(RemoteResolver::companyType), QT_TR_NOOP("Company › Company Type")},
        {kindName(RemoteResolver::productCategory), QT_TR_NOOP("Procurement › Category")},
        {kindName(RemoteResolver::productSubcategory), QT_TR_NOOP("Procurement › Subcategory")},
        {kindName(RemoteResolver::productType), QT_TR_NOOP("Procurement › Product Type")},
        {kindName(RemoteResolver::unitOfMeasure), QT_TR_NOOP("Procurement › UOM")},
        {kindName(RemoteResolver::currency), QT_TR_NOOP("Company › Currency")},
        {kindName(RemoteResolver::billingStatus), QT_TR_NOOP("Invoicing › Billing Status")},
        {kindName(RemoteResolver::orderStatus), QT_TR_NOOP("Sales › Order Status")},
        {kindName(RemoteResolver::country), QT_TR_NOOP("Company › Country")},
        {kindName(RemoteResolver::member), QT_TR_NOOP("System › Members")},
    };
    const char* table = tables.value(kind);
    return table ? tr(table) : QString();
}

QString RemoteLists::displayName(const QString& kind)
{
    static const QHash<QString, const char*> names {
        {kindName(RemoteResolver::companyStatus), QT_TR_NOOP("company statuses")},
        {kindName(RemoteResolver::companyType), QT_TR_NOOP("company types")},
        {kindName(RemoteResolver::productCategory), QT_TR_NOOP("product categories")},
        {kindName(RemoteResolver::productSubcategory), QT_TR_NOOP("product subcategories")},
        {kindName(RemoteResolver::productType), QT_TR_NOOP("product types")},
        {kindName(RemoteResolver::unitOfMeasure), QT_TR_NOOP("units of measure")},
        {kindName(RemoteResolver::currency), QT_TR_NOOP("currencies")},
        {kindName(RemoteResolver::billingStatus), QT_TR_NOOP("billing statuses")},
        {kindName(RemoteResolver::orderStatus), QT_TR_NOOP("sales order statuses")},
        {kindName(RemoteResolver::country), QT_TR_NOOP("countries")},
        {kindName(RemoteResolver::member), QT_TR_NOOP("members")},
    };
    const char* name = names.value(kind);
    return name ? tr(name) : kind;
}

} // namespace Cw
