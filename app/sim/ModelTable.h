#pragma once

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <vector>

namespace Sim {

// One member of a model schema, as connectwise-models-2022.1.json describes it (its "conventions" member).
struct ModelProperty
{
    enum class Kind {
        Integer, // int32
        Number, // double
        String, // maxLength, format (date-time, date, uuid)
        Boolean,
        Enum, // a string out of values
        Array, // items
        Reference, // an object of schema `reference`
        Map, // an object whose every value is items (the _info map: strings)
        Any, // an object of any content ({ [key: string]: unknown }): PatchOperation.value, CustomFieldValue.value
    };

    Kind kind = Kind::Any;
    int maxLength = -1;
    QString format;
    QStringList values; // Enum
    QString reference; // Reference: the schema name
    std::shared_ptr<const ModelProperty> items; // Array: each element; Map: each value
};

struct ModelSchema
{
    QString name; // "Company", "Finance.Currency"
    std::map<QString, ModelProperty> properties;
    QStringList required;
    QSet<QString> nullable;

    const ModelProperty* property(const QString& member) const;
    // The class name ConnectWise's messages use: "Currency" for "Finance.Currency".
    QString typeName() const { return name.section(QLatin1Char('.'), -1); }
};

// What one method of one path takes and gives.
struct ModelOperation
{
    bool exists = false;
    QString body; // request schema, empty when none
    bool bodyArray = false; // PATCH: PatchOperation[]
    QString response; // response schema, empty for 204
    bool array = false; // the response is a list
    int status = 200;
};

// The project's model table: ConnectWise's published models (connectwise-models-2022.1.json, from the MIT-licensed
// connectwise-rest package), compiled into cwsim as a Qt resource. Paths are matched as templates:
// "finance/invoices/12/payments" is "/finance/invoices/{parentId}/payments".
class ModelTable final
{
public:
    static constexpr const char* kResource = ":/sim/connectwise-models-2022.1.json";

    ModelTable(); // the compiled-in copy; isValid() is false (and error() says why) if it cannot be read
    static ModelTable fromJson(const QByteArray& json);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    const ModelSchema* schema(const QString& name) const;
    QStringList schemaNames() const;
    QStringList pathTemplates() const; // as the table spells them, e.g. "/procurement/subcategories/"
    // The template a concrete API path (with or without leading '/', ids filled in) falls under; empty when none.
    QString pathTemplate(const QString& apiPath) const;
    ModelOperation operation(const QString& apiPath, const QByteArray& method) const;

private:
    struct NoLoad
    {
    };
    explicit ModelTable(NoLoad) { }

    struct PathEntry
    {
        QString spelling;
        QStringList segments; // "{id}" segments are placeholders
        QHash<QString, ModelOperation> methods; // lower case
    };

    void load(const QByteArray& json);

    QString m_error;
    QHash<QString, ModelSchema> m_schemas;
    std::vector<PathEntry> m_paths;
};

} // namespace Sim
