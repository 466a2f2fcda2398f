#pragma once

#include <QByteArray>
#include <QIODevice>

namespace Cw {

// A request body that can be read once and never rewound. Qt silently sends a request again when a connection
// closes before any answer byte; for a POST that could create a record twice, so its body is one of these: Qt
// cannot rewind it and reports ContentReSendError instead, which becomes "outcome unknown".
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject* parent);
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    qint64 size() const override { return m_data.size(); }

protected:
    qint64 readData(char* out, qint64 max) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace Cw
