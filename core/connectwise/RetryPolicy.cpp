#include "core/connectwise/RetryPolicy.h"

#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>

#include <algorithm>

namespace Cw {

int RetryPolicy::backoffMs(int retry) const
{
    if (baseDelayMs <= 0) {
        return 0;
    }
    const int exponent = std::clamp(retry - 1, 0, 20);
    const qint64 full = std::min<qint64>(qint64(baseDelayMs) << exponent, std::max(maxDelayMs, baseDelayMs));
    const qint64 half = full / 2;
    return int(half + QRandomGenerator::global()->bounded(half + 1));
}

qint64 RetryPolicy::parseRetryAfterMs(const QByteArray& value, const QDateTime& now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty()) {
        return -1;
    }
    bool isNumber = false;
    const qint64 seconds = text.toLongLong(&isNumber);
    if (isNumber) {
        return seconds < 0 ? -1 : seconds * 1000;
    }
    const QString s = QString::fromLatin1(text);
    QDateTime when = QDateTime::fromString(s, Qt::RFC2822Date);
    if (!when.isValid()) {
        // IMF-fixdate with a literal GMT, which not every Qt version reads as RFC 2822.
        QString withoutZone = s;
        if (withoutZone.endsWith(QLatin1String(" GMT")) || withoutZone.endsWith(QLatin1String(" UTC"))) {
            withoutZone.chop(4);
        }
        when = QLocale::c().toDateTime(withoutZone, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
        if (!when.isValid()) {
            return -1;
        }
        when = QDateTime(when.date(), when.time(), QTimeZone::utc());
    }
    return std::max<qint64>(0, now.msecsTo(when));
}

} // namespace Cw
