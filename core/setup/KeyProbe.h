#pragma once

#include "core/config/ConnectorSession.h"
#include "core/connectwise/ApiError.h"

#include <QObject>

namespace Cw {

// Checks a key pair when the admin leaves the keys page: GET /system/info with the keys. Tells "keys
// rejected" (401) from "ConnectWise unreachable" and every other typed error, with its fix.
class KeyProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyProbe)

public:
    explicit KeyProbe(QObject* parent = nullptr);

    // Checks the session's keys.
    void start(const ConnectorSession& session);
    bool isRunning() const { return m_running; }
    ApiError lastError() const { return m_error; }
    QString lastMessage() const { return m_message; }

signals:
    void finished(bool passed, const QString& message);

private:
    bool m_running = false;
    int m_generation = 0;
    ApiError m_error;
    QString m_message;
};

} // namespace Cw
