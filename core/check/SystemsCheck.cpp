#include "core/check/SystemsCheck.h"

#include "core/check/CheckStep.h"

#include <QTimer>

namespace Cw {

SystemsCheck::SystemsCheck(QObject* parent) : QObject(parent) { }

SystemsCheck::~SystemsCheck()
{
    // Steps are children; make sure none reports into a half-destroyed runner.
    for (CheckStep* s : std::as_const(m_steps)) {
        s->disconnect(this);
    }
}

void SystemsCheck::addStep(CheckStep* step)
{
    step->setParent(this);
    m_steps.append(step);
    connect(step, &CheckStep::finished, this, [this](const CheckResult& result) {
        emit stepFinished(result);
        // Let the step return from its own call stack before starting the next ones.
        QTimer::singleShot(0, this, &SystemsCheck::schedule);
    });
}

CheckStep* SystemsCheck::step(const QString& id) const
{
    for (CheckStep* s : m_steps) {
        if (s->id() == id) {
            return s;
        }
    }
    return nullptr;
}

void SystemsCheck::start()
{
    if (m_running) {
        return;
    }
    m_running = true;
    m_cancelled = false;
    m_summary = CheckSummary();
    m_summary.startedAt = QDateTime::currentDateTimeUtc();
    schedule();
}

void SystemsCheck::schedule()
{
    if (!m_running) {
        return;
    }
    bool progressed = true;
    while (progressed) {
        progressed = false;
        for (CheckStep* s : std::as_const(m_steps)) {
            if (s->result().status != CheckResult::Status::Pending) {
                continue;
            }
            bool ready = true;
            QString blockedBy;
            for (const QString& dep : s->dependsOn()) {
                const CheckStep* d = step(dep);
                if (!d) {
                    continue; // a dependency that is not part of this check does not block
                }
                if (!d->result().isDone()) {
                    ready = false;
                    break;
                }
                const auto status = d->result().status;
                if (status != CheckResult::Status::Passed && status != CheckResult::Status::Warning) {
                    blockedBy = d->result().title;
                }
            }
            if (!ready) {
                continue;
            }
            if (!blockedBy.isEmpty()) {
                s->skip(tr("Not run because “%1” did not pass.").arg(blockedBy));
                progressed = true; // its own dependants can now be resolved in this pass
                continue;
            }
            emit stepStarted(s->id());
            s->start();
        }
    }
    for (const CheckStep* s : std::as_const(m_steps)) {
        if (!s->result().isDone()) {
            return;
        }
    }
    m_running = false;
    m_summary = summary();
    m_summary.finishedAt = QDateTime::currentDateTimeUtc();
    emit finished(m_summary);
}

void SystemsCheck::cancel()
{
    if (!m_running) {
        return;
    }
    m_cancelled = true;
    for (CheckStep* s : std::as_const(m_steps)) {
        if (s->result().status == CheckResult::Status::Running) {
            s->cancel();
        } else if (s->result().status == CheckResult::Status::Pending) {
            s->skip(tr("The check was cancelled."));
        }
    }
}

CheckSummary SystemsCheck::summary() const
{
    CheckSummary summary = m_summary;
    summary.cancelled = m_cancelled;
    summary.results.clear();
    for (const CheckStep* s : m_steps) {
        summary.results.append(s->result());
    }
    return summary;
}

} // namespace Cw
