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

void BackgroundJson::parse(const QByteArray& body, QObject* context, Done done)
{
    runSized<Parsed>(
        body.size(), context,
        [body] {
            Parsed parsed;
            parsed.document = QJsonDocument::fromJson(body, &parsed.error);
            return parsed;
        },
        [done = std::move(done)](const Parsed& parsed) { done(parsed.document, parsed.error); });
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
