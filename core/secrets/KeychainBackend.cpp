#include "core/secrets/KeychainBackend.h"

#include "core/secrets/SecretsLog.h"

#include <qt6keychain/keychain.h>

namespace Cw {

namespace {

KeychainCode toCode(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return KeychainCode::NoError;
    case QKeychain::EntryNotFound:
        return KeychainCode::EntryNotFound;
    case QKeychain::CouldNotDeleteEntry:
        return KeychainCode::CouldNotDeleteEntry;
    case QKeychain::AccessDeniedByUser:
        return KeychainCode::AccessDeniedByUser;
    case QKeychain::AccessDenied:
        return KeychainCode::AccessDenied;
    case QKeychain::NoBackendAvailable:
        return KeychainCode::NoBackendAvailable;
    case QKeychain::NotImplemented:
        return KeychainCode::NotImplemented;
    case QKeychain::OtherError:
        break;
    }
    return KeychainCode::OtherError;
}

} // namespace

KeychainBackend::~KeychainBackend() = default;

void QtKeychainBackend::start(Operation operation, const QString& service, const QString& account, const QString& value,
                              QObject* context, Done done)
{
    // No parent and auto-delete: the job deletes itself after `finished`. A job that never finishes is
    // deliberately left alive, because libsecret still holds a raw pointer to it and would call into a
    // deleted object if it answered late.
    QKeychain::Job* job = nullptr;
    switch (operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(service);
        break;
    case Operation::Write: {
        auto* write = new QKeychain::WritePasswordJob(service);
        write->setTextData(value);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(service);
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never store secrets in plaintext settings
    Q_ASSERT(!job->insecureFallback());
    m_anyInsecureFallback = m_anyInsecureFallback || job->insecureFallback();
    job->setKey(account);
    ++m_jobsStarted;

    QObject::connect(job, &QKeychain::Job::finished, context, [operation, done](QKeychain::Job* finished) {
        KeychainReply reply;
        reply.code = toCode(finished->error());
        if (reply.code != KeychainCode::NoError) {
            reply.errorString = finished->errorString();
        } else if (operation == Operation::Read) {
            reply.value = static_cast<QKeychain::ReadPasswordJob*>(finished)->textData();
        }
        done(reply);
    });
    qCDebug(lcSecrets) << "keychain job started for" << account;
    job->start();
}

} // namespace Cw
