#include "core/sync/SyncIdentifier.h"

#include <QCryptographicHash>

namespace Cw {

QString SyncIdentifier::make(const QString& name, const QString& localId, int attempt)
{
    QString base;
    const QString folded = name.normalized(QString::NormalizationForm_KD).toUpper();
    for (const QChar c : folded) {
        if (base.size() >= 16) {
            break;
        }
        if ((c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))) {
            base.append(c);
        }
    }
    QByteArray seed = localId.toUtf8();
    if (attempt > 0) {
        seed += '#' + QByteArray::number(attempt);
    }
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // 32 symbols, no 0/O/1/I
    const QByteArray digest = QCryptographicHash::hash(seed, QCryptographicHash::Sha256);
    quint64 bits = 0;
    for (int i = 0; i < 5; ++i) {
        bits = (bits << 8) | static_cast<quint8>(digest.at(i));
    }
    QString hash;
    for (int i = 0; i < 8; ++i) {
        hash.append(QLatin1Char(alphabet[bits & 31]));
        bits >>= 5;
    }
    const QString result = base + hash;
    return result.left(kMaxLength);
}

} // namespace Cw
