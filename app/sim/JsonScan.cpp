#include "app/sim/JsonScan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Sim::JsonScan {

namespace {

void skipSpace(const char*& p, const char* end)
{
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) {
        ++p;
    }
}

// p at an opening quote; leaves p after the closing quote. Returns false on malformed input.
bool skipString(const char*& p, const char* end)
{
    for (++p; p < end; ++p) {
        if (*p == '\\') {
            ++p;
        } else if (*p == '"') {
            ++p;
            return true;
        }
    }
    return false;
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

} // namespace

QJsonValue valueAt(const QByteArray& json, const QStringList& path)
{
    const char* p = json.constData();
    const char* const end = p + json.size();
    for (qsizetype level = 0; level < path.size(); ++level) {
        const QByteArray wanted = path.at(level).toUtf8();
        skipSpace(p, end);
        if (p >= end || *p != '{') {
            return QJsonValue(QJsonValue::Undefined);
        }
        ++p;
        bool found = false;
        while (!found) {
            skipSpace(p, end);
            if (p >= end || *p != '"') {
                return QJsonValue(QJsonValue::Undefined); // '}' (key absent) or malformed
            }
            const char* keyStart = p + 1;
            if (!skipString(p, end)) {
                return QJsonValue(QJsonValue::Undefined);
            }
            const qsizetype keyLength = static_cast<qsizetype>(p - keyStart - 1);
            found =
                keyLength == wanted.size() && memcmp(keyStart, wanted.constData(), static_cast<size_t>(keyLength)) == 0;
            skipSpace(p, end);
            if (p >= end || *p != ':') {
                return QJsonValue(QJsonValue::Undefined);
            }
            ++p;
            skipSpace(p, end);
            if (found) {
                break;
            }
            if (!skipValue(p, end)) {
                return QJsonValue(QJsonValue::Undefined);
            }
            skipSpace(p, end);
            if (p < end && *p == ',') {
                ++p;
            }
        }
        if (level == path.size() - 1) {
            const char* valueStart = p;
            if (!skipValue(p, end)) {
                return QJsonValue(QJsonValue::Undefined);
            }
            return parseValue(valueStart, p);
        }
    }
    return QJsonValue(QJsonValue::Undefined);
}

QByteArray projectTopLevel(const QByteArray& json, const QList<QByteArray>& keys)
{
    const char* p = json.constData();
    const char* const end = p + json.size();
    QByteArray out;
    out.reserve(json.size());
    out += '{';
    skipSpace(p, end);
    if (p >= end || *p != '{') {
        return {};
    }
    ++p;
    while (true) {
        skipSpace(p, end);
        if (p < end && *p == '}') {
            break;
        }
        if (p >= end || *p != '"') {
            return {};
        }
        const char* member = p;
        const char* keyStart = p + 1;
        if (!skipString(p, end)) {
            return {};
        }
        const QByteArrayView key(keyStart, static_cast<qsizetype>(p - keyStart - 1));
        skipSpace(p, end);
        if (p >= end || *p != ':') {
            return {};
        }
        ++p;
        skipSpace(p, end);
        if (!skipValue(p, end)) {
            return {};
        }
        if (keys.contains(key)) {
            if (out.size() > 1) {
                out += ',';
            }
            out.append(member, static_cast<qsizetype>(p - member));
        }
        skipSpace(p, end);
        if (p < end && *p == ',') {
            ++p;
        }
    }
    out += '}';
    return out;
}

namespace {

// p at a value: moves p past it and past the comma that may follow.
bool skipItem(const char*& p, const char* end)
{
    if (!skipValue(p, end)) {
        return false;
    }
    skipSpace(p, end);
    if (p < end && *p == ',') {
        ++p;
    }
    return true;
}

// p just inside an object: moves p to the start of the value of key; false when the object has no such key.
bool enterMember(const char*& p, const char* end, const QByteArray& wanted)
{
    while (true) {
        skipSpace(p, end);
        if (p >= end || *p != '"') {
            return false;
        }
        const char* keyStart = p + 1;
        if (!skipString(p, end)) {
            return false;
        }
        const QByteArrayView key(keyStart, static_cast<qsizetype>(p - keyStart - 1));
        skipSpace(p, end);
        if (p >= end || *p != ':') {
            return false;
        }
        ++p;
        skipSpace(p, end);
        if (key == wanted) {
            return true;
        }
        if (!skipItem(p, end)) {
            return false;
        }
    }
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
        if (!skipItem(p, end)) {
            return false;
        }
    }
}

} // namespace

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
        ++p;
        const bool entered = element ? enterElement(p, end, part.mid(1, part.size() - 2).toLongLong())
                                     : enterMember(p, end, part.toUtf8());
        if (!entered) {
            break;
        }
        found = p - begin;
    }
    return found;
}

} // namespace Sim::JsonScan
