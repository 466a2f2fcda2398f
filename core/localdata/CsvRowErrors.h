#pragma once

#include <QList>
#include <QString>

namespace Cw {

struct CsvRowError
{
    int row = 0; // 1-based data row (the header is row 0)
    int line = 0; // line in the file where the row starts
    QString column;
    QString message; // translated, names the column, the value and the fix
};

// The row errors of one file, in bounded memory: the first `limit` are kept (what a person reads first), the rest
// only counted, so that a file of 200,000 bad rows costs no more than one of 100.
class CsvRowErrors final
{
public:
    static constexpr int kDefaultLimit = 100;

    explicit CsvRowErrors(int limit = kDefaultLimit) : m_limit(limit) { }

    void add(const CsvRowError& error);
    void clear();

    const QList<CsvRowError>& kept() const { return m_kept; } // at most limit()
    int limit() const { return m_limit; }
    int total() const { return m_total; } // every error, kept or not
    int badRows() const { return m_badRows; } // rows with at least one error
    bool isEmpty() const { return m_total == 0; }

private:
    int m_limit;
    QList<CsvRowError> m_kept;
    int m_total = 0;
    int m_badRows = 0;
    int m_lastRow = 0;
};

} // namespace Cw
