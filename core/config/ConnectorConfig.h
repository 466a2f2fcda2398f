#pragma once

#include "core/domain/ConflictPolicy.h"
#include "core/domain/Entity.h"
#include "core/domain/SyncOperation.h"

#include <QList>
#include <QString>

namespace Cw {

// A server variable picked from a live ConnectWise list: its ConnectWise id and the name shown beside it.
struct ServerVariable
{
    QString key; // ConfigNames::storedServerVariables()
    QString remoteId;
    QString remoteName;
    friend bool operator==(const ServerVariable& a, const ServerVariable& b)
    {
        return a.key == b.key && a.remoteId == b.remoteId && a.remoteName == b.remoteName;
    }
};

// One cell of the sync matrix.
struct SyncOption
{
    Entity entity = Entity::Accounts;
    Operation operation = Operation::PullCreate;
    bool enabled = false;
    friend bool operator==(const SyncOption& a, const SyncOption& b)
    {
        return a.entity == b.entity && a.operation == b.operation && a.enabled == b.enabled;
    }
};

// A local value mapped to a ConnectWise value (lookup "currency": local "EUR" -> ConnectWise currency 7 "Euro").
struct LookupValue
{
    QString lookup; // ConfigNames::lookups()
    QString localValue;
    QString remoteId;
    QString remoteName;
    friend bool operator==(const LookupValue& a, const LookupValue& b)
    {
        return a.lookup == b.lookup && a.localValue == b.localValue && a.remoteId == b.remoteId &&
            a.remoteName == b.remoteName;
    }
};

// A local user mapped to a ConnectWise member.
struct UserMapping
{
    enum class MatchBy { Email, Name, Identifier, Manual };
    QString localUserId;
    QString memberId;
    QString memberIdentifier; // the member's login identifier, e.g. "jsmith"
    MatchBy matchBy = MatchBy::Manual;
    int confidence = 100; // 0..100
    bool confirmed = false; // the admin confirmed the match

    static QString matchByName(MatchBy matchBy); // email | name | identifier | manual
    static bool matchByFromName(const QString& name, MatchBy* out);
    friend bool operator==(const UserMapping& a, const UserMapping& b)
    {
        return a.localUserId == b.localUserId && a.memberId == b.memberId && a.memberIdentifier == b.memberIdentifier &&
            a.matchBy == b.matchBy && a.confidence == b.confidence && a.confirmed == b.confirmed;
    }
};

// Everything a connector holds besides its instance fields (and its keys, which live in the keychain).
struct ConnectorConfig
{
    QList<ServerVariable> serverVariables;
    QList<SyncOption> syncOptions;
    QList<LookupValue> lookups;
    QList<UserMapping> userMappings;
    ConflictPolicy conflictPolicy = ConflictPolicy::Report; // with the sync options (sync_policies)
};

} // namespace Cw
