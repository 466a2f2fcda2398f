// Test-only: runs one KeychainSecretStore operation in its own process, so that tests can run it in an
// environment of their choosing (no D-Bus, a dead bus, a private session with a locked keyring, ...)
// without touching the test's own session. Prints "status=<Name>" and "message=<text>" lines.
//   cw_secrets_helper read|write|remove|remove-instance|check INSTANCE [KEYNAME] [--timeout MS] [--retry-delay MS]
//   [--repeat N]
#include "core/secrets/KeychainSecretStore.h"
#include "core/secrets/SecretStoreSync.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    Cw::KeychainSecretStore::Options options;
    options.retryDelayMs = 100;
    int repeat = 1;
    for (const QString& name :
         {QStringLiteral("--timeout"), QStringLiteral("--retry-delay"), QStringLiteral("--repeat")}) {
        const qsizetype at = args.indexOf(name);
        if (at >= 0 && at + 1 < args.size()) {
            const int value = args.at(at + 1).toInt();
            if (name == QLatin1String("--timeout")) {
                options.timeoutMs = value;
            } else if (name == QLatin1String("--retry-delay")) {
                options.retryDelayMs = value;
            } else {
                repeat = value;
            }
            args.remove(at, 2);
        }
    }
    QTextStream out(stdout);
    if (args.size() < 2) {
        out << "usage: cw_secrets_helper read|write|remove|remove-instance|check INSTANCE [KEYNAME]\n";
        return 2;
    }
    const QString op = args.at(0);
    const Cw::SecretKey key {args.at(1), args.value(2, Cw::SecretNames::publicKey())};
    Cw::KeychainSecretStore store(options);
    const int bound = options.timeoutMs * 3;
    for (int i = 0; i < repeat; ++i) {
        Cw::SecretResult result;
        if (op == QLatin1String("read")) {
            result = Cw::SecretStoreSync::read(store, key, bound);
        } else if (op == QLatin1String("write")) {
            result = Cw::SecretStoreSync::write(store, key, QStringLiteral("helper-secret-value"), bound);
        } else if (op == QLatin1String("remove")) {
            result = Cw::SecretStoreSync::remove(store, key, bound);
        } else if (op == QLatin1String("check")) {
            result = Cw::SecretStoreSync::wait(
                [&](QObject* context, Cw::SecretStore::Done done) { store.checkAvailable(context, std::move(done)); },
                bound);
        } else if (op == QLatin1String("remove-instance")) {
            result = Cw::SecretStoreSync::removeInstance(store, key.instanceId, bound);
        } else {
            out << "unknown operation\n";
            return 2;
        }
        out << "status=" << Cw::secretStatusName(result.status) << '\n'
            << "message=" << result.message << '\n'
            << "detail=" << result.detail << '\n'
            << "insecureFallback=" << (store.insecureFallbackUsed() ? "yes" : "no") << Qt::endl;
    }
    // A job stuck on a dead bus may keep libsecret busy: leave without waiting for it.
    return 0;
}
