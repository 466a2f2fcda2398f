#include "core/connectwise/ApiCall.h"

#include "core/connectwise/ApiClient.h"
#include "core/connectwise/BackgroundJson.h"
#include "core/connectwise/BodyCheck.h"
#include "core/connectwise/ConnectWiseLog.h"
#include "core/connectwise/ErrorClassifier.h"

#include <QNetworkReply>

#include <algorithm>

namespace Cw {

namespace {
constexpr qint64 kMinBackoffMs = 250; // after a 429 without a usable Retry-After, even with a policy of no delay
}

ApiCall::ApiCall(ApiClient* client, ApiRequest request)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request))
    , m_governor(client->governor())
    , m_ticket(m_governor->newTicket()) // its place in the queue, kept for every send
{
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire up to 5% early
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiCall::acquireAndSend);
}

ApiCall::~ApiCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    m_governor->release(m_ticket, RateGovernor::Outcome::Abandoned); // before QObject stops taking its callbacks
}

const RetryPolicy& ApiCall::policy() const
{
    return m_client->connection().retry;
}

void ApiCall::start()
{
    m_elapsed.start();
    if (m_request.authenticated) {
        const ApiError invalid = m_client->connection().validateForApi();
        if (!invalid.isOk()) {
            ApiResult result;
            result.error = invalid;
            finish(result);
            return;
        }
    }
    if (!m_client->caError().isOk()) {
        ApiResult result;
        result.error = m_client->caError();
        finish(result);
        return;
    }
    if (!m_request.absoluteUrl.isEmpty()) {
        acquireAndSend();
        return;
    }
    m_client->requireBaseUrl(this, [this](const ApiError& error) {
        if (m_finished) {
            return;
        }
        if (!error.isOk()) {
            ApiResult result;
            result.error = error;
            finish(result);
            return;
        }
        acquireAndSend();
    });
}

void ApiCall::acquireAndSend()
{
    if (m_finished) {
        return;
    }
    // A rate-limit pause is waited for only within the policy: no longer than maxRetryAfterMs, and not past
    // maxTotalMs since the call started.
    const RetryPolicy& retry = policy();
    RateGovernor::Budget budget;
    budget.maxPauseMs = retry.maxRetryAfterMs;
    budget.deadline = m_governor->now() + std::max<qint64>(0, retry.maxTotalMs - m_elapsed.elapsed());
    const RateGovernor::Decision decision =
        m_governor->acquire(m_ticket, this, budget, [this](const RateGovernor::Decision& later) {
            if (!m_finished) {
                onAdmission(later);
            }
        });
    if (decision.admission != RateGovernor::Admission::Queued) {
        onAdmission(decision);
    }
}

void ApiCall::onAdmission(const RateGovernor::Decision& decision)
{
    if (decision.admission == RateGovernor::Admission::Granted) {
        send();
        return;
    }
    ApiResult result;
    result.error.kind = ApiError::Kind::RateLimited;
    result.error.retryAfterSeconds = int((decision.pauseRemainingMs + 999) / 1000);
    result.error.detail = QStringLiteral("the connection's requests are paused for %1 ms, longer than this request "
                                         "may wait")
                              .arg(decision.pauseRemainingMs);
    finish(result);
}

// Holds a slot of the governor: released when the reply is in (onReplyFinished) or the call ends.
void ApiCall::send()
{
    if (m_finished) {
        return;
    }
    ++m_attempts;
    m_sslErrors.clear();
    m_reply = m_client->transmit(m_request, this);
    m_attemptTimer.start();
    // TLS errors are recorded for the error message and never ignored.
    connect(m_reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError>& errors) { m_sslErrors.append(errors); });
    connect(m_reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
}

