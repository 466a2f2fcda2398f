// Test helper for tst_synclease: takes a connector's sync lease in a process of its own.
//   cw_lease_holder DATABASE INSTANCE_ID [HOST]
// DATABASE is a SQLite file or a postgresql:// URL; HOST (default: this machine's) is the host the lease names.
// Prints "held" once it holds the lease and keeps it (renewing it every 200 ms) until its standard input closes,
// then releases it and exits 0; prints "refused PROGRAM PID HOST" and exits 1 when another holds it.
#include "core/sync/SyncLease.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: cw_lease_holder DATABASE INSTANCE_ID [HOST]\n");
        return 2;
    }
    QString error;
    const auto location = Cw::DatabaseLocation::resolve(args.at(1), QString(), &error);
    if (!location) {
        std::fprintf(stderr, "cw_lease_holder: %s\n", qPrintable(error));
        return 2;
    }
    Cw::SyncLease::Options options;
    options.heartbeatMs = 200;
    if (args.size() > 3) {
        options.identity.host = args.at(3);
    }
    Cw::SyncLease lease(*location, args.at(2).toLongLong(), options);
    Cw::SyncHolder holder;
    Cw::StoreError storeError;
    switch (lease.acquire(&holder, &storeError)) {
    case Cw::SyncLease::Outcome::Acquired:
        std::printf("held\n");
        std::fflush(stdout);
        while (std::getchar() != EOF) { }
        lease.release();
        return 0;
    case Cw::SyncLease::Outcome::Held:
        std::printf("refused %s %lld %s\n", qPrintable(holder.program), static_cast<long long>(holder.processId),
                    qPrintable(holder.host));
        return 1;
    case Cw::SyncLease::Outcome::Failed:
        std::fprintf(stderr, "cw_lease_holder: %s\n", qPrintable(storeError.message));
        return 3;
    }
    return 3;
}
