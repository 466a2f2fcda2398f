#include "core/secrets/KeychainOperation.h"

#include "core/secrets/KeychainErrors.h"
#include "core/secrets/SecretsLog.h"

namespace Cw {

KeychainOperation::KeychainOperation(KeychainBackend& backend, const Settings& settings, Kind kind,
                                     const SecretKey& key, const QString& value, Finished finished, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_settings(settings)
    , m_kind(kind)
    , m_key(key)
    , m_value(value)
    , m_finished(std::move(finished))
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this]() {
        // The job may still be running (e.g. an unlock prompt on a display); its late answer is dropped
        // because this object, the context of its callback, is gone by then.
        qCWarning(lcSecrets) << "keychain did not answer within" << m_settings.timeoutMs << "ms for" << m_key.account();
        finish(SecretResult::failure(SecretStatus::TimedOut, SecretResult::timedOutMessage(m_settings.timeoutMs)));
    });
}

void KeychainOperation::start()
{
    m_deadline.start(m_settings.timeoutMs);
    switch (m_kind) {
    case Kind::Read:
        runJob(KeychainBackend::Operation::Read, m_key.account(), QString(), [this](const KeychainReply& reply) {
            if (reply.code != KeychainCode::EntryNotFound) {
                finishWith(reply);
                return;
            }
            // A locked gnome-keyring also answers EntryNotFound: ask the keyring whether it takes a write.
            probeThen([this, reply]() { finishWith(reply); });
        });
        break;
    case Kind::Write:
        runJob(KeychainBackend::Operation::Write, m_key.account(), m_value,
               [this](const KeychainReply& reply) { finishWith(reply); });
        break;
    case Kind::Probe:
        probeThen([this]() { finish(SecretResult::success()); });
        break;
    case Kind::Remove:
        // Removing from a locked keyring "succeeds" without removing anything: probe first.
        probeThen([this]() {
            runJob(KeychainBackend::Operation::Remove, m_key.account(), QString(), [this](const KeychainReply& reply) {
                if (reply.code == KeychainCode::EntryNotFound) {
                    finish(SecretResult::success()); // already gone
                    return;
                }
                finishWith(reply);
            });
        });
        break;
    }
}

void KeychainOperation::runJob(KeychainBackend::Operation operation, const QString& account, const QString& value,
                               Reply next, bool isRetry)
{
    m_backend.start(operation, m_settings.service, account, value, this,
                    [this, operation, account, value, next, isRetry](const KeychainReply& reply) {
                        if (m_done) {
                            return;
                        }
                        if (!isRetry && KeychainErrors::isRetryable(reply)) {
                            qCInfo(lcSecrets) << "keychain error, retrying once:" << reply.errorString;
                            QTimer::singleShot(m_settings.retryDelayMs, this,
                                               [this, operation, account, value, next]() {
                                                   if (!m_done) {
                                                       runJob(operation, account, value, next, true);
                                                   }
                                               });
                            return;
                        }
                        next(reply);
                    });
}

void KeychainOperation::probeThen(std::function<void()> unlocked)
{
    runJob(KeychainBackend::Operation::Write, m_settings.probeAccount, QStringLiteral("probe"),
           [this, unlocked](const KeychainReply& written) {
               if (written.code != KeychainCode::NoError) {
                   // What the keyring said about a write is the real state: Locked, Unavailable, ...
                   finishWith(written);
                   return;
               }
               runJob(KeychainBackend::Operation::Remove, m_settings.probeAccount, QString(),
                      [unlocked](const KeychainReply&) { unlocked(); });
           });
}

void KeychainOperation::finishWith(const KeychainReply& reply)
{
    finish(KeychainErrors::classify(reply, m_key.instanceId, m_key.name));
}

void KeychainOperation::finish(const SecretResult& result)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_deadline.stop();
    if (!result.ok()) {
        qCInfo(lcSecrets).noquote() << "keychain" << m_key.account() << secretStatusName(result.status)
                                    << result.detail;
    }
    m_finished(result);
    deleteLater();
}

} // namespace Cw
