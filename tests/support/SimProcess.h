#pragma once

#include <QJsonArray>
#include <QProcess>
#include <QStringList>
#include <QUrl>

namespace CwTest {

// Runs cwconnector-sim as a real process on a free loopback port (--port 0) for the length of a test.
class SimProcess final
{
public:
    SimProcess() = default;
    ~SimProcess();
    SimProcess(const SimProcess&) = delete;
    SimProcess& operator=(const SimProcess&) = delete;

    // Starts the simulator with extra arguments and waits until it prints its address.
    // extraEnvironment: "NAME=value" entries added to this process's environment.
    bool start(const QStringList& arguments = {}, int timeoutMs = 10000, const QStringList& extraEnvironment = {});
    void stop();

    QUrl baseUrl() const { return m_baseUrl; } // e.g. http://127.0.0.1:40123
    quint16 port() const { return static_cast<quint16>(m_baseUrl.port()); }
    QString hostAndPort() const;
    QString output() const { return m_output; }
    QProcess& process() { return m_process; }

    // GET /_sim/violations: every write the simulator refused for a model reason (an unknown member, a wrong type,
    // a missing required member, an over-long string, a bad enum value, a rule beyond the schema) and every PATCH
    // of a nested path, since it started or was last reset. A sync test asserts at its end that it is empty:
    //     QVERIFY2(sim.modelViolations().isEmpty(), qPrintable(CwTest::SimProcess::describe(sim.modelViolations())));
    QJsonArray modelViolations() const;
    static QString describe(const QJsonArray& violations); // one line each: method path: message

private:
    QProcess m_process;
    QUrl m_baseUrl;
    QString m_output;
};

struct ProcessResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool finished = false;
};

// Runs an executable to completion with optional stdin and extra environment.
ProcessResult runProcess(const QString& program, const QStringList& arguments, const QByteArray& input = {},
                         const QStringList& extraEnvironment = {}, int timeoutMs = 30000);

} // namespace CwTest
