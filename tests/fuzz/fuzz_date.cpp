// SPDX-License-Identifier: MIT
// Date, enum and name-key parsing: never crash; a parsed date prints back to the same text.
#include "domain/date.h"
#include "domain/records.h"
#include "text/matchkey.h"
#include "text/utf8.h"

#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    if (auto date = frontline::Date::parse(text); date && date->toString() != text)
        std::abort();
    (void)frontline::parseStance(text);
    (void)frontline::parseConfidence(text);
    (void)frontline::parseControlState(text);
    if (frontline::isValidUtf8(text)) {
        const std::string key = frontline::matchKey(text);
        if (!frontline::isValidUtf8(key))
            std::abort();
        (void)frontline::withoutBidiControls(text);
    }
    return 0;
}
