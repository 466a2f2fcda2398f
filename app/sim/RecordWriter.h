#pragma once

#include "app/sim/ApiError.h"
#include "app/sim/Collection.h"
#include "app/sim/HttpMessage.h"
#include "app/sim/ModelGate.h"

#include <QJsonObject>

namespace Sim {

class ViolationLog;
class WriteHooks;

// Where a write comes from and what it answers to: the model table, the violation log, the hooks.
struct WriteContext
{
    const ModelTable& models;
    ViolationLog& violations;
    WriteHooks* hooks = nullptr;
    QByteArray method;
    QString path; // under apis/3.0/, for the violation log
};

// Writes to one collection the way the real API does: POST creates (201 + the record), PATCH applies a JSON Patch
// array ([{"op":"replace","path":"name","value":...}]), PUT replaces, DELETE removes (204). Bodies are held to the
// collection's model (ModelGate): an unknown member or a wrong type is a 400 "ConnectWiseApi", a missing required
// member, an over-long string or a bad enum value a 400 "InvalidObject" with errors[] naming the fields; each such
// refusal goes to the violation log. A second record with the same unique value (identifier, name...) answers 400
// InvalidObject / ObjectExists. A PATCH of a nested path ("company/id") answers 200 and changes nothing.
class RecordWriter final
{
public:
    // parentReference: for child lists (invoice payments) the reference object set on created records.
    RecordWriter(Collection& collection, const WriteContext& context, QJsonObject parentReference = {});

    HttpResponse create(const QByteArray& body);
    HttpResponse patch(qint64 id, const QByteArray& body);
    HttpResponse put(qint64 id, const QByteArray& body);
    HttpResponse remove(qint64 id);

private:
    std::optional<FieldError> duplicate(const QJsonObject& record, qint64 selfId) const;
    HttpResponse store(QJsonObject record, qint64 id, const QJsonObject& previous, int status);
    HttpResponse refuse(const Refusal& refusal) const; // answers and logs a model violation
    void logFalsePatch(const QString& path) const;
    FieldError error(const QString& code, const QString& message, const QString& field) const;
    HttpResponse notFound(qint64 id) const;

    Collection& m_collection;
    const WriteContext& m_context;
    ModelGate m_gate;
    QJsonObject m_parentReference;
};

} // namespace Sim
