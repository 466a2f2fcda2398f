#pragma once

#include "app/sim/ModelTable.h"

#include <QJsonValue>

#include <vector>

namespace Sim {

// One way a JSON value breaks a model.
struct ModelViolation
{
    enum class Kind {
        UnknownMember, // a member the schema lacks, at any depth
        WrongType, // a value ConnectWise's JSON reader cannot convert (a string for a reference, null for an int...)
        MissingRequired, // a required member missing, null or blank
        MaxLength, // a string longer than the schema's maxLength
        BadEnum, // a value outside an enum's values
    };

    Kind kind = Kind::UnknownMember;
    QStringList path; // member names from the top; "[i]" for the i-th element of an array
    QString type; // the class of the object that holds the member, e.g. "CompanyReference"
    QString message; // in ConnectWise's words, without the "Path ..." tail

    // What ConnectWise refuses while reading the JSON (400 "ConnectWiseApi", errors null), before validating.
    bool isStructural() const { return kind == Kind::UnknownMember || kind == Kind::WrongType; }
    QString jsonPath() const; // as the JSON reader names it: "company.id", "types[0].name"
    QString fieldPath() const; // as errors[].field names it: "company/id"
};

// Checks a JSON value against a schema of the model table: unknown members at any depth (references included),
// member types (integer, number, string, boolean, enum, array, reference object, the _info map), nullable,
// required members, maxLength and enum values. Conversions ConnectWise's reader makes silently are accepted:
// a number or boolean for a string, a numeric string for a number, "true"/"false" for a boolean.
class ModelValidator final
{
public:
    enum class Required {
        Check, // request bodies of POST and PUT
        Ignore, // responses (a required member may be absent from a read), and PATCH values
    };

    explicit ModelValidator(const ModelTable& table) : m_table(table) { }

    std::vector<ModelViolation> validate(const QJsonValue& value, const QString& schema, Required required) const;
    // The value of one top-level member (a PATCH operation's value), or UnknownMember when the schema lacks it.
    std::vector<ModelViolation> validateMember(const QString& schema, const QString& member,
                                               const QJsonValue& value) const;

    // The type name ConnectWise's reader uses in conversion errors, e.g. 'System.Int32'.
    static QString clrType(const ModelProperty& property, bool nullable);

private:
    void checkObject(const QJsonObject& object, const ModelSchema& schema, const QStringList& path, Required required,
                     std::vector<ModelViolation>* out) const;
    void checkValue(const QJsonValue& value, const ModelProperty& property, bool nullable, const QStringList& path,
                    const QString& holder, Required required, std::vector<ModelViolation>* out) const;

    const ModelTable& m_table;
};

} // namespace Sim
