#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Cw {

// The outcome of one layer of the systems check: what was tested, how it went, how long it took,
// and, when it did not pass, what is broken and how to fix it, in plain words.
struct CheckResult
{
    enum class Status {
        Pending,
        Running,
        Passed,
        Warning, // works, but something deserves attention (e.g. a proxy is in use)
        Failed,
        Skipped, // not run: a layer it depends on failed, or the check was cancelled
    };

    QString id; // stable, for scripts: "dns", "tcp", "tls", "company", "auth", "permission:finance/invoices"...
    QString title; // translated: "DNS lookup"
    Status status = Status::Pending;
    qint64 durationMs = 0;
    QString summary; // translated, one line: "api-na.myconnectwise.net resolves to 3 addresses"
    QString diagnosis; // translated: what is broken (empty when passed)
    QString fix; // translated: what to do about it (empty when passed)
    QString details; // technical detail for the support report (never secrets)
    QString errorKind; // the typed error's name when a request failed, e.g. "KeysRejected"

    bool isDone() const { return status != Status::Pending && status != Status::Running; }
    bool isProblem() const { return status == Status::Failed; }

    static QString statusName(Status status); // "passed", "failed", ... (not translated: for JSON)
};

// The whole check's outcome: the layers in order, and whether the connection is usable.
struct CheckSummary
{
    QList<CheckResult> results;
    QDateTime startedAt;
    QDateTime finishedAt;
    bool cancelled = false;

    bool passed() const; // no layer failed and none was skipped for a failure
    bool unreachable() const; // DNS, TCP or TLS failed: ConnectWise could not be reached
    const CheckResult* find(const QString& id) const;
    const CheckResult* firstFailure() const;
};

} // namespace Cw
