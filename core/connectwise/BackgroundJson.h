#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QObject>

#include <functional>
#include <memory>

namespace Cw {

// Parses JSON on a pool thread and calls `done` on `context`'s thread; nothing is called if `context` is
// destroyed first. Small bodies (below kThresholdBytes) are parsed at once, synchronously.
class BackgroundJson final
{
public:
    static constexpr qsizetype kThresholdBytes = 256 * 1024;
    using Done = std::function<void(const QJsonDocument& document, const QJsonParseError& error)>;
    static void parse(const QByteArray& body, QObject* context, Done done);

    // Not parsed into a QJsonDocument at all: `work` reads the raw body (same thread rules: a pool thread for
    // large bodies) and its result, or the error it set, reaches `done` on context's thread.
    using RawWork = std::function<std::shared_ptr<const void>(const QByteArray& body, QString* error)>;
    using RawDone = std::function<void(const std::shared_ptr<const void>& result, const QString& error)>;
    static void process(const QByteArray& body, QObject* context, RawWork work, RawDone done);
};

} // namespace Cw
