#include "core/check/CheckStep.h"

#include "core/check/CheckLog.h"

namespace Cw {

CheckStep::CheckStep(const QString& id, const QString& title, const QStringList& dependsOn, QObject* parent)
    : QObject(parent), m_dependsOn(dependsOn)
{
    m_result.id = id;
    m_result.title = title;
}

CheckStep::~CheckStep() = default;

void CheckStep::start()
{
    if (m_result.status != CheckResult::Status::Pending) {
        return;
    }
    m_result.status = CheckResult::Status::Running;
    m_timer.start();
    qCDebug(lcCheck) << "step started:" << m_result.id;
    run();
}

void CheckStep::cancel()
{
    if (m_result.isDone()) {
        return;
    }
    // Whatever the step reports while it is being stopped (e.g. a request failing as "cancelled") is
    // recorded as a cancellation, not as a failure of the layer.
    m_cancelling = true;
    if (m_result.status == CheckResult::Status::Running) {
        abort();
    }
    if (!m_result.isDone()) {
        finish(CheckResult::Status::Skipped, tr("Cancelled"), tr("The check was cancelled before this step finished."),
               QString(), QString());
    }
}

void CheckStep::skip(const QString& reason)
{
    if (m_result.isDone()) {
        return;
    }
    finish(CheckResult::Status::Skipped, tr("Not run"), reason, QString(), QString());
}

void CheckStep::pass(const QString& summary, const QString& details)
{
    finish(CheckResult::Status::Passed, summary, QString(), QString(), details);
}

void CheckStep::warn(const QString& summary, const QString& diagnosis, const QString& fix, const QString& details)
{
    finish(CheckResult::Status::Warning, summary, diagnosis, fix, details);
}

void CheckStep::fail(const QString& diagnosis, const QString& fix, const QString& details, const QString& errorKind)
{
    finish(CheckResult::Status::Failed, diagnosis, diagnosis, fix, details, errorKind);
}

void CheckStep::finish(CheckResult::Status status, const QString& summary, const QString& diagnosis, const QString& fix,
                       const QString& details, const QString& errorKind)
{
    if (m_result.isDone()) {
        return; // a step reports once
    }
    if (m_cancelling && status != CheckResult::Status::Skipped) {
        finish(CheckResult::Status::Skipped, tr("Cancelled"), tr("The check was cancelled before this step finished."),
               QString(), QString());
        return;
    }
    m_result.status = status;
    m_result.summary = summary;
    m_result.diagnosis = diagnosis;
    m_result.fix = fix;
    m_result.details = details;
    m_result.errorKind = errorKind;
    m_result.durationMs = m_timer.isValid() ? m_timer.elapsed() : 0;
    qCInfo(lcCheck) << "step" << m_result.id << CheckResult::statusName(status) << m_result.durationMs << "ms";
    emit finished(m_result);
}

} // namespace Cw
