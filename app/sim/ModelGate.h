#pragma once

#include "app/sim/ApiError.h"
#include "app/sim/Collection.h"
#include "app/sim/ModelValidator.h"

#include <QJsonObject>

#include <optional>

namespace Sim {

// A write refused before anything is stored.
struct Refusal
{
    int status = 400;
    QString code; // "ConnectWiseApi" (the JSON reader) or "InvalidObject" (validation)
    QString message;
    std::vector<FieldError> errors;

    HttpResponse response() const { return ApiError::reply(status, code, message, errors); }
};

// The checks ConnectWise makes on a write body against the collection's model, in its order: first its JSON
// reader refuses an unknown member or a value of the wrong type (400 "ConnectWiseApi", errors null, the message
// naming the path, line and position), then validation refuses missing required members, over-long strings and
// bad enum values, plus the rules it enforces beyond the schema (connectwise-api.md §6), with errors[] naming
// each field (400 "InvalidObject").
class ModelGate final
{
public:
    ModelGate(const ModelTable& table, const CollectionSpec& spec);

    const ModelSchema* schema() const { return m_schema; }

    // The reader's check of a value sent in raw: its first unknown member or wrong type (by position in raw).
    // prefix: where the value sits in raw ("[2]", "value") when it is a part of the body.
    std::optional<Refusal> read(const QJsonValue& value, const QString& schema, const QByteArray& raw,
                                const QStringList& prefix = {}) const;
    // The same for one member's value (a PATCH operation): an unknown member, a wrong type; a too long string or a
    // bad enum value come back in *invalid.
    std::optional<Refusal> readMember(const QString& member, const QJsonValue& value, const QByteArray& raw,
                                      const QStringList& valuePath, std::vector<FieldError>* invalid) const;
    // Validation of the record about to be stored (a POST or PUT body, a patched record).
    std::optional<Refusal> validate(const QJsonObject& record) const;

    // "Could not find member ... Path 'x', line 1, position 9." for an unknown member found at path in raw.
    Refusal unknownMember(const QString& member, const QByteArray& raw, const QStringList& path) const;

private:
    Refusal readerError(const ModelViolation& violation, const QByteArray& raw, const QStringList& prefix) const;
    FieldError fieldError(const ModelViolation& violation) const;

    const ModelTable& m_table;
    const CollectionSpec& m_spec;
    const ModelSchema* m_schema;
};

} // namespace Sim
