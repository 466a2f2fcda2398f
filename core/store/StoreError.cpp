#include "core/store/StoreError.h"

namespace Cw {

bool StoreError::fail(StoreError* target, Code code, const QString& message, const QString& field)
{
    if (target) {
        target->code = code;
        target->message = message;
        target->field = field;
        target->nativeCode.clear();
    }
    return false;
}

} // namespace Cw
