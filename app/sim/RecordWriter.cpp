#include "app/sim/RecordWriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace Sim {

namespace {

const QString kInfo = QStringLiteral("_info");
const QString kId = QStringLiteral("id");
const QString kWriter = QStringLiteral("APIIntegration");

HttpResponse invalid(const QString& message, const std::vector<FieldError>& errors = {})
{
    return ApiError::reply(400, QStringLiteral("InvalidObject"), message, errors);
}

bool isBlank(const QJsonValue& value)
{
    return value.isUndefined() || value.isNull() || (value.isString() && value.toString().trimmed().isEmpty());
}

// Sets value at a '/'-separated path, creating intermediate objects. remove=true deletes it.
bool setAt(QJsonObject* object, const QStringList& path, const QJsonValue& value, bool remove)
{
    if (path.isEmpty()) {
        return false;
    }
    if (path.size() == 1) {
        if (remove) {
            object->remove(path.first());
        } else {
            object->insert(path.first(), value);
        }
        return true;
    }
    QJsonObject child = object->value(path.first()).toObject();
    if (!setAt(&child, path.mid(1), value, remove)) {
        return false;
    }
    object->insert(path.first(), child);
    return true;
}

} // namespace

RecordWriter::RecordWriter(Collection& collection, QJsonObject parentReference)
    : m_collection(collection), m_parentReference(std::move(parentReference))
{ }

FieldError RecordWriter::error(const QString& code, const QString& message, const QString& field) const
{
    return FieldError {code, message, m_collection.spec().resource, field};
}

HttpResponse RecordWriter::notFound(qint64 id) const
{
    return ApiError::notFound(QStringLiteral("%1 with id %2 was not found.").arg(m_collection.spec().resource).arg(id));
}

std::vector<FieldError> RecordWriter::validate(const QJsonObject& record) const
{
    std::vector<FieldError> errors;
    for (const QString& field : m_collection.spec().required) {
        const QJsonValue value = record.value(field);
        if (isBlank(value)) {
            errors.push_back(error(QStringLiteral("MissingRequiredField"),
                                   QStringLiteral("The %1 field is required.").arg(field), field));
        } else if (value.isObject() && !value.toObject().value(kId).isDouble()) {
            errors.push_back(error(QStringLiteral("InvalidField"),
                                   QStringLiteral("The %1 reference must have a numeric id.").arg(field),
                                   field + QStringLiteral("/id")));
        }
    }
    static const struct
    {
        const char* field;
        int max;
    } limits[] = {{"identifier", 25}, {"name", 50}, {"description", 60}, {"invoiceNumber", 15}};
    for (const auto& limit : limits) {
        const QString field = QLatin1String(limit.field);
        const QJsonValue value = record.value(field);
        if (value.isString() && value.toString().size() > limit.max) {
            errors.push_back(error(
                QStringLiteral("MaxLengthField"),
                QStringLiteral("The field %1 must be a string with a maximum length of %2.").arg(field).arg(limit.max),
                field));
        } else if (!value.isUndefined() && !value.isNull() && !value.isString()) {
            errors.push_back(error(QStringLiteral("InvalidField"),
                                   QStringLiteral("The field %1 must be a string.").arg(field), field));
        }
    }
    return errors;
}

std::optional<FieldError> RecordWriter::duplicate(const QJsonObject& record, qint64 selfId) const
{
    const QString field = m_collection.spec().uniqueField;
    if (field.isEmpty() || !record.value(field).isString()) {
        return std::nullopt;
    }
    const QString value = record.value(field).toString();
    const Record* other = m_collection.findUnique(value);
    if (other && other->id != selfId) {
        return error(QStringLiteral("ObjectExists"), QStringLiteral("The %1 '%2' is already in use.").arg(field, value),
                     field);
    }
    return std::nullopt;
}

