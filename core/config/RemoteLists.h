#pragma once

#include "core/mapping/LookupMatcher.h"
#include "core/mapping/UserMatcher.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Cw {

// One record of a live ConnectWise list, reduced to what the configuration panels show and check.
struct RemoteItem
{
    QString id;
    QString name; // shown beside the id
    bool inactive = false;
    QString parentId; // a subcategory's category id
    QString code; // a currency's ISO code, a member's identifier
    Member member; // members only

    // "Active (1)", "John Smith (jsmith, 101)"
    QString label() const;
};

// The ConnectWise lists the panels pick values from, by RemoteResolver kind (companyStatus, member, ...).
// A kind that was never fetched is "unknown", which is not the same as an empty list.
class RemoteLists final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::RemoteLists)

public:
    void set(const QString& kind, const QList<RemoteItem>& items) { m_lists.insert(kind, items); }
    bool has(const QString& kind) const { return m_lists.contains(kind); }
    QList<RemoteItem> items(const QString& kind) const { return m_lists.value(kind); }
    std::optional<RemoteItem> find(const QString& kind, const QString& id) const;
    QStringList kinds() const { return m_lists.keys(); }

    // Every member (also API and inactive ones: the matcher leaves them out itself).
    QList<Member> members() const;
    // Only the members that can be picked: active and not API members.
    QList<RemoteItem> mappableMembers() const;
    // The values of a list for LookupMatcher (currencies by ISO code, others by name).
    QList<RemoteValue> values(const QString& kind) const;

    static RemoteItem fromJson(const QString& kind, const QJsonObject& json);
    // The kinds behind the server variables and behind the lookups.
    static QStringList variableKinds();
    static QStringList lookupKinds();
    // Where in ConnectWise the values of a list are added (Table Setup), e.g. "Company › Company Status".
    static QString setupTableFor(const QString& kind);
    // A translated plural name: "company statuses".
    static QString displayName(const QString& kind);

private:
    QHash<QString, QList<RemoteItem>> m_lists;
};

} // namespace Cw
