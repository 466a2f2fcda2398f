#include "core/connectwise/LinkHeader.h"

#include <QUrlQuery>

namespace Cw {

LinkHeader LinkHeader::parse(const QByteArray& value)
{
    LinkHeader header;
    const QString text = QString::fromUtf8(value);
    qsizetype pos = 0;
    while (true) {
        const qsizetype open = text.indexOf(QLatin1Char('<'), pos);
        if (open < 0) {
            break;
        }
        const qsizetype close = text.indexOf(QLatin1Char('>'), open + 1);
        if (close < 0) {
            break;
        }
        const QUrl url(text.mid(open + 1, close - open - 1).trimmed(), QUrl::TolerantMode);
        qsizetype next = text.indexOf(QLatin1Char('<'), close + 1);
        const QString params = text.mid(close + 1, next < 0 ? -1 : next - close - 1);
        const QStringList parts = params.split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (const QString& part : parts) {
            const QString p = part.trimmed();
            if (!p.startsWith(QLatin1String("rel"), Qt::CaseInsensitive)) {
                continue;
            }
            const qsizetype eq = p.indexOf(QLatin1Char('='));
            if (eq < 0) {
                continue;
            }
            QString rels = p.mid(eq + 1).trimmed();
            while (rels.endsWith(QLatin1Char(',')) || rels.endsWith(QLatin1Char(' '))) {
                rels.chop(1);
            }
            if (rels.startsWith(QLatin1Char('"')) && rels.endsWith(QLatin1Char('"')) && rels.size() >= 2) {
                rels = rels.mid(1, rels.size() - 2);
            }
            const QStringList names = rels.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (const QString& rel : names) {
                if (url.isValid() && !url.isEmpty()) {
                    header.m_links.insert(rel.toLower(), url);
                }
            }
        }
        if (next < 0) {
            break;
        }
        pos = next;
    }
    return header;
}

QString LinkHeader::parameter(const QString& rel, const QString& name) const
{
    const QUrl u = url(rel);
    if (u.isEmpty()) {
        return QString();
    }
    return QUrlQuery(u).queryItemValue(name, QUrl::FullyDecoded);
}

} // namespace Cw
