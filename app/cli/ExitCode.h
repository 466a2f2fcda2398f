#pragma once

namespace Cli {

// PRODUCT.md's stable contract: scripts depend on these numbers.
enum ExitCode {
    Success = 0,
    OperationFailed = 1, // a check failed; a sync had errors, an entity could not start, or another sync runs
    BadUsage = 2, // bad usage or input
    KeychainUnavailable = 3,
    Unreachable = 4, // ConnectWise unreachable: DNS, TCP, TLS
};

} // namespace Cli
