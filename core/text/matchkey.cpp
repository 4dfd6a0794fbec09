// SPDX-License-Identifier: MIT
#include "text/matchkey.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

namespace frontline {

namespace {
// Apostrophe-like marks (’ ‘ ʼ ʻ ` ´ ′) become ', Arabic alef variants become bare alef, tatweel goes.
constexpr const char16_t *kRules = u"::NFD; ::[:Nonspacing Mark:] Remove; ::NFC; ::Lower;"
                                   u"[\u2019\u2018\u02BC\u02BB\u0060\u00B4\u2032] > \\';"
                                   u"[\u0623\u0625\u0622\u0671] > \u0627; \u0640 > ;"
                                   u"[:White_Space:]+ > ' ';";

const icu::Transliterator &transform()
{
    static std::once_flag once;
    static std::unique_ptr<icu::Transliterator> instance;
    std::call_once(once, [] {
        UParseError parseError;
        UErrorCode status = U_ZERO_ERROR;
        instance.reset(icu::Transliterator::createFromRules(
            "frontline-match-key", icu::UnicodeString(kRules), UTRANS_FORWARD, parseError, status));
        if (U_FAILURE(status))
            instance.reset();
    });
    return *instance;
}
} // namespace

std::string matchKey(std::string_view name)
{
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), int32_t(name.size())));
    // One copy per thread: ICU does not promise that one transliterator may be shared between threads.
    thread_local std::unique_ptr<icu::Transliterator> local(transform().clone());
    local->transliterate(text);
    text.trim();
    std::string out;
    text.toUTF8String(out);
    return out;
}

} // namespace frontline
