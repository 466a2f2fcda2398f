#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Cw {

// A value of a ConnectWise list (company types, currencies, billing statuses, ...).
struct RemoteValue
{
    int id = 0;
    QString name;
    bool inactive = false;
};

// The suggested ConnectWise value for one local value, with its confidence.
struct LookupSuggestion
{
    QString localValue;
    int remoteId = 0; // 0: no suggestion (the value stays unmapped; records using it are skipped)
    QString remoteName;
    int confidence = 0; // 0..100
    bool ambiguous = false; // two remote values fit equally well: no suggestion is made
};

// "Auto-map": suggests a ConnectWise value for each local value by name, ignoring case, accents,
// punctuation and spacing. It only suggests above a confidence threshold and never between two
// equally good candidates: an unmapped value is better than a wrong one.
class LookupMatcher final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::LookupMatcher)

public:
    explicit LookupMatcher(QList<RemoteValue> remote, int threshold = 60);

    LookupSuggestion suggest(const QString& localValue) const;
    QList<LookupSuggestion> suggestAll(const QStringList& localValues) const;

private:
    QList<RemoteValue> m_remote; // active values only
    int m_threshold;
};

} // namespace Cw
