#include "app/sim/FieldProjection.h"

#include "app/sim/JsonScan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Sim {

namespace {

QJsonValue projectValue(const QJsonValue& value, const QList<QStringList>& paths);

// The members of `object` the paths name; an empty path in the list means the whole object.
QJsonObject projectObject(const QJsonObject& object, const QList<QStringList>& paths)
{
    QJsonObject result;
    QHash<QString, QList<QStringList>> byMember;
    QStringList order;
    for (const QStringList& path : paths) {
        if (path.isEmpty()) {
            return object;
        }
        if (!byMember.contains(path.first())) {
            order.append(path.first());
        }
        byMember[path.first()].append(path.mid(1));
    }
    for (const QString& member : order) {
        const QJsonValue value = object.value(member);
        if (value.isUndefined()) {
            continue;
        }
        result.insert(member, projectValue(value, byMember.value(member)));
    }
    return result;
}

// A value under the rest of the paths: whole when one path ends here; an array element by element.
QJsonValue projectValue(const QJsonValue& value, const QList<QStringList>& paths)
{
    for (const QStringList& path : paths) {
        if (path.isEmpty()) {
            return value;
        }
    }
    if (value.isObject()) {
        return projectObject(value.toObject(), paths);
    }
    if (value.isArray()) {
        QJsonArray result;
        for (const QJsonValue& element : value.toArray()) {
            result.append(projectValue(element, paths));
        }
        return result;
    }
    return value; // a scalar (or null) where an object was expected: as it is
}

} // namespace

FieldProjection::FieldProjection(const QStringList& fields)
{
    for (const QString& field : fields) {
        const QStringList path = field.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (path.isEmpty()) {
            continue;
        }
        m_paths.append(path);
        m_nested = m_nested || path.size() > 1;
        const QByteArray top = path.first().toUtf8();
        if (!m_top.contains(top)) {
            m_top.append(top);
        }
    }
}

QByteArray FieldProjection::apply(const QByteArray& record) const
{
    // The top-level members are copied out of the record's bytes without parsing it; only those that are asked
    // for by path are parsed, and only they.
    const QByteArray top = JsonScan::projectTopLevel(record, m_top);
    const QByteArray source = top.isEmpty() ? record : top;
    if (!m_nested && !top.isEmpty()) {
        return top;
    }
    const QJsonObject object = QJsonDocument::fromJson(source).object();
    return QJsonDocument(projectObject(object, m_paths)).toJson(QJsonDocument::Compact);
}

} // namespace Sim
