#include "app/sim/SimConfig.h"

#include <QRegularExpression>

namespace Sim {

QString SimConfig::nextCodebase(const QString& codebase)
{
    static const QRegularExpression pattern(QStringLiteral("^v(\\d{4})_(\\d+)/$"));
    const QRegularExpressionMatch match = pattern.match(codebase);
    if (!match.hasMatch()) {
        return QStringLiteral("v2099_1/");
    }
    return QStringLiteral("v%1_%2/").arg(match.captured(1)).arg(match.captured(2).toInt() + 1);
}

void SimConfig::setCodebase(const QString& value)
{
    codebase = value;
    QString version = value;
    version.chop(version.endsWith(QLatin1Char('/')) ? 1 : 0);
    version.replace(QLatin1Char('_'), QLatin1Char('.'));
    versionCode = version;
    versionNumber = QStringLiteral("v4.6.") + version.mid(1);
}

} // namespace Sim
