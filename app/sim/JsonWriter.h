#pragma once

#include <QByteArray>
#include <QString>

#include <string>

namespace Sim {

// Writes compact JSON into a reusable buffer; take() hands out the bytes. Much cheaper than building
// QJsonObjects, so the seeded records (up to hundreds of thousands) are written once at startup straight
// into their cached wire form, with fields in the order the real service sends them.
class JsonWriter final
{
public:
    JsonWriter() { m_out.reserve(4096); }

    QByteArray take(); // the JSON written so far; the writer is empty (and reusable) afterwards

    void beginObject(); // an object as a value (top level or array element)
    void beginObject(const char* key);
    void endObject();
    void beginArray(const char* key);
    void endArray();

    void field(const char* key, const QString& value);
    void field(const char* key, const char* value); // UTF-8 literal
    void field(const char* key, int value);
    void field(const char* key, qint64 value);
    void field(const char* key, bool value);
    void money(const char* key, double value); // two decimals, like currency amounts
    void nullField(const char* key);
    void timestamp(const char* key, qint64 secsSinceEpoch); // "2024-03-05T14:22:10Z"

    // Reference objects ({"id":..,"name":..,"_info":{..._href}}), as the real service nests them.
    void reference(const char* key, qint64 id, const QString& name, const char* hrefPath = nullptr);
    void companyReference(const char* key, qint64 id, const QString& identifier, const QString& name);

private:
    void key(const char* name);
    void separate();
    void appendString(const char* utf8, std::size_t size);
    void appendNumber(qint64 value);

    std::string m_out;
    bool m_first[16] = {};
    int m_depth = -1;
};

} // namespace Sim
