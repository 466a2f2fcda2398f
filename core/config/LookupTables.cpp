#include "core/config/LookupTables.h"

#include "core/config/ConfigNames.h"
#include "core/mapping/LookupMatcher.h"
#include "core/mapping/TextFold.h"

namespace Cw {

QString LookupTables::title(const QString& lookup)
{
    static const QHash<QString, const char*> titles {
        {QStringLiteral("account_type"), QT_TR_NOOP("Account type → company type")},
        {QStringLiteral("currency"), QT_TR_NOOP("Currency → currency")},
        {QStringLiteral("invoice_stage"), QT_TR_NOOP("Invoice stage → billing status")},
        {QStringLiteral("invoice_type"), QT_TR_NOOP("Invoice type → invoice type")},
        {QStringLiteral("product_type"), QT_TR_NOOP("Product type → product type")},
        {QStringLiteral("unit_type"), QT_TR_NOOP("Unit type → product subcategory")},
        {QStringLiteral("order_stage"), QT_TR_NOOP("Order stage → order status")},
        {QStringLiteral("country"), QT_TR_NOOP("Country → country")},
    };
    const char* t = titles.value(lookup);
    return t ? tr(t) : lookup;
}

QList<RemoteItem> LookupTables::choices(const QString& lookup, const RemoteLists& lists)
{
    QList<RemoteItem> out;
    const QStringList fixed = ConfigNames::fixedValuesForLookup(lookup);
    for (const QString& value : fixed) {
        RemoteItem item;
        item.id = value;
        item.name = value;
        out.append(item);
    }
    if (!fixed.isEmpty()) {
        return out;
    }
    const QList<RemoteItem> items = lists.items(ConfigNames::resolverKindForLookup(lookup));
    for (const RemoteItem& item : items) {
        if (!item.inactive) {
            out.append(item);
        }
    }
    return out;
}

QString LookupTables::emptyListFix(const QString& lookup, const RemoteLists& lists)
{
    const QString kind = ConfigNames::resolverKindForLookup(lookup);
    if (kind.isEmpty() || !lists.has(kind) || !choices(lookup, lists).isEmpty()) {
        return {};
    }
    return tr("ConnectWise returned no active %1. Add them in System › Setup Tables › %2 (or allow that table in "
              "the API member's security role under Table Setup), then Refresh.")
        .arg(RemoteLists::displayName(kind), RemoteLists::setupTableFor(kind));
}

QList<LookupRow> LookupTables::rows(const QString& lookup, const QStringList& localValues,
                                    const ConnectorConfig& config)
{
    QStringList values;
    for (const QString& v : localValues) {
        if (!v.isEmpty() && !values.contains(v)) {
            values.append(v);
        }
    }
    for (const LookupValue& v : config.lookups) {
        if (v.lookup == lookup && !values.contains(v.localValue)) {
            values.append(v.localValue);
        }
    }
    values.sort(Qt::CaseInsensitive);
    QList<LookupRow> out;
    for (const QString& value : values) {
        LookupRow row;
        row.localValue = value;
        for (const LookupValue& v : config.lookups) {
            if (v.lookup == lookup && v.localValue == value) {
                row.remoteId = v.remoteId;
                row.remoteName = v.remoteName;
            }
        }
        out.append(row);
    }
    return out;
}

QList<LookupRow> LookupTables::autoMap(const QString& lookup, const QList<LookupRow>& rows, const RemoteLists& lists,
                                       int minConfidence)
{
    const QList<RemoteItem> items = choices(lookup, lists);
    // Each value by its name and, for currencies and countries, by its ISO code too ("EUR", "DE").
    QList<RemoteValue> values;
    for (int i = 0; i < items.size(); ++i) {
        RemoteValue v;
        v.id = i + 1; // index-based, so fixed enum values work too
        v.name = items.at(i).name;
        values.append(v);
        if (!items.at(i).code.isEmpty() && items.at(i).code != items.at(i).name) {
            v.name = items.at(i).code;
            values.append(v);
        }
    }
    const LookupMatcher matcher(values);
    QList<LookupRow> out;
    for (LookupRow row : rows) {
        if (!row.mapped()) {
            const LookupSuggestion s = matcher.suggest(row.localValue);
            if (s.confidence < minConfidence) {
                out.append(row);
                continue;
            }
            row.ambiguous = s.ambiguous;
            row.confidence = s.confidence;
            if (s.remoteId > 0) {
                const RemoteItem& item = items.at(s.remoteId - 1);
                row.remoteId = item.id;
                row.remoteName = item.name;
            }
        }
        out.append(row);
    }
    return out;
}

bool LookupTables::resolve(const QString& lookup, const QString& remote, const RemoteLists& lists, RemoteItem* item,
                           QString* error)
{
    const QList<RemoteItem> items = choices(lookup, lists);
    for (const RemoteItem& candidate : items) {
        if (candidate.id == remote) {
            *item = candidate;
            return true;
        }
    }
    const QString folded = TextFold::fold(remote);
    QList<RemoteItem> byName;
    for (const RemoteItem& candidate : items) {
        if (TextFold::fold(candidate.name) == folded ||
            (!candidate.code.isEmpty() && TextFold::fold(candidate.code) == folded)) {
            byName.append(candidate);
        }
    }
    if (byName.size() == 1) {
        *item = byName.first();
        return true;
    }
    QStringList labels;
    for (const RemoteItem& candidate : items) {
        labels.append(candidate.label());
    }
    const QString empty = emptyListFix(lookup, lists);
    *error = tr("%1: \"%2\" is not a ConnectWise value of this lookup. Fix: use one of %3.")
                 .arg(lookup, remote, labels.isEmpty() ? empty : labels.join(QLatin1String(", ")));
    return false;
}

bool LookupTables::parseSetting(const QString& text, QString* lookup, QString* local, QString* remote, QString* error)
{
    const int colon = text.indexOf(QLatin1Char(':'));
    const int eq = text.lastIndexOf(QLatin1Char('='));
    if (colon <= 0 || eq < colon) {
        *error = tr("\"%1\" is not LOOKUP:LOCAL=REMOTE (e.g. currency:EUR=7).").arg(text);
        return false;
    }
    *lookup = text.left(colon).trimmed();
    *local = text.mid(colon + 1, eq - colon - 1);
    *remote = text.mid(eq + 1).trimmed();
    if (!ConfigNames::lookups().contains(*lookup)) {
        *error =
            tr("Unknown lookup \"%1\". Use one of: %2.").arg(*lookup, ConfigNames::lookups().join(QLatin1String(", ")));
        return false;
    }
    if (local->isEmpty() || remote->isEmpty()) {
        *error =
            tr("\"%1\": both the local value and the ConnectWise value are needed (LOOKUP:LOCAL=REMOTE).").arg(text);
        return false;
    }
    return true;
}

} // namespace Cw
