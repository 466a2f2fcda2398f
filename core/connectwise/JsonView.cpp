// JsonView's reading of validated values: types, member and element lookups, JsonRecord. Validation and
// splitting a page are in JsonViewSplit.cpp, decoding in JsonViewText.cpp.
#include "core/connectwise/JsonView.h"

namespace Cw {

namespace {

// The members or elements of an already validated object or array (JsonView::split checked it), one at a time:
// no validation, only strings and nesting followed.
struct Walker
{
    const char* p;
    const char* end;
    bool first = true;

    void space()
    {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) {
            ++p;
        }
    }
    // p at the opening quote: past the closing one.
    void string()
    {
        for (++p; p < end && *p != '"'; ++p) {
            if (*p == '\\') {
                ++p;
            }
        }
        ++p;
    }
    // Past one value.
    void skip()
    {
        int depth = 0;
        do {
            if (p >= end) {
                return;
            }
            const char c = *p;
            if (c == '"') {
                string();
            } else if (c == '{' || c == '[') {
                ++depth;
                ++p;
            } else if (c == '}' || c == ']') {
                --depth;
                ++p;
            } else if (depth == 0) {
                while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n' && *p != '\r' &&
                       *p != '\t') {
                    ++p;
                }
                return;
            } else {
                ++p;
            }
        } while (depth > 0);
    }

    // Moves to the next member or element: *key set for objects (raw, between the quotes).
    bool next(bool object, QLatin1StringView* key, const char** valueBegin, const char** valueEnd)
    {
        space();
        if (first) {
            ++p; // { or [
            first = false;
        } else if (p < end && *p == ',') {
            ++p;
        }
        space();
        if (p >= end || *p == '}' || *p == ']') {
            return false;
        }
        if (object) {
            const char* keyStart = p + 1;
            string();
            *key = QLatin1StringView(keyStart, p - 1 - keyStart);
            space();
            ++p; // :
            space();
        }
        *valueBegin = p;
        skip();
        *valueEnd = p;
        return true;
    }
};

} // namespace

JsonView::Type JsonView::type() const
{
    if (!m_begin) {
        return Type::Undefined;
    }
    switch (*m_begin) {
    case '"':
        return Type::String;
    case '{':
        return Type::Object;
    case '[':
        return Type::Array;
    case 'n':
        return Type::Null;
    case 't':
    case 'f':
        return Type::Bool;
    default:
        return Type::Number;
    }
}

JsonView JsonView::value(QLatin1StringView key) const
{
    if (!isObject()) {
        return {};
    }
    Walker w {m_begin, m_end};
    QLatin1StringView k;
    const char* vb = nullptr;
    const char* ve = nullptr;
    while (w.next(true, &k, &vb, &ve)) {
        if (k == key) {
            return JsonView(vb, ve);
        }
    }
    return {};
}

JsonView JsonView::at(qsizetype index) const
{
    if (!isArray() || index < 0) {
        return {};
    }
    Walker w {m_begin, m_end};
    QLatin1StringView k;
    const char* vb = nullptr;
    const char* ve = nullptr;
    for (qsizetype i = 0; w.next(false, &k, &vb, &ve); ++i) {
        if (i == index) {
            return JsonView(vb, ve);
        }
    }
    return {};
}

bool JsonView::isEmpty() const
{
    if (!isObject() && !isArray()) {
        return true;
    }
    Walker w {m_begin, m_end};
    QLatin1StringView k;
    const char* vb = nullptr;
    const char* ve = nullptr;
    return !w.next(isObject(), &k, &vb, &ve);
}

JsonRecord::JsonRecord(const JsonView& object) : m_object(object)
{
    if (!object.isObject()) {
        return;
    }
    m_members.reserve(16);
    Walker w {object.m_begin, object.m_end};
    QLatin1StringView key;
    const char* vb = nullptr;
    const char* ve = nullptr;
    while (w.next(true, &key, &vb, &ve)) {
        m_members.emplace_back(key, JsonView(vb, ve));
    }
}

JsonView JsonRecord::value(QLatin1StringView key) const
{
    for (const auto& [name, view] : m_members) {
        if (name == key) {
            return view;
        }
    }
    return {};
}

} // namespace Cw
