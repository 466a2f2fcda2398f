#include "core/setup/KeyPaste.h"

#include <QRegularExpression>

namespace Cw {

QString KeyPaste::clean(const QString& text)
{
    return text.trimmed();
}

std::optional<ApiKeyPair> KeyPaste::split(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return std::nullopt;
    }
    static const QRegularExpression separators(QStringLiteral("[\\s:]+"));
    const QStringList parts = trimmed.split(separators, Qt::SkipEmptyParts);
    if (parts.size() != 2) {
        return std::nullopt;
    }
    return ApiKeyPair {parts.at(0), parts.at(1)};
}

} // namespace Cw
