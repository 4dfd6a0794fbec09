// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace frontline {

//! The form of a name used to match it: lower case, without diacritics (Latin accents, Arabic harakat),
//! one apostrophe style, Arabic alef forms unified, spaces collapsed. "Qal’et ash-Sharif" and
//! "qal'et ash-sharif" have the same key. Uses ICU transforms; thread-safe.
[[nodiscard]] std::string matchKey(std::string_view name);

} // namespace frontline
