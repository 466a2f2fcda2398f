#include "app/sim/JsonWriter.h"

#include <charconv>
#include <cstdio>
#include <cstring>

namespace Sim {

QByteArray JsonWriter::take()
{
    QByteArray result(m_out.data(), static_cast<qsizetype>(m_out.size()));
    m_out.clear();
    m_depth = -1;
    return result;
}

void JsonWriter::appendNumber(qint64 value)
{
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    m_out.append(buffer, static_cast<std::size_t>(end - buffer));
}

void JsonWriter::timestamp(const char* name, qint64 secs)
{
    key(name);
    // Civil date from days since the epoch (H. Hinnant's algorithm), far cheaper than QDateTime.
    qint64 days = secs / 86400;
    qint64 rest = secs % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 day = doy - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    char buffer[32];
    const int n = std::snprintf(buffer, sizeof buffer, "\"%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ\"",
                                static_cast<long long>(year), static_cast<long long>(month),
                                static_cast<long long>(day), static_cast<long long>(rest / 3600),
                                static_cast<long long>(rest / 60 % 60), static_cast<long long>(rest % 60));
    m_out.append(buffer, static_cast<std::size_t>(n));
}

void JsonWriter::appendString(const char* utf8, std::size_t size)
{
    static const char hex[] = "0123456789abcdef";
    m_out.push_back('"');
    std::size_t run = 0; // start of the pending run of bytes that need no escaping
    for (std::size_t i = 0; i < size; ++i) {
        const auto u = static_cast<unsigned char>(utf8[i]);
        if (u >= 0x20 && u != '"' && u != '\\') {
            continue;
        }
        m_out.append(utf8 + run, i - run);
        run = i + 1;
        if (u == '"' || u == '\\') {
            m_out.push_back('\\');
            m_out.push_back(static_cast<char>(u));
        } else {
            const char escaped[] = {'\\', 'u', '0', '0', hex[u >> 4], hex[u & 0xf]};
            m_out.append(escaped, 6);
        }
    }
    m_out.append(utf8 + run, size - run);
    m_out.push_back('"');
}

void JsonWriter::separate()
{
    if (m_depth >= 0) {
        if (!m_first[m_depth]) {
            m_out.push_back(',');
        }
        m_first[m_depth] = false;
    }
}

void JsonWriter::key(const char* name)
{
    separate();
    m_out.push_back('"');
    m_out.append(name);
    m_out.append("\":");
}

void JsonWriter::beginObject()
{
    separate();
    m_out.push_back('{');
    m_first[++m_depth] = true;
}

void JsonWriter::beginObject(const char* name)
{
    key(name);
    m_out.push_back('{');
    m_first[++m_depth] = true;
}

void JsonWriter::endObject()
{
    m_out.push_back('}');
    --m_depth;
}

void JsonWriter::beginArray(const char* name)
{
    key(name);
    m_out.push_back('[');
    m_first[++m_depth] = true;
}

void JsonWriter::endArray()
{
    m_out.push_back(']');
    --m_depth;
}

void JsonWriter::field(const char* name, const QString& value)
{
    key(name);
    const QByteArray utf8 = value.toUtf8();
    appendString(utf8.constData(), static_cast<std::size_t>(utf8.size()));
}

void JsonWriter::field(const char* name, const char* value)
{
    key(name);
    appendString(value, std::strlen(value));
}

void JsonWriter::field(const char* name, int value)
{
    key(name);
    appendNumber(value);
}

void JsonWriter::field(const char* name, qint64 value)
{
    key(name);
    appendNumber(value);
}

void JsonWriter::field(const char* name, bool value)
{
    key(name);
    m_out.append(value ? "true" : "false");
}

void JsonWriter::money(const char* name, double value)
{
    key(name);
    char buffer[48];
    const int n = std::snprintf(buffer, sizeof buffer, "%.2f", value);
    m_out.append(buffer, static_cast<std::size_t>(n));
}

void JsonWriter::nullField(const char* name)
{
    key(name);
    m_out.append("null");
}

void JsonWriter::reference(const char* name, qint64 id, const QString& refName, const char* hrefPath)
{
    beginObject(name);
    field("id", id);
    field("name", refName);
    if (hrefPath) {
        beginObject("_info");
        key("href");
        m_out.append("\"https://api-na.myconnectwise.net/v4_6_release/apis/3.0/");
        m_out.append(hrefPath);
        m_out.push_back('/');
        appendNumber(id);
        m_out.push_back('"');
        endObject();
    }
    endObject();
}

void JsonWriter::companyReference(const char* name, qint64 id, const QString& identifier, const QString& refName)
{
    beginObject(name);
    field("id", id);
    field("identifier", identifier);
    field("name", refName);
    beginObject("_info");
    key("company_href");
    m_out.append("\"https://api-na.myconnectwise.net/v4_6_release/apis/3.0/company/companies/");
    appendNumber(id);
    m_out.push_back('"');
    endObject();
    endObject();
}

} // namespace Sim
