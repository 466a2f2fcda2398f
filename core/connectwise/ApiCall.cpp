#include "core/connectwise/ApiCall.h"

#include "core/connectwise/ApiClient.h"
#include "core/connectwise/ConnectWiseLog.h"
#include "core/connectwise/ErrorClassifier.h"

#include <QIODevice>
#include <QNetworkReply>

#include <algorithm>
#include <cstring>

namespace Cw {

namespace {

// A request body that can be read once and never rewound (see the POST case in ApiCall::send()).
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject* parent) : QIODevice(parent), m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    qint64 size() const override { return m_data.size(); }

protected:
    qint64 readData(char* out, qint64 max) override
    {
        const qint64 n = std::min<qint64>(max, m_data.size() - m_pos);
        if (n <= 0) {
            return m_pos >= m_data.size() ? -1 : 0;
        }
        memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace

ApiCall::ApiCall(ApiClient* client, ApiRequest request)
    : QObject(client), m_client(client), m_request(std::move(request))
{
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire up to 5% before Retry-After
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiCall::send);
}

ApiCall::~ApiCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
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
        send();
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
        send();
    });
}

void ApiCall::send()
{
    if (m_finished) {
        return;
    }
    ++m_attempts;
    m_sslErrors.clear();
    const QUrl url = m_request.url(m_client->baseUrl());
    QNetworkRequest request = m_client->buildRequest(url, m_request);
    QNetworkAccessManager* nam = m_client->networkAccessManager();
    switch (m_request.method) {
    case ApiRequest::Method::Get:
        m_reply = nam->get(request);
        break;
    case ApiRequest::Method::Delete:
        m_reply = nam->deleteResource(request);
        break;
    case ApiRequest::Method::Post: {
        // Qt silently sends a request again when a connection closes before any answer byte. For a POST
        // that could create a record twice, so its body is a one-shot stream: Qt cannot rewind it and
        // reports ContentReSendError instead, which becomes "outcome unknown".
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_request.body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto* body = new OneShotBody(m_request.body, this);
        m_reply = nam->sendCustomRequest(request, m_request.verb(), body);
        connect(m_reply, &QObject::destroyed, body, &QObject::deleteLater);
        break;
    }
    default:
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        m_reply = nam->sendCustomRequest(request, m_request.verb(), m_request.body);
        break;
    }
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

    if (status >= 400) {
        result.error = ErrorClassifier::fromHttp(status, result.body, m_request.path);
        if (status == 429) {
            const qint64 wait =
                RetryPolicy::parseRetryAfterMs(result.header("Retry-After"), QDateTime::currentDateTimeUtc());
            result.error.retryAfterSeconds = wait < 0 ? -1 : int((wait + 999) / 1000);
            const RetryPolicy& policy = m_client->connection().retry;
            const qint64 delay = wait < 0 ? policy.backoffMs(m_attempts) : wait;
            // The server did not process a rate-limited request, so even a POST may be sent again.
            onFailure(result, delay <= policy.maxRetryAfterMs, delay);
            return;
        }
        if (status >= 500) {
            onFailure(result, idempotent, m_client->connection().retry.backoffMs(m_attempts));
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
        if (status >= 200 && status < 300) {
            // Headers arrived, then the connection broke: the body is cut off.
            result.error.kind = ApiError::Kind::MalformedResponse;
            result.error.truncated = true;
            result.error.detail = reply->errorString();
        } else {
            result.error = ErrorClassifier::fromNetwork(networkError, reply->errorString(), m_sslErrors);
            const ProxySettings& proxy = m_client->connection().proxy;
            if (proxy.mode == ProxySettings::Mode::Manual &&
                (result.error.kind == ApiError::Kind::ConnectionRefused ||
                 result.error.kind == ApiError::Kind::HostNotFound)) {
                // With a manual proxy the only host we connect to is the proxy: it is the one that failed.
                result.error.kind = ApiError::Kind::Proxy;
                result.error.host = proxy.host + QLatin1Char(':') + QString::number(proxy.port);
            }
        }
        const ApiError::Kind kind = result.error.kind;
        const bool transient = kind == ApiError::Kind::MalformedResponse ||
            ErrorClassifier::isTransientNetworkError(networkError) ||
            (kind == ApiError::Kind::Timeout && m_client->connection().retry.retryTimeouts);
        onFailure(result, transient && idempotent, m_client->connection().retry.backoffMs(m_attempts));
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

    if (m_request.expectJson && !result.body.trimmed().isEmpty()) {
        QJsonParseError parseError {};
        result.json = QJsonDocument::fromJson(result.body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            result.json = QJsonDocument();
            result.error.kind = ApiError::Kind::MalformedResponse;
            const qint64 declared = result.header("Content-Length").toLongLong();
            result.error.truncated = declared > result.body.size() || parseError.offset >= result.body.trimmed().size();
            result.error.detail = parseError.errorString();
            onFailure(result, idempotent, m_client->connection().retry.backoffMs(m_attempts));
            return;
        }
        result.body.clear(); // parsed: keep one copy only
    }
    finish(result);
}

bool ApiCall::retryBudgetAllows(qint64 delayMs) const
{
    const RetryPolicy& policy = m_client->connection().retry;
    return m_attempts < policy.maxAttempts && m_elapsed.elapsed() + delayMs <= policy.maxTotalMs;
}

void ApiCall::onFailure(ApiResult result, bool retryable, qint64 delayMs)
{
    if (retryable && retryBudgetAllows(delayMs)) {
        qCInfo(lcConnectWise).noquote() << "retrying" << m_request.verb() << m_request.path << "in" << delayMs
                                        << "ms after" << ApiError::kindName(result.error.kind) << result.httpStatus;
        emit retrying(result.error, m_attempts + 1, int(delayMs));
        m_retryTimer.start(int(delayMs));
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
            send();
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
