#include "app/sim/ModelValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace Sim {

namespace {

using Kind = ModelProperty::Kind;

const QString kModels = QStringLiteral("ConnectWise.Apis.v3_0.v2022_1.Common.Models.");

// A value as the reader quotes it in "Error converting value ...": strings quoted, null as {null}.
QString quoted(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return QLatin1Char('"') + value.toString() + QLatin1Char('"');
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case QJsonValue::Null:
        return QStringLiteral("{null}");
    default:
        return QString();
    }
}

QString token(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Object:
        return QStringLiteral("StartObject");
    case QJsonValue::Array:
        return QStringLiteral("StartArray");
    case QJsonValue::Bool:
        return QStringLiteral("Boolean");
    case QJsonValue::String:
        return QStringLiteral("String");
    default:
        return QStringLiteral("Float");
    }
}

bool isContainer(const QJsonValue& value)
{
    return value.isObject() || value.isArray();
}

} // namespace

QString ModelViolation::jsonPath() const
{
    QString result;
    for (const QString& part : path) {
        if (!part.startsWith(QLatin1Char('[')) && !result.isEmpty()) {
            result += QLatin1Char('.');
        }
        result += part;
    }
    return result;
}

QString ModelViolation::fieldPath() const
{
    QStringList members;
    for (const QString& part : path) {
        if (!part.startsWith(QLatin1Char('['))) {
            members.append(part);
        }
    }
    return members.join(QLatin1Char('/'));
}

QString ModelValidator::clrType(const ModelProperty& property, bool nullable)
{
    auto maybeNull = [nullable](const QString& type) {
        return nullable ? QStringLiteral("System.Nullable`1[") + type + QLatin1Char(']') : type;
    };
    switch (property.kind) {
    case Kind::Integer:
        return maybeNull(QStringLiteral("System.Int32"));
    case Kind::Number:
        return maybeNull(QStringLiteral("System.Double"));
    case Kind::Boolean:
        return maybeNull(QStringLiteral("System.Boolean"));
    case Kind::String:
    case Kind::Enum:
        return QStringLiteral("System.String");
    case Kind::Reference:
        return kModels + property.reference.section(QLatin1Char('.'), -1);
    case Kind::Array:
        return QStringLiteral("System.Collections.Generic.List`1[") +
            (property.items ? clrType(*property.items, false) : QStringLiteral("System.Object")) + QLatin1Char(']');
    case Kind::Map:
        return QStringLiteral("System.Collections.Generic.Dictionary`2[System.String,System.String]");
    case Kind::Any:
        break;
    }
    return QStringLiteral("System.Object");
}

std::vector<ModelViolation> ModelValidator::validate(const QJsonValue& value, const QString& schemaName,
                                                     Required required) const
{
    std::vector<ModelViolation> out;
    const ModelSchema* schema = m_table.schema(schemaName);
    if (!schema) {
        return out;
    }
    ModelProperty top;
    top.kind = Kind::Reference;
    top.reference = schemaName;
    checkValue(value, top, false, {}, schema->typeName(), required, &out);
    return out;
}

std::vector<ModelViolation> ModelValidator::validateMember(const QString& schemaName, const QString& member,
                                                           const QJsonValue& value) const
{
    std::vector<ModelViolation> out;
    const ModelSchema* schema = m_table.schema(schemaName);
    if (!schema) {
        return out;
    }
    const ModelProperty* property = schema->property(member);
    if (!property) {
        out.push_back(
            {ModelViolation::Kind::UnknownMember,
             {member},
             schema->typeName(),
             QStringLiteral("Could not find member '%1' on object of type '%2'.").arg(member, schema->typeName())});
        return out;
    }
    checkValue(value, *property, schema->nullable.contains(member), {member}, schema->typeName(), Required::Ignore,
               &out);
    return out;
}

void ModelValidator::checkObject(const QJsonObject& object, const ModelSchema& schema, const QStringList& path,
                                 Required required, std::vector<ModelViolation>* out) const
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QStringList memberPath = path + QStringList {it.key()};
        const ModelProperty* property = schema.property(it.key());
        if (!property) {
            out->push_back({ModelViolation::Kind::UnknownMember, memberPath, schema.typeName(),
                            QStringLiteral("Could not find member '%1' on object of type '%2'.")
                                .arg(it.key(), schema.typeName())});
            continue;
        }
        checkValue(it.value(), *property, schema.nullable.contains(it.key()), memberPath, schema.typeName(), required,
                   out);
    }
    if (required == Required::Ignore) {
        return;
    }
    for (const QString& member : schema.required) {
        const QJsonValue value = object.value(member);
        if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().trimmed().isEmpty())) {
            const QStringList memberPath = path + QStringList {member};
            out->push_back({ModelViolation::Kind::MissingRequired, memberPath, schema.typeName(),
                            QStringLiteral("The %1 field is required.").arg(memberPath.join(QLatin1Char('/')))});
        }
    }
}

