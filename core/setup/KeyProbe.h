#pragma once

#include "core/connectwise/ApiError.h"

#include <QObject>
#include <QPointer>

namespace Cw {

class ApiClient;

// Checks a key pair when the admin leaves the keys page: GET /system/info with a client of the keys (built by
// SetupController). Tells "keys rejected" (401) from "ConnectWise unreachable" and every other typed error,
// with its fix.
class KeyProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyProbe)

public:
    explicit KeyProbe(QObject* parent = nullptr);

    // Takes the client (deleted when the answer is in, or by the next start()).
    void start(ApiClient* client);
    bool isRunning() const { return m_running; }
    ApiError lastError() const { return m_error; }
    QString lastMessage() const { return m_message; }

signals:
    void finished(bool passed, const QString& message);

private:
    bool m_running = false;
    QPointer<ApiClient> m_client;
    ApiError m_error;
    QString m_message;
};

} // namespace Cw
