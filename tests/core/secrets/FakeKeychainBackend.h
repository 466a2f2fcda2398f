#pragma once

#include "core/secrets/KeychainBackend.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QStringList>

#include <functional>

// A scripted keychain for the logic of KeychainSecretStore: each job takes the next scripted reply for its
// (operation, account), or, without one, acts on an in-memory map like an unlocked keyring. `hang` makes
// jobs never finish, like an unlock dialog nobody answers.
class FakeKeychainBackend final : public Cw::KeychainBackend
{
public:
    struct Script
    {
        Operation operation;
        QString account;
        Cw::KeychainReply reply;
    };

    void start(Operation operation, const QString& service, const QString& account, const QString& value,
               QObject* context, Done done) override
    {
        m_calls.append(name(operation) + QLatin1Char(' ') + account);
        m_services.append(service);
        if (m_hang) {
            return;
        }
        Cw::KeychainReply reply;
        bool scripted = false;
        for (qsizetype i = 0; i < m_script.size(); ++i) {
            if (m_script.at(i).operation == operation && m_script.at(i).account == account) {
                reply = m_script.takeAt(i).reply;
                scripted = true;
                break;
            }
        }
        if (!scripted) {
            reply = actOnMap(operation, account, value);
        }
        QPointer<QObject> guard(context);
        QMetaObject::invokeMethod(
            context,
            [guard, done, reply]() {
                if (guard) {
                    done(reply);
                }
            },
            Qt::QueuedConnection);
    }

    void script(Operation operation, const QString& account, Cw::KeychainCode code, const QString& errorString)
    {
        Cw::KeychainReply reply;
        reply.code = code;
        reply.errorString = errorString;
        m_script.append(Script {operation, account, reply});
    }
    void setHang(bool hang) { m_hang = hang; }
    QStringList calls() const { return m_calls; }
    QStringList services() const { return m_services; }
    QHash<QString, QString> entries() const { return m_entries; }

    static QString name(Operation operation)
    {
        switch (operation) {
        case Operation::Read:
            return QStringLiteral("read");
        case Operation::Write:
            return QStringLiteral("write");
        case Operation::Remove:
            break;
        }
        return QStringLiteral("remove");
    }

private:
    Cw::KeychainReply actOnMap(Operation operation, const QString& account, const QString& value)
    {
        Cw::KeychainReply reply;
        reply.code = Cw::KeychainCode::NoError;
        switch (operation) {
        case Operation::Read:
            if (!m_entries.contains(account)) {
                reply.code = Cw::KeychainCode::EntryNotFound;
                reply.errorString = QStringLiteral("Entry not found");
            } else {
                reply.value = m_entries.value(account);
            }
            break;
        case Operation::Write:
            m_entries.insert(account, value);
            break;
        case Operation::Remove:
            m_entries.remove(account);
            break;
        }
        return reply;
    }

    QList<Script> m_script;
    QHash<QString, QString> m_entries;
    QStringList m_calls;
    QStringList m_services;
    bool m_hang = false;
};
