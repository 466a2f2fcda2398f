#pragma once

#include "app/sim/ApiError.h"
#include "app/sim/Collection.h"

#include <QJsonObject>

#include <vector>

namespace Sim {

// What a write does beyond storing the record: resolve and check the records it references, fill in what the
// server owns (an invoice's totals), and keep other records in step afterwards (the totals of the invoice a
// product item or a payment belongs to). RecordWriter calls it for every POST, PUT, PATCH and DELETE.
class WriteHooks
{
public:
    virtual ~WriteHooks() = default;

    // Before storing record (previous is empty for a POST). Errors refuse the write (400 InvalidObject).
    virtual std::vector<FieldError> prepare(const CollectionSpec& spec, QJsonObject* record,
                                            const QJsonObject& previous) = 0;
    // After the write: record is empty after a DELETE, previous after a POST.
    virtual void written(const CollectionSpec& spec, const QJsonObject& record, const QJsonObject& previous) = 0;
};

} // namespace Sim
