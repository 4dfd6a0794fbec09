// SPDX-License-Identifier: MIT
#include "text/naturalorder.h"

#include <unicode/coll.h>

#include <memory>

namespace frontline {

namespace {
//! One collator per thread: ICU does not promise that one may be shared.
icu::Collator &collator()
{
    thread_local std::unique_ptr<icu::Collator> local = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> c(icu::Collator::createInstance(icu::Locale::getRoot(), status));
        c->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, status);
        return c;
    }();
    return *local;
}

icu::StringPiece piece(std::string_view s)
{
    return {s.data(), int32_t(s.size())};
}
} // namespace

int naturalCompare(std::string_view a, std::string_view b)
{
    UErrorCode status = U_ZERO_ERROR;
    const UCollationResult r = collator().compareUTF8(piece(a), piece(b), status);
    if (U_FAILURE(status))
        return a.compare(b);
    return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : a.compare(b); // equal to ICU: byte order keeps it total
}

std::string naturalSortKey(std::string_view name)
{
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(piece(name));
    std::string key(64, '\0');
    for (;;) {
        const int32_t n = collator().getSortKey(text, reinterpret_cast<uint8_t *>(key.data()), int32_t(key.size()));
        if (n <= int32_t(key.size())) {
            key.resize(std::size_t(n > 0 ? n - 1 : 0)); // without its terminating zero
            break;
        }
        key.resize(std::size_t(n));
    }
    return key.append(1, '\0').append(name); // ties in the collation fall back to bytes, as in naturalCompare
}

void registerNaturalCollation(sqlite3 *db)
{
    sqlite3_create_collation_v2(
        db, "natural_order", SQLITE_UTF8, nullptr,
        [](void *, int na, const void *a, int nb, const void *b) {
            return naturalCompare(
                {static_cast<const char *>(a), std::size_t(na)}, {static_cast<const char *>(b), std::size_t(nb)});
        },
        nullptr);
}

} // namespace frontline
