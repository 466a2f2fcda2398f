// JsonView's validation: a page checked as one well-formed JSON array and split into its elements (and, for
// splitRecords, its records' top-level members), in one pass.
#include "core/connectwise/JsonView.h"

#include <QCoreApplication>

#include <cctype>
#include <cstring>

namespace Cw {

struct JsonMemberSpan
{
    const char* keyBegin;
    const char* keyEnd;
    const char* valueBegin;
    const char* valueEnd;
};

namespace {

struct Scanner
{
    const char* p;
    const char* end;
    const char* failedAt = nullptr;
    std::vector<JsonMemberSpan>* topMembers = nullptr; // when set: the members of objects at depth 0

    void space()
    {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) {
            ++p;
        }
    }
    bool fail()
    {
        if (!failedAt) {
            failedAt = p;
        }
        return false;
    }
    bool string()
    {
        ++p; // the opening quote
        while (p < end) {
            const char c = *p;
            if (c == '"') {
                ++p;
                return true;
            }
            if (c == '\\') {
                if (++p >= end) {
                    return fail();
                }
                if (*p == 'u') {
                    if (end - p < 5) {
                        return fail();
                    }
                    for (int i = 1; i <= 4; ++i) {
                        if (!std::isxdigit(static_cast<unsigned char>(p[i]))) {
                            return fail();
                        }
                    }
                    p += 4;
                } // other escapes are read as the character itself, as QJsonDocument does
            } // so are raw control characters
            ++p;
        }
        return fail();
    }
    bool literal(const char* word)
    {
        const std::size_t n = std::strlen(word);
        if (static_cast<std::size_t>(end - p) < n || std::memcmp(p, word, n) != 0) {
            return fail();
        }
        p += n;
        return true;
    }
    bool number()
    {
        const char* start = p;
        if (p < end && *p == '-') {
            ++p;
        }
        while (p < end && ((*p >= '0' && *p <= '9') || *p == '.' || *p == 'e' || *p == 'E' || *p == '+' || *p == '-')) {
            ++p;
        }
        return p > start && (start[0] != '-' || p - start > 1) ? true : fail();
    }
    // An object's members (key: value) or an array's elements, p at the opening bracket.
    bool members(char close, bool object, int depth)
    {
        ++p;
        space();
        if (p < end && *p == close) {
            ++p;
            return true;
        }
        while (true) {
            const char* keyBegin = nullptr;
            const char* keyEnd = nullptr;
            if (object) {
                space();
                keyBegin = p + 1;
                if (p >= end || *p != '"' || !string()) {
                    return fail();
                }
                keyEnd = p - 1;
                space();
                if (p >= end || *p != ':') {
                    return fail();
                }
                ++p;
            }
            space();
            const char* valueBegin = p;
            if (!value(depth + 1)) {
                return false;
            }
            if (object && depth == 0 && topMembers) {
                topMembers->push_back({keyBegin, keyEnd, valueBegin, p});
            }
            space();
            if (p < end && *p == ',') {
                ++p;
                continue;
            }
            if (p < end && *p == close) {
                ++p;
                return true;
            }
            return fail();
        }
    }
    bool value(int depth)
    {
        space();
        if (p >= end || depth > 64) {
            return fail();
        }
        switch (*p) {
        case '"':
            return string();
        case '{':
            return members('}', true, depth);
        case '[':
            return members(']', false, depth);
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }
};

} // namespace

bool JsonView::splitArray(const QByteArray& json, std::vector<JsonView>* elements, QString* error)
{
    return split(json, elements, nullptr, nullptr, error);
}

bool JsonView::splitRecords(const QByteArray& json, std::vector<JsonRecord>* records, QString* error)
{
    records->clear();
    std::vector<JsonView> elements;
    std::vector<JsonMemberSpan> members;
    std::vector<std::size_t> firstMember; // per element: its first entry in members
    if (!split(json, &elements, &members, &firstMember, error)) {
        return false;
    }
    records->reserve(elements.size());
    for (std::size_t i = 0; i < elements.size(); ++i) {
        const std::size_t from = firstMember[i];
        const std::size_t to = i + 1 < elements.size() ? firstMember[i + 1] : members.size();
        JsonRecord::Members indexed;
        if (elements[i].isObject()) {
            indexed.reserve(to - from);
            for (std::size_t m = from; m < to; ++m) {
                const JsonMemberSpan& span = members[m];
                indexed.emplace_back(QLatin1StringView(span.keyBegin, span.keyEnd - span.keyBegin),
                                     JsonView(span.valueBegin, span.valueEnd));
            }
        }
        records->push_back(JsonRecord(elements[i], std::move(indexed)));
    }
    return true;
}

bool JsonView::split(const QByteArray& json, std::vector<JsonView>* elements, std::vector<JsonMemberSpan>* members,
                     std::vector<std::size_t>* firstMember, QString* error)
{
    elements->clear();
    Scanner s {json.constData(), json.constData() + json.size()};
    s.topMembers = members;
    if (members) {
        members->reserve(static_cast<std::size_t>(json.size() / 40)); // roughly one top-level member every 40 bytes
    }
    s.space();
    if (s.p >= s.end || *s.p != '[') {
        *error = QCoreApplication::translate("Cw::JsonView", "the page is not a JSON array");
        return false;
    }
    ++s.p;
    s.space();
    if (s.p < s.end && *s.p == ']') {
        ++s.p;
    } else {
        while (true) {
            s.space();
            const char* begin = s.p;
            if (firstMember) {
                firstMember->push_back(members->size());
            }
            if (!s.value(0)) {
                break;
            }
            elements->push_back(JsonView(begin, s.p));
            s.space();
            if (s.p < s.end && *s.p == ',') {
                ++s.p;
                continue;
            }
            if (s.p < s.end && *s.p == ']') {
                ++s.p;
                break;
            }
            s.fail();
            break;
        }
    }
    s.space();
    if (s.failedAt || s.p != s.end) {
        const qsizetype offset = (s.failedAt ? s.failedAt : s.p) - json.constData();
        *error =
            QCoreApplication::translate("Cw::JsonView", "malformed JSON at byte %1 of %2").arg(offset).arg(json.size());
        elements->clear();
        return false;
    }
    return true;
}

} // namespace Cw