void ApiCall::onReplyFinished()
{
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    if (!reply) {
        return;
    }
    reply->deleteLater();

    ApiResult result;
    result.url = reply->url();
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.headers = reply->rawHeaderPairs();
    result.body = reply->readAll();
    const QNetworkReply::NetworkError networkError = reply->error();
    const int status = result.httpStatus;
    const bool idempotent = m_request.isIdempotent();
    qCDebug(lcConnectWise).noquote() << m_request.verb() << result.url.toString(QUrl::RemoveUserInfo) << "->" << status
                                     << networkError << "in" << m_attemptTimer.elapsed() << "ms, attempt" << m_attempts;

    if (status == 429) {
        result.error = ErrorClassifier::fromHttp(status, result.body, m_request.path);
        onRateLimited(result);
        return;
    }
    // The reply is in: the slot goes to the next request, whatever happens to this one now.
    const bool failed = status >= 500 || (status < 400 && networkError != QNetworkReply::NoError);
    m_governor->release(m_ticket, failed ? RateGovernor::Outcome::Failed : RateGovernor::Outcome::Answered);

    if (status >= 400) {
        result.error = ErrorClassifier::fromHttp(status, result.body, m_request.path);
        if (status >= 500) {
            onFailure(result, idempotent, policy().backoffMs(failedAttempts()));
            return;
        }
        if (status == 404) {
            onNotFound(result);
            return;
        }
        finish(result);
        return;
    }

    if (networkError != QNetworkReply::NoError) {
        result.error = ErrorClassifier::fromNetwork(networkError, reply->errorString(), m_sslErrors);
        const ProxySettings& proxy = m_client->connection().proxy;
        if (status >= 200 && status < 300 && result.error.kind == ApiError::Kind::ConnectionDropped) {
            // Headers arrived, then the connection broke: the body is cut off.
            result.error.kind = ApiError::Kind::MalformedResponse;
            result.error.truncated = true;
        } else if (proxy.mode == ProxySettings::Mode::Manual &&
                   (result.error.kind == ApiError::Kind::ConnectionRefused ||
                    result.error.kind == ApiError::Kind::HostNotFound)) {
            // With a manual proxy the only host we connect to is the proxy: it is the one that failed.
            result.error.kind = ApiError::Kind::Proxy;
            result.error.host = proxy.host + QLatin1Char(':') + QString::number(proxy.port);
        } else if (proxy.mode == ProxySettings::Mode::Manual &&
                   result.error.kind == ApiError::Kind::ProxyLoginRejected) {
            result.error.host = proxy.host + QLatin1Char(':') + QString::number(proxy.port); // the proxy said no
        }
        const ApiError::Kind kind = result.error.kind;
        const bool transient = kind == ApiError::Kind::MalformedResponse ||
            ErrorClassifier::isTransientNetworkError(networkError) ||
            (kind == ApiError::Kind::Timeout && policy().retryTimeouts);
        onFailure(result, transient && idempotent, policy().backoffMs(failedAttempts()));
        return;
    }

    if (status >= 300 && status < 400) {
        result.error = ErrorClassifier::fromHttp(status, result.body, m_request.path);
        result.error.detail = QString::fromUtf8(result.header("Location"));
        qCWarning(lcConnectWise).noquote()
            << "redirect not followed for" << m_request.verb() << m_request.path << "to" << result.error.detail;
        finish(result);
        return;
    }
    onSuccess(std::move(result));
}

void ApiCall::onRateLimited(ApiResult result)
{
    const RetryPolicy& retryPolicy = policy();
    const QByteArray header = result.header("Retry-After");
    const qint64 asked = RetryPolicy::parseRetryAfterMs(header, QDateTime::currentDateTimeUtc());
    result.error.retryAfterSeconds = asked < 0 ? -1 : int((asked + 999) / 1000);
    // Without a usable Retry-After (missing, unreadable, 0): backoff with jitter, longer for each 429 in a row on
    // this connection, so that the requests do not come straight back.
    const bool usable = asked > 0;
    const qint64 delay =
        usable ? asked : std::max<qint64>(kMinBackoffMs, retryPolicy.backoffMs(m_governor->rateLimitStreak() + 1));
    ++m_rateLimited;
    const QString why = QStringLiteral("429 on %1 %2, %3")
                            .arg(QString::fromLatin1(m_request.verb()), m_request.path,
                                 usable ? QStringLiteral("Retry-After ") + QString::fromLatin1(header)
                                        : QStringLiteral("no usable Retry-After: backoff"));
    // The server did not process it, so even a POST is sent again, and it does not count against maxAttempts;
    // but no longer than the policy lets a request wait.
    const bool retry = delay <= retryPolicy.maxRetryAfterMs && m_elapsed.elapsed() + delay <= retryPolicy.maxTotalMs;
    if (retry) {
        emit retrying(result.error, m_attempts + 1, int(delay));
    }
    m_governor->rateLimited(m_ticket, delay, why); // pauses every request of the connection, this one too
    if (!retry) {
        finish(result);
        return;
    }
    acquireAndSend();
}

