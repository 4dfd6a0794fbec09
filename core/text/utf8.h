// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace frontline {

//! True if `text` is well-formed UTF-8 (no overlong forms, surrogates or truncated sequences).
[[nodiscard]] bool isValidUtf8(std::string_view text);

//! Dataset text made safe to show: bidirectional embedding/override/isolate controls, which can make
//! text read differently from what it says, are removed; everything else is kept as it is.
[[nodiscard]] std::string withoutBidiControls(std::string_view text);

} // namespace frontline
