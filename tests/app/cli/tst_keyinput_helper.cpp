// Test-only: obtains keys the way cwconnector-cli does (real stdin, environment and terminal) and prints
// where they came from and their SHA-256, never the keys themselves.
//   cw_keyinput_helper [--keys-from-stdin]  (tst_keyinput_helper.cpp)
#include "app/cli/KeyInput.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const bool fromStdin = QCoreApplication::arguments().contains(QStringLiteral("--keys-from-stdin"));
    const Cli::KeyInput::Result result = Cli::KeyInput::obtainFromProcess(fromStdin);
    QTextStream out(stdout);
    if (!result.ok) {
        out << "error=" << result.error << Qt::endl;
        return 2;
    }
    const auto hash = [](const QString& key) {
        return QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex();
    };
    out << "source=" << static_cast<int>(result.source) << '\n'
        << "public=" << hash(result.keys.publicKey) << '\n'
        << "private=" << hash(result.keys.privateKey) << Qt::endl;
    return 0;
}
