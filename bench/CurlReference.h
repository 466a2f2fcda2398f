#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// The curl reference of cwbench_sync: a list of URLs fetched raw by one curl process over one connection,
// nothing parsed. Headers (Authorization included) go into a curl config file readable by the owner only,
// never onto the command line.
namespace Bench {

struct CurlRun
{
    QString error; // empty when curl ran and every transfer answered 200
    double seconds = 0; // wall time of the curl process (start-up, TLS handshake and every transfer)
    int transfers = 0;
    int connections = 0; // new connections curl opened (1 = one connection reused for every URL)
    qint64 bytes = 0; // body bytes received
    qint64 records = -1; // top-level array elements in the bodies (counted only when asked)

    bool ok() const { return error.isEmpty(); }
};

class CurlReference final
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    // curl from PATH (empty when it is missing).
    static QString findCurl();

    // caFile: the CA that signs the server's certificate; headers: sent with every request.
    CurlReference(QString curl, QString caFile, Headers headers);

    // Fetches urls in order with one curl process. The bodies go to /dev/null, unless countRecords: then
    // they are piped here and their top-level array elements counted (slower: a check, not a figure).
    CurlRun fetch(const QStringList& urls, bool countRecords) const;

    // The target with one query parameter removed ("fields"), the rest kept byte for byte.
    static QString withoutQueryItem(const QString& target, const QString& name);

private:
    QString m_curl;
    QString m_caFile;
    Headers m_headers;
};

// Counts the elements of the top-level JSON arrays in a stream of concatenated arrays ("[{..},{..}][{..}]")
// without parsing them: it only follows strings, escapes and nesting.
class JsonElementCounter final
{
public:
    void feed(const QByteArray& bytes);
    qint64 count() const { return m_count; }
    bool balanced() const { return m_depth == 0 && !m_inString; }

private:
    qint64 m_count = 0;
    int m_depth = 0;
    bool m_inString = false;
    bool m_escape = false;
    bool m_expectElement = false; // just after '[' or ',' at depth 1
};

} // namespace Bench
