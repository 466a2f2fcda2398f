#include "app/sim/ModelGate.h"

#include "app/sim/JsonScan.h"

#include <QJsonArray>

namespace Sim {

namespace {

const QStringList kAddressFields = {QStringLiteral("addressLine1"), QStringLiteral("addressLine2"),
                                    QStringLiteral("city"),         QStringLiteral("state"),
                                    QStringLiteral("zip"),          QStringLiteral("country")};

bool isBlank(const QJsonValue& value)
{
    return value.isUndefined() || value.isNull() || (value.isString() && value.toString().trimmed().isEmpty()) ||
        (value.isObject() && value.toObject().isEmpty());
}

// " Path 'company', line 1, position 17." as ConnectWise's JSON reader ends its messages.
QString where(const QString& jsonPath, const QByteArray& raw, const QStringList& path)
{
    const qsizetype offset = JsonScan::offsetOf(raw, path);
    const qsizetype lineStart = raw.lastIndexOf('\n', offset - 1) + 1;
    const qsizetype line = raw.left(offset).count('\n') + 1;
    return QStringLiteral(" Path '%1', line %2, position %3.").arg(jsonPath).arg(line).arg(offset - lineStart + 1);
}

QString jsonPathOf(const QStringList& path)
{
    ModelViolation v;
    v.path = path;
    return v.jsonPath();
}

} // namespace

ModelGate::ModelGate(const ModelTable& table, const CollectionSpec& spec)
    : m_table(table), m_spec(spec), m_schema(table.schema(spec.model))
{ }

FieldError ModelGate::fieldError(const ModelViolation& violation) const
{
    using Kind = ModelViolation::Kind;
    const QString code = violation.kind == Kind::MissingRequired ? QStringLiteral("MissingRequiredField")
        : violation.kind == Kind::MaxLength                      ? QStringLiteral("MaxLengthField")
                                                                 : QStringLiteral("InvalidField");
    return FieldError {code, violation.message, m_spec.resource, violation.fieldPath()};
}

Refusal ModelGate::readerError(const ModelViolation& violation, const QByteArray& raw, const QStringList& prefix) const
{
    const QStringList path = prefix + violation.path;
    return Refusal {400, QStringLiteral("ConnectWiseApi"), violation.message + where(jsonPathOf(path), raw, path), {}};
}

Refusal ModelGate::unknownMember(const QString& member, const QByteArray& raw, const QStringList& path) const
{
    ModelViolation v;
    v.path = QStringList {member};
    v.message = QStringLiteral("Could not find member '%1' on object of type '%2'.")
                    .arg(member, m_schema ? m_schema->typeName() : m_spec.model);
    // The path in the message is the member's; the position is where it was sent (path in raw).
    return Refusal {400, QStringLiteral("ConnectWiseApi"), v.message + where(member, raw, path), {}};
}

std::optional<Refusal> ModelGate::read(const QJsonValue& value, const QString& schema, const QByteArray& raw,
                                       const QStringList& prefix) const
{
    const auto found = ModelValidator(m_table).validate(value, schema, ModelValidator::Required::Ignore);
    const ModelViolation* first = nullptr;
    qsizetype firstOffset = 0;
    for (const ModelViolation& v : found) {
        if (!v.isStructural()) {
            continue;
        }
        const qsizetype offset = JsonScan::offsetOf(raw, prefix + v.path);
        if (!first || offset < firstOffset) {
            first = &v;
            firstOffset = offset;
        }
    }
    if (!first) {
        return std::nullopt;
    }
    return readerError(*first, raw, prefix);
}

std::optional<Refusal> ModelGate::readMember(const QString& member, const QJsonValue& value, const QByteArray& raw,
                                             const QStringList& valuePath, std::vector<FieldError>* invalid) const
{
    const auto found = ModelValidator(m_table).validateMember(m_spec.model, member, value);
    for (const ModelViolation& v : found) {
        if (v.kind == ModelViolation::Kind::UnknownMember && v.path.size() == 1) {
            return unknownMember(member, raw, valuePath);
        }
        if (v.isStructural()) { // v.path starts with the member, valuePath is where its value was sent
            return Refusal {400,
                            QStringLiteral("ConnectWiseApi"),
                            v.message + where(v.jsonPath(), raw, valuePath + v.path.mid(1)),
                            {}};
        }
        invalid->push_back(fieldError(v));
    }
    return std::nullopt;
}

std::optional<Refusal> ModelGate::validate(const QJsonObject& record) const
{
    std::vector<FieldError> errors;
    for (const ModelViolation& v :
         ModelValidator(m_table).validate(record, m_spec.model, ModelValidator::Required::Check)) {
        if (!v.isStructural()) {
            errors.push_back(fieldError(v));
        }
    }
    // Beyond the schema (connectwise-api.md §6): members ConnectWise requires, references it resolves by id.
    for (const QString& field : m_spec.required) {
        const QJsonValue value = record.value(field);
        if (isBlank(value)) {
            errors.push_back(FieldError {QStringLiteral("MissingRequiredField"),
                                         QStringLiteral("The %1 field is required.").arg(field), m_spec.resource,
                                         field});
        } else if (value.isObject() && field != QLatin1String("site") &&
                   !value.toObject().value(QLatin1String("id")).isDouble()) {
            errors.push_back(FieldError {QStringLiteral("InvalidField"),
                                         QStringLiteral("The %1 reference must have a numeric id.").arg(field),
                                         m_spec.resource, field + QStringLiteral("/id")});
        }
    }
    if (m_spec.model == QLatin1String("Company") &&
        std::all_of(kAddressFields.cbegin(), kAddressFields.cend(),
                    [&record](const QString& f) { return isBlank(record.value(f)); })) {
        errors.push_back(FieldError {QStringLiteral("MissingRequiredField"),
                                     QStringLiteral("At least one address field is required -- addressLine1, "
                                                    "addressLine2, city, state, zip and/or country."),
                                     m_spec.resource, QStringLiteral("addressLine1")});
    }
    if (errors.empty()) {
        return std::nullopt;
    }
    return Refusal {400, QStringLiteral("InvalidObject"), QStringLiteral("%1 object is invalid").arg(m_spec.resource),
                    errors};
}

} // namespace Sim
