#include "core/localdata/TextEncoding.h"

#include <QHash>

namespace Cw {

template <>
const NameTable<TextEncoding>& nameTable<TextEncoding>()
{
    static const NameTable<TextEncoding> table {
        {TextEncoding::Utf8, "utf-8"},        {TextEncoding::Windows1252, "windows-1252"},
        {TextEncoding::Latin1, "iso-8859-1"}, {TextEncoding::Latin9, "iso-8859-15"},
        {TextEncoding::Utf16LE, "utf-16le"},  {TextEncoding::Utf16BE, "utf-16be"},
    };
    return table;
}

std::optional<TextEncoding> TextEncodings::parse(const QString& text)
{
    const QString name = text.trimmed().toLower();
    if (const auto exact = parseName<TextEncoding>(name)) {
        return exact;
    }
    static const QHash<QString, TextEncoding> aliases {
        {QStringLiteral("utf8"), TextEncoding::Utf8},
        {QStringLiteral("cp1252"), TextEncoding::Windows1252},
        {QStringLiteral("windows1252"), TextEncoding::Windows1252},
        {QStringLiteral("latin1"), TextEncoding::Latin1},
        {QStringLiteral("latin-1"), TextEncoding::Latin1},
        {QStringLiteral("iso8859-1"), TextEncoding::Latin1},
        {QStringLiteral("latin9"), TextEncoding::Latin9},
        {QStringLiteral("latin-9"), TextEncoding::Latin9},
        {QStringLiteral("iso8859-15"), TextEncoding::Latin9},
        {QStringLiteral("utf16le"), TextEncoding::Utf16LE},
        {QStringLiteral("utf16be"), TextEncoding::Utf16BE},
    };
    const auto found = aliases.constFind(name);
    if (found == aliases.cend()) {
        return std::nullopt;
    }
    return *found;
}

QString TextEncodings::label(TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Utf8:
        return tr("UTF-8");
    case TextEncoding::Windows1252:
        return tr("Windows-1252 (Excel on Windows)");
    case TextEncoding::Latin1:
        return tr("ISO-8859-1 (Latin-1)");
    case TextEncoding::Latin9:
        return tr("ISO-8859-15 (Latin-9, with €)");
    case TextEncoding::Utf16LE:
        return tr("UTF-16 little-endian");
    case TextEncoding::Utf16BE:
        return tr("UTF-16 big-endian");
    }
    return QString();
}

std::optional<TextEncoding> TextEncodings::fromBom(const QByteArray& start, int* length)
{
    std::optional<TextEncoding> found;
    int size = 0;
    if (start.startsWith("\xEF\xBB\xBF")) {
        found = TextEncoding::Utf8;
        size = 3;
    } else if (start.startsWith("\xFF\xFE")) {
        found = TextEncoding::Utf16LE;
        size = 2;
    } else if (start.startsWith("\xFE\xFF")) {
        found = TextEncoding::Utf16BE;
        size = 2;
    }
    if (length) {
        *length = size;
    }
    return found;
}

} // namespace Cw
