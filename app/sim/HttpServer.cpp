#include "app/sim/HttpServer.h"

#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace Sim {

namespace {

constexpr int kMaxHeaderBytes = 64 * 1024;
constexpr qint64 kMaxBodyBytes = 32 * 1024 * 1024;
const char* const kBufferProperty = "cwsim_buffer";

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

// Parses one complete request from the front of buffer. Returns false when more bytes are needed;
// sets *bad when the bytes can never form a request.
bool takeRequest(QByteArray& buffer, HttpRequest* request, bool* bad)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        *bad = buffer.size() > kMaxHeaderBytes;
        return false;
    }
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        *bad = true;
        return false;
    }
    HttpRequest r;
    r.method = requestLine.at(0);
    r.target = requestLine.at(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            continue;
        }
        r.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    if (!r.header("Transfer-Encoding").isEmpty()) {
        *bad = true; // chunked request bodies are not needed by any client we serve
        return false;
    }
    bool ok = true;
    const QByteArray lengthText = r.header("Content-Length");
    const qint64 length = lengthText.isEmpty() ? 0 : lengthText.toLongLong(&ok);
    if (!ok || length < 0 || length > kMaxBodyBytes) {
        *bad = true;
        return false;
    }
    const qsizetype total = headerEnd + 4 + length;
    if (buffer.size() < total) {
        return false;
    }
    r.body = buffer.mid(headerEnd + 4, length);
    buffer.remove(0, total);

    const qsizetype question = r.target.indexOf('?');
    const QByteArray rawPath = question < 0 ? r.target : r.target.left(question);
    r.path = QByteArray::fromPercentEncoding(rawPath);
    if (question >= 0) {
        r.query = QUrlQuery(QString::fromUtf8(r.target.mid(question + 1)));
    }
    *request = r;
    return true;
}

} // namespace

HttpServer::HttpServer(Handler handler, QObject* parent) : QObject(parent), m_handler(std::move(handler)) { }

HttpServer::~HttpServer() = default;

void HttpServer::setTls(const QList<QSslCertificate>& chain, const QSslKey& key)
{
    m_chain = chain;
    m_key = key;
}

bool HttpServer::listen(const QHostAddress& address, quint16 port)
{
    if (isTls()) {
        auto* server = new QSslServer(this);
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificateChain(m_chain);
        config.setPrivateKey(m_key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        server->setSslConfiguration(config);
        m_server = server;
    } else {
        m_server = new QTcpServer(this);
    }
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::onNewConnection);
    return m_server->listen(address, port);
}

quint16 HttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QString HttpServer::errorString() const
{
    return m_server ? m_server->errorString() : QString();
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        if (socket->bytesAvailable() > 0) {
            onReadyRead(socket);
        }
    }
}

void HttpServer::onReadyRead(QTcpSocket* socket)
{
    QByteArray buffer = socket->property(kBufferProperty).toByteArray() + socket->readAll();
    // Answer one request at a time: a delayed reply must not let the next one overtake it.
    if (socket->property("cwsim_busy").toBool()) {
        socket->setProperty(kBufferProperty, buffer);
        return;
    }
    HttpRequest request;
    bool bad = false;
    if (!takeRequest(buffer, &request, &bad)) {
        socket->setProperty(kBufferProperty, buffer);
        if (bad) {
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
        }
        return;
    }
    socket->setProperty(kBufferProperty, buffer);
    const HttpResponse response = m_handler(request);
    if (response.delayMs > 0) {
        socket->setProperty("cwsim_busy", true);
        QTimer::singleShot(response.delayMs, socket, [this, socket, request, response] {
            socket->setProperty("cwsim_busy", false);
            respond(socket, request, response);
        });
        return;
    }
    respond(socket, request, response);
}

void HttpServer::respond(QTcpSocket* socket, const HttpRequest& request, const HttpResponse& response)
{
    if (response.delivery == HttpResponse::Delivery::Drop) {
        socket->abort();
        return;
    }
    const bool close = request.header("Connection").compare("close", Qt::CaseInsensitive) == 0 ||
        response.delivery == HttpResponse::Delivery::Truncated;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto& h : response.headers) {
        head += h.first + ": " + h.second + "\r\n";
    }
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (close) {
        head += "Connection: close\r\n";
    }
    head += "\r\n";
    socket->write(head);
    if (response.delivery == HttpResponse::Delivery::Truncated) {
        socket->write(response.body.left(response.body.size() / 2));
        socket->flush();
        socket->disconnectFromHost();
        return;
    }
    if (request.method != "HEAD") {
        socket->write(response.body);
    }
    if (close) {
        socket->disconnectFromHost();
        return;
    }
    if (socket->bytesAvailable() > 0 || !socket->property(kBufferProperty).toByteArray().isEmpty()) {
        QTimer::singleShot(0, socket, [this, socket] { onReadyRead(socket); });
    }
}

} // namespace Sim
