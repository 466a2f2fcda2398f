#pragma once

#include "core/domain/Deployment.h"
#include "core/store/StoreError.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace Cw {

// A connector instance: a uniquely named connection to one ConnectWise company. Keys are not part of it:
// they live in the keychain under the instance id (ids are never reused, even after a remove).
struct Instance
{
    Q_DECLARE_TR_FUNCTIONS(Cw::Instance)

public:
    enum class State { Draft, Ready };
    enum class ProxyMode { System, None, Manual };

    static constexpr int maxNameLength = 64; // in characters (Unicode code points)
    // Requests to ConnectWise on the wire at once (the connection's RateGovernor ceiling): 1 sends one at a time.
    static constexpr int defaultMaxInFlight = 4;
    static constexpr int maxMaxInFlight = 16;

    qint64 id = 0; // 0 until created
    QString name;
    QString deployment; // the name of a Deployment: na, eu, au, aus, za, onpremise, staging or demo
    QString site; // host or URL of the ConnectWise site; required for onpremise and demo
    QString companyId;
    QString clientId; // a GUID, or empty
    QString codebaseOverride; // e.g. "v2025_1/", or empty to use the discovered one
    QString caFile; // a PEM file with a private CA for this instance, or empty
    ProxyMode proxyMode = ProxyMode::System;
    QString proxyHost; // only with ProxyMode::Manual; never holds credentials
    int proxyPort = 0;
    int maxInFlight = defaultMaxInFlight; // 1 to maxMaxInFlight
    State state = State::Draft;
    QDateTime createdAt; // UTC; set by the repository
    QDateTime updatedAt;
    QDateTime lastCheckAt; // invalid until the first check
    std::optional<bool> lastCheckPassed;
    QDateTime lastSyncAt; // invalid until the first sync
    // Where the keychain keeps this connector's keys: "<database id>/<id>" (set by InstanceRepository;
    // unique across databases, so two data folders never share keychain entries).
    QString keyId;

    // The Deployment `deployment` names; nullopt while it names none (validate() refuses that).
    std::optional<Deployment> deploymentKind() const { return parseName<Deployment>(deployment); }

    static QString stateName(State state); // "draft" | "ready"
    static std::optional<State> stateFromName(const QString& name);
    static QString proxyModeName(ProxyMode mode); // "system" | "none" | "manual"
    static std::optional<ProxyMode> proxyModeFromName(const QString& name);

    // The stored form of a name: trimmed, Unicode NFC. nameKey(): that, case-folded; unique in the database.
    static QString normalizedName(const QString& name);
    static QString nameKey(const QString& name);
    // Checks the form of a name (not its uniqueness): 1 to 64 characters after trimming, no control characters.
    static bool validateName(const QString& name, StoreError* error);
    static bool validateCompanyId(const QString& companyId, StoreError* error);
    static bool validateClientId(const QString& clientId, StoreError* error);
    static bool validateMaxInFlight(int maxInFlight, StoreError* error);

    // Trims every field, normalises the name and the client id (lower case, no braces) and clears the proxy
    // host and port unless the proxy mode is manual.
    void normalize();
    // Checks every field but the uniqueness of the name; the first problem wins. Call normalize() first.
    bool validate(StoreError* error) const;
};

} // namespace Cw
