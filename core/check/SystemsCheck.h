#pragma once

#include "core/check/CheckResult.h"

#include <QList>
#include <QObject>

namespace Cw {

class CheckStep;

// Runs the layers of the systems check: each step starts as soon as the steps it depends on have
// passed, so independent probes run in parallel; a step whose dependency failed is skipped with the
// reason. It can be cancelled at any time and always ends with finished().
class SystemsCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemsCheck)

public:
    explicit SystemsCheck(QObject* parent = nullptr);
    ~SystemsCheck() override;

    // Takes ownership. Steps are reported in the order they were added.
    void addStep(CheckStep* step);
    QList<CheckStep*> steps() const { return m_steps; }

    void start();
    void cancel();
    bool isRunning() const { return m_running; }
    CheckSummary summary() const;

signals:
    void stepStarted(const QString& id);
    void stepFinished(const Cw::CheckResult& result);
    void finished(const Cw::CheckSummary& summary);

private:
    void schedule();
    CheckStep* step(const QString& id) const;

    QList<CheckStep*> m_steps;
    bool m_running = false;
    bool m_cancelled = false;
    CheckSummary m_summary;
};

} // namespace Cw
