#include "core/connectwise/OneShotBody.h"

#include <algorithm>
#include <cstring>

namespace Cw {

OneShotBody::OneShotBody(QByteArray data, QObject* parent) : QIODevice(parent), m_data(std::move(data))
{
    open(QIODevice::ReadOnly);
}

qint64 OneShotBody::readData(char* out, qint64 max)
{
    const qint64 n = std::min<qint64>(max, m_data.size() - m_pos);
    if (n <= 0) {
        return m_pos >= m_data.size() ? -1 : 0;
    }
    memcpy(out, m_data.constData() + m_pos, size_t(n));
    m_pos += n;
    return n;
}

} // namespace Cw
