// SPDX-License-Identifier: MIT
#include "text/utf8.h"

#include <unicode/utf8.h>

namespace frontline {

bool isValidUtf8(std::string_view text)
{
    const auto *s = reinterpret_cast<const uint8_t *>(text.data());
    const auto length = int32_t(text.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(s, i, length, c); // NOLINT(bugprone-inc-dec-in-conditions): ICU's macro
        if (c < 0)
            return false;
    }
    return true;
}

std::string withoutBidiControls(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    const auto *s = reinterpret_cast<const uint8_t *>(text.data());
    const auto length = int32_t(text.size());
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(s, i, length, c); // NOLINT(bugprone-inc-dec-in-conditions): ICU's macro
        const bool control = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        if (!control)
            out.append(text.substr(std::size_t(start), std::size_t(i - start)));
    }
    return out;
}

} // namespace frontline
