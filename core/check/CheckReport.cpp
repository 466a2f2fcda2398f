#include "core/check/CheckReport.h"

#include "core/CwVersion.h"

#include <QJsonArray>
#include <QSysInfo>

namespace Cw {

CheckReport::CheckReport(CheckSummary summary) : m_summary(std::move(summary)) { }

void CheckReport::addSecrets(const QStringList& secrets)
{
    for (const QString& s : secrets) {
        // Very short strings would redact ordinary words; real keys are long.
        if (s.size() >= 4 && !m_secrets.contains(s)) {
            m_secrets.append(s);
        }
    }
}

QString CheckReport::redact(const QString& text) const
{
    QString out = text;
    for (const QString& s : m_secrets) {
        out.replace(s, QLatin1String("[redacted]"), Qt::CaseInsensitive);
    }
    return out;
}

QJsonObject CheckReport::toJson() const
{
    QJsonArray layers;
    for (const CheckResult& r : m_summary.results) {
        QJsonObject o {
            {QStringLiteral("id"), r.id},
            {QStringLiteral("title"), redact(r.title)},
            {QStringLiteral("status"), CheckResult::statusName(r.status)},
            {QStringLiteral("durationMs"), r.durationMs},
            {QStringLiteral("summary"), redact(r.summary)},
        };
        if (!r.diagnosis.isEmpty()) {
            o.insert(QStringLiteral("diagnosis"), redact(r.diagnosis));
        }
        if (!r.fix.isEmpty()) {
            o.insert(QStringLiteral("fix"), redact(r.fix));
        }
        if (!r.details.isEmpty()) {
            o.insert(QStringLiteral("details"), redact(r.details));
        }
        if (!r.errorKind.isEmpty()) {
            o.insert(QStringLiteral("error"), r.errorKind);
        }
        layers.append(o);
    }
    QJsonObject context;
    for (auto it = m_context.cbegin(); it != m_context.cend(); ++it) {
        context.insert(it.key(), redact(it.value()));
    }
    QJsonObject root {
        {QStringLiteral("passed"), m_summary.passed()},
        {QStringLiteral("cancelled"), m_summary.cancelled},
        {QStringLiteral("startedAt"), m_summary.startedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("finishedAt"), m_summary.finishedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("layers"), layers},
        {QStringLiteral("context"), context},
    };
    if (const CheckResult* failure = m_summary.firstFailure()) {
        root.insert(QStringLiteral("failure"), failure->id);
    }
    return root;
}

QString CheckReport::toText() const
{
    QString out;
    out += tr("cwconnector systems check") + QLatin1Char('\n');
    out += tr("Application: cwconnector %1 on %2").arg(QString::fromLatin1(kVersion), QSysInfo::prettyProductName()) +
        QLatin1Char('\n');
    out += tr("Started: %1").arg(m_summary.startedAt.toString(Qt::ISODate)) + QLatin1Char('\n');
    for (auto it = m_context.cbegin(); it != m_context.cend(); ++it) {
        out += it.key() + QLatin1String(": ") + redact(it.value()) + QLatin1Char('\n');
    }
    out += tr("Result: %1")
               .arg(m_summary.cancelled      ? tr("cancelled")
                        : m_summary.passed() ? tr("passed")
                                             : tr("failed")) +
        QLatin1String("\n\n");
    for (const CheckResult& r : m_summary.results) {
        out += QLatin1Char('[') + CheckResult::statusName(r.status).toUpper() + QLatin1String("] ") + redact(r.title) +
            QLatin1String(" (") + tr("%1 ms").arg(r.durationMs) + QLatin1String(")\n");
        if (!r.summary.isEmpty() && r.summary != r.diagnosis) {
            out += QLatin1String("    ") + redact(r.summary) + QLatin1Char('\n');
        }
        if (!r.diagnosis.isEmpty()) {
            out += QLatin1String("    ") + tr("Problem: %1").arg(redact(r.diagnosis)) + QLatin1Char('\n');
        }
        if (!r.fix.isEmpty()) {
            out += QLatin1String("    ") + tr("Fix: %1").arg(redact(r.fix)) + QLatin1Char('\n');
        }
        if (!r.details.isEmpty()) {
            out += QLatin1String("    ") + tr("Details: %1").arg(redact(r.details)) + QLatin1Char('\n');
        }
    }
    return out;
}

} // namespace Cw