void ApiCall::onSuccess(ApiResult result)
{
    // A 2xx that ended without a network error can still be cut off (a proxy, a connection closed on a message
    // boundary): a short or unfinished body is retried like a 5xx (for idempotent methods).
    if (!m_request.expectJson) {
        result.error = BodyCheck::rawJson(result);
        if (!result.error.isOk()) {
            onFailure(result, m_request.isIdempotent(), policy().backoffMs(failedAttempts()));
            return;
        }
        finish(result);
        return;
    }
    if (result.body.trimmed().isEmpty()) {
        finish(result);
        return;
    }
    result.error = BodyCheck::length(result);
    if (!result.error.isOk()) {
        onFailure(result, m_request.isIdempotent(), policy().backoffMs(failedAttempts()));
        return;
    }
    // A 1,000-record page takes tens of milliseconds to parse: big bodies are parsed on a pool thread
    // so the event loop (UI, other transfers, the consumer of the previous page) keeps running.
    const QByteArray body = result.body;
    BackgroundJson::parse(body, this,
                          [this, result](const QJsonDocument& document, const QJsonParseError& error) mutable {
                              if (m_finished) {
                                  return;
                              }
                              applyParsed(result, document, error);
                              onParsed(std::move(result));
                          });
}

void ApiCall::applyParsed(ApiResult& result, const QJsonDocument& document, const QJsonParseError& error)
{
    if (error.error != QJsonParseError::NoError) {
        result.error.kind = ApiError::Kind::MalformedResponse;
        result.error.truncated = error.offset >= result.body.trimmed().size();
        result.error.detail = error.errorString();
        return;
    }
    result.json = document;
    result.body.clear(); // parsed: keep one copy only
}

void ApiCall::onParsed(ApiResult result)
{
    if (!result.error.isOk()) {
        onFailure(result, m_request.isIdempotent(), policy().backoffMs(failedAttempts()));
        return;
    }
    finish(result);
}

bool ApiCall::retryBudgetAllows(qint64 delayMs) const
{
    const RetryPolicy& retry = policy();
    return failedAttempts() < retry.maxAttempts && m_elapsed.elapsed() + delayMs <= retry.maxTotalMs;
}

void ApiCall::onFailure(ApiResult result, bool retryable, qint64 delayMs)
{
    if (retryable && retryBudgetAllows(delayMs)) {
        qCInfo(lcConnectWise).noquote() << "retrying" << m_request.verb() << m_request.path << "in" << delayMs
                                        << "ms after" << ApiError::kindName(result.error.kind) << result.httpStatus;
        emit retrying(result.error, m_attempts + 1, int(delayMs));
        m_retryTimer.start(int(delayMs)); // holds no slot meanwhile
        return;
    }
    if (!m_request.isIdempotent()) {
        const ApiError::Kind kind = result.error.kind;
        // These failures can happen after the server received (and perhaps stored) the record.
        result.error.outcomeUnknown = kind == ApiError::Kind::ServerError || kind == ApiError::Kind::Timeout ||
            kind == ApiError::Kind::ConnectionDropped || kind == ApiError::Kind::MalformedResponse ||
            kind == ApiError::Kind::Unreachable;
    }
    finish(result);
}

void ApiCall::onNotFound(ApiResult result)
{
    if (m_rediscovered || !m_request.absoluteUrl.isEmpty() || !m_client->canRediscoverCodebase()) {
        finish(result);
        return;
    }
    m_rediscovered = true;
    const QUrl before = m_client->baseUrl();
    m_client->rediscoverCodebase(this, [this, result, before](const ApiError& error) {
        if (m_finished) {
            return;
        }
        if (error.isOk() && m_client->baseUrl() != before) {
            qCInfo(lcConnectWise).noquote() << "codebase moved; base URL is now" << m_client->baseUrl().toString()
                                            << "- sending" << m_request.path << "again";
            acquireAndSend();
            return;
        }
        finish(result);
    });
}

void ApiCall::cancel()
{
    if (m_finished) {
        return;
    }
    m_retryTimer.stop();
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    ApiResult result;
    result.error.kind = ApiError::Kind::Cancelled;
    finish(result);
}

void ApiCall::finish(ApiResult result)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_retryTimer.stop();
    m_governor->release(m_ticket, RateGovernor::Outcome::Abandoned); // if it still holds or waits for a slot
    result.attempts = m_attempts;
    result.elapsedMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    if (!result.error.isOk()) {
        result.error.attempts = m_attempts;
        if (result.error.host.isEmpty()) {
            const QUrl url = result.url.isEmpty() ? m_request.url(m_client->baseUrl()) : result.url;
            result.error.host =
                url.port() > 0 ? url.host() + QLatin1Char(':') + QString::number(url.port()) : url.host();
        }
        if (result.error.endpoint.isEmpty()) {
            result.error.endpoint = m_request.absoluteUrl.isEmpty() ? m_request.path : m_request.absoluteUrl.path();
        }
        if (result.error.companyId.isEmpty()) {
            result.error.companyId = m_client->connection().companyId;
        }
        if (result.error.kind != ApiError::Kind::Cancelled) {
            qCWarning(lcConnectWise).noquote() << m_request.verb() << "failed:" << result.error.summary();
        }
    }
    emit finished(result);
    deleteLater();
}

} // namespace Cw
