#include "core/localdata/CsvRowErrors.h"

namespace Cw {

void CsvRowErrors::add(const CsvRowError& error)
{
    ++m_total;
    if (error.row != m_lastRow) { // a row's errors come one after the other
        ++m_badRows;
        m_lastRow = error.row;
    }
    if (m_kept.size() < m_limit) {
        m_kept.append(error);
    }
}

void CsvRowErrors::clear()
{
    m_kept.clear();
    m_total = 0;
    m_badRows = 0;
    m_lastRow = 0;
}

} // namespace Cw
