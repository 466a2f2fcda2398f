#pragma once

#include "core/connectwise/ApiError.h"
#include "core/connectwise/ApiRequest.h"
#include "core/connectwise/ApiResult.h"
#include "core/connectwise/PageQuery.h"
#include "core/connectwise/Pager.h"

#include <functional>

namespace Cw {

class SyncRun;
class ThreadedPager;

// How the pages of a pull come in, for PullJob: the first over the engine's own connection, the rest from a
// ThreadedPager while the first is stored.
namespace PullPages {

using Store = std::function<bool(const Page&)>; // takes a page; false stops the pull

// The first page of a pull, over the engine's own connection and mapped on this thread (one page needs no other).
// *nextPageId: where the next page starts; empty when this one is the last (no next link, or no records).
ApiError firstPage(const PageQuery& query, const Pager::RawPrepare& prepare,
                   const std::function<ApiResult(const ApiRequest&)>& call, Page* page, QString* nextPageId);

// Starts the pager, stores the page already here while the pager's first transfer runs, then the pager's pages.
PagerResult drive(ThreadedPager& pager, const SyncRun* run, const Page& first, const Store& store);

} // namespace PullPages

} // namespace Cw