HttpResponse RecordWriter::store(QJsonObject record, qint64 id, const QJsonObject& previous, int status)
{
    std::vector<FieldError> errors = validate(record);
    if (!errors.empty()) {
        return invalid(QStringLiteral("%1 object is invalid").arg(m_collection.spec().resource), errors);
    }
    if (const auto dup = duplicate(record, id)) {
        return invalid(QStringLiteral("%1 object is invalid").arg(m_collection.spec().resource), {*dup});
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QJsonObject info = previous.value(kInfo).toObject();
    info.insert(QStringLiteral("lastUpdated"), now);
    info.insert(QStringLiteral("updatedBy"), kWriter);
    if (!info.contains(QStringLiteral("dateEntered"))) {
        info.insert(QStringLiteral("dateEntered"), now);
        info.insert(QStringLiteral("enteredBy"), kWriter);
    }
    record.insert(kId, id);
    record.insert(kInfo, info);
    const Record* stored = status == 201 ? &m_collection.insert(record) : m_collection.replace(id, record);
    if (!stored) {
        return notFound(id);
    }
    return HttpResponse::json(status, stored->json);
}

HttpResponse RecordWriter::create(const QByteArray& body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject()) {
        return invalid(QStringLiteral("The request body must be a JSON object."));
    }
    QJsonObject record = document.object();
    record.remove(kInfo);
    if (!m_parentReference.isEmpty()) {
        record.insert(m_collection.spec().parentField, m_parentReference);
    }
    return store(record, m_collection.nextId(), {}, 201);
}

HttpResponse RecordWriter::put(qint64 id, const QByteArray& body)
{
    const Record* existing = m_collection.find(id);
    if (!existing) {
        return notFound(id);
    }
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject()) {
        return invalid(QStringLiteral("The request body must be a JSON object."));
    }
    QJsonObject record = document.object();
    record.remove(kInfo);
    const QString parentField = m_collection.spec().parentField;
    if (!parentField.isEmpty()) {
        record.insert(parentField, existing->object().value(parentField));
    }
    const QJsonObject previous = existing->object();
    return store(record, id, previous, 200);
}

HttpResponse RecordWriter::patch(qint64 id, const QByteArray& body)
{
    const Record* existing = m_collection.find(id);
    if (!existing) {
        return notFound(id);
    }
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isArray()) {
        return invalid(QStringLiteral("The request body must be a JSON Patch array of operations."));
    }
    const QJsonObject previous = existing->object();
    QJsonObject record = previous;
    std::vector<FieldError> errors;
    for (const QJsonValue& entry : document.array()) {
        const QJsonObject operation = entry.toObject();
        const QString op = operation.value(QStringLiteral("op")).toString().toLower();
        QString path = operation.value(QStringLiteral("path")).toString();
        while (path.startsWith(QLatin1Char('/'))) {
            path.remove(0, 1);
        }
        const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (op != QLatin1String("replace") && op != QLatin1String("add") && op != QLatin1String("remove")) {
            errors.push_back(error(QStringLiteral("InvalidField"),
                                   QStringLiteral("Unsupported patch operation '%1'.").arg(op), path));
        } else if (parts.isEmpty() || parts.first() == kId || parts.first() == kInfo) {
            errors.push_back(error(QStringLiteral("InvalidField"),
                                   QStringLiteral("The path '%1' cannot be patched.").arg(path), path));
        } else if (op != QLatin1String("remove") && !operation.contains(QStringLiteral("value"))) {
            errors.push_back(error(QStringLiteral("InvalidField"),
                                   QStringLiteral("The operation on '%1' has no value.").arg(path), path));
        } else {
            setAt(&record, parts, operation.value(QStringLiteral("value")), op == QLatin1String("remove"));
        }
    }
    if (!errors.empty()) {
        return invalid(QStringLiteral("The patch is invalid."), errors);
    }
    return store(record, id, previous, 200);
}

HttpResponse RecordWriter::remove(qint64 id)
{
    if (!m_collection.remove(id)) {
        return notFound(id);
    }
    HttpResponse reply;
    reply.status = 204;
    return reply;
}

} // namespace Sim
