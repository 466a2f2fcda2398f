#include "core/connectwise/ApiResult.h"

namespace Cw {

QByteArray ApiResult::header(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            return h.second;
        }
    }
    return QByteArray();
}

} // namespace Cw
