#pragma once

#include "core/secrets/SecretKey.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

#include <functional>
#include <optional>

class QIODevice;

namespace Cli {

// Where the command-line tool gets API keys from. Keys never come from arguments:
//   1. --keys-from-stdin: the public key on the first line, the private key on the second;
//   2. otherwise the environment, CW_PUBLIC_KEY and CW_PRIVATE_KEY;
//   3. otherwise a no-echo prompt, when stdin is a terminal;
//   4. otherwise an error that names the three ways.
// Keys are trimmed (spaces, tabs, CR) and checked for shape; messages name the key that is wrong and never
// contain a key.
class KeyInput final
{
    Q_DECLARE_TR_FUNCTIONS(KeyInput)

public:
    enum class Source { Stdin, Environment, Prompt };

    struct Result
    {
        bool ok = false;
        Cw::ApiKeyPair keys; // only when ok
        Source source = Source::Stdin;
        QString error; // translated, when !ok
    };

    // What the keys are read from. fromProcess() fills it with this process's stdin, environment and terminal;
    // tests fill it with a buffer, a made-up environment and a fake prompt.
    struct Io
    {
        QIODevice* input = nullptr; // read by --keys-from-stdin
        QProcessEnvironment environment;
        bool inputIsTerminal = false;
        // Shows `prompt` and reads one line without echo; nullopt at the end of input.
        std::function<std::optional<QString>(const QString& prompt)> promptHidden;
    };

    static Result obtain(bool keysFromStdin, const Io& io);
    // The same with the real stdin, environment and terminal.
    static Result obtainFromProcess(bool keysFromStdin);

    // The --keys-from-stdin format: two lines, public then private key.
    static Result parseLines(QIODevice& input);
    // CW_PUBLIC_KEY and CW_PRIVATE_KEY. `present` tells whether either is set at all.
    static Result fromEnvironment(const QProcessEnvironment& environment, bool* present = nullptr);
    // An empty string when the key looks like a key; otherwise a message naming `which` ("public key", ...).
    static QString validate(const QString& key, const QString& which);
    static QString noKeysMessage();

    static constexpr int kMinKeyLength = 8;
    static constexpr int kMaxKeyLength = 128;

    static bool stdinIsTerminal();
    // Prints `prompt` on stderr and reads a line from the terminal with echo off (termios / SetConsoleMode).
    static std::optional<QString> readHiddenLine(const QString& prompt);

private:
    static Result prompted(const Io& io, Source source);
    static Result checked(Cw::ApiKeyPair keys, Source source);
};

} // namespace Cli
