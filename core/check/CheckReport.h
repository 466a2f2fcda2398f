#pragma once

#include "core/check/CheckResult.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

namespace Cw {

// The systems check written down: JSON for scripts (cwconnector-cli check --json) and a plain-text
// support report an admin can send to a vendor. Both are redacted: the secrets given to the report
// (keys, and their Basic-auth base64 form) are replaced wherever they appear.
class CheckReport final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::CheckReport)

public:
    explicit CheckReport(CheckSummary summary);

    // Facts shown at the top of the report (company id, site, API URL, app version, ...). Never keys.
    void setContext(const QMap<QString, QString>& context) { m_context = context; }
    // Strings to remove from every field of the report.
    void addSecrets(const QStringList& secrets);

    QJsonObject toJson() const;
    QString toText() const;

    QString redact(const QString& text) const;

private:
    CheckSummary m_summary;
    QMap<QString, QString> m_context;
    QStringList m_secrets;
};

} // namespace Cw
