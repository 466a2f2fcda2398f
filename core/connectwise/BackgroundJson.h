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
    // Runs right after parsing, on the same (pool) thread, when the document parsed: work on the document that
    // need not wait for the consumer's thread. It must be thread-safe. It may take the document (leaving it
    // empty), so that it is also freed on that thread.
    using Prepare = std::function<std::shared_ptr<const void>(QJsonDocument& document)>;
    using PreparedDone = std::function<void(const QJsonDocument& document, const QJsonParseError& error,
                                            const std::shared_ptr<const void>& prepared)>;

    static void parse(const QByteArray& body, QObject* context, Done done);
    static void parse(const QByteArray& body, QObject* context, Prepare prepare, PreparedDone done);

    // Not parsed into a QJsonDocument at all: `work` reads the raw body (same thread rules: a pool thread for
    // large bodies) and its result, or the error it set, reaches `done` on context's thread.
    using RawWork = std::function<std::shared_ptr<const void>(const QByteArray& body, QString* error)>;
    using RawDone = std::function<void(const std::shared_ptr<const void>& result, const QString& error)>;
    static void process(const QByteArray& body, QObject* context, RawWork work, RawDone done);
};

} // namespace Cw
