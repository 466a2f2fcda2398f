#pragma once

#include <QLoggingCategory>

namespace Cw {
Q_DECLARE_LOGGING_CATEGORY(lcSync)
} // namespace Cw
