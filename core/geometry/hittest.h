// SPDX-License-Identifier: MIT
#pragma once

#include "domain/records.h"

#include <span>

namespace frontline {

//! Whether `point` lies inside `polygon` (lon/lat rings, the first outer, the others holes): the even-odd rule
//! over all its rings, so a point in a hole is outside.
[[nodiscard]] bool contains(const Polygon &polygon, LonLat point);

//! The district under `point`, from the districts' polygons in memory: bounding boxes first, then point in
//! polygon over the parts of those whose box holds it; the first in the order given, or null.
[[nodiscard]] const District *districtAt(std::span<const District> districts, LonLat point);

} // namespace frontline
