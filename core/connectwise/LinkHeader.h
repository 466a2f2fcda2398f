#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QUrl>

namespace Cw {

// RFC 8288 Link header as ConnectWise sends it for paging:
//   <https://host/v2025_1/apis/3.0/company/companies?pageSize=50&page=2>; rel="next", <...>; rel="last"
// URLs are taken between < and >, so commas inside them do not split entries.
class LinkHeader final
{
public:
    static LinkHeader parse(const QByteArray& value);

    bool isEmpty() const { return m_links.isEmpty(); }
    bool has(const QString& rel) const { return m_links.contains(rel); }
    QUrl url(const QString& rel) const { return m_links.value(rel); }
    // A query parameter of the rel's URL ("pageId" of "next"), empty if absent.
    QString parameter(const QString& rel, const QString& name) const;

private:
    QMap<QString, QUrl> m_links; // rel (lower case) -> URL
};

} // namespace Cw
