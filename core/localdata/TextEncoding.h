#pragma once

#include "core/domain/NameTable.h"

#include <QByteArray>
#include <QCoreApplication>

#include <optional>

namespace Cw {

// The character encodings a CSV file may be read in. UTF-8 is the default; a byte-order mark (UTF-8, UTF-16)
// decides by itself. Excel on Windows saves "CSV" in Windows-1252. Qt 6.4 without ICU decodes only the UTF
// encodings and Latin-1, so the single-byte ones are tables of our own (TextDecoder).
// Names: utf-8 windows-1252 iso-8859-1 iso-8859-15 utf-16le utf-16be.
enum class TextEncoding { Utf8, Windows1252, Latin1, Latin9, Utf16LE, Utf16BE };

template <>
const NameTable<TextEncoding>& nameTable<TextEncoding>();

class TextEncodings final
{
    Q_DECLARE_TR_FUNCTIONS(Cw::TextEncodings)

public:
    // A name of the table or a common alias (utf8, cp1252, latin1, latin9, ...), any case; nullopt otherwise.
    static std::optional<TextEncoding> parse(const QString& text);
    // For people: "UTF-8", "Windows-1252", "ISO-8859-1 (Latin-1)", ...
    static QString label(TextEncoding encoding);
    // The encoding a byte-order mark at the start of bytes names, and its length; nullopt without one.
    static std::optional<TextEncoding> fromBom(const QByteArray& start, int* length = nullptr);
};

} // namespace Cw
