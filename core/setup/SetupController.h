#pragma once

#include "core/config/ConnectorSession.h"
#include "core/config/Instance.h"
#include "core/config/InstanceRepository.h"
#include "core/secrets/SecretKey.h"
#include "core/secrets/SecretResult.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

namespace Cw {

class Database;
class InstanceSecrets;
class NetworkAccessFactory;

// The simulated ConnectWise of `cwconnector --demo`: where it listens and how to log in.
struct DemoSettings
{
    QUrl url; // http://127.0.0.1:PORT
    QString companyId = QStringLiteral("cwsim");
    ApiKeyPair keys {QStringLiteral("demopublickey0001"), QStringLiteral("demoprivatekey0001")};
    bool isValid() const { return url.isValid() && !url.isEmpty(); }
};

// The state of one run of the setup wizard (or of the connector's settings), without widgets: the draft
// instance and its keys, "Save as draft" (step 6), Cancel (no trace before step 6, keep-or-discard after),
// and Save (step 14: keys into the secret store — asynchronously — and settings into the database, with
// "Retry" and "session-only" when the keychain cannot be used).
class SetupController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupController)

public:
    enum class SaveState { Idle, Saving, Saved, KeychainUnusable, Failed };

    SetupController(Database& database, InstanceSecrets& secrets, const NetworkAccessFactory& network,
                    QObject* parent = nullptr);

    Instance& draft() { return m_draft; }
    const Instance& draft() const { return m_draft; }
    ApiKeyPair keys() const { return m_keys; }
    void setKeys(const ApiKeyPair& keys); // trimmed

    void setDemo(const DemoSettings& demo) { m_demo = demo; }
    const DemoSettings& demo() const { return m_demo; }
    // Sets the deployment; Demo fills site, company id and keys from the running simulator.
    void setDeployment(Deployment deployment);

    // Empty when the name can be used; else a message naming the field and the fix (form or duplicate).
    QString nameProblem(const QString& name) const;
    // The API URL the draft's site resolves to (before companyinfo), or empty with *error set.
    QString siteApiUrl(QString* error) const;
    // The site as it will be used (normalised), or empty with *error set.
    QString normalizedSite(QString* error) const;
    // What the company lookup found: the API URL the connector will use (codebase + API host).
    void setDiscoveredApiUrl(const QUrl& url) { m_discoveredApiUrl = url; }
    // The API URL requests go to: the codebase override on the site, else the discovered one, else empty.
    QString apiUrl() const;
    // The draft opened with its keys (for the key probe, the check and the live lists), or nullopt with *error.
    std::optional<ConnectorSession> session(QString* error) const;

    // Loads an existing instance to edit it (the connector's Settings). Keys: loadKeys().
    bool load(qint64 instanceId, QString* error);
    void loadKeys(QObject* context, std::function<void(const SecretResult&)> done);
    bool isEditing() const { return m_editing; }

    // Step 6: creates the instance as a draft (or updates it when it already exists). Sync: database only.
    bool saveDraft(QString* error);
    bool isStored() const { return m_draft.id != 0; }

    // Cancel after step 6 with "discard": removes the instance and its keychain entries.
    void discard(QObject* context, std::function<void(bool ok, const QString& message)> done);

    // Step 14: keys into the secret store, then settings into the database (instance marked ready).
    // Emits saveStateChanged(); on KeychainUnusable, retrySave() or saveSessionOnly().
    void save();
    void retrySave() { save(); }
    void saveSessionOnly();
    SaveState saveState() const { return m_saveState; }
    QString saveMessage() const { return m_saveMessage; }
    bool isSessionOnly() const;

    InstanceSecrets& secrets() const { return m_secrets; }
    Database& database() const { return m_database; }
    const NetworkAccessFactory& network() const { return m_network; }

signals:
    void saveStateChanged(Cw::SetupController::SaveState state);

private:
    void writeKeys(bool sessionOnly);
    void finishSave(bool sessionOnly);
    void setSaveState(SaveState state, const QString& message = QString());

    Database& m_database;
    InstanceSecrets& m_secrets;
    const NetworkAccessFactory& m_network;
    InstanceRepository m_repository;
    Instance m_draft;
    ApiKeyPair m_keys;
    DemoSettings m_demo;
    QUrl m_discoveredApiUrl;
    bool m_editing = false;
    SaveState m_saveState = SaveState::Idle;
    QString m_saveMessage;
};

} // namespace Cw
