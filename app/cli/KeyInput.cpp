#include "app/cli/KeyInput.h"

#include <QFile>
#include <QIODevice>

#include <cstdio>
#include <iostream>
#include <string>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <csignal>
#include <termios.h>
#include <unistd.h>
#endif

namespace Cli {

namespace {

const QString kPublicVar = QStringLiteral("CW_PUBLIC_KEY");
const QString kPrivateVar = QStringLiteral("CW_PRIVATE_KEY");

// Trims spaces, tabs, CR and LF at both ends.
QString trimmedKey(const QString& text)
{
    return text.trimmed();
}

KeyInput::Result failure(KeyInput::Source source, const QString& error)
{
    KeyInput::Result result;
    result.source = source;
    result.error = error;
    return result;
}

#ifndef Q_OS_WIN
// Ctrl-C at a no-echo prompt must not leave the terminal without echo. A signal handler can only reach
// file-level state, hence these two.
termios s_savedMode {};
volatile std::sig_atomic_t s_modeSaved = 0;

void restoreTerminalAndReraise(int signalNumber)
{
    if (s_modeSaved) {
        tcsetattr(STDIN_FILENO, TCSANOW, &s_savedMode);
    }
    std::signal(signalNumber, SIG_DFL);
    std::raise(signalNumber);
}
#endif

} // namespace

QString KeyInput::noKeysMessage()
{
    return tr("no keys: pass --keys-from-stdin, set CW_PUBLIC_KEY and CW_PRIVATE_KEY, or run in a terminal");
}

QString KeyInput::validate(const QString& key, const QString& which)
{
    if (key.isEmpty()) {
        return tr("The %1 is empty.").arg(which);
    }
    for (const QChar c : key) {
        if (c.isSpace()) {
            return tr("The %1 contains spaces. Paste it without spaces.").arg(which);
        }
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format) {
            return tr("The %1 contains control characters. Paste only the key.").arg(which);
        }
    }
    if (key.size() < kMinKeyLength || key.size() > kMaxKeyLength) {
        return tr("The %1 is %2 characters long, which does not look like a ConnectWise key (they are about 16 "
                  "characters). Check that you pasted the whole key and only the key.")
            .arg(which)
            .arg(key.size());
    }
    return QString();
}

KeyInput::Result KeyInput::checked(Cw::ApiKeyPair keys, Source source)
{
    keys.publicKey = trimmedKey(keys.publicKey);
    keys.privateKey = trimmedKey(keys.privateKey);
    QString error = validate(keys.publicKey, tr("public key"));
    if (error.isEmpty()) {
        error = validate(keys.privateKey, tr("private key"));
    }
    if (!error.isEmpty()) {
        return failure(source, error);
    }
    Result result;
    result.ok = true;
    result.keys = keys;
    result.source = source;
    return result;
}

KeyInput::Result KeyInput::parseLines(QIODevice& input)
{
    Cw::ApiKeyPair keys;
    // readLine() blocks until a whole line (or the end of input) arrives, so a slow pipe still works.
    const auto nextLine = [&input](QString* line) {
        if (input.atEnd() && !input.waitForReadyRead(-1) && input.atEnd()) {
            return false;
        }
        const QByteArray raw = input.readLine();
        if (raw.isEmpty() && input.atEnd()) {
            return false;
        }
        *line = QString::fromUtf8(raw);
        return true;
    };
    if (!nextLine(&keys.publicKey)) {
        return failure(Source::Stdin,
                       tr("--keys-from-stdin: no input. Give the public key on the first line and "
                          "the private key on the second."));
    }
    if (!nextLine(&keys.privateKey) || trimmedKey(keys.privateKey).isEmpty()) {
        if (trimmedKey(keys.publicKey).isEmpty()) {
            return failure(Source::Stdin,
                           tr("--keys-from-stdin: no input. Give the public key on the first line "
                              "and the private key on the second."));
        }
        return failure(Source::Stdin,
                       tr("--keys-from-stdin: the private key (second line) is missing. Give the "
                          "public key on the first line and the private key on the second."));
    }
    return checked(keys, Source::Stdin);
}

