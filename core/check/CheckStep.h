#pragma once

#include "core/check/CheckResult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

namespace Cw {

// One layer of the systems check. A step starts when every step it depends on has passed (or
// passed with a warning); steps whose dependencies are done run in parallel. A step reports exactly
// once through finish(); the runner measures its duration.
class CheckStep : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckStep)

public:
    CheckStep(const QString& id, const QString& title, const QStringList& dependsOn, QObject* parent = nullptr);
    ~CheckStep() override;

    QString id() const { return m_result.id; }
    QStringList dependsOn() const { return m_dependsOn; }
    const CheckResult& result() const { return m_result; }

    // Called by the runner. run() must eventually lead to finish(), also on failure.
    void start();
    // Stops the work in progress; the step then reports Skipped ("cancelled") unless it already finished.
    void cancel();
    // Marks the step as not run, with the reason.
    void skip(const QString& reason);

signals:
    void finished(const Cw::CheckResult& result);

protected:
    virtual void run() = 0;
    virtual void abort() { }

    void pass(const QString& summary, const QString& details = QString());
    void warn(const QString& summary, const QString& diagnosis, const QString& fix, const QString& details = QString());
    void fail(const QString& diagnosis, const QString& fix, const QString& details = QString(),
              const QString& errorKind = QString());
    void finish(CheckResult::Status status, const QString& summary, const QString& diagnosis, const QString& fix,
                const QString& details, const QString& errorKind = QString());

private:
    QStringList m_dependsOn;
    CheckResult m_result;
    QElapsedTimer m_timer;
    bool m_cancelling = false;
};

} // namespace Cw
