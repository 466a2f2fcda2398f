#pragma once

#include "core/setup/SetupController.h" // DemoSettings

#include <QCoreApplication>
#include <QObject>
#include <QProcess>

namespace Cw {

// `cwconnector --demo`: runs cwconnector-sim as a child process on a free loopback port, so someone without
// a ConnectWise tenant can walk through every page. It knows the simulator's demo company and keys (the
// simulator's defaults). The simulator stops with this object (or stop()).
class DemoSimulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoSimulator)

public:
    explicit DemoSimulator(QObject* parent = nullptr);
    ~DemoSimulator() override;

    // The simulator next to the GUI: <appDir>/../sim/cwconnector-sim (build tree) or <appDir>/cwconnector-sim
    // (installed). Empty when neither exists.
    static QString findExecutable(const QString& applicationDir);

    // Starts the simulator; ready() or failed(message) follows.
    void start(const QString& executable);
    void stop();
    static QString companyId(); // the company the simulator is started with
    static ApiKeyPair keys(); // the simulator's default keys
    bool isReady() const { return m_settings.isValid(); }
    DemoSettings settings() const { return m_settings; }

signals:
    void ready(const Cw::DemoSettings& settings);
    void failed(const QString& message);

private:
    void onOutput();

    QProcess m_process;
    QByteArray m_buffer;
    DemoSettings m_settings;
};

} // namespace Cw
