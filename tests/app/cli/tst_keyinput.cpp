// Cli::KeyInput: --keys-from-stdin parsing, the environment, the no-echo prompt (with a fake terminal), the
// no-terminal error, shape checks that name the wrong key, and keys never appearing in an error. The real
// stdin/environment/terminal paths run through cw_keyinput_helper.
#include "app/cli/KeyInput.h"
#include "tests/support/SimProcess.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QProcess>
#include <QTest>

using Cli::KeyInput;

namespace {

const QString kPub = QStringLiteral("PubKey1234567890");
const QString kPriv = QStringLiteral("PrivKey0987654321");

KeyInput::Result fromStdin(const QByteArray& text)
{
    QBuffer buffer;
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    KeyInput::Io io;
    io.input = &buffer;
    return KeyInput::obtain(true, io);
}

QProcessEnvironment environment(const QString& pub, const QString& priv)
{
    QProcessEnvironment env;
    if (!pub.isNull()) {
        env.insert(QStringLiteral("CW_PUBLIC_KEY"), pub);
    }
    if (!priv.isNull()) {
        env.insert(QStringLiteral("CW_PRIVATE_KEY"), priv);
    }
    return env;
}

QByteArray sha(const QString& key)
{
    return QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestKeyInput final : public QObject
{
    Q_OBJECT

private slots:
    void stdinLines_data();
    void stdinLines();
    void stdinErrors_data();
    void stdinErrors();
    void environment_data();
    void environment();
    void promptOnTerminal();
    void promptEndOfInput();
    void noTerminalNoKeys();
    void precedence();
    void validateNamesTheKey();
    void processStdin();
    void processEnvironment();
    void processNoTerminal();
    void processErrorsNeverShowKeys();
    void processPromptOnRealTerminalHidesKeys();
};

void TestKeyInput::stdinLines_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("LF") << QByteArray("PubKey1234567890\nPrivKey0987654321\n");
    QTest::newRow("CRLF") << QByteArray("PubKey1234567890\r\nPrivKey0987654321\r\n");
    QTest::newRow("spaces and tabs around") << QByteArray("  PubKey1234567890 \t\r\n\tPrivKey0987654321  \r\n");
    QTest::newRow("no final newline") << QByteArray("PubKey1234567890\nPrivKey0987654321");
    QTest::newRow("extra line ignored") << QByteArray("PubKey1234567890\nPrivKey0987654321\nmore\n");
}

void TestKeyInput::stdinLines()
{
    QFETCH(QByteArray, text);
    const KeyInput::Result result = fromStdin(text);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.source, KeyInput::Source::Stdin);
    QCOMPARE(result.keys.publicKey, kPub);
    QCOMPARE(result.keys.privateKey, kPriv);
}

void TestKeyInput::stdinErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected"); // part of the message
    QTest::newRow("empty") << QByteArray() << QStringLiteral("no input");
    QTest::newRow("only newlines") << QByteArray("\n\n") << QStringLiteral("no input");
    QTest::newRow("one line") << QByteArray("PubKey1234567890\n")
                              << QStringLiteral("private key (second line) is missing");
    QTest::newRow("second line blank") << QByteArray("PubKey1234567890\r\n  \r\n")
                                       << QStringLiteral("private key (second line) is missing");
    QTest::newRow("first line blank") << QByteArray("\nPrivKey0987654321\n") << QStringLiteral("public key is empty");
    QTest::newRow("space inside public") << QByteArray("PubKey 1234567890\nPrivKey0987654321\n")
                                         << QStringLiteral("public key contains spaces");
    QTest::newRow("space inside private")
        << QByteArray("PubKey1234567890\nPrivKey09876 54321\n") << QStringLiteral("private key contains spaces");
    QTest::newRow("private too short") << QByteArray("PubKey1234567890\nabc\n")
                                       << QStringLiteral("private key is 3 characters long");
    QTest::newRow("public too long") << QByteArray(200, 'p') + "\nPrivKey0987654321\n"
                                     << QStringLiteral("public key is 200 characters long");
    QTest::newRow("control character") << QByteArray("PubKey1234567890\nPrivKey09876\x01"
                                                     "54321\n")
                                       << QStringLiteral("private key contains control characters");
}

void TestKeyInput::stdinErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const KeyInput::Result result = fromStdin(text);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(expected), qPrintable(result.error));
    QVERIFY(result.keys.isEmpty());
    // The message never repeats what was typed.
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const QString typed = line.trimmed();
        if (typed.size() >= 4) {
            QVERIFY2(!result.error.contains(typed), qPrintable(result.error));
        }
    }
}

