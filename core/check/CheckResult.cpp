#include "core/check/CheckResult.h"

namespace Cw {

QString CheckResult::statusName(Status status)
{
    switch (status) {
    case Status::Pending:
        return QStringLiteral("pending");
    case Status::Running:
        return QStringLiteral("running");
    case Status::Passed:
        return QStringLiteral("passed");
    case Status::Warning:
        return QStringLiteral("warning");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::Skipped:
        return QStringLiteral("skipped");
    }
    return QString();
}

bool CheckSummary::passed() const
{
    if (cancelled || results.isEmpty()) {
        return false;
    }
    for (const CheckResult& r : results) {
        if (r.status == CheckResult::Status::Failed || r.status == CheckResult::Status::Skipped || !r.isDone()) {
            return false;
        }
    }
    return true;
}

bool CheckSummary::unreachable() const
{
    for (const CheckResult& r : results) {
        if (r.status == CheckResult::Status::Failed &&
            (r.id == QLatin1String("dns") || r.id == QLatin1String("tcp") || r.id == QLatin1String("tls"))) {
            return true;
        }
    }
    return false;
}

const CheckResult* CheckSummary::find(const QString& id) const
{
    for (const CheckResult& r : results) {
        if (r.id == id) {
            return &r;
        }
    }
    return nullptr;
}

const CheckResult* CheckSummary::firstFailure() const
{
    for (const CheckResult& r : results) {
        if (r.status == CheckResult::Status::Failed) {
            return &r;
        }
    }
    return nullptr;
}

} // namespace Cw
