#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QObject>

#include <functional>

namespace Cw {

// Parses JSON on a pool thread and calls `done` on `context`'s thread; nothing is called if `context` is
// destroyed first. Small bodies (below kThresholdBytes) are parsed at once, synchronously.
class BackgroundJson final
{
public:
    static constexpr qsizetype kThresholdBytes = 256 * 1024;
    using Done = std::function<void(const QJsonDocument& document, const QJsonParseError& error)>;

    static void parse(const QByteArray& body, QObject* context, Done done);
};

} // namespace Cw