void TestKeyInput::environment_data()
{
    QTest::addColumn<QString>("pub");
    QTest::addColumn<QString>("priv");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected");
    QTest::newRow("both") << kPub << kPriv << true << QString();
    QTest::newRow("both, padded") << QStringLiteral(" PubKey1234567890\r") << QStringLiteral("PrivKey0987654321\n")
                                  << true << QString();
    QTest::newRow("only public") << kPub << QString() << false
                                 << QStringLiteral("CW_PUBLIC_KEY is set but CW_PRIVATE_KEY is not");
    QTest::newRow("only private") << QString() << kPriv << false
                                  << QStringLiteral("CW_PRIVATE_KEY is set but CW_PUBLIC_KEY is not");
    QTest::newRow("private empty") << kPub << QStringLiteral("") << false << QStringLiteral("private key is empty");
    QTest::newRow("public with space") << QStringLiteral("Pub Key1234567890") << kPriv << false
                                       << QStringLiteral("public key contains spaces");
}

void TestKeyInput::environment()
{
    QFETCH(QString, pub);
    QFETCH(QString, priv);
    QFETCH(bool, ok);
    QFETCH(QString, expected);
    KeyInput::Io io;
    io.environment = ::environment(pub, priv);
    io.inputIsTerminal = true;
    int prompts = 0;
    io.promptHidden = [&prompts](const QString&) -> std::optional<QString> {
        ++prompts;
        return QStringLiteral("NotUsed123456789");
    };
    const KeyInput::Result result = KeyInput::obtain(false, io);
    QCOMPARE(result.ok, ok);
    QCOMPARE(result.source, KeyInput::Source::Environment);
    QCOMPARE(prompts, 0); // set variables are used (or reported), never silently replaced by a prompt
    if (ok) {
        QCOMPARE(result.keys.publicKey, kPub);
        QCOMPARE(result.keys.privateKey, kPriv);
    } else {
        QVERIFY2(result.error.contains(expected), qPrintable(result.error));
        QVERIFY(!result.error.contains(kPub));
        QVERIFY(!result.error.contains(kPriv));
    }
}

void TestKeyInput::promptOnTerminal()
{
    KeyInput::Io io;
    io.inputIsTerminal = true;
    QStringList prompts;
    QStringList answers {QStringLiteral(" PubKey1234567890\r"), QStringLiteral("PrivKey0987654321")};
    io.promptHidden = [&](const QString& prompt) -> std::optional<QString> {
        prompts.append(prompt);
        return answers.takeFirst();
    };
    const KeyInput::Result result = KeyInput::obtain(false, io);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.source, KeyInput::Source::Prompt);
    QCOMPARE(result.keys.publicKey, kPub);
    QCOMPARE(result.keys.privateKey, kPriv);
    QCOMPARE(prompts, QStringList({QStringLiteral("Public key: "), QStringLiteral("Private key: ")}));
}

void TestKeyInput::promptEndOfInput()
{
    KeyInput::Io io;
    io.inputIsTerminal = true;
    int calls = 0;
    io.promptHidden = [&](const QString&) -> std::optional<QString> {
        return ++calls == 1 ? std::optional<QString>(kPub) : std::nullopt;
    };
    const KeyInput::Result result = KeyInput::obtain(false, io);
    QVERIFY(!result.ok);
    QVERIFY(result.error.contains(QLatin1String("private key is missing")));
    QVERIFY(!result.error.contains(kPub));
}

void TestKeyInput::noTerminalNoKeys()
{
    KeyInput::Io io;
    io.inputIsTerminal = false;
    io.promptHidden = [](const QString&) -> std::optional<QString> { return QStringLiteral("x"); };
    const KeyInput::Result result = KeyInput::obtain(false, io);
    QVERIFY(!result.ok);
    QCOMPARE(result.error,
             QStringLiteral("no keys: pass --keys-from-stdin, set CW_PUBLIC_KEY and CW_PRIVATE_KEY, "
                            "or run in a terminal"));
}

void TestKeyInput::precedence()
{
    // --keys-from-stdin wins over the environment.
    QBuffer buffer;
    buffer.setData("StdinPub12345678\nStdinPriv1234567\n");
    buffer.open(QIODevice::ReadOnly);
    KeyInput::Io io;
    io.input = &buffer;
    io.environment = ::environment(kPub, kPriv);
    KeyInput::Result result = KeyInput::obtain(true, io);
    QVERIFY(result.ok);
    QCOMPARE(result.keys.publicKey, QStringLiteral("StdinPub12345678"));
    // Without it, the environment is used and stdin is not read.
    buffer.seek(0);
    result = KeyInput::obtain(false, io);
    QVERIFY(result.ok);
    QCOMPARE(result.keys.publicKey, kPub);
    QCOMPARE(buffer.pos(), 0);
}

void TestKeyInput::validateNamesTheKey()
{
    QVERIFY(KeyInput::validate(kPub, QStringLiteral("public key")).isEmpty());
    QVERIFY(KeyInput::validate(QStringLiteral("a b"), QStringLiteral("private key"))
                .contains(QLatin1String("private key")));
    QVERIFY(KeyInput::validate(QString(KeyInput::kMinKeyLength, QLatin1Char('k')), QStringLiteral("x")).isEmpty());
    QVERIFY(!KeyInput::validate(QString(KeyInput::kMinKeyLength - 1, QLatin1Char('k')), QStringLiteral("x")).isEmpty());
    QVERIFY(KeyInput::validate(QString(KeyInput::kMaxKeyLength, QLatin1Char('k')), QStringLiteral("x")).isEmpty());
    QVERIFY(!KeyInput::validate(QString(KeyInput::kMaxKeyLength + 1, QLatin1Char('k')), QStringLiteral("x")).isEmpty());
}

