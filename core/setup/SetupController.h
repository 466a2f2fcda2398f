#pragma once

#include "core/config/ConnectorConfig.h"
#include "core/config/ConnectorSession.h"
#include "core/config/Instance.h"
#include "core/config/InstanceRepository.h"
#include "core/config/RemoteLists.h"
#include "core/connectwise/CompanyInfo.h"
#include "core/mapping/UserMatcher.h"
#include "core/secrets/SecretKey.h"
#include "core/secrets/SecretResult.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

namespace Cw {

class ApiClient;
class CheckRunner;
class CompanyProbe;
class Database;
class InstanceSecrets;
class KeyProbe;
class NetworkAccessFactory;

// The simulated ConnectWise of `cwconnector --demo` (started by the desktop app): where it listens, how to log
// in, and the demo connector's starting configuration, made from the simulator's live lists when the connector
// is saved. Real connectors have no starter: every option stays off until the admin turns it on.
struct DemoSettings
{
    using Starter = std::function<ConnectorConfig(const RemoteLists& lists)>;
    QUrl url; // http://127.0.0.1:PORT
    QString companyId;
    ApiKeyPair keys;
    Starter starter; // may be empty
    bool isValid() const { return url.isValid() && !url.isEmpty(); }
};

// The setup wizard's flow (and the connector's settings), without widgets: the draft instance and its keys,
// set through intent methods (setSite, setCompanyId, setKeys, setClientId, setCaFile, setProxy, ...); the live
// company lookup, the key test and the systems check it owns (lookUpCompany, testKeys, runCheck); "Save as
// draft" (step 6), Cancel (no trace before step 6, keep-or-discard after), and Save (step 14: keys into the
// secret store — asynchronously — and settings into the database, with "Retry" and "session-only" when the
// keychain cannot be used). It remembers the company info it found and hands it to every client it builds:
// one companyinfo lookup per setup. The pages only bind widgets to it.
class SetupController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupController)

public:
    enum class SaveState { Idle, Saving, Saved, KeychainUnusable, Failed };

    SetupController(Database& database, InstanceSecrets& secrets, const NetworkAccessFactory& network,
                    QObject* parent = nullptr);
    ~SetupController() override;

    Instance& draft() { return m_draft; }
    const Instance& draft() const { return m_draft; }
    ApiKeyPair keys() const { return m_keys; }
    void setKeys(const ApiKeyPair& keys); // trimmed

    // Intent methods of the pages: each updates the draft and, where it changes the company target, the lookup.
    void setName(const QString& name) { m_draft.name = name; }
    void setSite(const QString& site);
    void setCompanyId(const QString& companyId);
    void setCodebaseOverride(const QString& codebase) { m_draft.codebaseOverride = codebase; }
    // Empty when valid (a GUID, or empty); else the message naming the field and the fix. Set either way.
    QString setClientId(const QString& clientId);
    // Empty when the file is a readable PEM certificate (or the text is empty); else the message. Set either way.
    QString setCaFile(const QString& path);
    void setProxy(Instance::ProxyMode mode, const QString& host = QString(), int port = 0);
    // The manual proxy's login (an empty user: none): used by every request of the setup, saved with the keys.
    void setProxyLogin(const QString& user, const QString& password);
    QString proxyUser() const { return m_proxyUser; }
    QString proxyPassword() const { return m_proxyPassword; }

    // The live company lookup of the draft (debounced while the admin types; now with lookUpCompany()).
    CompanyProbe& companyProbe() const { return *m_companyProbe; }
    void lookUpCompany();
    // GET /system/info with the keys; KeyProbe::finished follows.
    KeyProbe& keyProbe() const { return *m_keyProbe; }
    bool testKeys(QString* error);
    // The systems check of the saved connector (the CLI's plan); CheckRunner's signals follow.
    CheckRunner& checkRunner() const { return *m_checkRunner; }
    bool runCheck(QString* error);

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
    // The one place the setup opens its connector: the draft with its keys, through the injected network factory,
    // handed the company info the setup already found (one companyinfo lookup per setup). For the key probe, the
    // check and the live lists of the pages; nullopt with *error when the draft makes no connection.
    std::optional<ConnectorSession> session(QString* error) const;
    // A client of session(), owned by parent; null with *error when there is no connection.
    ApiClient* newClient(QObject* parent, QString* error) const;
    // What the company lookup found; every session opened afterwards adopts it.
    void setCompanyInfo(const CompanyInfo& info) { m_companyInfo = info; }
    std::optional<CompanyInfo> companyInfo() const { return m_companyInfo; }

    // Loads an existing instance to edit it (the connector's Settings). Keys and proxy login: loadKeys().
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

    // The connector's configuration and the local system's values, for the settings pages.
    ConnectorConfig loadConfig(QString* error) const;
    bool saveConfig(const ConnectorConfig& config, QString* error);
    QStringList localValues(const QString& list) const; // LocalRecordStore::values()
    void addLocalValue(const QString& list, const QString& value);
    QList<LocalUser> localUsers() const;

    InstanceSecrets& secrets() const { return m_secrets; }
    Database& database() const { return m_database; }
    const NetworkAccessFactory& network() const { return m_network; }

signals:
    void saveStateChanged(Cw::SetupController::SaveState state);
    void companyChanged(); // the company lookup's state changed (companyProbe())

private:
    void writeKeys(bool sessionOnly);
    void finishSave(bool sessionOnly);
    void setSaveState(SaveState state, const QString& message = QString());
    // The demo's starting configuration, once, into a connector that has none; then done().
    void applyStarter(std::function<void()> done);

    Database& m_database;
    InstanceSecrets& m_secrets;
    const NetworkAccessFactory& m_network;
    InstanceRepository m_repository;
    Instance m_draft;
    ApiKeyPair m_keys;
    QString m_proxyUser;
    QString m_proxyPassword;
    DemoSettings m_demo;
    QUrl m_discoveredApiUrl;
    std::optional<CompanyInfo> m_companyInfo;
    bool m_editing = false;
    SaveState m_saveState = SaveState::Idle;
    QString m_saveMessage;
    CompanyProbe* m_companyProbe;
    KeyProbe* m_keyProbe;
    CheckRunner* m_checkRunner;
};

} // namespace Cw
