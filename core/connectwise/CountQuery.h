#pragma once

#include "core/connectwise/ApiError.h"
#include "core/connectwise/PageQuery.h"

#include <QMetaType>
#include <QObject>
#include <QPointer>

namespace Cw {

class ApiCall;
class ApiClient;
struct ApiResult;

struct CountResult
{
    qint64 count = -1;
    ApiError error;
    bool ok() const { return error.isOk(); }
};

// GET {path}/count with the query's conditions -> {"count": N}. Emits finished() once, then deletes itself.
class CountQuery final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CountQuery)

public:
    static CountQuery* start(ApiClient* client, const PageQuery& query);
    void cancel();

signals:
    void finished(const Cw::CountResult& result);

private:
    explicit CountQuery(ApiClient* client);
    void onFinished(const ApiResult& result);

    QPointer<ApiCall> m_call;
};

} // namespace Cw

Q_DECLARE_METATYPE(Cw::CountResult)