KeyInput::Result KeyInput::fromEnvironment(const QProcessEnvironment& environment, bool* present)
{
    const bool hasPublic = environment.contains(kPublicVar);
    const bool hasPrivate = environment.contains(kPrivateVar);
    if (present) {
        *present = hasPublic || hasPrivate;
    }
    if (hasPublic != hasPrivate) {
        return failure(Source::Environment,
                       tr("%1 is set but %2 is not: set both, or neither.")
                           .arg(hasPublic ? kPublicVar : kPrivateVar, hasPublic ? kPrivateVar : kPublicVar));
    }
    if (!hasPublic) {
        return failure(Source::Environment, noKeysMessage());
    }
    Result result =
        checked(Cw::ApiKeyPair {environment.value(kPublicVar), environment.value(kPrivateVar)}, Source::Environment);
    if (!result.ok) {
        result.error = tr("In %1/%2: %3").arg(kPublicVar, kPrivateVar, result.error);
    }
    return result;
}

KeyInput::Result KeyInput::prompted(const Io& io, Source source)
{
    const std::optional<QString> publicKey = io.promptHidden(tr("Public key: "));
    if (!publicKey) {
        return failure(source, noKeysMessage());
    }
    const std::optional<QString> privateKey = io.promptHidden(tr("Private key: "));
    if (!privateKey) {
        return failure(source, tr("The private key is missing (input ended)."));
    }
    return checked(Cw::ApiKeyPair {*publicKey, *privateKey}, source);
}

KeyInput::Result KeyInput::obtain(bool keysFromStdin, const Io& io)
{
    if (keysFromStdin) {
        if (io.inputIsTerminal && io.promptHidden) {
            return prompted(io, Source::Stdin); // typed on a terminal: still without echo
        }
        if (!io.input) {
            return failure(Source::Stdin, noKeysMessage());
        }
        return parseLines(*io.input);
    }
    bool present = false;
    Result fromEnv = fromEnvironment(io.environment, &present);
    if (present) {
        return fromEnv;
    }
    if (!io.inputIsTerminal || !io.promptHidden) {
        return failure(Source::Prompt, noKeysMessage());
    }
    return prompted(io, Source::Prompt);
}

KeyInput::Result KeyInput::obtainFromProcess(bool keysFromStdin)
{
    QFile in;
    Io io;
    io.environment = QProcessEnvironment::systemEnvironment();
    io.inputIsTerminal = stdinIsTerminal();
    io.promptHidden = &KeyInput::readHiddenLine;
    if (keysFromStdin && in.open(stdin, QIODevice::ReadOnly)) {
        io.input = &in;
    }
    return obtain(keysFromStdin, io);
}

bool KeyInput::stdinIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stdin)) != 0;
#else
    return ::isatty(STDIN_FILENO) != 0;
#endif
}

std::optional<QString> KeyInput::readHiddenLine(const QString& prompt)
{
    // Echo goes off before the prompt appears, so whatever is typed (or pasted) after it is never shown.
    // TCSANOW, not TCSAFLUSH: input pasted in one go (both keys) must not be discarded.
#ifdef Q_OS_WIN
    HANDLE handle = GetStdHandle(STD_INPUT_HANDLE);
    DWORD oldMode = 0;
    const bool restore = GetConsoleMode(handle, &oldMode) != 0;
    if (restore) {
        SetConsoleMode(handle, oldMode & ~static_cast<DWORD>(ENABLE_ECHO_INPUT));
    }
#else
    termios oldMode {};
    const bool restore = tcgetattr(STDIN_FILENO, &oldMode) == 0;
    using Handler = void (*)(int);
    Handler oldInt = SIG_DFL;
    Handler oldTerm = SIG_DFL;
    if (restore) {
        s_savedMode = oldMode;
        s_modeSaved = 1;
        oldInt = std::signal(SIGINT, restoreTerminalAndReraise);
        oldTerm = std::signal(SIGTERM, restoreTerminalAndReraise);
        termios noEcho = oldMode;
        noEcho.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &noEcho);
    }
#endif
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    std::string line;
    const bool got = static_cast<bool>(std::getline(std::cin, line));
#ifdef Q_OS_WIN
    if (restore) {
        SetConsoleMode(handle, oldMode);
    }
#else
    if (restore) {
        tcsetattr(STDIN_FILENO, TCSANOW, &oldMode);
        s_modeSaved = 0;
        std::signal(SIGINT, oldInt);
        std::signal(SIGTERM, oldTerm);
    }
#endif
    std::fputc('\n', stderr);
    if (!got) {
        return std::nullopt;
    }
    return QString::fromLocal8Bit(line.data(), static_cast<qsizetype>(line.size()));
}

} // namespace Cli
