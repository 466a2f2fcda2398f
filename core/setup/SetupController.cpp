#include "core/setup/SetupController.h"

#include "core/config/ConnectorConfigRepository.h"
#include "core/config/InstanceConnection.h"
#include "core/config/UserMappings.h"
#include "core/connectwise/ApiClient.h"
#include "core/localdata/LocalRecordStore.h"
#include "core/secrets/SessionSecretStore.h"
#include "core/setup/CheckRunner.h"
#include "core/setup/CompanyProbe.h"
#include "core/setup/DemoStarter.h"
#include "core/setup/InstanceSecrets.h"
#include "core/setup/KeyPaste.h"
#include "core/setup/KeyProbe.h"
#include "core/setup/SetupLog.h"

#include <QFileInfo>
#include <QSslCertificate>

namespace Cw {

SetupController::SetupController(Database& database, InstanceSecrets& secrets, const NetworkAccessFactory& network,
                                 QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_secrets(secrets)
    , m_network(network)
    , m_repository(database)
    , m_companyProbe(new CompanyProbe(network, this))
    , m_keyProbe(new KeyProbe(this))
    , m_checkRunner(new CheckRunner(&database, this))
{
    m_draft.deployment = nameOf(Deployment::Na);
    connect(m_companyProbe, &CompanyProbe::stateChanged, this, [this](CompanyProbe::State state) {
        if (state == CompanyProbe::State::Found) {
            m_companyInfo = m_companyProbe->info();
            m_discoveredApiUrl = m_companyProbe->apiBaseUrl();
        } else {
            m_companyInfo.reset(); // another company or site: what was found no longer applies
        }
        emit companyChanged();
    });
}

SetupController::~SetupController() = default;

void SetupController::setSite(const QString& site)
{
    m_draft.site = site.trimmed();
    m_companyProbe->setTarget(m_draft);
}

void SetupController::setCompanyId(const QString& companyId)
{
    m_draft.companyId = companyId.trimmed();
    m_companyProbe->setTarget(m_draft);
}

QString SetupController::setClientId(const QString& clientId)
{
    m_draft.clientId = clientId.trimmed();
    StoreError error;
    return Instance::validateClientId(m_draft.clientId, &error) ? QString() : error.message;
}

QString SetupController::setCaFile(const QString& path)
{
    m_draft.caFile = path.trimmed();
    m_companyProbe->setTarget(m_draft);
    if (m_draft.caFile.isEmpty()) {
        return QString();
    }
    const QFileInfo file(m_draft.caFile);
    if (!file.isFile() || !file.isReadable()) {
        return tr("CA file: %1 cannot be read; choose the PEM file your administrator gave you.").arg(m_draft.caFile);
    }
    if (QSslCertificate::fromPath(m_draft.caFile, QSsl::Pem).isEmpty()) {
        return tr("CA file: %1 holds no PEM certificate (-----BEGIN CERTIFICATE-----); choose the CA's .pem or "
                  ".crt file.")
            .arg(m_draft.caFile);
    }
    return QString();
}

void SetupController::setProxy(Instance::ProxyMode mode, const QString& host, int port)
{
    m_draft.proxyMode = mode;
    m_draft.proxyHost = mode == Instance::ProxyMode::Manual ? host.trimmed() : QString();
    m_draft.proxyPort = mode == Instance::ProxyMode::Manual ? port : 0;
    m_companyProbe->setTarget(m_draft);
}

void SetupController::setProxyLogin(const QString& user, const QString& password)
{
    m_proxyUser = user.trimmed();
    m_proxyPassword = m_proxyUser.isEmpty() ? QString() : password;
    m_companyProbe->setProxyLogin(m_proxyUser, m_proxyPassword);
}

void SetupController::lookUpCompany()
{
    m_companyProbe->setTarget(m_draft);
    m_companyProbe->lookupNow();
}

bool SetupController::testKeys(QString* error)
{
    const auto opened = session(error);
    if (!opened) {
        return false;
    }
    m_keyProbe->start(*opened);
    return true;
}

bool SetupController::runCheck(QString* error)
{
    const auto opened = session(error);
    if (!opened) {
        return false;
    }
    m_checkRunner->start(*opened, m_draft.id);
    return true;
}

void SetupController::setKeys(const ApiKeyPair& keys)
{
    m_keys = ApiKeyPair {KeyPaste::clean(keys.publicKey), KeyPaste::clean(keys.privateKey)};
}

void SetupController::setDeployment(Deployment deployment)
{
    const bool wasDemo = m_draft.deploymentKind() == Deployment::Demo;
    m_draft.deployment = nameOf(deployment);
    if (deployment == Deployment::Demo && m_demo.isValid()) {
        m_draft.site = m_demo.url.toString();
        m_draft.companyId = m_demo.companyId;
        m_keys = m_demo.keys;
    } else if (wasDemo) {
        m_draft.site.clear();
        m_draft.companyId.clear();
        m_keys = ApiKeyPair();
    }
    if (Deployments::hasRegionHosts(deployment)) {
        m_draft.site.clear();
    }
}

QString SetupController::nameProblem(const QString& name) const
{
    StoreError error;
    if (!Instance::validateName(name, &error)) {
        return error.message;
    }
    if (!m_repository.isNameAvailable(name, m_draft.id, &error)) {
        return error.isError() ? error.message : InstanceRepository::duplicateNameMessage(name.trimmed());
    }
    return QString();
}

QString SetupController::siteApiUrl(QString* error) const
{
    const auto site = InstanceConnection::siteFor(m_draft, error);
    if (!site) {
        return QString();
    }
    return site->apiBaseUrl(m_draft.codebaseOverride.isEmpty() ? site->codebaseOverride() : m_draft.codebaseOverride)
        .toString();
}

QString SetupController::normalizedSite(QString* error) const
{
    const auto site = InstanceConnection::siteFor(m_draft, error);
    return site ? site->toString() : QString();
}

QString SetupController::apiUrl() const
{
    QString error;
    const auto site = InstanceConnection::siteFor(m_draft, &error);
    if (!site) {
        return QString();
    }
    const QString override = Site::normaliseCodebase(m_draft.codebaseOverride);
    if (!override.isEmpty()) {
        return site->apiBaseUrl(override).toString();
    }
    if (!site->codebaseOverride().isEmpty()) {
        return site->apiBaseUrl(site->codebaseOverride()).toString();
    }
    return m_discoveredApiUrl.toString();
}

std::optional<ConnectorSession> SetupController::session(QString* error) const
{
    Instance copy = m_draft;
    copy.normalize();
    auto opened = ConnectorSession::open(copy, m_keys, m_network, error);
    if (opened) {
        opened = opened->withProxyLogin(m_proxyUser, m_proxyPassword);
    }
    if (opened && m_companyInfo) {
        opened->setCompanyInfo(*m_companyInfo); // found by the setup's lookup: not asked again
    }
    return opened;
}

ApiClient* SetupController::newClient(QObject* parent, QString* error) const
{
    const auto opened = session(error);
    return opened ? opened->newClient(parent) : nullptr;
}

ConnectorConfig SetupController::loadConfig(QString* error) const
{
    StoreError storeError;
    const auto config = ConnectorConfigRepository(m_database).load(m_draft.id, &storeError);
    if (!config && error) {
        *error = storeError.message;
    }
    return config.value_or(ConnectorConfig());
}

bool SetupController::saveConfig(const ConnectorConfig& config, QString* error)
{
    StoreError storeError;
    if (!ConnectorConfigRepository(m_database).replace(m_draft.id, config, &storeError)) {
        *error = storeError.message;
        return false;
    }
    return true;
}

QStringList SetupController::localValues(const QString& list) const
{
    return LocalRecordStore(m_database).values(list);
}

void SetupController::addLocalValue(const QString& list, const QString& value)
{
    StoreError error;
    if (!LocalRecordStore(m_database).addValue(list, value, &error)) {
        qCWarning(lcSetup) << "local value not added:" << error.message;
    }
}

QList<LocalUser> SetupController::localUsers() const
{
    return UserMappings::localUsers(m_database);
}

bool SetupController::load(qint64 instanceId, QString* error)
{
    StoreError storeError;
    const auto found = m_repository.findById(instanceId, &storeError);
    if (!found) {
        *error = storeError.message;
        return false;
    }
    m_draft = *found;
    m_editing = true;
    return true;
}

void SetupController::loadKeys(QObject* context, std::function<void(const SecretResult&)> done)
{
    m_secrets.readKeys(m_draft, context, [this, context, done](const SecretResult& result, const ApiKeyPair& keys) {
        if (!result.ok()) {
            done(result);
            return;
        }
        m_keys = keys;
        ConnectorSession::readProxyLogin(
            m_draft, m_secrets.storeFor(m_draft.id), context,
            [this, done](const SecretResult& login, const QString& user, const QString& password) {
                if (login.ok()) {
                    setProxyLogin(user, password);
                }
                done(login);
            });
    });
}

bool SetupController::saveDraft(QString* error)
{
    m_draft.normalize();
    StoreError storeError;
    const bool ok =
        isStored() ? m_repository.update(&m_draft, &storeError) : m_repository.create(&m_draft, &storeError);
    if (!ok) {
        *error = storeError.message;
        return false;
    }
    qCInfo(lcSetup) << "draft saved, instance" << m_draft.id;
    return true;
}

void SetupController::discard(QObject* context, std::function<void(bool ok, const QString& message)> done)
{
    if (!isStored()) {
        done(true, QString());
        return;
    }
    StoreError storeError;
    const Instance removed = m_draft;
    const qint64 id = removed.id;
    if (!m_repository.removeById(id, &storeError)) {
        done(false, storeError.message);
        return;
    }
    m_draft.id = 0;
    qCInfo(lcSetup) << "draft discarded, instance" << id;
    m_secrets.removeInstance(removed, context,
                             [done](const SecretResult& result) { done(result.ok(), result.message); });
}

bool SetupController::isSessionOnly() const
{
    return m_draft.id != 0 && m_secrets.isSessionOnly(m_draft.id);
}

void SetupController::save()
{
    QString error;
    if (!isStored() && !saveDraft(&error)) {
        setSaveState(SaveState::Failed, error);
        return;
    }
    writeKeys(m_secrets.isSessionOnlyForAll() || m_secrets.isSessionOnly(m_draft.id));
}

void SetupController::saveSessionOnly()
{
    writeKeys(true);
}

void SetupController::writeKeys(bool sessionOnly)
{
    setSaveState(SaveState::Saving);
    SecretStore& store = sessionOnly ? static_cast<SecretStore&>(m_secrets.session()) : m_secrets.primary();
    InstanceSecrets::writeAll(
        store, m_draft, m_keys, m_proxyUser, m_proxyPassword, this, [this, sessionOnly](const SecretResult& result) {
            if (!result.ok()) {
                setSaveState(result.keychainUnusable() ? SaveState::KeychainUnusable : SaveState::Failed,
                             result.message);
                return;
            }
            finishSave(sessionOnly);
        });
}

void SetupController::finishSave(bool sessionOnly)
{
    m_secrets.setSessionOnly(m_draft.id, sessionOnly);
    QString error;
    StoreError storeError;
    if (!saveDraft(&error)) {
        setSaveState(SaveState::Failed, error);
        return;
    }
    if (!m_repository.markReady(m_draft.id, &storeError)) {
        setSaveState(SaveState::Failed, storeError.message);
        return;
    }
    m_draft.state = Instance::State::Ready;
    applyStarter([this, sessionOnly] {
        setSaveState(SaveState::Saved, sessionOnly ? SessionSecretStore::sessionOnlyNotice() : QString());
    });
}

void SetupController::applyStarter(std::function<void()> done)
{
    const bool starts = m_draft.deploymentKind() == Deployment::Demo && m_demo.starter &&
        DemoStarter::isUntouched(m_database, m_draft.id);
    QString error;
    ApiClient* client = starts ? newClient(this, &error) : nullptr;
    if (!client) {
        done();
        return;
    }
    DemoStarter::apply(m_database, m_draft.id, m_demo.starter, client, std::move(done));
}

void SetupController::setSaveState(SaveState state, const QString& message)
{
    m_saveState = state;
    m_saveMessage = message;
    emit saveStateChanged(state);
}

} // namespace Cw
