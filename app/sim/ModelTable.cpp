#include "app/sim/ModelTable.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Sim {

namespace {

ModelProperty readProperty(const QJsonObject& json)
{
    ModelProperty p;
    const QString ref = json.value(QLatin1String("$ref")).toString();
    const QString type = json.value(QLatin1String("type")).toString();
    p.format = json.value(QLatin1String("format")).toString();
    p.maxLength = json.value(QLatin1String("maxLength")).toInt(-1);
    if (!ref.isEmpty()) {
        p.kind = ModelProperty::Kind::Reference;
        p.reference = ref;
    } else if (json.contains(QLatin1String("enum"))) {
        p.kind = ModelProperty::Kind::Enum;
        for (const QJsonValue& v : json.value(QLatin1String("enum")).toArray()) {
            p.values.append(v.toString());
        }
    } else if (type == QLatin1String("integer")) {
        p.kind = ModelProperty::Kind::Integer;
    } else if (type == QLatin1String("number")) {
        p.kind = ModelProperty::Kind::Number;
    } else if (type == QLatin1String("string")) {
        p.kind = ModelProperty::Kind::String;
    } else if (type == QLatin1String("boolean")) {
        p.kind = ModelProperty::Kind::Boolean;
    } else if (type == QLatin1String("array")) {
        p.kind = ModelProperty::Kind::Array;
        p.items = std::make_shared<ModelProperty>(readProperty(json.value(QLatin1String("items")).toObject()));
    } else if (type == QLatin1String("object")) {
        const QJsonObject values = json.value(QLatin1String("additionalProperties")).toObject();
        if (values.isEmpty()) {
            p.kind = ModelProperty::Kind::Any;
        } else {
            p.kind = ModelProperty::Kind::Map;
            p.items = std::make_shared<ModelProperty>(readProperty(values));
        }
    }
    return p;
}

QStringList segmentsOf(const QString& path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

bool isPlaceholder(const QString& segment)
{
    return segment.startsWith(QLatin1Char('{'));
}

} // namespace

const ModelProperty* ModelSchema::property(const QString& member) const
{
    const auto it = properties.find(member);
    return it == properties.end() ? nullptr : &it->second;
}

ModelTable::ModelTable()
{
    QFile file(QString::fromLatin1(kResource));
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read %1: %2").arg(QString::fromLatin1(kResource), file.errorString());
        return;
    }
    load(file.readAll());
}

ModelTable ModelTable::fromJson(const QByteArray& json)
{
    ModelTable table {NoLoad {}};
    table.load(json);
    return table;
}

void ModelTable::load(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(json, &parseError).object();
    const QJsonObject schemas = root.value(QLatin1String("schemas")).toObject();
    const QJsonObject paths = root.value(QLatin1String("paths")).toObject();
    if (parseError.error != QJsonParseError::NoError || schemas.isEmpty() || paths.isEmpty()) {
        m_error = QStringLiteral("the model table is not valid JSON with paths and schemas: %1")
                      .arg(parseError.errorString());
        return;
    }
    for (auto it = schemas.begin(); it != schemas.end(); ++it) {
        const QJsonObject s = it.value().toObject();
        ModelSchema schema;
        schema.name = it.key();
        const QJsonObject properties = s.value(QLatin1String("properties")).toObject();
        for (auto p = properties.begin(); p != properties.end(); ++p) {
            schema.properties.emplace(p.key(), readProperty(p.value().toObject()));
        }
        for (const QJsonValue& v : s.value(QLatin1String("required")).toArray()) {
            schema.required.append(v.toString());
        }
        for (const QJsonValue& v : s.value(QLatin1String("nullable")).toArray()) {
            schema.nullable.insert(v.toString());
        }
        m_schemas.insert(schema.name, schema);
    }
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        PathEntry entry;
        entry.spelling = it.key();
        entry.segments = segmentsOf(it.key());
        const QJsonObject methods = it.value().toObject();
        for (auto m = methods.begin(); m != methods.end(); ++m) {
            const QJsonObject o = m.value().toObject();
            ModelOperation op;
            op.exists = true;
            op.body = o.value(QLatin1String("body")).toString();
            op.bodyArray = o.value(QLatin1String("bodyArray")).toBool();
            op.response = o.value(QLatin1String("response")).toString();
            op.array = o.value(QLatin1String("array")).toBool();
            op.status = o.value(QLatin1String("status")).toInt(200);
            entry.methods.insert(m.key().toLower(), op);
        }
        m_paths.push_back(std::move(entry));
    }
}

const ModelSchema* ModelTable::schema(const QString& name) const
{
    const auto it = m_schemas.constFind(name);
    return it == m_schemas.constEnd() ? nullptr : &*it;
}

QStringList ModelTable::schemaNames() const
{
    QStringList names = m_schemas.keys();
    names.sort();
    return names;
}

QStringList ModelTable::pathTemplates() const
{
    QStringList result;
    for (const PathEntry& entry : m_paths) {
        result.append(entry.spelling);
    }
    return result;
}

QString ModelTable::pathTemplate(const QString& apiPath) const
{
    const QStringList segments = segmentsOf(apiPath);
    const PathEntry* best = nullptr;
    int bestLiterals = -1;
    for (const PathEntry& entry : m_paths) {
        if (entry.segments.size() != segments.size()) {
            continue;
        }
        int literals = 0;
        bool matches = true;
        for (qsizetype i = 0; i < segments.size() && matches; ++i) {
            if (isPlaceholder(entry.segments.at(i))) {
                continue;
            }
            matches = entry.segments.at(i).compare(segments.at(i), Qt::CaseInsensitive) == 0;
            ++literals;
        }
        if (matches && literals > bestLiterals) { // "types" beats "{id}"
            best = &entry;
            bestLiterals = literals;
        }
    }
    return best ? best->spelling : QString();
}

ModelOperation ModelTable::operation(const QString& apiPath, const QByteArray& method) const
{
    const QString spelling = pathTemplate(apiPath);
    for (const PathEntry& entry : m_paths) {
        if (entry.spelling == spelling) {
            return entry.methods.value(QString::fromLatin1(method).toLower());
        }
    }
    return {};
}

} // namespace Sim
