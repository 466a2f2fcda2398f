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

namespace {

// Runs job at once for small bodies, else on the global pool, and hands its result to done on context's thread
// (not at all when context is gone).
template <typename Result>
void runSized(qsizetype size, QObject* context, std::function<Result()> job, std::function<void(const Result&)> done)
{
    if (size < BackgroundJson::kThresholdBytes) {
        done(job());
        return;
    }
    auto promise = std::make_shared<QPromise<Result>>();
    auto* watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, job = std::move(job)] {
        promise->addResult(job());
        promise->finish();
    });
}

struct Processed
{
    std::shared_ptr<const void> result;
    QString error;
};

} // namespace

void BackgroundJson::parse(const QByteArray& body, QObject* context, Prepare prepare, PreparedDone done)
{
    runSized<Parsed>(
        body.size(), context, [body, prepare = std::move(prepare)] { return parseNow(body, prepare); },
        [done = std::move(done)](const Parsed& parsed) { done(parsed.document, parsed.error, parsed.prepared); });
}

void BackgroundJson::process(const QByteArray& body, QObject* context, RawWork work, RawDone done)
{
    runSized<Processed>(
        body.size(), context,
        [body, work = std::move(work)] {
            Processed processed;
            processed.result = work(body, &processed.error);
            return processed;
        },
        [done = std::move(done)](const Processed& processed) { done(processed.result, processed.error); });
}

} // namespace Cw
