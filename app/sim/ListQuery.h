#pragma once

#include "app/sim/Collection.h"
#include "app/sim/HttpMessage.h"

#include <vector>

namespace Sim {

// Serves GET on a list endpoint and its /count: conditions, orderBy, fields, and both paging modes
// (navigable page/pageSize with a full Link header; forward-only pageId with rel="next").
// Without fields the page body is the cached JSON of each record joined by commas.
class ListQuery final
{
public:
    // records: the list's records sorted by id. linkBase: "scheme://host:port/path" for Link URLs.
    static HttpResponse list(const std::vector<const Record*>& records, const HttpRequest& request,
                             const QByteArray& linkBase);
    static HttpResponse count(const std::vector<const Record*>& records, const HttpRequest& request);
    // One record, honouring fields=.
    static HttpResponse single(const Record& record, const HttpRequest& request);

private:
    static bool filter(const std::vector<const Record*>& records, const HttpRequest& request,
                       std::vector<const Record*>* out, HttpResponse* error);
};

} // namespace Sim
