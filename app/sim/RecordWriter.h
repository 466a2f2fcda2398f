#pragma once

#include "app/sim/ApiError.h"
#include "app/sim/Collection.h"
#include "app/sim/HttpMessage.h"

#include <QJsonObject>

namespace Sim {

// Writes to one collection the way the real API does: POST creates (201 + the record), PATCH applies
// a JSON Patch array ([{"op":"replace","path":"name","value":...}]), PUT replaces, DELETE removes
// (204). Invalid input answers 400 InvalidObject with errors[] naming the fields; a second record
// with the same unique value (identifier, name...) answers 400 InvalidObject / ObjectExists.
class RecordWriter final
{
public:
    // parentReference: for child lists (invoice payments) the reference object set on created records.
    RecordWriter(Collection& collection, QJsonObject parentReference = {});

    HttpResponse create(const QByteArray& body);
    HttpResponse patch(qint64 id, const QByteArray& body);
    HttpResponse put(qint64 id, const QByteArray& body);
    HttpResponse remove(qint64 id);

private:
    std::vector<FieldError> validate(const QJsonObject& record) const;
    std::optional<FieldError> duplicate(const QJsonObject& record, qint64 selfId) const;
    HttpResponse store(QJsonObject record, qint64 id, const QJsonObject& previous, int status);
    FieldError error(const QString& code, const QString& message, const QString& field) const;
    HttpResponse notFound(qint64 id) const;

    Collection& m_collection;
    QJsonObject m_parentReference;
};

} // namespace Sim
