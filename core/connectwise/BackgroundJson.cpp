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
};
} // namespace

void BackgroundJson::parse(const QByteArray& body, QObject* context, Done done)
{
    if (body.size() < kThresholdBytes) {
        Parsed parsed;
        parsed.document = QJsonDocument::fromJson(body, &parsed.error);
        done(parsed.document, parsed.error);
        return;
    }
    auto promise = std::make_shared<QPromise<Parsed>>();
    auto* watcher = new QFutureWatcher<Parsed>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        const Parsed parsed = watcher->result();
        done(parsed.document, parsed.error);
    });
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, body] {
        Parsed parsed;
        parsed.document = QJsonDocument::fromJson(body, &parsed.error);
        promise->addResult(std::move(parsed));
        promise->finish();
    });
}

} // namespace Cw
