#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Cw {

// What "Auto-map all tables" of the lookups panel did, table by table: the values it mapped, the values left
// unmapped (with why), the mappings it kept; text() is the summary the panel shows.
struct AutoMapReport
{
    Q_DECLARE_TR_FUNCTIONS(Cw::LookupsPanel)

public:
    struct Table
    {
        QString title; // "Currency → currency"
        QStringList mapped; // "eur to Euro"
        QStringList unmapped; // "Wholesale" or "Wholesale (set by hand)"
        int kept = 0; // already mapped (stored or set by hand): left as they are
        QString note; // why nothing could be mapped: the ConnectWise list is empty or not loaded
        bool inUse() const { return !mapped.isEmpty() || !unmapped.isEmpty() || kept > 0; }
    };
    QList<Table> tables;

    int mappedCount() const;
    int unmappedCount() const;
    QString text() const; // a headline, then one line per table with values; tables without values on one line
};

} // namespace Cw
