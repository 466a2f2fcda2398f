#pragma once

// What the setup flow tests share: cwconnector-sim for the whole test, and for each test function a new SQLite
// database and a memory secret store behind InstanceSecrets. The test class calls these from its initTestCase(),
// init() and cleanup() slots.

#include "core/secrets/MemorySecretStore.h"
#include "core/setup/InstanceSecrets.h"
#include "core/store/Database.h"
#include "tests/support/SimProcess.h"

#include <QObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class SetupTestBase : public QObject
{
protected:
    void startSimulator()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sim.start(), qPrintable(m_sim.output()));
    }
    void freshStorage()
    {
        m_db = std::make_unique<Cw::Database>(
            Cw::DatabaseLocation::sqlite(m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_counter))));
        Cw::StoreError error;
        QVERIFY2(m_db->open(&error), qPrintable(error.message));
        m_store = std::make_unique<Cw::MemorySecretStore>();
        m_secrets = std::make_unique<Cw::InstanceSecrets>(*m_store);
    }
    void dropStorage()
    {
        m_secrets.reset();
        m_store.reset();
        m_db.reset();
    }

    CwTest::SimProcess m_sim;
    QTemporaryDir m_dir;
    int m_counter = 0;
    std::unique_ptr<Cw::Database> m_db;
    std::unique_ptr<Cw::MemorySecretStore> m_store;
    std::unique_ptr<Cw::InstanceSecrets> m_secrets;
};
