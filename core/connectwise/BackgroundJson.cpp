#include "core/connectwise/BackgroundJson.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>

#include <memory>
#include <utility>

namespace Cw {

namespace {
struct Parsed
{
    QJsonDocument document;
    QJsonParseError error {};
    std::shared_ptr<const void> prepared;
};

Parsed parseNow(const QByteArray& body, const BackgroundJson::Prepare& prepare)
{
    Parsed parsed;
    parsed.document = QJsonDocument::fromJson(body, &parsed.error);
    if (prepare && parsed.error.error == QJsonParseError::NoError) {
        parsed.prepared = prepare(parsed.document);
    }
    return parsed;
}
} // namespace

void BackgroundJson::parse(const QByteArray& body, QObject* context, Done done)
{
    parse(body, context, Prepare(),
          [done = std::move(done)](const QJsonDocument& document, const QJsonParseError& error,
                                   const std::shared_ptr<const void>&) { done(document, error); });
}

void BackgroundJson::parse(const QByteArray& body, QObject* context, Prepare prepare, PreparedDone done)
{
    if (body.size() < kThresholdBytes) {
        const Parsed parsed = parseNow(body, prepare);
        done(parsed.document, parsed.error, parsed.prepared);
        return;
    }
    auto promise = std::make_shared<QPromise<Parsed>>();
    auto* watcher = new QFutureWatcher<Parsed>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        const Parsed parsed = watcher->result();
        done(parsed.document, parsed.error, parsed.prepared);
    });
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, body, prepare = std::move(prepare)] {
        promise->addResult(parseNow(body, prepare));
        promise->finish();
    });
}

} // namespace Cw
