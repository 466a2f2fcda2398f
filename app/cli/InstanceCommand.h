#pragma once

#include "app/cli/Command.h"

#include <QJsonObject>

namespace Cw {
struct Instance;
}

namespace Cli {

// instance add|list|show|remove|rename|set|set-keys: connector instances, their settings in the
// database and their keys in the keychain.
class InstanceCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(InstanceCommand)

public:
    QString name() const override { return QStringLiteral("instance"); }
    QString usage() const override;
    int run(CliContext& context, const QStringList& args) override;

    static QJsonObject toJson(const Cw::Instance& instance);
    static QString describe(const Cw::Instance& instance);
    static QString deploymentName(const QString& deployment);
    // The value of --max-in-flight; false with *error (naming the option and the range) when it is no number.
    static bool parseMaxInFlight(const QString& text, int* value, QString* error);

private:
    int list(CliContext& context, const QStringList& args);
    int show(CliContext& context, const QStringList& args);
    int rename(CliContext& context, const QStringList& args);
    int set(CliContext& context, const QStringList& args);
    int remove(CliContext& context, const QStringList& args);
};

} // namespace Cli
