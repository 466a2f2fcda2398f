#include "app/sim/RecordWriter.h"

#include "app/sim/ViolationLog.h"
#include "app/sim/WriteHooks.h"

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

QJsonArray errorsJson(const std::vector<FieldError>& errors)
{
    return QJsonDocument::fromJson(ApiError::body(QString(), QString(), errors))
        .object()
        .value(QLatin1String("errors"))
        .toArray();
}

} // namespace

RecordWriter::RecordWriter(Collection& collection, const WriteContext& context, QJsonObject parentReference)
    : m_collection(collection)
    , m_context(context)
    , m_gate(context.models, collection.spec())
    , m_parentReference(std::move(parentReference))
{ }

FieldError RecordWriter::error(const QString& code, const QString& message, const QString& field) const
{
    return FieldError {code, message, m_collection.spec().resource, field};
}

HttpResponse RecordWriter::notFound(qint64 id) const
{
    return ApiError::notFound(QStringLiteral("%1 with id %2 was not found.").arg(m_collection.spec().resource).arg(id));
}

HttpResponse RecordWriter::refuse(const Refusal& refusal) const
{
    m_context.violations.record({QDateTime::currentDateTimeUtc(), m_context.method, m_context.path, refusal.status,
                                 refusal.code, refusal.message, errorsJson(refusal.errors)});
    return refusal.response();
}

void RecordWriter::logFalsePatch(const QString& path) const
{
    m_context.violations.record({QDateTime::currentDateTimeUtc(),
                                 m_context.method,
                                 m_context.path,
                                 200,
                                 QStringLiteral("NestedPatchPath"),
                                 QStringLiteral("The PATCH path '%1' is nested: ConnectWise answers 200 and changes "
                                                "nothing. Replace the whole member ('%2') instead.")
                                     .arg(path, path.section(QLatin1Char('/'), 0, 0)),
                                 {}});
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
    if (const auto refusal = m_gate.validate(record)) {
        return refuse(*refusal);
    }
    const QString invalidMessage = QStringLiteral("%1 object is invalid").arg(m_collection.spec().resource);
    if (const auto dup = duplicate(record, id)) {
        return invalid(invalidMessage, {*dup});
    }
    record.insert(kId, id);
    if (m_context.hooks) {
        const std::vector<FieldError> errors = m_context.hooks->prepare(m_collection.spec(), &record, previous);
        if (!errors.empty()) {
            return invalid(invalidMessage, errors);
        }
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QJsonObject info = previous.value(kInfo).toObject();
    info.insert(QStringLiteral("lastUpdated"), now);
    info.insert(QStringLiteral("updatedBy"), kWriter);
    if (!info.contains(QStringLiteral("dateEntered"))) {
        info.insert(QStringLiteral("dateEntered"), now);
        info.insert(QStringLiteral("enteredBy"), kWriter);
    }
    record.insert(kInfo, info);
    const Record* stored = status == 201 ? &m_collection.insert(record) : m_collection.replace(id, record);
    if (!stored) {
        return notFound(id);
    }
    const QByteArray json = stored->json; // hooks may write other records of this collection
    if (m_context.hooks) {
        m_context.hooks->written(m_collection.spec(), record, previous);
    }
    return HttpResponse::json(status, json);
}

HttpResponse RecordWriter::create(const QByteArray& body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject()) {
        return invalid(QStringLiteral("The request body must be a JSON object."));
    }
    if (const auto refusal = m_gate.read(document.object(), m_collection.spec().model, body)) {
        return refuse(*refusal);
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
    if (const auto refusal = m_gate.read(document.object(), m_collection.spec().model, body)) {
        return refuse(*refusal);
    }
    QJsonObject record = document.object();
    record.remove(kInfo);
    const QJsonObject previous = existing->object();
    const QString parentField = m_collection.spec().parentField;
    if (!parentField.isEmpty()) {
        record.insert(parentField, previous.value(parentField));
    }
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
    const QJsonArray operations = document.array();
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const QStringList at {QStringLiteral("[%1]").arg(i)};
        if (const auto refusal = m_gate.read(operations.at(i), QStringLiteral("PatchOperation"), body, at)) {
            return refuse(*refusal);
        }
    }
    const QJsonObject previous = existing->object();
    QJsonObject record = previous;
    std::vector<FieldError> errors;
    bool changed = false;
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const QJsonObject operation = operations.at(i).toObject();
        const QString op = operation.value(QStringLiteral("op")).toString().toLower();
        QString path = operation.value(QStringLiteral("path")).toString();
        if (path.startsWith(QLatin1Char('/'))) { // the documented form has none; whether one is accepted is unknown
            path.remove(0, 1);
        }
        const QStringList parts = path.split(QLatin1Char('/'));
        const QString index = QStringLiteral("[%1]").arg(i);
        if (op != QLatin1String("replace") && op != QLatin1String("add") && op != QLatin1String("remove")) {
            errors.push_back(error(QStringLiteral("InvalidField"),
                                   QStringLiteral("Unsupported patch operation '%1'.").arg(op), path));
            continue;
        }
        if (path.isEmpty() || parts.first() == kId || parts.first() == kInfo) {
            errors.push_back(error(QStringLiteral("InvalidField"),
                                   QStringLiteral("The path '%1' cannot be patched.").arg(path), path));
            continue;
        }
        if (!m_gate.schema() || !m_gate.schema()->property(parts.first())) {
            return refuse(m_gate.unknownMember(parts.first(), body, {index, QStringLiteral("path")}));
        }
        if (parts.size() > 1) {
            logFalsePatch(path); // ConnectWise's "false 200": nothing changes
            continue;
        }
        if (op == QLatin1String("remove")) {
            record.remove(path);
            changed = true;
            continue;
        }
        if (!operation.contains(QStringLiteral("value"))) {
            errors.push_back(error(QStringLiteral("InvalidField"),
                                   QStringLiteral("The operation on '%1' has no value.").arg(path), path));
            continue;
        }
        const QJsonValue value = operation.value(QStringLiteral("value"));
        if (const auto refusal = m_gate.readMember(path, value, body, {index, QStringLiteral("value")}, &errors)) {
            return refuse(*refusal);
        }
        record.insert(path, value);
        changed = true;
    }
    if (!errors.empty()) {
        return refuse(Refusal {400, QStringLiteral("InvalidObject"), QStringLiteral("The patch is invalid."), errors});
    }
    if (!changed) {
        return HttpResponse::json(200, existing->json);
    }
    return store(record, id, previous, 200);
}

HttpResponse RecordWriter::remove(qint64 id)
{
    const Record* existing = m_collection.find(id);
    const QJsonObject previous = existing ? existing->object() : QJsonObject();
    if (!m_collection.remove(id)) {
        return notFound(id);
    }
    if (m_context.hooks) {
        m_context.hooks->written(m_collection.spec(), {}, previous);
    }
    HttpResponse reply;
    reply.status = 204;
    return reply;
}

} // namespace Sim
