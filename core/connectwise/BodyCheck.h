#pragma once

#include "core/connectwise/ApiResult.h"

namespace Cw {

// Whether a 2xx answer's body arrived whole, before anyone reads it: a proxy or a connection closed at the wrong
// moment can cut a body off and still end the transfer without an error. Pure functions, unit-testable.
class BodyCheck final
{
public:
    // MalformedResponse (with truncated) when the body is shorter than its Content-Length (not checked for an
    // encoded body: Qt inflates gzip, drops the Content-Length of the compressed bytes and reports no error for a
    // cut stream, so a cut gzip reply is found by its JSON: rawJson() or the parse); kind None otherwise.
    static ApiError length(const ApiResult& reply);
    // For a body read as raw JSON: a [ or { must be closed by the matching ] or } (after trimming), anything else
    // must be a complete JSON scalar ("null" from companyinfo); an empty body is left to the reader. Includes
    // length().
    static ApiError rawJson(const ApiResult& reply);

private:
    static ApiError malformed(const QString& detail, bool truncated);
};

} // namespace Cw
