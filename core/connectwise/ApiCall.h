#pragma once

#include "core/connectwise/ApiRequest.h"
#include "core/connectwise/ApiResult.h"
#include "core/connectwise/RateGovernor.h"
#include "core/connectwise/RetryPolicy.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>

#include <memory>

class QNetworkReply;

namespace Cw {

class ApiClient;

// One request in flight, with its retries. Made by ApiClient::send(); emits finished() exactly once
// (also after cancel()) and then deletes itself, so connect with a context object and do not keep the
// pointer past finished().
//
// Every send passes the client's RateGovernor: it waits for a slot (FIFO), holds it until the reply is in, and
// holds none while it waits for a retry.
//
// Retries: a 429 pauses every request of the connection until Retry-After (seconds or HTTP-date; backoff with
// jitter without a usable one) and the request is sent again, for every method (the server did not process it); it does
// not count against the policy's maxAttempts, but no pause longer than maxRetryAfterMs or ending after maxTotalMs
// is waited for. 5xx, dropped connections and cut-off or malformed answers (a 2xx body shorter than its
// Content-Length, not JSON, or for a raw request not a complete JSON value) are retried with exponential backoff
// and jitter for GET, PUT, PATCH and DELETE only. A POST is never sent twice: when it may have reached the server
// the error carries outcomeUnknown so the caller can reconcile. A 404 makes the client look the codebase up once
// more and, if it moved (cloud upgrade), the request is sent again to the new base URL. Bounded by the
// connection's RetryPolicy (attempts and total time).
class ApiCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiCall)

public:
    ~ApiCall() override;

    const ApiRequest& request() const { return m_request; }
    bool isFinished() const { return m_finished; }
    int attempts() const { return m_attempts; }
    // Stops the transfer or the wait for a retry; finished() follows with ApiError::Kind::Cancelled.
    void cancel();

signals:
    void finished(const Cw::ApiResult& result);
    // Before waiting delayMs to send attempt number nextAttempt, because of `reason`.
    void retrying(const Cw::ApiError& reason, int nextAttempt, int delayMs);

private:
    friend class ApiClient;
    ApiCall(ApiClient* client, ApiRequest request);

    void start();
    void acquireAndSend();
    void onAdmission(const RateGovernor::Decision& decision);
    void send();
    void onReplyFinished();
    void onRateLimited(ApiResult result);
    void onSuccess(ApiResult result);
    void onFailure(ApiResult result, bool retryable, qint64 delayMs);
    void onNotFound(ApiResult result);
    void onParsed(ApiResult result);
    static void applyParsed(ApiResult& result, const QJsonDocument& document, const QJsonParseError& error);
    void finish(ApiResult result);
    bool retryBudgetAllows(qint64 delayMs) const;
    int failedAttempts() const { return m_attempts - m_rateLimited; }
    const RetryPolicy& policy() const;

    ApiClient* m_client;
    ApiRequest m_request;
    std::shared_ptr<RateGovernor> m_governor;
    RateGovernor::Ticket m_ticket = 0;
    QPointer<QNetworkReply> m_reply;
    QList<QSslError> m_sslErrors;
    QTimer m_retryTimer;
    QElapsedTimer m_elapsed;
    QElapsedTimer m_attemptTimer;
    int m_attempts = 0; // sends
    int m_rateLimited = 0; // of them answered 429
    bool m_rediscovered = false;
    bool m_finished = false;
};

} // namespace Cw