void TestKeyInput::processStdin()
{
    const CwTest::ProcessResult run =
        CwTest::runProcess(QStringLiteral(CW_KEYINPUT_HELPER), {QStringLiteral("--keys-from-stdin")},
                           "  PubKey1234567890\r\nPrivKey0987654321\r\n",
                           {QStringLiteral("CW_PUBLIC_KEY"), QStringLiteral("CW_PRIVATE_KEY")});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("source=0\n"), run.out.constData());
    QVERIFY(run.out.contains(QByteArray("public=" + sha(kPub) + '\n')));
    QVERIFY(run.out.contains(QByteArray("private=" + sha(kPriv) + '\n')));
}

void TestKeyInput::processEnvironment()
{
    const CwTest::ProcessResult run =
        CwTest::runProcess(QStringLiteral(CW_KEYINPUT_HELPER), {}, {},
                           {QStringLiteral("CW_PUBLIC_KEY=") + kPub, QStringLiteral("CW_PRIVATE_KEY=") + kPriv});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("source=1\n"), run.out.constData());
    QVERIFY(run.out.contains(QByteArray("private=" + sha(kPriv) + '\n')));
}

void TestKeyInput::processNoTerminal()
{
    // stdin is a pipe, not a terminal, and no variables: a clear error instead of a prompt nobody sees.
    const CwTest::ProcessResult run =
        CwTest::runProcess(QStringLiteral(CW_KEYINPUT_HELPER), {}, {},
                           {QStringLiteral("CW_PUBLIC_KEY"), QStringLiteral("CW_PRIVATE_KEY")});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out.trimmed(),
             QByteArray("error=no keys: pass --keys-from-stdin, set CW_PUBLIC_KEY and "
                        "CW_PRIVATE_KEY, or run in a terminal"));
}

void TestKeyInput::processErrorsNeverShowKeys()
{
    const CwTest::ProcessResult oneLine =
        CwTest::runProcess(QStringLiteral(CW_KEYINPUT_HELPER), {QStringLiteral("--keys-from-stdin")},
                           "PubKey1234567890\n", {QStringLiteral("CW_PUBLIC_KEY"), QStringLiteral("CW_PRIVATE_KEY")});
    QCOMPARE(oneLine.exitCode, 2);
    QVERIFY(oneLine.out.contains("private key (second line) is missing"));
    const CwTest::ProcessResult badEnv = CwTest::runProcess(
        QStringLiteral(CW_KEYINPUT_HELPER), {}, {},
        {QStringLiteral("CW_PUBLIC_KEY=Pub Key1234567890"), QStringLiteral("CW_PRIVATE_KEY=") + kPriv});
    QCOMPARE(badEnv.exitCode, 2);
    QVERIFY(badEnv.out.contains("public key contains spaces"));
    for (const CwTest::ProcessResult* run : {&oneLine, &badEnv}) {
        const QByteArray all = run->out + run->err;
        QVERIFY(!all.contains("PubKey1234567890"));
        QVERIFY(!all.contains("Key1234567890"));
        QVERIFY(!all.contains(kPriv.toUtf8()));
    }
}

void TestKeyInput::processPromptOnRealTerminalHidesKeys()
{
    // `script` gives the helper a pseudo-terminal: the prompt path runs with real termios, and since echo is
    // off before each prompt appears, the typed keys must not come back in the terminal's output.
    QProcess script;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("CW_PUBLIC_KEY"));
    env.remove(QStringLiteral("CW_PRIVATE_KEY"));
    script.setProcessEnvironment(env);
    script.setProcessChannelMode(QProcess::MergedChannels);
    script.start(QStringLiteral("script"),
                 {QStringLiteral("-qec"), QStringLiteral(CW_KEYINPUT_HELPER), QStringLiteral("/dev/null")});
    QVERIFY(script.waitForStarted(30000));
    QByteArray output;
    const auto waitFor = [&](const QByteArray& text) {
        while (!output.contains(text)) {
            if (!script.waitForReadyRead(30000)) {
                return false;
            }
            output += script.readAll();
        }
        return true;
    };
    QVERIFY2(waitFor("Public key: "), output.constData());
    script.write("PubKey1234567890\n");
    QVERIFY2(waitFor("Private key: "), output.constData());
    script.write("PrivKey0987654321\n");
    QVERIFY2(waitFor("private="), output.constData());
    QVERIFY(script.waitForFinished(30000));
    output += script.readAll();
    QVERIFY2(output.contains("source=2"), output.constData());
    QVERIFY(output.contains(QByteArray("public=" + sha(kPub))));
    QVERIFY(output.contains(QByteArray("private=" + sha(kPriv))));
    QVERIFY2(!output.contains("PubKey1234567890"), output.constData());
    QVERIFY2(!output.contains("PrivKey0987654321"), output.constData());
}

QTEST_GUILESS_MAIN(TestKeyInput)
#include "tst_keyinput.moc"
