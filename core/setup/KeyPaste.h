#pragma once

#include "core/secrets/SecretKey.h"

#include <QString>

#include <optional>

namespace Cw {

// What an admin pastes into a key field. Keys are trimmed (a copied key often carries a space or a line
// break). Both keys can be pasted at once into either field: "public\nprivate" (two lines), "public:private"
// or "public private" fills both fields.
class KeyPaste final
{
public:
    static QString clean(const QString& text);
    // Both keys when the text holds exactly two parts (separated by a line break, a colon or whitespace);
    // std::nullopt when it is a single key.
    static std::optional<ApiKeyPair> split(const QString& text);
};

} // namespace Cw
