#pragma once

#include "core/config/ConnectorConfig.h"
#include "core/config/RemoteLists.h"

#include <QCoreApplication>
#include <QStringList>

namespace Cw {

// One local value of a lookup table and what it maps to.
struct LookupRow
{
    QString localValue;
    QString remoteId; // empty: unmapped (records using the value are skipped with a reason)
    QString remoteName;
    int confidence = -1; // from auto-map; -1 when set by hand or loaded
    bool ambiguous = false; // auto-map found two equally good values and chose none
    bool mapped() const { return !remoteId.isEmpty(); }
};

// Lookup logic of the configuration panels and the CLI: the eight tables, their ConnectWise choices
// (live lists or fixed enums), auto-map with LookupMatcher (by name; currencies and countries also by their
// ISO code) and the fix for an empty list.
class LookupTables final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::LookupTables)

public:
    static QString title(const QString& lookup); // "Account type → company type"
    // The ConnectWise values of a lookup (fixed enum values have id = name). Inactive values left out.
    static QList<RemoteItem> choices(const QString& lookup, const RemoteLists& lists);
    // Non-empty when the list was fetched and is empty: which Table Setup entry to customise.
    static QString emptyListFix(const QString& lookup, const RemoteLists& lists);

    // The rows of one table: every local value (sorted, unique) with its stored mapping.
    static QList<LookupRow> rows(const QString& lookup, const QStringList& localValues, const ConnectorConfig& config);
    // Confidence of an exact match: the same name or ISO code, ignoring case, accents, punctuation and spacing.
    static constexpr int kExactMatch = 100;
    // Auto-map: suggests a value for each unmapped row (mapped rows are kept as they are). Rows whose best match is
    // below minConfidence are kept as they are too (kExactMatch: exact names and ISO codes only).
    static QList<LookupRow> autoMap(const QString& lookup, const QList<LookupRow>& rows, const RemoteLists& lists,
                                    int minConfidence = 0);
    // Resolves "7" or "Euro" / "EUR" to a ConnectWise value of the lookup; *error names the fix.
    static bool resolve(const QString& lookup, const QString& remote, const RemoteLists& lists, RemoteItem* item,
                        QString* error);
    // Parses "currency:EUR=7".
    static bool parseSetting(const QString& text, QString* lookup, QString* local, QString* remote, QString* error);
};

} // namespace Cw
