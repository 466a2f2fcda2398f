#pragma once

#include "core/localdata/TextEncoding.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Cw {

// Where a file stops being text in its encoding: the line, the character on that line, and the byte(s).
struct DecodeError
{
    Q_DECLARE_TR_FUNCTIONS(Cw::DecodeError)

public:
    TextEncoding encoding = TextEncoding::Utf8;
    int line = 0; // 1-based; 0: no error
    int column = 0; // 1-based character on that line where the bad byte stands
    QByteArray bytes; // the byte (or the UTF-16 code unit) that cannot be read

    bool isError() const { return line > 0; }
    // "Line 14 is not UTF-8 (byte 0xFC at column 5); if the file comes from Excel, pick Windows-1252."
    QString message() const;
};

// Decodes a byte stream chunk by chunk, strictly: it never puts U+FFFD in place of a byte it cannot read, it stops
// there and says where (DecodeError). A character cut between two chunks waits for the next one. UTF-8 is checked
// by the rules of Unicode's table 3-7 (no overlong forms, no surrogates, nothing above U+10FFFF); UTF-16 must pair
// its surrogates; Windows-1252 has no character for 0x81, 0x8D, 0x8F, 0x90 and 0x9D; in ISO-8859-1 and -15 the
// bytes 0x80-0x9F are control characters, never text in a CSV file (a Windows-1252 file read as Latin-1 shows
// them), so they are refused too. The byte-order mark is the caller's business (TextEncodings::fromBom).
class TextDecoder final
{
public:
    explicit TextDecoder(TextEncoding encoding);

    // The text of bytes, up to the first byte that cannot be read (then hasError() and nothing more is decoded).
    QString decode(const QByteArray& bytes);
    // The end of the input: a character left incomplete is an error.
    void finish();

    TextEncoding encoding() const { return m_encoding; }
    bool hasError() const { return m_error.isError(); }
    const DecodeError& error() const { return m_error; }

    // The length of the longest valid UTF-8 prefix of data; *incomplete when the bytes after it are the valid
    // beginning of a character that the end of data cuts.
    static qsizetype validUtf8(const QByteArray& data, bool* incomplete);

private:
    QString decodeUtf8(const QByteArray& data, QByteArray* bad);
    QString decodeUtf16(const QByteArray& data, QByteArray* bad);
    QString decodeSingleByte(const QByteArray& data, QByteArray* bad) const;
    void advance(const QString& text);

    TextEncoding m_encoding;
    QByteArray m_pending; // the start of a character cut by the end of the last chunk
    int m_line = 1;
    int m_column = 0; // characters after the last line break decoded so far
    DecodeError m_error;
};

} // namespace Cw
