#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1StringView>
#include <QString>

#include <utility>
#include <vector>

namespace Cw {

class JsonRecord;
struct JsonMemberSpan; // JsonView.cpp: a record's top-level member, found while the page is validated

// A JSON value read in place from a UTF-8 buffer, without building a QJsonDocument: for large pulls, where
// QJsonDocument::fromJson (~85 instructions a byte) and QJsonObject lookups were most of the work. A view only
// points into the buffer, which must outlive it. Lookups scan the bytes; strings are decoded when asked for.
// The surface mirrors QJsonValue / QJsonObject (value(), toObject(), toString(), ...) so mappings read alike.
class JsonView final
{
public:
    enum class Type { Undefined, Null, Bool, Number, String, Object, Array };

    JsonView() = default;

    // Checks that `json` is one well-formed JSON array (a truncated or broken page fails: *error says where) and
    // gives a view of each element.
    static bool splitArray(const QByteArray& json, std::vector<JsonView>* elements, QString* error);
    // The same for a page of records, each with its top-level members indexed by the same pass that validates the
    // page (a JsonRecord made from a view scans the record again). An element that is not an object gives a
    // record without members.
    static bool splitRecords(const QByteArray& json, std::vector<JsonRecord>* records, QString* error);

    Type type() const;
    bool isUndefined() const { return m_begin == nullptr; }
    bool isNull() const { return type() == Type::Null; }
    bool isObject() const { return type() == Type::Object; }
    bool isArray() const { return type() == Type::Array; }
    bool isString() const { return type() == Type::String; }
    bool isDouble() const { return type() == Type::Number; }

    // Objects: the member's value (undefined when absent or not an object). Arrays: the element.
    JsonView value(QLatin1StringView key) const;
    JsonView at(qsizetype index) const;
    JsonView first() const { return at(0); }
    bool isEmpty() const; // an empty (or absent) array or object
    // QJsonValue-style conversions: a view of the same value (objects and arrays are read in place).
    JsonView toObject() const { return isObject() ? *this : JsonView(); }
    JsonView toArray() const { return isArray() ? *this : JsonView(); }

    QString toString(const QString& fallback = {}) const; // decoded; fallback when not a string
    // The same, as UTF-8 bytes (no conversion to UTF-16 and back for text that is stored as UTF-8 anyway).
    QByteArray toUtf8(const QByteArray& fallback = {}) const;
    double toDouble(double fallback = 0) const;
    qint64 toInteger(qint64 fallback = 0) const;
    bool toBool(bool fallback = false) const;
    QByteArray raw() const { return isUndefined() ? QByteArray() : QByteArray(m_begin, m_end - m_begin); }

private:
    friend class JsonRecord;
    JsonView(const char* begin, const char* end) : m_begin(begin), m_end(end) { }
    // A string's bytes between the quotes: a view of the buffer, or, when it has escapes, of *decoded (filled with
    // them decoded). UTF-8 as the page sent it, not checked.
    QByteArrayView text(QByteArray* decoded) const;
    static bool split(const QByteArray& json, std::vector<JsonView>* elements, std::vector<JsonMemberSpan>* members,
                      std::vector<std::size_t>* firstMember, QString* error);

    const char* m_begin = nullptr; // the value's first byte (after whitespace)
    const char* m_end = nullptr; // one past its last byte
};

// One object (a record of a page) with its top-level members indexed once, so each field lookup is a short
// comparison loop instead of a scan. Nested values are JsonViews.
class JsonRecord final
{
public:
    explicit JsonRecord(const JsonView& object);

    JsonView value(QLatin1StringView key) const;
    bool isObject() const { return m_object.isObject(); }

private:
    friend class JsonView;
    using Members = std::vector<std::pair<QLatin1StringView, JsonView>>;
    JsonRecord(const JsonView& object, Members members) : m_object(object), m_members(std::move(members)) { }

    JsonView m_object;
    Members m_members;
};

} // namespace Cw
