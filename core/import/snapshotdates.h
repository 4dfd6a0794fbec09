// SPDX-License-Identifier: MIT
// Where an archive's snapshot says its date: in the file's name, or in an attribute (internal to import/).
#pragma once

#include "domain/date.h"

#include <ogr_api.h>

#include <optional>
#include <string>
#include <string_view>

namespace frontline::importing {

//! The date in a file name, read with a strptime pattern matched anywhere in it (`deepstatemap_data_%Y%m%d`,
//! `%s` for seconds since 1970 in UTC); nullopt if it matches nowhere or gives an impossible day.
[[nodiscard]] std::optional<Date> dateInName(std::string_view name, const std::string &pattern);
//! A feature's date attribute: an OGR date or date-time, text starting `YYYY-MM-DD`, or a number of
//! milliseconds since 1970 in UTC (as ArcGIS exports write dates); nullopt if unset or unreadable.
[[nodiscard]] std::optional<Date> dateOfField(OGRFeatureH feature, int field);

} // namespace frontline::importing
