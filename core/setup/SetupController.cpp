#include "core/setup/SetupController.h"

#include "core/config/InstanceConnection.h"
#include "core/secrets/SessionSecretStore.h"
#include "core/setup/InstanceSecrets.h"
#include "core/setup/KeyPaste.h"
#include "core/setup/SetupLog.h"

namespace Cw {

SetupController::SetupController(Database& database, InstanceSecrets& secrets, const NetworkAccessFactory& network,
                                 QObject* parent)
    : QObject(parent), m_database(database), m_secrets(secrets), m_network(network), m_repository(database)
{
    m_draft.deployment = nameOf(Deployment::Na);
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
    return ConnectorSession::open(copy, m_keys, m_network, error);
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
    m_secrets.readKeys(m_draft, context, [this, done](const SecretResult& result, const ApiKeyPair& keys) {
        if (result.ok()) {
            m_keys = keys;
        }
        done(result);
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
    const QString id = InstanceConnection::secretId(m_draft);
    const QString privateKey = m_keys.privateKey;
    store.write(SecretKey {id, SecretNames::publicKey()}, m_keys.publicKey, this,
                [this, &store, id, privateKey, sessionOnly](const SecretResult& first) {
                    if (!first.ok()) {
                        setSaveState(first.keychainUnusable() ? SaveState::KeychainUnusable : SaveState::Failed,
                                     first.message);
                        return;
                    }
                    store.write(SecretKey {id, SecretNames::privateKey()}, privateKey, this,
                                [this, sessionOnly](const SecretResult& second) {
                                    if (!second.ok()) {
                                        setSaveState(second.keychainUnusable() ? SaveState::KeychainUnusable
                                                                               : SaveState::Failed,
                                                     second.message);
                                        return;
                                    }
                                    finishSave(sessionOnly);
                                });
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
    setSaveState(SaveState::Saved, sessionOnly ? SessionSecretStore::sessionOnlyNotice() : QString());
}

void SetupController::setSaveState(SaveState state, const QString& message)
{
    m_saveState = state;
    m_saveMessage = message;
    emit saveStateChanged(state);
}

} // namespace Cw
