#include "app/sim/JsonScan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>

namespace Sim::JsonScan {

namespace {

// p at an opening quote; leaves p after the closing quote. Returns false on malformed input. Jumps from quote to
// quote (memchr); a quote after an odd run of backslashes is escaped.
bool skipString(const char*& p, const char* end)
{
    const char* from = p + 1;
    while (from < end) {
        const auto* quote = static_cast<const char*>(std::memchr(from, '"', static_cast<size_t>(end - from)));
        if (!quote) {
            return false;
        }
        const char* run = quote;
        while (run > from && run[-1] == '\\') {
            --run;
        }
        from = quote + 1;
        if ((quote - run) % 2 == 0) {
            p = from;
            return true;
        }
    }
    return false;
}

QJsonValue parseValue(const char* begin, const char* end)
{
    const char first = *begin;
    if (first == '"') {
        const QByteArray raw(begin + 1, static_cast<qsizetype>(end - begin - 2));
        if (!raw.contains('\\')) {
            return QString::fromUtf8(raw);
        }
    } else if (first == 't' || first == 'f' || first == 'n') {
        return first == 'n' ? QJsonValue(QJsonValue::Null) : QJsonValue(first == 't');
    } else if (first != '{' && first != '[') {
        bool ok = false;
        const double number = QByteArray(begin, static_cast<qsizetype>(end - begin)).toDouble(&ok);
        return ok ? QJsonValue(number) : QJsonValue(QJsonValue::Undefined);
    }
    // Objects, arrays and escaped strings: let QJsonDocument decode the slice.
    const QByteArray wrapped = '[' + QByteArray(begin, static_cast<qsizetype>(end - begin)) + ']';
    return QJsonDocument::fromJson(wrapped).array().at(0);
}

// p at an object's '{': moves p to the start of the value of key; false when the object has no such key.
bool enterMember(const char*& p, const char* end, QByteArrayView wanted)
{
    Members members(p, end);
    while (members.next()) {
        if (members.key() == wanted) {
            p = members.valueStart();
            return true;
        }
    }
    return false;
}

// p just inside an array: moves p to the start of element index; false when there are fewer elements.
bool enterElement(const char*& p, const char* end, qsizetype index)
{
    for (qsizetype i = 0;; ++i) {
        skipSpace(p, end);
        if (p >= end || *p == ']') {
            return false;
        }
        if (i == index) {
            return true;
        }
        if (!skipValue(p, end)) {
            return false;
        }
        skipComma(p, end);
    }
}

} // namespace

void skipSpace(const char*& p, const char* end)
{
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) {
        ++p;
    }
}

bool skipValue(const char*& p, const char* end)
{
    if (p >= end) {
        return false;
    }
    if (*p == '"') {
        return skipString(p, end);
    }
    if (*p == '{' || *p == '[') {
        int depth = 0;
        while (p < end) {
            if (*p == '"') {
                if (!skipString(p, end)) {
                    return false;
                }
                continue;
            }
            if (*p == '{' || *p == '[') {
                ++depth;
            } else if (*p == '}' || *p == ']') {
                if (--depth == 0) {
                    ++p;
                    return true;
                }
            }
            ++p;
        }
        return false;
    }
    while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n') {
        ++p;
    }
    return true;
}

void skipComma(const char*& p, const char* end)
{
    skipSpace(p, end);
    if (p < end && *p == ',') {
        ++p;
    }
}

Members::Members(const char* p, const char* end) : m_p(p), m_end(end) { }

bool Members::next()
{
    if (!m_ok) {
        return false;
    }
    skipSpace(m_p, m_end);
    if (!m_open) {
        if (m_p >= m_end || *m_p != '{') {
            m_ok = false;
            return false;
        }
        ++m_p;
        m_open = true;
    } else {
        skipComma(m_p, m_end);
    }
    skipSpace(m_p, m_end);
    if (m_p < m_end && *m_p == '}') {
        ++m_p;
        return false;
    }
    m_member = m_p;
    if (m_p >= m_end || *m_p != '"' || !skipString(m_p, m_end)) {
        m_ok = false;
        return false;
    }
    m_keyEnd = m_p;
    skipSpace(m_p, m_end);
    if (m_p >= m_end || *m_p != ':') {
        m_ok = false;
        return false;
    }
    ++m_p;
    skipSpace(m_p, m_end);
    m_value = m_p;
    if (!skipValue(m_p, m_end)) {
        m_ok = false;
        return false;
    }
    m_valueEnd = m_p;
    return true;
}

QJsonValue valueAt(const QByteArray& json, const QStringList& path)
{
    const char* p = json.constData();
    const char* const end = p + json.size();
    if (path.isEmpty()) {
        return QJsonValue(QJsonValue::Undefined);
    }
    for (const QString& part : path) {
        if (!enterMember(p, end, part.toUtf8())) {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    const char* valueStart = p;
    return skipValue(p, end) ? parseValue(valueStart, p) : QJsonValue(QJsonValue::Undefined);
}

qsizetype offsetOf(const QByteArray& json, const QStringList& path)
{
    const char* const begin = json.constData();
    const char* const end = begin + json.size();
    const char* p = begin;
    skipSpace(p, end);
    qsizetype found = p - begin;
    for (const QString& part : path) {
        if (p >= end) {
            break;
        }
        const bool element = part.startsWith(QLatin1Char('['));
        if (*p != (element ? '[' : '{')) {
            break;
        }
        const bool entered = element ? enterElement(++p, end, part.mid(1, part.size() - 2).toLongLong())
                                     : enterMember(p, end, part.toUtf8());
        if (!entered) {
            break;
        }
        found = p - begin;
    }
    return found;
}

} // namespace Sim::JsonScan
