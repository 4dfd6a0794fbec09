// SPDX-License-Identifier: MIT
#pragma once

#include <sqlite3.h>

#include <string>
#include <string_view>

namespace frontline {

//! Names in the order people read them: numbers by their value ("District 2" before "District 10"), letters as
//! ICU's root collation orders them (case and accents after the letter). Thread-safe.
[[nodiscard]] int naturalCompare(std::string_view a, std::string_view b);
//! Bytes whose plain comparison gives the same order: for sorting many names, each made once.
[[nodiscard]] std::string naturalSortKey(std::string_view name);
//! Registers the same order on a connection as the collation "natural_order" (ORDER BY name COLLATE natural_order).
void registerNaturalCollation(sqlite3 *db);

} // namespace frontline