void ModelValidator::checkValue(const QJsonValue& value, const ModelProperty& property, bool nullable,
                                const QStringList& path, const QString& holder, Required required,
                                std::vector<ModelViolation>* out) const
{
    const QString field = path.join(QLatin1Char('/'));
    auto wrong = [&](const QString& message) {
        out->push_back({ModelViolation::Kind::WrongType, path, holder, message});
    };
    auto converting = [&] {
        wrong(
            QStringLiteral("Error converting value %1 to type '%2'.").arg(quoted(value), clrType(property, nullable)));
    };
    auto reading = [&](const char* what) {
        wrong(QStringLiteral("Error reading %1. Unexpected token: %2.").arg(QLatin1String(what), token(value)));
    };
    if (value.isNull() || value.isUndefined()) {
        const bool valueType = property.kind == Kind::Integer || property.kind == Kind::Number ||
            property.kind == Kind::Boolean || property.kind == Kind::Enum;
        if (valueType && !nullable) {
            converting();
        }
        return;
    }
    switch (property.kind) {
    case Kind::Integer:
        if (value.isString()) {
            bool ok = false;
            value.toString().trimmed().toInt(&ok);
            if (!ok && !value.toString().trimmed().isEmpty()) {
                wrong(QStringLiteral("Could not convert string to integer: %1.").arg(value.toString()));
            }
        } else if (value.isDouble()) {
            const double d = value.toDouble();
            if (d != std::floor(d)) {
                wrong(QStringLiteral("Input string '%1' is not a valid integer.").arg(d));
            } else if (d > 2147483647.0 || d < -2147483648.0) {
                wrong(QStringLiteral("JSON integer %1 is too large or small for an Int32.").arg(quoted(value)));
            }
        } else {
            reading("integer");
        }
        return;
    case Kind::Number:
        if (value.isString()) {
            bool ok = false;
            value.toString().trimmed().toDouble(&ok);
            if (!ok && !value.toString().trimmed().isEmpty()) {
                wrong(QStringLiteral("Could not convert string to double: %1.").arg(value.toString()));
            }
        } else if (!value.isDouble()) {
            reading("double");
        }
        return;
    case Kind::Boolean:
        if (value.isString()) {
            const QString text = value.toString().trimmed();
            if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) != 0 &&
                text.compare(QLatin1String("false"), Qt::CaseInsensitive) != 0) {
                wrong(QStringLiteral("Could not convert string to boolean: %1.").arg(value.toString()));
            }
        } else if (isContainer(value)) {
            reading("boolean");
        }
        return;
    case Kind::String:
        if (isContainer(value)) {
            reading("string");
        } else if (property.maxLength >= 0 && value.isString() && value.toString().size() > property.maxLength) {
            out->push_back({ModelViolation::Kind::MaxLength, path, holder,
                            QStringLiteral("The field %1 must be a string with a maximum length of %2.")
                                .arg(field)
                                .arg(property.maxLength)});
        }
        return;
    case Kind::Enum: {
        if (isContainer(value)) {
            reading("string");
            return;
        }
        const QString text = value.isString() ? value.toString() : quoted(value);
        const bool known = std::any_of(property.values.cbegin(), property.values.cend(),
                                       [&text](const QString& v) { return v.compare(text, Qt::CaseInsensitive) == 0; });
        if (!known) {
            out->push_back({ModelViolation::Kind::BadEnum, path, holder,
                            QStringLiteral("The value '%1' is not valid for %2; use one of: %3.")
                                .arg(text, field, property.values.join(QStringLiteral(", ")))});
        }
        return;
    }
    case Kind::Reference: {
        const ModelSchema* schema = m_table.schema(property.reference);
        if (value.isObject()) {
            if (schema) {
                checkObject(value.toObject(), *schema, path, required, out);
            }
        } else if (value.isArray()) {
            wrong(QStringLiteral("Cannot deserialize the current JSON array (e.g. [1,2,3]) into type '%1' because the "
                                 "type requires a JSON object (e.g. {\"name\":\"value\"}) to deserialize correctly.")
                      .arg(clrType(property, false)));
        } else {
            converting();
        }
        return;
    }
    case Kind::Array:
        if (value.isArray()) {
            const QJsonArray items = value.toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                if (property.items) {
                    checkValue(items.at(i), *property.items, false, path + QStringList {QStringLiteral("[%1]").arg(i)},
                               holder, required, out);
                }
            }
        } else if (value.isObject()) {
            wrong(QStringLiteral("Cannot deserialize the current JSON object (e.g. {\"name\":\"value\"}) into type "
                                 "'%1' because the type requires a JSON array (e.g. [1,2,3]) to deserialize "
                                 "correctly.")
                      .arg(clrType(property, false)));
        } else {
            converting();
        }
        return;
    case Kind::Map: {
        if (!value.isObject()) {
            converting();
            return;
        }
        const QJsonObject map = value.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (isContainer(it.value())) {
                out->push_back({ModelViolation::Kind::WrongType, path + QStringList {it.key()}, holder,
                                QStringLiteral("Error reading string. Unexpected token: %1.").arg(token(it.value()))});
            }
        }
        return;
    }
    case Kind::Any:
        return;
    }
}

} // namespace Sim
