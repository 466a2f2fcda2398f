#include "app/sim/HttpServer.h"

#include "app/sim/SimLog.h"

#include <QFile>
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
    const bool http10 = requestLine.at(2) == "HTTP/1.0";
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
    const QByteArray connection = r.header("Connection").toLower();
    r.keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
    buffer.remove(0, total);

    const qsizetype question = r.target.indexOf('?');
    const QByteArray rawPath = question < 0 ? r.target : r.target.left(question);
    r.path = QByteArray::fromPercentEncoding(rawPath);
    if (question >= 0) {
        // Form-style '+' means a space; a literal plus arrives as %2B.
        QByteArray rawQuery = r.target.mid(question + 1);
        rawQuery.replace('+', "%20");
        r.query = QUrlQuery(QString::fromUtf8(rawQuery));
    }
    *request = r;
    return true;
}

// True when the buffered request head is complete and asks for "Expect: 100-continue".
bool expectsContinue(const QByteArray& buffer)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    return headerEnd > 0 && buffer.left(headerEnd).toLower().contains("\r\nexpect: 100-continue");
}

} // namespace

HttpServer::HttpServer(Handler handler, QObject* parent) : QObject(parent), m_handler(std::move(handler)) { }

HttpServer::~HttpServer()
{
    // Close the listener and its connections while m_connections still exists (their destroyed()
    // handler removes them from it).
    delete m_server;
    m_server = nullptr;
}

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
        connect(server, &QSslServer::errorOccurred, this, [](QSslSocket*, QAbstractSocket::SocketError error) {
            qCDebug(lcSim) << "TLS connection failed:" << error;
        });
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

bool HttpServer::loadTls(const QString& certFile, const QString& keyFile, const QString& chainFile, QString* error)
{
    QList<QSslCertificate> chain = QSslCertificate::fromPath(certFile, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = tr("cannot read a PEM certificate from %1").arg(certFile);
        return false;
    }
    if (!chainFile.isEmpty()) {
        const QList<QSslCertificate> extra = QSslCertificate::fromPath(chainFile, QSsl::Pem);
        if (extra.isEmpty()) {
            *error = tr("cannot read PEM certificates from %1").arg(chainFile);
            return false;
        }
        chain += extra;
    }
    QFile file(keyFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(keyFile, file.errorString());
        return false;
    }
    const QByteArray pem = file.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull()) {
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    }
    if (key.isNull()) {
        *error = tr("cannot read a PEM RSA or EC private key from %1").arg(keyFile);
        return false;
    }
    setTls(chain, key);
    return true;
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        Connection connection;
        connection.serial = ++m_accepted;
        m_connections.insert(socket, connection);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this,
                [this](QObject* object) { m_connections.remove(static_cast<QTcpSocket*>(object)); });
        if (socket->bytesAvailable() > 0) {
            onReadyRead(socket);
        }
    }
}

void HttpServer::onReadyRead(QTcpSocket* socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        return;
    }
    it->buffer += socket->readAll();
    processBuffered(socket);
}

// Answers the buffered requests in order. A delayed reply parks the connection (busy): requests
// pipelined behind it are answered only after it, so replies never overtake each other.
void HttpServer::processBuffered(QTcpSocket* socket)
{
    for (;;) {
        auto it = m_connections.find(socket);
        if (it == m_connections.end() || it->busy || it->closing) {
            return;
        }
        HttpRequest request;
        bool bad = false;
        if (!takeRequest(it->buffer, &request, &bad)) {
            if (!bad && !it->continueSent && expectsContinue(it->buffer)) {
                it->continueSent = true; // curl waits for this before sending a larger body
                m_link.write(socket, "HTTP/1.1 100 Continue\r\n\r\n");
            }
            if (bad) {
                qCDebug(lcSim) << "malformed request; answering 400 and closing";
                it->closing = true;
                m_link.write(socket, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                             true);
            }
            return;
        }
        it->continueSent = false;
        request.connection = it->serial;
        const HttpResponse response = m_handler(request);
        if (response.delayMs > 0) {
            it = m_connections.find(socket);
            if (it == m_connections.end()) {
                return;
            }
            it->busy = true;
            QTimer::singleShot(response.delayMs, socket, [this, socket, request, response] {
                const auto pending = m_connections.find(socket);
                if (pending == m_connections.end()) {
                    return;
                }
                pending->busy = false;
                if (respond(socket, request, response)) {
                    processBuffered(socket);
                }
            });
            return;
        }
        if (!respond(socket, request, response)) {
            return;
        }
    }
}

bool HttpServer::respond(QTcpSocket* socket, const HttpRequest& request, const HttpResponse& response)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end() || it->closing || socket->state() != QAbstractSocket::ConnectedState) {
        return false;
    }
    if (response.delivery == HttpResponse::Delivery::Drop) {
        it->closing = true;
        // Close without answering; replies already queued for earlier requests still go out first.
        m_link.write(socket, QByteArray(), true);
        return false;
    }
    const bool close = !request.keepAlive || response.delivery == HttpResponse::Delivery::Truncated;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto& h : response.headers) {
        head += h.first + ": " + h.second + "\r\n";
    }
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (close) {
        head += "Connection: close\r\n";
    }
    head += "\r\n";
    if (response.delivery == HttpResponse::Delivery::Truncated) {
        it->closing = true;
        m_link.write(socket, head + response.body.left(response.body.size() / 2), true); // then close
        return false;
    }
    if (request.method == "HEAD" || response.body.isEmpty()) {
        m_link.write(socket, head, close);
    } else if (response.body.size() < 64 * 1024) {
        m_link.write(socket, head + response.body, close); // one write, one segment for small replies
    } else {
        m_link.write(socket, head);
        m_link.write(socket, response.body, close);
    }
    if (close) {
        it->closing = true;
        return false;
    }
    return true;
}

} // namespace Sim
