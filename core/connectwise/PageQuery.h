#pragma once

#include "core/connectwise/ApiRequest.h"
#include "core/connectwise/Conditions.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Cw {

// What to page through and how. Every page request is built from this (never from the Link URL), so
// pageSize, conditions, orderBy and fields are sent on every page.
struct PageQuery
{
    enum class Mode {
        Navigable, // page=1,2,...; for lookups and small lists; orderBy allowed
        ForwardOnly, // header pagination-type: forward-only + pageId from the Link header; for big pulls
    };

    QString path; // "company/companies"
    Conditions conditions;
    QString orderBy; // Navigable only; empty means "id asc" so pages are stable
    QStringList fields; // partial response; empty = all fields
    QList<QPair<QString, QString>> extraQuery; // childConditions, customFieldConditions, ...
    int pageSize = 1000; // 1..1000, always sent (the server default of 25 silently truncates)
    Mode mode = Mode::Navigable;

    static constexpr int kMaxPageSize = 1000;

    // The request for page `page` (1-based, Navigable) or after `pageId` (ForwardOnly; empty = first page).
    ApiRequest pageRequest(int page, const QString& pageId) const;
    // The matching GET {path}/count with the same conditions.
    ApiRequest countRequest() const;
    int effectivePageSize() const;
};

} // namespace Cw
