#pragma once

#include <QString>
#include <QUrl>

// The connectwise-rest reference of cwbench_sync: bench/reference/cwrest-pull.mjs (the npm package
// connectwise-rest paging through all companies) run by node against the simulator. The script and its
// package.json / package-lock.json are copied into a work directory in the build tree, where
// `npm install` runs once (when node_modules is missing or the lock file changed).
namespace Bench {

struct CwRestRun
{
    bool skipped = false; // node or npm missing: error says so, and the benchmark goes on without it
    QString error; // empty on success
    qint64 records = -1;
    double seconds = 0; // the paginate() call only (not node's start-up, nor the companyinfo lookup)
    qint64 maxRssKiB = -1; // node's own peak (process.resourceUsage().maxRSS)
    QString version; // of connectwise-rest
    QString entryPoint; // the codebase it used

    bool ok() const { return error.isEmpty() && !skipped; }
};

struct CwRestSetup
{
    QString sourceDir; // bench/reference in the source tree
    QString workDir; // where node_modules lives (build tree)
    QUrl server; // https://127.0.0.1:PORT
    QString caFile;
    QString companyId;
    QString publicKey;
    QString privateKey;
    QString clientId;
    int pageSize = 1000;
};

class CwRestReference final
{
public:
    explicit CwRestReference(CwRestSetup setup);

    // Installs connectwise-rest when needed (npm output on stderr), then runs the script once.
    CwRestRun run() const;

private:
    QString prepare() const; // copies the files and runs npm install; returns an error or empty

    CwRestSetup m_setup;
};

} // namespace Bench
