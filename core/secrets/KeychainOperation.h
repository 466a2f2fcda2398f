#pragma once

#include "core/secrets/KeychainBackend.h"
#include "core/secrets/SecretKey.h"
#include "core/secrets/SecretResult.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace Cw {

// One read, write or remove of KeychainSecretStore, from start to result: the overall timeout, one retry
// on OtherError after a short delay, and the probe that tells "entry not found" from "keyring locked"
// (a locked gnome-keyring answers a read with EntryNotFound, but refuses to create an item in a locked
// collection). Internal to KeychainSecretStore; deletes itself once it has reported.
class KeychainOperation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainOperation)

public:
    enum class Kind { Read, Write, Remove, Probe };
    struct Settings
    {
        QString service;
        QString probeAccount;
        int timeoutMs = 10000;
        int retryDelayMs = 1000;
    };
    using Finished = std::function<void(const SecretResult& result)>;

    KeychainOperation(KeychainBackend& backend, const Settings& settings, Kind kind, const SecretKey& key,
                      const QString& value, Finished finished, QObject* parent);

    void start();

private:
    using Reply = std::function<void(const KeychainReply& reply)>;

    // Runs one job; on OtherError, waits retryDelayMs and runs it once more before passing the reply on.
    void runJob(KeychainBackend::Operation operation, const QString& account, const QString& value, Reply next,
                bool isRetry = false);
    // Writes and removes a small probe entry: calls `unlocked` when the keyring accepts the write, otherwise
    // finishes with what the write said (Locked, Unavailable, ...).
    void probeThen(std::function<void()> unlocked);
    void finishWith(const KeychainReply& reply);
    void finish(const SecretResult& result);

    KeychainBackend& m_backend;
    Settings m_settings;
    Kind m_kind;
    SecretKey m_key;
    QString m_value;
    Finished m_finished;
    QTimer m_deadline;
    bool m_done = false;
};

} // namespace Cw
